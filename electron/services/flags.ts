// Flags as the CSM handles them: list an account's flags, snooze one until a date, resolve one.
// (Raising and rule-resolving happen in the scoring service.)
import type { ServiceContext } from './context';
import { TendError } from '../../shared/errors';
import type { FlagRule, Severity } from '../../shared/domain';

export interface FlagView {
  id: number;
  accountId: number;
  rule: FlagRule;
  severity: Severity;
  reason: string;
  raisedAt: string;
  resolvedAt: string | null;
  resolvedBy: 'rule' | 'user' | null;
  snoozedUntil: string | null;
}

export function createFlagsService(ctx: ServiceContext) {
  const { sqlite, clock } = ctx;
  const columns = `id, account_id AS accountId, rule, severity, reason, raised_at AS raisedAt, resolved_at AS resolvedAt,
    resolved_by AS resolvedBy, snoozed_until AS snoozedUntil`;
  const byId = sqlite.prepare(`SELECT ${columns} FROM flags WHERE id = ?`);
  const forAccount = sqlite.prepare(`SELECT ${columns} FROM flags WHERE account_id = ? ORDER BY raised_at DESC, id DESC`);

  function require(id: number): FlagView {
    const flag = byId.get(id) as FlagView | undefined;
    if (!flag) throw new TendError('not_found', `There is no flag with id ${id}. It may have been removed with its account.`, { id });
    return flag;
  }

  return {
    listForAccount: (accountId: number) => forAccount.all(accountId) as FlagView[],

    /** The CSM dealt with it: resolved now; it stays quiet until its rule stops firing. */
    resolve(id: number): FlagView {
      const flag = require(id);
      if (flag.resolvedAt) return flag;
      sqlite.prepare("UPDATE flags SET resolved_at = ?, resolved_by = 'user' WHERE id = ?").run(clock.today(), id);
      return require(id);
    },

    /** Hidden from lists and reminders until `until` (YYYY-MM-DD). */
    snooze(id: number, until: string): FlagView {
      const flag = require(id);
      if (until <= clock.today()) {
        throw new TendError('invalid_input', `Snooze ${flag.rule} until a date after today (${clock.today()}), not ${until}.`, {
          field: 'until',
        });
      }
      sqlite.prepare('UPDATE flags SET snoozed_until = ? WHERE id = ?').run(until, id);
      return require(id);
    },
  };
}

export type FlagsService = ReturnType<typeof createFlagsService>;
