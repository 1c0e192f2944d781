// Channels of the account-page domain (see shared/contract.ts): everything one account's page shows
// in one call — the explained score, what changed since 7 and 30 days ago, the trend with the dates
// the settings changed, flags, the timeline, success goals, metric series and open tasks — plus the
// success-goal edits.
import { z } from 'zod';
import { COMPONENTS, id, isoDate, zAnyBand, zFlagRule, zGoalStatus, zReminderSource, zRevenueKind, zSeverity, zSurveyKind, zTouchType } from '../domain';
import { accountDetail, flag, text } from './core';
import type { ChannelSpec } from './spec';

const componentResult = z.object({
  score: z.number(),
  weight: z.number(),
  contribution: z.number(),
  inputDate: z.string().nullable(),
  detail: z.string(),
});
const zComponent = z.enum(COMPONENTS);

export const healthNow = z.object({
  date: isoDate,
  /** Null with band no_data: the account has not enough data to be scored (SPEC "Not enough data"). */
  score: z.number().int().nullable(),
  band: zAnyBand,
  confidence: z.number(),
  inTriage: z.boolean(),
  components: z.record(z.string(), componentResult.nullable()),
});

export const scoreChange = z.object({
  from: isoDate,
  to: isoDate,
  scoreBefore: z.number().nullable(),
  scoreAfter: z.number().nullable(),
  scoreDelta: z.number().nullable(),
  bandBefore: zAnyBand,
  bandAfter: zAnyBand,
  components: z.array(
    z.object({
      component: zComponent,
      before: z.number().nullable(),
      after: z.number().nullable(),
      contributionBefore: z.number(),
      contributionAfter: z.number(),
      delta: z.number(),
      reason: z.string(),
    }),
  ),
  driver: zComponent.nullable(),
  summary: z.string(),
});

export const TIMELINE_KINDS = ['touch', 'flag_raised', 'flag_resolved', 'band_change', 'revenue', 'survey'] as const;
export const zTimelineKind = z.enum(TIMELINE_KINDS);

export const timelineItem = z.object({
  /** Unique within the timeline, e.g. 'touch:12'. */
  key: z.string(),
  kind: zTimelineKind,
  /** YYYY-MM-DD or a timestamp; sorted newest first. */
  date: z.string(),
  title: z.string(),
  detail: z.string(),
  touchType: zTouchType.optional(),
  sentiment: z.number().int().nullable().optional(),
  severity: z.string().optional(),
  band: zAnyBand.optional(),
  revenueKind: zRevenueKind.optional(),
  amountCents: z.number().int().optional(),
  surveyKind: zSurveyKind.optional(),
  score: z.number().optional(),
  contactIds: z.array(id).optional(),
});

export const goal = z.object({
  id,
  accountId: id,
  goal: z.string(),
  measure: z.string(),
  target: z.string(),
  status: zGoalStatus,
  dueDate: isoDate.nullable(),
});

export const goalFields = z
  .object({
    goal: text(1000).trim().min(1, 'a goal needs a description'),
    measure: text(1000),
    target: text(1000),
    status: zGoalStatus,
    dueDate: isoDate.nullable(),
  })
  .strict();

export const openTask = z.object({
  id,
  title: z.string(),
  due: isoDate,
  source: zReminderSource,
  snoozedUntil: isoDate.nullable(),
  /** A next step the CSM chose to share with the customer (the customer copy lists only these). */
  shared: z.boolean(),
  /** Made from a flag: internal, never shared. */
  fromFlag: z.boolean(),
});

export const accountPage = z.object({
  asOf: isoDate,
  detail: accountDetail,
  health: healthNow.nullable(),
  changes: z.object({ d7: scoreChange.nullable(), d30: scoreChange.nullable() }),
  trend: z.array(z.object({ date: isoDate, score: z.number().int().nullable(), band: zAnyBand })),
  /** Dates (YYYY-MM-DD) the scoring settings were saved: markers on the trend. */
  settingsChanges: z.array(isoDate),
  flags: z.array(flag),
  /** Whether the app suggests moving the account to stage triage (in triage, not already there). */
  suggestTriage: z.boolean(),
  /**
   * Why the account is in triage (shared/scoring/triage-reasons.ts), most severe first: each firing
   * emergency or high flag, an at-risk score, stage triage. Empty when it is not in triage.
   */
  triageReasons: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('flag'), rule: zFlagRule, severity: zSeverity, reason: z.string() }),
      z.object({ kind: z.literal('score'), score: z.number().int().nullable(), band: zAnyBand }),
      z.object({ kind: z.literal('stage') }),
    ]),
  ),
  timeline: z.array(timelineItem),
  /** All the account's touches; `detail.touches` (and the timeline) hold the newest `touchLimit`. */
  touchCount: z.number().int().nonnegative(),
  goals: z.array(goal),
  metrics: z.object({
    adoption: z.array(z.object({ date: isoDate, value: z.number() })),
    openTickets: z.array(z.object({ date: isoDate, value: z.number() })),
  }),
  tasks: z.array(openTask),
});

export const accountPageContract = {
  'accountPage.get': {
    input: z.object({ id, touchLimit: z.number().int().min(1).max(100_000).optional() }).strict(),
    output: accountPage,
  },
  'goals.create': { input: goalFields.partial().required({ goal: true }).extend({ accountId: id }).strict(), output: goal },
  'goals.update': { input: z.object({ id, patch: goalFields.partial().strict() }).strict(), output: goal },
} as const satisfies Record<string, ChannelSpec>;

export type AccountPage = z.infer<typeof accountPage>;
export type HealthNow = z.infer<typeof healthNow>;
export type ScoreChangeView = z.infer<typeof scoreChange>;
export type TimelineItem = z.infer<typeof timelineItem>;
export type TimelineKind = z.infer<typeof zTimelineKind>;
export type Goal = z.infer<typeof goal>;
export type OpenTask = z.infer<typeof openTask>;
