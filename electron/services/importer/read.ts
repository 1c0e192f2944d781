// Reading a client's CSV: detect its encoding and delimiter, then stream its records through
// papaparse's parser in 1 MB chunks, so a 100 MB file is never held whole. Broken files are refused
// before anything is written, with a message naming the file and the row.
//
// Encoding (SPEC: UTF-8 with or without BOM, UTF-16, Windows-1252): a BOM decides; otherwise NUL
// bytes at every other position mean UTF-16 (LE or BE by which half is NUL); otherwise the whole
// file is checked for valid UTF-8 (natively, a fast pass) and Windows-1252 is used when it is not —
// unless the file also holds valid UTF-8 letters, which means two encodings were mixed (a file
// edited in two programs): decoding it either way would garble half of it, so it is refused.
//
// Chunking follows papaparse's own ChunkStreamer (parse `partial + chunk` ignoring the last,
// possibly cut, row; keep that row for the next chunk) using the library's exported Parser; doing it
// here lets us bound a row's size (an unclosed quote would otherwise swallow the rest of the file
// and re-parse it for every chunk), stop on an AbortSignal between chunks, and report progress.
import fs from 'node:fs';
import path from 'node:path';
import { isAscii, isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import Papa from 'papaparse';
import { TendError } from '../../../shared/errors';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type Delimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

export interface CsvFile {
  path: string;
  /** The file's base name, used in every message. */
  name: string;
  size: number;
  encoding: TextEncodingName;
  bom: boolean;
  delimiter: Delimiter;
  newline: '\r\n' | '\n' | '\r';
}

export interface CsvRecord {
  /** The row number a spreadsheet shows: the header is row 1, blank lines count. */
  row: number;
  cells: string[];
}

export interface CsvChunk {
  records: CsvRecord[];
  bytesRead: number;
}

export interface CsvHeader {
  /** Header cells, trimmed; an empty header cell becomes 'Column N'. */
  headers: string[];
  /** The header's row number (1 unless blank lines come first). */
  row: number;
}

const CHUNK_BYTES = 1 << 20;
const SNIFF_BYTES = 64 * 1024;
/** Longer than any real row: the sign of a quote that never closes. */
export const MAX_ROW_CHARS = 8 * 1024 * 1024;

const NOTHING_IMPORTED = 'Nothing was imported.';

export function describeDelimiter(delimiter: Delimiter): string {
  return { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' }[delimiter];
}

function importError(file: string, message: string, details: Record<string, unknown> = {}): TendError {
  return new TendError('import_failed', `${file}: ${message} ${NOTHING_IMPORTED}`, { file, ...details });
}

/**
 * What Cancel looks like to the reader and writer: an AbortSignal in the main process, a flag in
 * shared memory in the import worker (whose synchronous write loop never sees a message).
 */
export interface CancelSignal {
  readonly aborted: boolean;
}

export function cancelledError(): TendError {
  return new TendError('import_failed', `The import was cancelled. ${NOTHING_IMPORTED}`, { cancelled: true });
}

// ---- Encoding ----------------------------------------------------------------------------------

// Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as C1 controls (as Latin-1 does), not as
// the € ‚ ƒ „ … of Windows-1252; this table puts them right (and is a no-op once Node is fixed).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const C1 = /[\u0080-\u009f]/g;

export function decodeWindows1252(text: string): string {
  return text.replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

interface Decoder {
  decode(bytes: Uint8Array, last: boolean): string;
}

function makeDecoder(encoding: TextEncodingName): Decoder {
  if (encoding === 'utf-8' || encoding === 'utf-16le') {
    // Node's StringDecoder decodes natively and keeps a letter cut by the chunk's end for the next
    // chunk; for UTF-8 it is several times faster than TextDecoder in streaming mode. A chunk of
    // plain ASCII (most of most exports) is copied as it is, faster still. (A BOM is kept: headerOf
    // removes it from the first header.)
    const decoder = new StringDecoder(encoding === 'utf-8' ? 'utf8' : 'utf16le');
    const ascii = encoding === 'utf-8';
    // The decoder holds nothing back when the chunk before ended on an ASCII byte.
    let clean = true;
    return {
      decode: (bytes, last) => {
        const chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        if (ascii && clean && isAscii(chunk)) return chunk.toString('latin1');
        clean = chunk.length > 0 && chunk[chunk.length - 1] < 0x80;
        return last ? decoder.write(chunk) + decoder.end() : decoder.write(chunk);
      },
    };
  }
  const decoder = new TextDecoder(encoding);
  if (encoding === 'windows-1252') {
    return { decode: (bytes, last) => decodeWindows1252(decoder.decode(bytes, { stream: !last })) };
  }
  return { decode: (bytes, last) => decoder.decode(bytes, { stream: !last }) };
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

/** Validates UTF-8 byte by byte: how many multi-byte letters are valid, where the first bad byte is. */
function scanUtf8(bytes: Uint8Array): { multibyte: number; firstInvalid: number } {
  let multibyte = 0;
  let firstInvalid = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let valid = length > 0 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) valid = (bytes[i + k] & 0xc0) === 0x80;
    // No overlong forms, UTF-16 surrogates or code points past U+10FFFF (as isUtf8 rules).
    const second = bytes[i + 1];
    if (valid && ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f))) {
      valid = false;
    }
    if (valid) {
      multibyte++;
      i += length;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      i++;
    }
  }
  return { multibyte, firstInvalid };
}

