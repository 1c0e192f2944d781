// Opening a Tend database: refuse anything that is not a healthy Tend file *before* writing a byte,
// back the file up before any migration, then migrate. Used by the desktop app and the CLI alike;
// plain Node (the Electron build passes its own better-sqlite3 binary through `nativeBinding`).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { RESTORE_FROM_BACKUP, TendError } from '../../shared/errors';
import * as schema from './schema';
import { backupFile, backupPathFor } from '../services/backup';

export type TendDb = BetterSQLite3Database<typeof schema>;
export type Sqlite = Database.Database;

export interface OpenOptions {
  /** Folder holding drizzle's SQL files and meta/_journal.json. */
  migrationsFolder: string;
  /** Path to a better_sqlite3.node built for the running runtime (the Electron build). */
  nativeBinding?: string;
  /** Create the parent folder when missing (true for the app's own data folder). */
  createFolder?: boolean;
  /** Milliseconds to wait for another process's lock before giving up. */
  busyTimeoutMs?: number;
  /**
   * Run SQLite's quick_check before anything else (the default). It reads the whole file — 0.7 s
   * for a 240 MB book of 10,000 accounts — so the CLI's reading commands skip it: damage on a page
   * they read still fails the read as SQLITE_CORRUPT, which databaseErrorOf reports the same way.
   */
  quickCheck?: boolean;
}

export interface OpenedDatabase {
  file: string;
  sqlite: Sqlite;
  db: TendDb;
  /** Backup taken before migrating, if a migration ran on an existing file. */
  preMigrationBackup: string | null;
  close(): void;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

interface JournalEntry {
  when: number;
  tag: string;
}

function readJournal(migrationsFolder: string): JournalEntry[] {
  const journalPath = path.join(migrationsFolder, 'meta', '_journal.json');
  if (!fs.existsSync(journalPath)) {
    throw new TendError('internal', `Tend's migrations are missing (${journalPath}). Reinstall Tend.`);
  }
  return (JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: JournalEntry[] }).entries;
}

/** The schema version this Tend knows: created_at of its newest migration. Newer files are refused. */
export function newestKnownMigration(migrationsFolder: string): number {
  return Math.max(...readJournal(migrationsFolder).map((entry) => entry.when));
}

/** Checks the first 16 bytes without opening the file for writing. Empty files count as new. */
function assertLooksLikeSqlite(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const read = fs.readSync(fd, head, 0, 16, 0);
    if (read === 0) return;
    if (read < 16 || !head.equals(SQLITE_HEADER)) {
      throw new TendError(
        'db_not_a_database',
        `${file} is not a Tend database (it is not an SQLite file). Nothing was changed. Choose a .db file made by Tend, or a new file name to start a new database.`,
        { file },
      );
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Refuses, before SQLite touches anything, a file or folder this user cannot write. SQLite would
 * otherwise fall back to a read-only connection on a 0444 file (the open "succeeds", writes fail
 * later) and leave -wal/-shm files behind; in WAL mode it also needs to create those beside the file.
 * (root passes access() everywhere — and can indeed write.)
 */
function assertWritable(file: string, existed: boolean): void {
  if (existed && !canAccess(file, fs.constants.R_OK | fs.constants.W_OK)) {
    throw new TendError(
      'db_read_only',
      `${file} is read-only for you, and Tend needs to write to its database. Nothing was changed. Get write access to it (chmod u+w on a file that is yours) or copy it to a folder you can write to and open the copy.`,
      { file },
    );
  }
  const folder = path.dirname(file);
  if (!canAccess(folder, fs.constants.W_OK | fs.constants.X_OK)) {
    throw new TendError(
      'db_read_only',
      `The folder ${folder} is read-only for you, and Tend must create its journal files (${path.basename(file)}-wal, -shm) beside ${path.basename(file)}. Nothing was changed. Make the folder writable or move the database to a folder you can write to.`,
      { file },
    );
  }
}

function canAccess(target: string, mode: number): boolean {
  try {
    fs.accessSync(target, mode);
    return true;
  } catch {
    return false;
  }
}

/** `file` is damaged (`detail`: what SQLite said): what to do about it. */
export function damagedDatabase(file: string, detail: string): TendError {
  return new TendError(
    'db_corrupt',
    `${file} is damaged (${detail}). Nothing was changed. ${RESTORE_FROM_BACKUP}`,
    { file },
  );
}

/** An SQLite failure on `file` as what the user reads (damaged, not a database, locked…); other errors as they are. */
export function databaseErrorOf(err: unknown, file: string): TendError {
  if (err instanceof TendError) return err;
  const code = (err as { code?: string }).code ?? '';
  const message = (err as Error).message ?? String(err);
  if (code === 'SQLITE_NOTADB') {
    return new TendError('db_not_a_database', `${file} is not a Tend database. Nothing was changed.`, { file });
  }
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT')) return damagedDatabase(file, message);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new TendError(
      'db_locked',
      `${file} is in use by another program (it is locked). Close the other Tend window or process and try again.`,
      { file },
    );
  }
  // READONLY has sub-codes (SQLITE_READONLY_DIRECTORY, _DBMOVED, …); all mean "cannot write here".
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM') {
    return new TendError(
      'db_read_only',
      `${file} cannot be opened for writing (${message}). Nothing was changed. Check the permissions of the file and its folder, or copy it to a folder you can write to and open the copy.`,
      { file },
    );
  }
  return new TendError('internal', `Could not open ${file}: ${message}`, { file });
}

