// Today: what the CSM should do now, grouped by account and ordered by what matters (issue 17.4;
// the order is shared/today/priority.ts). Reminders are refreshed first, so a cadence or renewal that
// became due overnight is there: follow-ups (from touches, and tasks the CSM wrote), accounts past
// their touch cadence, renewals within 30 days (with the renewal's forecast asked for on the same
// row), triage cases past their target date and newly raised flags; then renewals within 30 days
// without a forecast and expansion signals (the money service's).
//
// Items come from providers: each turns what the book says into items of one kind. Adding a kind
// (meetings today, say) is one provider here, one entry in the contract's todayItem and one in the
// screen's TODAY_KINDS.
import { addDays, daysBetween } from '../../shared/dates';
import type { AnyBand, FlagRule, ReminderSource, Segment, Severity } from '../../shared/domain';
import { SEVERITIES } from '../../shared/domain';
import type { TodayGroup, TodayItem, TodayPreferences, TodaySection, TodayView } from '../../shared/contracts/today';
import type { RenewalView } from '../../shared/contracts/money';
import { compareItems, itemUrgency, prioritise } from '../../shared/today/priority';
import { isOverdue } from '../../shared/today/when';
import type { ServiceContext } from './context';
import type { MoneyServices } from './money';
import { RENEWAL_REMINDER_DAYS, type RemindersService, type ReminderView } from './reminders';

const SECTION_OF: Record<ReminderSource, TodaySection> = {
  follow_up: 'follow_ups',
  manual: 'follow_ups',
  cadence: 'cadence',
  renewal: 'renewals',
  rule: 'flags',
  triage: 'triage',
};

const PREFERENCES_KEY = 'today';
const DEFAULT_PREFERENCES: TodayPreferences = { openOnToday: true };

type Unranked = Omit<TodayItem, 'urgency'> & { urgency?: number };

interface AccountRow {
  id: number;
  name: string;
  segment: Segment;
  mrrCents: number;
  currency: string;
  score: number | null;
  band: AnyBand | null;
  inTriage: number | null;
}

