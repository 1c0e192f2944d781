// Channels of the portfolio domain (see shared/contract.ts): what the portfolio screen needs beyond
// `accounts.list` — compact health trends for every account, the month's portfolio metrics, saved
// views — and what the settings editor needs: a preview of a candidate setting over the whole book,
// save-and-rescore, and where the database and its backups live.
import { z } from 'zod';
import { id, isoDate, zAnyBand, zFlagRule, zSegment, zStage, zTouchType } from '../domain';
import { KPI_ACCOUNT_TILES } from '../scoring/kpi-accounts';
import { settingsSchema } from '../settings';
import type { ChannelSpec } from './spec';

const count = z.number().int().nonnegative();
const rate = z.number().nullable();
const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');

// ---- Saved views -------------------------------------------------------------------------------

export const PORTFOLIO_SORT_KEYS = ['name', 'segment', 'stage', 'mrr', 'renewal', 'score', 'flags'] as const;
export type PortfolioSortKey = (typeof PORTFOLIO_SORT_KEYS)[number];

/** Which flags to show: any open flag, none, or accounts with one of the chosen rules. */
export const zFlagFilter = z.union([z.enum(['any', 'none']), zFlagRule]);

/**
 * A multi-select filter: the values to keep, empty = all. Views saved before filters took several
 * values stored one value or null; those still load.
 */
const anyOf = <T extends z.ZodType<string>>(value: T) =>
  z.preprocess((v) => (v === null || v === undefined ? [] : typeof v === 'string' ? [v] : v), z.array(value).max(50));

export const portfolioFilters = z
  .object({
    search: z.string().max(200),
    segment: anyOf(zSegment),
    stage: anyOf(zStage),
    band: anyOf(zAnyBand),
    flag: anyOf(zFlagFilter),
    /** Renewal within this many days from today (0 ≤ renewal − today ≤ n); null = any. */
    renewalWithin: z.number().int().min(0).max(3650).nullable(),
    /** Only the accounts in triage (issue 17.6). Views saved before it read false. */
    inTriage: z.boolean().default(false),
    /**
     * Churned accounts are left out of the list, its health sorts and band filters unless this is on
     * (or the stage filter asks for churned). Views saved before it read false.
     */
    showChurned: z.boolean().default(false),
  })
  .strict();

export const portfolioSort = z
  .object({ key: z.enum(PORTFOLIO_SORT_KEYS), dir: z.enum(['asc', 'desc']) })
  .strict();

export const savedView = z
  .object({
    name: z.string().trim().min(1, 'a view needs a name').max(80, 'keep the name under 80 characters'),
    filters: portfolioFilters,
    sort: portfolioSort,
  })
  .strict();

// ---- Trends, metrics ---------------------------------------------------------------------------

export const healthTrend = z.object({
  accountId: id,
  /** One score per week, oldest first (weeks without a snapshot are skipped). */
  scores: z.array(z.number().int()),
});

const renewalBucket = z.object({ count, arr: z.number().int() });

/** A survey metric over a window with enough responses (shared/scoring/types.ts SurveyWindow). */
export const surveyWindow = z.object({
  value: z.number().nullable(),
  responses: count,
  from: isoDate,
  to: isoDate,
  /** Trailing days, or null for the month itself. */
  days: z.number().int().positive().nullable(),
  enough: z.boolean(),
});

export const portfolioMetricsSchema = z.object({
  month: isoMonth,
  /** The days the month's rates cover (to as-of while the month is running). */
  period: z.object({ from: isoDate, to: isoDate, toDate: z.boolean() }),
  logoChurnRate: rate,
  netMrrChurnRate: rate,
  grossRevenueRetention: rate,
  netRevenueRetention: rate,
  nps: z.number().int().nullable(),
  csat: z.number().nullable(),
  ces: z.number().nullable(),
  npsResponses: count,
  csatResponses: count,
  cesResponses: count,
  surveyWindows: z.object({ nps: surveyWindow, csat: surveyWindow, ces: surveyWindow }),
  incubationPipelineArr: z.number().int(),
  triageArr: z.number().int(),
  arrAtRisk: z.number().int(),
  mrrStart: z.number(),
  mrrEnd: z.number(),
  /** 12 × MRR at the end of the month (or at as-of while it runs). */
  arr: z.number(),
  /** Accounts with MRR > 0 at the end of the month: the base of the band mix and the shares. */
  activeAccounts: count,
  bands: z.object({ healthy: count, watch: count, at_risk: count, no_data: count }),
  /** Share (0…1) of the active accounts in touch within their cadence; null without any. */
  withinCadence: rate,
  /** Share (0…1) of the active accounts with requiredExecs strong executives; null without any. */
  execCoverage: rate,
  /** Touches logged in the month (to date), by type: the CSM's own activity. */
  touches: z.record(zTouchType, count),
  renewals: z.object({ d30: renewalBucket, d60: renewalBucket, d90: renewalBucket }),
});

