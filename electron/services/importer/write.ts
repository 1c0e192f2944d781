// Landing an import, and taking it back.
//
// landImportBatch writes a whole file's valid records in ONE transaction (SPEC: an import lands
// whole or changes nothing): an import_batches row, then each record through the one upsert path —
// the kind's spec (kinds.ts) locates the record it is about, the table store (table-store.ts)
// inserts it or compares it field by field under the run's update mode and writes what changed.
//
// Every written row points at the batch. An updated row's before-image goes to import_changes
// (once per batch), so undo can put it back; inserted rows need no image: they are the batch's rows
// without one. Rows a batch adds to other tables (follow-up reminders, churn events) are recorded as
// inserted (before = null), and undo removes them too.
//
// A dry run (the preview's count, --dry-run) goes the same way but writes nothing (table-store.ts
// keeps what it would have written in memory), which is how it counts new / updated / unchanged
// rows exactly without the cost of writing and rolling back.
import type { Database } from 'better-sqlite3';
import type { BatchKind, ImportKind } from '../../../shared/domain';
import { TendError } from '../../../shared/errors';
import { undoCaptureBatch } from '../capture/undo';
import { fieldLabel, formatStoredValue, type ShownChange } from '../../../shared/import/display';
import type { ServiceContext } from '../context';
import { refuseIfLaterBatchesChanged } from './undo-order';
import { TABLES, TABLE_OF_KIND, WRITERS, type Located } from './kinds';
import type { ColumnMapping } from './map';
import { cancelledError, type CancelSignal } from './read';
import type { Diff, FieldChange, Row, UpdateMode } from './table-store';
import type { ImportRecord, RowError } from './validate';

export type Outcome = 'new' | 'updated' | 'unchanged' | 'error';

export interface LandInput {
  kind: ImportKind;
  fileName: string;
  mapping: ColumnMapping;
  records: ImportRecord[];
  /** Problems found while validating (their rows are skipped). */
  rowErrors: RowError[];
  /** Rows validation rejected. */
  invalidRows: number;
  /** Header of each link column, for messages: field → header. */
  headerOf: (field: string) => string;
  startedAt: string;
  /** How updates treat what Tend already has (default 'keep-edits'). */
  updateMode?: UpdateMode;
  strict?: boolean;
  dryRun?: boolean;
  /** Record the outcome (and changes) of each data row up to this row number (the preview's rows). */
  outcomesThroughRow?: number;
  /** Also list the changes of the first this-many updated rows anywhere in the file (the preview). */
  listUpdates?: number;
  /** About how many rows the file has. */
  expectedRows?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: CancelSignal;
}

/** An updated (or kept) record's changes, for the preview and the CLI. */
export interface RecordUpdate {
  row: number;
  /** The record in a few words ("Acme", "call on 2024-03-01"). */
  record: string;
  changes: ShownChange[];
}

export interface LandResult {
  /** null for a dry run: nothing was kept. */
  batchId: number | null;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: RowError[];
  /** Accounts whose data changed (to rescore). */
  accountIds: number[];
  outcomes: Map<number, Outcome>;
  /** The changes of the rows up to outcomesThroughRow, by row. */
  changesByRow: Map<number, ShownChange[]>;
  /** The first listUpdates updated rows (and rows whose changes were all kept), with their changes. */
  updates: RecordUpdate[];
  /** Rows with at least one field Tend kept, and how many fields. */
  kept: { rows: number; fields: number };
  /** New rows that take a default, per field: "segment → smb: 12 rows". */
  defaults: { field: string; label: string; value: string; rows: number }[];
  /** Accounts this import lands churned (with their churn event). */
  churned: number;
  notes: string[];
}

const PROGRESS_EVERY = 2000;

class RollBack extends Error {}

function describeNotes(notes: Map<string, number>): string[] {
  const out: string[] = [];
  const contacts = notes.get('unmatchedContacts');
  if (contacts) out.push(`${contacts} touch contact${contacts === 1 ? '' : 's'} matched no contact of the account; the names were kept on the touches as a custom field`);
  const respondents = notes.get('unmatchedRespondents');
  if (respondents) out.push(`${respondents} respondent e-mail${respondents === 1 ? '' : 's'} matched no contact of the account; kept on the responses as a custom field`);
  return out;
}

/** Fields whose default a new row takes when it gives none, per kind (the preview says which). */
const REPORTED_DEFAULTS: Partial<Record<ImportKind, readonly string[]>> = {
  accounts: ['segment', 'stage', 'currency'],
  contacts: ['level', 'strength', 'isUser'],
};

