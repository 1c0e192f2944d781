// Channels of the today domain (see shared/contract.ts): what is due today (follow-ups, cadence,
// renewals, new flags), completing / snoozing / creating reminders, and the command palette's search
// (accounts, contacts, and touch notes through SQLite FTS5).
import { z } from 'zod';
import { id, isoDate, zAnyBand, zReminderSource, zTouchType } from '../domain';
import { text } from './core';
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
});

export const TODAY_SECTIONS = ['follow_ups', 'cadence', 'renewals', 'triage', 'flags'] as const;

export const todayView = z.object({
  asOf: isoDate,
  sections: z.object({
    follow_ups: z.array(reminderView),
    cadence: z.array(reminderView),
    renewals: z.array(reminderView),
    flags: z.array(reminderView),
    /** Triage cases past their target date (SPEC "Triage cases"). */
    triage: z.array(reminderView),
  }),
  total: z.number().int(),
  doneToday: z.number().int(),
});

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
  'reminders.complete': { input: z.object({ id }).strict(), output: reminderView },
  'reminders.reopen': { input: z.object({ id }).strict(), output: reminderView },
  'reminders.snooze': { input: z.object({ id, until: isoDate }).strict(), output: reminderView },
  'reminders.create': {
    input: z
      .object({
        accountId: id.nullable(),
        title: text(500).trim().min(1, 'a task needs a title'),
        due: isoDate,
        shared: z.boolean().optional(),
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
export type TodaySection = (typeof TODAY_SECTIONS)[number];
export type SearchResults = z.infer<typeof searchResults>;