function describeMagic(head: Uint8Array): string | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    return 'is an Excel workbook or another zip archive, not a CSV file. In Excel choose File → Save As → "CSV UTF-8 (Comma delimited)", then import that file.';
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return 'is an old Excel workbook (.xls), not a CSV file. In Excel choose File → Save As → "CSV UTF-8 (Comma delimited)", then import that file.';
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'is a PDF document, not a CSV file. Export the data as CSV from the program that made it.';
  if (starts(0x1f, 0x8b)) return 'is compressed (gzip). Unpack it first, then import the CSV inside.';
  if (starts(0x53, 0x51, 0x4c, 0x69, 0x74, 0x65)) return 'is a database file, not a CSV file.';
  if (starts(0xff, 0xfe, 0x00, 0x00) || starts(0x00, 0x00, 0xfe, 0xff)) {
    return 'is in UTF-32, which Tend does not read. Save it as "CSV UTF-8" and import it again.';
  }
  return null;
}

/** The encoding of a file (see the top of this module), or a TendError for what is not text. */
async function detectEncoding(file: string, name: string, size: number): Promise<{ encoding: TextEncodingName; bom: boolean }> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, size));
    await fh.read(head, 0, head.length, 0);
    const magic = describeMagic(head);
    if (magic) throw importError(name, magic);
    // A UTF-8 BOM is still checked below: bytes from another program appended to it are 'mixed'.
    const utf8Bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    if (!utf8Bom) {
      if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
      if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };

      // UTF-16 without a BOM: ASCII letters leave a NUL in every other byte.
      const pairs = Math.floor(head.length / 2);
      let evenNul = 0;
      let oddNul = 0;
      for (let i = 0; i + 1 < head.length; i += 2) {
        if (head[i] === 0) evenNul++;
        if (head[i + 1] === 0) oddNul++;
      }
      if (pairs > 0 && oddNul / pairs > 0.3 && evenNul / pairs < 0.05) return { encoding: 'utf-16le', bom: false };
      if (pairs > 0 && evenNul / pairs > 0.3 && oddNul / pairs < 0.05) return { encoding: 'utf-16be', bom: false };
    }

    let controls = 0;
    for (let i = 0; i < head.length; i++) {
      const b = head[i];
      if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 11 && b !== 12 && !(b === 0x1a && i === head.length - 1)) controls++;
    }
    if (controls > Math.max(2, head.length / 1000)) {
      throw importError(name, 'contains binary data (control bytes), so it is not a CSV text file. Export the data as CSV and import that file.');
    }

    // The whole file: NUL bytes (binary) and UTF-8 validity, a chunk at a time; a letter cut by the
    // chunk boundary is carried into the next chunk.
    const chunk = Buffer.alloc(CHUNK_BYTES + 4);
    let carry = 0;
    let position = 0;
    let utf8 = true;
    while (position < size) {
      const { bytesRead } = await fh.read(chunk, carry, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      const nul = chunk.indexOf(0, carry);
      if (nul >= 0 && nul < carry + bytesRead) {
        throw importError(
          name,
          `contains binary data (a NUL byte at byte ${position + nul - carry + 1}), so it is not a CSV text file. Export the data as CSV and import that file.`,
        );
      }
      position += bytesRead;
      let end = carry + bytesRead;
      const last = position >= size;
      if (!last) {
        // Hold back an incomplete multi-byte letter at the end of the chunk.
        let back = 0;
        while (back < 3 && end - back - 1 >= 0 && (chunk[end - back - 1] & 0xc0) === 0x80) back++;
        const lead = chunk[end - back - 1];
        const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
        if (lead >= 0xc0 && need > back + 1) end -= back + 1;
      }
      if (utf8 && !isUtf8(chunk.subarray(0, end))) utf8 = false;
      const rest = carry + bytesRead - end;
      chunk.copy(chunk, 0, end, end + rest);
      carry = rest;
    }
    if (utf8) return { encoding: 'utf-8', bom: utf8Bom };

    // Not UTF-8. Windows-1252, unless valid UTF-8 letters (or a UTF-8 BOM) show the file mixes two
    // encodings. This rare path reads the whole file to say where.
    const whole = await fs.promises.readFile(file);
    const { multibyte, firstInvalid } = scanUtf8(whole);
    if (multibyte > 0 || utf8Bom) {
      throw importError(
        name,
        `mixes two text encodings: most of it is UTF-8, but line ${lineOfOffset(whole, firstInvalid)} is not (probably Windows-1252, from another program), so either way part of it would be garbled. Open it in a spreadsheet, save it as "CSV UTF-8" and import it again.`,
        { line: lineOfOffset(whole, firstInvalid) },
      );
    }
    return { encoding: 'windows-1252', bom: false };
  } finally {
    await fh.close();
  }
}