function shown(kind: ImportKind, changes: FieldChange[], currency: string): ShownChange[] {
  return changes.map((c) => ({
    field: c.field,
    label: fieldLabel(kind, c.field),
    old: formatStoredValue(kind, c.field, c.old, currency),
    new: formatStoredValue(kind, c.field, c.new, currency),
    kept: c.kept,
    editedOn: c.editedAt ? c.editedAt.slice(0, 10) : null,
  }));
}

/** What a lander needs besides the records (landImportBatch takes them all at once). */
export type LanderInput = Omit<LandInput, 'records' | 'rowErrors' | 'invalidRows' | 'outcomesThroughRow'>;

/**
 * Lands records one at a time through the one upsert path. A dry run's lander is fed while the file
 * is read (nothing is written, so nothing needs a transaction, and no record outlives its chunk);
 * a real import's is fed inside landImportBatch's transaction.
 */
export function createLander(ctx: ServiceContext, input: LanderInput, batchId: number) {
  const { sqlite } = ctx;
  const dryRun = !!input.dryRun;
  const result: LandResult = {
    batchId: null,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    errors: [],
    accountIds: [],
    outcomes: new Map(),
    changesByRow: new Map(),
    updates: [],
    kept: { rows: 0, fields: 0 },
    defaults: [],
    churned: 0,
    notes: [],
  };
  const writeErrors: RowError[] = [];
  const touchedAccounts = new Set<number>();
  const notes = new Map<string, number>();
  const mode = input.updateMode ?? 'keep-edits';
  const listUpdates = input.listUpdates ?? 0;
  const reported = REPORTED_DEFAULTS[input.kind] ?? [];
  const defaultsTaken = new Map<string, number>(reported.map((f) => [f, 0]));
  const writer = WRITERS[input.kind]({
    sqlite,
    batchId,
    now: ctx.clock.now(),
    today: ctx.clock.today(),
    fileName: input.fileName,
    dryRun,
    mode,
    headerOf: input.headerOf,
    touchedAccounts,
    notes,
    expectedRows: input.expectedRows,
  });

  /** The one upsert path: locate, then insert or compare and update, then what the kind adds. */
  function upsert(record: ImportRecord, watch: boolean): Outcome | RowError {
    const located: Located | RowError = writer.locate(record);
    if ('message' in located) return located;
    if (located.id === undefined) {
      writer.prepare?.(located, null);
      for (const field of reported) if (located.values[field] === undefined) defaultsTaken.set(field, defaultsTaken.get(field)! + 1);
      const id = writer.store.insert(located.values, located.custom);
      writer.landed(id, located, 'new', null, null);
      // (a dry run rescores nothing: no need to collect 200,000 virtual ids)
      if (!dryRun) for (const account of writer.accountsOf(located, null, id, null)) touchedAccounts.add(account);
      return 'new';
    }
    const existing = writer.store.get(located.id);
    writer.prepare?.(located, existing);
    const diff: Diff = writer.store.diff(existing, located.values, located.custom, mode, writer.alsoChanged?.(located, existing) ?? false);
    writer.adjust?.(located, diff);
    writer.store.apply(existing, diff, writer.imageExtras?.(existing));
    const outcome = diff.writes ? 'updated' : 'unchanged';
    writer.landed(located.id, located, outcome, existing, diff);
    if (outcome === 'updated' && !dryRun) for (const account of writer.accountsOf(located, existing, located.id, diff)) touchedAccounts.add(account);
    noteChanges(record.row, located, existing, diff, watch);
    return outcome;
  }

  function noteChanges(row: number, located: Located, existing: Row, diff: Diff, watch: boolean): void {
    if (!diff.changes.length) return;
    const keptFields = diff.changes.filter((c) => c.kept).length;
    if (keptFields) {
      result.kept.rows++;
      result.kept.fields += keptFields;
    }
    if (!watch && result.updates.length >= listUpdates) return;
    const currency = String(existing.currency ?? located.values.currency ?? 'USD');
    const changes = shown(input.kind, diff.changes, currency);
    if (watch) result.changesByRow.set(row, changes);
    if (result.updates.length < listUpdates) result.updates.push({ row, record: writer.describe(located, existing), changes });
  }

  return {
    /** Lands one valid record; `watch`: remember its outcome and changes (a preview row). */
    land(record: ImportRecord, watch = false): void {
      const outcome = upsert(record, watch);
      if (typeof outcome === 'object') {
        writeErrors.push(outcome);
        result.skipped++;
        if (watch) result.outcomes.set(record.row, 'error');
        return;
      }
      if (outcome === 'new') result.inserted++;
      else if (outcome === 'updated') result.updated++;
      else result.unchanged++;
      if (watch) result.outcomes.set(record.row, outcome);
    },

    /** The result, once every record has landed; `rowErrors`/`invalidRows`: what validation refused. */
    finish(rowErrors: RowError[], invalidRows: number): LandResult {
      result.skipped += invalidRows;
      result.errors = mergeErrors(rowErrors, writeErrors);
      result.accountIds = dryRun ? [] : [...touchedAccounts];
      result.notes = describeNotes(notes);
      result.churned = notes.get('churned') ?? 0;
      result.defaults = reported
        .filter((field) => defaultsTaken.get(field)! > 0)
        .map((field) => {
          const column = TABLES[input.kind].columns.find((c) => c.field === field)!;
          return { field, label: fieldLabel(input.kind, field), value: formatStoredValue(input.kind, field, column.fallback), rows: defaultsTaken.get(field)! };
        });
      return result;
    },
  };
}

