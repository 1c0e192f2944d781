// Core channels: the app, accounts, contacts, touches, flags, settings and the sample book.
import { z } from 'zod';
import {
  cents,
  id,
  isoDate,
  zAnyBand,
  zChurnReason,
  zContactLevel,
  zContactRole,
  zFlagRule,
  zSegment,
  zSeverity,
  zStage,
  zTouchType,
} from '../domain';
import { settingsSchema } from '../settings';
import type { ChannelSpec } from './spec';

export const text = (max: number) => z.string().max(max);
export const optionalText = (max: number) => z.string().max(max).nullable().optional();
export const nothing = z.object({}).strict();

// ---- Shapes ------------------------------------------------------------------------------------

export const accountFields = z
  .object({
    externalId: optionalText(200),
    name: text(300).trim().min(1, 'an account needs a name'),
    segment: zSegment,
    stage: zStage,
    mrrCents: cents.nonnegative(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected a 3-letter currency code such as USD'),
    contractStart: isoDate.nullable(),
    renewalDate: isoDate.nullable(),
    seats: z.number().int().nonnegative().nullable(),
    industry: optionalText(200),
    website: optionalText(500),
    notes: text(100_000),
    /** E-mail domains that identify the customer ("acme.com"), for capture from calendar and mail. */
    domains: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'expected a domain such as acme.com').max(253)).max(50),
  })
  .strict();

export const account = z.strictObject({
  ...accountFields.shape,
  id,
  domains: z.array(z.string()),
  churnedOn: isoDate.nullable(),
  churnReason: zChurnReason.nullable(),
  externalId: z.string().nullable(),
  industry: z.string().nullable(),
  website: z.string().nullable(),
  customFields: z.record(z.string(), z.string()),
  archived: z.boolean(),
  importBatchId: id.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const accountSummary = z.object({
  id,
  externalId: z.string().nullable(),
  name: z.string(),
  segment: zSegment,
  stage: zStage,
  mrrCents: cents,
  currency: z.string(),
  renewalDate: isoDate.nullable(),
  archived: z.boolean(),
  /** Null when not scored yet, or when the account has not enough data (band no_data). */
  score: z.number().int().nullable(),
  band: zAnyBand.nullable(),
  confidence: z.number().nullable(),
  inTriage: z.boolean(),
  flags: z.array(z.object({ rule: zFlagRule, severity: zSeverity })),
});

export const contactFields = z
  .object({
    name: text(300).trim().min(1, 'a contact needs a name'),
    email: z.email('expected an e-mail address').max(320).nullable(),
    title: optionalText(300),
    level: zContactLevel,
    isUser: z.boolean(),
    role: zContactRole.nullable(),
    strength: z.number().int().min(0).max(4),
    leftOn: isoDate.nullable(),
    notes: text(100_000),
  })
  .strict();

export const contact = z.strictObject({
  ...contactFields.shape,
  id,
  accountId: id,
  title: z.string().nullable(),
  lastTouchAt: z.string().nullable(),
});

export const touchFields = z
  .object({
    accountId: id,
    type: zTouchType,
    occurredAt: z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'expected a date as YYYY-MM-DD'),
    summary: text(1000),
    notes: text(100_000).optional(),
    sentiment: z.number().int().min(-2).max(2).nullable().optional(),
    contactIds: z.array(id).max(200).optional(),
    nextStep: optionalText(1000),
    /** The next step may be shown to the customer (the customer copy of the QBR lists only these). */
    nextStepShared: z.boolean().optional(),
    followUpDue: isoDate.nullable().optional(),
  })
  .strict();

export const touch = z.object({
  id,
  accountId: id,
  type: zTouchType,
  occurredAt: z.string(),
  summary: z.string(),
  notes: z.string(),
  sentiment: z.number().int().nullable(),
  nextStep: z.string().nullable(),
  nextStepShared: z.boolean(),
  followUpDue: isoDate.nullable(),
  contactIds: z.array(id),
});

export const accountDetail = z.object({
  account,
  contacts: z.array(contact),
  touches: z.array(touch),
});

export const flag = z.object({
  id,
  accountId: id,
  rule: zFlagRule,
  severity: zSeverity,
  reason: z.string(),
  raisedAt: isoDate,
  resolvedAt: isoDate.nullable(),
  resolvedBy: z.enum(['rule', 'user']).nullable(),
  snoozedUntil: isoDate.nullable(),
});

export const appInfo = z.object({
  version: z.string(),
  dbFile: z.string(),
  asOf: isoDate,
  accountCount: z.number().int(),
});

// ---- Channels ----------------------------------------------------------------------------------

export const coreContract = {
  'app.info': { input: nothing, output: appInfo },
  'accounts.list': {
    input: z
      .object({ search: z.string().max(200).optional(), includeArchived: z.boolean().optional() })
      .strict(),
    output: z.array(accountSummary),
  },
  'accounts.get': { input: z.object({ id }).strict(), output: accountDetail },
  'accounts.create': { input: accountFields.partial().required({ name: true }), output: account },
  'accounts.update': {
    input: z.object({ id, patch: accountFields.partial().extend({ archived: z.boolean().optional() }).strict() }).strict(),
    output: account,
  },
  'contacts.create': {
    input: contactFields.partial().required({ name: true }).extend({ accountId: id }).strict(),
    output: contact,
  },
  'contacts.update': { input: z.object({ id, patch: contactFields.partial().strict() }).strict(), output: contact },
  /** Deletes a contact and their links to touches; `contacts.undoDelete` puts them back. */
  'contacts.delete': { input: z.object({ id }).strict(), output: contact },
  'contacts.undoDelete': { input: z.object({ id }).strict(), output: contact },
  'touches.log': { input: touchFields, output: touch },
  'touches.update': {
    input: z.object({ id, patch: touchFields.omit({ accountId: true }).partial().strict() }).strict(),
    output: touch,
  },
  /** Deletes a touch (its contact links and open follow-up go with it); `touches.undoDelete` puts it back. */
  'touches.delete': { input: z.object({ id }).strict(), output: touch },
  'touches.undoDelete': { input: z.object({ id }).strict(), output: touch },
  'flags.list': { input: z.object({ accountId: id }).strict(), output: z.array(flag) },
  'flags.resolve': { input: z.object({ id }).strict(), output: flag },
  'flags.snooze': { input: z.object({ id, until: isoDate }).strict(), output: flag },
  /** Undo of snooze (the flag and the reminders it snoozed wake up). */
  'flags.unsnooze': { input: z.object({ id }).strict(), output: flag },
  /** Undo of resolve by the CSM (with the reminders the resolve closed). */
  'flags.unresolve': { input: z.object({ id }).strict(), output: flag },
  'settings.get': { input: nothing, output: settingsSchema },
  'settings.update': { input: z.object({ settings: settingsSchema }).strict(), output: settingsSchema },
  'demo.load': {
    input: nothing,
    output: z.object({ accounts: z.number().int(), contacts: z.number().int(), touches: z.number().int() }),
  },
} as const satisfies Record<string, ChannelSpec>;

export type AccountSummary = z.infer<typeof accountSummary>;
export type Account = z.infer<typeof account>;
export type AccountDetail = z.infer<typeof accountDetail>;
export type Contact = z.infer<typeof contact>;
export type Touch = z.infer<typeof touch>;
export type AppInfo = z.infer<typeof appInfo>;
export type Flag = z.infer<typeof flag>;
