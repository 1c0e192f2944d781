// Channels of the reports domain: the data behind the QBR summary of one account for a period and
// the portfolio review for a month. The print routes (shared/print.ts) render them; the PDFs come
// from the same layout in the app (printToPDF) and the CLI (headless Chromium).
import { z } from 'zod';
import { id, isoDate, zAnyBand, zChurnReason, zContactLevel, zContactRole, zGoalStatus, zRevenueKind, zSegment, zStage, zSurveyKind, zTouchType, zTriageOutcome } from '../domain';
import { qbrOptions, reviewOptions } from '../print';
import { flag } from './core';
import { goal, healthNow, scoreChange, openTask } from './account-page';
import { surveyWindow } from './portfolio';
import { triageCaseStatsSchema } from './triage';
import type { ChannelSpec } from './spec';

const series = z.array(z.object({ date: isoDate, value: z.number() }));

export const qbrData = z.object({
  asOf: isoDate,
  audience: z.enum(['internal', 'customer']),
  csmName: z.string(),
  period: z.object({ from: isoDate, to: isoDate, label: z.string() }),
  account: z.object({
    id,
    name: z.string(),
    externalId: z.string().nullable(),
    segment: zSegment,
    stage: zStage,
    industry: z.string().nullable(),
    currency: z.string(),
    mrrCents: z.number().int(),
    arrCents: z.number().int(),
    renewalDate: isoDate.nullable(),
    renewalInDays: z.number().int().nullable(),
    notes: z.string(),
  }),
  /** Health at the end of the period (the as-of date when the period runs to today). */
  health: healthNow,
  trend: z.array(z.object({ date: isoDate, score: z.number().int().nullable(), band: zAnyBand })),
  /** Start of the period → end: which component moved the score. */
  changes: scoreChange.nullable(),
  flags: z.object({ raised: z.array(flag), resolved: z.array(flag) }),
  contacts: z.array(
    z.object({
      id,
      name: z.string(),
      title: z.string().nullable(),
      level: zContactLevel,
      isUser: z.boolean(),
      role: zContactRole.nullable(),
      strength: z.number().int(),
      leftOn: isoDate.nullable(),
      lastTouchAt: z.string().nullable(),
      joinedInPeriod: z.boolean(),
      leftInPeriod: z.boolean(),
    }),
  ),
  touches: z.object({
    total: z.number().int(),
    byType: z.array(z.object({ type: zTouchType, count: z.number().int() })),
    keyMeetings: z.array(
      z.object({
        date: z.string(),
        type: zTouchType,
        summary: z.string(),
        people: z.string(),
        sentiment: z.number().int().nullable(),
        notes: z.string(),
      }),
    ),
  }),
  adoption: series,
  openTickets: series,
  revenue: z.array(z.object({ date: isoDate, kind: zRevenueKind, mrrDeltaCents: z.number().int() })),
  surveys: z.array(z.object({ date: isoDate, kind: zSurveyKind, score: z.number(), comment: z.string(), contactName: z.string().nullable() })),
  goals: z.array(goal),
  nextSteps: z.array(z.object({ date: z.string(), nextStep: z.string(), followUpDue: isoDate.nullable() })),
  openTasks: z.array(openTask),
});

/**
 * The customer copy of the QBR, built from an allow-list: only what is shared with the customer —
 * usage and adoption, support, goals and their status, meetings held with their summaries, revenue
 * movements if the CSM ticks them, next steps the CSM marked as shared, and the health score only if
 * the CSM turns it on. Never stage, segment, band, score components, relationship strengths, flags,
 * pulse, private notes or tasks made from flags. Strict objects: nothing else can slip through.
 */
