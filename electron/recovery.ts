// When a database cannot be opened: find the latest backup that is actually good, say so in words
// the user can act on, and restore it without losing the refused file. Plain Node — the desktop
// app's dialog (main.ts) and `tend restore --latest` are thin callers of this.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { TendError, type ErrorCode } from '../shared/errors';
import { newestKnownMigration, openDatabase, type OpenedDatabase, type OpenOptions } from './db/open';
import { backupFolderFor, copyDatabase, listBackups, validateBackupCandidate } from './services/backup';

/**
 * Failures a backup can fix. A locked, read-only or missing-folder file is fine as it is; a file
 * from a newer Tend needs a newer Tend (rolling it back would lose that version's work); a failed
 * upgrade would fail again on the backup taken just before it.
 */
const RESTORABLE: readonly ErrorCode[] = ['db_corrupt', 'db_not_a_database'];

const NOT_RESTORABLE_DETAIL: Partial<Record<ErrorCode, string>> = {
  db_too_new: 'Install the latest version of Tend to open it; the file stays as it is.',
  db_migration_failed: 'Nothing was lost: the file was left as it was. Install the latest version of Tend and open it again, or report the message above.',
};

export interface GoodBackup {
  file: string;
  /** The backup's label: daily, pre-import, pre-migrate, manual, pre-restore. */
  kind: string;
  takenAt: Date;
}

export interface LatestGoodBackup {
  backup: GoodBackup | null;
  /** Newer backups that were checked and refused, newest first, with why. */
  rejected: { file: string; reason: string }[];
}

export interface RecoveryOffer {
  title: string;
  /** What happened (the refusal's own message). */
  message: string;
  /** What Tend offers, or what to do when it offers nothing. */
  detail: string;
  backup: GoodBackup | null;
}

export type RecoveryOptions = Pick<OpenOptions, 'migrationsFolder' | 'nativeBinding'>;

const KIND_WORDS: Record<string, string> = {
  daily: 'daily backup',
  'pre-import': 'backup taken before an import',
  'pre-migrate': 'backup taken before an upgrade of Tend',
  'pre-restore': 'backup taken before a restore',
  manual: 'manual backup',
};

export function describeBackup(backup: GoodBackup): string {
  const when = backup.takenAt.toISOString().replace('T', ' ').slice(0, 16);
  return `the ${KIND_WORDS[backup.kind] ?? `${backup.kind} backup`} from ${when} UTC (${backup.file})`;
}

/** Whether restoring a backup is the answer to this failure. */
export function isRestorable(failure: unknown): boolean {
  return failure instanceof TendError && RESTORABLE.includes(failure.code);
}

/**
 * Checks the backups of `dbFile` newest first — opens each read-only, quick_check, a Tend schema
 * not newer than this Tend — and returns the first that passes. Backups are never modified.
 */
export function findLatestGoodBackup(dbFile: string, options: RecoveryOptions): LatestGoodBackup {
  const newestKnown = newestKnownMigration(options.migrationsFolder);
  const rejected: LatestGoodBackup['rejected'] = [];
  for (const entry of listBackups(dbFile)) {
    try {
      const { lastMigration } = validateBackupCandidate(entry.file, options.nativeBinding);
      if (lastMigration > newestKnown) throw new Error('it was written by a newer version of Tend');
      return { backup: { file: entry.file, kind: entry.label, takenAt: entry.takenAt }, rejected };
    } catch (err) {
      rejected.push({ file: entry.file, reason: (err as Error).message });
    }
  }
  return { backup: null, rejected };
}

