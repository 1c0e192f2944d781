// The one source of Tend's tables (drizzle-kit generates drizzle/ from this file; never edit an
// applied migration — change this file and run `npm run db:generate`).
// Conventions: money is integer cents, calendar dates are 'YYYY-MM-DD' text, timestamps are ISO
// text, custom_fields keeps every CSV column the user did not map (SPEC: an import never drops
// data), and import_batch_id points each imported row at its batch so a whole import can be undone.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  CONTACT_LEVELS,
  CONTACT_ROLES,
  GOAL_STATUSES,
  IMPORT_KINDS,
  REMINDER_SOURCES,
  REVENUE_KINDS,
  SEGMENTS,
  SEVERITIES,
  STAGES,
  SURVEY_KINDS,
  TOUCH_TYPES,
  ALL_BANDS,
  BATCH_KINDS,
  CHURN_REASONS,
  FLAG_RULES,
  FORECAST_CATEGORIES,
  OPPORTUNITY_SOURCES,
  OPPORTUNITY_STAGES,
  RENEWAL_OUTCOMES,
  REVENUE_SOURCES,
  TOUCH_DIRECTIONS,
  TOUCH_SOURCES,
  TRIAGE_OUTCOMES,
} from '../../shared/domain';
import { SNAPSHOT_ENGAGEMENT_SQL } from './snapshot-sql';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
const timestamps = {
  createdAt: text('created_at').notNull().default(now),
  updatedAt: text('updated_at').notNull().default(now),
};
const customFields = () => text('custom_fields', { mode: 'json' }).$type<Record<string, string>>().notNull().default({});
const importBatchId = () => integer('import_batch_id').references(() => importBatches.id, { onDelete: 'set null' });
/**
 * Fields the CSM last edited in the app, with when: { notes: '2026-12-02T09:00:00Z' }. An import that
 * would change such a field asks first (fill only what is empty, or overwrite with the file).
 */
const editedInApp = () => text('edited_in_app', { mode: 'json' }).$type<Record<string, string>>().notNull().default({});

export const importBatches = sqliteTable('import_batches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fileName: text('file_name').notNull(),
  kind: text('kind', { enum: BATCH_KINDS }).notNull(),
  mapping: text('mapping', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
  inserted: integer('inserted').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  skipped: integer('skipped').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  startedAt: text('started_at').notNull().default(now),
  finishedAt: text('finished_at'),
  undoneAt: text('undone_at'),
});

/** What an import changed, so undo can put updated rows back as they were (before = null: inserted). */
export const importChanges = sqliteTable(
  'import_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    tableName: text('table_name').notNull(),
    rowId: integer('row_id').notNull(),
    before: text('before', { mode: 'json' }).$type<Record<string, unknown> | null>(),
  },
  (t) => [index('import_changes_batch').on(t.batchId)],
);

export const accounts = sqliteTable(
  'accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    externalId: text('external_id'),
    name: text('name').notNull(),
    segment: text('segment', { enum: SEGMENTS }).notNull().default('smb'),
    stage: text('stage', { enum: STAGES }).notNull().default('onboarding'),
    mrrCents: integer('mrr_cents').notNull().default(0),
    currency: text('currency').notNull().default('USD'),
    contractStart: text('contract_start'),
    renewalDate: text('renewal_date'),
    seats: integer('seats'),
    industry: text('industry'),
    website: text('website'),
    notes: text('notes').notNull().default(''),
    customFields: customFields(),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    /** E-mail domains that identify the customer (capture matches senders and attendees by them). */
    domains: text('domains', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** Set when the account churned (stage churned); the churn revenue event carries the money. */
    churnedOn: text('churned_on'),
    churnReason: text('churn_reason', { enum: CHURN_REASONS }),
    editedInApp: editedInApp(),
    importBatchId: importBatchId(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('accounts_external_id').on(t.externalId),
    index('accounts_name').on(t.name),
    index('accounts_renewal').on(t.renewalDate),
    index('accounts_batch').on(t.importBatchId),
  ],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** The CRM's id (Salesforce Contact.Id): imports match on it first, then on e-mail. */
    externalId: text('external_id'),
    name: text('name').notNull(),
    email: text('email'),
    title: text('title'),
    level: text('level', { enum: CONTACT_LEVELS }).notNull().default('ic'),
    isUser: integer('is_user', { mode: 'boolean' }).notNull().default(false),
    role: text('role', { enum: CONTACT_ROLES }),
    strength: integer('strength').notNull().default(0),
    leftOn: text('left_on'),
    notes: text('notes').notNull().default(''),
    customFields: customFields(),
    editedInApp: editedInApp(),
    importBatchId: importBatchId(),
    ...timestamps,
  },
  (t) => [
    index('contacts_account').on(t.accountId),
    // Unique among the contacts that have one: SQLite never counts NULLs as duplicates.
    uniqueIndex('contacts_external_id').on(t.externalId),
    index('contacts_email').on(sql`lower(${t.email})`),
    index('contacts_batch').on(t.importBatchId),
  ],
);

