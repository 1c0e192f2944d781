// CSV records → typed import records, or the reasons a row cannot land. Bad rows are data, not
// exceptions: each problem is { row, column, value, message } with the row numbered as a
// spreadsheet shows it (header = row 1). All problems of a row are reported, not just the first.
//
// An empty cell means "not given": on insert the field takes its default, on update the current
// value is kept (a monthly export with a blank Segment does not wipe the segment the CSM set).
//
// Enum columns read through the user's value maps first ("Customer" → adoption, "N/A" → empty);
// an unknown value left unmapped is a row error naming it, and each column's unknown values are
// tallied so the preview can offer a drop-down per value.
//
// Accounts that the file says churned (a churn date, a churned stage or status) land as stage
// churned; the writer adds their churn event (SPEC "Import fields", added 2026-12).
import type { ImportKind, RevenueKind, SurveyKind } from '../../../shared/domain';
import type { FieldSpec } from '../../../shared/import/fields';
import { MAPPABLE_TYPES, valueLookup } from '../../../shared/import/value-maps';
import {
  NEEDS_FORMAT,
  commonCents,
  normalizeWord,
  parseAccountStatus,
  parseChurnReason,
  parseDomains,
  parseEmployeeCount,
  segmentForEmployees,
  createDateFormatDetector,
  createNumberFormatDetector,
  dateNeedsOrder,
  parseBoolean,
  parseContactLevel,
  parseContactRole,
  parseCurrency,
  parseDate,
  parseDateTime,
  parseEmail,
  parseMetricKey,
  parseMoney,
  parseNumber,
  parseRevenueKind,
  parseSegment,
  parseSentiment,
  parseStage,
  parseStrength,
  parseSurveyKind,
  parseTouchType,
  signedMrrDelta,
  unescapeFormula,
  type DateFormat,
  type DateOrder,
  type NumberFormat,
  type Parsed,
} from '../../../shared/import/values';
import type { CsvRecord } from './read';
import type { MappingPlan } from './map';

export interface RowError {
  /** 1-based row as a spreadsheet shows it: the header is row 1. */
  row: number;
  /** The CSV column's header ('' when the problem is the whole row). */
  column: string;
  value: string;
  message: string;
}

export type FieldValue = string | number | boolean | string[];

export interface ImportRecord {
  row: number;
  /** Field → typed value, only for the fields the row gives (empty cells are absent). */
  values: Record<string, FieldValue>;
  /** Unmapped columns → their non-empty cells (SPEC: never dropped). */
  custom: Record<string, string>;
}

/** Longest cell kept; the IPC contract's longest text (notes) is 100,000 characters. */
export const MAX_CELL_CHARS = 100_000;

/** The date order and decimal separator decided for each column (by index), once per column. */
export interface ColumnFormats {
  dates: Map<number, DateOrder | 'ambiguous'>;
  numbers: Map<number, NumberFormat>;
}

/** Internal signal: a value cannot be read before its column's format is decided from all values. */
export class NeedsColumnFormats extends Error {
  constructor(readonly column: string) {
    super(`column ${column} needs a format decision`);
  }
}

const DATE_TYPES = new Set(['date', 'datetime']);
const NUMBER_TYPES = new Set(['money', 'annualMoney', 'integer', 'number']);

export const isDateColumn = (field: FieldSpec | null) => !!field && DATE_TYPES.has(field.type);
export const isNumberColumn = (field: FieldSpec | null) => !!field && NUMBER_TYPES.has(field.type);

const SURVEY_RANGES: Record<SurveyKind, [number, number]> = { nps: [0, 10], csat: [1, 5], ces: [1, 7] };
const SURVEY_NAMES: Record<SurveyKind, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

/** A parsed cell; money cells also say which currency they were written in ('€1.200,50'). */
type CellResult = Parsed<FieldValue> & { currency?: string | null };
type CellParser = (text: string) => CellResult | typeof NEEDS_FORMAT | typeof LEAVE_EMPTY;

/** A value the user mapped to nothing ("N/A" → leave empty): the cell counts as not given. */
const LEAVE_EMPTY = Symbol('leave empty');

