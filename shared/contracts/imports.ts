// Channels of the imports domain: the CSV import wizard (choose a file → preview → run with progress
// and cancel → undo), past batches, and CSV exports. Files are chosen in native dialogs by the main
// process; the renderer only ever holds an opaque token for them.
import { z } from 'zod';
import { id, zBatchKind, zImportKind, IMPORT_KINDS } from '../domain';
import { nothing } from './core';
import type { ChannelSpec } from './spec';

const token = z.string().uuid('expected a file chosen in the dialog');
const mapping = z.record(z.string().max(500), z.string().max(100));
const dateFormat = z.enum(['dmy', 'mdy']);
/** field → value as written in the file → what it means ('' leaves the cell empty). */
const valueMaps = z
  .record(z.string().max(100), z.record(z.string().max(500), z.string().max(100)).refine((m) => Object.keys(m).length <= 500, 'at most 500 values per field'))
  .refine((m) => Object.keys(m).length <= 50, 'at most 50 fields');
/** How an update treats what Tend has (issue 17). */
export const updateMode = z.enum(['keep-edits', 'overwrite', 'fill-empty']);

const suggestion = z.object({
  column: z.string(),
  field: z.string().nullable(),
  reason: z.string().nullable(),
  offer: z.object({ field: z.string(), label: z.string(), detail: z.string() }).nullable(),
});

const shownChange = z.object({
  field: z.string(),
  label: z.string(),
  old: z.string(),
  new: z.string(),
  kept: z.boolean(),
  editedOn: z.string().nullable(),
});

/** What landing does besides the counts: updates field by field, kept fields, defaults, churn. */
const landingReport = {
  updates: z.array(z.object({ row: z.number().int(), record: z.string(), changes: z.array(shownChange) })),
  kept: z.object({ rows: z.number().int(), fields: z.number().int() }),
  defaults: z.array(z.object({ field: z.string(), label: z.string(), value: z.string(), rows: z.number().int() })),
  churned: z.number().int(),
};

export const rowError = z.object({ row: z.number().int(), column: z.string(), value: z.string(), message: z.string() });

export const fileReport = z.object({
  fileName: z.string(),
  encoding: z.string(),
  bom: z.boolean(),
  delimiterName: z.string(),
  headers: z.array(z.string()),
  mapping,
  customColumns: z.array(z.string()),
  conversions: z.array(z.string()),
  preset: z.string().nullable(),
  dateColumns: z.array(z.object({ column: z.string(), field: z.string(), format: z.string() })),
  dataRows: z.number().int(),
  suggestions: z.array(suggestion),
  valueMaps,
  unknownValues: z.array(
    z.object({
      column: z.string(),
      field: z.string(),
      values: z.array(z.object({ value: z.string(), count: z.number().int(), row: z.number().int() })),
      choices: z.array(z.object({ value: z.string(), label: z.string() })),
    }),
  ),
  updateMode,
});

export const importPreview = fileReport.extend({
  rows: z.array(
    z.object({
      row: z.number().int(),
      outcome: z.enum(['new', 'updated', 'unchanged', 'error']),
      cells: z.array(z.string()),
      values: z.record(z.string(), z.unknown()).nullable(),
      custom: z.record(z.string(), z.string()).nullable(),
      errors: z.array(z.object({ column: z.string(), value: z.string(), message: z.string() })),
      changes: z.array(shownChange),
    }),
  ),
  ...landingReport,
  counts: z.object({ total: z.number(), new: z.number(), updated: z.number(), unchanged: z.number(), error: z.number() }),
  errors: z.array(rowError),
  ambiguousDateColumns: z.array(z.string()),
  notes: z.array(z.string()),
  /** false: only the first rows were read (quick); the count job gives the whole file's counts. */
  counted: z.boolean(),
});

export const importResult = fileReport.extend({
  batchId: id.nullable(),
  dryRun: z.boolean(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(rowError),
  notes: z.array(z.string()),
  ...landingReport,
});

export const importJob = z.object({
  jobId: z.string(),
  /** 'count': the preview's full pass (nothing is kept); 'import': lands the file. */
  task: z.enum(['import', 'count']),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  progress: z
    .object({
      phase: z.enum(['scanning', 'reading', 'writing', 'scoring']),
      rows: z.number(),
      totalRows: z.number().nullable(),
      bytes: z.number(),
      totalBytes: z.number(),
    })
    .nullable(),
  rowsPerSecond: z.number().nullable(),
  elapsedMs: z.number(),
  result: importResult.nullable(),
  preview: importPreview.nullable(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
});

export const importBatch = z.object({
  id,
  fileName: z.string(),
  kind: zBatchKind,
  inserted: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  errorCount: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
});

const importRequest = z
  .object({ token, kind: zImportKind, mapping: mapping.optional(), dateFormat: dateFormat.optional(), valueMaps: valueMaps.optional(), updateMode: updateMode.optional() })
  .strict();

export const importsContract = {
  'imports.choose': {
    input: nothing,
    output: z.object({ token: z.string(), fileName: z.string() }).nullable(),
  },
  /** Quick: the first rows as they will land, read without going through the whole file. */
  'imports.preview': { input: importRequest, output: importPreview },
  /** The full count pass (new / updated / unchanged / error) as a job: progress, cancel, result in `preview`. */
  'imports.count': { input: importRequest, output: z.object({ jobId: z.string() }) },
  'imports.start': {
    input: importRequest.extend({ strict: z.boolean().optional(), presetName: z.string().trim().min(1).max(100).optional() }).strict(),
    output: z.object({ jobId: z.string() }),
  },
  'imports.job': { input: z.object({ jobId: z.string().max(100) }).strict(), output: importJob },
  'imports.cancel': { input: z.object({ jobId: z.string().max(100) }).strict(), output: importJob },
  'imports.list': { input: nothing, output: z.array(importBatch) },
  'imports.undo': {
    input: z.object({ batchId: id }).strict(),
    output: z.object({ batchId: id, removed: z.number().int(), restored: z.number().int() }),
  },
  /** Saves a job's row errors as CSV (row, column, value, message) where the user chooses. */
  'imports.saveErrors': { input: z.object({ jobId: z.string().max(100) }).strict(), output: z.object({ file: z.string() }).nullable() },
  /** Exports every row of a kind as CSV (formula injection neutralised). */
  'exports.csv': { input: z.object({ kind: z.enum(IMPORT_KINDS) }).strict(), output: z.object({ file: z.string() }).nullable() },
  /** Saves a table the renderer shows (e.g. the current portfolio view) as CSV. */
  'exports.table': {
    input: z
      .object({
        name: z.string().trim().min(1).max(100),
        headers: z.array(z.string().max(200)).min(1).max(200),
        rows: z.array(z.array(z.union([z.string().max(100_000), z.number(), z.boolean(), z.null()])).max(200)).max(200_000),
      })
      .strict(),
    output: z.object({ file: z.string() }).nullable(),
  },
} as const satisfies Record<string, ChannelSpec>;

export type ImportPreviewView = z.infer<typeof importPreview>;
export type MappingSuggestionView = z.infer<typeof suggestion>;
export type ShownChangeView = z.infer<typeof shownChange>;
export type UpdateModeView = z.infer<typeof updateMode>;
export type ImportResultView = z.infer<typeof importResult>;
export type ImportJobView = z.infer<typeof importJob>;
export type ImportBatchView = z.infer<typeof importBatch>;