export const touches = sqliteTable(
  'touches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    type: text('type', { enum: TOUCH_TYPES }).notNull(),
    /** ISO date or date-time; scoring uses its first 10 characters (the calendar date). */
    occurredAt: text('occurred_at').notNull(),
    summary: text('summary').notNull().default(''),
    notes: text('notes').notNull().default(''),
    /** CSM pulse −2…+2. */
    sentiment: integer('sentiment'),
    nextStep: text('next_step'),
    /** The CSM marked the next step as one to share with the customer (it may appear in the customer copy). */
    nextStepShared: integer('next_step_shared', { mode: 'boolean' }).notNull().default(false),
    followUpDue: text('follow_up_due'),
    /** Where the touch came from: typed in the app, a CSV import, a calendar or a mail file. */
    source: text('source', { enum: TOUCH_SOURCES }).notNull().default('manual'),
    direction: text('direction', { enum: TOUCH_DIRECTIONS }),
    /** iCalendar UID (+ recurrence id) or Message-ID: the same meeting or message is never logged twice. */
    externalRef: text('external_ref'),
    customFields: customFields(),
    importBatchId: importBatchId(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('touches_external_ref').on(t.externalRef),
    index('touches_account_date').on(t.accountId, t.occurredAt),
    index('touches_follow_up').on(t.followUpDue),
    index('touches_batch').on(t.importBatchId),
    // Covers the touches of a month by type (the trends' CSM activity, services/metrics.ts).
    index('touches_date_type').on(t.occurredAt, t.type, t.accountId),
  ],
);

export const touchContacts = sqliteTable(
  'touch_contacts',
  {
    touchId: integer('touch_id')
      .notNull()
      .references(() => touches.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.touchId, t.contactId] }), index('touch_contacts_contact').on(t.contactId)],
);

export const metricSamples = sqliteTable(
  'metric_samples',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    date: text('date').notNull(),
    key: text('key').notNull(),
    value: real('value').notNull(),
    customFields: customFields(),
    importBatchId: importBatchId(),
  },
  (t) => [
    uniqueIndex('metric_samples_natural').on(t.accountId, t.key, t.date),
    index('metric_samples_batch').on(t.importBatchId),
  ],
);

export const revenueEvents = sqliteTable(
  'revenue_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    date: text('date').notNull(),
    kind: text('kind', { enum: REVENUE_KINDS }).notNull(),
    mrrDeltaCents: integer('mrr_delta_cents').notNull(),
    /** Null for rows from before 2026-12 (imports and the sample book). */
    source: text('source', { enum: REVENUE_SOURCES }),
    note: text('note').notNull().default(''),
    customFields: customFields(),
    importBatchId: importBatchId(),
  },
  (t) => [
    index('revenue_events_account_date').on(t.accountId, t.date),
    index('revenue_events_date').on(t.date),
    index('revenue_events_batch').on(t.importBatchId),
  ],
);

export const surveyResponses = sqliteTable(
  'survey_responses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: SURVEY_KINDS }).notNull(),
    score: real('score').notNull(),
    date: text('date').notNull(),
    comment: text('comment').notNull().default(''),
    customFields: customFields(),
    importBatchId: importBatchId(),
  },
  (t) => [
    index('survey_responses_account_date').on(t.accountId, t.date),
    index('survey_responses_date').on(t.date),
    index('survey_responses_batch').on(t.importBatchId),
  ],
);

/** Success plan (seed 002, laws 3 and 7): what the customer wants and how they measure it. */
export const successGoals = sqliteTable(
  'success_goals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    goal: text('goal').notNull(),
    measure: text('measure').notNull().default(''),
    target: text('target').notNull().default(''),
    status: text('status', { enum: GOAL_STATUSES }).notNull().default('not_started'),
    dueDate: text('due_date'),
    ...timestamps,
  },
  (t) => [index('success_goals_account').on(t.accountId)],
);

/** One score per account per day: the history that draws the trend ("more like a sinusoid"). */
export const healthSnapshots = sqliteTable(
  'health_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    date: text('date').notNull(),
    /** Null when the account has not enough data to be scored (band no_data). */
    score: integer('score'),
    band: text('band', { enum: ALL_BANDS }).notNull(),
    confidence: real('confidence').notNull(),
    components: text('components', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    inTriage: integer('in_triage', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('health_snapshots_account_date').on(t.accountId, t.date),
    // Covers the book's state at a date (services/scoring/states-at.ts): a year of month ends of a
    // 10,000-account book is read from this index alone, without touching the component JSON.
    index('health_snapshots_date_state').on(t.date, t.accountId, t.band, t.inTriage, sql.raw(SNAPSHOT_ENGAGEMENT_SQL)),
  ],
);

export const flags = sqliteTable(
  'flags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    rule: text('rule', { enum: FLAG_RULES }).notNull(),
    severity: text('severity', { enum: SEVERITIES }).notNull(),
    reason: text('reason').notNull(),
    raisedAt: text('raised_at').notNull(),
    /** Set when the rule stops firing or the CSM resolves it; a later firing is a new flag. */
    resolvedAt: text('resolved_at'),
    resolvedBy: text('resolved_by', { enum: ['rule', 'user'] }),
    /** When the rule was last seen not firing; a flag the CSM resolved stays quiet until then. */
    clearedAt: text('cleared_at'),
    snoozedUntil: text('snoozed_until'),
  },
  (t) => [index('flags_account_open').on(t.accountId, t.resolvedAt), index('flags_rule').on(t.rule)],
);

