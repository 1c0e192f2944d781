// Forecast (Ctrl/⌘+6): the renewals of the next N months — ARR due by the CSM's forecast category,
// what the CSM expects (category probabilities) beside what health suggests (band probabilities) —
// and the disagreements between the two, each with its reason and one click to the account.
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ForecastView } from '../../../shared/contracts/money';
import { labelOf } from '../../../shared/format';
import { FORECAST_BUCKETS } from '../../../shared/money/forecast';
import { FORECAST_WORDS } from '../../../shared/money/words';
import { EmptyState } from '../../components/EmptyState';
import { useThemeColors, type ThemeColors } from '../../components/account/useThemeColors';
import { money, short } from '../../components/money/format';
import { useMoneyStore } from '../../stores/money';
import '../../components/money/money.css';

const MONTH_CHOICES = [3, 6, 12] as const;

export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export const bucketColors = (c: ThemeColors): Record<(typeof FORECAST_BUCKETS)[number], string> => ({
  commit: c.healthy,
  likely: c.accent,
  at_risk: c.watch,
  lost: c['at-risk'],
  none: c.muted,
});

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** "ARR due by month, next 12 months: $1.5M due, you expect $1.3M, health suggests $1.2M; most in Jul ($420k)". */
function forecastSummary(forecast: ForecastView): string {
  const t = forecast.totals;
  const top = forecast.months.reduce<ForecastView['months'][number] | null>((a, b) => (!a || b.arr > a.arr ? b : a), null);
  return (
    `ARR due by month, next ${forecast.months.length} months: ${money(t.arr)} due across ${t.count} renewal${t.count === 1 ? '' : 's'}, ` +
    `you expect ${money(t.expectedArr)}, health suggests ${money(t.healthAdjustedArr)}` +
    (top && top.arr > 0 ? `; most in ${monthLabel(top.month)} (${money(top.arr)})` : '')
  );
}

