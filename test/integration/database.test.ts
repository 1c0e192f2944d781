import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { listBackups, restoreDatabase, rotateDailyBackup, backupFile } from '../../electron/services/backup';
import { TendError } from '../../shared/errors';
import { MIGRATIONS, openTemp, tempDir } from '../helpers';

async function expectRefusal(file: string, code: string, options = {}) {
  const error = await openDatabase(file, { migrationsFolder: MIGRATIONS, ...options }).catch((e) => e);
  expect(error).toBeInstanceOf(TendError);
  expect((error as TendError).code).toBe(code);
  return error as TendError;
}

describe('opening a database', () => {
  it('creates a new file with every table, WAL journaling and foreign keys on', async () => {
    const db = await openTemp();
    const tables = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    for (const table of ['accounts', 'contacts', 'touches', 'touch_contacts', 'metric_samples', 'revenue_events',
      'survey_responses', 'success_goals', 'health_snapshots', 'flags', 'reminders', 'import_batches', 'settings']) {
      expect(tables).toContain(table);
    }
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.preMigrationBackup).toBeNull();
    db.close();
  });

  it('reopens an up-to-date file without taking a backup', async () => {
    const first = await openTemp();
    first.sqlite.prepare("INSERT INTO accounts (name) VALUES ('Acme')").run();
    first.close();
    const again = await openDatabase(first.file, { migrationsFolder: MIGRATIONS });
    expect(again.preMigrationBackup).toBeNull();
    expect(again.sqlite.prepare('SELECT name FROM accounts').pluck().all()).toEqual(['Acme']);
    again.close();
  });

  it('backs the file up before running a pending migration, then migrates', async () => {
    const first = await openTemp();
    first.sqlite.prepare("INSERT INTO accounts (name) VALUES ('Acme')").run();
    first.close();
    // A newer Tend: the real migrations plus one more.
    const newer = path.join(tempDir(), 'drizzle');
    fs.cpSync(MIGRATIONS, newer, { recursive: true });
    const journalFile = path.join(newer, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    const last = journal.entries.at(-1);
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_test_column' });
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    fs.writeFileSync(path.join(newer, '9999_test_column.sql'), 'ALTER TABLE accounts ADD COLUMN test_column text;');

    const upgraded = await openDatabase(first.file, { migrationsFolder: newer });
    expect(upgraded.preMigrationBackup).toMatch(/backups[\\/]tend\.pre-migrate-.*\.db$/);
    expect(upgraded.sqlite.prepare('SELECT name, test_column FROM accounts').all()).toEqual([{ name: 'Acme', test_column: null }]);
    upgraded.close();
    const backup = new Database(upgraded.preMigrationBackup!, { readonly: true });
    expect(backup.prepare('SELECT name FROM accounts').pluck().all()).toEqual(['Acme']);
    expect(backup.prepare("SELECT count(*) FROM pragma_table_info('accounts') WHERE name = 'test_column'").pluck().get()).toBe(0);
    backup.close();
  });

  it('refuses a file that is not a database and leaves it byte-for-byte untouched', async () => {
    const file = path.join(tempDir(), 'notes.db');
    fs.writeFileSync(file, 'Quarterly notes, not a database.\n'.repeat(20));
    const before = fs.readFileSync(file);
    const error = await expectRefusal(file, 'db_not_a_database');
    expect(error.message).toContain(file);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses an SQLite file that Tend did not make', async () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE recipes (name TEXT)');
    other.close();
    const before = fs.readFileSync(file);
    await expectRefusal(file, 'db_not_a_database');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a damaged file and leaves it untouched', async () => {
    const db = await openTemp();
    db.sqlite.prepare("INSERT INTO accounts (name, notes) VALUES ('Acme', ?)").run('x'.repeat(20000));
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(db.file);
    // Scribble over every page after the first (the header and schema stay readable).
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = 0xa5;
    fs.writeFileSync(db.file, bytes);
    const error = await expectRefusal(db.file, 'db_corrupt');
    expect(error.message).toContain('damaged');
    expect(fs.readFileSync(db.file).equals(bytes)).toBe(true);
  });

  it('refuses a file written by a newer version of Tend', async () => {
    const db = await openTemp();
    db.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() + 1e12);
    db.close();
    const error = await expectRefusal(db.file, 'db_too_new');
    expect(error.message).toContain('newer version of Tend');
  });

  it('refuses a file in a folder that does not exist, creating nothing', async () => {
    const file = path.join(tempDir(), 'missing', 'client.db');
    const error = await expectRefusal(file, 'db_folder_missing');
    expect(error.message).toContain(path.dirname(file));
    expect(fs.existsSync(path.dirname(file))).toBe(false);
  });

  it('refuses a file another process holds a write lock on', async () => {
    const db = await openTemp();
    db.close();
    const holder = new Database(db.file);
    holder.exec('BEGIN EXCLUSIVE');
    await expectRefusal(db.file, 'db_locked', { busyTimeoutMs: 50 });
    holder.exec('ROLLBACK');
    holder.close();
  });
});

describe('backups', () => {
  it('restores a backup after saving the current file, and the restored data opens', async () => {
    const db = await openTemp();
    db.sqlite.prepare("INSERT INTO accounts (name) VALUES ('Kept in backup')").run();
    const backup = await backupFile(db.sqlite, path.join(tempDir(), 'snapshot.db'));
    db.sqlite.prepare("INSERT INTO accounts (name) VALUES ('Added later')").run();
    db.close();
    const result = await restoreDatabase(db.file, backup);
    expect(result.previousCopy).not.toBeNull();
    const reopened = await openDatabase(db.file, { migrationsFolder: MIGRATIONS });
    expect(reopened.sqlite.prepare('SELECT name FROM accounts ORDER BY id').pluck().all()).toEqual(['Kept in backup']);
    reopened.close();
    const previous = new Database(result.previousCopy!, { readonly: true });
    expect(previous.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(2);
    previous.close();
  });

  it('refuses to restore from a file that is not a Tend database, changing nothing', async () => {
    const db = await openTemp();
    db.sqlite.prepare("INSERT INTO accounts (name) VALUES ('Acme')").run();
    db.close();
    const junk = path.join(tempDir(), 'junk.db');
    fs.writeFileSync(junk, 'not a backup');
    await expect(restoreDatabase(db.file, junk)).rejects.toMatchObject({ code: 'db_not_a_database' });
    const reopened = await openDatabase(db.file, { migrationsFolder: MIGRATIONS });
    expect(reopened.sqlite.prepare('SELECT name FROM accounts').pluck().all()).toEqual(['Acme']);
    reopened.close();
  });

  it('keeps one daily backup per day and prunes to 7 daily plus 4 weekly', async () => {
    const db = await openTemp();
    const start = Date.UTC(2026, 0, 1);
    for (let day = 0; day < 60; day++) {
      await rotateDailyBackup(db.sqlite, db.file, new Date(start + day * 86_400_000 + 3_600_000));
    }
    expect(await rotateDailyBackup(db.sqlite, db.file, new Date(start + 59 * 86_400_000 + 7_200_000))).toBeNull();
    const daily = listBackups(db.file).filter((b) => b.label === 'daily');
    expect(daily).toHaveLength(11);
    const dates = daily.map((b) => b.date).sort();
    expect(dates.slice(-7)).toEqual(['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01']);
    db.close();
  });
});
