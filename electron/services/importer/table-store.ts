// The one upsert path every import kind goes through (issue 14, item 6): a table described as data —
// its columns, the field each takes, the insert defaults, where the app records its own edits — and
// a store over it that inserts, finds, compares and updates rows the same way for every kind.
//
// Updates follow the run's update mode (issue 17): 'overwrite' writes what the file says; 'fill-empty'
// only fills what is empty in Tend; 'keep-edits' (the default) fills what is empty in fields the CSM
// last edited in the app (accounts' and contacts' edited_in_app) and follows the file elsewhere.
// Every changed field is reported old → new, the ones kept too, so the preview can show them.
// A field the import writes is no longer "edited in the app": its edit mark is dropped.
//
// A dry run (the preview's count, `--dry-run`) writes nothing: rows it would insert or update live
// in an overlay (virtual negative ids), so a file naming the same row twice is counted as it would
// land, without the cost of writing and rolling back.
import type { Database, Statement } from 'better-sqlite3';
import type { FieldValue } from './validate';

export type Row = Record<string, unknown>;
export type UpdateMode = 'keep-edits' | 'overwrite' | 'fill-empty';
export const UPDATE_MODES: readonly UpdateMode[] = ['keep-edits', 'overwrite', 'fill-empty'];

export interface ColumnSpec {
  /** The import field a record's value comes from. */
  field: string;
  column: string;
  /** The name the app records its edits of this column under (edited_in_app). */
  prop?: string;
  /**
   * The schema's default (a row that does not give the field leaves the column out of its insert, so
   * the schema applies it; the dry run and the preview use this value).
   */
  fallback?: string | number;
  /** Stored as JSON text (lists). */
  json?: boolean;
}

export interface TableSpec {
  table: string;
  columns: readonly ColumnSpec[];
  timestamps: boolean;
  /** The table records which fields the CSM edited in the app (edited_in_app). */
  editedInApp: boolean;
  /** Columns every inserted row gets (the row's source, say). */
  constants?: Record<string, string | number>;
}

/** One field an update changes (or would, but keeps what Tend has). Values as stored. */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
  /** Tend's value stays: the field was edited in the app (keep-edits) or is not empty (fill-empty). */
  kept: boolean;
  /** When the CSM last edited the field in the app, if they did. */
  editedAt: string | null;
}

export interface Diff {
  changes: FieldChange[];
  /** Something will be written (a change not kept, a custom field, or a change outside the columns). */
  writes: boolean;
  /** column → new value, for the update. */
  set: Map<string, unknown>;
  custom: string | null;
  editedInApp: string | null;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

export const storedValue = (v: FieldValue | null | undefined, json?: boolean): unknown =>
  v === undefined || v === null ? null : json ? JSON.stringify(v) : typeof v === 'boolean' ? (v ? 1 : 0) : v;

function hasKeys(object: object): boolean {
  for (const key in object) if (Object.hasOwn(object, key)) return true;
  return false;
}

/** The first virtual id (AMBIGUOUS, −1, marks a name two rows share in the lookups). */
const FIRST_VIRTUAL_ID = -2;

export class TableStore {
  private readonly byIdStatement: Statement;
  private readonly saveImage: Statement;
  private readonly updates = new Map<string, Statement>();
  /** Dry run: rows this run would have updated, by id; and the ones it would have inserted, by virtual id. */
  private readonly overlay = new Map<number, Row>();
  /** A would-be row is kept as the record's own values (no copy); built into a row only if asked for again. */
  private readonly virtualValues: Record<string, unknown>[] = [];
  /** Their custom fields, by index, for the rows that have any. */
  private readonly virtualCustom = new Map<number, Record<string, string>>();
  private readonly virtualRows = new Map<number, Row>();
  private readonly overlayKeys = new Map<string, number>();

  constructor(
    private readonly sqlite: Database,
    readonly spec: TableSpec,
    private readonly batchId: number,
    private readonly now: string,
    readonly dryRun: boolean,
  ) {
    this.byIdStatement = sqlite.prepare(`SELECT * FROM ${spec.table} WHERE id = ?`);
    this.saveImage = sqlite.prepare('INSERT INTO import_changes (batch_id, table_name, row_id, before) VALUES (?, ?, ?, ?)');
    // The columns every insert sets besides the fields: constants, custom fields, batch, timestamps.
    this.fixedColumns = [...Object.keys(spec.constants ?? {}), 'custom_fields', 'import_batch_id', ...(spec.timestamps ? ['created_at', 'updated_at'] : [])];
    this.fixedArgs = [...Object.values(spec.constants ?? {}), '{}', batchId, ...(spec.timestamps ? [now, now] : [])];
  }