/**
 * Opens (creating if needed) and migrates a Tend database. Refuses — leaving the file byte-for-byte
 * untouched — a missing folder, a non-SQLite file, a damaged file, a locked file, and a file written
 * by a newer Tend.
 */
export async function openDatabase(file: string, options: OpenOptions): Promise<OpenedDatabase> {
  const absolute = path.resolve(file);
  const folder = path.dirname(absolute);
  if (!fs.existsSync(folder)) {
    if (!options.createFolder) {
      throw new TendError(
        'db_folder_missing',
        `The folder ${folder} does not exist, so ${path.basename(absolute)} cannot be created there. Create the folder or choose another location.`,
        { file: absolute },
      );
    }
    fs.mkdirSync(folder, { recursive: true });
  }
  const existed = fs.existsSync(absolute);
  if (existed) {
    if (fs.statSync(absolute).isDirectory()) {
      throw new TendError('db_not_a_database', `${absolute} is a folder, not a database file. Choose a file name.`, {
        file: absolute,
      });
    }
    assertLooksLikeSqlite(absolute);
  }
  assertWritable(absolute, existed);

  const journal = readJournal(options.migrationsFolder);
  let sqlite: Sqlite | undefined;
  try {
    sqlite = new Database(absolute, {
      nativeBinding: options.nativeBinding,
      timeout: options.busyTimeoutMs ?? 2000,
    });
    const pending = pendingMigrations(sqlite, journal);
    if (existed) {
      // Skipped only when asked and nothing is to be migrated: a migration writes across the file.
      const check = options.quickCheck === false && pending === 0 ? 'ok' : sqlite.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw damagedDatabase(absolute, `quick_check: ${String(check)}`);
      assertNotNewer(sqlite, journal, absolute);
      // A write lock held elsewhere shows up here rather than halfway through a migration.
      sqlite.exec('BEGIN IMMEDIATE; ROLLBACK;');
    }
    const hasTables = existed && hasUserTables(sqlite);
    let preMigrationBackup: string | null = null;
    if (pending > 0 && hasTables) {
      preMigrationBackup = backupPathFor(absolute, 'pre-migrate');
      await backupFile(sqlite, preMigrationBackup);
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    const db = drizzle(sqlite, { schema });
    if (pending > 0) {
      try {
        migrate(db, { migrationsFolder: options.migrationsFolder });
      } catch (err) {
        throw new TendError(
          'db_migration_failed',
          `Could not upgrade ${absolute} to this version of Tend: ${(err as Error).message}. The file was left as it was${
            preMigrationBackup ? `; a copy is at ${preMigrationBackup}` : ''
          }.`,
          { file: absolute, backup: preMigrationBackup },
        );
      }
    }
    const opened = sqlite;
    return {
      file: absolute,
      sqlite: opened,
      db,
      preMigrationBackup,
      close: () => {
        if (opened.open) opened.close();
      },
    };
  } catch (err) {
    sqlite?.close();
    // A file we created for nothing (e.g. the migration could not start) is removed again.
    if (!existed && fs.existsSync(absolute) && fs.statSync(absolute).size === 0) fs.rmSync(absolute);
    throw databaseErrorOf(err, absolute);
  }
}

function hasUserTables(sqlite: Sqlite): boolean {
  const row = sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
  return row.n > 0;
}

function lastAppliedMigration(sqlite: Sqlite): number | null {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return null;
  const row = sqlite.prepare('SELECT max(created_at) AS last FROM __drizzle_migrations').get() as {
    last: number | null;
  };
  return row.last === null ? null : Number(row.last);
}

function pendingMigrations(sqlite: Sqlite, journal: JournalEntry[]): number {
  const last = lastAppliedMigration(sqlite);
  return journal.filter((entry) => last === null || entry.when > last).length;
}

function assertNotNewer(sqlite: Sqlite, journal: JournalEntry[], file: string): void {
  const last = lastAppliedMigration(sqlite);
  const newestKnown = Math.max(...journal.map((entry) => entry.when));
  if (last !== null && last > newestKnown) {
    throw new TendError(
      'db_too_new',
      `${file} was written by a newer version of Tend. Nothing was changed. Update Tend to open it.`,
      { file },
    );
  }
  if (last === null && hasUserTables(sqlite)) {
    throw new TendError(
      'db_not_a_database',
      `${file} is an SQLite database, but not one made by Tend. Nothing was changed. Choose a Tend database or a new file name.`,
      { file },
    );
  }
}
