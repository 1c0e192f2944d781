// Errors cross process boundaries as values, never as Error classes (Electron keeps only the message).
// Services throw TendError; the router turns it into { ok: false, error }; the CLI prints `message`.
// A message is written for the user: what happened, where, and what to do.

export const ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'not_found',
  'conflict',
  'db_folder_missing',
  'db_not_a_database',
  'db_corrupt',
  'db_locked',
  'db_read_only',
  'db_too_new',
  'db_migration_failed',
  'file_not_found',
  'import_failed',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface TendErrorValue {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export class TendError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'TendError';
  }

  toValue(): TendErrorValue {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: TendErrorValue };

/** SQLite could not get a lock within its busy timeout (another connection is writing). */
export const isSqliteBusy = (err: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test((err as { code?: string } | null)?.code ?? '');

/** What to do about a damaged database file, wherever the damage is found. */
export const RESTORE_FROM_BACKUP = 'Restore it from a backup (tend restore --latest, or File → Restore from Backup… in the app).';

/** SQLite met a damaged page (or a file that is not a database) while reading or writing. */
export const isSqliteDamage = (err: unknown): boolean => /^SQLITE_(CORRUPT|NOTADB)/.test((err as { code?: string } | null)?.code ?? '');
