// The portfolio review's renewals forecast: the next three months from as-of (ARR due, what the CSM
// expects, what health suggests, by category) and where forecast and health disagree. Loaded beside
// the review data; the document is ready to print once both are.
import { useEffect, useState } from 'react';
import type { ForecastView } from '../../../shared/contracts/money';
import { FORECAST_BUCKETS } from '../../../shared/money/forecast';
import { FORECAST_WORDS } from '../../../shared/money/words';
import { call } from '../../api';
import { formatMoney } from '../../../shared/format';
import { ForecastChart, monthLabel } from '../Forecast/ForecastScreen';

export const REVIEW_FORECAST_MONTHS = 3;
const wholeMoney = (cents: number) => formatMoney(cents, 'USD', true);

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
      <div className="keep">
        <ForecastChart forecast={forecast} height={160} />
      </div>
      <table className="doc-table keep">
        <thead>
          <tr>
            <th>Month</th>
            <th className="num">Renewals</th>
            <th className="num">ARR due</th>
            <th className="num">You expect</th>
            <th className="num">Health suggests</th>
            {FORECAST_BUCKETS.map((b) => (
              <th key={b} className="num">
                {FORECAST_WORDS[b]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {forecast.months.map((m) => (
            <tr key={m.month}>
              <td className="nowrap">{monthLabel(m.month)}</td>
              <td className="num">{m.count}</td>
              <td className="num">{wholeMoney(m.arr)}</td>
              <td className="num">{wholeMoney(m.expectedArr)}</td>
              <td className="num">{wholeMoney(m.healthAdjustedArr)}</td>
              {FORECAST_BUCKETS.map((b) => (
                <td key={b} className="num">
                  {m.byCategory[b].count || '—'}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <td>
              <strong>Total</strong>
            </td>
            <td className="num">{t.count}</td>
            <td className="num">
              <strong>{wholeMoney(t.arr)}</strong>
            </td>
            <td className="num">
              <strong>{wholeMoney(t.expectedArr)}</strong>
            </td>
            <td className="num">
              <strong>{wholeMoney(t.healthAdjustedArr)}</strong>
            </td>
            {FORECAST_BUCKETS.map((b) => (
              <td key={b} className="num">
                {forecast.months.reduce((s, m) => s + m.byCategory[b].count, 0) || '—'}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
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
