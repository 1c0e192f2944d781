// Real files on disk: the broken-file corpus (test/fixtures/import) — each refused or reported with
// a clear message naming the file and row, changing nothing it should not — and the encodings,
// delimiters and date conventions clients actually send.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TendError } from '../../../shared/errors';
import { importSetup, type ImportEnv } from './helpers';

const FIXTURES = path.resolve('test', 'fixtures', 'import');
const fixture = (name: string) => path.join(FIXTURES, name);

async function refused(env: ImportEnv, file: string, kind: 'accounts' | 'contacts' = 'accounts'): Promise<TendError> {
  const before = env.fingerprint();
  const err = await env.importer.run({ kind, file }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TendError);
  expect(env.fingerprint()).toBe(before);
  return err as TendError;
}

describe('the broken-file corpus', () => {
  it('refuses an empty file, saying what the file should hold', async () => {
    const env = await importSetup();
    const err = await refused(env, fixture('empty.csv'));
    expect(err.message).toBe(
      'empty.csv: is empty (0 bytes). Export the data again; the file should start with a header row naming its columns. Nothing was imported.',
    );
  });

  it('refuses a file of blank lines', async () => {
    const env = await importSetup();
    expect((await refused(env, fixture('blank-lines.csv'))).message).toMatch(/^blank-lines\.csv: holds only blank lines/);
  });

  it('refuses a header with no data rows', async () => {
    const env = await importSetup();
    expect((await refused(env, fixture('header-only.csv'))).message).toBe(
      'header-only.csv has a header row but no data rows, so there is nothing to import. Check that you exported the right file. Nothing was imported.',
    );
  });

  it('refuses binary bytes', async () => {
    const env = await importSetup();
    expect((await refused(env, fixture('binary.csv'))).message).toMatch(/^binary\.csv: contains binary data .* not a CSV text file/);
  });

  it('recognises an Excel workbook and says how to save it as CSV', async () => {
    const env = await importSetup();
    expect((await refused(env, fixture('workbook.csv'))).message).toMatch(/is an Excel workbook .*Save As → "CSV UTF-8/);
  });

  it('lands the good rows of a ragged file and reports the ragged ones with their row numbers', async () => {
    const env = await importSetup();
    const result = await env.importer.run({ kind: 'accounts', file: fixture('ragged.csv') });
    // Row 5 only has trailing empty cells, which exports often add: it lands.
    expect(result.inserted).toBe(2);
    expect(result.errors.map((e) => [e.row, e.message])).toEqual([
      [3, 'the row has 2 cells but the header has 3 columns — a delimiter or a quote is probably missing or extra in this row'],
      [4, 'the row has 4 cells but the header has 3 columns — a delimiter or a quote is probably missing or extra in this row'],
    ]);
    expect(env.rows('SELECT external_id FROM accounts ORDER BY id').map((r) => r.external_id)).toEqual(['A-1', 'A-4']);
  });

  it('refuses an unclosed quote, naming the row where it opens', async () => {
    const env = await importSetup();
    expect((await refused(env, fixture('unclosed-quote.csv'))).message).toBe(
      'unclosed-quote.csv: row 3 opens a quote (") that is never closed, so everything after it would be read as one cell. Close the quote or remove it, save the file and import it again. Nothing was imported.',
    );
  });

  it('refuses text after a closing quote, naming the row', async () => {
    const env = await importSetup();
    expect((await refused(env, fixture('text-after-quote.csv'))).message).toMatch(/^text-after-quote\.csv: row 2 has text right after a closing quote/);
  });

  it('refuses duplicate headers, naming both columns', async () => {
    const env = await importSetup();
    expect((await refused(env, fixture('duplicate-headers.csv'))).message).toBe(
      'duplicate-headers.csv: has two columns named "email" (columns 3 and 5 of the header row), so Tend cannot tell them apart. Rename one of them and import the file again. Nothing was imported.',
    );
  });

  it('refuses a file that mixes UTF-8 and Windows-1252, naming the line', async () => {
    const env = await importSetup();
    expect((await refused(env, fixture('mixed-encoding.csv'))).message).toMatch(/^mixed-encoding\.csv: mixes two text encodings: .*line 3 is not/);
  });

  it('refuses a UTF-8 file (with BOM) that has Windows-1252 lines appended', async () => {
    const env = await importSetup();
    expect((await refused(env, fixture('bom-then-1252.csv'))).message).toMatch(/^bom-then-1252\.csv: mixes two text encodings: .*line 3 is not/);
  });

  it('reports text longer than its field takes as a bad cell', async () => {
    const env = await importSetup();
    const result = await env.importer.run({ kind: 'accounts', file: env.write('long.csv', `Name,Industry\r\nAcme,${'x'.repeat(250)}\r\n`) });
    expect(result.errors).toEqual([
      { row: 2, column: 'Industry', value: 'x'.repeat(250), message: 'the text has 250 characters; industry takes at most 200' },
    ]);
  });

  it('reports a 5 MB single field as a bad cell with its row and column, landing the other rows', async () => {
    const env = await importSetup();
    const file = env.write('giant-field.csv', `External ID,Name,Notes\r\nA-1,Acme,short\r\nA-2,Globex,"${'x'.repeat(5 * 1024 * 1024)}"\r\nA-3,Initech,short\r\n`);
    const result = await env.importer.run({ kind: 'accounts', file });
    expect(result.inserted).toBe(2);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ row: 3, column: 'Notes' });
    expect(result.errors[0].message).toMatch(/^the cell holds 5,242,880 characters; Tend keeps at most 100,000/);
  });

  it('stops an unclosed quote in a big file early instead of reading the rest as one cell', async () => {
    const env = await importSetup();
    const rows = Array.from({ length: 200_000 }, (_, i) => `A-${i},Account ${i},note ${i}`).join('\r\n');
    const file = env.write('big-unclosed.csv', `External ID,Name,Notes\r\nB-1,Broken,"starts here\r\n${rows}\r\n`);
    expect(fs.statSync(file).size).toBeGreaterThan(5_000_000);
    const err = await refused(env, file);
    expect(err.message).toMatch(/^big-unclosed\.csv: (row 2 opens a quote|row 2 is longer than)/);
  });

  it('says a missing file does not exist', async () => {
    const env = await importSetup();
    const err = await refused(env, path.join(env.dir, 'nope.csv'));
    expect(err.code).toBe('file_not_found');
    expect(err.message).toMatch(/nope\.csv does not exist/);
  });
});

