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
  BANDS,
  FLAG_RULES,
} from '../../shared/domain';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
const timestamps = {
  createdAt: text('created_at').notNull().default(now),
  updatedAt: text('updated_at').notNull().default(now),
};
const customFields = () => text('custom_fields', { mode: 'json' }).$type<Record<string, string>>().notNull().default({});
const importBatchId = () => integer('import_batch_id').references(() => importBatches.id, { onDelete: 'set null' });

export const importBatches = sqliteTable('import_batches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fileName: text('file_name').notNull(),
  kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
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
    followUpDue: text('follow_up_due'),
    customFields: customFields(),
    importBatchId: importBatchId(),
    ...timestamps,
  },
  (t) => [
    index('touches_account_date').on(t.accountId, t.occurredAt),
    index('touches_follow_up').on(t.followUpDue),
    index('touches_batch').on(t.importBatchId),
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
    score: integer('score').notNull(),
    band: text('band', { enum: BANDS }).notNull(),
    confidence: real('confidence').notNull(),
    components: text('components', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    inTriage: integer('in_triage', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('health_snapshots_account_date').on(t.accountId, t.date), index('health_snapshots_date').on(t.date)],
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
    snoozedUntil: text('snoozed_until'),
    source: text('source', { enum: REMINDER_SOURCES }).notNull().default('manual'),
    /** Identifies a generated reminder (e.g. 'follow_up:touch:12') so it is created once. */
    sourceKey: text('source_key'),
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
  createdAt: text('created_at').notNull().default(now),
});
