// Flags as the CSM handles them: list an account's flags, snooze one until a date, resolve one —
// and undo either. (Raising and rule-resolving happen in the scoring service.) A flag's reminders
// (its own, the cadence reminder standing for cadence_overdue, and tasks made from it: reminders.
// flag_id) follow it in the same transaction: resolving closes them (closed by the system — the
// CSM resolved the flag, not the task), snoozing snoozes them until the same day, undo puts them back.
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
  const closeReminders = sqlite.prepare("UPDATE reminders SET done_at = ?, closed_by = 'system' WHERE flag_id = ? AND done_at IS NULL");
  // Undo of resolve: what the system closed today (the resolve) comes back, not what the CSM ticked.
  // "Today" on the clock that stamped done_at (now), which may differ from the as-of day.
  const reopenReminders = sqlite.prepare(
    "UPDATE reminders SET done_at = NULL, closed_by = NULL WHERE flag_id = ? AND closed_by = 'system' AND substr(done_at, 1, 10) = substr(?, 1, 10)",
  );
  const snoozeReminders = sqlite.prepare(`
    UPDATE reminders SET snoozed_until = @until, notified_at = NULL
    WHERE flag_id = @id AND done_at IS NULL AND (snoozed_until IS NULL OR snoozed_until < @until)`);
  const unsnoozeReminders = sqlite.prepare('UPDATE reminders SET snoozed_until = NULL WHERE flag_id = @id AND done_at IS NULL AND snoozed_until = @until');

  function require(id: number): FlagView {
    const flag = byId.get(id) as FlagView | undefined;
    if (!flag) throw new TendError('not_found', `There is no flag with id ${id}. It may have been removed with its account.`, { id });
    return flag;
  }

  return {
    listForAccount: (accountId: number) => forAccount.all(accountId) as FlagView[],

    /** The CSM dealt with it: resolved now, its reminders closed; it stays quiet until its rule stops firing. */
    resolve(id: number): FlagView {
      const flag = require(id);
      if (flag.resolvedAt) return flag;
      sqlite.transaction(() => {
        sqlite.prepare("UPDATE flags SET resolved_at = ?, resolved_by = 'user' WHERE id = ?").run(clock.today(), id);
        closeReminders.run(clock.now(), id);
      })();
      return require(id);
    },

    /** Undo of resolve: open again, with the reminders the resolve closed. */
    unresolve(id: number): FlagView {
      const flag = require(id);
      if (!flag.resolvedAt) return flag;
      if (flag.resolvedBy !== 'user') {
        throw new TendError('invalid_input', `This ${flag.rule} flag was resolved because its rule stopped firing on ${flag.resolvedAt}; only a flag you resolved can be reopened.`, { id });
      }
      sqlite.transaction(() => {
        sqlite.prepare('UPDATE flags SET resolved_at = NULL, resolved_by = NULL WHERE id = ?').run(id);
        reopenReminders.run(id, clock.now());
      })();
      return require(id);
    },

    /** Hidden from lists and reminders until `until` (YYYY-MM-DD); its reminders sleep as long. */
    snooze(id: number, until: string): FlagView {
      const flag = require(id);
      if (until <= clock.today()) {
        throw new TendError('invalid_input', `Snooze ${flag.rule} until a date after today (${clock.today()}), not ${until}.`, {
          field: 'until',
        });
      }
      sqlite.transaction(() => {
        sqlite.prepare('UPDATE flags SET snoozed_until = ? WHERE id = ?').run(until, id);
        snoozeReminders.run({ id, until });
      })();
      return require(id);
    },

    /** Undo of snooze: the flag and the reminders it snoozed are awake again. */
    unsnooze(id: number): FlagView {
      const flag = require(id);
      if (flag.snoozedUntil === null) return flag;
      sqlite.transaction(() => {
        unsnoozeReminders.run({ id, until: flag.snoozedUntil });
        sqlite.prepare('UPDATE flags SET snoozed_until = NULL WHERE id = ?').run(id);
      })();
      return require(id);
    },
  };
}

export type FlagsService = ReturnType<typeof createFlagsService>;
