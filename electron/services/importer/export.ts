// CSV out: the counterpart of import (issue 5, item 6). Any rows become a CSV that spreadsheets
// open safely: a cell starting with =, +, -, @, tab or CR would run as a formula in Excel or Sheets
// (CSV injection), so it gets a leading apostrophe — except plain numbers such as -500 or +12.5,
// which spreadsheets read as numbers, never as formulas (escaping them would turn a contraction's
// -500.00 into text). The importer strips that apostrophe again, so export → import round-trips.
//
// exportKindCsv writes a kind with the import's own field names as headers (plus one column per
// custom field), so an exported file re-imports as "unchanged".
import Papa from 'papaparse';
import type { ImportKind } from '../../../shared/domain';
import type { ServiceContext } from '../context';

/** Cells a spreadsheet would evaluate: a formula start that is not simply a signed number. */
export const FORMULA_START = /^(?![+-]?\d+(?:[.,]\d+)?$)[=+\-@\t\r]/;

/** The cell as it must be written so a spreadsheet shows it as text, not run it. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export type CsvCell = string | number | boolean | null | undefined;

/**
 * A CSV document (UTF-8 with BOM so Excel reads the accents, CRLF line breaks, quotes only where
 * needed) through papaparse's unparse, formulas neutralised.
 */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const data = rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : typeof cell === 'boolean' ? (cell ? 'yes' : 'no') : cell)));
  const body = Papa.unparse(
    { fields: headers.map((h) => h), data },
    { newline: '\r\n', escapeFormulae: FORMULA_START, quotes: false },
  );
  return `\ufeff${body}\r\n`;
}

const money = (cents: number | null) => (cents === null ? '' : (cents / 100).toFixed(2));

type Row = Record<string, string | number | null>;

interface KindExport {
  headers: string[];
  sql: string;
  cells(row: Row): CsvCell[];
}

const LINK_SQL = 'a.external_id AS accountExternalId, a.name AS accountName';

const EXPORTS: Record<ImportKind, KindExport> = {
  accounts: {
    headers: ['externalId', 'name', 'segment', 'stage', 'mrr', 'currency', 'contractStart', 'renewalDate', 'seats', 'industry', 'website', 'notes'],
    sql: 'SELECT * FROM accounts ORDER BY id',
    cells: (r) => [r.external_id, r.name, r.segment, r.stage, money(r.mrr_cents as number), r.currency, r.contract_start, r.renewal_date, r.seats, r.industry, r.website, r.notes],
  },
  contacts: {
    headers: ['accountExternalId', 'accountName', 'externalId', 'name', 'email', 'title', 'level', 'isUser', 'role', 'strength', 'leftOn', 'notes'],
    sql: `SELECT c.*, ${LINK_SQL} FROM contacts c JOIN accounts a ON a.id = c.account_id ORDER BY c.id`,
    cells: (r) => [r.accountExternalId, r.accountName, r.external_id, r.name, r.email, r.title, r.level, r.is_user ? 'yes' : 'no', r.role, r.strength, r.left_on, r.notes],
  },
  touches: {
    headers: ['accountExternalId', 'accountName', 'occurredAt', 'type', 'contacts', 'summary', 'notes', 'sentiment', 'nextStep', 'followUpDue'],
    sql: `SELECT t.*, ${LINK_SQL},
            (SELECT group_concat(coalesce(c.email, c.name), '; ') FROM touch_contacts tc JOIN contacts c ON c.id = tc.contact_id
             WHERE tc.touch_id = t.id) AS contactList
          FROM touches t JOIN accounts a ON a.id = t.account_id ORDER BY t.id`,
    cells: (r) => [r.accountExternalId, r.accountName, r.occurred_at, r.type, r.contactList, r.summary, r.notes, r.sentiment, r.next_step, r.follow_up_due],
  },
  metrics: {
    headers: ['accountExternalId', 'accountName', 'date', 'key', 'value'],
    sql: `SELECT m.*, ${LINK_SQL} FROM metric_samples m JOIN accounts a ON a.id = m.account_id ORDER BY m.id`,
    cells: (r) => [r.accountExternalId, r.accountName, r.date, r.key, r.value],
  },
  revenue: {
    headers: ['accountExternalId', 'accountName', 'date', 'kind', 'mrrDelta'],
    sql: `SELECT e.*, ${LINK_SQL} FROM revenue_events e JOIN accounts a ON a.id = e.account_id ORDER BY e.id`,
    cells: (r) => [r.accountExternalId, r.accountName, r.date, r.kind, money(r.mrr_delta_cents as number)],
  },
  surveys: {
    headers: ['accountExternalId', 'accountName', 'contactEmail', 'kind', 'score', 'date', 'comment'],
    sql: `SELECT s.*, ${LINK_SQL}, c.email AS contactEmail FROM survey_responses s JOIN accounts a ON a.id = s.account_id
          LEFT JOIN contacts c ON c.id = s.contact_id ORDER BY s.id`,
    cells: (r) => [r.accountExternalId, r.accountName, r.contactEmail, r.kind, r.score, r.date, r.comment],
  },
};

/** Every row of a kind as CSV, in the import's field names, custom fields as extra columns. */
export function exportKindCsv(ctx: ServiceContext, kind: ImportKind): string {
  const spec = EXPORTS[kind];
  const rows = ctx.sqlite.prepare(spec.sql).all() as Row[];
  const customKeys: string[] = [];
  const known = new Set<string>();
  const customs = rows.map((row) => JSON.parse((row.custom_fields as string) || '{}') as Record<string, string>);
  for (const custom of customs) {
    for (const key of Object.keys(custom)) {
      if (!known.has(key)) {
        known.add(key);
        customKeys.push(key);
      }
    }
  }
  // A custom field named like a field (the touch contacts Tend could not match, kept under the
  // file's own "Contacts" header) gets its own column rather than overwriting the field's.
  const taken = new Set(spec.headers.map((h) => h.toLowerCase()));
  const customHeaders = customKeys.map((key) => (taken.has(key.toLowerCase()) ? `${key} (custom)` : key));
  return toCsv(
    [...spec.headers, ...customHeaders],
    rows.map((row, i) => [...spec.cells(row), ...customKeys.map((key) => customs[i][key] ?? '')]),
  );
}
