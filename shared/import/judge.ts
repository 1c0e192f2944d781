// Value-aware auto-mapping (issue 14, SPEC "Import fields", added 2026-12): a header suggests a
// field, the column's values confirm it. A suggested column whose values mostly do not read as the
// field is not mapped silently — it stays a custom field, and the reason is said in the same words by
// the wizard and the CLI ("Size: 412 of 412 values are numbers, not segments"). Where a standard
// conversion exists it is offered, never applied unasked (employee counts → segment).
//
// The values judged are the first SAMPLE_ROWS data rows (the quick preview's rows), so the wizard,
// the count pass and the CLI make the same decision from the same values. Pure: no clock, no Node.
import type { ImportKind } from '../domain';
import { IMPORT_FIELDS, fieldSpec, normalizeHeader, type FieldSpec } from './fields';
import { MAPPABLE_TYPES, valueLookup } from './value-maps';
import {
  NEEDS_FORMAT,
  describeSegmentEdges,
  parseDate,
  parseDomains,
  parseEmail,
  parseEmployeeCount,
  parseMoney,
  parseNumber,
  type SegmentByEmployees,
} from './values';

/** How many data rows the judgement (and the quick preview) reads. */
export const SAMPLE_ROWS = 2000;

/** A conversion Tend can apply to a column when the user asks for it. */
export interface MappingOffer {
  /** The field to map the column to (what `--map "Column=field"` takes). */
  field: string;
  /** The button's words: "Read as employee counts → segment". */
  label: string;
  /** What it does: "< 100 smb, 100–999 mid_market, ≥ 1000 enterprise (thresholds in Settings)". */
  detail: string;
}

/** A column Tend did not map although its header suggested a field (or that a conversion would suit). */
export interface MappingSuggestion {
  column: string;
  /** The field the header suggested; null when only the offer applies (e.g. NumberOfEmployees). */
  field: string | null;
  /** Why the column was left a custom field, in words; null when it was not a suggestion. */
  reason: string | null;
  offer: MappingOffer | null;
}

export interface ValueVerdict {
  /** Non-empty values looked at. */
  total: number;
  /** Of those, the ones that read as the field (value maps included). */
  reads: number;
  /** What the values that do not read are, mostly. */
  shape: 'numbers' | 'dates' | 'e-mail addresses' | 'words';
  /** A few of them, as written. */
  examples: string[];
  /** Whether most values are whole numbers of 0 or more (an employee count, say). */
  counts: boolean;
}

/** The plural a field's values go by in the messages. */
function nounOf(spec: FieldSpec): string {
  const mappable = MAPPABLE_TYPES[spec.type];
  if (mappable) return mappable.noun;
  switch (spec.type) {
    case 'date':
    case 'datetime':
      return 'dates';
    case 'money':
    case 'annualMoney':
      return 'amounts of money';
    case 'integer':
      return 'whole numbers';
    case 'number':
      return 'numbers';
    case 'email':
      return 'e-mail addresses';
    case 'employees':
      return 'employee counts';
    case 'domainList':
      return 'e-mail domains';
    default:
      return `${spec.label.toLowerCase()} values`;
  }
}

/** A parse that gave a value (the column-level decisions are given, so it never needs one). */
const parsed = (result: { error?: string } | typeof NEEDS_FORMAT) => result !== NEEDS_FORMAT && result.error === undefined;
const readsAsDate = (t: string) => parsed(parseDate(t, 'dmy')) || parsed(parseDate(t, 'mdy'));
const readsAsNumber = (t: string) => parsed(parseNumber(t, 'point')) || parsed(parseNumber(t, 'comma'));
const readsAsMoney = (t: string) => parsed(parseMoney(t, 'point')) || parsed(parseMoney(t, 'comma'));
/** A whole number of 0 or more, grouped or not (an employee count, a seat count). */
const readsAsCount = (t: string) => /^\d{1,3}([,. ]?\d{3})*\+?$/.test(t) || /^\d+\+?$/.test(t);

/** Whether one value reads as the field (lenient about what a column decides: date order, decimals). */
function reader(spec: FieldSpec, map: Map<string, string> | null): (text: string) => boolean {
  const mappable = MAPPABLE_TYPES[spec.type];
  if (mappable) {
    return (t) => (map !== null && map.has(normalizeWordCached(t))) || mappable.parse(t).error === undefined;
  }
  switch (spec.type) {
    case 'email':
      return (t) => parseEmail(t).error === undefined;
    case 'date':
    case 'datetime':
      return readsAsDate;
    case 'money':
    case 'annualMoney':
      return readsAsMoney;
    case 'integer':
    case 'number':
      return readsAsNumber;
    case 'employees':
      return (t) => parseEmployeeCount(t).error === undefined;
    case 'domainList':
      return (t) => parseDomains(t).error === undefined;
    default:
      return () => true; // text, contact lists, metric names: any text reads
  }
}

const wordCache = new Map<string, string>();
function normalizeWordCached(text: string): string {
  let word = wordCache.get(text);
  if (word === undefined) {
    word = normalizeHeader(text);
    if (wordCache.size < 5000) wordCache.set(text, word);
  }
  return word;
}

