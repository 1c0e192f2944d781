// Channels of the today domain (see shared/contract.ts): what is due today — grouped by account and
// ordered by what matters (shared/today/priority.ts) — completing / snoozing / creating reminders,
// the sidebar's count and the landing preference, and the command palette's search (accounts,
// contacts, and touch notes through SQLite FTS5).
import { z } from 'zod';
import { cents, id, isoDate, zAnyBand, zFlagRule, zReminderSource, zSegment, zSeverity, zTouchType } from '../domain';
import { text } from './core';
import { expansionSignal, renewalView } from './money';
import type { ChannelSpec } from './spec';

export const reminderView = z.object({
  id,
  accountId: id.nullable(),
  accountName: z.string().nullable(),
  title: z.string(),
  due: isoDate,
  done: z.boolean(),
  doneAt: z.string().nullable(),
  snoozedUntil: isoDate.nullable(),
  source: zReminderSource,
  shared: z.boolean(),
  overdueDays: z.number().int(),
  /** The flag it was made from or stands for: resolving or snoozing the flag closes or snoozes it. */
  flagId: id.nullable(),
  /** Who closed it (null while open): only 'user' counts as done by the CSM. */
  closedBy: z.enum(['user', 'system']).nullable(),
});

export const TODAY_SECTIONS = ['follow_ups', 'cadence', 'renewals', 'triage', 'flags'] as const;

/** What every Today item has: its key, account, words and how pressing it is (shared/today/priority.ts). */
const itemBase = {
  /** Unique in the view and stable across reloads ('reminder:12', 'forecast:3', 'signal:4:seat_overage'). */
  key: z.string(),
  accountId: id.nullable(),
  title: z.string(),
  /** Due (counts its lateness) or a suggestion (counts as less than anything due). */
  due: z.boolean(),
  /** Days past the day it became due; a renewal's: days into its 30-day window. */
  daysLate: z.number().int(),
  urgency: z.number(),
};

/**
 * One Today item. Kinds are data: adding one (e.g. meetings today) is one entry here, one provider in
 * electron/services/today.ts and one entry in the screen's TODAY_KINDS.
 */
export const todayItem = z.discriminatedUnion('kind', [
  z.object({
    ...itemBase,
    kind: z.literal('reminder'),
    section: z.enum(TODAY_SECTIONS),
    reminder: reminderView,
    /** A renewal reminder's renewal date (its countdown is what it shows). */
    renewalDate: isoDate.nullable(),
    /** A renewal reminder's open renewal when it has no forecast yet: forecast it from the same row. */
    renewal: renewalView.nullable(),
  }),
  /** A renewal within 30 days without a forecast (and no renewal reminder open for it). */
  z.object({ ...itemBase, kind: z.literal('forecast'), renewal: renewalView }),
  /** An expansion signal: create the opportunity, or dismiss the suggestion. */
  z.object({ ...itemBase, kind: z.literal('signal'), signal: expansionSignal }),
]);

/** One account's items (or the tasks without an account), with what ranks it. */
export const todayGroup = z.object({
  key: z.string(),
  accountId: id.nullable(),
  accountName: z.string().nullable(),
  segment: zSegment.nullable(),
  arrCents: cents,
  currency: z.string(),
  score: z.number().int().nullable(),
  band: zAnyBand.nullable(),
  inTriage: z.boolean(),
  /** The most severe open flag, if any. */
  topFlag: z.object({ rule: zFlagRule, severity: zSeverity, reason: z.string() }).nullable(),
  /** urgency × value × risk (shared/today/priority.ts); groups come most pressing first. */
  priority: z.number(),
  items: z.array(todayItem),
});

export const todayView = z.object({
  asOf: isoDate,
  groups: z.array(todayGroup),
  /** The due reminders by kind (the same reminders as in the groups), for callers that read one kind. */
  sections: z.object({
    follow_ups: z.array(reminderView),
    cadence: z.array(reminderView),
    renewals: z.array(reminderView),
    flags: z.array(reminderView),
    /** Triage cases past their target date (SPEC "Triage cases"). */
    triage: z.array(reminderView),
  }),
  /** Due reminders. */
  total: z.number().int(),
  /** Follow-ups, cadence check-ins and triage cases past their date. */
  overdue: z.number().int(),
  /** Reminders the CSM marked done today (not the ones the system closed). */
  doneToday: z.number().int(),
});

export const todaySummary = z.object({ asOf: isoDate, due: z.number().int(), overdue: z.number().int() });

/** How the app starts: on Today when something is due (issue 17.5), else on the portfolio. */
export const todayPreferences = z.object({ openOnToday: z.boolean() }).strict();

export const searchResults = z.object({
  accounts: z.array(
    z.object({
      id,
      name: z.string(),
      segment: z.string(),
      stage: z.string(),
      score: z.number().int().nullable(),
      band: zAnyBand.nullable(),
      /** Archived accounts are found too (the palette is how you get back to them). */
      archived: z.boolean(),
    }),
  ),
  contacts: z.array(
    z.object({ id, name: z.string(), title: z.string().nullable(), email: z.string().nullable(), accountId: id, accountName: z.string() }),
  ),
  touches: z.array(
    z.object({
      id,
      accountId: id,
      accountName: z.string(),
      type: zTouchType,
      occurredAt: z.string(),
      summary: z.string(),
      /** The matching passage with the hits between \u0002 and \u0003 (the renderer highlights them). */
      snippet: z.string(),
    }),
  ),
});

export const todayContract = {
  'today.get': { input: z.object({}).strict(), output: todayView },
  /** How much is due (the sidebar's badge, the landing screen). */
  'today.summary': { input: z.object({}).strict(), output: todaySummary },
  'today.preferences': { input: z.object({}).strict(), output: todayPreferences },
  'today.savePreferences': { input: z.object({ preferences: todayPreferences }).strict(), output: todayPreferences },
  /** Done by the CSM (counts in "done today"). */
  'reminders.complete': { input: z.object({ id }).strict(), output: reminderView },
  'reminders.reopen': { input: z.object({ id }).strict(), output: reminderView },
  'reminders.snooze': { input: z.object({ id, until: isoDate }).strict(), output: reminderView },
  /** Undo of a snooze: due again now. */
  'reminders.unsnooze': { input: z.object({ id }).strict(), output: reminderView },
  'reminders.create': {
    input: z
      .object({
        accountId: id.nullable(),
        title: text(500).trim().min(1, 'a task needs a title'),
        due: isoDate,
        shared: z.boolean().optional(),
        /** Made from this flag: resolving or snoozing the flag closes or snoozes the task. */
        flagId: id.optional(),
      })
      .strict(),
    output: reminderView,
  },
  /** Marks a task as a next step to share with the customer (or not). Tasks made from flags stay internal. */
  'reminders.share': { input: z.object({ id, shared: z.boolean() }).strict(), output: reminderView },
  'search.query': {
    input: z.object({ query: text(200), limit: z.number().int().min(1).max(50).optional() }).strict(),
    output: searchResults,
  },
} as const satisfies Record<string, ChannelSpec>;

export type ReminderViewOut = z.infer<typeof reminderView>;
export type TodayView = z.infer<typeof todayView>;
export type TodayGroup = z.infer<typeof todayGroup>;
export type TodayItem = z.infer<typeof todayItem>;
export type TodayItemKind = TodayItem['kind'];
export type TodaySummary = z.infer<typeof todaySummary>;
export type TodayPreferences = z.infer<typeof todayPreferences>;
export type TodaySection = (typeof TODAY_SECTIONS)[number];
export type SearchResults = z.infer<typeof searchResults>;
