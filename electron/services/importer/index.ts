// The import service (issue 5): preview a client's CSV, run it, list past imports, undo one, and
// keep named mappings (presets) for the files that come back every month.
//
// A run has two phases. Reading (async, cancellable between 1 MB chunks) streams the file, maps
// and validates every row into typed records; writing lands them in one synchronous transaction
// (write.ts), so no other work can interleave with a half-written import and a failure or a Cancel
// leaves the database as it was. The preview is the same run rolled back, which is how it counts
// new / updated / unchanged rows exactly; a quick preview does that for the first rows only (the
// wizard shows them at once), and the full pass runs as a job in the import worker (import-jobs.ts).
//
// Dates and decimal separators are decided once per column from all its values. Most files need no
// decision (ISO dates, plain numbers) and are read once; the first value that needs one makes the
// reader scan the whole file for those columns' values and start over.
//
// The mapping is confirmed by the values of the first rows (shared/import/judge.ts) before the file
// is read through; enum columns read through the user's value maps, and their unknown values are
// listed for the preview to offer a drop-down each (issue 14). Updates follow the run's update mode
// and show every changed field old → new (issue 17).
import path from 'node:path';
import type { ImportKind } from '../../../shared/domain';
import { TendError } from '../../../shared/errors';
import { IMPORT_FIELDS, headersKey } from '../../../shared/import/fields';
import type { ShownChange } from '../../../shared/import/display';
import { SAMPLE_ROWS, type MappingSuggestion } from '../../../shared/import/judge';
import { choicesFor, type Choice, type ValueMaps } from '../../../shared/import/value-maps';
import type { DateFormat, DateOrder, NumberFormat } from '../../../shared/import/values';
import type { ServiceContext } from '../context';
import { createSettingsService } from '../settings';
import { toCsv } from './export';
import { planMapping, type ColumnMapping, type MappingPlan, type PresetOptions } from './map';
import type { UpdateMode } from './table-store';
import { describeDelimiter, inspectCsv, type CancelSignal, readHeader, streamRecords, type CsvFile, type Delimiter, type TextEncodingName } from './read';
import {
  NeedsColumnFormats,
  createFormatScanner,
  createRowValidator,
  isDateColumn,
  isNumberColumn,
  type ColumnFormats,
  type FieldValue,
  type ImportRecord,
  type RowError,
} from './validate';
import {
  createLander,
  landImportBatch,
  readBatch,
  strictError,
  undoImportBatch,
  type BatchRow,
  type Lander,
  type LandResult,
  type Outcome,
  type RecordUpdate,
} from './write';

/** About how many rows a file holds, to size a dry run's tables (a row of an export is rarely under 40 bytes). */
const expectedRows = (csv: CsvFile) => Math.min(Math.ceil(csv.size / 40), 4_000_000);

function landing(landed: LandResult): LandingReport {
  return { updates: landed.updates, kept: landed.kept, defaults: landed.defaults, churned: landed.churned };
}

export type { ColumnMapping, PresetOptions } from './map';
export type { RowError } from './validate';
export type { BatchRow, RecordUpdate } from './write';
export type { UpdateMode } from './table-store';

export interface ImportRequest {
  kind: ImportKind;
  file: string;
  /** The user's choices, CSV header → field ('' keeps a column as a custom field); on top of the
   *  automatic mapping or of a preset saved for the same headers. */
  mapping?: ColumnMapping;
  /** How to read numeric dates in columns whose values do not decide it (CLI --date-format). */
  dateFormat?: DateOrder;
  /** What unknown values of enum columns mean: field → value as written → value ('' leaves it empty). */
  valueMaps?: ValueMaps;
  /** How updates treat what Tend has: keep what the CSM edited in the app (default), overwrite, or fill only what is empty. */
  updateMode?: UpdateMode;
}

