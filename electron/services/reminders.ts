// Reminders: follow-ups from touches (written when the touch is logged or imported), plus the ones
// the book itself asks for — an account past its touch cadence (seed 002, law 5; the CSM's own notes
// are not contact, SPEC "Customer contact"), a renewal within 30 days, a newly raised flag, a triage
// case past its target date (SPEC "Triage cases"). Generated reminders carry a source key so each is
// made once, and close themselves when their reason goes away — closed by the system, which is not
// "done" by the CSM (closed_by). A reminder from a flag, and a task made from one, keep the flag
// (flag_id): resolving the flag closes them, snoozing it snoozes them (electron/services/flags.ts).
// The reminders of one account are brought up to date whenever it changes (refresh with its id), so
// a logged touch closes its cadence reminder at once, not at the next Today load.
import { addDays, daysBetween } from '../../shared/dates';
import type { ReminderSource } from '../../shared/domain';
import type { Settings } from '../../shared/settings';
import type { Sqlite } from '../db/open';
import { TendError } from '../../shared/errors';
import type { ServiceContext } from './context';

export const RENEWAL_REMINDER_DAYS = 30;

/** An account's open task as the account page and the QBR read it. */
export interface OpenTaskRow {
  id: number;
  title: string;
  due: string;
  source: ReminderSource;
  snoozedUntil: string | null;
  shared: boolean;
  /** Made from a flag: internal, never shared. */
  fromFlag: boolean;
}

export interface ReminderView {
  id: number;
  accountId: number | null;
  accountName: string | null;
  title: string;
  due: string;
  done: boolean;
  doneAt: string | null;
  snoozedUntil: string | null;
  source: ReminderSource;
  /** A next step the CSM chose to share with the customer. */
  shared: boolean;
  /** Days past due at the as-of date (0 = due today). */
  overdueDays: number;
  /** The flag it was made from or stands for; resolving or snoozing the flag closes or snoozes it. */
  flagId: number | null;
  /** Who closed it (null while open): only 'user' is done by the CSM. */
  closedBy: 'user' | 'system' | null;
}

/**
 * Makes the follow-up reminder of every touch that names a follow-up date and has none yet (all
 * touches, or one). Shared by logging a touch, imports, the sample book and the daily refresh.
 */
/** A follow-up reminder's title: the touch's next step, else "Follow up: <summary or account>". */
const FOLLOW_UP_TITLE = `coalesce(nullif(trim(t.next_step), ''), 'Follow up: ' || coalesce(nullif(t.summary, ''), a.name))`;

/**
 * Brings a touch's follow-up reminder in step after the touch was edited, keeping the reminder's
 * id, snooze and "notified" mark unless the follow-up date moved (then it is due afresh). Returns
 * false when there was no reminder to update.
 */
export function updateFollowUpReminder(sqlite: Sqlite, touchId: number, dateMoved: boolean): boolean {
  const reset = dateMoved ? ', done_at = NULL, closed_by = NULL, snoozed_until = NULL, notified_at = NULL' : '';
  return (
    sqlite
      .prepare(
        `UPDATE reminders SET
           title = (SELECT ${FOLLOW_UP_TITLE} FROM touches t JOIN accounts a ON a.id = t.account_id WHERE t.id = @touchId),
           due = (SELECT follow_up_due FROM touches WHERE id = @touchId)${reset}
         WHERE source_key = @key ${dateMoved ? '' : 'AND done_at IS NULL'}`,
      )
      // The key is built here: SQLite would concatenate a bound JS number as '12.0'.
      .run({ touchId, key: `follow_up:touch:${touchId}` }).changes > 0
  );
}

export function insertFollowUpReminders(sqlite: Sqlite, now: string, touchId?: number): number {
  return sqlite
    .prepare(
      `INSERT INTO reminders (account_id, title, due, source, source_key, created_at)
       SELECT t.account_id, ${FOLLOW_UP_TITLE},
              t.follow_up_due, 'follow_up', 'follow_up:touch:' || t.id, ?
       FROM touches t JOIN accounts a ON a.id = t.account_id
       WHERE t.follow_up_due IS NOT NULL ${touchId === undefined ? '' : 'AND t.id = ?'}
       ON CONFLICT (source_key) DO NOTHING`,
    )
    .run(...(touchId === undefined ? [now] : [now, touchId])).changes;
}

