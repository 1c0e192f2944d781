// Money as people type it — in a form or on the command line — read exactly like an import reads a
// CSV money cell (shared/import/values.ts parseMoney): `1200`, `1,200.50`, `$1,200.50`, `€1.200,50`.
// A lone `1,200` is read with the decimal separator the caller passes (the CLI: point; the app: the
// user's locale).
import { NEEDS_FORMAT, parseMoney, type NumberFormat } from '../import/values';

export type MoneyRead = { cents: number; error?: undefined } | { error: string; cents?: undefined };

/**
 * `what` names the value in the error ("--mrr", "Expected ARR"); negative amounts are refused
 * unless `allowNegative` (a renewal event may be written with a sign).
 */
export function readMoney(text: string, what: string, format: NumberFormat = 'point', allowNegative = false): MoneyRead {
  const trimmed = text.trim();
  if (!trimmed) return { error: `${what} is empty: write an amount such as 1200 or 1,200.50.` };
  let parsed = parseMoney(trimmed, null);
  if (parsed === NEEDS_FORMAT) parsed = parseMoney(trimmed, format);
  if (parsed === NEEDS_FORMAT || parsed.error !== undefined) {
    const why = parsed === NEEDS_FORMAT ? `"${trimmed}" is not clear` : parsed.error;
    return { error: `${what}: ${why}. Write an amount such as 1200 or 1,200.50.` };
  }
  if (parsed.value.cents < 0 && !allowNegative) return { error: `${what} cannot be negative (got "${trimmed}").` };
  if (!Number.isSafeInteger(parsed.value.cents)) return { error: `${what}: "${trimmed}" is too large an amount.` };
  return { cents: parsed.value.cents };
}
