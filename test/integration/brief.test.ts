// `tend brief` (SPEC "Trends and the account brief", issue 16) from the built CLI over the sample
// book: the plain text and the one-page PDF (read back with pdfinfo and pdftotext) name the account,
// its renewal, its last touch and an open follow-up, for the busiest account of the book.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, tempDir } from '../helpers';

const BIN = path.resolve('dist/cli/tend.js');
const dir = tempDir('tend-brief-');
const db = path.join(dir, 'book.db');
const tend = (...args: string[]) => spawnSync('node', [BIN, '--db', db, '--as-of', AS_OF, ...args], { encoding: 'utf8' });
const words = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
const squeeze = (s: string) => s.replace(/\s+/g, ' ');

/** The account with the most touches: the longest history the brief has to cut to one page. */
let busiest: { id: number; name: string };

beforeAll(() => {
  if (!fs.existsSync(BIN)) throw new Error('dist/cli/tend.js is missing: run `npm run build` first (npm test does).');
  expect(tend('demo').status).toBe(0);
  const sqlite = new Database(db, { readonly: true });
  busiest = sqlite
    .prepare('SELECT a.id, a.name FROM accounts a JOIN touches t ON t.account_id = a.id GROUP BY a.id ORDER BY count(*) DESC, a.id LIMIT 1')
    .get() as { id: number; name: string };
  sqlite.close();
});

describe('tend brief', () => {
  it('prints the brief as text: account, renewal, the five last touches with next steps, follow-ups, people', () => {
    const json = JSON.parse(tend('brief', String(busiest.id), '--json').stdout);
    expect(json.account.name).toBe(busiest.name);
    expect(json.touches).toHaveLength(5);
    expect(json.touchCount).toBeGreaterThan(5);
    expect(json.followUps.length).toBeGreaterThan(0);
    const run = tend('brief', busiest.name);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const text = run.stdout;
    expect(text).toContain(`${busiest.name} — account brief, ${AS_OF} (internal)`);
    expect(text).toContain(`Due ${json.renewal.dueDate}`);
    expect(text).toContain(`Last touches (5 of ${json.touchCount})`);
    for (const t of json.touches) expect(text).toContain(t.summary);
    for (const f of json.followUps) expect(text).toContain(f.title);
    for (const p of json.people) expect(text).toContain(p.name);
  });

  it('writes a one-page PDF of the busiest account naming its renewal, last touch and an open follow-up', { timeout: 120_000 }, () => {
    const json = JSON.parse(tend('brief', String(busiest.id), '--json').stdout);
    for (const paper of ['a4', 'letter']) {
      const out = path.join(dir, `brief-${paper}.pdf`);
      const run = tend('brief', String(busiest.id), '--out', out, '--paper', paper, '--json');
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ file: out, account: busiest.name });
      expect(pages(out)).toBe(1);
      const text = words(out);
      expect(text).toContain(busiest.name);
      expect(text).toContain(json.renewal.dueDate);
      expect(text).toContain('internal');
      // The last touch: its date and the start of its summary (long lines wrap in the PDF).
      expect(text).toContain(json.touches[0].date.slice(0, 10));
      expect(text).toContain(squeeze(json.touches[0].summary).split(' ').slice(0, 5).join(' '));
      expect(text).toContain(squeeze(json.followUps[0].title).split(' ').slice(0, 5).join(' '));
    }
  });

  it('says which account it could not find, and writes nothing', () => {
    const out = path.join(dir, 'nobody.pdf');
    const run = tend('brief', 'No Such Company', '--out', out);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('No Such Company');
    expect(fs.existsSync(out)).toBe(false);
  });
});