// ---- Delimiter ---------------------------------------------------------------------------------

/** The delimiter and line break, guessed by papaparse from the first rows. */
export function sniffDialect(sample: string): { delimiter: Delimiter; newline: '\r\n' | '\n' | '\r' } {
  // Only whole lines: a cut-off last line would skew the field counts papaparse compares.
  const lastBreak = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
  const text = lastBreak > 0 ? sample.slice(0, lastBreak + 1) : sample;
  const guessed = Papa.parse<string[]>(text, { delimitersToGuess: [...DELIMITERS], preview: 50 });
  const delimiter = (DELIMITERS as readonly string[]).includes(guessed.meta.delimiter) ? (guessed.meta.delimiter as Delimiter) : ',';
  const linebreak = guessed.meta.linebreak;
  const newline = linebreak === '\r\n' || linebreak === '\r' ? linebreak : '\n';
  return { delimiter, newline };
}

// ---- Opening -----------------------------------------------------------------------------------

/** Checks that a file is a readable CSV and detects its encoding, delimiter and line breaks. */
export async function inspectCsv(file: string): Promise<CsvFile> {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new TendError('file_not_found', `${file} does not exist. Check the path and try again. ${NOTHING_IMPORTED}`, { file });
    }
    throw importError(name, `cannot be read (${(err as Error).message}).`);
  }
  if (stat.isDirectory()) throw importError(name, 'is a folder, not a CSV file. Choose the file inside it.');
  if (stat.size === 0) throw importError(name, 'is empty (0 bytes). Export the data again; the file should start with a header row naming its columns.');
  try {
    await fs.promises.access(file, fs.constants.R_OK);
  } catch {
    throw importError(name, 'cannot be read: permission denied. Check the file\'s permissions.');
  }
  const { encoding, bom } = await detectEncoding(file, name, stat.size);
  const fh = await fs.promises.open(file, 'r');
  let sample: string;
  try {
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, stat.size));
    await fh.read(head, 0, head.length, 0);
    sample = makeDecoder(encoding).decode(head, head.length === stat.size);
  } finally {
    await fh.close();
  }
  if (sample.trim() === '') throw importError(name, 'holds only blank lines. Export the data again; the file should start with a header row naming its columns.');
  const { delimiter, newline } = sniffDialect(sample);
  return { path: file, name, size: stat.size, encoding, bom, delimiter, newline };
}

