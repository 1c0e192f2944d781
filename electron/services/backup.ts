// Backups with SQLite's online backup API (consistent even while the app writes), kept next to the
// database in `<folder>/backups/`: before every migration, on a daily rotation (7 daily + 4 weekly),
// and on demand. Restore validates the candidate first and backs up the current file before replacing it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { TendError } from '../../shared/errors';
import type { Sqlite } from '../db/open';

export const DAILY_KEEP = 7;
export const WEEKLY_KEEP = 4;

export function backupFolderFor(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), 'backups');
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** `<folder>/backups/<name>.<label>-<timestamp>.db` — never overwrites an earlier backup. */
export function backupPathFor(dbFile: string, label: string, when = new Date()): string {
  const base = path.basename(dbFile).replace(/\.[^.]+$/, '');
  return path.join(backupFolderFor(dbFile), `${base}.${label}-${stamp(when)}.db`);
}

/** Copies a live database to `destination` with the online backup API. */
export async function backupFile(sqlite: Sqlite, destination: string): Promise<string> {
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  if (fs.existsSync(destination)) {
    throw new TendError('conflict', `${destination} already exists. Choose another file name for the backup.`, {
      file: destination,
    });
  }
  await sqlite.backup(destination);
  return destination;
}

export interface BackupEntry {
  file: string;
  label: string;
  date: string; // YYYY-MM-DD
  /** When the backup was taken, from its file name (UTC). */
  takenAt: Date;
}

/** Inverse of stamp(): `2026-11-24T06-25-34-123Z` → the Date. */
function parseStamp(text: string): Date {
  const [, day, h, m, s, ms] = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(text) ?? [];
  return day ? new Date(`${day}T${h}:${m}:${s}.${ms}Z`) : new Date(Number.NaN);
}

