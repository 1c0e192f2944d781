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