function isBlank(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i].trim() !== '') return false;
  return true;
}

interface PapaError {
  code: string;
  row: number;
}

/**
 * Every non-blank record of the file, header included, in chunks. Refuses (TendError) a quote that
 * never closes, text after a closing quote, and a row longer than MAX_ROW_CHARS.
 */
export async function* streamRecords(csv: CsvFile, signal?: CancelSignal): AsyncGenerator<CsvChunk> {
  const fh = await fs.promises.open(csv.path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const decoder = makeDecoder(csv.encoding);
    const parser = new Papa.Parser({ delimiter: csv.delimiter, newline: csv.newline, quoteChar: '"' });
    let partial = '';
    let base = 0;
    let position = 0;
    let recordsBefore = 0;
    for (;;) {
      if (signal?.aborted) throw cancelledError();
      const { bytesRead } = await fh.read(buffer, 0, CHUNK_BYTES, position);
      position += bytesRead;
      const last = bytesRead === 0 || position >= csv.size;
      const aggregate = partial + decoder.decode(buffer.subarray(0, bytesRead), last);
      const results = parser.parse(aggregate, base, !last) as {
        data: string[][];
        errors: PapaError[];
        meta: { cursor: number };
      };
      const data = results.data;
      // An error in the unfinished last row is looked at again with the next chunk (a chunk can
      // end between a closing quote and its delimiter), so only finished rows' errors count.
      for (const error of results.errors) {
        if (!last && error.row >= data.length) continue;
        const row = recordsBefore + error.row + 1;
        if (error.code === 'MissingQuotes') {
          throw importError(
            csv.name,
            `row ${row} opens a quote (") that is never closed, so everything after it would be read as one cell. Close the quote or remove it, save the file and import it again.`,
            { row },
          );
        }
        throw importError(
          csv.name,
          `row ${row} has text right after a closing quote. A quote inside a quoted cell must be written twice (""). Fix that cell, save the file and import it again.`,
          { row },
        );
      }
      partial = last ? '' : aggregate.substring(results.meta.cursor - base);
      base = results.meta.cursor;
      if (partial.length > MAX_ROW_CHARS) {
        throw importError(
          csv.name,
          `row ${recordsBefore + data.length + 1} is longer than ${MAX_ROW_CHARS.toLocaleString('en-US')} characters — almost always a quote (") that is never closed, which swallows the rest of the file. Fix the quote, save the file and import it again.`,
          { row: recordsBefore + data.length + 1 },
        );
      }
      const records: CsvRecord[] = [];
      for (let i = 0; i < data.length; i++) {
        if (!isBlank(data[i])) records.push({ row: recordsBefore + i + 1, cells: data[i] });
      }
      recordsBefore += data.length;
      if (records.length || last) yield { records, bytesRead: position };
      if (last) return;
    }
  } finally {
    await fh.close();
  }
}

/** The header row: trimmed names, blanks named 'Column N'; refuses duplicate names. */
export function headerOf(csv: CsvFile, record: CsvRecord): CsvHeader {
  const headers = record.cells.map((cell, i) => {
    const name = cell.replace(/^\ufeff/, '').trim();
    return name === '' ? `Column ${i + 1}` : name;
  });
  const seen = new Map<string, number>();
  for (let i = 0; i < headers.length; i++) {
    const key = headers[i].toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      throw importError(
        csv.name,
        `has two columns named "${headers[i]}" (columns ${first + 1} and ${i + 1} of the header row), so Tend cannot tell them apart. Rename one of them and import the file again.`,
        { row: record.row, column: headers[i] },
      );
    }
    seen.set(key, i);
  }
  return { headers, row: record.row };
}

/** Reads just the header row. */
export async function readHeader(csv: CsvFile, signal?: CancelSignal): Promise<CsvHeader> {
  for await (const chunk of streamRecords(csv, signal)) {
    if (chunk.records.length) return headerOf(csv, chunk.records[0]);
  }
  throw importError(csv.name, 'holds only blank lines. Export the data again; the file should start with a header row naming its columns.');
}