/** What the values of a column say about a field. */
export function judgeValues(spec: FieldSpec, values: readonly string[], map?: Record<string, string>): ValueVerdict {
  const reads = reader(spec, valueLookup(map));
  let total = 0;
  let ok = 0;
  let counts = 0;
  const shapes = { numbers: 0, dates: 0, 'e-mail addresses': 0, words: 0 };
  const examples: string[] = [];
  for (const raw of values) {
    const text = raw.trim();
    if (text === '') continue;
    total++;
    if (readsAsCount(text)) counts++;
    if (reads(text)) {
      ok++;
      continue;
    }
    const shape = readsAsNumber(text) ? 'numbers' : readsAsDate(text) ? 'dates' : parseEmail(text).error === undefined ? 'e-mail addresses' : 'words';
    shapes[shape]++;
    if (examples.length < 3 && !examples.includes(text)) examples.push(text);
  }
  const shape = (Object.keys(shapes) as (keyof typeof shapes)[]).reduce((a, b) => (shapes[b] > shapes[a] ? b : a));
  return { total, reads: ok, shape, examples, counts: total > 0 && counts * 2 > total };
}

/** Most values do not read as the field: more than half of the non-empty ones. */
export const mostlyNot = (verdict: ValueVerdict): boolean => verdict.total > 0 && verdict.reads * 2 < verdict.total;

const n = (x: number) => x.toLocaleString('en-US');

/**
 * Why a column was not mapped, in the words the wizard and the CLI both show:
 * "Size: 412 of 412 values are numbers, not segments".
 */
export function describeVerdict(column: string, spec: FieldSpec, verdict: ValueVerdict, sampled: boolean): string {
  const notReading = verdict.total - verdict.reads;
  const of = `${n(notReading)} of ${n(verdict.total)} values${sampled ? ` in the first ${n(SAMPLE_ROWS)} rows` : ''}`;
  const quoted = verdict.examples.map((e) => `"${e.length > 30 ? `${e.slice(0, 29)}…` : e}"`).join(', ');
  if (verdict.shape === 'words') return `${column}: ${of} are not ${nounOf(spec)} (${quoted})`;
  return `${column}: ${of} are ${verdict.shape}, not ${nounOf(spec)}`;
}

/** Header words that name a count of employees (Salesforce's NumberOfEmployees, HubSpot's Number of Employees). */
const EMPLOYEE_HEADERS = /employee|headcount|staff|companysize|^size$|^fte/;

/** The employee-count → segment conversion, when a column's values are counts. */
function employeeOffer(kind: ImportKind, verdict: ValueVerdict, edges: SegmentByEmployees): MappingOffer | null {
  if (kind !== 'accounts' || !verdict.counts) return null;
  return {
    field: 'employees',
    label: 'Read as employee counts → segment',
    detail: `${describeSegmentEdges(edges)}; thresholds in Settings`,
  };
}

export interface JudgedMapping {
  mapping: Record<string, string>;
  suggestions: MappingSuggestion[];
}

/**
 * Confirms an automatic mapping with the columns' values: a column whose values mostly do not read
 * as its field is dropped (kept as a custom field) with the reason; conversions that suit a column
 * are offered. `sample` holds the first data rows (cells in header order); `keep` lists the columns
 * the user or a preset chose, which are never second-guessed.
 */
export function judgeMapping(
  kind: ImportKind,
  headers: readonly string[],
  mapping: Record<string, string>,
  sample: readonly (readonly string[])[],
  options: { keep?: ReadonlySet<string>; valueMaps?: Record<string, Record<string, string>>; edges: SegmentByEmployees; sampled: boolean },
): JudgedMapping {
  const out = { ...mapping };
  const suggestions: MappingSuggestion[] = [];
  const columnValues = (header: string) => {
    const index = headers.indexOf(header);
    return sample.map((cells) => cells[index] ?? '');
  };
  for (const [header, field] of Object.entries(mapping)) {
    if (options.keep?.has(header)) continue;
    const spec = fieldSpec(kind, field);
    if (!spec) continue;
    const verdict = judgeValues(spec, columnValues(header), options.valueMaps?.[field]);
    if (!mostlyNot(verdict)) continue;
    delete out[header];
    const offer = spec.type === 'segment' ? employeeOffer(kind, verdict, options.edges) : null;
    suggestions.push({ column: header, field, reason: describeVerdict(header, spec, verdict, options.sampled), offer });
  }
  // A count of employees nobody mapped (Salesforce's NumberOfEmployees): offer it when no column gives the segment.
  const mapped = new Set(Object.values(out));
  if (kind === 'accounts' && !mapped.has('segment') && !mapped.has('employees')) {
    const employees = IMPORT_FIELDS.accounts.find((f) => f.name === 'employees')!;
    for (const header of headers) {
      if (header in out || suggestions.some((s) => s.column === header) || !EMPLOYEE_HEADERS.test(normalizeHeader(header))) continue;
      const verdict = judgeValues(employees, columnValues(header));
      if (verdict.total === 0 || mostlyNot(verdict)) continue;
      const offer = employeeOffer(kind, verdict, options.edges);
      if (offer) suggestions.push({ column: header, field: null, reason: null, offer });
    }
  }
  return { mapping: out, suggestions };
}

/** The CLI's line for a suggestion — the wizard shows the same reason and offer. */
export function describeSuggestion(s: MappingSuggestion): string {
  const how = s.offer ? `to read them as ${s.offer.label.replace(/^Read as /, '')} (${s.offer.detail}), pass --map "${s.column}=${s.offer.field}"` : '';
  if (s.reason) return `${s.reason}, so it was kept as a custom field${how ? `; ${how}` : ` (pass --map "${s.column}=${s.field}" to map it anyway)`}.`;
  return `${s.column} looks like a count of employees; ${how}.`;
}
