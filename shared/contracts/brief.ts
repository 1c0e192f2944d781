// Channels of the account brief (SPEC "Trends and the account brief"): the page a CSM reads before a
// call — renewal and forecast, score and what changed in 30 days, open flags and the triage case,
// open follow-ups, the last five touches with their next steps, who is who (with last contact), open
// goals and opportunities — on screen (the account page, key b), as text (`tend brief`) and as a
// one-page PDF (print route /print/brief/:id, internal only). Plus Today's meetings, captured from
// calendars, each a link to its account's brief.
import { z } from 'zod';
import {
  id,
  isoDate,
  zAnyBand,
  zChurnReason,
  zContactLevel,
  zContactRole,
  zFlagRule,
  zForecastCategory,
  zGoalStatus,
  zOpportunityStage,
  zReminderSource,
  zSegment,
  zSeverity,
  zStage,
  zTouchType,
} from '../domain';
import { zPaper } from '../print';
import { scoreChange } from './account-page';
import type { ChannelSpec } from './spec';

/** How many of each list the brief shows (one page of paper); the rest is counted ("and 3 more"). */
export const BRIEF_LIMITS = { touches: 5, followUps: 6, flags: 5, people: 10, goals: 4, opportunities: 4 } as const;

const more = z.number().int().nonnegative();

export const briefData = z.object({
  asOf: isoDate,
  account: z.object({
    id,
    name: z.string(),
    externalId: z.string().nullable(),
    segment: zSegment,
    stage: zStage,
    industry: z.string().nullable(),
    currency: z.string(),
    arrCents: z.number().int(),
    archived: z.boolean(),
    churnedOn: isoDate.nullable(),
    churnReason: zChurnReason.nullable(),
  }),
  /** The open renewal (or the renewal date alone when none is open) and its forecast. */
  renewal: z
    .object({
      dueDate: isoDate,
      inDays: z.number().int(),
      forecast: zForecastCategory.nullable(),
      /** What the CSM expects to renew (default: ARR now). */
      expectedArrCents: z.number().int(),
      /** Expected ARR × the category's probability (no category counts as likely). */
      weightedArrCents: z.number().int(),
      /** Expected ARR × the band's probability. */
      healthAdjustedArrCents: z.number().int(),
      /** Why the forecast and the health disagree, when they do. */
      disagreement: z.string().nullable(),
      /** False when only the account's renewal date is known (no renewal record open). */
      open: z.boolean(),
    })
    .nullable(),
  health: z
    .object({
      date: isoDate,
      score: z.number().int().nullable(),
      band: zAnyBand,
      confidence: z.number(),
      inTriage: z.boolean(),
    })
    .nullable(),
  /** Thirty days ago → now: which component moved the score. */
  change30: scoreChange.nullable(),
  flags: z.array(z.object({ rule: zFlagRule, severity: zSeverity, reason: z.string(), raisedAt: z.string(), snoozedUntil: isoDate.nullable() })),
  moreFlags: more,
  triageCase: z
    .object({
      openedOn: isoDate,
      rootCause: zChurnReason.nullable(),
      plan: z.string(),
      targetDate: isoDate.nullable(),
      overdueDays: z.number().int().nonnegative(),
      triggers: z.array(z.string()),
    })
    .nullable(),
  followUps: z.array(z.object({ id, title: z.string(), due: isoDate, overdueDays: z.number().int(), source: zReminderSource, snoozedUntil: isoDate.nullable() })),
  moreFollowUps: more,
  /** Newest first. */
  touches: z.array(
    z.object({
      id,
      date: z.string(),
      type: zTouchType,
      summary: z.string(),
      people: z.array(z.string()),
      sentiment: z.number().int().nullable(),
      nextStep: z.string().nullable(),
      followUpDue: isoDate.nullable(),
    }),
  ),
  touchCount: z.number().int().nonnegative(),
  /** Who is who: executives first, then by strength; people who left are counted, not listed. */
  people: z.array(
    z.object({
      id,
      name: z.string(),
      title: z.string().nullable(),
      level: zContactLevel,
      role: zContactRole.nullable(),
      strength: z.number().int(),
      isUser: z.boolean(),
      executive: z.boolean(),
      /** Date (YYYY-MM-DD) of the last touch with them, null when never. */
      lastContact: isoDate.nullable(),
    }),
  ),
  morePeople: more,
  peopleLeft: more,
  goals: z.array(z.object({ id, goal: z.string(), target: z.string(), status: zGoalStatus, dueDate: isoDate.nullable() })),
  moreGoals: more,
  opportunities: z.array(z.object({ id, title: z.string(), arrCents: z.number().int(), stage: zOpportunityStage, expectedClose: isoDate.nullable() })),
  moreOpportunities: more,
});

export const meetingsToday = z.object({
  date: isoDate,
  meetings: z.array(
    z.object({
      touchId: id,
      accountId: id,
      accountName: z.string(),
      /** 'HH:MM' in the CSM's time zone as captured, or null for an all-day event. */
      time: z.string().nullable(),
      summary: z.string(),
      people: z.array(z.string()),
      band: zAnyBand.nullable(),
      score: z.number().int().nullable(),
      renewalInDays: z.number().int().nullable(),
      openFlags: z.number().int().nonnegative(),
    }),
  ),
});

export const briefOptions = z.object({ accountId: id, paper: zPaper.default('a4') }).strict();
export type BriefOptions = z.input<typeof briefOptions>;

export const briefContract = {
  'brief.get': { input: z.object({ accountId: id }).strict(), output: briefData },
  /** Today's meetings captured from calendars (source calendar, occurring today), each with its account. */
  'brief.meetingsToday': { input: z.object({}).strict(), output: meetingsToday },
  /** Save dialog + one-page PDF (printToPDF in the app); null when the user cancels the dialog. */
  'brief.exportPdf': { input: briefOptions, output: z.object({ file: z.string() }).nullable() },
} as const satisfies Record<string, ChannelSpec>;

export type BriefData = z.infer<typeof briefData>;
export type MeetingsToday = z.infer<typeof meetingsToday>;
