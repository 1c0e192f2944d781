// Every money change is one transaction and can be undone. A change is written through a recorder
// that keeps each row's before- and after-image; Undo puts the rows back in reverse order — deletes
// what the change inserted, re-inserts what it deleted, and restores the columns it changed — after
// checking that nothing touched them since (a later edit is never silently overwritten). The log
// lives as long as the services (the app's session), like the touch and contact trash.
import { TendError } from '../../../shared/errors';
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../db/open';

export type Row = Record<string, unknown>;

/** The tables a money change may write. */
export const MONEY_TABLES = ['accounts', 'revenue_events', 'renewals', 'opportunities', 'triage_cases', 'survey_responses', 'metric_samples'] as const;
export type MoneyTable = (typeof MONEY_TABLES)[number];

const WHAT: Record<MoneyTable, string> = {
  accounts: 'the account',
  revenue_events: 'a revenue event',
  renewals: 'the renewal',
  opportunities: 'the opportunity',
  triage_cases: 'the triage case',
  survey_responses: 'the survey response',
  metric_samples: 'the metric sample',
};

interface Op {
  table: MoneyTable;
  id: number;
  before: Row | null;
  after: Row | null;
}

export interface Recorder {
  get(table: MoneyTable, id: number): Row | undefined;
  insert(table: MoneyTable, values: Row): number;
  /** Writes only the columns that differ; returns whether anything changed. */
  update(table: MoneyTable, id: number, patch: Row): boolean;
  remove(table: MoneyTable, id: number): void;
}

export interface RecordedChange {
  changeId: number;
  accountId: number;
  summary: string;
}

/** How many changes of a session can be undone. */
export const UNDO_DEPTH = 50;

// Columns a restore never compares: they move on every write.
const VOLATILE = new Set(['updated_at']);

export function createChangeLog(sqlite: Sqlite, now: () => string) {
  const log = new Map<number, { accountId: number; summary: string; ops: Op[] }>();
  let nextId = 1;
  const statements = new Map<string, Statement<unknown[]>>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = sqlite.prepare<unknown[]>(sql)));
    return statement;
  };
  const read = (table: MoneyTable, id: number) => prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  const insertRow = (table: MoneyTable, row: Row): number => {
    const keys = Object.keys(row);
    const sql = `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`;
    return Number(prepare(sql).run(...keys.map((k) => row[k])).lastInsertRowid);
  };
  const updateRow = (table: MoneyTable, id: number, patch: Row) => {
    const keys = Object.keys(patch);
    prepare(`UPDATE ${table} SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(...keys.map((k) => patch[k]), id);
  };

  function recorder(ops: Op[]): Recorder {
    return {
      get: read,
      insert(table, values) {
        const id = insertRow(table, values);
        ops.push({ table, id, before: null, after: read(table, id)! });
        return id;
      },
      update(table, id, patch) {
        const before = read(table, id);
        if (!before) throw new TendError('not_found', `${WHAT[table]} ${id} no longer exists.`);
        const changed = Object.fromEntries(Object.entries(patch).filter(([k, v]) => before[k] !== v));
        if (Object.keys(changed).every((k) => VOLATILE.has(k))) return false;
        updateRow(table, id, changed);
        ops.push({ table, id, before, after: read(table, id)! });
        return true;
      },
      remove(table, id) {
        const before = read(table, id);
        if (!before) return;
        prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
        ops.push({ table, id, before, after: null });
      },
    };
  }

  const changedColumns = (op: Op) =>
    Object.keys(op.after!).filter((k) => !VOLATILE.has(k) && op.before![k] !== op.after![k]);
  const sameRow = (a: Row, b: Row) => Object.keys(b).every((k) => VOLATILE.has(k) || a[k] === b[k]);

  function conflict(op: Op, summary: string): never {
    throw new TendError(
      'conflict',
      `“${summary}” can no longer be undone: ${WHAT[op.table]} it changed was changed again after it. Nothing was undone; undo the later change first, or edit it by hand.`,
      { table: op.table, id: op.id },
    );
  }

  return {
    /** Runs `work` in one transaction through a recorder; the change can be undone by its id. */
    record(accountId: number, work: (rec: Recorder) => string): RecordedChange {
      const ops: Op[] = [];
      const summary = sqlite.transaction(() => work(recorder(ops)))();
      const changeId = nextId++;
      log.set(changeId, { accountId, summary, ops });
      if (log.size > UNDO_DEPTH) log.delete(log.keys().next().value!);
      return { changeId, accountId, summary };
    },

    /** Takes a change back, whole, in one transaction. */
    undo(changeId: number): { accountId: number; summary: string } {
      const entry = log.get(changeId);
      if (!entry) {
        throw new TendError(
          'not_found',
          `That change can no longer be undone: only the last ${UNDO_DEPTH} money changes made since Tend opened this database can be.`,
          { changeId },
        );
      }
      try {
        restore(entry);
      } catch (err) {
        // A row made since takes the place the undo would restore (e.g. a renewal opened again).
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new TendError('conflict', `“${entry.summary}” can no longer be undone: something made since takes the place of what it would put back. Nothing was undone.`, {
            changeId,
          });
        }
        throw err;
      }
      log.delete(changeId);
      return { accountId: entry.accountId, summary: entry.summary };
    },
  };

  /** Puts the rows of a change back, newest first, in one transaction. */
  function restore(entry: { summary: string; ops: Op[] }): void {
    sqlite.transaction(() => {
      for (const op of [...entry.ops].reverse()) {
        const current = read(op.table, op.id);
        if (op.after === null) {
          if (current) conflict(op, entry.summary);
          insertRow(op.table, op.before!);
        } else if (op.before === null) {
          if (!current || !sameRow(current, op.after)) conflict(op, entry.summary);
          prepare(`DELETE FROM ${op.table} WHERE id = ?`).run(op.id);
        } else {
          const columns = changedColumns(op);
          if (!current || columns.some((k) => current[k] !== op.after![k])) conflict(op, entry.summary);
          const patch: Row = Object.fromEntries(columns.map((k) => [k, op.before![k]]));
          if ('updated_at' in current) patch.updated_at = now();
          if (columns.length) updateRow(op.table, op.id, patch);
        }
      }
    })();
  }
}

export type ChangeLog = ReturnType<typeof createChangeLog>;