export type Lander = ReturnType<typeof createLander>;

/**
 * landImportBatch: the batch row and every valid record, in one transaction. With `strict`, any
 * row error throws a TendError and nothing is written; `dryRun` does all the work and writes nothing
 * (that is how the preview counts new, updated and unchanged rows exactly).
 */
export function landImportBatch(ctx: ServiceContext, input: LandInput): LandResult {
  const { sqlite } = ctx;
  const dryRun = !!input.dryRun;
  const total = input.records.length;
  const watchThrough = input.outcomesThroughRow ?? 0;
  let result: LandResult | null = null;

  const land = sqlite.transaction(() => {
    let batchId = 0;
    if (!dryRun) {
      const batch = sqlite
        .prepare('INSERT INTO import_batches (file_name, kind, mapping, started_at) VALUES (?, ?, ?, ?)')
        .run(input.fileName, input.kind, JSON.stringify(input.mapping), input.startedAt);
      batchId = Number(batch.lastInsertRowid);
    }
    const lander = createLander(ctx, input, batchId);
    for (let i = 0; i < total; i++) {
      const record = input.records[i];
      lander.land(record, record.row <= watchThrough);
      if ((i + 1) % PROGRESS_EVERY === 0) {
        input.onProgress?.(i + 1, total);
        if (input.signal?.aborted) throw cancelledError();
      }
    }
    input.onProgress?.(total, total);
    result = lander.finish(input.rowErrors, input.invalidRows);
    if (input.strict && result.errors.length) throw new RollBack();
    // A Cancel that came after the last chunk's check still wins: nothing is committed yet.
    if (input.signal?.aborted) throw cancelledError();
    if (dryRun) return;
    sqlite
      .prepare('UPDATE import_batches SET inserted = ?, updated = ?, skipped = ?, error_count = ?, finished_at = ? WHERE id = ?')
      .run(result.inserted, result.updated, result.skipped, result.errors.length, ctx.clock.now(), batchId);
    result.batchId = batchId;
  });

  try {
    // A dry run reads in one read transaction (a consistent view) and writes nothing.
    if (dryRun) land.deferred();
    else land.immediate();
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
    throw strictError(input.fileName, result!);
  }
  return result!;
}

function mergeErrors(a: RowError[], b: RowError[]): RowError[] {
  if (!b.length) return a;
  if (!a.length) return b;
  return [...a, ...b].sort((x, y) => x.row - y.row);
}

export function strictError(fileName: string, result: LandResult): TendError {
  const rows = new Set(result.errors.map((e) => e.row)).size;
  const first = result.errors[0];
  const where = first.column ? `row ${first.row}, column "${first.column}"` : `row ${first.row}`;
  return new TendError(
    'import_failed',
    `${fileName}: ${rows} row${rows === 1 ? ' has' : 's have'} problems, so nothing was imported (strict mode). The first: ${where}: ${first.message}. Fix the file, or import without strict mode (--strict in the CLI, "Import nothing if any row has an error" in the app) to land the valid rows and skip these.`,
    { file: fileName, errors: result.errors },
  );
}

// ---- Undo --------------------------------------------------------------------------------------

