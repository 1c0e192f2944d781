// Display formatting shared by the renderer, the CLI and the reports. Units stay raw inside
// (integer cents, ISO dates); only these functions turn them into words.
import { daysBetween } from './dates';

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** 123456 cents → "$1,234.56" (whole units when `whole`). */
export function formatMoney(cents: number | null | undefined, currency = 'USD', whole = false): string {
  if (cents === null || cents === undefined) return '—';
  const key = `${currency}:${whole}`;
  let format = moneyFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        maximumFractionDigits: whole ? 0 : 2,
        minimumFractionDigits: whole ? 0 : 2,
      });
    } catch {
      format = new Intl.NumberFormat('en-US', { maximumFractionDigits: whole ? 0 : 2 });
    }
    moneyFormats.set(key, format);
  }
  return format.format(cents / 100);
}

/** "in 23 days", "today", "12 days ago". */
export function formatCountdown(date: string | null | undefined, asOf: string): string {
  if (!date) return '—';
  const days = daysBetween(asOf, date.slice(0, 10));
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

const LABELS: Record<string, string> = {
  smb: 'SMB',
  mid_market: 'Mid-market',
  ic: 'IC',
  vp: 'VP',
  c_level: 'C-level',
  qbr: 'QBR',
  nps: 'NPS',
  csat: 'CSAT',
  ces: 'CES',
  at_risk: 'At risk',
  no_data: 'Not enough data',
};

/** An enum value in words: 'mid_market' → 'Mid-market', 'renewal_exec_silence' → 'Renewal exec silence'. */
export const labelOf = (value: string): string =>
  LABELS[value] ?? value.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** How old a dated input is at asOf: "today", "1 day old", "41 days old" (future dates: "dated later"). */
export function formatAge(date: string | null | undefined, asOf: string): string {
  if (!date) return 'undated';
  const days = daysBetween(date.slice(0, 10), asOf);
  if (Number.isNaN(days)) return 'undated';
  if (days < 0) return 'dated later';
  if (days === 0) return 'from today';
  return days === 1 ? '1 day old' : `${days} days old`;
}

/** A signed number for deltas: "+4", "−9", "0" (one decimal at most). */
export function formatSigned(x: number): string {
  const v = Math.round(x * 10) / 10;
  return v > 0 ? `+${v}` : v < 0 ? `−${Math.abs(v)}` : '0';
}
