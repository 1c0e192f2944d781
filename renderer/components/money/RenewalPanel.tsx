// The account's open renewal: due date, term, the CSM's forecast category and expected ARR (an up- or
// down-sell), notes — each saved as it is changed — with health beside it and, when the two
// disagree, why. Close it as renewed or churned; past renewals below. A churned account shows when
// and why it left, and can be brought back.
import { useEffect, useState } from 'react';
import type { AccountMoney, RenewalView } from '../../../shared/contracts/money';
import { FORECAST_CATEGORIES, type ForecastCategory } from '../../../shared/domain';
import { formatCountdown, labelOf } from '../../../shared/format';
import { CHURN_REASON_WORDS, FORECAST_WORDS } from '../../../shared/money/words';
import { useMoneyStore } from '../../stores/money';
import { centsText, money, readAmount } from './format';

export function ForecastPicker({ renewal, compact = false }: { renewal: RenewalView; compact?: boolean }) {
  const change = useMoneyStore((s) => s.change);
  const set = (forecast: ForecastCategory | null) => void change('renewals.update', { id: renewal.id, patch: { forecast } });
  if (compact) {
    return (
      <select
        className={`forecast-select forecast-${renewal.forecast ?? 'none'}`}
        aria-label={`Forecast for ${renewal.accountName}`}
        value={renewal.forecast ?? ''}
        onChange={(e) => set((e.target.value || null) as ForecastCategory | null)}
      >
        <option value="">No forecast</option>
        {FORECAST_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {FORECAST_WORDS[c]}
          </option>
        ))}
      </select>
    );
  }
  return (
    <div className="segmented-row forecast-row" role="radiogroup" aria-label={`Forecast for ${renewal.accountName}`}>
      {FORECAST_CATEGORIES.map((c) => (
        <button key={c} type="button" role="radio" aria-checked={renewal.forecast === c} className={`${renewal.forecast === c ? 'on' : ''} f-${c}`} onClick={() => set(renewal.forecast === c ? null : c)}>
          {FORECAST_WORDS[c]}
        </button>
      ))}
    </div>
  );
}

const bandWord = (band: string) => (band === 'no_data' ? 'Not enough data' : labelOf(band));

export function HealthChip({ band, score }: { band: RenewalView['band']; score: number | null }) {
  if (!band) return <span className="muted small">not scored</span>;
  return (
    <span className={`score-badge band-${band}`} title={bandWord(band)}>
      {score ?? '—'} <span className="band-name">{bandWord(band)}</span>
    </span>
  );
}

export function ExpectedArrField({ renewal }: { renewal: RenewalView }) {
  const change = useMoneyStore((s) => s.change);
  const [text, setText] = useState(centsText(renewal.expectedArrCents));
  useEffect(() => setText(centsText(renewal.expectedArrCents)), [renewal.expectedArrCents]);
  const read: { cents?: number | null; error?: string } = text.trim() ? readAmount(text, 'Expected ARR') : { cents: null };
  const save = () => {
    if (read.error !== undefined || read.cents === renewal.expectedArrCents) return;
    void change('renewals.update', { id: renewal.id, patch: { expectedArrCents: read.cents ?? null } });
  };
  return (
    <span className="expected-field">
      <input
        aria-label={`Expected ARR for ${renewal.accountName}`}
        inputMode="decimal"
        placeholder={money(renewal.arrCents, renewal.currency)}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save();
          if (e.key === 'Escape') {
            e.stopPropagation();
            setText(centsText(renewal.expectedArrCents));
          }
        }}
        aria-invalid={read.error !== undefined}
        title={read.error ?? 'Blank: the ARR today. Type an up- or down-sell.'}
      />
    </span>
  );
}

export function RenewalPanel({ data, onBringBack }: { data: AccountMoney; onBringBack(): void }) {
  const { change, openDialog } = useMoneyStore();
  const r = data.renewal;
  const [notes, setNotes] = useState(r?.notes ?? '');
  useEffect(() => setNotes(r?.notes ?? ''), [r?.notes, r?.id]);
  const c = data.currency;

  return (
    <section className="panel money-panel" aria-labelledby="renewal-h">
      <div className="panel-head">
        <h2 id="renewal-h">Renewal</h2>
        {r && (
          <span className={`small ${r.inDays < 0 ? 'overdue' : r.inDays <= 90 ? 'soon-text' : 'muted'}`}>
            {r.inDays < 0 ? `${-r.inDays} days overdue` : formatCountdown(r.dueDate, data.asOf)} · {r.dueDate}
          </span>
        )}
      </div>
      {data.stage === 'churned' ? (
        <div className="churned-box">
          <p>
            <strong>Churned{data.churnedOn ? ` on ${data.churnedOn}` : ''}</strong>
            {data.churnReason ? ` — ${CHURN_REASON_WORDS[data.churnReason]}` : ''}.
          </p>
          <button type="button" className="small-button" onClick={onBringBack}>
            Bring back…
          </button>
        </div>
      ) : !r ? (
        <p className="muted small">No renewal date. Set one in Details and the renewal opens here, ready for a forecast.</p>
      ) : (
        <>
          <dl className="renewal-facts">
            <div>
              <dt>Forecast</dt>
              <dd>
                <ForecastPicker renewal={r} />
              </dd>
            </div>
            <div>
              <dt>Expected ARR</dt>
              <dd>
                <ExpectedArrField renewal={r} />
              </dd>
            </div>
            <div>
              <dt>Term</dt>
              <dd>
                <select
                  aria-label="Term"
                  value={r.termMonths}
                  onChange={(e) => void change('renewals.update', { id: r.id, patch: { termMonths: Number(e.target.value) } })}
                >
                  {[...new Set([1, 3, 6, 12, 24, 36, r.termMonths])]
                    .sort((a, b) => a - b)
                    .map((m) => (
                      <option key={m} value={m}>
                        {m} months
                      </option>
                    ))}
                </select>
              </dd>
            </div>
            <div>
              <dt>Health</dt>
              <dd>
                <HealthChip band={r.band} score={r.score} />
                {r.flags.length > 0 && <span className="muted small"> {r.flags.length} open flag{r.flags.length === 1 ? '' : 's'}</span>}
              </dd>
            </div>
          </dl>
          {r.disagreement && (
            <p className="disagreement" role="note">
              <strong>Forecast and health disagree.</strong> {r.disagreement}
            </p>
          )}
          <textarea
            className="notes-input"
            aria-label="Renewal notes"
            rows={2}
            placeholder="What you know about this renewal (decision maker, budget, competitors)…"
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
          <div className="row-actions">
            {notes !== r.notes && (
              <button type="button" className="small-button" onClick={() => void change('renewals.update', { id: r.id, patch: { notes } })}>
                Save notes
              </button>
            )}
            <button type="button" className="primary small-button" onClick={() => openDialog({ kind: 'renewal', renewal: r, mrrCents: data.ledgerMrrCents })}>
              Close renewal…
            </button>
            <span className="muted small">ARR today {money(r.arrCents, c)}</span>
          </div>
        </>
      )}
      {data.pastRenewals.length > 0 && (
        <ul className="past-renewals small" aria-label="Past renewals">
          {data.pastRenewals.slice(0, 4).map((p) => (
            <li key={p.id}>
              <span className="tl-date">{p.dueDate}</span>{' '}
              {p.outcome === 'renewed' ? `renewed at ${money(p.renewedMrrCents, c)} MRR` : 'churned'}
              {p.closedOn ? <span className="muted"> · closed {p.closedOn}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
