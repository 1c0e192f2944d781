// Channels of the reports domain: the data behind the QBR summary of one account for a period and
// the portfolio review for a month. The print routes (shared/print.ts) render them; the PDFs come
// from the same layout in the app (printToPDF) and the CLI (headless Chromium).
import { z } from 'zod';
import { id, isoDate, zAnyBand, zChurnReason, zContactLevel, zContactRole, zRevenueKind, zSegment, zStage, zSurveyKind, zTouchType, zTriageOutcome } from '../domain';
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
  'reports.qbr': { input: qbrOptions, output: qbrData },
  'reports.review': { input: reviewOptions, output: reviewData },
  /** Save dialog + PDF (printToPDF in the app); null when the user cancels the dialog. */
  'reports.exportQbr': { input: qbrOptions, output: z.object({ file: z.string() }).nullable() },
  'reports.exportReview': { input: reviewOptions, output: z.object({ file: z.string() }).nullable() },
} as const satisfies Record<string, ChannelSpec>;

export type QbrData = z.infer<typeof qbrData>;
export type ReviewData = z.infer<typeof reviewData>;