/** The dialog's content after opening `dbFile` failed with `failure`. */
export function recoveryOffer(dbFile: string, failure: unknown, options: RecoveryOptions): RecoveryOffer {
  const title = 'Tend could not open the database';
  const message = failure instanceof Error ? failure.message : String(failure);
  if (!isRestorable(failure)) {
    const code = failure instanceof TendError ? failure.code : undefined;
    const detail = (code && NOT_RESTORABLE_DETAIL[code]) ?? 'Open another database, or fix the problem above and start Tend again.';
    return { title, message, detail, backup: null };
  }
  const { backup, rejected } = findLatestGoodBackup(dbFile, options);
  if (!backup) {
    const checked = rejected.length ? ` (${rejected.length} checked, none usable)` : '';
    return {
      title,
      message,
      detail: `No good backup of ${path.basename(dbFile)} was found in ${backupFolderFor(dbFile)}${checked}. Open another database, or start a new one with File → New Database…; ${path.basename(dbFile)} stays as it is.`,
      backup: null,
    };
  }
  const skipped = rejected.length ? ` (${rejected.length} newer backup${rejected.length > 1 ? 's were' : ' was'} damaged or unusable and skipped)` : '';
  return {
    title,
    message,
    detail: `The latest good backup is ${describeBackup(backup)}${skipped}. Restoring it keeps ${path.basename(dbFile)} aside in the same folder (nothing is deleted); changes made after the backup are not in it.`,
    backup,
  };
}

/** `<folder>/<name>.set-aside-<timestamp>.db`: where a refused file is moved before a restore. */
export function setAsidePathFor(dbFile: string, when = new Date()): string {
  const base = path.basename(dbFile).replace(/\.[^.]+$/, '');
  return path.join(path.dirname(path.resolve(dbFile)), `${base}.set-aside-${when.toISOString().replace(/[:.]/g, '-')}.db`);
}

/**
 * Restores `backupFile` as `dbFile`: checks the backup, moves the current file (and its -wal/-shm)
 * aside by renaming — byte-for-byte, never deleted — copies the backup in, then opens (and migrates)
 * the result. If the copy fails, the original file is moved back.
 */
export async function restoreFromBackup(
  dbFile: string,
  backupFile: string,
  options: OpenOptions,
): Promise<{ opened: OpenedDatabase; restoredFrom: string; keptAside: string | null }> {
  const file = path.resolve(dbFile);
  validateBackupCandidate(backupFile, options.nativeBinding);
  assertNotInUse(file, options.nativeBinding);
  const aside = fs.existsSync(file) ? setAsidePathFor(file) : null;
  const moved: [string, string][] = [];
  try {
    if (aside) {
      for (const suffix of ['', '-wal', '-shm']) {
        if (!fs.existsSync(file + suffix)) continue;
        fs.renameSync(file + suffix, aside + suffix);
        moved.push([file + suffix, aside + suffix]);
      }
    }
    await copyDatabase(backupFile, file, options.nativeBinding);
  } catch (err) {
    for (const side of ['', '-wal', '-shm']) fs.rmSync(file + side, { force: true });
    for (const [from, to] of moved) fs.renameSync(to, from);
    throw new TendError(
      'internal',
      `Could not restore ${file} from ${backupFile}: ${(err as Error).message}. ${file} was put back as it was. Check the free disk space and try again.`,
      { file },
    );
  }
  const opened = await openDatabase(file, options);
  return { opened, restoredFrom: backupFile, keptAside: aside };
}

/**
 * Refuses to move a database another connection has open (the desktop app, another `tend`):
 * it would keep writing to the file set aside. An exclusive lock cannot be had while any other
 * connection is open, even an idle one in WAL mode. A damaged file may fail to lock for other
 * reasons; only "busy" means in use.
 */
export function assertNotInUse(file: string, nativeBinding?: string): void {
  if (!fs.existsSync(file)) return;
  let probe: InstanceType<typeof Database> | undefined;
  try {
    probe = new Database(file, { fileMustExist: true, timeout: 0, nativeBinding });
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE; COMMIT;');
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new TendError('db_locked', `${file} is open in Tend or another program. Close it there and try again. Nothing was changed.`, { file });
    }
  } finally {
    probe?.close();
  }
}
