// Channels of the money domain (see shared/contract.ts; SPEC "Renewals, expansion and churn"):
// revenue events from every money change (an MRR edit, a churn, a reactivation — each with Undo),
// renewals with a forecast category and expected ARR, the forecast, expansion opportunities and the
// signals that suggest them, and surveys and metric samples entered by hand. Every write answers
// with a change id that `money.undo` takes back.
import { z } from 'zod';
import {
  cents,
  id,
  isoDate,
  zAnyBand,
  zChurnReason,
  zForecastCategory,
  zOpportunitySource,
  zOpportunityStage,
  zRenewalOutcome,
  zRevenueKind,
  zRevenueSource,
  zSeverity,
  zStage,
  zSurveyKind,
} from '../domain';
import { touch, touchFields, text } from './core';
import type { ChannelSpec } from './spec';

const note = text(2000);
const money = cents.nonnegative().max(Number.MAX_SAFE_INTEGER);
const signalSource = z.enum(['seat_overage', 'high_adoption', 'promoter']);

/** What every money write answers: the change (for Undo), the account it touched, and a sentence. */
export const moneyChange = z.object({
  changeId: z.number().int().positive(),
  accountId: id,
  summary: z.string(),
});

export const revenueEventView = z.object({
  id,
  accountId: id,
  date: isoDate,
  kind: zRevenueKind,
  mrrDeltaCents: cents,
  source: zRevenueSource.nullable(),
  note: z.string(),
  /** MRR after this event (events of one date in the order they were entered). */
  mrrAfterCents: cents,
  /** The import batch that wrote it, if any. */
  importBatchId: id.nullable(),
});

export const renewalView = z.object({
  id,
  accountId: id,
  accountName: z.string(),
  currency: z.string(),
  dueDate: isoDate,
  /** Days from as-of to the due date (negative: overdue). */
  inDays: z.number().int(),
  termMonths: z.number().int(),
  forecast: zForecastCategory.nullable(),
  expectedArrCents: cents.nullable(),
  /** ARR at as-of (12 × the revenue events' MRR). */
  arrCents: cents,
  outcome: zRenewalOutcome.nullable(),
  closedOn: isoDate.nullable(),
  renewedMrrCents: cents.nullable(),
  notes: z.string(),
  band: zAnyBand.nullable(),
  score: z.number().int().nullable(),
  flags: z.array(z.object({ rule: z.string(), severity: zSeverity, reason: z.string() })),
  /** Why the forecast and health disagree, when they do (renewals due within the disagreement window). */
  disagreement: z.string().nullable(),
});

export const opportunityView = z.object({
  id,
  accountId: id,
  title: z.string(),
  arrCents: cents,
  stage: zOpportunityStage,
  expectedClose: isoDate.nullable(),
  source: zOpportunitySource,
  closedOn: isoDate.nullable(),
  revenueEventId: id.nullable(),
  notes: z.string(),
  createdAt: z.string(),
});

export const expansionSignal = z.object({
  accountId: id,
  name: z.string(),
  source: signalSource,
  since: isoDate,
  reason: z.string(),
  title: z.string(),
  arrCents: cents.nullable(),
});

export const accountMoney = z.object({
  asOf: isoDate,
  accountId: id,
  currency: z.string(),
  stage: zStage,
  churnedOn: isoDate.nullable(),
  churnReason: zChurnReason.nullable(),
  /** The account's MRR, and the MRR its revenue events add up to at as-of (they differ only after imports). */
  mrrCents: cents,
  ledgerMrrCents: cents,
  /** Newest first. */
  events: z.array(revenueEventView),
  /** MRR after each date with events, oldest first (the chart); a lone implied opening when there are none. */
  series: z.array(z.object({ date: isoDate, mrrCents: cents })),
  /** With no events, the `new` event the metrics assume (current MRR at contract start or creation). */
  impliedOpening: z.object({ date: isoDate, mrrCents: cents }).nullable(),
  renewal: renewalView.nullable(),
  pastRenewals: z.array(renewalView),
  opportunities: z.array(opportunityView),
  signals: z.array(expansionSignal),
});

