// The CSV writer: papaparse's unparse with spreadsheet formula injection neutralised.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from '../../../electron/services/importer/export';

describe('the CSV writer', () => {
  it('puts an apostrophe before cells a spreadsheet would run as a formula', () => {
    for (const cell of ['=HYPERLINK("http://evil","x")', '+cmd|/c calc', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    }
  });

  it('leaves plain signed numbers and ordinary text alone', () => {
    for (const cell of ['-500.00', '+12', '-3,5', 'Acme', 'a=b', '']) expect(neutraliseFormula(cell)).toBe(cell);
  });

  it('writes a BOM, CRLF lines, quotes where needed and neutralised formulas, read back by papaparse', () => {
    const text = toCsv(['name', 'note', 'mrr'], [
      ['Acme, Inc.', 'said "hi"\nthen left', -500],
      ['=cmd()', null, true],
    ]);
    expect(text.startsWith('\ufeffname,note,mrr\r\n')).toBe(true);
    const back = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(back).toEqual([
      ['name', 'note', 'mrr'],
      ['Acme, Inc.', 'said "hi"\nthen left', '-500'],
      ["'=cmd()", '', 'yes'],
    ]);
  });

  it('neutralises a formula even when the cell spans several lines', () => {
    const text = toCsv(['x'], [['=1+1\nsecond line']]);
    expect(text).toContain(`"'=1+1\nsecond line"`);
  });
});