export function createRemindersService(ctx: ServiceContext, getSettings: () => Settings) {
  const { sqlite, clock } = ctx;
  // Every query of the refresh takes @account: null for the whole book, or one account's id.
  const lastTouches = sqlite.prepare(`
    SELECT a.id, a.name, a.segment, max(substr(t.occurred_at, 1, 10)) AS lastTouch
    FROM accounts a LEFT JOIN touches t ON t.account_id = a.id AND substr(t.occurred_at, 1, 10) <= @asOf AND t.type != 'note'
    WHERE a.archived = 0 AND a.stage != 'churned' AND (@account IS NULL OR a.id = @account) GROUP BY a.id`);
  const renewals = sqlite.prepare(`
    SELECT id, name, renewal_date AS renewalDate FROM accounts
    WHERE archived = 0 AND stage != 'churned' AND renewal_date BETWEEN @asOf AND @until AND (@account IS NULL OR id = @account)`);
  // Open flags, snoozed ones too: a snoozed flag's reminder is snoozed with it, not closed.
  const openFlags = sqlite.prepare(`
    SELECT f.id, f.account_id AS accountId, f.reason, f.raised_at AS raisedAt, f.snoozed_until AS snoozedUntil, a.name FROM flags f
    JOIN accounts a ON a.id = f.account_id
    WHERE f.resolved_at IS NULL AND f.rule != 'cadence_overdue' AND (@account IS NULL OR f.account_id = @account)`);
  // Open triage cases whose target date has passed (a new target date makes a new reminder).
  const lateCases = sqlite.prepare(`
    SELECT c.id, c.account_id AS accountId, c.target_date AS targetDate, a.name FROM triage_cases c
    JOIN accounts a ON a.id = c.account_id
    WHERE c.closed_on IS NULL AND c.target_date < @asOf AND a.archived = 0 AND (@account IS NULL OR c.account_id = @account)`);
  const insert = sqlite.prepare(`
    INSERT INTO reminders (account_id, title, due, source, source_key, flag_id, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_key) DO NOTHING`);
  // A cadence reminder stands for the account's cadence_overdue flag (the flag itself makes no
  // reminder of its own): linked, so resolving or snoozing that flag closes or snoozes it.
  const linkCadence = sqlite.prepare(`
    UPDATE reminders SET flag_id = (
      SELECT f.id FROM flags f WHERE f.account_id = reminders.account_id AND f.rule = 'cadence_overdue' AND f.resolved_at IS NULL
      ORDER BY f.id DESC LIMIT 1)
    WHERE source = 'cadence' AND done_at IS NULL AND flag_id IS NULL AND (@account IS NULL OR account_id = @account)`);
  // Open reminders of flags snoozed past asOf wake with their flag, not before.
  const followFlagSnooze = sqlite.prepare(`
    UPDATE reminders SET snoozed_until = f.snoozed_until, notified_at = NULL
    FROM flags f
    WHERE reminders.flag_id = f.id AND reminders.done_at IS NULL AND f.resolved_at IS NULL AND f.snoozed_until > @asOf
      AND (reminders.snoozed_until IS NULL OR reminders.snoozed_until < f.snoozed_until)
      AND (@account IS NULL OR f.account_id = @account)`);
  const openGenerated = sqlite.prepare(`
    SELECT id, source_key AS sourceKey FROM reminders
    WHERE done_at IS NULL AND source IN ('cadence', 'renewal', 'rule', 'triage') AND (@account IS NULL OR account_id = @account)`);
  const closeStale = sqlite.prepare("UPDATE reminders SET done_at = ?, closed_by = 'system' WHERE id = ?");
  // Tasks of a flag that is resolved (by the CSM, or because its rule stopped firing) are closed.
  const closeOfResolvedFlags = sqlite.prepare(`
    UPDATE reminders SET done_at = @now, closed_by = 'system'
    WHERE done_at IS NULL AND flag_id IN (SELECT id FROM flags WHERE resolved_at IS NOT NULL AND (@account IS NULL OR account_id = @account))`);
  const doneByUser = sqlite.prepare("SELECT count(*) AS n FROM reminders WHERE closed_by = 'user' AND substr(done_at, 1, 10) = ?");
  const due = sqlite.prepare(`
    SELECT r.id, r.account_id AS accountId, a.name AS accountName, r.title, r.due, r.done_at AS doneAt,
           r.snoozed_until AS snoozedUntil, r.source, r.shared, r.flag_id AS flagId, r.closed_by AS closedBy
    FROM reminders r LEFT JOIN accounts a ON a.id = r.account_id
    WHERE r.done_at IS NULL AND r.due <= @asOf AND (r.snoozed_until IS NULL OR r.snoozed_until <= @asOf)
    ORDER BY r.due, r.id`);
  const viewColumns = `r.id, r.account_id AS accountId, a.name AS accountName, r.title, r.due, r.done_at AS doneAt,
           r.snoozed_until AS snoozedUntil, r.source, r.shared, r.flag_id AS flagId, r.closed_by AS closedBy`;
  const byId = sqlite.prepare(`SELECT ${viewColumns} FROM reminders r LEFT JOIN accounts a ON a.id = r.account_id WHERE r.id = ?`);
  const openForAccount = sqlite.prepare(`
    SELECT id, title, due, source, snoozed_until AS snoozedUntil, shared, flag_id AS flagId FROM reminders
    WHERE account_id = ? AND done_at IS NULL ORDER BY due, id`);
  const unnotified = sqlite.prepare(`
    SELECT ${viewColumns} FROM reminders r LEFT JOIN accounts a ON a.id = r.account_id
    WHERE r.done_at IS NULL AND r.notified_at IS NULL AND r.due <= @asOf
      AND (r.snoozed_until IS NULL OR r.snoozed_until <= @asOf)
    ORDER BY r.due, r.id`);
  const markNotified = sqlite.prepare('UPDATE reminders SET notified_at = ? WHERE id = ?');

  type ReminderRow = Omit<ReminderView, 'done' | 'overdueDays' | 'shared'> & { shared: number };
  function view(row: ReminderRow, asOf: string): ReminderView {
    return { ...row, shared: row.shared === 1, done: row.doneAt !== null, overdueDays: daysBetween(row.due, asOf) };
  }

  function listUnnotified(asOf = clock.today()): ReminderView[] {
    return (unnotified.all({ asOf }) as ReminderRow[]).map((row) => view(row, asOf));
  }

  function markAllNotified(ids: readonly number[]): void {
    const now = clock.now();
    sqlite.transaction(() => {
      for (const id of ids) markNotified.run(now, id);
    })();
  }

  function require(id: number): ReminderView {
    const row = byId.get(id) as ReminderRow | undefined;
    if (!row) throw new TendError('not_found', `There is no reminder with id ${id}. It may have been removed with its account.`, { id });
    return view(row, clock.today());
  }

  return {
    /**
     * Creates the reminders the book asks for at asOf and closes (as the system) the ones whose
     * reason is gone — for the whole book, or for one account (after it changed).
     */
    refresh(asOf = clock.today(), accountId: number | null = null): { created: number; closed: number } {
      const settings = getSettings();
      const now = clock.now();
      const scope = { asOf, account: accountId };
      const wanted = new Set<string>();
      let created = 0;
      const make = (accountId: number, title: string, dueOn: string, source: ReminderSource, key: string, flagId: number | null = null) => {
        wanted.add(key);
        created += insert.run(accountId, title, dueOn, source, key, flagId, now).changes;
      };
      return sqlite.transaction(() => {
        created += insertFollowUpReminders(sqlite, now);
        for (const row of lastTouches.all(scope) as { id: number; name: string; segment: keyof Settings['cadenceDays']; lastTouch: string | null }[]) {
          const cadence = settings.cadenceDays[row.segment];
          if (row.lastTouch === null) {
            make(row.id, `First touch with ${row.name}`, asOf, 'cadence', `cadence:${row.id}:never`);
          } else if (daysBetween(row.lastTouch, asOf) > cadence) {
            make(row.id, `Check in with ${row.name}: no customer contact since ${row.lastTouch}`, addDays(row.lastTouch, cadence + 1), 'cadence', `cadence:${row.id}:${row.lastTouch}`);
          }
        }
        for (const row of renewals.all({ ...scope, until: addDays(asOf, RENEWAL_REMINDER_DAYS) }) as { id: number; name: string; renewalDate: string }[]) {
          make(row.id, `Prepare the renewal of ${row.name} (renews ${row.renewalDate})`, addDays(row.renewalDate, -RENEWAL_REMINDER_DAYS), 'renewal', `renewal:${row.id}:${row.renewalDate}`);
        }
        for (const row of openFlags.all(scope) as { id: number; accountId: number; reason: string; raisedAt: string; name: string }[]) {
          make(row.accountId, `${row.name}: ${row.reason}`, row.raisedAt, 'rule', `flag:${row.id}`, row.id);
        }
        linkCadence.run({ account: accountId });
        followFlagSnooze.run(scope);
        for (const row of lateCases.all(scope) as { id: number; accountId: number; targetDate: string; name: string }[]) {
          make(
            row.accountId,
            `Review the triage case of ${row.name}: its target date ${row.targetDate} has passed`,
            row.targetDate, // listed from the day after: overdue by as many days as the case is past its target
            'triage',
            `triage:${row.id}:${row.targetDate}`,
          );
        }
        let closed = closeOfResolvedFlags.run({ now, account: accountId }).changes;
        for (const row of openGenerated.all({ account: accountId }) as { id: number; sourceKey: string }[]) {
          if (!wanted.has(row.sourceKey)) closed += closeStale.run(now, row.id).changes;
        }
        return { created, closed };
      })();
    },

    /** What is due or overdue at asOf, oldest first. */
    due(asOf = clock.today()): ReminderView[] {
      return (due.all({ asOf }) as ReminderRow[]).map((row) => view(row, asOf));
    },

    get: (id: number): ReminderView => require(id),

    /** How many reminders the CSM marked done on `day` (YYYY-MM-DD); the system's closings do not count. */
    doneByUserOn: (day: string): number => (doneByUser.get(day) as { n: number }).n,

    /** Done now, by the CSM. A generated reminder stays done: its source key keeps it from coming back. */
    complete(id: number): ReminderView {
      require(id);
      sqlite.prepare("UPDATE reminders SET done_at = ?, closed_by = 'user' WHERE id = ? AND done_at IS NULL").run(clock.now(), id);
      return require(id);
    },

    /** Undo of complete (the Today screen's "undo"). */
    reopen(id: number): ReminderView {
      require(id);
      sqlite.prepare('UPDATE reminders SET done_at = NULL, closed_by = NULL WHERE id = ?').run(id);
      return require(id);
    },

    /** Hidden from Today until `until` (YYYY-MM-DD, after today); it notifies again then. */
    snooze(id: number, until: string): ReminderView {
      const reminder = require(id);
      if (until <= clock.today()) {
        throw new TendError('invalid_input', `Snooze "${reminder.title}" until a date after today (${clock.today()}), not ${until}.`, {
          field: 'until',
        });
      }
      sqlite.prepare('UPDATE reminders SET snoozed_until = ?, notified_at = NULL WHERE id = ?').run(until, id);
      return require(id);
    },

    /** Undo of snooze: due again at once (a snooze that had already run out reads the same). */
    unsnooze(id: number): ReminderView {
      require(id);
      sqlite.prepare('UPDATE reminders SET snoozed_until = NULL WHERE id = ?').run(id);
      return require(id);
    },

    /**
     * A task the CSM writes: source manual. Made from a flag (flagId), it keeps the flag — resolving
     * or snoozing the flag closes or snoozes it — and belongs to the flag's account.
     */
    create(input: { accountId: number | null; title: string; due: string; shared?: boolean; flagId?: number | null }): ReminderView {
      const flagId = input.flagId ?? null;
      let accountId = input.accountId;
      if (flagId !== null) {
        const flag = sqlite.prepare('SELECT account_id AS accountId, resolved_at AS resolvedAt FROM flags WHERE id = ?').get(flagId) as
          | { accountId: number; resolvedAt: string | null }
          | undefined;
        if (!flag) throw new TendError('not_found', `There is no flag with id ${flagId} to make the task from. It may have been removed with its account.`, { field: 'flagId' });
        if (accountId !== null && accountId !== flag.accountId) {
          throw new TendError('invalid_input', `Flag ${flagId} belongs to another account than the task (account ${accountId}). Make the task from the flag on its own account page.`, { field: 'flagId' });
        }
        if (flag.resolvedAt !== null) {
          throw new TendError('invalid_input', `That flag was resolved on ${flag.resolvedAt}: a task made from it would close at once. Add the task without the flag.`, { field: 'flagId' });
        }
        if (input.shared) {
          throw new TendError('invalid_input', 'A task made from a flag stays internal: it cannot be shared with the customer.', { field: 'shared' });
        }
        accountId = flag.accountId;
      }
      if (accountId !== null && !sqlite.prepare('SELECT 1 FROM accounts WHERE id = ?').get(accountId)) {
        throw new TendError('not_found', `There is no account with id ${accountId} to add the task to.`, { field: 'accountId' });
      }
      const { lastInsertRowid } = sqlite
        .prepare("INSERT INTO reminders (account_id, title, due, source, shared, flag_id, created_at) VALUES (?, ?, ?, 'manual', ?, ?, ?)")
        .run(accountId, input.title, input.due, input.shared ? 1 : 0, flagId, clock.now());
      return require(Number(lastInsertRowid));
    },

    /**
     * Shares a task with the customer (the customer copy of the QBR lists it under Next steps), or
     * stops sharing it. Only the CSM's own tasks and follow-ups can be shared: a task the book made
     * (cadence, renewal, a flag) or one made from a flag says something internal.
     */
    share(id: number, shared: boolean): ReminderView {
      const reminder = require(id);
      const { flagId } = sqlite.prepare('SELECT flag_id AS flagId FROM reminders WHERE id = ?').get(id) as { flagId: number | null };
      if (shared && (flagId !== null || (reminder.source !== 'manual' && reminder.source !== 'follow_up'))) {
        throw new TendError(
          'invalid_input',
          `"${reminder.title}" comes from ${flagId !== null ? 'a flag' : `the ${reminder.source} rule`} and stays internal: only your own tasks and follow-ups can be shared with the customer.`,
          { field: 'shared' },
        );
      }
      sqlite.prepare('UPDATE reminders SET shared = ? WHERE id = ?').run(shared ? 1 : 0, id);
      return require(id);
    },

    /** An account's open tasks (done_at null), soonest first. */
    openForAccount(accountId: number): OpenTaskRow[] {
      return (openForAccount.all(accountId) as (Omit<OpenTaskRow, 'shared'> & { shared: number; flagId: number | null })[]).map(
        ({ shared, flagId, ...row }) => ({ ...row, shared: shared === 1, fromFlag: flagId !== null }),
      );
    },

    /**
     * Desktop notifications: what is due at asOf and was never notified (a snooze clears the mark so
     * it notifies again when it wakes). The desktop app marks them with markNotified once the OS has
     * shown the notification, so one that was dropped is announced the next time.
     */
    unnotified: listUnnotified,

    /** Records that these reminders were announced, in one transaction. */
    markNotified: markAllNotified,

    /** unnotified + markNotified in one transaction: no item is announced twice. */
    takeUnnotified(asOf = clock.today()): ReminderView[] {
      return sqlite.transaction(() => {
        const rows = listUnnotified(asOf);
        markAllNotified(rows.map((row) => row.id));
        return rows;
      })();
    },
  };
}

export type RemindersService = ReturnType<typeof createRemindersService>;