const bucket = z.object({ count: z.number().int(), arr: cents });
export const forecastView = z.object({
  asOf: isoDate,
  months: z.array(
    z.object({
      month: z.string(),
      count: z.number().int(),
      arr: cents,
      expectedArr: cents,
      healthAdjustedArr: cents,
      byCategory: z.object({ commit: bucket, likely: bucket, at_risk: bucket, lost: bucket, none: bucket }),
    }),
  ),
  totals: z.object({ count: z.number().int(), arr: cents, expectedArr: cents, healthAdjustedArr: cents }),
  disagreements: z.array(
    z.object({
      renewalId: id,
      accountId: id,
      name: z.string(),
      dueDate: isoDate,
      forecast: zForecastCategory,
      band: zAnyBand,
      score: z.number().int().nullable(),
      direction: z.enum(['optimistic', 'pessimistic']),
      reason: z.string(),
    }),
  ),
  overdue: bucket,
  /** The probabilities used (Settings → Forecast). */
  probabilities: z.object({
    commit: z.number(),
    likely: z.number(),
    at_risk: z.number(),
    lost: z.number(),
    bands: z.object({ healthy: z.number(), watch: z.number(), at_risk: z.number(), no_data: z.number() }),
  }),
});

const renewalPatch = z
  .object({
    forecast: zForecastCategory.nullable(),
    expectedArrCents: money.nullable(),
    termMonths: z.number().int().min(1, 'a term is at least 1 month').max(120, 'a term is at most 120 months'),
    dueDate: isoDate,
    notes: text(10_000),
  })
  .partial()
  .strict();

const opportunityFields = z
  .object({
    title: text(300).trim().min(1, 'an opportunity needs a title'),
    arrCents: money,
    stage: z.enum(['identified', 'qualified', 'proposed']),
    expectedClose: isoDate.nullable(),
    source: zOpportunitySource,
    notes: text(10_000),
  })
  .strict();

