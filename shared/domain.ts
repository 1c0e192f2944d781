// The data model's vocabulary (SPEC "Data model"): every enum once, as a const tuple that zod,
// drizzle and the renderer all read. Money is integer cents; dates are ISO strings (YYYY-MM-DD for
// calendar dates, full ISO for timestamps).
import { z } from 'zod';

export const SEGMENTS = ['enterprise', 'mid_market', 'smb'] as const;
export const STAGES = ['incubation', 'onboarding', 'adoption', 'expansion', 'triage', 'churned'] as const;
export const CONTACT_LEVELS = ['ic', 'manager', 'director', 'vp', 'c_level'] as const;
export const CONTACT_ROLES = ['champion', 'sponsor', 'decision_maker', 'influencer', 'detractor'] as const;
export const TOUCH_TYPES = ['email', 'call', 'meeting', 'qbr', 'support', 'event', 'note'] as const;
export const REVENUE_KINDS = ['new', 'expansion', 'contraction', 'churn', 'renewal'] as const;
export const SURVEY_KINDS = ['nps', 'csat', 'ces'] as const;
export const GOAL_STATUSES = ['not_started', 'on_track', 'at_risk', 'achieved', 'missed'] as const;
export const REMINDER_SOURCES = ['manual', 'follow_up', 'cadence', 'rule', 'renewal', 'triage'] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'emergency'] as const;
export const BANDS = ['healthy', 'watch', 'at_risk'] as const;
/** SPEC (revised 2026-12): an account with no contacts, touches, samples or surveys is not scored. */
export const NO_DATA_BAND = 'no_data' as const;
/** Every band an account can show: the scored bands plus "Not enough data". */
export const ALL_BANDS = [...BANDS, NO_DATA_BAND] as const;
export const IMPORT_KINDS = ['accounts', 'contacts', 'touches', 'metrics', 'revenue', 'surveys'] as const;
/** What an import batch can hold: a CSV kind, or touches/contacts captured from calendar and mail files. */
export const BATCH_KINDS = [...IMPORT_KINDS, 'capture'] as const;
// ---- added 2026-12 (SPEC "Renewals, expansion and churn", "Triage cases", "Capture") ----
/** seed 002 law 2, plus the usual three. */
export const CHURN_REASONS = [
  'value_not_realised',
  'stalled_implementation',
  'sponsor_lost',
  'low_adoption',
  'acquired',
  'missing_features',
  'price',
  'budget',
  'other',
] as const;
export const FORECAST_CATEGORIES = ['commit', 'likely', 'at_risk', 'lost'] as const;
export const RENEWAL_OUTCOMES = ['renewed', 'churned'] as const;
export const OPPORTUNITY_STAGES = ['identified', 'qualified', 'proposed', 'won', 'lost'] as const;
/** Where an opportunity came from: the CSM, or a signal the app suggested it from. */
export const OPPORTUNITY_SOURCES = ['manual', 'seat_overage', 'high_adoption', 'promoter'] as const;
export const TRIAGE_OUTCOMES = ['recovered', 'churned', 'closed'] as const;
export const TOUCH_SOURCES = ['manual', 'import', 'calendar', 'email'] as const;
export const TOUCH_DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
/** Why a revenue event exists (the timeline says it; undo knows what to put back). */
export const REVENUE_SOURCES = ['manual', 'import', 'mrr_edit', 'churn', 'reactivation', 'renewal', 'opportunity'] as const;
export const COMPONENTS = [
  'adoption',
  'relationships',
  'engagement',
  'sentiment',
  'survey',
  'support',
  'financial',
] as const;
export const FLAG_RULES = [
  'renewal_exec_silence',
  'single_threaded',
  'champion_gap',
  'adoption_drop_user_silence',
  'detractor',
  'overdue_invoice',
  'cadence_overdue',
  'sponsor_lost',
  'stalled_onboarding',
] as const;
/** Metric keys the scoring reads; users may add any other key. */
export const METRIC_KEYS = ['active_users', 'adoption', 'open_tickets', 'overdue_invoices', 'community_posts'] as const;
/** Relationship strength 0–4 (SPEC: none, weak, medium, strong, very strong). */
export const STRENGTH_LABELS = ['none', 'weak', 'medium', 'strong', 'very strong'] as const;
/** An executive is a contact at level director or above. */
export const EXECUTIVE_LEVELS: readonly ContactLevel[] = ['director', 'vp', 'c_level'];

export type Segment = (typeof SEGMENTS)[number];
export type Stage = (typeof STAGES)[number];
export type ContactLevel = (typeof CONTACT_LEVELS)[number];
export type ContactRole = (typeof CONTACT_ROLES)[number];
export type TouchType = (typeof TOUCH_TYPES)[number];
export type RevenueKind = (typeof REVENUE_KINDS)[number];
export type SurveyKind = (typeof SURVEY_KINDS)[number];
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export type ReminderSource = (typeof REMINDER_SOURCES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type Band = (typeof BANDS)[number];
export type AnyBand = (typeof ALL_BANDS)[number];
export type BatchKind = (typeof BATCH_KINDS)[number];
export type ChurnReason = (typeof CHURN_REASONS)[number];
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];
export type RenewalOutcome = (typeof RENEWAL_OUTCOMES)[number];
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];
export type OpportunitySource = (typeof OPPORTUNITY_SOURCES)[number];
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];
export type TouchSource = (typeof TOUCH_SOURCES)[number];
export type TouchDirection = (typeof TOUCH_DIRECTIONS)[number];
export type RevenueSource = (typeof REVENUE_SOURCES)[number];
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ComponentName = (typeof COMPONENTS)[number];
export type FlagRule = (typeof FLAG_RULES)[number];

export const isExecutive = (level: ContactLevel): boolean => EXECUTIVE_LEVELS.includes(level);

// zod building blocks shared by the IPC contract and the importer.
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
export const id = z.number().int().positive();
export const cents = z.number().int();

export const zSegment = z.enum(SEGMENTS);
export const zStage = z.enum(STAGES);
export const zContactLevel = z.enum(CONTACT_LEVELS);
export const zContactRole = z.enum(CONTACT_ROLES);
export const zTouchType = z.enum(TOUCH_TYPES);
export const zRevenueKind = z.enum(REVENUE_KINDS);
export const zSurveyKind = z.enum(SURVEY_KINDS);
export const zGoalStatus = z.enum(GOAL_STATUSES);
export const zReminderSource = z.enum(REMINDER_SOURCES);
export const zSeverity = z.enum(SEVERITIES);
export const zBand = z.enum(BANDS);
export const zImportKind = z.enum(IMPORT_KINDS);
export const zFlagRule = z.enum(FLAG_RULES);
export const zAnyBand = z.enum(ALL_BANDS);
export const zBatchKind = z.enum(BATCH_KINDS);
export const zChurnReason = z.enum(CHURN_REASONS);
export const zForecastCategory = z.enum(FORECAST_CATEGORIES);
export const zRenewalOutcome = z.enum(RENEWAL_OUTCOMES);
export const zOpportunityStage = z.enum(OPPORTUNITY_STAGES);
export const zOpportunitySource = z.enum(OPPORTUNITY_SOURCES);
export const zTriageOutcome = z.enum(TRIAGE_OUTCOMES);
export const zTouchSource = z.enum(TOUCH_SOURCES);
export const zTouchDirection = z.enum(TOUCH_DIRECTIONS);
export const zRevenueSource = z.enum(REVENUE_SOURCES);
