// What each chart says, in one sentence (issue 18.3): the accessible name of the chart's picture
// (role="img"), so a screen reader hears the numbers the bars and lines draw. Pure functions of the
// data the chart already receives.
import type { PortfolioChartData } from './aggregate';

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "$1.2M", "$450k", "$900": the size of an amount, as the axes show it. */
export function compactMoney(cents: number): string {
  const units = cents / 100;
  if (Math.abs(units) >= 1_000_000_000) return `$${(units / 1_000_000_000).toFixed(1)}B`;
  if (Math.abs(units) >= 1_000_000) return `$${(units / 1_000_000).toFixed(units >= 10_000_000 ? 0 : 1)}M`;
  if (Math.abs(units) >= 1_000) return `$${Math.round(units / 1_000)}k`;
  return `$${Math.round(units)}`;
}

/** "Health distribution: 31 healthy, 12 watch, 5 at risk, 2 without enough data". */
export function healthDistributionSummary(distribution: PortfolioChartData['distribution']): string {
  const sum = (k: 'healthy' | 'watch' | 'at_risk' | 'no_data') => distribution.reduce((s, d) => s + d[k], 0);
  const noData = sum('no_data');
  return `Health distribution: ${sum('healthy')} healthy, ${sum('watch')} watch, ${sum('at_risk')} at risk${noData ? `, ${noData} without enough data` : ''}`;
}

/** "ARR by band: Healthy $4.1M, Watch $1.2M, At risk $600k". */
export function labelledAmountsSummary(title: string, rows: { label: string; arr: number; count?: number }[]): string {
  if (!rows.length) return `${title}: nothing yet`;
  return `${title}: ${rows.map((r) => `${r.label} ${compactMoney(r.arr)}${r.count !== undefined ? ` (${count(r.count, 'account')})` : ''}`).join(', ')}`;
}

/** "Renewals by month, next 12 months: $1.5M across 11 renewals; most in Jul ($420k)". */
export function renewalsByMonthSummary(rows: PortfolioChartData['renewalsByMonth']): string {
  const total = rows.reduce((s, r) => s + r.arr, 0);
  const renewals = rows.reduce((s, r) => s + r.count, 0);
  if (!renewals) return 'Renewals by month, next 12 months: none due';
  const top = rows.reduce((a, b) => (b.arr > a.arr ? b : a));
  return `Renewals by month, next 12 months: ${compactMoney(total)} across ${count(renewals, 'renewal')}; most in ${top.label} (${compactMoney(top.arr)})`;
}

/** "Health trend: 58 on 2026-06-01, 72 on 2026-11-24 (low 51, high 74)"; gaps (no data) are skipped. */
export function lineSummary(title: string, points: { date: string; value: number | null }[], format: (v: number) => string = String): string {
  const known = points.filter((p): p is { date: string; value: number } => p.value !== null);
  if (!known.length) return `${title}: no data`;
  const first = known[0];
  const last = known[known.length - 1];
  const values = known.map((p) => p.value);
  return `${title}: ${format(first.value)} on ${first.date}, ${format(last.value)} on ${last.date} (low ${format(Math.min(...values))}, high ${format(Math.max(...values))})`;
}