export interface ImportProgress {
  /** 'scoring': the import has landed and its accounts are being rescored (too late to cancel). */
  phase: 'scanning' | 'reading' | 'writing' | 'scoring';
  /** Data rows (accounts, while scoring) done in this phase. */
  rows: number;
  /** Known while writing (all rows have been read by then). */
  totalRows: number | null;
  bytes: number;
  totalBytes: number;
}

export interface RunRequest extends ImportRequest {
  /** Do everything, keep nothing: the counts of what would happen. */
  dryRun?: boolean;
  /** Any row error fails the whole import (TendError) and nothing is written. */
  strict?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** Cancel: the import stops and the database is left as it was. */
  signal?: CancelSignal;
}

export interface ColumnReport {
  column: string;
  field: string;
  format: DateFormat;
}

/** What Tend found out about the file and how it reads it. */
export interface FileReport {
  file: string;
  fileName: string;
  encoding: TextEncodingName;
  bom: boolean;
  delimiter: Delimiter;
  /** 'comma', 'semicolon', 'tab', 'pipe'. */
  delimiterName: string;
  headers: string[];
  mapping: ColumnMapping;
  customColumns: string[];
  conversions: string[];
  preset: string | null;
  dateColumns: ColumnReport[];
  numberColumns: { column: string; field: string; decimal: NumberFormat | null }[];
  dataRows: number;
  /** Columns left custom although their header suggested a field (why), and conversions on offer. */
  suggestions: MappingSuggestion[];
  /** The value maps in force (the preset's and the user's). */
  valueMaps: ValueMaps;
  /** Each enum column's values that read as nothing (and are not mapped), most frequent first. */
  unknownValues: UnknownColumnValues[];
  updateMode: UpdateMode;
}

export interface UnknownColumnValues {
  column: string;
  field: string;
  values: { value: string; count: number; row: number }[];
  /** What they can be mapped to. */
  choices: readonly Choice[];
}

/** What landing the file does besides the counts: updates field by field, defaults, churn. */
export interface LandingReport {
  /** The first updated rows with every changed field, old → new (kept ones marked). */
  updates: RecordUpdate[];
  /** Rows with fields Tend kept (edited in the app, or not empty), and how many fields. */
  kept: { rows: number; fields: number };
  /** Defaults new rows take for what they do not give. */
  defaults: { field: string; label: string; value: string; rows: number }[];
  /** Accounts the import lands churned, each with its churn event. */
  churned: number;
}

export interface ImportRunResult extends FileReport, LandingReport {
  /** null for a dry run. */
  batchId: number | null;
  dryRun: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows that did not land (each has at least one entry in errors). */
  skipped: number;
  errors: RowError[];
  /** Things worth saying that are not errors (conversions, contacts kept as custom fields). */
  notes: string[];
}

export interface PreviewRow {
  row: number;
  outcome: Outcome;
  /** The cells as read, in header order. */
  cells: string[];
  /** The values as they would land (field → value), for valid rows. */
  values: Record<string, FieldValue> | null;
  custom: Record<string, string> | null;
  errors: { column: string; value: string; message: string }[];
  /** An update's changed fields, old → new (and the ones Tend keeps). */
  changes: ShownChange[];
}

export interface ImportPreview extends FileReport, LandingReport {
  rows: PreviewRow[];
  counts: { total: number; new: number; updated: number; unchanged: number; error: number };
  errors: RowError[];
  /** Date columns the values cannot decide: the wizard asks day-first or month-first. */
  ambiguousDateColumns: string[];
  notes: string[];
  /** false for a quick preview that read only the first rows: counts, errors and date formats
   *  cover those rows, and the full count pass (a job) gives the whole file's. */
  counted: boolean;
}

export interface PresetRow {
  id: number;
  name: string;
  kind: ImportKind;
  mapping: ColumnMapping;
  options: PresetOptions;
  createdAt: string;
}