/**
 * The cell parser of an enum column with the user's value map in front: a mapped value reads as
 * what it was mapped to; any other value is parsed as usual.
 */
function withValueMap(parse: CellParser, map: Record<string, string> | undefined): CellParser {
  const lookup = valueLookup(map);
  if (!lookup) return parse;
  return (t) => {
    const target = lookup.get(normalizeWord(t));
    if (target === undefined) return parse(t);
    return target === '' ? LEAVE_EMPTY : parse(target);
  };
}

function cellParser(spec: FieldSpec, index: number, formats: ColumnFormats, plan: MappingPlan): CellParser {
  return withValueMap(baseParser(spec, index, formats, plan), plan.valueMaps[spec.name]);
}

function baseParser(spec: FieldSpec, index: number, formats: ColumnFormats, plan: MappingPlan): CellParser {
  const order = () => formats.dates.get(index) ?? null;
  const decimal = () => formats.numbers.get(index) ?? null;
  const limit = spec.maxLength ?? MAX_CELL_CHARS;
  switch (spec.type) {
    case 'text':
      return (t) =>
        t.length > limit
          ? { error: `the text has ${t.length.toLocaleString('en-US')} characters; ${spec.label.toLowerCase()} takes at most ${limit.toLocaleString('en-US')}` }
          : { value: unescapeFormula(t) };
    case 'email':
      return parseEmail;
    case 'date':
      return (t) => parseDate(t, order());
    case 'datetime':
      return (t) => parseDateTime(t, order());
    case 'money':
    case 'annualMoney':
      return (t) => {
        const parsed = parseMoney(t, decimal());
        if (parsed === NEEDS_FORMAT || parsed.error !== undefined) return parsed;
        return { value: parsed.value.cents, currency: parsed.value.currency };
      };
    case 'integer':
      return (t) => {
        const parsed = parseNumber(t, decimal());
        if (parsed === NEEDS_FORMAT || parsed.error !== undefined) return parsed;
        return Number.isInteger(parsed.value) && parsed.value >= 0
          ? parsed
          : { error: `${JSON.stringify(t)} is not a whole number of 0 or more` };
      };
    case 'number':
      return (t) => parseNumber(t, decimal());
    case 'boolean':
      return parseBoolean;
    case 'strength':
      return parseStrength;
    case 'sentiment':
      return parseSentiment;
    case 'segment':
      return parseSegment;
    case 'stage':
      return parseStage;
    case 'level':
      return parseContactLevel;
    case 'role':
      return parseContactRole;
    case 'touchType':
      return parseTouchType;
    case 'revenueKind':
      return parseRevenueKind;
    case 'surveyKind':
      return parseSurveyKind;
    case 'currency':
      return parseCurrency;
    case 'metricKey':
      return parseMetricKey;
    case 'contactList':
      return (t) => ({
        value: t
          .split(/[;\n]/)
          .map((s) => s.trim())
          .filter(Boolean),
      });
    case 'accountStatus':
      return parseAccountStatus;
    case 'churnReason':
      return parseChurnReason;
    case 'domainList':
      return parseDomains;
    case 'employees':
      return (t) => {
        const count = parseEmployeeCount(t);
        return count.error !== undefined ? count : { value: segmentForEmployees(count.value, plan.edges) };
      };
  }
}

/** The unknown values of one enum column: value as written → how often, and the first row. */
export type UnknownValues = Map<string, { count: number; row: number }>;
/** Distinct unknown values kept per column (the preview lists them; more is noise). */
const MAX_UNKNOWN = 100;

interface Column {
  index: number;
  header: string;
  spec: FieldSpec | null;
  parse: CellParser | null;
  /**
   * The shapes read inline, without a parser call and its result objects (a 200,000-row file reads
   * 800,000 cells): plain text, and money as almost every export writes it ($1,234.56).
   */
  fast: 'text' | 'money' | null;
  limit: number;
  /** Enum columns: the values that did not read, for the preview's value maps. */
  unknown: UnknownValues | null;
}

