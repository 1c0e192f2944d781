// Channels of the triage-case domain (see shared/contract.ts; SPEC "Triage cases", seed 000): an
// account that enters triage gets a case — the flags that put it there, a root cause (one of the
// churn reasons), a plan and a target date — and the case ends recovered, churned or closed. The
// app suggests opening one and suggests closing it as recovered; it never opens one by itself.
import { z } from 'zod';
import { id, isoDate, zChurnReason, zStage, zTriageOutcome } from '../domain';
import { text } from './core';
import type { ChannelSpec } from './spec';

/** What put the account in triage when the case opened: a flag, the band, or the stage. */
export const triageTrigger = z.object({
  /** A flag rule, or `band` (an at-risk score), `stage` (stage triage) or `manual`. */
  rule: z.string().max(100),
  severity: z.string().max(40).optional(),
  reason: z.string().max(1000),
});

export const recoveryReadingSchema = z.object({
  /** The first day of the current stretch out of triage (by its flags and band); null while in triage. */
  outSince: isoDate.nullable(),
  daysOut: z.number().int().nonnegative(),
  /** Out of triage for Settings → triageCases.recoveredAfterDays (14) days: suggest closing as recovered. */
  suggest: z.boolean(),
});

export const triageCaseView = z.object({
  id,
  accountId: id,
  accountName: z.string(),
  /** ARR of the account now (12 × MRR), integer cents. */
  arrCents: z.number().int(),
  openedOn: isoDate,
  triggers: z.array(triageTrigger),
  rootCause: zChurnReason.nullable(),
  plan: z.string(),
  targetDate: isoDate.nullable(),
  closedOn: isoDate.nullable(),
  outcome: zTriageOutcome.nullable(),
  /** Open cases: days past the target date at as-of (0 when not past, or no target). */
  overdueDays: z.number().int().nonnegative(),
  /** Open cases: how long the account has been out of triage; null for closed cases. */
  recovery: recoveryReadingSchema.nullable(),
});

/** An account in triage without an open case: the app suggests opening one. */
export const triageSuggestion = z.object({
  accountId: id,
  accountName: z.string(),
  arrCents: z.number().int(),
  triggers: z.array(triageTrigger),
});

export const triageCaseStatsSchema = z.object({
  opened: z.number().int(),
  open: z.number().int(),
  recovered: z.number().int(),
  churned: z.number().int(),
  closed: z.number().int(),
  saveRate: z.number().nullable(),
  medianDaysToRecover: z.number().nullable(),
});

export const triageForAccount = z.object({
  asOf: isoDate,
  /** In triage now (flags, band or stage), from the account's latest score. */
  inTriage: z.boolean(),
  open: triageCaseView.nullable(),
  /** Set when the account is in triage and has no open case: what a new case would record. */
  suggestOpen: z.object({ triggers: z.array(triageTrigger), targetDate: isoDate }).nullable(),
  /** Closed cases, newest first. */
  closed: z.array(triageCaseView),
  /** Days out of triage after which closing as recovered is suggested (Settings → triageCases). */
  recoveredAfterDays: z.number().int().positive(),
});

const plan = text(5000);

export const triageContract = {
  /** Every case (open first), the accounts in triage that have none, and this month's numbers. */
  'triage.list': {
    input: z.object({ status: z.enum(['open', 'closed', 'all']).optional() }).strict(),
    output: z.object({
      asOf: isoDate,
      cases: z.array(triageCaseView),
      suggestions: z.array(triageSuggestion),
      month: z.object({ from: isoDate, to: isoDate, stats: triageCaseStatsSchema }),
    }),
  },
  'triage.forAccount': { input: z.object({ accountId: id }).strict(), output: triageForAccount },
  /** Opens a case; the triggers default to what puts the account in triage now. */
  'triage.open': {
    input: z
      .object({
        accountId: id,
        rootCause: zChurnReason.nullable().optional(),
        plan: plan.optional(),
        targetDate: isoDate.nullable().optional(),
        triggers: z.array(triageTrigger).max(30).optional(),
      })
      .strict(),
    output: triageCaseView,
  },
  'triage.update': {
    input: z
      .object({
        id,
        patch: z.object({ rootCause: zChurnReason.nullable(), plan, targetDate: isoDate.nullable() }).partial().strict(),
      })
      .strict(),
    output: triageCaseView,
  },
  /**
   * Closes a case as recovered (or closed without a verdict), on `closedOn` (default today), and
   * optionally moves the account out of stage triage. A case closes as churned only when its
   * account churns.
   */
  'triage.close': {
    input: z
      .object({
        id,
        outcome: z.enum(['recovered', 'closed']),
        closedOn: isoDate.optional(),
        stage: zStage.exclude(['churned', 'triage']).optional(),
      })
      .strict(),
    output: triageCaseView,
  },
  /** Undo of close: the case is open again (when the account has no other open case). */
  'triage.reopen': { input: z.object({ id }).strict(), output: triageCaseView },
  /** Undo of open: removes the case. */
  'triage.delete': { input: z.object({ id }).strict(), output: triageCaseView },
} as const satisfies Record<string, ChannelSpec>;

export type TriageTrigger = z.infer<typeof triageTrigger>;
export type TriageCaseView = z.infer<typeof triageCaseView>;
export type TriageSuggestion = z.infer<typeof triageSuggestion>;
export type TriageForAccount = z.infer<typeof triageForAccount>;
export type TriageCaseStatsView = z.infer<typeof triageCaseStatsSchema>;
