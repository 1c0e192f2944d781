// The reader's pure helpers and its promise never to crash: whatever bytes a file holds, reading it
// either yields records or refuses with a TendError that says why.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TendError } from '../../../shared/errors';
import { decodeWindows1252, inspectCsv, readHeader, sniffDialect, streamRecords } from '../../../electron/services/importer/read';
import { tempDir } from '../../helpers';

describe('Windows-1252', () => {
  it('decodes the bytes 0x80–0x9F as Windows-1252 letters, which Node’s own decoder leaves as controls', () => {
    const latin = new TextDecoder('windows-1252').decode(Uint8Array.from([0x80, 0x92, 0x93, 0x94, 0x9c, 0xe9]));
    expect(decodeWindows1252(latin)).toBe('€’“”œé');
  });
});

describe('sniffing the dialect', () => {
  it('finds comma, semicolon, tab and pipe delimiters and the line break', () => {
    expect(sniffDialect('a,b,c\r\n1,2,3\r\n')).toEqual({ delimiter: ',', newline: '\r\n' });
    expect(sniffDialect('a;b;c\n1,5;2,5;3\n')).toEqual({ delimiter: ';', newline: '\n' });
    expect(sniffDialect('a\tb\tc\n1\t2\t3\n')).toEqual({ delimiter: '\t', newline: '\n' });
    expect(sniffDialect('a|b|c\n1|2|3\n')).toEqual({ delimiter: '|', newline: '\n' });
  });

  it('keeps a single-column file on the comma', () => {
    expect(sniffDialect('name\nAcme\nGlobex\n').delimiter).toBe(',');
  });
});

describe('reading any bytes', () => {
  const dir = tempDir('tend-read-');
  let n = 0;

  async function readAll(bytes: Uint8Array): Promise<number> {
    const file = path.join(dir, `f${n++}.csv`);
    fs.writeFileSync(file, bytes);
    const csv = await inspectCsv(file);
    await readHeader(csv);
    let records = 0;
    for await (const chunk of streamRecords(csv)) records += chunk.records.length;
    return records;
  }

  it('never crashes on random bytes: it reads them or refuses with a TendError (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        try {
          await readAll(bytes);
        } catch (err) {
          expect(err).toBeInstanceOf(TendError);
          expect((err as TendError).message).toMatch(/^f\d+\.csv: |does not exist/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never crashes on random text full of quotes, delimiters and line breaks (property)', async () => {
    const alphabet = fc.constantFrom('a', 'é', '"', ',', ';', '\t', '|', '\n', '\r', ' ', '1', '€');
    await fc.assert(
      fc.asyncProperty(fc.array(alphabet, { maxLength: 400 }), async (chars) => {
        try {
          await readAll(new TextEncoder().encode(chars.join('')));
        } catch (err) {
          expect(err).toBeInstanceOf(TendError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