export function createTodayService(ctx: ServiceContext, reminders: RemindersService, money: Pick<MoneyServices, 'today'>) {
  const { sqlite, clock } = ctx;
  const accountsOf = sqlite.prepare(`
    SELECT a.id, a.name, a.segment, a.mrr_cents AS mrrCents, a.currency, h.score, h.band, h.in_triage AS inTriage
    FROM accounts a
    LEFT JOIN health_snapshots h ON h.account_id = a.id AND h.date = (SELECT max(date) FROM health_snapshots WHERE account_id = a.id)
    WHERE a.id IN (SELECT value FROM json_each(?))`);
  const openFlagsOf = sqlite.prepare(`
    SELECT account_id AS accountId, rule, severity, reason FROM flags
    WHERE resolved_at IS NULL AND (snoozed_until IS NULL OR snoozed_until <= @asOf) AND account_id IN (SELECT value FROM json_each(@ids))`);
  const readPreferences = sqlite.prepare('SELECT value FROM settings WHERE key = ?');
  const writePreferences = sqlite.prepare(`
    INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);

  /** Due reminders as items; a renewal reminder shows its renewal's countdown and asks for its forecast. */
  function reminderItems(due: ReminderView[], unforecast: Map<number, RenewalView>): Unranked[] {
    return due.map((reminder) => {
      const section = SECTION_OF[reminder.source];
      const renewalDate = section === 'renewals' ? addDays(reminder.due, RENEWAL_REMINDER_DAYS) : null;
      const renewal = reminder.accountId !== null && section === 'renewals' ? (unforecast.get(reminder.accountId) ?? null) : null;
      if (renewal) unforecast.delete(renewal.accountId);
      return {
        key: `reminder:${reminder.id}`,
        kind: 'reminder' as const,
        accountId: reminder.accountId,
        title: reminder.title,
        due: true,
        daysLate: Math.max(reminder.overdueDays, 0),
        section,
        reminder,
        renewalDate,
        renewal,
      };
    });
  }

  /** Renewals within 30 days without a forecast that no renewal reminder carries (it was done or snoozed). */
  function forecastItems(unforecast: Map<number, RenewalView>): Unranked[] {
    return [...unforecast.values()].map((renewal) => ({
      key: `forecast:${renewal.id}`,
      kind: 'forecast' as const,
      accountId: renewal.accountId,
      title: `Forecast the renewal of ${renewal.accountName}`,
      due: true,
      daysLate: Math.max(RENEWAL_REMINDER_DAYS - Math.max(renewal.inDays, 0), 0),
      renewal,
    }));
  }

  function groupsOf(items: Unranked[], asOf: string): TodayGroup[] {
    const byAccount = new Map<number | null, TodayItem[]>();
    for (const item of items) {
      const ranked = { ...item, urgency: itemUrgency(item) } as TodayItem;
      const list = byAccount.get(item.accountId) ?? [];
      list.push(ranked);
      byAccount.set(item.accountId, list);
    }
    const ids = [...byAccount.keys()].filter((k): k is number => k !== null);
    const accounts = new Map((accountsOf.all(JSON.stringify(ids)) as AccountRow[]).map((a) => [a.id, a]));
    const topFlag = new Map<number, { rule: FlagRule; severity: Severity; reason: string }>();
    for (const f of openFlagsOf.all({ asOf, ids: JSON.stringify(ids) }) as { accountId: number; rule: FlagRule; severity: Severity; reason: string }[]) {
      const current = topFlag.get(f.accountId);
      if (!current || SEVERITIES.indexOf(f.severity) > SEVERITIES.indexOf(current.severity)) topFlag.set(f.accountId, { rule: f.rule, severity: f.severity, reason: f.reason });
    }
    const groups = [...byAccount.entries()].map(([accountId, list]) => {
      const a = accountId === null ? undefined : accounts.get(accountId);
      return {
        key: accountId === null ? 'none' : `account:${accountId}`,
        accountId,
        accountName: a?.name ?? null,
        name: a?.name ?? '',
        segment: a?.segment ?? null,
        arrCents: a ? a.mrrCents * 12 : 0,
        currency: a?.currency ?? 'USD',
        score: a?.score ?? null,
        band: a?.band ?? null,
        inTriage: a?.inTriage === 1,
        topFlag: accountId === null ? null : (topFlag.get(accountId) ?? null),
        items: list.sort((x, y) => compareItems(x, y) || x.key.localeCompare(y.key)),
      };
    });
    // Tasks without an account go last whatever they weigh: they have no account to rank by.
    return prioritise(groups)
      .sort((x, y) => Number(x.accountId === null) - Number(y.accountId === null))
      .map(({ name: _name, ...group }) => group);
  }

  function summaryOf(due: ReminderView[], asOf: string) {
    const overdue = due.filter((r) => isOverdue({ kind: SECTION_OF[r.source], due: r.due }, asOf)).length;
    return { asOf, due: due.length, overdue };
  }

  return {
    get(asOf = clock.today()): TodayView {
      reminders.refresh(asOf);
      const due = reminders.due(asOf);
      const sections: Record<TodaySection, ReminderView[]> = { follow_ups: [], cadence: [], renewals: [], flags: [], triage: [] };
      for (const reminder of due) sections[SECTION_OF[reminder.source]].push(reminder);
      const moneyToday = money.today();
      const unforecast = new Map(moneyToday.renewals.map((r) => [r.accountId, r]));
      const signals: Unranked[] = moneyToday.signals.map((signal) => ({
        key: `signal:${signal.accountId}:${signal.source}:${signal.since}`,
        kind: 'signal' as const,
        accountId: signal.accountId,
        title: signal.title,
        due: false,
        daysLate: Math.max(daysBetween(signal.since, asOf), 0),
        signal,
      }));
      // The providers of Today's items, in turn (reminders first: they take the forecasts they carry).
      const items = [...reminderItems(due, unforecast), ...forecastItems(unforecast), ...signals];
      const { overdue } = summaryOf(due, asOf);
      return {
        asOf,
        groups: groupsOf(items, asOf),
        sections,
        total: due.length,
        overdue,
        doneToday: reminders.doneByUserOn(clock.now().slice(0, 10)),
      };
    },

    /** How much is due and overdue (the sidebar's badge, the landing screen). */
    summary(asOf = clock.today()) {
      reminders.refresh(asOf);
      return summaryOf(reminders.due(asOf), asOf);
    },

    preferences(): TodayPreferences {
      const row = readPreferences.get(PREFERENCES_KEY) as { value: string } | undefined;
      return { ...DEFAULT_PREFERENCES, ...(row ? (JSON.parse(row.value) as Partial<TodayPreferences>) : {}) };
    },

    savePreferences(preferences: TodayPreferences): TodayPreferences {
      writePreferences.run(PREFERENCES_KEY, JSON.stringify(preferences), clock.now());
      return this.preferences();
    },
  };
}

export type TodayService = ReturnType<typeof createTodayService>;