/** A valid row's record, or the row's problems. */
export type RowResult = ImportRecord | RowError[];

/**
 * A function turning one CSV record into an import record or its errors. Throws NeedsColumnFormats
 * when a value needs a column decision that has not been made yet (the caller scans the file, then
 * starts again).
 */
export interface RowValidator {
  (record: CsvRecord): RowResult;
  /** Header → the unknown values of each enum column seen so far. */
  unknownValues(): Map<string, UnknownValues>;
}

export function createRowValidator(plan: MappingPlan, formats: ColumnFormats): RowValidator {
  const columns: Column[] = plan.columns.map((c) => ({
    index: c.index,
    header: c.header,
    spec: c.field,
    parse: c.field ? cellParser(c.field, c.index, formats, plan) : null,
    unknown: c.field && c.field.type in MAPPABLE_TYPES ? new Map() : null,
    fast:
      c.field?.type === 'text' && !ASIDE_FIELDS.has(c.field.name)
        ? 'text'
        : c.field && (c.field.type === 'money' || c.field.type === 'annualMoney')
          ? 'money'
          : null,
    limit: c.field?.maxLength ?? MAX_CELL_CHARS,
  }));
  const width = columns.length;
  const headerOf = (field: string) => columns.find((c) => c.spec?.name === field)?.header ?? '';
  const checkRow = rowChecks(plan, headerOf);
  const aside: Aside = { currencyInCell: undefined, employeesSegment: undefined, status: undefined, firstName: undefined, lastName: undefined };

  const validate = (record: CsvRecord): RowResult => {
    const { cells, row } = record;
    const errors: RowError[] = [];
    if (cells.length !== width) {
      const extra = cells.slice(width);
      if (cells.length < width || extra.some((c) => c.trim() !== '')) {
        return [
          {
            row,
            column: '',
            value: cells.join(' | ').slice(0, 200),
            message: `the row has ${cells.length} cells but the header has ${width} columns — a delimiter or a quote is probably missing or extra in this row`,
          },
        ];
      }
    }
    const values: Record<string, FieldValue> = {};
    let custom: Record<string, string> = NO_CUSTOM;
    aside.currencyInCell = aside.employeesSegment = aside.status = aside.firstName = aside.lastName = undefined;
    for (let i = 0; i < width; i++) {
      const raw = cells[i];
      const column = columns[i];
      if (raw.length > MAX_CELL_CHARS) {
        errors.push({
          row,
          column: column.header,
          value: raw.slice(0, 100) + '…',
          message: `the cell holds ${raw.length.toLocaleString('en-US')} characters; Tend keeps at most ${MAX_CELL_CHARS.toLocaleString('en-US')} per cell (spreadsheets hold 32,767) — check the file for a quote that is never closed`,
        });
        continue;
      }
      const text = raw.trim();
      if (text === '') continue;
      if (!column.parse) {
        if (custom === NO_CUSTOM) custom = {};
        custom[column.header] = unescapeFormula(text);
        continue;
      }
      if (column.fast === 'text' && text.length <= column.limit) {
        values[column.spec!.name] = unescapeFormula(text);
        continue;
      }
      if (column.fast === 'money') {
        const cents = commonCents(text);
        if (cents === cents) {
          // (NaN when the text has another shape: the parser reads it)
          if (text.charCodeAt(0) === 36 || text.charCodeAt(1) === 36) aside.currencyInCell = 'USD';
          if (column.spec!.type === 'annualMoney') values.mrr = Math.round(cents / 12);
          else values[column.spec!.name] = cents;
          continue;
        }
      }
      const parsed = column.parse(text);
      if (parsed === NEEDS_FORMAT) throw new NeedsColumnFormats(column.header);
      if (parsed === LEAVE_EMPTY) continue;
      if (parsed.error !== undefined) {
        if (column.unknown) noteUnknown(column.unknown, text, row);
        errors.push({ row, column: column.header, value: text, message: parsed.error });
        continue;
      }
      if (parsed.currency) aside.currencyInCell = parsed.currency;
      const spec = column.spec!;
      if (spec.type === 'annualMoney') values.mrr = Math.round((parsed.value as number) / 12);
      else if (spec.type === 'employees') {
        aside.employeesSegment = parsed.value as string;
        if (custom === NO_CUSTOM) custom = {};
        custom[column.header] = text; // the count itself is kept: nothing the client sent is dropped
      } else if (ASIDE_FIELDS.has(spec.name)) aside[spec.name as 'status' | 'firstName' | 'lastName'] = parsed.value as string;
      else values[spec.name] = parsed.value;
    }
    checkRow(values, aside, row, errors);
    if (errors.length) return errors;
    return { row, values, custom };
  };
  return Object.assign(validate, {
    unknownValues: () => new Map(columns.filter((c) => c.unknown?.size).map((c) => [c.header, c.unknown!])),
  });
}