describe('encodings', () => {
  const expected = [
    { external_id: 'A-1', name: 'Société Générale', industry: 'Banque', mrr_cents: 120050 },
    { external_id: 'A-2', name: 'Zürich Café – Nord', industry: 'Café', mrr_cents: 9900 },
    { external_id: 'A-3', name: 'Smith "Bob" & Sons', industry: 'Line one\nLine two', mrr_cents: 30000 },
  ];

  for (const [name, encoding] of [
    ['utf8-bom.csv', 'utf-8'],
    ['utf16le-bom.csv', 'utf-16le'],
    ['utf16be-bom.csv', 'utf-16be'],
    ['utf16le-no-bom.csv', 'utf-16le'],
    ['windows-1252.csv', 'windows-1252'],
  ] as const) {
    it(`reads ${name} as ${encoding}, with quoted line breaks and doubled quotes`, async () => {
      const env = await importSetup();
      const result = await env.importer.run({ kind: 'accounts', file: fixture(name) });
      expect(result).toMatchObject({ encoding, inserted: 3, errors: [] });
      expect(env.rows('SELECT external_id, name, industry, mrr_cents FROM accounts ORDER BY external_id')).toEqual(expected);
    });
  }

  it('takes the currency a money cell writes when the file has no currency column', async () => {
    const env = await importSetup();
    await env.importer.run({ kind: 'accounts', file: fixture('utf8-bom.csv') });
    expect(env.rows<{ currency: string }>("SELECT currency FROM accounts WHERE external_id = 'A-2'")[0].currency).toBe('EUR');
  });
});

