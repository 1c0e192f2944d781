// "The app offers to restore from the latest good backup": the decision (electron/recovery.ts) and
// `tend restore --latest`, on real damaged databases with real backups.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { openDatabase } from '../../electron/db/open';
import { findLatestGoodBackup, recoveryOffer, restoreFromBackup } from '../../electron/recovery';
import { backupFile, backupFolderFor, backupPathFor } from '../../electron/services/backup';
import { TendError } from '../../shared/errors';
import { MIGRATIONS, openTemp, tempDir } from '../helpers';

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Scribbles over every page after the first: the header still says SQLite, quick_check fails. */
function damage(file: string): void {
  const bytes = fs.readFileSync(file);
  for (let i = 4096; i < bytes.length; i += 7) bytes[i] = 0xa5;
  fs.writeFileSync(file, bytes);
}

const names = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT name FROM accounts ORDER BY id').pluck().all();
  } finally {
    db.close();
  }
};

/**
 * A book that grew over three days with a backup each day, then got damaged. Labels are chosen so
 * that sorting by name would pick the wrong one: the newest (manual, damaged) and the second newest
 * (daily) sort below the oldest (pre-import).
 */
async function damagedBookWithBackups() {
  const opened = await openTemp(path.join(tempDir('tend-recovery-'), 'client.db'));
  const add = (name: string) => opened.sqlite.prepare('INSERT INTO accounts (name, notes) VALUES (?, ?)').run(name, 'n'.repeat(3000));
  add('Acme');
  const oldest = await backupFile(opened.sqlite, backupPathFor(opened.file, 'pre-import', new Date('2026-11-20T09:00:00.000Z')));
  add('Borealis');
  const good = await backupFile(opened.sqlite, backupPathFor(opened.file, 'daily', new Date('2026-11-22T09:00:00.000Z')));
  add('Cobalt');
  const newest = await backupFile(opened.sqlite, backupPathFor(opened.file, 'manual', new Date('2026-11-23T09:00:00.000Z')));
  add('Dune');
  opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  opened.close();
  damage(newest);
  damage(opened.file);
  const failure = await openDatabase(opened.file, { migrationsFolder: MIGRATIONS }).catch((e) => e);
  expect(failure).toBeInstanceOf(TendError);
  expect(failure.code).toBe('db_corrupt');
  return { file: opened.file, oldest, good, newest, failure: failure as TendError };
}

function snapshotOf(folder: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(folder).map((name) => [name, sha256(path.join(folder, name))]));
}

