// Settings: every weight, threshold, cadence and band of the health score and the flags (SPEC
// "Health score (defaults; every number is a setting)" and "Flags … defaults"). Plain JSON data:
// the settings service stores it, the renderer edits it, the scoring reads it. Nothing in
// shared/scoring hard-codes one of these numbers.
import { z } from 'zod';
import { COMPONENTS, SEGMENTS, zSeverity } from './domain';

const days = z.number().int().nonnegative();
const positiveDays = z.number().int().positive();
const nonNegative = z.number().nonnegative();

const weightsSchema = z.object(
  Object.fromEntries(COMPONENTS.map((c) => [c, nonNegative])) as Record<(typeof COMPONENTS)[number], typeof nonNegative>,
);
const perSegment = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(SEGMENTS.map((s) => [s, value])) as Record<(typeof SEGMENTS)[number], T>);

const flagsSchema = z.object({
  renewal_exec_silence: z.object({
    severity: zSeverity,
    /** Renewal counts as upcoming when 0 ≤ renewal − as-of ≤ this. */
    renewalWindowDays: days,
    /** An executive touch this many days ago or fewer counts as recent. */
    execSilenceDays: days,
  }),
  single_threaded: z.object({ severity: zSeverity, enterpriseSeverity: zSeverity }),
  champion_gap: z.object({ severity: zSeverity, minAdoption: z.number().min(0).max(100) }),
  adoption_drop_user_silence: z.object({
    severity: zSeverity,
    /** Fires when latest adoption ≤ dropRatio × the earlier sample (0.8 = fell by 20 % or more). */
    dropRatio: z.number().min(0).max(1),
    /** The earlier sample is the latest one dated in [d − windowMaxDays, d − windowMinDays]. */
    windowMinDays: positiveDays,
    windowMaxDays: days,
    /** A front-line-user touch this many days ago or fewer means users are not silent. */
    userSilenceDays: days,
  }),
  detractor: z.object({
    severity: zSeverity,
    /** NPS scores at or below this are detractors. */
    maxScore: z.number().min(0).max(10),
    /** Only an NPS response at most this many days old counts. */
    withinDays: days,
  }),
  overdue_invoice: z.object({ severity: zSeverity }),
  cadence_overdue: z.object({ severity: zSeverity }),
  sponsor_lost: z.object({ severity: zSeverity, withinDays: days }),
  stalled_onboarding: z.object({ severity: zSeverity, afterDays: days }),
});

const probability = z.number().min(0).max(1);

/**
 * The renewal forecast (SPEC "Renewals, expansion and churn"): the probability each forecast
 * category, and each health band, gives a renewal's expected ARR; no category counts as `likely`.
 */
const forecastSchema = z.object({
  commit: probability,
  likely: probability,
  at_risk: probability,
  lost: probability,
  bands: z.object({ healthy: probability, watch: probability, at_risk: probability, no_data: probability }),
  /** Disagreements between the forecast and health are looked for among renewals due within this many days. */
  disagreementDays: days,
});

/** When the app suggests an expansion opportunity (seed 002 law 9): sustained high adoption, a recent promoter. */
const expansionSignalsSchema = z.object({
  /** Adoption at or above this (%)… */
  minAdoption: z.number().min(0).max(100),
  /** …for at least this many days. */
  adoptionDays: days,
  /** An NPS promoter (9–10) at most this many days ago. */
  promoterDays: days,
});