// ---- Settings preview, storage -----------------------------------------------------------------

export const bandCounts = z.object({ healthy: count, watch: count, at_risk: count, no_data: count });

export const bandChange = z.object({
  id,
  name: z.string(),
  fromScore: z.number().int().nullable(),
  toScore: z.number().int().nullable(),
  fromBand: zAnyBand,
  toBand: zAnyBand,
});

export const settingsPreview = z.object({
  asOf: isoDate,
  /** Accounts scored (not archived). */
  total: count,
  before: bandCounts,
  after: bandCounts,
  meanBefore: z.number().nullable(),
  meanAfter: z.number().nullable(),
  /** How many accounts change band; `changes` lists the first PREVIEW_CHANGES_MAX of them. */
  changedCount: count,
  changes: z.array(bandChange),
});

export const PREVIEW_CHANGES_MAX = 100;

export const backupEntry = z.object({
  file: z.string(),
  name: z.string(),
  label: z.string(),
  date: isoDate,
  bytes: count,
});

export const storageInfo = z.object({
  dbFile: z.string(),
  backupFolder: z.string(),
  backups: z.array(backupEntry),
});

// ---- Channels ----------------------------------------------------------------------------------

export const portfolioContract = {
  /** Weekly health scores of every account, fetched once for the sparklines. */
  'portfolio.trends': {
    input: z.object({ weeks: z.number().int().min(2).max(104).optional() }).strict(),
    output: z.object({ asOf: isoDate, weeks: z.number().int(), trends: z.array(healthTrend) }),
  },
  /** The portfolio metrics for a month (default: the month of today). */
  'metrics.month': {
    input: z.object({ month: isoMonth.optional() }).strict(),
    output: portfolioMetricsSchema,
  },
  /** The accounts behind a KPI tile that no portfolio filter expresses (the month's movers, churned, NPS answers). */
  'metrics.accounts': {
    input: z.object({ tile: z.enum(KPI_ACCOUNT_TILES), month: isoMonth.optional() }).strict(),
    output: z.object({ tile: z.enum(KPI_ACCOUNT_TILES), month: isoMonth, ids: z.array(id), from: isoDate, to: isoDate }),
  },
  'views.list': { input: z.object({}).strict(), output: z.array(savedView) },
  /** Saves a view (replacing one of the same name, ignoring case); returns all views. */
  'views.save': { input: z.object({ view: savedView }).strict(), output: z.array(savedView) },
  'views.delete': { input: z.object({ name: z.string().max(80) }).strict(), output: z.array(savedView) },
  /** Scores the book with candidate settings without saving: band counts before/after, who moves. */
  'settings.preview': { input: z.object({ settings: settingsSchema }).strict(), output: settingsPreview },
  /** settings.update, then a full rescore so the list, flags and trends reflect the new rules. */
  'settings.save': {
    input: z.object({ settings: settingsSchema }).strict(),
    output: z.object({ settings: settingsSchema, rescored: count }),
  },
  /** Where the database lives and which backups exist (the renderer cannot read the disk). */
  'settings.storage': { input: z.object({}).strict(), output: storageInfo },
} as const satisfies Record<string, ChannelSpec>;

export type PortfolioFilters = z.infer<typeof portfolioFilters>;
export type PortfolioSort = z.infer<typeof portfolioSort>;
export type SavedView = z.infer<typeof savedView>;
export type HealthTrend = z.infer<typeof healthTrend>;
export type PortfolioMetricsOutput = z.infer<typeof portfolioMetricsSchema>;
export type SettingsPreview = z.infer<typeof settingsPreview>;
export type BandCounts = z.infer<typeof bandCounts>;
export type StorageInfo = z.infer<typeof storageInfo>;