describe('the offer to restore the latest good backup', () => {
  it('skips a damaged newest backup and offers the second newest, changing no backup', async () => {
    const { file, good, newest, failure } = await damagedBookWithBackups();
    const before = snapshotOf(backupFolderFor(file));
    const offer = recoveryOffer(file, failure, { migrationsFolder: MIGRATIONS });
    expect(offer.backup).toMatchObject({ file: good, kind: 'daily', takenAt: new Date('2026-11-22T09:00:00.000Z') });
    expect(offer.message).toContain(file);
    expect(offer.message).toContain('damaged');
    expect(offer.detail).toContain('The latest good backup is the daily backup from 2026-11-22 09:00 UTC');
    expect(offer.detail).toContain(good);
    expect(offer.detail).toContain('1 newer backup was damaged or unusable and skipped');
    expect(offer.detail).toContain('nothing is deleted');
    expect(findLatestGoodBackup(file, { migrationsFolder: MIGRATIONS }).rejected.map((r) => r.file)).toEqual([newest]);
    // Checking opened every backup read-only and left nothing behind (no -wal/-shm, same bytes).
    expect(snapshotOf(backupFolderFor(file))).toEqual(before);
  });

  it('restores it: the backup data is back and the damaged file is kept aside byte-for-byte', async () => {
    const { file, good, failure } = await damagedBookWithBackups();
    const damagedHash = sha256(file);
    const offer = recoveryOffer(file, failure, { migrationsFolder: MIGRATIONS });
    const restored = await restoreFromBackup(file, offer.backup!.file, { migrationsFolder: MIGRATIONS });
    expect(restored.restoredFrom).toBe(good);
    expect(restored.opened.sqlite.prepare('SELECT name FROM accounts ORDER BY id').pluck().all()).toEqual(['Acme', 'Borealis']);
    expect(restored.opened.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
    restored.opened.close();
    expect(restored.keptAside).toMatch(/client\.set-aside-.*\.db$/);
    expect(path.dirname(restored.keptAside!)).toBe(path.dirname(file));
    expect(sha256(restored.keptAside!)).toBe(damagedHash);
    // The restored file reopens normally, as the app will on its next start.
    const again = await openDatabase(file, { migrationsFolder: MIGRATIONS });
    expect(again.sqlite.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(2);
    again.close();
  });

  it('skips a backup written by a newer Tend', async () => {
    const opened = await openTemp(path.join(tempDir('tend-recovery-'), 'client.db'));
    opened.sqlite.prepare("INSERT INTO accounts (name) VALUES ('Acme')").run();
    const good = await backupFile(opened.sqlite, backupPathFor(opened.file, 'daily', new Date('2026-11-01T00:00:00.000Z')));
    opened.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() + 1e12);
    const future = await backupFile(opened.sqlite, backupPathFor(opened.file, 'daily', new Date('2026-11-02T00:00:00.000Z')));
    opened.close();
    const found = findLatestGoodBackup(opened.file, { migrationsFolder: MIGRATIONS });
    expect(found.backup?.file).toBe(good);
    expect(found.rejected).toEqual([{ file: future, reason: 'it was written by a newer version of Tend' }]);
  });

  it('offers nothing when there are no backups, and says so clearly', async () => {
    const opened = await openTemp(path.join(tempDir('tend-recovery-'), 'client.db'));
    opened.sqlite.prepare("INSERT INTO accounts (name, notes) VALUES ('Acme', ?)").run('n'.repeat(20000));
    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    opened.close();
    damage(opened.file);
    const failure = await openDatabase(opened.file, { migrationsFolder: MIGRATIONS }).catch((e) => e);
    const offer = recoveryOffer(opened.file, failure, { migrationsFolder: MIGRATIONS });
    expect(offer.backup).toBeNull();
    expect(offer.detail).toContain(`No good backup of client.db was found in ${backupFolderFor(opened.file)}`);
    expect(offer.detail).toContain('Open another database');
  });

  it('offers no restore for a locked file: a backup is not the fix', async () => {
    const { file } = await damagedBookWithBackups();
    const locked = new TendError('db_locked', `${file} is in use by another program (it is locked).`, { file });
    const offer = recoveryOffer(file, locked, { migrationsFolder: MIGRATIONS });
    expect(offer.backup).toBeNull();
    expect(offer.message).toContain('locked');
  });
});

async function tend(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, migrationsFolder: MIGRATIONS });
  return { code, stdout, stderr };
}

