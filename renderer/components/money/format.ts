// Money in and out of the money panels: amounts typed the way an import reads them (with the
// user's own decimal separator for a lone "1,200"), and amounts shown in the account's currency.
import { formatMoney } from '../../../shared/format';
import { readMoney, type MoneyRead } from '../../../shared/money/input';

const LOCALE_FORMAT =
  new Intl.NumberFormat().formatToParts(1.5).find((p) => p.type === 'decimal')?.value === ',' ? ('comma' as const) : ('point' as const);

/** An amount as typed ("1,200.50", "$1,200") in cents, or an error naming the field. */
export const readAmount = (text: string, what: string, allowNegative = false): MoneyRead => readMoney(text, what, LOCALE_FORMAT, allowNegative);

/** Whole units when the amount is whole. */
export const money = (cents: number | null | undefined, currency = 'USD'): string =>
  cents === null || cents === undefined ? '—' : formatMoney(cents, currency, cents % 100 === 0);

export const signed = (cents: number, currency = 'USD'): string => `${cents >= 0 ? '+' : '−'}${money(Math.abs(cents), currency)}`;

/** Compact for tiles: $1.2M, $48k. */
export function short(cents: number): string {
  const units = cents / 100;
  const abs = Math.abs(units);
  if (abs >= 1_000_000) return `$${(units / 1_000_000).toFixed(abs >= 10_000_000 ? 1 : 2)}M`;
  if (abs >= 10_000) return `$${Math.round(units / 1000)}k`;
  return formatMoney(cents, 'USD', true);
}

/** Cents as an editable text ("1200.5" → "1200.50"). */
export const centsText = (cents: number | null): string => (cents === null ? '' : (cents / 100).toFixed(cents % 100 === 0 ? 0 : 2));
