// The period a QBR covers. A QBR prepared early in a quarter reviews the quarter just ended; later
// in the quarter it reviews the quarter so far — so a QBR printed on 2 December covers October to
// 2 December, not Q3 with December's items mixed in. Pure: the as-of date is passed in.
import { daysBetween, monthBounds } from './dates';

export interface ReportPeriod {
  from: string;
  to: string;
}

/** A quarter younger than this still gets the previous full quarter by default. */
export const FRESH_QUARTER_DAYS = 21;

function quarterStart(year: number, quarter: number): string {
  return `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
}

function quarterOf(asOf: string): { year: number; quarter: number } {
  const [year, month] = asOf.split('-').map(Number);
  return { year, quarter: Math.floor((month - 1) / 3) };
}

/** The last full calendar quarter before asOf. */
export function lastFullQuarter(asOf: string): ReportPeriod {
  const { year, quarter } = quarterOf(asOf);
  const [y, q] = quarter === 0 ? [year - 1, 3] : [year, quarter - 1];
  return { from: quarterStart(y, q), to: monthBounds(`${y}-${String(q * 3 + 3).padStart(2, '0')}`).last };
}

/** The quarter containing asOf, from its first day up to asOf. */
export function quarterToDate(asOf: string): ReportPeriod {
  const { year, quarter } = quarterOf(asOf);
  return { from: quarterStart(year, quarter), to: asOf };
}

/** Quarter to date, unless the quarter is under three weeks old: then the last full quarter. */
export function defaultQbrPeriod(asOf: string): ReportPeriod {
  const current = quarterToDate(asOf);
  return daysBetween(current.from, asOf) < FRESH_QUARTER_DAYS ? lastFullQuarter(asOf) : current;
}

/** "Q3 2026" for a calendar quarter, "Q4 2026 to date" for one up to today, else "2026-07-15 – 2026-10-14". */
export function periodLabel(from: string, to: string, asOf?: string): string {
  const [y, m, d] = from.split('-').map(Number);
  if (d !== 1 || (m - 1) % 3 !== 0) return `${from} – ${to}`;
  const name = `Q${(m + 2) / 3} ${y}`;
  if (to === monthBounds(`${y}-${String(m + 2).padStart(2, '0')}`).last) return name;
  if (asOf && to === asOf && quarterToDate(asOf).from === from) return `${name} to date`;
  return `${from} – ${to}`;
}