export const settingsSchema = z
  .object({
    csmName: z.string(),
    /** Health component weights; only their ratios matter. */
    weights: weightsSchema,
    /** Lower edges of the bands, applied to the rounded score: ≥ healthy, ≥ watch, else at_risk. */
    bands: z.object({ healthy: z.number(), watch: z.number() }),
    /** Expected touch cadence per segment (seed 002, law 5). */
    cadenceDays: perSegment(positiveDays),
    /** Strong executive relationships an account needs (seed 001). */
    requiredExecs: perSegment(z.number().int().nonnegative()),
    relationships: z.object({
      /** A relationship is strong at this strength or above (0–4; 3 = strong). */
      strongStrength: z.number().int().min(0).max(4),
      /** Strong front-line users for full marks. */
      strongUsersTarget: z.number().int().nonnegative(),
      /** Points for executives and for users; the component is their weighted mean × 100. */
      execPoints: nonNegative,
      userPoints: nonNegative,
    }),
    engagement: z.object({
      /** Engagement reaches 0 at this many cadences since the last touch. */
      zeroAtCadences: z.number().min(1),
    }),
    sentiment: z.object({
      /** Mean pulse of this many most recent touches that have one. */
      lastTouches: z.number().int().positive(),
    }),
    support: z.object({
      /** Points off 100 per open ticket. */
      pointsPerTicket: nonNegative,
    }),
    flags: flagsSchema,
    /** The portfolio's KPI tiles: survey tiles use a window with enough responses, and say so. */
    kpis: z.object({
      /** A survey tile wants at least this many responses; fewer are shown as a small sample. */
      minSurveyResponses: z.number().int().positive(),
      /** Trailing windows (days, ending with the month) tried in turn when the month has too few. */
      surveyWindowDays: z.array(positiveDays).min(1).max(6),
    }),
    /** Triage cases (SPEC "Triage cases", seed 000). */
    triageCases: z.object({
      /** Suggest closing a case as recovered once the account has been out of triage this many days. */
      recoveredAfterDays: positiveDays,
      /** A new case's target date defaults to this many days after it opens. */
      targetDays: positiveDays,
    }),
    forecast: forecastSchema,
    expansionSignals: expansionSignalsSchema,
    /** How imports read what a file says (issue 14): employee counts → segment (SPEC "Import fields"). */
    import: z.object({
      segmentByEmployees: z.object({
        /** The first employee count that is mid-market (below: smb). */
        midMarketFrom: z.number().int().positive(),
        /** The first employee count that is enterprise. */
        enterpriseFrom: z.number().int().positive(),
      }),
    }),
  })
  .superRefine((s, ctx) => {
    if (s.bands.watch > s.bands.healthy) {
      ctx.addIssue({ code: 'custom', path: ['bands', 'watch'], message: 'watch edge must not exceed healthy edge' });
    }
    const edges = s.import.segmentByEmployees;
    if (edges.midMarketFrom >= edges.enterpriseFrom) {
      ctx.addIssue({ code: 'custom', path: ['import', 'segmentByEmployees', 'enterpriseFrom'], message: 'enterprise must start above mid-market' });
    }
    const drop = s.flags.adoption_drop_user_silence;
    if (drop.windowMinDays > drop.windowMaxDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['flags', 'adoption_drop_user_silence', 'windowMinDays'],
        message: 'window start must not exceed window end',
      });
    }
  });

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  csmName: '',
  weights: { adoption: 25, relationships: 20, engagement: 15, sentiment: 10, survey: 15, support: 5, financial: 10 },
  bands: { healthy: 75, watch: 50 },
  cadenceDays: { enterprise: 14, mid_market: 30, smb: 45 },
  requiredExecs: { enterprise: 2, mid_market: 1, smb: 1 },
  relationships: { strongStrength: 3, strongUsersTarget: 2, execPoints: 60, userPoints: 40 },
  engagement: { zeroAtCadences: 3 },
  sentiment: { lastTouches: 3 },
  support: { pointsPerTicket: 20 },
  flags: {
    renewal_exec_silence: { severity: 'high', renewalWindowDays: 90, execSilenceDays: 15 },
    single_threaded: { severity: 'medium', enterpriseSeverity: 'high' },
    champion_gap: { severity: 'low', minAdoption: 70 },
    adoption_drop_user_silence: {
      severity: 'emergency',
      dropRatio: 0.8,
      windowMinDays: 25,
      windowMaxDays: 35,
      userSilenceDays: 30,
    },
    detractor: { severity: 'medium', maxScore: 6, withinDays: 90 },
    overdue_invoice: { severity: 'medium' },
    cadence_overdue: { severity: 'low' },
    sponsor_lost: { severity: 'high', withinDays: 90 },
    stalled_onboarding: { severity: 'high', afterDays: 90 },
  },
  kpis: { minSurveyResponses: 10, surveyWindowDays: [90, 180, 365] },
  triageCases: { recoveredAfterDays: 14, targetDays: 30 },
  forecast: {
    commit: 0.95,
    likely: 0.75,
    at_risk: 0.4,
    lost: 0,
    bands: { healthy: 0.95, watch: 0.8, at_risk: 0.5, no_data: 0.8 },
    disagreementDays: 180,
  },
  expansionSignals: { minAdoption: 90, adoptionDays: 60, promoterDays: 90 },
  import: { segmentByEmployees: { midMarketFrom: 100, enterpriseFrom: 1000 } },
};

export type DeepPartial<T> = T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// Keys that must never be copied from untrusted JSON (prototype pollution).
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function deepMerge(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(patch)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    out[key] = deepMerge(base[key], patch[key]);
  }
  return out;
}

/**
 * Defaults with `partial` merged over them (objects merged key by key, anything else replaced),
 * validated. Unknown keys are dropped, so settings saved by an older version still load; an
 * invalid value throws a ZodError naming its path.
 */
export function mergeSettings(partial?: DeepPartial<Settings> | null): Settings {
  return settingsSchema.parse(deepMerge(DEFAULT_SETTINGS, partial ?? undefined));
}

// ---- Capture from calendar, e-mail and contact files (SPEC "Capture …", added 2026-12) ----
// Stored under its own key ('capture'), apart from the scoring settings: changing it rescores
// nothing and leaves no marker on the health trend.
const domainName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/, 'expected a domain such as yourcompany.com')
  .max(253);

export const captureSettingsSchema = z.object({
  /** The CSM's own e-mail domains: a meeting or message with nobody from outside them is internal and not logged. */
  myDomains: z.array(domainName).max(50),
  /** Keep the first 500 characters of a message's plain-text body (a meeting's description) on the touch. */
  keepBody: z.boolean(),
  /** The IANA time zone touches are dated in ('' = this computer's). */
  timeZone: z.string().max(100),
});

export type CaptureSettings = z.infer<typeof captureSettingsSchema>;

export const DEFAULT_CAPTURE_SETTINGS: CaptureSettings = { myDomains: [], keepBody: false, timeZone: '' };