export const moneyContract = {
  'money.account': { input: z.object({ accountId: id }).strict(), output: accountMoney },
  /** Adds a revenue event by hand; its sign follows its kind (a renewal keeps the sign given). */
  'revenue.add': {
    input: z
      .object({ accountId: id, date: isoDate, kind: z.enum(['new', 'expansion', 'contraction', 'renewal']), amountCents: cents, note: note.optional() })
      .strict(),
    output: moneyChange,
  },
  'revenue.update': {
    input: z
      .object({
        id,
        patch: z
          .object({ date: isoDate, kind: z.enum(['new', 'expansion', 'contraction', 'renewal']), amountCents: cents, note })
          .partial()
          .strict(),
      })
      .strict(),
    output: moneyChange,
  },
  'revenue.delete': { input: z.object({ id }).strict(), output: moneyChange },
  /** A new MRR, recorded as an expansion, a contraction, or a correction (which rewrites history). */
  'revenue.changeMrr': {
    input: z
      .object({ accountId: id, mrrCents: money, as: z.enum(['expansion', 'contraction', 'correction']), date: isoDate, note: note.optional() })
      .strict(),
    output: moneyChange,
  },
  /** Churn: a churn event of −MRR at the date, stage churned, the open renewal and triage case closed. */
  'money.churn': {
    input: z.object({ accountId: id, date: isoDate, reason: zChurnReason, note: note.optional() }).strict(),
    output: moneyChange,
  },
  /** Brings a churned account back: a `new` event of its MRR at the date and the stage chosen. */
  'money.reactivate': {
    input: z
      .object({
        accountId: id,
        mrrCents: money.min(1, 'a returning customer pays something: enter the MRR they come back at'),
        date: isoDate,
        stage: zStage.exclude(['churned']),
        note: note.optional(),
      })
      .strict(),
    output: moneyChange,
  },
  'money.undo': { input: z.object({ changeId: z.number().int().positive() }).strict(), output: moneyChange.omit({ changeId: true }) },
  'renewals.list': { input: z.object({}).strict(), output: z.object({ asOf: isoDate, renewals: z.array(renewalView) }) },
  'renewals.update': { input: z.object({ id, patch: renewalPatch }).strict(), output: moneyChange },
  /** Closes a renewal: renewed at an MRR (the next one opens a term later), or churned with a reason. */
  'renewals.close': {
    input: z.discriminatedUnion('outcome', [
      z.object({ id, outcome: z.literal('renewed'), mrrCents: money, date: isoDate, note: note.optional() }).strict(),
      z.object({ id, outcome: z.literal('churned'), reason: zChurnReason, date: isoDate, note: note.optional() }).strict(),
    ]),
    output: moneyChange,
  },
  'forecast.get': { input: z.object({ months: z.number().int().min(1).max(36).optional() }).strict(), output: forecastView },
  'opportunities.create': {
    input: opportunityFields.partial().required({ title: true }).extend({ accountId: id }).strict(),
    output: moneyChange.extend({ opportunity: opportunityView }),
  },
  'opportunities.update': { input: z.object({ id, patch: opportunityFields.omit({ source: true }).partial().strict() }).strict(), output: moneyChange },
  /** Won: an expansion event of ARR ÷ 12 MRR at the date. */
  'opportunities.win': { input: z.object({ id, date: isoDate, note: note.optional() }).strict(), output: moneyChange },
  'opportunities.lose': { input: z.object({ id, date: isoDate, note: note.optional() }).strict(), output: moneyChange },
  'opportunities.delete': { input: z.object({ id }).strict(), output: moneyChange },
  'signals.dismiss': { input: z.object({ accountId: id, source: signalSource, since: isoDate }).strict(), output: z.object({ dismissed: z.boolean() }) },
  'surveys.add': {
    input: z
      .object({ accountId: id, kind: zSurveyKind, score: z.number(), date: isoDate, contactId: id.nullable().optional(), comment: text(10_000).optional() })
      .strict(),
    output: moneyChange,
  },
  'samples.add': {
    input: z.object({ accountId: id, key: text(100).trim().min(1, 'a metric needs a name'), date: isoDate, value: z.number() }).strict(),
    output: moneyChange,
  },
  /** Quick capture with an NPS given on the call: the touch and the response land together. */
  'capture.touchWithNps': {
    input: z.object({ touch: touchFields, nps: z.object({ score: z.number().int().min(0).max(10), contactId: id.nullable() }).strict() }).strict(),
    output: z.object({ touch, changeId: z.number().int().positive() }),
  },
  /** Today's money: renewals due within 30 days without a forecast, and expansion signals. */
  'money.today': {
    input: z.object({}).strict(),
    output: z.object({ asOf: isoDate, renewals: z.array(renewalView), signals: z.array(expansionSignal) }),
  },
  /** The open expansion pipeline of the active book (the portfolio shows it). */
  'money.pipeline': {
    input: z.object({}).strict(),
    output: z.object({ count: z.number().int(), arrCents: cents, byStage: z.object({ identified: bucket, qualified: bucket, proposed: bucket }) }),
  },
} as const satisfies Record<string, ChannelSpec>;

export type MoneyChange = z.infer<typeof moneyChange>;
export type RevenueEventView = z.infer<typeof revenueEventView>;
export type RenewalView = z.infer<typeof renewalView>;
export type OpportunityView = z.infer<typeof opportunityView>;
export type ExpansionSignalView = z.infer<typeof expansionSignal>;
export type AccountMoney = z.infer<typeof accountMoney>;
export type ForecastView = z.infer<typeof forecastView>;
