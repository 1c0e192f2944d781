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
export const REMINDER_SOURCES = ['manual', 'follow_up', 'cadence', 'rule', 'renewal'] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'emergency'] as const;
export const BANDS = ['healthy', 'watch', 'at_risk'] as const;
export const IMPORT_KINDS = ['accounts', 'contacts', 'touches', 'metrics', 'revenue', 'surveys'] as const;
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