describe('delimiters and conventions', () => {
  it('reads a European file: semicolons, Windows-1252, decimal commas and day-first dates', async () => {
    const env = await importSetup();
    const result = await env.importer.run({ kind: 'accounts', file: fixture('semicolon-dayfirst.csv') });
    expect(result).toMatchObject({ delimiter: ';', encoding: 'windows-1252', inserted: 3, errors: [] });
    expect(result.dateColumns).toEqual([
      { column: 'Contract Start', field: 'contractStart', format: 'dmy' },
      { column: 'Renewal Date', field: 'renewalDate', format: 'dmy' },
    ]);
    expect(env.rows('SELECT name, mrr_cents, contract_start, renewal_date, custom_fields FROM accounts ORDER BY id')).toEqual([
      { name: 'Müller GmbH', mrr_cents: 120050, contract_start: '2023-04-03', renewal_date: '2024-12-31', custom_fields: '{"Kundennummer":"K-1"}' },
      { name: 'Schmidt AG', mrr_cents: 9990, contract_start: '2023-01-25', renewal_date: '2025-02-01', custom_fields: '{"Kundennummer":"K-2"}' },
      { name: 'Weber KG', mrr_cents: 200000, contract_start: '2023-02-01', renewal_date: '2025-06-05', custom_fields: '{"Kundennummer":"K-3"}' },
    ]);
  });

  it('reads tab-delimited files, with 1,200 as a thousands separator', async () => {
    const env = await importSetup();
    const result = await env.importer.run({ kind: 'accounts', file: fixture('tab-delimited.tsv') });
    expect(result).toMatchObject({ delimiter: '\t', delimiterName: 'tab', inserted: 2 });
    expect(env.rows('SELECT name, segment, seats FROM accounts ORDER BY id')).toEqual([
      { name: 'Acme, Inc.', segment: 'enterprise', seats: 1200 },
      { name: 'Globex', segment: 'mid_market', seats: 80 },
    ]);
  });

  it('reads pipe-delimited files', async () => {
    const env = await importSetup();
    const result = await env.importer.run({ kind: 'accounts', file: fixture('pipe-delimited.csv') });
    expect(result).toMatchObject({ delimiter: '|', inserted: 2 });
    expect(env.rows('SELECT stage FROM accounts ORDER BY id').map((r) => r.stage)).toEqual(['adoption', 'triage']);
  });

  it('decides month-first from the one value that proves it, for the whole column', async () => {
    const env = await importSetup();
    const result = await env.importer.run({ kind: 'accounts', file: fixture('month-first-dates.csv') });
    expect(result.dateColumns).toEqual([
      { column: 'Renewal Date', field: 'renewalDate', format: 'mdy' },
      { column: 'Contract Start', field: 'contractStart', format: 'iso' },
    ]);
    expect(env.rows('SELECT renewal_date FROM accounts ORDER BY id').map((r) => r.renewal_date)).toEqual(['2025-03-04', '2025-12-25']);
  });

  it('refuses an ambiguous date column without --date-format, naming the column', async () => {
    const env = await importSetup();
    const err = await refused(env, fixture('ambiguous-dates.csv'));
    expect(err.message).toBe(
      'ambiguous-dates.csv: the dates in column "Renewal Date" could be day-first or month-first (like 03/04/2024), and no value in the column settles it. Run again with --date-format dmy (day/month/year) or --date-format mdy (month/day/year). Nothing was imported.',
    );
    expect(err.details).toMatchObject({ columns: ['Renewal Date'] });
  });

  it('reads an ambiguous date column the way --date-format says', async () => {
    const env = await importSetup();
    await env.importer.run({ kind: 'accounts', file: fixture('ambiguous-dates.csv'), dateFormat: 'dmy' });
    expect(env.rows('SELECT renewal_date FROM accounts ORDER BY id').map((r) => r.renewal_date)).toEqual(['2025-04-03', '2025-06-05']);
  });

  it('previews an ambiguous date column as a question rather than an error', async () => {
    const env = await importSetup();
    const preview = await env.importer.preview({ kind: 'accounts', file: fixture('ambiguous-dates.csv') });
    expect(preview.ambiguousDateColumns).toEqual(['Renewal Date']);
    expect(preview.rows[0].errors[0].message).toBe('"03/04/2025" could be 3 April 2025 or 4 March 2025; choose day-first or month-first for this column');
  });

  it('streams a file bigger than one chunk with quoted line breaks crossing the chunk boundaries', async () => {
    const env = await importSetup();
    const rows = Array.from({ length: 50_000 }, (_, i) => `A-${i},"Account ${i}","line one\r\nline ""two"" of ${i}"`);
    const file = env.write('multi-chunk.csv', `External ID,Name,Notes\r\n${rows.join('\r\n')}\r\n`);
    expect(fs.statSync(file).size).toBeGreaterThan(2 * 1024 * 1024);
    const result = await env.importer.run({ kind: 'accounts', file });
    expect(result).toMatchObject({ inserted: 50_000, skipped: 0 });
    expect(env.rows("SELECT notes FROM accounts WHERE external_id = 'A-49999'")[0].notes).toBe('line one\r\nline "two" of 49999');
  });
});
