// Channels of capture (SPEC "Capture from calendar, e-mail and contact files"): files chosen in a
// dialog or dropped on the window (known to the renderer only by token) are read in the main
// process as a job with progress; the preview shows every meeting and message with its account,
// contacts and whether it will be logged; landing writes the chosen ones as one batch (undone from
// the import history). Also: capture settings (My domains, keep bodies, time zone), relationship
// hints for the relationship map, and suggested account domains.
import { z } from 'zod';
import { captureSettingsSchema } from '../settings';
import { id, isoDate, zTouchDirection } from '../domain';
import type { ChannelSpec } from './spec';

const token = z.string().uuid('expected a file chosen in the dialog or dropped on the window');
const count = z.number().int().nonnegative();
const jobId = z.string().max(100);

export const CAPTURE_STATUSES = ['new', 'duplicate', 'internal', 'unmatched', 'future', 'cancelled', 'declined', 'automated'] as const;
export const zCaptureStatus = z.enum(CAPTURE_STATUSES);
export type CaptureStatus = (typeof CAPTURE_STATUSES)[number];

export const captureFileRef = z.object({ token: z.string(), fileName: z.string() });

export const captureProblem = z.object({ file: z.string(), item: z.string(), reason: z.string() });

export const capturePerson = z.object({ email: z.string(), name: z.string().nullable(), contactId: id.nullable() });

export const captureItem = z.object({
  id: count,
  file: z.string(),
  kind: z.enum(['meeting', 'email']),
  status: zCaptureStatus,
  /** Why it will not be logged (any status but new). */
  reason: z.string().nullable(),
  summary: z.string(),
  /** In the user's time zone: 'YYYY-MM-DDTHH:MM', or 'YYYY-MM-DD' for an all-day event. */
  occurredAt: z.string(),
  direction: zTouchDirection.nullable(),
  accountId: id.nullable(),
  matchedBy: z.enum(['contact', 'domain']).nullable(),
  /** Known contacts of the account who took part. */
  contactIds: z.array(id),
  /** People from outside your domains (the first 20). */
  people: z.array(capturePerson),
  /** Addresses offered as new contacts (see `contacts`). */
  newPeople: z.array(z.string()),
  /** The touch keeps an excerpt of the body (Settings allow it and there is text). */
  excerpt: z.boolean(),
});

/** Someone at a known account's domain who is no contact yet. */
export const offeredContact = z.object({
  email: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  titleFrom: z.enum(['card', 'signature']).nullable(),
  accountId: id,
  /** Items they took part in. */
  items: count,
});

/** A contact card (.vcf) and what it would do. */
export const captureCard = z.object({
  id: count,
  file: z.string(),
  label: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  accountId: id.nullable(),
  contactId: id.nullable(),
  outcome: z.enum(['new', 'update', 'unchanged', 'unmatched']),
  /** What an update changes, in words ("title: Director → VP Operations"). */
  changes: z.array(z.string()),
});

export const unmatchedSender = z.object({ email: z.string(), name: z.string().nullable(), items: count });

export const captureCounts = z.object(Object.fromEntries([['total', count], ...CAPTURE_STATUSES.map((s) => [s, count])])) as z.ZodObject<
  Record<'total' | CaptureStatus, typeof count>
>;

export const capturePreview = z.object({
  asOf: isoDate,
  timeZone: z.string(),
  files: z.array(z.object({ fileName: z.string(), kind: z.string().nullable(), items: count, cards: count, problems: count, bytes: count, later: count })),
  items: z.array(captureItem),
  contacts: z.array(offeredContact),
  cards: z.array(captureCard),
  unmatched: z.array(unmatchedSender),
  skipped: z.array(captureProblem),
  counts: captureCounts,
  /** The accounts the items and cards name (for their labels). */
  accounts: z.array(z.object({ id, name: z.string() })),
  myDomains: z.array(z.string()),
  /** With no My domains set: a domain in most items, probably the CSM's own (offered, never assumed). */
  suggestedMyDomains: z.array(z.string()),
  keepBody: z.boolean(),
});