export function ForecastChart({ forecast, height = 240 }: { forecast: ForecastView; height?: number }) {
  const colors = useThemeColors();
  const fill = bucketColors(colors);
  const data = forecast.months.map((m) => ({
    month: monthLabel(m.month),
    ...Object.fromEntries(FORECAST_BUCKETS.map((b) => [b, m.byCategory[b].arr])),
    expected: m.expectedArr,
    health: m.healthAdjustedArr,
  }));
  return (
    <div className="chart" role="img" aria-label={forecastSummary(forecast)}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid stroke={colors.border} vertical={false} />
          <XAxis dataKey="month" tick={{ fill: colors.muted, fontSize: 11 }} stroke={colors.border} />
          <YAxis tickFormatter={(v: number) => short(v)} tick={{ fill: colors.muted, fontSize: 11 }} stroke={colors.border} width={64} />
          <Tooltip
            formatter={(v, name) => [money(Number(v)), String(name)]}
            contentStyle={{ background: colors.surface, border: `1px solid ${colors.border}`, borderRadius: 8, fontSize: 12 }}
            labelStyle={{ color: colors.muted }}
            itemStyle={{ color: colors.text }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={(value) => <span style={{ color: colors.text }}>{value}</span>} />
          {FORECAST_BUCKETS.map((b) => (
            <Bar key={b} dataKey={b} name={FORECAST_WORDS[b]} stackId="due" fill={fill[b]} fillOpacity={b === 'none' ? 0.35 : 1} isAnimationActive={false} />
          ))}
          <Line dataKey="expected" name="You expect" stroke={colors.text} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          <Line dataKey="health" name="Health suggests" stroke={colors.muted} strokeDasharray="5 4" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

export function ForecastScreen() {
  const { forecast, forecastMonths, loadForecast } = useMoneyStore();
  const navigate = useNavigate();
  useEffect(() => {
    void loadForecast();
  }, [loadForecast]);

  if (!forecast) {
    return (
      <div className="screen">
        <p className="muted">Loading…</p>
      </div>
    );
  }
  const t = forecast.totals;
  const gap = t.expectedArr - t.healthAdjustedArr;
  const p = forecast.probabilities;
  return (
    <div className="screen forecast-screen">
      <header className="screen-header">
        <div>
          <h1>Forecast</h1>
          <p className="muted">
            Renewals due in the next {forecastMonths} months, as of {forecast.asOf}
          </p>
        </div>
        <div className="money-toolbar">
          <div className="segmented" role="group" aria-label="Months">
            {MONTH_CHOICES.map((n) => (
              <button key={n} type="button" aria-pressed={forecastMonths === n} className={forecastMonths === n ? 'on' : ''} onClick={() => void loadForecast(n)}>
                {n} months
              </button>
            ))}
          </div>
          <Link to="/renewals" className="small">
            Forecast renewals →
          </Link>
        </div>
      </header>
      <dl className="money-tiles" aria-label="Forecast totals">
        <div>
          <dt>ARR due</dt>
          <dd>
            {short(t.arr)}
            <span className="sub">
              {t.count} renewal{t.count === 1 ? '' : 's'}
            </span>
          </dd>
        </div>
        <div>
          <dt>You expect</dt>
          <dd>
            {short(t.expectedArr)}
            <span className="sub">{t.arr ? pct(t.expectedArr / t.arr) : '—'} of ARR due, by your forecast</span>
          </dd>
        </div>
        <div>
          <dt>Health suggests</dt>
          <dd>
            {short(t.healthAdjustedArr)}
            <span className="sub">{t.arr ? pct(t.healthAdjustedArr / t.arr) : '—'} of ARR due, by health band</span>
          </dd>
        </div>
        <div>
          <dt>Gap</dt>
          <dd className={gap > 0 ? 'overdue' : undefined}>
            {gap >= 0 ? '+' : '−'}
            {short(Math.abs(gap))}
            <span className="sub">{gap > 0 ? 'you are more optimistic than health' : gap < 0 ? 'health is more optimistic than you' : 'you and health agree'}</span>
          </dd>
        </div>
      </dl>
      {t.count === 0 ? (
        <EmptyState title="No renewal in this window">
          <p>Accounts with a renewal date in the next {forecastMonths} months show here. Widen the window, or set renewal dates on your accounts.</p>
        </EmptyState>
      ) : (
        <section className="panel">
          <h2>ARR due by month</h2>
          <ForecastChart forecast={forecast} />
          <table className="money-table" aria-label="Forecast by month">
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
                  <td>{monthLabel(m.month)}</td>
                  <td className="num">{m.count}</td>
                  <td className="num">{money(m.arr)}</td>
                  <td className="num">{money(m.expectedArr)}</td>
                  <td className="num">{money(m.healthAdjustedArr)}</td>
                  {FORECAST_BUCKETS.map((b) => (
                    <td key={b} className="num muted">
                      {m.byCategory[b].count ? `${m.byCategory[b].count} · ${short(m.byCategory[b].arr)}` : '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {forecast.overdue.count > 0 && (
            <p className="muted small">
              {forecast.overdue.count} renewal{forecast.overdue.count === 1 ? ' is' : 's are'} past due and not closed ({money(forecast.overdue.arr)} ARR) —{' '}
              <Link to="/renewals">close them in Renewals</Link>.
            </p>
          )}
        </section>
      )}
      <section className="panel" aria-labelledby="disagree-h">
        <h2 id="disagree-h">Where your forecast and health disagree ({forecast.disagreements.length})</h2>
        {forecast.disagreements.length === 0 ? (
          <p className="muted small">None in the next 180 days: every forecast agrees with the account's health.</p>
        ) : (
          <ul className="disagreement-list">
            {forecast.disagreements.map((d) => (
              <li key={d.renewalId} className={d.direction}>
                <div>
                  <div className="who">
                    {d.name}
                    <span className={`direction ${d.direction}`}>{d.direction === 'optimistic' ? 'You are more optimistic' : 'Health is more optimistic'}</span>
                    <span className="muted small">due {d.dueDate}</span>
                  </div>
                  <p>{d.reason}</p>
                </div>
                <button type="button" className="small-button" onClick={() => navigate(`/accounts/${d.accountId}`)} aria-label={`Open ${d.name}`}>
                  Open account
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="muted small">
        Probabilities: commit {pct(p.commit)}, likely {pct(p.likely)} (and no forecast yet), at risk {pct(p.at_risk)}, lost {pct(p.lost)}; by health: {labelOf('healthy').toLowerCase()}{' '}
        {pct(p.bands.healthy)}, watch {pct(p.bands.watch)}, at risk {pct(p.bands.at_risk)}, not enough data {pct(p.bands.no_data)}. <Link to="/settings">Change them in Settings</Link>.
      </p>
    </div>
  );
}
