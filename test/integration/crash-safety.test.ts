// Crash safety (issue 7): kill the CLI with SIGKILL in the middle of a 300,000-row import, and in the
// middle of a rescore, then find the database passing integrity_check with the interrupted work
// wholly absent — SQLite's transaction, not our code, has to carry this, and this proves it does.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';

const BIN = path.resolve('dist/cli/tend.js');

/** Starts `tend …`, kills it with SIGKILL as soon as stderr shows `marker`; resolves how it ended. */
function killWhen(args: string[], marker: RegExp): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!killed && marker.test(stderr)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('exit', () => resolve({ killed, stderr }));
  });
}

function accountsCsv(file: string, rows: number, prefix: string): void {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'External Id,Name,Segment,Stage,MRR,Renewal Date,Seats\n');
  const segments = ['Enterprise', 'Mid-Market', 'SMB'];
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `${prefix}-${i},${prefix} Company ${i},${segments[i % 3]},Adoption,"$${(1000 + (i % 5000)).toLocaleString('en-US')}.00",2027-0${1 + (i % 9)}-15,${10 + (i % 90)}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
}

function check(db: string, snapshotDate = '') {
  const sqlite = new Database(db, { readonly: true });
  try {
    return {
      integrity: sqlite.pragma('integrity_check', { simple: true }),
      accounts: sqlite.prepare('SELECT count(*) FROM accounts').pluck().get() as number,
      batches: sqlite.prepare('SELECT count(*) FROM import_batches').pluck().get() as number,
      snapshots: sqlite.prepare('SELECT count(*) FROM health_snapshots WHERE date = ?').pluck().get(snapshotDate) as number,
    };
  } finally {
    sqlite.close();
  }
}

beforeAll(() => {
  if (!fs.existsSync(BIN)) throw new Error('dist/cli/tend.js is missing: run `npm run build` first (npm test does).');
});

describe('killing tend with SIGKILL', () => {
  it('in the middle of a 300,000-row import leaves a sound database without any of the import', async () => {
    const dir = tempDir('tend-crash-');
    const db = path.join(dir, 'book.db');
    const csv = path.join(dir, 'accounts.csv');
    accountsCsv(csv, 300_000, 'BIG');
    execFileSync('node', [BIN, '--db', db, 'init']);
    const { killed, stderr } = await killWhen(['--db', db, 'import', 'accounts', csv, '--progress'], /writing [1-9]\d{4,}\//);
    expect(killed, `the import finished before it could be killed:\n${stderr}`).toBe(true);
    const after = check(db);
    expect(after.integrity).toBe('ok');
    expect(after.accounts).toBe(0);
    expect(after.batches).toBe(0);
  }, 180_000);

  it('in the middle of a rescore leaves a sound database without a half-written day of snapshots', async () => {
    const dir = tempDir('tend-crash-');
    const db = path.join(dir, 'book.db');
    const csv = path.join(dir, 'accounts.csv');
    accountsCsv(csv, 60_000, 'MID');
    execFileSync('node', [BIN, '--db', db, 'init']);
    execFileSync('node', [BIN, '--db', db, '--as-of', '2026-11-24', 'import', 'accounts', csv]);
    const before = check(db);
    expect(before.accounts).toBe(60_000);
    // The rescore runs in one transaction; kill it once it has been going for a moment.
    const child = spawn('node', [BIN, '--db', db, '--as-of', '2027-01-15', 'score', '--json'], { stdio: 'ignore' });
    const wal = `${db}-wal`;
    const baseline = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (fs.existsSync(wal) && fs.statSync(wal).size > baseline + 512 * 1024) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
      child.on('exit', () => {
        clearInterval(timer);
        resolve();
      });
    });
    if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.on('exit', resolve));
    expect(child.signalCode, 'the rescore finished before it could be killed').toBe('SIGKILL');
    const after = check(db, '2027-01-15');
    expect(after.integrity).toBe('ok');
    expect(after.accounts).toBe(60_000);
    expect(after.snapshots).toBe(0);
  }, 180_000);
});