function noteUnknown(unknown: UnknownValues, text: string, row: number): void {
  const seen = unknown.get(text);
  if (seen) seen.count++;
  else if (unknown.size < MAX_UNKNOWN) unknown.set(text, { count: 1, row });
}

/**
 * Cells a row's checks read but that are not fields of the record (a name's parts, a status, the
 * currency written in a money cell). Kept apart — one object reused for every row — so each record's
 * values keep one shape: deleting keys from 200,000 objects would make every one of them slow.
 */
interface Aside {
  currencyInCell: string | undefined;
  employeesSegment: string | undefined;
  status: string | undefined;
  firstName: string | undefined;
  lastName: string | undefined;
}
const ASIDE_FIELDS = new Set(['status', 'firstName', 'lastName']);
/** The custom fields of a row that has none (shared: most rows of a mapped file have none). */
export const NO_CUSTOM: Record<string, string> = Object.freeze({}) as Record<string, string>;

type RowCheck = (values: Record<string, FieldValue>, aside: Aside, row: number, errors: RowError[]) => void;

/** Per-kind rules across cells: what a row must give, defaults, signs and ranges. */
function rowChecks(plan: MappingPlan, headerOf: (field: string) => string): RowCheck {
  const missing = (errors: RowError[], row: number, field: string, message: string) =>
    errors.push({ row, column: headerOf(field), value: '', message });
  const requireLink = (v: Record<string, FieldValue>, row: number, errors: RowError[]) => {
    if (v.accountExternalId === undefined && v.accountName === undefined) {
      const columns = [headerOf('accountExternalId'), headerOf('accountName'), headerOf('contactExternalId')].filter(Boolean);
      errors.push({
        row,
        column: columns[0] ?? '',
        value: '',
        message: `the row is linked to no account: ${columns.map((c) => `"${c}"`).join(' and ')} ${columns.length > 1 ? 'are' : 'is'} empty. Fill in the account's external id or name${headerOf('contactExternalId') ? ", or the contact's external id" : ''}`,
      });
    }
  };
  const kind: ImportKind = plan.kind;
  switch (kind) {
    case 'accounts':
      return (v, aside, row, errors) => {
        if (v.name === undefined && v.externalId === undefined) {
          missing(errors, row, headerOf('name') ? 'name' : 'externalId', 'the account has neither a name nor an external id');
        }
        if (typeof v.mrr === 'number' && v.mrr < 0) {
          errors.push({ row, column: headerOf('mrr') || headerOf('arr'), value: String(v.mrr / 100), message: 'MRR cannot be negative' });
        }
        if (v.name === undefined && v.externalId !== undefined) v.name = v.externalId; // SPEC: a missing name takes the external id
        if (v.currency === undefined && aside.currencyInCell !== undefined) v.currency = aside.currencyInCell;
        // An employee count gives the segment when the row has no segment of its own.
        if (v.segment === undefined && aside.employeesSegment !== undefined) v.segment = aside.employeesSegment;
        // SPEC (added 2026-12): a churn date, or a churned stage or status, lands the account churned.
        if (v.churnedOn !== undefined || v.stage === 'churned' || aside.status === 'churned') {
          v.stage = 'churned';
          v.churned = true;
        }
      };
    case 'contacts':
      return (v, aside, row, errors) => {
        requireLink(v, row, errors);
        if (v.name === undefined) {
          const full = [aside.firstName, aside.lastName].filter((p) => typeof p === 'string' && p).join(' ');
          if (full) v.name = full.slice(0, 300);
          else missing(errors, row, headerOf('name') ? 'name' : headerOf('lastName') ? 'lastName' : 'firstName', 'the contact has no name');
        }
      };
    case 'touches':
      return (v, _aside, row, errors) => {
        // The contact's external id (WhoId) can stand in for the account: the writer follows it.
        if (v.contactExternalId === undefined) requireLink(v, row, errors);
        if (v.occurredAt === undefined) missing(errors, row, 'occurredAt', 'the touch has no date');
        if (v.type === undefined) v.type = 'note'; // an activity log without a type column: notes
      };
    case 'metrics':
      return (v, _aside, row, errors) => {
        requireLink(v, row, errors);
        if (v.date === undefined) missing(errors, row, 'date', 'the sample has no date');
        if (v.key === undefined) missing(errors, row, 'key', 'the sample names no metric');
        if (v.value === undefined) missing(errors, row, 'value', 'the sample has no value');
      };
    case 'revenue':
      return (v, _aside, row, errors) => {
        requireLink(v, row, errors);
        if (v.date === undefined) missing(errors, row, 'date', 'the revenue event has no date');
        if (v.kind === undefined) missing(errors, row, 'kind', 'the revenue event has no kind (new, expansion, contraction, churn, renewal)');
        if (v.mrrDelta === undefined) missing(errors, row, 'mrrDelta', 'the revenue event has no MRR change');
        if (v.kind !== undefined && typeof v.mrrDelta === 'number') v.mrrDelta = signedMrrDelta(v.kind as RevenueKind, v.mrrDelta);
      };
    case 'surveys':
      return (v, _aside, row, errors) => {
        requireLink(v, row, errors);
        if (v.kind === undefined && plan.impliedSurveyKind) v.kind = plan.impliedSurveyKind;
        if (v.kind === undefined) missing(errors, row, 'kind', 'the response does not say which survey it answers (nps, csat or ces)');
        if (v.date === undefined) missing(errors, row, 'date', 'the response has no date');
        if (v.score === undefined) missing(errors, row, 'score', 'the response has no score');
        if (typeof v.score === 'number' && v.kind !== undefined) {
          const [low, high] = SURVEY_RANGES[v.kind as SurveyKind];
          if (v.score < low || v.score > high) {
            errors.push({
              row,
              column: headerOf('score'),
              value: String(v.score),
              message: `${SURVEY_NAMES[v.kind as SurveyKind]} scores run from ${low} to ${high}`,
            });
          }
        }
      };
  }
}

