// The portfolio review's renewals forecast: the next three months from as-of (ARR due, what the CSM
// expects, what health suggests, by category) and where forecast and health disagree. Loaded beside
// the review data; the document is ready to print once both are.
import { useEffect, useState } from 'react';
import type { ForecastView } from '../../../shared/contracts/money';
import { FORECAST_BUCKETS } from '../../../shared/money/forecast';
import { FORECAST_WORDS } from '../../../shared/money/words';
import { call } from '../../api';
import { money } from '../../components/money/format';
import { ForecastChart, monthLabel } from '../Forecast/ForecastScreen';

export const REVIEW_FORECAST_MONTHS = 3;

export function useReviewForecast(): { forecast: ForecastView | null; error: string | null } {
  const [state, setState] = useState<{ forecast: ForecastView | null; error: string | null }>({ forecast: null, error: null });
  useEffect(() => {
    call('forecast.get', { months: REVIEW_FORECAST_MONTHS }).then(
      (forecast) => setState({ forecast, error: null }),
      (error: unknown) => setState({ forecast: null, error: (error as Error).message }),
    );
  }, []);
  return state;
}

export function ReviewForecast({ forecast }: { forecast: ForecastView }) {
  const t = forecast.totals;
  return (
    <section className="doc-section" aria-label="Renewals forecast">
      <h2>Renewals forecast — next {REVIEW_FORECAST_MONTHS} months</h2>
      <div className="doc-two">
        <div className="keep">
          <ForecastChart forecast={forecast} height={170} />
        </div>
        <table className="doc-table keep">
          <thead>
            <tr>
              <th>Month</th>
              <th className="num">Due</th>
              <th className="num">ARR due</th>
              <th className="num">Expected</th>
              <th className="num">Health-adj.</th>
            </tr>
          </thead>
          <tbody>
            {forecast.months.map((m) => (
              <tr key={m.month}>
                <td>{monthLabel(m.month)}</td>
                <td className="num">{m.count}</td>
                <td className="num">{money(m.arr)}</td>
                <td className="num">{money(m.expectedArr)}</td>
                <td className="num">{money(m.healthAdjustedArr)}</td>
              </tr>
            ))}
            <tr>
              <td>
                <strong>Total</strong>
              </td>
              <td className="num">{t.count}</td>
              <td className="num">
                <strong>{money(t.arr)}</strong>
              </td>
              <td className="num">
                <strong>{money(t.expectedArr)}</strong>
              </td>
              <td className="num">
                <strong>{money(t.healthAdjustedArr)}</strong>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="muted small">
        By forecast:{' '}
        {FORECAST_BUCKETS.map((b) => {
          const count = forecast.months.reduce((s, m) => s + m.byCategory[b].count, 0);
          return count ? `${FORECAST_WORDS[b].toLowerCase()} ${count}` : null;
        })
          .filter(Boolean)
          .join(' · ') || 'no renewals'}
        .
      </p>
      <h3>Forecast and health disagree ({forecast.disagreements.length})</h3>
      {forecast.disagreements.length === 0 ? (
        <p className="muted small">Every forecast in the next 180 days agrees with the account's health.</p>
      ) : (
        <table className="doc-table">
          <thead>
            <tr>
              <th>Account</th>
              <th>Due</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {forecast.disagreements.map((d) => (
              <tr key={d.renewalId}>
                <td>{d.name}</td>
                <td className="nowrap">{d.dueDate}</td>
                <td className="small">{d.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
