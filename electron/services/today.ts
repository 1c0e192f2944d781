// Today: what the CSM should do now, from the reminders the book asks for (refreshed first, so a
// cadence or renewal that became due overnight is there): follow-ups (from touches, and tasks the
// CSM wrote), accounts past their touch cadence, renewals within 30 days, newly raised flags.
import type { ReminderSource } from '../../shared/domain';
import type { ServiceContext } from './context';
import type { RemindersService, ReminderView } from './reminders';

export type TodaySectionName = 'follow_ups' | 'cadence' | 'renewals' | 'flags' | 'triage';

const SECTION_OF: Record<ReminderSource, TodaySectionName> = {
  follow_up: 'follow_ups',
  manual: 'follow_ups',
  cadence: 'cadence',
  renewal: 'renewals',
  rule: 'flags',
  triage: 'triage',
};

export function createTodayService(ctx: ServiceContext, reminders: RemindersService) {
  const { sqlite, clock } = ctx;
  const doneToday = sqlite.prepare('SELECT count(*) AS n FROM reminders WHERE substr(done_at, 1, 10) = ?');
  return {
    get(asOf = clock.today()) {
      reminders.refresh(asOf);
      const sections: Record<TodaySectionName, ReminderView[]> = { follow_ups: [], cadence: [], renewals: [], flags: [], triage: [] };
      const due = reminders.due(asOf);
      for (const reminder of due) sections[SECTION_OF[reminder.source]].push(reminder);
      // Most overdue first within a section (due() sorts oldest due first already).
      return {
        asOf,
        sections,
        total: due.length,
        doneToday: (doneToday.get(clock.now().slice(0, 10)) as { n: number }).n,
      };
    },
  };
}

export type TodayService = ReturnType<typeof createTodayService>;