export const PREVIEW_ROWS = 50;
/** How many data rows a quick preview reads (dates and numbers are decided from these, and the mapping confirmed). */
export const QUICK_PREVIEW_ROWS = SAMPLE_ROWS;
/** Updated rows whose changes a preview lists (the CLI prints the first few). */
const LISTED_UPDATES = 200;

interface ReadOutcome {
  csv: CsvFile;
  plan: MappingPlan;
  formats: ColumnFormats;
  dateFormats: Map<number, DateFormat>;
  /** Every valid record — or, when a lander took them as they were read, only the first rows'. */
  records: ImportRecord[];
  /** The dry run's landing, when records went straight to a lander. */
  landed: LandResult | null;
  errors: RowError[];
  invalidRows: number;
  dataRows: number;
  /** The first data rows as read (the preview shows them). */
  firstRows: { row: number; cells: string[] }[];
  /** Every row was read (false when limitRows stopped the reading early). */
  complete: boolean;
  unknownValues: UnknownColumnValues[];
}

interface ReadOptions {
  signal?: CancelSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Preview: ambiguous date columns become bad cells instead of an error. */
  allowAmbiguousDates: boolean;
  keepFirstRows: number;
  /** Stop after this many data rows (the quick preview); formats are decided from them alone. */
  limitRows?: number;
  /**
   * A dry run: each valid record goes to a lander as soon as it is read (nothing is written, so
   * nothing waits for the whole file), and no record outlives its chunk. A new lander per attempt
   * (a column's format decided late starts the reading over).
   */
  lander?: (plan: MappingPlan, csv: CsvFile) => Lander;
}

function checkKind(kind: string): asserts kind is ImportKind {
  if (!(kind in IMPORT_FIELDS)) {
    throw new TendError('invalid_input', `"${kind}" is not something Tend imports; use one of ${Object.keys(IMPORT_FIELDS).join(', ')}.`, {
      field: 'kind',
    });
  }
}

