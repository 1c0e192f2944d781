// The warm print server (electron/print/print-server.ts and warm-printer.ts) from the built CLI: the
// first brief PDF starts it, the next is printed by the same server and reads back right; its state
// file is the user's only; a request without its token is refused, a job it cannot do is answered
// with the reason; it quits after its idle time and removes its state file.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJob, readServerState, type PrintServerState } from '../../electron/print/warm-printer';
import { AS_OF, MIGRATIONS, tempDir } from '../helpers';

const BIN = path.resolve('dist/cli/tend.js');
const dir = tempDir('tend-print-server-');
const db = path.join(dir, 'book.db');
const stateFile = path.join(dir, 'state', 'print-server.json');
const IDLE_MS = 8_000;
// vitest turns the server off for every other test; this one turns it on, with its own state file.
const env = { ...process.env, TEND_PRINT_SERVER: '', TEND_PRINT_STATE: stateFile, TEND_PRINT_IDLE_MS: String(IDLE_MS) };
const tend = (...args: string[]) => spawnSync('node', [BIN, '--db', db, '--as-of', AS_OF, ...args], { encoding: 'utf8', env });
const tendOn = (asOf: string, ...args: string[]) => spawnSync('node', [BIN, '--db', db, '--as-of', asOf, ...args], { encoding: 'utf8', env });
const words = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
/** Running (a zombie no init has reaped yet counts as gone). */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = `/proc/${pid}/stat`;
  return !(fs.existsSync(stat) && / Z /.test(fs.readFileSync(stat, 'utf8')));
};

let account: { id: number; name: string };
let other: { id: number; name: string };
let server: PrintServerState | null = null;

beforeAll(() => {
  if (!fs.existsSync(BIN)) throw new Error('dist/cli/tend.js is missing: run `npm run build` first (npm test does).');
  expect(tend('demo').status).toBe(0);
  const sqlite = new Database(db, { readonly: true });
  [account, other] = sqlite.prepare('SELECT id, name FROM accounts ORDER BY id LIMIT 2').all() as { id: number; name: string }[];
  sqlite.close();
});

afterAll(() => {
  if (server && alive(server.pid)) process.kill(server.pid);
});

describe('the warm print server', () => {
  it('starts with the first PDF and prints the next one too; answers only its token; quits when idle', async () => {
    const first = tend('brief', String(account.id), '--out', path.join(dir, 'first.pdf'), '--json');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout).printedBy).toBe('print server');
    server = readServerState(stateFile);
    expect(server).not.toBeNull();
    expect(alive(server!.pid)).toBe(true);
    expect(fs.statSync(stateFile).mode & 0o077).toBe(0); // the token is the user's only

    // The next document, another account on another day, on the same server and page: nothing of
    // the first one carries over.
    const second = tendOn('2026-11-10', 'brief', String(other.id), '--out', path.join(dir, 'second.pdf'), '--json');
    expect(second.status).toBe(0);
    expect(JSON.parse(second.stdout).printedBy).toBe('print server');
    expect(readServerState(stateFile)?.pid).toBe(server!.pid);
    const firstText = words(path.join(dir, 'first.pdf'));
    const secondText = words(path.join(dir, 'second.pdf'));
    expect(firstText).toContain('ACCOUNT BRIEF');
    expect(firstText).toContain(account.name);
    expect(firstText).toContain(`as of ${AS_OF}`);
    expect(secondText).toContain(other.name);
    expect(secondText).not.toContain(account.name);
    expect(secondText).toContain('as of 2026-11-10');

    // Without the token: nothing is printed, nothing said.
    const refused = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: server!.port, path: '/print', method: 'POST' }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end('{}');
    });
    expect(refused).toBe(404);
    // A job it cannot do comes back with the reason, and no file is made.
    const missing = path.join(dir, 'gone.db');
    const job = { dbFile: missing, migrationsFolder: MIGRATIONS, route: '/print/brief/1', file: path.join(dir, 'x.pdf'), paper: 'a4' as const };
    expect(await postJob(server!, job)).toEqual({ error: { code: 'file_not_found', message: `There is no database at ${missing}.` } });
    expect(fs.existsSync(missing)).toBe(false);
    // Only print routes to PDF files.
    const refusedJob = await postJob(server!, { ...job, dbFile: db, file: path.join(dir, 'notes.txt') });
    expect(refusedJob).toMatchObject({ error: { code: 'invalid_input' } });
    expect(fs.existsSync(path.join(dir, 'x.pdf')) || fs.existsSync(path.join(dir, 'notes.txt'))).toBe(false);

    // Idle: it stops and takes its state file with it.
    const deadline = Date.now() + IDLE_MS + 15_000;
    while ((fs.existsSync(stateFile) || alive(server!.pid)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(fs.existsSync(stateFile)).toBe(false);
    expect(alive(server!.pid)).toBe(false);

    // Off: the command prints in a Chromium of its own.
    const own = spawnSync('node', [BIN, '--db', db, '--as-of', AS_OF, 'brief', String(account.id), '--out', path.join(dir, 'own.pdf'), '--json'], {
      encoding: 'utf8',
      env: { ...env, TEND_PRINT_SERVER: 'off' },
    });
    expect(JSON.parse(own.stdout).printedBy).toBe('own Chromium');
  }, 90_000);
});
