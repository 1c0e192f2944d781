// Small pieces every money service shares: refusing dates that have not happened yet, money in
// words, and the sentence that starts an error about an account.
import { formatMoney } from '../../../shared/format';
import { TendError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import type { ChangeLog, RecordedChange, Recorder } from './changes';

/** In-app money changes are recorded when they happen: a date after as-of is refused. */
export function notAfterToday(date: string, asOf: string, what: string): void {
  if (date > asOf) {
    throw new TendError(
      'invalid_input',
      `The ${what} ${date} is after today (${asOf}). Record it once it has happened; nothing was changed.`,
      { field: 'date', date },
    );
  }
}

/** "$1,200" for whole amounts, "$1,200.50" otherwise. */
export const moneyText = (cents: number, currency: string): string => formatMoney(cents, currency, cents % 100 === 0);

/** "+$200" / "−$200". */
export const signedMoney = (cents: number, currency: string): string =>
  `${cents >= 0 ? '+' : '−'}${moneyText(Math.abs(cents), currency)}`;

/** Records a change (one transaction, undoable), then rescores the account it touched. */
export function runChange(ctx: ServiceContext, log: ChangeLog, accountId: number, work: (rec: Recorder) => string): RecordedChange {
  const change = log.record(accountId, work);
  ctx.accountChanged(accountId);
  return change;
}
