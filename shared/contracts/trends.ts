// Channels of the trends domain (SPEC "Trends and the account brief"): the portfolio month by month
// over the last N months, each month measured exactly as `tend metrics --month` at its end (the same
// service, electron/services/metrics.ts forMonths), for the whole book or the accounts the
// portfolio's filters show.
import { z } from 'zod';
import { id, isoDate, zTouchType } from '../domain';
import type { ChannelSpec } from './spec';

export const TRENDS_DEFAULT_MONTHS = 12;
export const TRENDS_MAX_MONTHS = 24;

const count = z.number().int().nonnegative();
const rate = z.number().nullable();
const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');

export const trendMonth = z.object({
  month: isoMonth,
  /** The date the month is measured at: its last day, or today while it runs. */
  asOf: isoDate,
  /** Whether the month is still running (measured to date). */
  toDate: z.boolean(),
  /** 12 × MRR at the month's end, integer cents. */
  arr: z.number(),
  logoChurnRate: rate,
  grossRevenueRetention: rate,
  netRevenueRetention: rate,
  netMrrChurnRate: rate,
  nps: z.number().int().nullable(),
  npsResponses: count,
  csat: z.number().nullable(),
  csatResponses: count,
  ces: z.number().nullable(),
  cesResponses: count,
  /**
   * A survey number that stands on fewer responses than Settings → kpis.minSurveyResponses (and at
   * least one): shown, but marked as a small sample — an NPS of one response is not −100 without saying so.
   */
  smallSample: z.object({ nps: z.boolean(), csat: z.boolean(), ces: z.boolean() }),
  incubationPipelineArr: z.number(),
  triageArr: z.number(),
  /** Accounts with MRR > 0 at the month's end: the base of the band mix and the two shares. */
  activeAccounts: count,
  bands: z.object({ healthy: count, watch: count, at_risk: count, no_data: count }),
  withinCadence: rate,
  execCoverage: rate,
  touches: z.record(zTouchType, count),
});

export const trendsView = z.object({
  asOf: isoDate,
  /** The fewest responses a survey number needs not to be a small sample (Settings → kpis). */
  minSurveyResponses: count,
  /** Accounts measured: the whole book (not archived) or the filtered ones. */
  accounts: count,
  months: z.array(trendMonth),
});

export const trendsInput = z
  .object({
    months: z.number().int().min(1).max(TRENDS_MAX_MONTHS, `at most ${TRENDS_MAX_MONTHS} months`).optional(),
    /** The last month shown (default: this month). */
    through: isoMonth.optional(),
    /** Only these accounts (the portfolio's filtered rows); null or absent: the whole book. */
    accountIds: z.array(id).max(1_000_000).nullable().optional(),
  })
  .strict();

export const trendsContract = {
  'trends.get': { input: trendsInput, output: trendsView },
} as const satisfies Record<string, ChannelSpec>;

export type TrendMonth = z.infer<typeof trendMonth>;
export type TrendsView = z.infer<typeof trendsView>;
export type TrendsInput = z.input<typeof trendsInput>;