export const captureJob = z.object({
  jobId: z.string(),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  progress: z.object({ fileName: z.string(), file: count, files: count, bytes: count, totalBytes: count, items: count }),
  elapsedMs: count,
  preview: capturePreview.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export const captureResult = z.object({
  batchId: id.nullable(),
  dryRun: z.boolean(),
  /** Touches written. */
  inserted: count,
  /** Meetings and messages already logged (by an earlier capture, or twice in these files). */
  duplicates: count,
  /** Meetings and messages with nobody from outside your domains: not logged. */
  internal: count,
  contacts: z.object({ inserted: count, updated: count }),
  unmatched: z.array(unmatchedSender),
  skipped: z.array(captureProblem),
  /** Items not logged for other reasons. */
  notLogged: z.object({ cancelled: count, declined: count, future: count, automated: count, unmatched: count, excluded: count }),
  accounts: z.array(
    z.object({ id, name: z.string(), touches: count, scoreBefore: z.number().int().nullable(), scoreAfter: z.number().int().nullable() }),
  ),
  /** Relationship hints now waiting on the touched accounts' relationship maps. */
  hints: count,
  suggestedMyDomains: z.array(z.string()),
});

export const strengthHint = z.object({
  contactId: id,
  name: z.string(),
  from: z.number().int().min(0).max(4),
  to: z.number().int().min(0).max(4),
  direction: z.enum(['up', 'down']),
  reason: z.string(),
  touches: count,
  lastTouch: z.string().nullable(),
});

export const domainSuggestion = z.object({ domain: z.string(), reason: z.string() });

const landInput = z
  .object({
    jobId,
    /** The items to log, each with its account (the preview's, or the one the user picked). */
    items: z.array(z.object({ id: count, accountId: id }).strict()).max(500_000),
    /** The offered people to add as contacts, at the account given. */
    contacts: z.array(z.object({ email: z.string().max(320), accountId: id }).strict()).max(50_000),
    /** The cards to land, at the account given. */
    cards: z.array(z.object({ id: count, accountId: id }).strict()).max(50_000),
  })
  .strict();

export const captureContract = {
  /** A native dialog for several files at once; null when cancelled. */
  'capture.choose': { input: z.object({}).strict(), output: z.array(captureFileRef).nullable() },
  /** Starts reading the files (a job): poll capture.job for progress and the preview. */
  'capture.read': { input: z.object({ tokens: z.array(token).min(1).max(500) }).strict(), output: z.object({ jobId: z.string() }) },
  'capture.job': { input: z.object({ jobId }).strict(), output: captureJob },
  'capture.cancel': { input: z.object({ jobId }).strict(), output: captureJob },
  /** Writes the chosen items, contacts and cards as one batch (kind capture), rescored at once. */
  'capture.land': { input: landInput, output: captureResult },
  'capture.settings': { input: z.object({}).strict(), output: captureSettingsSchema },
  'capture.saveSettings': { input: z.object({ settings: captureSettingsSchema }).strict(), output: captureSettingsSchema },
  /** Suggested strength changes for an account's contacts, from how often and how recently they were reached. */
  'capture.hints': { input: z.object({ accountId: id }).strict(), output: z.array(strengthHint) },
  /** Hides a hint until the contact's strength changes (accepting one is contacts.update). */
  'capture.dismissHint': { input: z.object({ contactId: id, to: z.number().int().min(0).max(4) }).strict(), output: z.object({ dismissed: z.boolean() }) },
  /** Domains to offer for an account: its website's and its contacts' e-mail domains. */
  'capture.domainSuggestions': { input: z.object({ accountId: id }).strict(), output: z.array(domainSuggestion) },
} as const satisfies Record<string, ChannelSpec>;

export type CapturePreviewView = z.infer<typeof capturePreview>;
export type CaptureItemView = z.infer<typeof captureItem>;
export type CaptureJobView = z.infer<typeof captureJob>;
export type CaptureResultView = z.infer<typeof captureResult>;
export type StrengthHintView = z.infer<typeof strengthHint>;
export type DomainSuggestionView = z.infer<typeof domainSuggestion>;
export type CaptureLandInput = z.infer<typeof landInput>;