export function createImportService(ctx: ServiceContext) {
  const { sqlite, clock } = ctx;

  const PRESET_COLUMNS = 'id, name, kind, mapping, options, created_at AS createdAt';
  type PresetRecord = Omit<PresetRow, 'mapping' | 'options'> & { mapping: string; options: string | null };
  const presetOf = (row: PresetRecord): PresetRow => ({
    ...row,
    mapping: JSON.parse(row.mapping) as ColumnMapping,
    options: (row.options ? JSON.parse(row.options) : {}) as PresetOptions,
  });

  function findPreset(kind: ImportKind, headers: readonly string[]): PresetRow | null {
    const row = sqlite
      .prepare(`SELECT ${PRESET_COLUMNS} FROM import_presets WHERE kind = ? AND headers_key = ? ORDER BY id DESC LIMIT 1`)
      .get(kind, headersKey(headers)) as PresetRecord | undefined;
    return row ? presetOf(row) : null;
  }

  /** The employee-count thresholds of the segments (Settings → Import). */
  const segmentEdges = () => createSettingsService(ctx).get().import.segmentByEmployees;

  /** The first data rows' cells: the values that confirm the automatic mapping. */
  async function readSample(csv: CsvFile, headerRow: number, signal?: CancelSignal): Promise<{ rows: string[][]; complete: boolean }> {
    const rows: string[][] = [];
    for await (const chunk of streamRecords(csv, signal)) {
      for (const record of chunk.records) {
        if (record.row <= headerRow) continue;
        if (rows.length >= SAMPLE_ROWS) return { rows, complete: false };
        rows.push(record.cells);
      }
    }
    return { rows, complete: true };
  }

  /** The mapping a file gets: preset, values-confirmed suggestions, the user's choices. */
  async function planFor(request: ImportRequest, csv: CsvFile, headers: string[], headerRow: number, signal?: CancelSignal) {
    const preset = findPreset(request.kind, headers);
    const sample = preset ? null : await readSample(csv, headerRow, signal);
    const plan = planMapping(request.kind, headers, {
      fileName: csv.name,
      preset: preset ? { name: preset.name, mapping: preset.mapping, options: preset.options } : null,
      overrides: request.mapping,
      valueMaps: request.valueMaps,
      sample: sample?.rows,
      sampled: sample ? !sample.complete : false,
      edges: segmentEdges(),
    });
    return { plan, preset };
  }

  async function readFile(request: ImportRequest, options: ReadOptions): Promise<ReadOutcome> {
    checkKind(request.kind);
    const file = path.resolve(request.file);
    const csv = await inspectCsv(file);
    const header = await readHeader(csv, options.signal);
    const { plan, preset } = await planFor(request, csv, header.headers, header.row, options.signal);
    // A date order chosen for these headers before (saved with the preset) applies again.
    const dateFormat = request.dateFormat ?? preset?.options.dateFormat;
    const formats: ColumnFormats = { dates: new Map(), numbers: new Map() };
    const dateFormats = new Map<number, DateFormat>();
    for (const column of plan.columns) {
      if (!isDateColumn(column.field)) continue;
      dateFormats.set(column.index, 'iso');
      if (dateFormat) formats.dates.set(column.index, dateFormat);
    }

    for (let attempt = 0; ; attempt++) {
      try {
        return { csv, plan, formats, dateFormats, ...(await readRows(csv, plan, formats, header.row, options)) };
      } catch (err) {
        if (!(err instanceof NeedsColumnFormats) || attempt > 0) throw err;
      }
      // A value needs its column's format: decide every date and number column from all values.
      const decided = await scanFormats(csv, plan, header.row, options);
      for (const [index, format] of decided.dates) {
        if (formats.dates.has(index)) {
          dateFormats.set(index, formats.dates.get(index)!);
          continue;
        }
        dateFormats.set(index, format);
        // 'iso': no numeric dates in the column, so no order is ever asked for.
        formats.dates.set(index, format === 'iso' ? 'dmy' : format);
      }
      for (const [index, format] of decided.numbers) formats.numbers.set(index, format);
      const ambiguous = plan.columns.filter((c) => dateFormats.get(c.index) === 'ambiguous');
      if (ambiguous.length && !options.allowAmbiguousDates) throw ambiguousDatesError(csv, ambiguous.map((c) => c.header));
    }
  }

  async function readRows(csv: CsvFile, plan: MappingPlan, formats: ColumnFormats, headerRow: number, options: ReadOptions) {
    const validate = createRowValidator(plan, formats);
    const lander = options.lander?.(plan, csv) ?? null;
    const records: ImportRecord[] = [];
    const errors: RowError[] = [];
    const firstRows: { row: number; cells: string[] }[] = [];
    let invalidRows = 0;
    let dataRows = 0;
    let complete = true;
    const limit = options.limitRows ?? Infinity;
    reading: for await (const chunk of streamRecords(csv, options.signal)) {
      for (const record of chunk.records) {
        if (record.row <= headerRow) continue;
        if (dataRows >= limit) {
          complete = false;
          break reading;
        }
        dataRows++;
        const watch = firstRows.length < options.keepFirstRows;
        if (watch) firstRows.push(record);
        const result = validate(record);
        if (Array.isArray(result)) {
          invalidRows++;
          for (const error of result) errors.push(error);
        } else if (!lander) records.push(result);
        else {
          if (watch) records.push(result);
          lander.land(result, watch);
        }
      }
      options.onProgress?.({ phase: 'reading', rows: dataRows, totalRows: null, bytes: chunk.bytesRead, totalBytes: csv.size });
    }
    const unknownValues = [...validate.unknownValues()].map(([column, values]) => {
      const spec = plan.columns.find((c) => c.header === column)!.field!;
      return {
        column,
        field: spec.name,
        values: [...values].map(([value, seen]) => ({ value, count: seen.count, row: seen.row })).sort((a, b) => b.count - a.count || a.row - b.row),
        choices: choicesFor(spec),
      };
    });
    if (dataRows === 0) {
      throw new TendError(
        'import_failed',
        `${csv.name} has a header row but no data rows, so there is nothing to import. Check that you exported the right file. Nothing was imported.`,
        { file: csv.name },
      );
    }
    const landed = lander ? lander.finish(errors, invalidRows) : null;
    return { records, landed, errors, invalidRows, dataRows, firstRows, complete, unknownValues };
  }

  async function scanFormats(csv: CsvFile, plan: MappingPlan, headerRow: number, options: ReadOptions) {
    // European Excel writes ';'-delimited files with decimal commas; use that when values don't tell.
    const scanner = createFormatScanner(plan, csv.delimiter === ';' ? 'comma' : 'point');
    const limit = options.limitRows ?? Infinity;
    let rows = 0;
    scanning: for await (const chunk of streamRecords(csv, options.signal)) {
      for (const record of chunk.records) {
        if (record.row <= headerRow) continue;
        if (rows >= limit) break scanning;
        rows++;
        scanner.add(record.cells);
      }
      options.onProgress?.({ phase: 'scanning', rows, totalRows: null, bytes: chunk.bytesRead, totalBytes: csv.size });
    }
    return scanner.result();
  }

  function report(read: ReadOutcome, request: ImportRequest): FileReport {
    const { csv, plan } = read;
    return {
      file: csv.path,
      fileName: csv.name,
      encoding: csv.encoding,
      bom: csv.bom,
      delimiter: csv.delimiter,
      delimiterName: describeDelimiter(csv.delimiter),
      headers: plan.headers,
      mapping: plan.mapping,
      customColumns: plan.customColumns,
      conversions: plan.conversions,
      preset: plan.preset,
      dateColumns: plan.columns
        .filter((c) => isDateColumn(c.field))
        .map((c) => ({ column: c.header, field: c.field!.name, format: read.dateFormats.get(c.index) ?? 'iso' })),
      numberColumns: plan.columns
        .filter((c) => isNumberColumn(c.field))
        .map((c) => ({ column: c.header, field: c.field!.name, decimal: read.formats.numbers.get(c.index) ?? null })),
      dataRows: read.dataRows,
      suggestions: plan.suggestions,
      valueMaps: plan.valueMaps,
      unknownValues: read.unknownValues,
      updateMode: request.updateMode ?? 'keep-edits',
    };
  }

  function headerLookup(plan: MappingPlan) {
    return (field: string) => plan.columns.find((c) => c.field?.name === field)?.header ?? '';
  }

  /** A dry run's lander: fed while the file is read, writes nothing. */
  function dryLander(request: ImportRequest, plan: MappingPlan, expectedRows?: number): Lander {
    return createLander(
      ctx,
      {
        kind: request.kind,
        fileName: path.basename(request.file),
        mapping: plan.mapping,
        headerOf: headerLookup(plan),
        startedAt: clock.now(),
        updateMode: request.updateMode,
        dryRun: true,
        listUpdates: LISTED_UPDATES,
        expectedRows,
      },
      0,
    );
  }

  return {
    findPreset,

    /**
     * The first rows as they would land, every bad cell with why, every update field by field, and
     * the counts of new, updated, unchanged and error rows — computed by a dry run of the import.
     */
    async preview(
      request: ImportRequest & { rows?: number; quick?: boolean; signal?: CancelSignal; onProgress?: (progress: ImportProgress) => void },
    ): Promise<ImportPreview> {
      const keep = Math.max(1, Math.min(request.rows ?? PREVIEW_ROWS, 1000));
      const { signal, onProgress } = request;
      const read = await readFile(request, {
        allowAmbiguousDates: true,
        keepFirstRows: keep,
        // Quick: the shown rows and a sample behind them, so dates and numbers read as they will.
        limitRows: request.quick ? QUICK_PREVIEW_ROWS : undefined,
        signal,
        onProgress,
        lander: (plan, csv) => dryLander(request, plan, expectedRows(csv)),
      });
      const lastShown = read.firstRows.at(-1)?.row ?? 0;
      const landed = read.landed!;
      const recordsByRow = new Map<number, ImportRecord>();
      for (const record of read.records) {
        if (record.row > lastShown) break;
        recordsByRow.set(record.row, record);
      }
      const errorsByRow = new Map<number, RowError[]>();
      for (const error of landed.errors) {
        if (error.row > lastShown) break;
        errorsByRow.set(error.row, [...(errorsByRow.get(error.row) ?? []), error]);
      }
      const rows: PreviewRow[] = read.firstRows.map(({ row, cells }) => {
        const record = recordsByRow.get(row);
        const errors = (errorsByRow.get(row) ?? []).map(({ column, value, message }) => ({ column, value, message }));
        return {
          row,
          outcome: errors.length ? 'error' : (landed.outcomes.get(row) ?? 'error'),
          cells,
          values: record && !errors.length ? record.values : null,
          custom: record && !errors.length ? record.custom : null,
          errors,
          changes: landed.changesByRow.get(row) ?? [],
        };
      });
      const facts = report(read, request);
      return {
        ...facts,
        ...landing(landed),
        rows,
        counts: {
          total: read.dataRows,
          new: landed.inserted,
          updated: landed.updated,
          unchanged: landed.unchanged,
          error: landed.skipped,
        },
        errors: landed.errors,
        ambiguousDateColumns: facts.dateColumns.filter((c) => c.format === 'ambiguous' && !request.dateFormat).map((c) => c.column),
        notes: [...facts.conversions, ...landed.notes],
        counted: read.complete,
      };
    },

    /** Imports a file: valid rows land in one transaction, invalid ones are skipped and reported. */
    async run(request: RunRequest): Promise<ImportRunResult> {
      const startedAt = clock.now();
      const { signal, onProgress } = request;
      if (signal?.aborted) throw new TendError('import_failed', 'The import was cancelled. Nothing was imported.', { cancelled: true });
      const read = await readFile(request, {
        allowAmbiguousDates: false,
        keepFirstRows: 0,
        signal,
        onProgress,
        lander: request.dryRun ? (plan, csv) => dryLander(request, plan, expectedRows(csv)) : undefined,
      });
      if (read.landed && request.strict && read.landed.errors.length) throw strictError(read.csv.name, read.landed);
      const landed = read.landed ?? landImportBatch(ctx, {
        kind: request.kind,
        fileName: read.csv.name,
        mapping: read.plan.mapping,
        records: read.records,
        rowErrors: read.errors,
        invalidRows: read.invalidRows,
        headerOf: headerLookup(read.plan),
        startedAt,
        updateMode: request.updateMode,
        strict: request.strict,
        dryRun: request.dryRun,
        listUpdates: LISTED_UPDATES,
        signal,
        onProgress: (rows, totalRows) =>
          onProgress?.({ phase: 'writing', rows, totalRows, bytes: read.csv.size, totalBytes: read.csv.size }),
      });
      // The rows are committed: a rescore that fails now (the database busy, say) is a note on a
      // landed import, not a failed one.
      const rescoreNotes: string[] = [];
      if (!request.dryRun && landed.accountIds.length) {
        const accounts = landed.accountIds.length;
        onProgress?.({ phase: 'scoring', rows: 0, totalRows: accounts, bytes: read.csv.size, totalBytes: read.csv.size });
        try {
          ctx.accountsChanged(landed.accountIds);
        } catch (err) {
          rescoreNotes.push(
            `The rows landed, but rescoring the ${accounts} accounts they touched failed (${(err as Error).message}); their scores update at the next rescore (Settings → Save and rescore).`,
          );
        }
      }
      const facts = report(read, request);
      return {
        ...facts,
        ...landing(landed),
        batchId: landed.batchId,
        dryRun: !!request.dryRun,
        inserted: landed.inserted,
        updated: landed.updated,
        unchanged: landed.unchanged,
        skipped: landed.skipped,
        errors: landed.errors,
        notes: [...facts.conversions, ...landed.notes, ...rescoreNotes],
      };
    },

    /** Past imports, newest first. */
    list(): BatchRow[] {
      const ids = sqlite.prepare('SELECT id FROM import_batches ORDER BY id DESC').pluck().all() as number[];
      return ids.map((id) => readBatch(sqlite, id)!);
    },

    get(batchId: number): BatchRow {
      const batch = readBatch(sqlite, batchId);
      if (!batch) throw new TendError('not_found', `There is no import #${batchId}. See the list of imports (tend imports).`, { batchId });
      return batch;
    },

    /** Removes everything a batch inserted and restores what it updated; refuses a second time. */
    undo(batchId: number): { batchId: number; removed: number; restored: number } {
      const undone = undoImportBatch(ctx, batchId);
      if (undone.accountIds.length) ctx.accountsChanged(undone.accountIds);
      return { batchId: undone.batchId, removed: undone.removed, restored: undone.restored };
    },

    /** The errors as a CSV to download: row, column, value, message. */
    errorsCsv(errors: readonly RowError[]): string {
      return toCsv(
        ['row', 'column', 'value', 'message'],
        errors.map((e) => [e.row, e.column, e.value, e.message]),
      );
    },

    /**
     * Saves (or replaces, by name) a mapping — and the value maps and date order chosen with it — to
     * re-apply when the same headers come back.
     */
    savePreset(name: string, kind: ImportKind, headers: readonly string[], mapping: ColumnMapping, options: PresetOptions = {}): PresetRow {
      checkKind(kind);
      const trimmed = name.trim();
      if (!trimmed || trimmed.length > 200) {
        throw new TendError('invalid_input', 'A preset needs a name of 1 to 200 characters.', { field: 'name' });
      }
      // Validates the mapping and the value maps against the headers exactly as an import would.
      // (an empty preset: nothing automatic, the mapping given is the whole choice)
      const plan = planMapping(kind, [...headers], {
        fileName: trimmed,
        preset: { name: trimmed, mapping: {} },
        overrides: mapping,
        valueMaps: options.valueMaps,
        edges: segmentEdges(),
      });
      const saved: PresetOptions = {
        ...(Object.keys(plan.valueMaps).length ? { valueMaps: plan.valueMaps } : {}),
        ...(options.dateFormat ? { dateFormat: options.dateFormat } : {}),
      };
      sqlite
        .prepare(
          `INSERT INTO import_presets (name, kind, headers_key, mapping, options, created_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, headers_key = excluded.headers_key, mapping = excluded.mapping, options = excluded.options`,
        )
        .run(trimmed, kind, headersKey(headers), JSON.stringify(plan.mapping), JSON.stringify(saved), clock.now());
      return findPresetByName(trimmed)!;
    },

    listPresets(): PresetRow[] {
      return (sqlite.prepare(`SELECT ${PRESET_COLUMNS} FROM import_presets ORDER BY name`).all() as PresetRecord[]).map(presetOf);
    },
  };

  function findPresetByName(name: string): PresetRow | null {
    const row = sqlite.prepare(`SELECT ${PRESET_COLUMNS} FROM import_presets WHERE name = ?`).get(name) as PresetRecord | undefined;
    return row ? presetOf(row) : null;
  }
}

function ambiguousDatesError(csv: CsvFile, columns: string[]): TendError {
  const named = columns.map((c) => `"${c}"`).join(' and ');
  return new TendError(
    'import_failed',
    `${csv.name}: the dates in column ${named} could be day-first or month-first (like 03/04/2024), and no value in the column settles it. Run again with --date-format dmy (day/month/year) or --date-format mdy (month/day/year). Nothing was imported.`,
    { file: csv.name, columns, needs: 'dateFormat' },
  );
}

export type ImportService = ReturnType<typeof createImportService>;