export const reminders = sqliteTable(
  'reminders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    due: text('due').notNull(),
    doneAt: text('done_at'),
    /**
     * Who closed it: 'user' (the CSM marked it done) or 'system' (its reason went away — the touch
     * was logged, the flag resolved or snoozed past it, the renewal passed). Null while open. Only
     * 'user' counts as done by the CSM.
     */
    closedBy: text('closed_by', { enum: ['user', 'system'] }),
    snoozedUntil: text('snoozed_until'),
    source: text('source', { enum: REMINDER_SOURCES }).notNull().default('manual'),
    /** Identifies a generated reminder (e.g. 'follow_up:touch:12') so it is created once. */
    sourceKey: text('source_key'),
    /** The flag a task was made from: resolving or snoozing the flag closes or snoozes the task. */
    flagId: integer('flag_id').references(() => flags.id, { onDelete: 'set null' }),
    /** The CSM marked the task as a next step to share with the customer. */
    shared: integer('shared', { mode: 'boolean' }).notNull().default(false),
    notifiedAt: text('notified_at'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    index('reminders_due').on(t.due),
    index('reminders_account').on(t.accountId),
    uniqueIndex('reminders_source_key').on(t.sourceKey),
  ],
);

/** Editable settings as JSON documents by key ('scoring', 'ui', …). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).$type<unknown>().notNull(),
  updatedAt: text('updated_at').notNull().default(now),
});

/** Every saved change of the scoring settings: markers on the health trend chart. */
export const settingsHistory = sqliteTable('settings_history', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key').notNull(),
  value: text('value', { mode: 'json' }).$type<unknown>().notNull(),
  changedAt: text('changed_at').notNull().default(now),
});

/** Named column mappings, re-applied when the same headers come back next month. */
export const importPresets = sqliteTable('import_presets', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
  headersKey: text('headers_key').notNull(),
  mapping: text('mapping', { mode: 'json' }).$type<Record<string, string>>().notNull(),
  /** What else the user chose for these headers: value maps per column, conversions, date order. */
  options: text('options', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
  createdAt: text('created_at').notNull().default(now),
});

// ---- added 2026-12 (SPEC "Renewals, expansion and churn", "Triage cases") ----

/** One open renewal per active account with a renewal date (outcome null); closed ones are history. */
export const renewals = sqliteTable(
  'renewals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    dueDate: text('due_date').notNull(),
    termMonths: integer('term_months').notNull().default(12),
    /** The CSM's call: commit, likely, at_risk, lost — or null (none yet, counted as likely). */
    forecast: text('forecast', { enum: FORECAST_CATEGORIES }),
    /** Null: ARR at the as-of date; else the up- or down-sell the CSM expects. */
    expectedArrCents: integer('expected_arr_cents'),
    outcome: text('outcome', { enum: RENEWAL_OUTCOMES }),
    closedOn: text('closed_on'),
    /** MRR the account renewed at (outcome renewed). */
    renewedMrrCents: integer('renewed_mrr_cents'),
    notes: text('notes').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    index('renewals_account').on(t.accountId),
    index('renewals_due').on(t.dueDate),
    uniqueIndex('renewals_one_open').on(t.accountId).where(sql`${t.outcome} IS NULL`),
  ],
);

/** An expansion opportunity; won writes an expansion revenue event of value ÷ 12 MRR. */
export const opportunities = sqliteTable(
  'opportunities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    arrCents: integer('arr_cents').notNull().default(0),
    stage: text('stage', { enum: OPPORTUNITY_STAGES }).notNull().default('identified'),
    expectedClose: text('expected_close'),
    source: text('source', { enum: OPPORTUNITY_SOURCES }).notNull().default('manual'),
    closedOn: text('closed_on'),
    /** The expansion event a won opportunity wrote. */
    revenueEventId: integer('revenue_event_id').references(() => revenueEvents.id, { onDelete: 'set null' }),
    notes: text('notes').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('opportunities_account').on(t.accountId)],
);

/** seed 000: an account in triage gets a case — why, the plan, by when, and how it ended. */
export const triageCases = sqliteTable(
  'triage_cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    openedOn: text('opened_on').notNull(),
    /** The flags (rule, severity, reason) and band that put the account in triage when it opened. */
    triggers: text('triggers', { mode: 'json' }).$type<{ rule: string; severity?: string; reason: string }[]>().notNull().default([]),
    rootCause: text('root_cause', { enum: CHURN_REASONS }),
    plan: text('plan').notNull().default(''),
    targetDate: text('target_date'),
    closedOn: text('closed_on'),
    outcome: text('outcome', { enum: TRIAGE_OUTCOMES }),
    ...timestamps,
  },
  (t) => [
    index('triage_cases_account').on(t.accountId),
    uniqueIndex('triage_cases_one_open').on(t.accountId).where(sql`${t.closedOn} IS NULL`),
  ],
);