export function listBackups(dbFile: string): BackupEntry[] {
  const folder = backupFolderFor(dbFile);
  if (!fs.existsSync(folder)) return [];
  const base = path.basename(dbFile).replace(/\.[^.]+$/, '');
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.([a-z-]+?)-((\\d{4}-\\d{2}-\\d{2})T[\\d-]+Z)\\.db$`);
  return fs
    .readdirSync(folder)
    .map((name) => {
      const match = pattern.exec(name);
      return match ? { file: path.join(folder, name), label: match[1], date: match[3], takenAt: parseStamp(match[2]) } : null;
    })
    .filter((entry): entry is BackupEntry => entry !== null)
    // Newest first across all kinds (the name starts with the kind, so a name sort would not do).
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.file.localeCompare(a.file));
}

/**
 * The daily rotation: one 'daily' backup per calendar day; keeps the newest DAILY_KEEP days and,
 * beyond them, the newest backup of each of WEEKLY_KEEP ISO weeks. Other labels are never pruned.
 */
export async function rotateDailyBackup(sqlite: Sqlite, dbFile: string, now = new Date()): Promise<string | null> {
  const today = now.toISOString().slice(0, 10);
  const daily = listBackups(dbFile).filter((entry) => entry.label === 'daily');
  let made: string | null = null;
  if (!daily.some((entry) => entry.date === today)) {
    made = await backupFile(sqlite, backupPathFor(dbFile, 'daily', now));
  }
  pruneDailyBackups(listBackups(dbFile).filter((entry) => entry.label === 'daily'));
  return made;
}

function weekKey(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  const monday = new Date(day);
  monday.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return monday.toISOString().slice(0, 10);
}

function pruneDailyBackups(daily: BackupEntry[]): void {
  const newestFirst = [...daily].sort((a, b) => b.date.localeCompare(a.date));
  const keep = new Set<string>();
  const days = new Set<string>();
  for (const entry of newestFirst) {
    if (days.size < DAILY_KEEP && !days.has(entry.date)) {
      days.add(entry.date);
      keep.add(entry.file);
    }
  }
  const weeks = new Set<string>();
  for (const entry of newestFirst) {
    if (days.has(entry.date)) continue;
    const week = weekKey(entry.date);
    if (weeks.size < WEEKLY_KEEP && !weeks.has(week)) {
      weeks.add(week);
      keep.add(entry.file);
    }
  }
  for (const entry of newestFirst) if (!keep.has(entry.file)) fs.rmSync(entry.file, { force: true });
}

/** Before every import (issue 7): a 'pre-import' copy, keeping the newest `keep` of them. */
export async function backupBeforeImport(sqlite: Sqlite, dbFile: string, keep = 5): Promise<string> {
  const made = await backupFile(sqlite, backupPathFor(dbFile, 'pre-import'));
  const old = listBackups(dbFile).filter((entry) => entry.label === 'pre-import').slice(keep);
  for (const entry of old) fs.rmSync(entry.file, { force: true });
  return made;
}

/**
 * A read-only connection that leaves nothing behind: on a WAL-mode file (every Tend file and backup)
 * it creates -wal/-shm it cannot remove on close, so close() removes those it created (the -wal is
 * empty: a read-only connection never writes frames).
 */
function openReadOnly(file: string, nativeBinding: string | undefined): { db: Sqlite; close(): void } {
  const created = [`${file}-wal`, `${file}-shm`].filter((side) => !fs.existsSync(side));
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  return {
    db,
    close() {
      db.close();
      for (const side of created) {
        if (fs.existsSync(side) && (side.endsWith('-shm') || fs.statSync(side).size === 0)) fs.rmSync(side);
      }
    },
  };
}

/** Runs `use` on a read-only connection to `file` (see openReadOnly). */
export function withReadOnly<T>(file: string, nativeBinding: string | undefined, use: (db: Sqlite) => T): T {
  const connection = openReadOnly(file, nativeBinding);
  try {
    return use(connection.db);
  } finally {
    connection.close();
  }
}

/**
 * Refuses a restore candidate that is not a readable, undamaged Tend database; returns the
 * created_at of its last applied migration (its schema version) so callers can refuse a newer one.
 */
export function validateBackupCandidate(file: string, nativeBinding?: string): { lastMigration: number } {
  if (!fs.existsSync(file)) {
    throw new TendError('file_not_found', `${file} does not exist. Choose the backup file to restore.`, { file });
  }
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, head, 0, 16, 0);
  fs.closeSync(fd);
  if (!head.equals(Buffer.from('SQLite format 3\0', 'latin1'))) {
    throw new TendError('db_not_a_database', `${file} is not a Tend backup (not an SQLite file). Nothing was changed.`, {
      file,
    });
  }
  return withReadOnly(file, nativeBinding, (candidate) => {
    const check = candidate.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new TendError('db_corrupt', `${file} is damaged (quick_check: ${String(check)}). Nothing was changed.`, {
        file,
      });
    }
    const hasAccounts = candidate
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name IN ('accounts', '__drizzle_migrations')")
      .all();
    if (hasAccounts.length < 2) {
      throw new TendError('db_not_a_database', `${file} is an SQLite file but not a Tend database. Nothing was changed.`, {
        file,
      });
    }
    const last = candidate.prepare('SELECT max(created_at) FROM __drizzle_migrations').pluck().get();
    return { lastMigration: Number(last ?? 0) };
  });
}

/** Writes the whole of `source` into `destination` (replacing its pages) with the backup API. */
export async function copyDatabase(source: string, destination: string, nativeBinding?: string): Promise<void> {
  const from = openReadOnly(source, nativeBinding);
  try {
    await from.db.backup(destination);
  } finally {
    from.close();
  }
}

/**
 * Replaces `dbFile` with `source`: validates the source, backs up the current file (if any) as
 * 'pre-restore', then copies the source in with the backup API. The caller reopens (and migrates).
 */
export async function restoreDatabase(
  dbFile: string,
  source: string,
  options: { nativeBinding?: string } = {},
): Promise<{ restoredFrom: string; previousCopy: string | null }> {
  validateBackupCandidate(source, options.nativeBinding);
  let previousCopy: string | null = null;
  if (fs.existsSync(dbFile) && fs.statSync(dbFile).size > 0) {
    const current = new Database(dbFile, { fileMustExist: true, nativeBinding: options.nativeBinding });
    try {
      previousCopy = await backupFile(current, backupPathFor(dbFile, 'pre-restore'));
    } finally {
      current.close();
    }
  }
  await copyDatabase(source, dbFile, options.nativeBinding);
  return { restoredFrom: source, previousCopy };
}
