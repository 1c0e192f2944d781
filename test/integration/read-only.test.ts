// Read-only databases and folders, for real. Root can write a 0444 file, so when the tests run as
// root (CI does) every open here runs as the unprivileged user `nobody` through setpriv (or
// runuser); as any other user it runs as that user. Either way the refusal is a real permission fault.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { TendError } from '../../shared/errors';
import { MIGRATIONS, openTemp, tempDir } from '../helpers';

const BIN = path.resolve('dist/cli/tend.js');
const PROBE = path.resolve('dist/test/open-probe.js');
const IS_ROOT = process.getuid?.() === 0;

/** The command prefix that drops root to `nobody`; fails (never skips) when neither tool exists. */
function dropRoot(): string[] {
  if (!IS_ROOT) return [];
  for (const [tool, args] of [
    ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups']],
    ['runuser', ['-u', 'nobody', '--']],
  ] as const) {
    if (spawnSync(tool, [...args, 'true']).status === 0) return [tool, ...args];
  }
  throw new Error('Running as root without setpriv or runuser: cannot test read-only files as an unprivileged user.');
}

function runUnprivileged(command: string, args: string[]) {
  const [tool, ...prefix] = [...dropRoot(), command, ...args];
  return spawnSync(tool, prefix, { encoding: 'utf8', env: { ...process.env, TEND_DB: '' } });
}

/** openDatabase on `file`: in this process when unprivileged, else in a child run as `nobody`. */
async function openAsUser(file: string): Promise<{ ok: boolean; typed: boolean; code: string | null; message: string }> {
  if (!IS_ROOT) {
    return openDatabase(file, { migrationsFolder: MIGRATIONS }).then(
      (opened) => (opened.close(), { ok: true, typed: false, code: null, message: '' }),
      (err) => ({ ok: false, typed: err instanceof TendError, code: (err as TendError).code ?? null, message: (err as Error).message }),
    );
  }
  const run = runUnprivileged('node', [PROBE, file, MIGRATIONS]);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A real Tend database with a row in it, closed (WAL checkpointed away), in a folder `nobody` can enter. */
async function makeDatabase(): Promise<{ dir: string; file: string }> {
  const dir = tempDir('tend-ro-');
  const opened = await openTemp(path.join(dir, 'client.db'));
  opened.sqlite.prepare("INSERT INTO accounts (name) VALUES ('Acme')").run();
  opened.close();
  expect(fs.readdirSync(dir)).toEqual(['client.db']);
  return { dir, file: opened.file };
}

function expectUntouched(dir: string, file: string, hash: string): void {
  expect(sha256(file)).toBe(hash);
  expect(fs.readdirSync(dir)).toEqual([path.basename(file)]); // no -wal, -shm or journal left behind
}

beforeAll(() => {
  if (!fs.existsSync(BIN)) throw new Error('dist/cli/tend.js is missing: run `npm run build` first (npm test does).');
  if (!IS_ROOT) return;
  // The probe is plain JS beside dist/ so `nobody` can run it with node (and find better-sqlite3).
  buildSync({
    entryPoints: ['test/fixtures/open-probe.ts'],
    outfile: PROBE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
  expect(runUnprivileged('id', ['-u']).stdout.trim()).toBe('65534');
});

describe('a read-only database file (0444, folder writable)', () => {
  async function readOnlyFile() {
    const { dir, file } = await makeDatabase();
    fs.chmodSync(file, 0o444);
    fs.chmodSync(dir, 0o777); // writable, so a careless open *could* leave -wal/-shm here
    return { dir, file, hash: sha256(file) };
  }

  it('tend refuses it with exit 1, one clear line naming the file, and changes nothing', async () => {
    const { dir, file, hash } = await readOnlyFile();
    const run = runUnprivileged('node', [BIN, '--db', file, 'accounts']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toContain('read-only');
    expect(lines[0]).toMatch(/Nothing was changed\. Get write access to it .* or copy it to a folder you can write to/);
    expectUntouched(dir, file, hash);

    const json = runUnprivileged('node', [BIN, '--db', file, 'accounts', '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: 'db_read_only' } });
    expectUntouched(dir, file, hash);
  });

  it('openDatabase refuses it with a typed db_read_only error and changes nothing', async () => {
    const { dir, file, hash } = await readOnlyFile();
    const result = await openAsUser(file);
    expect(result).toMatchObject({ ok: false, typed: true, code: 'db_read_only' });
    expect(result.message).toContain(file);
    expectUntouched(dir, file, hash);
  });
});

describe('a database in a read-only folder (file writable, folder 0555)', () => {
  async function readOnlyFolder() {
    const { dir, file } = await makeDatabase();
    fs.chmodSync(file, 0o666);
    fs.chmodSync(dir, 0o555); // SQLite's WAL needs to create client.db-wal and -shm here
    return { dir, file, hash: sha256(file) };
  }

  it('tend refuses it, naming the folder and what to do, and changes nothing', async () => {
    const { dir, file, hash } = await readOnlyFolder();
    const run = runUnprivileged('node', [BIN, '--db', file, 'accounts']);
    expect(run.status).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`The folder ${dir} is read-only`);
    expect(lines[0]).toContain('move the database to a folder you can write to');
    expectUntouched(dir, file, hash);
  });

  it('openDatabase refuses it with a typed error and changes nothing', async () => {
    const { dir, file, hash } = await readOnlyFolder();
    const result = await openAsUser(file);
    expect(result).toMatchObject({ ok: false, typed: true, code: 'db_read_only' });
    expect(result.message).toContain(dir);
    expectUntouched(dir, file, hash);
  });

  it('tend init refuses to create a new database there, creating nothing', async () => {
    const dir = tempDir('tend-ro-');
    fs.chmodSync(dir, 0o555);
    const file = path.join(dir, 'new.db');
    const run = runUnprivileged('node', [BIN, '--db', file, 'init']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`The folder ${dir} is read-only`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('the same files for a user who may write them', () => {
  it('opens normally once the permissions allow it (the refusal is about permissions, not the file)', async () => {
    const { dir, file } = await makeDatabase();
    fs.chmodSync(dir, 0o777);
    fs.chmodSync(file, 0o666);
    expect(await openAsUser(file)).toMatchObject({ ok: true });
  });
});