describe('tend on a damaged database', () => {
  it('says the book is damaged when a reading command meets a broken page after opening', async () => {
    const file = path.join(tempDir('tend-damaged-read-'), 'book.db');
    expect((await tend('--db', file, '--as-of', '2026-11-24', 'demo')).code).toBe(0);
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const root = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'touches'").pluck().get() as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    // Only the touches table's root page: the file opens, the schema reads, the first touch read fails.
    const bytes = fs.readFileSync(file);
    bytes.fill(0xa5, (root - 1) * pageSize, root * pageSize);
    fs.writeFileSync(file, bytes);
    for (const argv of [['trends'], ['brief', '1']]) {
      const refused = await tend('--db', file, '--as-of', '2026-11-24', ...argv);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`tend: ${file} is damaged (`);
      expect(refused.stderr).toContain('Restore it from a backup');
      const json = JSON.parse((await tend('--db', file, '--as-of', '2026-11-24', ...argv, '--json')).stderr);
      expect(json.error.code).toBe('db_corrupt');
    }
  });

  it('says the book is damaged from the commands that only read it too (they skip the whole-file check)', async () => {
    const { file, good } = await damagedBookWithBackups();
    const damagedHash = sha256(file);
    for (const argv of [['trends'], ['metrics'], ['brief', '1']]) {
      const refused = await tend('--db', file, ...argv);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`${file} is damaged`);
      expect(refused.stderr).toContain(`The latest good backup is the daily backup from 2026-11-22 09:00 UTC (${good})`);
      const json = JSON.parse((await tend('--db', file, ...argv, '--json')).stderr);
      expect(json.error).toMatchObject({ code: 'db_corrupt', latestBackup: { file: good } });
    }
    expect(sha256(file)).toBe(damagedHash);
  });

  it('names the latest good backup and the command that restores it; restore --latest does', async () => {
    const { file, good } = await damagedBookWithBackups();
    const damagedHash = sha256(file);
    const refused = await tend('--db', file, 'accounts');
    expect(refused.code).toBe(1);
    expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain(`${file} is damaged`);
    expect(refused.stderr).toContain(`The latest good backup is the daily backup from 2026-11-22 09:00 UTC (${good})`);
    expect(refused.stderr).toContain(`run: tend --db "${file}" restore --latest`);
    const refusedJson = await tend('--db', file, 'accounts', '--json');
    expect(JSON.parse(refusedJson.stderr).error).toMatchObject({ code: 'db_corrupt', latestBackup: { file: good, kind: 'daily' } });
    expect(sha256(file)).toBe(damagedHash);

    const restored = await tend('--db', file, 'restore', '--latest', '--json');
    expect(restored.code).toBe(0);
    const out = JSON.parse(restored.stdout);
    expect(out).toMatchObject({ dbFile: file, restoredFrom: good, kind: 'daily', takenAt: '2026-11-22T09:00:00.000Z' });
    expect(sha256(out.keptAside)).toBe(damagedHash);
    expect(names(file)).toEqual(['Acme', 'Borealis']);
    const listed = JSON.parse((await tend('--db', file, 'accounts', '--json')).stdout);
    expect(listed.map((a: { name: string }) => a.name).sort()).toEqual(['Acme', 'Borealis']);
  });

  it('with no backups says none was found, and restore --latest refuses, changing nothing', async () => {
    const opened = await openTemp(path.join(tempDir('tend-recovery-'), 'client.db'));
    opened.sqlite.prepare("INSERT INTO accounts (name, notes) VALUES ('Acme', ?)").run('n'.repeat(20000));
    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    opened.close();
    damage(opened.file);
    const hash = sha256(opened.file);
    const refused = await tend('--db', opened.file, 'accounts');
    expect(refused.stderr).toContain(`No good backup of it was found in ${backupFolderFor(opened.file)}`);
    const latest = await tend('--db', opened.file, 'restore', '--latest');
    expect(latest.code).toBe(1);
    expect(latest.stderr).toContain(`No good backup of ${opened.file} was found`);
    expect(latest.stderr).toContain('Nothing was changed');
    expect(sha256(opened.file)).toBe(hash);
    expect(fs.readdirSync(path.dirname(opened.file))).toEqual(['client.db']);
  });

  it('restore --latest leaves a healthy database alone unless forced, and never moves one that is open', async () => {
    const opened = await openTemp(path.join(tempDir('tend-recovery-'), 'client.db'));
    opened.sqlite.prepare("INSERT INTO accounts (name) VALUES ('Acme')").run();
    await backupFile(opened.sqlite, backupPathFor(opened.file, 'daily', new Date('2026-11-22T09:00:00.000Z')));
    opened.sqlite.prepare("INSERT INTO accounts (name) VALUES ('Borealis')").run();
    const folder = path.dirname(opened.file);

    // Still open (as the desktop app would have it): refused even with --force, nothing moved.
    const before = fs.readdirSync(folder).sort();
    const busy = await tend('--db', opened.file, 'restore', '--latest', '--force');
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('is open in Tend or another program');
    expect(fs.readdirSync(folder).sort()).toEqual(before);
    expect(opened.sqlite.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 2 });
    opened.close();

    const healthy = await tend('--db', opened.file, 'restore', '--latest');
    expect(healthy.code).toBe(1);
    expect(healthy.stderr).toContain('opens fine, so Tend did not replace it');
    expect(names(opened.file)).toEqual(['Acme', 'Borealis']);
    expect(fs.readdirSync(folder).filter((f) => f.includes('set-aside'))).toEqual([]);

    const forced = await tend('--db', opened.file, 'restore', '--latest', '--force', '--json');
    expect(forced.code).toBe(0);
    expect(names(opened.file)).toEqual(['Acme']);
    expect(names(JSON.parse(forced.stdout).keptAside)).toEqual(['Acme', 'Borealis']);
  });
});

describe('what is offered for failures a backup cannot fix', () => {
  it('asks for a newer Tend for a file from a newer Tend, and offers no restore after a failed upgrade', async () => {
    const { file } = await damagedBookWithBackups();
    const tooNew = recoveryOffer(file, new TendError('db_too_new', `${file} was written by a newer Tend.`, { file }), { migrationsFolder: MIGRATIONS });
    expect(tooNew.backup).toBeNull();
    expect(tooNew.detail).toContain('Install the latest version of Tend');
    const failed = recoveryOffer(file, new TendError('db_migration_failed', `Could not upgrade ${file}.`, { file }), { migrationsFolder: MIGRATIONS });
    expect(failed.backup).toBeNull();
    expect(failed.detail).toContain('the file was left as it was');
  });
});
