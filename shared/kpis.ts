// Words for the portfolio numbers, shared by the KPI tiles, the portfolio review PDF and the CLI so
// each says the same thing: which period a rate covers ("November 2026 to date (Nov 1–15)") and
// what a survey number stands on ("last 90 days · 23 responses", "small sample").
import type { SurveyWindow } from './scoring/types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT = MONTHS.map((m) => m.slice(0, 3));

/** "November 2026" for YYYY-MM. */
export function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

/** "Nov 15" for YYYY-MM-DD. */
const shortDate = (iso: string): string => `${SHORT[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}`;

/** The period a month's rates cover: "November 2026", or "November 2026 to date (Nov 1–15)" while it runs. */
export function periodLabel(month: string, period: { from: string; to: string; toDate: boolean }): string {
  if (!period.toDate) return monthName(month);
  if (period.to < period.from) return `${monthName(month)} (not started)`;
  return `${monthName(month)} to date (${shortDate(period.from)}–${Number(period.to.slice(8, 10))})`;
}

export const plural = (n: number, noun: string): string => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/** Where a survey number comes from: "November 2026 · 14 responses", "last 90 days · 23 responses · small sample". */
export function surveyWindowLabel(w: SurveyWindow, month: string): string {
  const window = w.days === null ? monthName(month) : `last ${w.days} days`;
  return `${window} · ${plural(w.responses, 'response')}${w.responses > 0 && !w.enough ? ' · small sample' : ''}`;
}

/** The period, short, for a tile: "Nov 2026", or "Nov 1–24, to date" while the month runs. */
export function periodShort(month: string, period: { from: string; to: string; toDate: boolean }): string {
  const [y, m] = month.split('-').map(Number);
  const name = `${SHORT[m - 1]} ${y}`;
  if (!period.toDate) return name;
  if (period.to < period.from) return `${name}, not started`;
  return `${SHORT[m - 1]} 1–${Number(period.to.slice(8, 10))}, to date`;
}