  private readonly fixedColumns: string[];
  private readonly fixedArgs: unknown[];
  /** Where custom_fields sits among the fixed columns. */
  private get customAt(): number {
    return Object.keys(this.spec.constants ?? {}).length;
  }
  /**
   * Insert statements by the set of fields a row gives (a bit each): a field a row does not give is
   * left out, so the column takes the schema's default — a file's rows mostly share one shape, and a
   * statement binding 9 values instead of 19 is a good part of a 200,000-row import.
   */
  private readonly inserts = new Map<number, { statement: Statement; columns: number[]; args: unknown[] }>();

  private insertFor(shape: number) {
    let insert = this.inserts.get(shape);
    if (!insert) {
      const columns = this.spec.columns.map((_, i) => i).filter((i) => shape & (1 << i));
      const names = [...columns.map((i) => this.spec.columns[i].column), ...this.fixedColumns];
      const statement = this.sqlite.prepare(`INSERT INTO ${this.spec.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
      // One argument array per shape, refilled for every row: no allocation per row.
      insert = { statement, columns, args: [...columns.map(() => null), ...this.fixedArgs] };
      this.inserts.set(shape, insert);
    }
    return insert;
  }

  /** The row as it stands (in a dry run, as this run would have left it). */
  get(id: number): Row {
    if (id <= FIRST_VIRTUAL_ID) {
      let row = this.virtualRows.get(id);
      if (!row) {
        const index = FIRST_VIRTUAL_ID - id;
        row = this.rowOf(id, this.virtualValues[index] as Record<string, FieldValue>, this.virtualCustom.get(index) ?? {});
        this.virtualRows.set(id, row);
      }
      return row;
    }
    return this.overlay.get(id) ?? (this.byIdStatement.get(id) as Row);
  }

  /** A dry run's would-be rows (from the `from`th on): one field of each, with its virtual id. */
  *virtual(field: string, from = 0): Iterable<[unknown, number]> {
    const column = this.spec.columns.find((c) => c.field === field)!.column;
    for (let i = from; i < this.virtualValues.length; i++) {
      const id = FIRST_VIRTUAL_ID - i;
      const built = this.virtualRows.get(id);
      yield [built ? built[column] : this.virtualValues[i][field], id];
    }
  }

  /** Inserts with the defaults for what the record does not give; returns the id (virtual in a dry run). */
  insert(values: Record<string, unknown>, custom: Record<string, string>): number {
    if (this.dryRun) {
      // The row is built only if it is asked for again (a file naming the same record twice).
      const index = this.virtualValues.push(values) - 1;
      if (hasKeys(custom)) this.virtualCustom.set(index, custom);
      return FIRST_VIRTUAL_ID - index;
    }
    const { columns } = this.spec;
    let shape = 0;
    for (let i = 0; i < columns.length; i++) if (values[columns[i].field] !== undefined) shape |= 1 << i;
    const insert = this.insertFor(shape);
    const args = insert.args;
    const given = insert.columns;
    for (let k = 0; k < given.length; k++) {
      const c = columns[given[k]];
      args[k] = storedValue(values[c.field] as FieldValue, c.json);
    }
    args[given.length + this.customAt] = hasKeys(custom) ? JSON.stringify(custom) : '{}';
    return Number(insert.statement.run(args).lastInsertRowid);
  }

  /**
   * What an update would change, field by field, under the run's update mode. `alsoChanged` marks a
   * change the columns do not show (a touch's new contact links).
   */
  diff(existing: Row, values: Record<string, unknown>, custom: Record<string, string>, mode: UpdateMode, alsoChanged = false): Diff {
    // Which fields the CSM edited in the app: read only when a field differs (most rows of a re-import do not).
    let edited: Record<string, string> | null = null;
    const editedMap = () => (edited ??= this.spec.editedInApp ? (JSON.parse((existing.edited_in_app as string) || '{}') as Record<string, string>) : {});
    const changes: FieldChange[] = [];
    const set = new Map<string, unknown>();
    let dropEdits = false;
    for (const c of this.spec.columns) {
      const v = values[c.field];
      if (v === undefined) continue;
      const next = storedValue(v as FieldValue, c.json);
      const current = existing[c.column];
      if (next === current) continue;
      const editedAt = (c.prop && editedMap()[c.prop]) || null;
      const kept = mode === 'fill-empty' ? !isEmpty(current) : mode === 'keep-edits' ? editedAt !== null && !isEmpty(current) : false;
      changes.push({ field: c.field, old: current, new: next, kept, editedAt });
      if (kept) continue;
      set.set(c.column, next);
      if (editedAt !== null) {
        delete editedMap()[c.prop!]; // the field follows the file again
        dropEdits = true;
      }
    }
    let customJson: string | null = null;
    if (hasKeys(custom)) {
      const current = JSON.parse((existing.custom_fields as string) || '{}') as Record<string, string>;
      const editedAt = editedMap().customFields ?? null;
      let changed = false;
      for (const key in custom) {
        if (current[key] === custom[key]) continue;
        const kept = mode === 'fill-empty' ? !isEmpty(current[key]) : mode === 'keep-edits' ? editedAt !== null && !isEmpty(current[key]) : false;
        changes.push({ field: key, old: current[key] ?? null, new: custom[key], kept, editedAt });
        if (kept) continue;
        current[key] = custom[key];
        changed = true;
      }
      if (changed) customJson = JSON.stringify(current);
    }
    return {
      changes,
      writes: alsoChanged || set.size > 0 || customJson !== null,
      set,
      custom: customJson,
      editedInApp: dropEdits ? JSON.stringify(editedMap()) : null,
    };
  }

  /** Writes a diff (nothing when it writes nothing); the row's before-image goes to import_changes once per batch. */
  apply(existing: Row, diff: Diff, imageExtras?: Row): void {
    if (!diff.writes) return;
    const id = existing.id as number;
    if (this.dryRun) {
      const row: Row = { ...existing };
      for (const [column, value] of diff.set) row[column] = value;
      if (diff.custom !== null) row.custom_fields = diff.custom;
      if (id <= FIRST_VIRTUAL_ID) this.virtualRows.set(id, row);
      else this.overlay.set(id, row);
      return;
    }
    if (existing.import_batch_id !== this.batchId) {
      this.saveImage.run(this.batchId, this.spec.table, id, JSON.stringify(imageExtras ? { ...existing, ...imageExtras } : existing));
    }
    const columns = [...diff.set.keys()];
    const args: unknown[] = [...diff.set.values()];
    if (diff.custom !== null) {
      columns.push('custom_fields');
      args.push(diff.custom);
    }
    if (diff.editedInApp !== null) {
      columns.push('edited_in_app');
      args.push(diff.editedInApp);
    }
    columns.push('import_batch_id');
    args.push(this.batchId);
    if (this.spec.timestamps) {
      columns.push('updated_at');
      args.push(this.now);
    }
    const key = columns.join(',');
    let update = this.updates.get(key);
    if (!update) {
      update = this.sqlite.prepare(`UPDATE ${this.spec.table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
      this.updates.set(key, update);
    }
    update.run(...args, id);
  }

  /**
   * A natural-key lookup: `find` asks the database; in a dry run the rows this run would have
   * written (remembered under `key`) are looked at first.
   */
  findByKey(key: string, find: () => Row | undefined): Row | undefined {
    if (this.dryRun) {
      const id = this.overlayKeys.get(key);
      if (id !== undefined) return this.get(id);
    }
    return find();
  }

  /** Remembers a row a dry run would have written under its natural key (a no-op when writing). */
  rememberKey(key: string, id: number): void {
    if (this.dryRun) this.overlayKeys.set(key, id);
  }

  private rowOf(id: number, values: Record<string, FieldValue>, custom: Record<string, string>): Row {
    const row: Row = { id, custom_fields: hasKeys(custom) ? JSON.stringify(custom) : '{}', import_batch_id: this.batchId, edited_in_app: '{}' };
    for (const c of this.spec.columns) {
      const v = values[c.field];
      row[c.column] = v === undefined ? (c.fallback ?? null) : storedValue(v, c.json);
    }
    Object.assign(row, this.spec.constants ?? {});
    return row;
  }
}