// ---- Deciding column formats -------------------------------------------------------------------

export interface FormatScanner {
  add(cells: string[]): void;
  /** Decisions for every date and number column. */
  result(): { dates: Map<number, DateFormat>; numbers: Map<number, NumberFormat> };
}

/**
 * Collects, over all rows, what the values of each date and number column say about its format
 * (shared/import/values.ts explains the rules).
 */
export function createFormatScanner(plan: MappingPlan, fallbackNumberFormat: NumberFormat): FormatScanner {
  const dateColumns = plan.columns.filter((c) => isDateColumn(c.field)).map((c) => ({ index: c.index, detector: createDateFormatDetector() }));
  const numberColumns = plan.columns.filter((c) => isNumberColumn(c.field)).map((c) => ({ index: c.index, detector: createNumberFormatDetector() }));
  return {
    add(cells) {
      for (const c of dateColumns) {
        const text = cells[c.index];
        if (text && dateNeedsOrder(text)) c.detector.add(text);
      }
      for (const c of numberColumns) {
        const text = cells[c.index];
        if (text) c.detector.add(text);
      }
    },
    result() {
      return {
        dates: new Map(dateColumns.map((c) => [c.index, c.detector.result()])),
        numbers: new Map(numberColumns.map((c) => [c.index, c.detector.result(fallbackNumberFormat)])),
      };
    },
  };
}