export const customerQbrData = z.strictObject({
  asOf: isoDate,
  csmName: z.string(),
  period: z.strictObject({ from: isoDate, to: isoDate, label: z.string() }),
  account: z.strictObject({ id, name: z.string(), currency: z.string() }),
  /** Only when the CSM included it: the score at the end of the period and its weekly trend. */
  health: z
    .strictObject({ date: isoDate, score: z.number().int(), trend: z.array(z.strictObject({ date: isoDate, score: z.number().int() })) })
    .nullable(),
  adoption: series,
  activeUsers: series,
  openTickets: series,
  seats: z.number().int().nullable(),
  meetings: z.strictObject({
    total: z.number().int(),
    held: z.array(z.strictObject({ date: z.string(), type: zTouchType, summary: z.string(), people: z.string() })),
  }),
  goals: z.array(
    z.strictObject({ goal: z.string(), measure: z.string(), target: z.string(), dueDate: isoDate.nullable(), status: zGoalStatus }),
  ),
  /** Only when the CSM included them. */
  revenue: z.array(z.strictObject({ date: isoDate, kind: zRevenueKind, mrrDeltaCents: z.number().int() })).nullable(),
  nextSteps: z.array(z.strictObject({ text: z.string(), agreedOn: isoDate.nullable(), due: isoDate.nullable() })),
});

export const reviewData = z.object({
  asOf: isoDate,
  month: z.string(),
  csmName: z.string(),
  metrics: z.object({
    period: z.object({ from: isoDate, to: isoDate, toDate: z.boolean() }),
    logoChurnRate: z.number().nullable(),
    netMrrChurnRate: z.number().nullable(),
    grossRevenueRetention: z.number().nullable(),
    netRevenueRetention: z.number().nullable(),
    nps: z.number().nullable(),
    csat: z.number().nullable(),
    ces: z.number().nullable(),
    npsResponses: z.number().int(),
    csatResponses: z.number().int(),
    cesResponses: z.number().int(),
    surveyWindows: z.object({ nps: surveyWindow, csat: surveyWindow, ces: surveyWindow }),
    incubationPipelineArr: z.number(),
    triageArr: z.number(),
    mrrStart: z.number(),
    mrrEnd: z.number(),
    renewals: z.object({
      d30: z.object({ count: z.number().int(), arr: z.number() }),
      d60: z.object({ count: z.number().int(), arr: z.number() }),
      d90: z.object({ count: z.number().int(), arr: z.number() }),
    }),
  }),
  accountCount: z.number().int(),
  bands: z.array(z.object({ band: zAnyBand, count: z.number().int(), arrCents: z.number() })),
  renewals: z.array(
    z.object({ id, name: z.string(), renewalDate: isoDate, inDays: z.number().int(), arrCents: z.number(), score: z.number().nullable(), band: zAnyBand.nullable() }),
  ),
  triage: z.array(
    z.object({ id, name: z.string(), arrCents: z.number(), score: z.number().nullable(), band: zAnyBand, reasons: z.array(z.string()) }),
  ),
  /** SPEC "Triage cases": the month's cases — opened, open at its end, recovered, churned — and the cases behind them. */
  triageCases: z.object({
    from: isoDate,
    to: isoDate,
    stats: triageCaseStatsSchema,
    cases: z.array(
      z.object({
        id,
        name: z.string(),
        openedOn: isoDate,
        rootCause: zChurnReason.nullable(),
        targetDate: isoDate.nullable(),
        closedOn: isoDate.nullable(),
        outcome: zTriageOutcome.nullable(),
      }),
    ),
  }),
});

export const reportsContract = {
  /** The internal QBR (audience internal); the customer copy has its own channel and shape. */
  'reports.qbr': { input: qbrOptions, output: qbrData },
  'reports.customerQbr': { input: qbrOptions, output: customerQbrData },
  'reports.review': { input: reviewOptions, output: reviewData },
  /** Save dialog + PDF (printToPDF in the app); null when the user cancels the dialog. */
  'reports.exportQbr': { input: qbrOptions, output: z.object({ file: z.string() }).nullable() },
  'reports.exportReview': { input: reviewOptions, output: z.object({ file: z.string() }).nullable() },
} as const satisfies Record<string, ChannelSpec>;

export type QbrData = z.infer<typeof qbrData>;
export type CustomerQbrData = z.infer<typeof customerQbrData>;
export type ReviewData = z.infer<typeof reviewData>;
