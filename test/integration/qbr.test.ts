// QBR and portfolio review PDFs from the built CLI, read back with poppler: pdftotext for the words,
// pdfinfo for the paper, pdfimages for "charts are vectors", pdftoppm to render every page.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, tempDir } from '../helpers';

const BIN = path.resolve('dist/cli/tend.js');
const dir = tempDir('tend-qbr-');
const db = path.join(dir, 'book.db');
const tend = (...args: string[]) => spawnSync('node', [BIN, '--db', db, '--as-of', AS_OF, ...args], { encoding: 'utf8' });
const words = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);

beforeAll(() => {
  if (!fs.existsSync(BIN)) throw new Error('dist/cli/tend.js is missing: run `npm run build` first (npm test does).');
  expect(tend('demo').status).toBe(0);
});

describe('tend qbr', () => {
  it('writes an internal QBR naming the account, its score, the period and a flag reason, with vector charts', () => {
    const out = path.join(dir, 'granite.pdf');
    const run = tend('qbr', 'DEMO-012', '--from', '2026-10-01', '--to', AS_OF, '--out', out, '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ account: 'Granite Peak Construction', audience: 'internal', period: { from: '2026-10-01', to: AS_OF } });
    const score = JSON.parse(tend('score', '--json').stdout).accounts.find((a: { externalId: string }) => a.externalId === 'DEMO-012');
    const text = words(out);
    expect(text).toContain('Granite Peak Construction');
    expect(text).toContain('2026-10-01 – 2026-11-24');
    expect(text).toContain(`${score.score} · At risk`);
    expect(text).toContain('No executive touch in 52 days; renewal in 48 days');
    expect(text.toLowerCase()).toContain('internal notes'); // headings are set in capitals
    expect(text).toMatch(/Page 1 of \d/);
    // Charts are drawn as vectors: the PDF holds no raster image at all.
    expect(execFileSync('pdfimages', ['-list', out], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(2);
    // Every page renders.
    const n = pages(out);
    execFileSync('pdftoppm', ['-r', '50', '-png', out, path.join(dir, 'granite')]);
    const pngs = fs.readdirSync(dir).filter((f) => /^granite-\d+\.png$/.test(f));
    expect(pngs).toHaveLength(n);
    for (const png of pngs) expect(fs.statSync(path.join(dir, png)).size).toBeGreaterThan(5_000);
  });

  it('prints the customer copy without internal judgments, and the score only with --with-health', () => {
    const out = path.join(dir, 'granite-customer.pdf');
    const run = tend('qbr', 'Granite Peak Construction', '--from', '2026-10-01', '--to', AS_OF, '--customer', '--out', out, '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).audience).toBe('customer');
    const text = words(out);
    expect(text).toContain('Granite Peak Construction');
    expect(text).toContain('Business review');
    for (const internal of ['No executive touch in 52 days', 'At risk', 'Mid-market', 'Triage', 'weak', '· Construction']) expect(text).not.toContain(internal);
    for (const internal of ['flags this period', 'internal notes', 'pulse', 'health score']) expect(text.toLowerCase()).not.toContain(internal);
    const withHealth = path.join(dir, 'granite-customer-health.pdf');
    expect(tend('qbr', 'DEMO-012', '--customer', '--with-health', '--out', withHealth).status).toBe(0);
    expect(words(withHealth).toLowerCase()).toContain('health score');
    const refused = tend('qbr', 'DEMO-012', '--with-health', '--out', withHealth);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('add --customer');
  }, 120_000);

  it('defaults to the quarter to date (the last full quarter early in a quarter) and prints on Letter when asked', () => {
    const out = path.join(dir, 'letter.pdf');
    const run = tend('qbr', '1', '--paper', 'letter', '--out', out, '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).period).toEqual({ from: '2026-10-01', to: AS_OF, label: 'Q4 2026 to date' });
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(words(out)).toContain('Q4 2026 to date');
    const early = spawnSync('node', [BIN, '--db', db, '--as-of', '2026-10-10', 'qbr', '1', '--out', path.join(dir, 'early.pdf'), '--json'], { encoding: 'utf8' });
    expect(early.status).toBe(0);
    expect(JSON.parse(early.stdout).period).toEqual({ from: '2026-07-01', to: '2026-09-30', label: 'Q3 2026' });
  }, 120_000);

  it('labels what is true today, not at the end of a past period, as of today', () => {
    const out = path.join(dir, 'q3.pdf');
    expect(tend('qbr', 'DEMO-012', '--from', '2026-07-01', '--to', '2026-09-30', '--out', out).status).toBe(0);
    const text = words(out);
    expect(text).toContain('Q3 2026');
    // The ARR and renewal tiles (read between the last tile label and the next section heading;
    // pdftotext interleaves the tiles' wrapped lines) each say they are as of today.
    const tiles = text.slice(text.indexOf('TOUCHES'), text.indexOf('HEALTH OVER THE PERIOD'));
    expect(tiles).toContain('MRR ·');
    expect(tiles.split(`as of ${AS_OF}`).length - 1).toBe(2);
  });

  it('says which accounts match an ambiguous name and writes nothing', () => {
    const out = path.join(dir, 'nothing.pdf');
    const ambiguous = tend('qbr', 'Harbor', '--out', out);
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toMatch(/"Harbor" matches \d accounts: .*Use the id or the full name/);
    const missing = tend('qbr', 'Nobody Inc', '--out', out);
    expect(missing.stderr).toContain('No account matches "Nobody Inc"');
    const backwards = tend('qbr', '1', '--from', '2026-10-01', '--to', '2026-09-01', '--out', out);
    expect(backwards.stderr).toContain('The period starts (2026-10-01) after it ends (2026-09-01)');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('tend review', () => {
  it('writes the portfolio review with KPI tiles, renewals and the triage list', () => {
    const out = path.join(dir, 'review.pdf');
    const run = tend('review', '--month', '2026-10', '--out', out);
    expect(run.status).toBe(0);
    const text = words(out);
    const lower = text.toLowerCase(); // headings and tile labels are set in capitals
    expect(lower).toContain('portfolio review · 2026-10');
    expect(lower).toContain('net revenue retention');
    expect(lower).toContain('renewals in the next 90 days');
    expect(lower).toContain('in triage');
    expect(text).toContain('Granite Peak Construction');
    expect(pages(out)).toBeGreaterThanOrEqual(1);
  });
});
