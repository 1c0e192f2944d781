// Settings → Forecast and expansion: the probability each forecast category and each health band
// gives a renewal's expected ARR (SPEC "Renewals, expansion and churn": every probability is a
// setting), the disagreement window, and when the signals suggest an expansion.
import { FORECAST_CATEGORIES, ALL_BANDS } from '../../../shared/domain';
import { labelOf } from '../../../shared/format';
import type { Settings } from '../../../shared/settings';
import { FORECAST_WORDS } from '../../../shared/money/words';
import { getIn, NumberField, type Errors, type Path } from './fields';

/** A probability shown and typed as a percentage. */
function PercentField({ draft, path, label, errors, onChange }: { draft: Settings; path: Path; label: string; errors: Errors; onChange(path: Path, value: unknown): void }) {
  const key = path.join('.');
  const id = `field-${key.replace(/\./g, '-')}`;
  const value = getIn(draft, path) as number;
  const error = errors.get(key);
  return (
    <span className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <span className="field-input">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          step={5}
          value={Number.isFinite(value) ? Math.round(value * 1000) / 10 : ''}
          aria-invalid={!!error}
          onChange={(e) => onChange(path, e.target.value === '' ? Number.NaN : Number(e.target.value) / 100)}
        />
        <span className="field-suffix">%</span>
      </span>
      {error && (
        <span className="field-error" role="alert">
          {error.replace(/at most 1\b/, 'at most 100%').replace(/at least 0\b/, 'at least 0%')}
        </span>
      )}
    </span>
  );
}

export function ForecastSettings({ draft, errors, onChange }: { draft: Settings; errors: Errors; onChange(path: Path, value: unknown): void }) {
  const field = { draft, errors, onChange };
  return (
    <section className="panel" aria-labelledby="forecast-heading">
      <h2 id="forecast-heading">Forecast and expansion</h2>
      <p className="muted small section-hint">
        A renewal counts its expected ARR × the probability of your forecast category (no forecast counts as likely), and × the probability of the account's health band for
        the health-adjusted forecast.
      </p>
      <div className="band-edges">
        {FORECAST_CATEGORIES.map((c) => (
          <PercentField key={c} {...field} path={['forecast', c]} label={FORECAST_WORDS[c]} />
        ))}
      </div>
      <div className="band-edges" style={{ marginTop: 12 }}>
        {ALL_BANDS.map((b) => (
          <PercentField key={b} {...field} path={['forecast', 'bands', b]} label={b === 'no_data' ? 'Not enough data' : labelOf(b)} />
        ))}
      </div>
      <div className="band-edges" style={{ marginTop: 12 }}>
        <NumberField {...field} path={['forecast', 'disagreementDays']} label="Disagreements within" suffix="days" min={0} />
        <NumberField {...field} path={['expansionSignals', 'minAdoption']} label="High adoption from" suffix="%" min={0} max={100} />
        <NumberField {...field} path={['expansionSignals', 'adoptionDays']} label="held for" suffix="days" min={0} />
        <NumberField {...field} path={['expansionSignals', 'promoterDays']} label="Promoter within" suffix="days" min={0} />
      </div>
    </section>
  );
}
