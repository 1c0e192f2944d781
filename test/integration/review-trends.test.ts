// The portfolio review PDF's trends page (issue 16), from the built CLI over the sample book: the
// twelve months through the review's month, on a page of their own, every chart drawn.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, tempDir } from '../helpers';

const BIN = path.resolve('dist/cli/tend.js');

describe('tend review', () => {
  it('ends with a trends page: the twelve months through the review month, each chart titled', { timeout: 120_000 }, () => {
    if (!fs.existsSync(BIN)) throw new Error('dist/cli/tend.js is missing: run `npm run build` first (npm test does).');
    const dir = tempDir('tend-review-trends-');
    const db = path.join(dir, 'book.db');
    const tend = (...args: string[]) => spawnSync('node', [BIN, '--db', db, '--as-of', AS_OF, ...args], { encoding: 'utf8' });
    expect(tend('demo').status).toBe(0);
    const out = path.join(dir, 'review.pdf');
    const run = tend('review', '--month', '2026-10', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))![1]);
    const lastPage = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), '-layout', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(lastPage).toContain('TRENDS — NOV 25 TO OCT 26, EACH MONTH AT ITS END');
    for (const title of ['ARR', 'Revenue retention', 'Churn', 'NPS', 'CSAT and CES', 'Incubation pipeline vs triage value', 'Band mix', 'Cadence and executive coverage', 'Your touches']) {
      expect(lastPage).toContain(title);
    }
    // The page before it is the rest of the review: the trends start a page of their own.
    const before = execFileSync('pdftotext', ['-f', String(pages - 1), '-l', String(pages - 1), out, '-'], { encoding: 'utf8' });
    expect(before).not.toContain('TRENDS —');
  });
});