export interface BatchRow {
  id: number;
  fileName: string;
  kind: BatchKind;
  mapping: ColumnMapping;
  inserted: number;
  updated: number;
  skipped: number;
  errorCount: number;
  startedAt: string;
  finishedAt: string | null;
  undoneAt: string | null;
}

export function readBatch(sqlite: Database, batchId: number): BatchRow | undefined {
  const row = sqlite
    .prepare(
      `SELECT id, file_name AS fileName, kind, mapping, inserted, updated, skipped, error_count AS errorCount,
              started_at AS startedAt, finished_at AS finishedAt, undone_at AS undoneAt
       FROM import_batches WHERE id = ?`,
    )
    .get(batchId) as (Omit<BatchRow, 'mapping'> & { mapping: string }) | undefined;
  return row ? { ...row, mapping: JSON.parse(row.mapping) as ColumnMapping } : undefined;
}

export interface UndoResult {
  batchId: number;
  removed: number;
  restored: number;
  accountIds: number[];
}

/** Tables an import writes besides its kind's own (their rows are listed in import_changes). */
const SECONDARY_TABLES = new Set(['reminders', 'revenue_events']);

const DEPENDENTS: Partial<Record<ImportKind, { table: string; label: string; where: string; batchColumn: boolean }[]>> = {
  accounts: [
    { table: 'contacts', label: 'contact', where: 'account_id', batchColumn: true },
    { table: 'touches', label: 'touch', where: 'account_id', batchColumn: true },
    { table: 'metric_samples', label: 'metric sample', where: 'account_id', batchColumn: true },
    { table: 'revenue_events', label: 'revenue event', where: 'account_id', batchColumn: true },
    { table: 'survey_responses', label: 'survey response', where: 'account_id', batchColumn: true },
    { table: 'success_goals', label: 'success goal', where: 'account_id', batchColumn: false },
  ],
  contacts: [{ table: 'survey_responses', label: 'survey response', where: 'contact_id', batchColumn: true }],
};

/**
 * Removes what a batch inserted and puts back what it updated, in one transaction. Refuses, changing
 * nothing, when a later import changed the batch's rows (undo that one first) or when records this
 * import did not write hang off the records it would delete (deleting them would lose those).
 */
export function undoImportBatch(ctx: ServiceContext, batchId: number): UndoResult {
  const { sqlite } = ctx;
  const batch = readBatch(sqlite, batchId);
  if (!batch) throw new TendError('not_found', `There is no import #${batchId}. See the list of imports (tend imports).`, { batchId });
  const label = `Import #${batch.id} (${batch.kind} from ${batch.fileName})`;
  if (batch.undoneAt) {
    throw new TendError('conflict', `${label} was already undone on ${batch.undoneAt.slice(0, 10)}. Nothing was changed.`, { batchId });
  }
  // Meetings and messages captured from files (services/capture): touches and the contacts they made.
  if (batch.kind === 'capture') return undoCaptureBatch(sqlite, batch, ctx.clock.now());
  const table = TABLE_OF_KIND[batch.kind];

  refuseIfLaterBatchesChanged(sqlite, batchId, label, 'rows');

  const imagedIds = `SELECT row_id FROM import_changes WHERE batch_id = @batch AND table_name = '${table}' AND before IS NOT NULL`;
  const doomed = `SELECT id FROM ${table} WHERE import_batch_id = @batch AND id NOT IN (${imagedIds})`;
  const blockers: string[] = [];
  const blockingBatches = new Set<number>();
  for (const dep of DEPENDENTS[batch.kind] ?? []) {
    const others = dep.batchColumn ? ' AND import_batch_id IS NOT @batch' : '';
    const count = sqlite.prepare(`SELECT count(*) FROM ${dep.table} WHERE ${dep.where} IN (${doomed})${others}`).pluck().get({ batch: batchId }) as number;
    if (count > 0) {
      blockers.push(`${count} ${dep.label}${count === 1 ? '' : 's'}`);
      if (dep.batchColumn) {
        const ids = sqlite
          .prepare(`SELECT DISTINCT import_batch_id FROM ${dep.table} WHERE ${dep.where} IN (${doomed}) AND import_batch_id IS NOT NULL AND import_batch_id <> @batch`)
          .pluck()
          .all({ batch: batchId }) as number[];
        for (const id of ids) blockingBatches.add(id);
      }
    }
  }
  if (batch.kind === 'contacts') {
    const links = sqlite.prepare(`SELECT count(*) FROM touch_contacts WHERE contact_id IN (${doomed})`).pluck().get({ batch: batchId }) as number;
    if (links > 0) {
      blockers.push(`${links} touch link${links === 1 ? '' : 's'}`);
      const ids = sqlite
        .prepare(
          `SELECT DISTINCT t.import_batch_id FROM touch_contacts tc JOIN touches t ON t.id = tc.touch_id
           WHERE tc.contact_id IN (${doomed}) AND t.import_batch_id IS NOT NULL`,
        )
        .pluck()
        .all({ batch: batchId }) as number[];
      for (const id of ids) blockingBatches.add(id);
    }
  }
  if (blockers.length) {
    const imports = [...blockingBatches].sort((a, b) => a - b).map((id) => `#${id}`);
    throw new TendError(
      'conflict',
      `${label} cannot be undone yet: the ${batch.kind} it added now have ${blockers.join(', ')} that ${
        imports.length ? `later imports (${imports.join(', ')}) or you` : 'you'
      } added, and they would be deleted with them. ${imports.length ? `Undo ${imports.join(', ')} first` : 'Delete those records first'}, then try again. Nothing was changed.`,
      { batchId, blockingBatches: [...blockingBatches] },
    );
  }

  const accountIds = new Set<number>();
  const columnsOf = new Map<string, Set<string>>();
  const columns = (name: string) => {
    let set = columnsOf.get(name);
    if (!set) {
      set = new Set((sqlite.prepare(`SELECT name FROM pragma_table_info('${name}')`).pluck().all() as string[]).filter((c) => c !== 'id'));
      columnsOf.set(name, set);
    }
    return set;
  };
  let removed = 0;
  let restored = 0;
  sqlite.transaction(() => {
    const accountColumn = batch.kind === 'accounts' ? 'id' : 'account_id';
    for (const id of sqlite.prepare(`SELECT ${accountColumn} FROM ${table} WHERE import_batch_id = ?`).pluck().all(batchId) as number[]) {
      accountIds.add(id);
    }
    // Rows the import added to other tables (follow-up reminders, churn events), then its own rows.
    const added = sqlite
      .prepare('SELECT table_name AS tableName, row_id AS rowId FROM import_changes WHERE batch_id = ? AND before IS NULL')
      .all(batchId) as { tableName: string; rowId: number }[];
    for (const { tableName, rowId } of added) {
      if (!SECONDARY_TABLES.has(tableName)) continue;
      const accountId = sqlite.prepare(`SELECT account_id FROM ${tableName} WHERE id = ?`).pluck().get(rowId) as number | undefined;
      if (accountId !== undefined) accountIds.add(accountId);
      sqlite.prepare(`DELETE FROM ${tableName} WHERE id = ?`).run(rowId);
    }
    removed = sqlite.prepare(`DELETE FROM ${table} WHERE id IN (${doomed})`).run({ batch: batchId }).changes;

    const images = sqlite
      .prepare('SELECT table_name AS tableName, row_id AS rowId, before FROM import_changes WHERE batch_id = ? AND before IS NOT NULL ORDER BY id')
      .all(batchId) as { tableName: string; rowId: number; before: string }[];
    const unlink = sqlite.prepare('DELETE FROM touch_contacts WHERE touch_id = ?');
    const relink = sqlite.prepare('INSERT OR IGNORE INTO touch_contacts (touch_id, contact_id) SELECT ?, id FROM contacts WHERE id = ?');
    for (const image of images) {
      if (image.tableName !== table && !SECONDARY_TABLES.has(image.tableName)) continue;
      const before = JSON.parse(image.before) as Row;
      const known = columns(image.tableName);
      const names = Object.keys(before).filter((c) => known.has(c));
      const changes = sqlite
        .prepare(`UPDATE ${image.tableName} SET ${names.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`)
        .run(...names.map((c) => before[c] as string | number | null), image.rowId).changes;
      if (image.tableName === table) restored += changes;
      if (Array.isArray(before.$contactIds)) {
        unlink.run(image.rowId);
        for (const contactId of before.$contactIds as number[]) relink.run(image.rowId, contactId);
      }
      if (typeof before.account_id === 'number') accountIds.add(before.account_id);
    }
    sqlite.prepare('UPDATE import_batches SET undone_at = ? WHERE id = ?').run(ctx.clock.now(), batchId);
  })();

  const surviving = [...accountIds].filter(
    (id) => sqlite.prepare('SELECT 1 FROM accounts WHERE id = ?').get(id) !== undefined,
  );
  return { batchId, removed, restored, accountIds: surviving };
}
