// Cell values as people write them in spreadsheets → the data model's units (SPEC "Import fields",
// the paragraph after the table). Pure: no clock, no Node. Every parser returns `{ value }` or
// `{ error }`, where the error is a sentence for the user saying what was expected.
//
// Two things cannot be decided from one cell and are decided once per column from all its values:
//
// • Dates. ISO (2024-03-04, 2024/03/04, 2024-03-04T09:42:24.000+0000) and month names (4 Mar 2024,
//   Mar 4, 2024) are read on their own. Numeric dates (04/03/2024, 4.3.24, 04-03-2024) are day-first
//   or month-first for the whole column: a value whose first part is over 12 proves day-first, one
//   whose second part is over 12 proves month-first. If both kinds of proof exist the majority wins
//   and the others are reported as bad cells; if there is no proof the column is 'ambiguous' unless
//   every numeric date uses dots (31.12.2024), which only day-first countries write. An ambiguous
//   column is never guessed: the wizard asks and the CLI takes --date-format dmy|mdy.
//
// • Decimal separators. `1,200.50` and `1.200,50` are unambiguous (the last separator is the
//   decimal one), so are `1,5`, `12.50`, `1,200,000` and `0.125` (a separator followed by other than
//   exactly three digits, or repeated, or after a leading 0, tells which it is). Only a single
//   separator followed by exactly three digits (`1,200`, `1.200`) depends on the column: the other
//   values in the column decide; when none does, files delimited by `;` (what European Excel
//   writes) read them the European way (1.200 = 1200, 1,200 = 1.2) and all others the English way
//   (1,200 = 1200, 1.200 = 1.2). Money becomes integer cents, rounded half away from zero.
import { z } from 'zod';
import { daysInMonth, isIsoDate } from '../dates';
import {
  CHURN_REASONS,
  CONTACT_LEVELS,
  CONTACT_ROLES,
  REVENUE_KINDS,
  SEGMENTS,
  STAGES,
  SURVEY_KINDS,
  TOUCH_TYPES,
  type ChurnReason,
  type ContactLevel,
  type ContactRole,
  type RevenueKind,
  type Segment,
  type Stage,
  type SurveyKind,
  type TouchType,
} from '../domain';

export type Parsed<T> = { value: T; error?: undefined } | { error: string; value?: undefined };

const ok = <T>(value: T): Parsed<T> => ({ value });
const fail = <T = never>(error: string): Parsed<T> => ({ error });

/** Lower case, accents and everything but letters and digits removed: 'Mid-Market' → 'midmarket'. */
export function normalizeWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const quoted = (text: string) => JSON.stringify(text.length > 60 ? text.slice(0, 57) + '…' : text);

// ---- Enumerations ------------------------------------------------------------------------------

function enumParser<T extends string>(
  what: string,
  values: readonly T[],
  synonyms: Record<string, T>,
  hint = '',
): (text: string) => Parsed<T> {
  const table = new Map<string, T>();
  for (const value of values) table.set(normalizeWord(value), value);
  for (const [word, value] of Object.entries(synonyms)) table.set(normalizeWord(word), value);
  const allowed = values.join(', ');
  return memo((text) => {
    const found = table.get(normalizeWord(text));
    return found ? ok(found) : fail(`${quoted(text.trim())} is not a ${what}; use one of ${allowed}${hint}`);
  });
}

/**
 * Remembers the answers for a column's repeated values (a segment column holds three words 200,000
 * times): the parse runs once per distinct text. Results are frozen so sharing them is safe.
 */
function memo<T>(parse: (text: string) => Parsed<T>, limit = 2000): (text: string) => Parsed<T> {
  const cache = new Map<string, Parsed<T>>();
  return (text) => {
    let result = cache.get(text);
    if (result === undefined) {
      result = Object.freeze(parse(text));
      if (cache.size < limit) cache.set(text, result);
    }
    return result;
  };
}

export const parseSegment = enumParser<Segment>('segment', SEGMENTS, {
  ent: 'enterprise',
  large: 'enterprise',
  'large enterprise': 'enterprise',
  strategic: 'enterprise',
  'mid market': 'mid_market',
  mm: 'mid_market',
  mid: 'mid_market',
  midsize: 'mid_market',
  'mid size': 'mid_market',
  'mid sized': 'mid_market',
  'mid-sized business': 'mid_market',
  'small business': 'smb',
  'small and medium business': 'smb',
  small: 'smb',
  sme: 'smb',
  sb: 'smb',
  'small & medium': 'smb',
});

export const parseStage = enumParser<Stage>('lifecycle stage', STAGES, {
  prospect: 'incubation',
  pipeline: 'incubation',
  trial: 'incubation',
  pilot: 'incubation',
  'pre-sales': 'incubation',
  // CRM lifecycle stages (HubSpot and friends): before the sale is incubation, a customer adopts
  subscriber: 'incubation',
  lead: 'incubation',
  'marketing qualified lead': 'incubation',
  'sales qualified lead': 'incubation',
  mql: 'incubation',
  sql: 'incubation',
  opportunity: 'incubation',
  'new customer': 'onboarding',
  customer: 'adoption',
  evangelist: 'expansion',
  implementation: 'onboarding',
  implementing: 'onboarding',
  kickoff: 'onboarding',
  'getting started': 'onboarding',
  adopting: 'adoption',
  active: 'adoption',
  live: 'adoption',
  growth: 'expansion',
  expanding: 'expansion',
  upsell: 'expansion',
  'at risk': 'triage',
  risk: 'triage',
  red: 'triage',
  churn: 'churned',
  lost: 'churned',
  cancelled: 'churned',
  canceled: 'churned',
  'former customer': 'churned',
  // SPEC (added 2026-12): a status such as Churned, Cancelled or Inactive means the account churned.
  inactive: 'churned',
  terminated: 'churned',
  'closed lost': 'churned',
  'churned customer': 'churned',
});

/**
 * An account status column (Active / Churned …) says one thing only: whether the account churned.
 * 'active' changes nothing; 'churned' lands the account churned (SPEC "Import fields", added 2026-12).
 */
export type AccountStatus = 'active' | 'churned';
export const ACCOUNT_STATUSES: readonly AccountStatus[] = ['active', 'churned'];
export const parseAccountStatus = enumParser<AccountStatus>('account status', ACCOUNT_STATUSES, {
  live: 'active',
  current: 'active',
  customer: 'active',
  'current customer': 'active',
  paying: 'active',
  'paying customer': 'active',
  subscribed: 'active',
  enabled: 'active',
  open: 'active',
  ok: 'active',
  yes: 'active',
  true: 'active',
  churn: 'churned',
  lost: 'churned',
  cancelled: 'churned',
  canceled: 'churned',
  cancellation: 'churned',
  inactive: 'churned',
  terminated: 'churned',
  ended: 'churned',
  expired: 'churned',
  closed: 'churned',
  'closed lost': 'churned',
  former: 'churned',
  'former customer': 'churned',
  'churned customer': 'churned',
  disabled: 'churned',
  no: 'churned',
  false: 'churned',
});

/** Why a customer left (SPEC "Renewals, expansion and churn": seed 002 law 2, plus the usual three). */
export const parseChurnReason = enumParser<ChurnReason>('churn reason', CHURN_REASONS, {
  'value not realized': 'value_not_realised',
  'no value': 'value_not_realised',
  'did not see value': 'value_not_realised',
  "didn't see value": 'value_not_realised',
  'lack of value': 'value_not_realised',
  'no roi': 'value_not_realised',
  roi: 'value_not_realised',
  'stalled onboarding': 'stalled_implementation',
  'failed implementation': 'stalled_implementation',
  'failed onboarding': 'stalled_implementation',
  implementation: 'stalled_implementation',
  'implementation issues': 'stalled_implementation',
  'champion left': 'sponsor_lost',
  'sponsor left': 'sponsor_lost',
  'lost sponsor': 'sponsor_lost',
  'lost champion': 'sponsor_lost',
  'executive sponsor left': 'sponsor_lost',
  'low usage': 'low_adoption',
  'poor adoption': 'low_adoption',
  'not using': 'low_adoption',
  'not using the product': 'low_adoption',
  'no usage': 'low_adoption',
  adoption: 'low_adoption',
  acquisition: 'acquired',
  'acquired by another company': 'acquired',
  merger: 'acquired',
  'm&a': 'acquired',
  'missing feature': 'missing_features',
  'product gaps': 'missing_features',
  'product gap': 'missing_features',
  'missing functionality': 'missing_features',
  features: 'missing_features',
  'feature gap': 'missing_features',
  pricing: 'price',
  'too expensive': 'price',
  cost: 'price',
  'price increase': 'price',
  'budget cuts': 'budget',
  'budget cut': 'budget',
  'no budget': 'budget',
  'lost budget': 'budget',
  'cost cutting': 'budget',
  'out of business': 'other',
  unknown: 'other',
});

/** The employee-count edges of the segments (Settings → Import; SPEC: < 100 smb, 100–999 mid_market, ≥ 1000 enterprise). */
export interface SegmentByEmployees {
  /** The first count that is mid-market (below it: smb). */
  midMarketFrom: number;
  /** The first count that is enterprise. */
  enterpriseFrom: number;
}

/** The segment an employee count falls in. */
export function segmentForEmployees(count: number, edges: SegmentByEmployees): Segment {
  if (count >= edges.enterpriseFrom) return 'enterprise';
  if (count >= edges.midMarketFrom) return 'mid_market';
  return 'smb';
}

/** The thresholds in words, for the offer and the conversion note: '< 100 smb, 100–999 mid_market, ≥ 1000 enterprise'. */
export function describeSegmentEdges(edges: SegmentByEmployees): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `< ${n(edges.midMarketFrom)} smb, ${n(edges.midMarketFrom)}–${n(edges.enterpriseFrom - 1)} mid_market, ≥ ${n(edges.enterpriseFrom)} enterprise`;
}

export const parseContactLevel = enumParser<ContactLevel>('contact level', CONTACT_LEVELS, {
  'individual contributor': 'ic',
  individual: 'ic',
  staff: 'ic',
  employee: 'ic',
  associate: 'ic',
  specialist: 'ic',
  analyst: 'ic',
  mgr: 'manager',
  'team lead': 'manager',
  lead: 'manager',
  supervisor: 'manager',
  dir: 'director',
  'senior director': 'director',
  'head of': 'director',
  head: 'director',
  'vice president': 'vp',
  svp: 'vp',
  evp: 'vp',
  avp: 'vp',
  'senior vice president': 'vp',
  'c-level': 'c_level',
  'c level': 'c_level',
  'c-suite': 'c_level',
  'c suite': 'c_level',
  cxo: 'c_level',
  executive: 'c_level',
  exec: 'c_level',
  chief: 'c_level',
  ceo: 'c_level',
  cto: 'c_level',
  cfo: 'c_level',
  coo: 'c_level',
  cio: 'c_level',
  cmo: 'c_level',
  cro: 'c_level',
  ciso: 'c_level',
  founder: 'c_level',
  owner: 'c_level',
  president: 'c_level',
});

export const parseContactRole = enumParser<ContactRole>('contact role', CONTACT_ROLES, {
  advocate: 'champion',
  'power user': 'champion',
  'executive sponsor': 'sponsor',
  'exec sponsor': 'sponsor',
  'decision maker': 'decision_maker',
  dm: 'decision_maker',
  'economic buyer': 'decision_maker',
  buyer: 'decision_maker',
  signer: 'decision_maker',
  signatory: 'decision_maker',
  evaluator: 'influencer',
  blocker: 'detractor',
  critic: 'detractor',
});

export const parseTouchType = enumParser<TouchType>(
  'touch type',
  TOUCH_TYPES,
  {
    'e-mail': 'email',
    mail: 'email',
    'inbound email': 'email',
    'outbound email': 'email',
    phone: 'call',
    'phone call': 'call',
    voice: 'call',
    'video call': 'meeting',
    video: 'meeting',
    onsite: 'meeting',
    'on-site': 'meeting',
    visit: 'meeting',
    demo: 'meeting',
    workshop: 'meeting',
    lunch: 'meeting',
    dinner: 'meeting',
    coffee: 'meeting',
    'in person': 'meeting',
    zoom: 'meeting',
    teams: 'meeting',
    'google meet': 'meeting',
    'inbound call': 'call',
    'outbound call': 'call',
    'logged call': 'call',
    chat: 'email',
    sms: 'email',
    'text message': 'email',
    message: 'email',
    'linkedin message': 'email',
    task: 'note',
    'to-do': 'note',
    todo: 'note',
    deadline: 'note',
    'business review': 'qbr',
    'quarterly business review': 'qbr',
    'executive business review': 'qbr',
    ebr: 'qbr',
    ticket: 'support',
    'support ticket': 'support',
    case: 'support',
    'support case': 'support',
    helpdesk: 'support',
    webinar: 'event',
    conference: 'event',
    training: 'event',
    other: 'note',
    notes: 'note',
    internal: 'note',
    comment: 'note',
    log: 'note',
  },
  ' (Other → note)',
);

export const parseSurveyKind = enumParser<SurveyKind>('survey kind', SURVEY_KINDS, {
  'net promoter score': 'nps',
  'net promoter': 'nps',
  'customer satisfaction': 'csat',
  'customer satisfaction score': 'csat',
  'customer effort score': 'ces',
  'customer effort': 'ces',
});

const parseRevenueKindWord = enumParser<RevenueKind>(
  'revenue movement',
  REVENUE_KINDS,
  {
    'new business': 'new',
    'new logo': 'new',
    initial: 'new',
    signup: 'new',
    'sign up': 'new',
    start: 'new',
    upgrade: 'expansion',
    upsell: 'expansion',
    'cross-sell': 'expansion',
    expand: 'expansion',
    increase: 'expansion',
    'add-on': 'expansion',
    downgrade: 'contraction',
    downsell: 'contraction',
    decrease: 'contraction',
    reduction: 'contraction',
    churned: 'churn',
    cancellation: 'churn',
    cancel: 'churn',
    cancelled: 'churn',
    canceled: 'churn',
    lost: 'churn',
    termination: 'churn',
    renew: 'renewal',
    renewed: 'renewal',
  },
  ' (Upgrade → expansion, Downgrade → contraction)',
);
export const parseRevenueKind = parseRevenueKindWord;

/**
 * The sign a revenue movement's MRR delta carries: new and expansion add MRR, contraction and churn
 * remove it, whatever sign the file wrote (exports disagree on whether a downgrade is "500" or
 * "-500"). A renewal keeps the sign as written (a flat renewal is 0).
 */
export function signedMrrDelta(kind: RevenueKind, cents: number): number {
  if (kind === 'new' || kind === 'expansion') return Math.abs(cents);
  if (kind === 'contraction' || kind === 'churn') return -Math.abs(cents);
  return cents;
}

// ---- Booleans, strength, sentiment -------------------------------------------------------------

const TRUE_WORDS = new Set(['yes', 'y', 'true', 't', '1', 'x', 'on', 'checked', 'ja', 'oui', 'si']);
const FALSE_WORDS = new Set(['no', 'n', 'false', 'f', '0', 'off', 'unchecked', 'nein', 'non']);

export const parseBoolean = memo(function parseBoolean(text: string): Parsed<boolean> {
  const word = normalizeWord(text);
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return fail(`${quoted(text.trim())} is not yes or no; use yes/no, true/false, y/n or 1/0`);
});

const STRENGTH_WORDS: Record<string, number> = {
  none: 0,
  no: 0,
  nonexistent: 0,
  weak: 1,
  low: 1,
  medium: 2,
  moderate: 2,
  average: 2,
  ok: 2,
  strong: 3,
  high: 3,
  good: 3,
  verystrong: 4,
  veryhigh: 4,
  excellent: 4,
};

/** Relationship strength 0–4 (SPEC): a digit or none / weak / medium / strong / very strong. */
export const parseStrength = memo(function parseStrength(text: string): Parsed<number> {
  const t = text.trim();
  if (/^[0-4](\.0+)?$/.test(t)) return ok(Number(t));
  const word = STRENGTH_WORDS[normalizeWord(t)];
  if (word !== undefined) return ok(word);
  return fail(`${quoted(t)} is not a relationship strength; use 0–4 or none, weak, medium, strong, very strong`);
});

const SENTIMENT_WORDS: Record<string, number> = {
  verynegative: -2,
  verybad: -2,
  angry: -2,
  negative: -1,
  bad: -1,
  unhappy: -1,
  poor: -1,
  neutral: 0,
  ok: 0,
  okay: 0,
  meh: 0,
  fine: 0,
  positive: 1,
  good: 1,
  happy: 1,
  verypositive: 2,
  verygood: 2,
  great: 2,
  excellent: 2,
  delighted: 2,
};

/** The CSM's pulse −2…+2, as a number or a word (very negative … very positive). */
export const parseSentiment = memo(function parseSentiment(text: string): Parsed<number> {
  const t = text.trim().replace(/^\u2212/, '-');
  if (/^[+-]?[0-2]$/.test(t)) return ok(Number(t) === 0 ? 0 : Number(t));
  const word = SENTIMENT_WORDS[normalizeWord(t)];
  if (word !== undefined) return ok(word);
  return fail(`${quoted(text.trim())} is not a sentiment; use −2 to +2 or very negative, negative, neutral, positive, very positive`);
});

// ---- Numbers and money -------------------------------------------------------------------------

export type NumberFormat = 'point' | 'comma';

const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  'C$': 'CAD',
  'A$': 'AUD',
  CHF: 'CHF',
  'R$': 'BRL',
  kr: 'SEK',
  'zł': 'PLN',
};

/** A 3-letter currency code, from a code in any case or a common symbol ($ € £ ¥ ₹ …). */
export const parseCurrency = memo(function parseCurrency(text: string): Parsed<string> {
  const t = text.trim();
  if (/^[A-Za-z]{3}$/.test(t)) return ok(t.toUpperCase());
  const code = CURRENCY_SYMBOLS[t];
  if (code) return ok(code);
  return fail(`${quoted(t)} is not a currency; use a 3-letter code such as USD, EUR or GBP`);
});

interface NumberShape {
  negative: boolean;
  percent: boolean;
  currency: string | null;
  /** The digits and separators only, e.g. '1.200,50'. */
  body: string;
}

const CURRENCY_PREFIX = /^(US\$|C\$|A\$|R\$|[$€£¥₹]|[A-Z]{3}(?=[\s\d.,(−-]))\s*/;
const CURRENCY_SUFFIX = /\s*(US\$|[$€£¥₹]|zł|kr|[A-Z]{3})$/;

/** Splits '-$1,200.50', '(€1.200,50)', '1 200,50 EUR', '12 %' into sign, currency and digits. */
function shapeOf(text: string): NumberShape | null {
  let t = text.trim().replace(/[\u00a0\u202f\u2009]/g, ' ');
  let negative = false;
  let percent = false;
  let currency: string | null = null;
  if (/^\(.*\)$/.test(t)) {
    negative = true; // accounting notation: (1,200.00)
    t = t.slice(1, -1).trim();
  }
  const sign = /^([+\-\u2212])\s*/.exec(t);
  if (sign) {
    negative = sign[1] !== '+' ? !negative : negative;
    t = t.slice(sign[0].length);
  }
  const prefix = CURRENCY_PREFIX.exec(t);
  if (prefix) {
    currency = CURRENCY_SYMBOLS[prefix[1]] ?? prefix[1];
    t = t.slice(prefix[0].length);
    const inner = /^([+\-\u2212])\s*/.exec(t); // '$-1,200' and '€ -5'
    if (inner) {
      negative = inner[1] !== '+' ? !negative : negative;
      t = t.slice(inner[0].length);
    }
  }
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  const suffix = CURRENCY_SUFFIX.exec(t);
  if (suffix && !currency) {
    currency = CURRENCY_SYMBOLS[suffix[1]] ?? suffix[1];
    t = t.slice(0, suffix.index);
  }
  if (t.endsWith('-')) {
    negative = !negative; // SAP-style trailing minus: 1.200,50-
    t = t.slice(0, -1);
  }
  // Spaces and apostrophes only ever group thousands (1 200 000, 1'200'000).
  t = t.replace(/(?<=\d)[ '’](?=\d{3}(\D|$))/g, '');
  if (!/^[\d.,]*\d[\d.,]*$/.test(t)) return null;
  return { negative, percent, currency, body: t };
}

type SeparatorReading = { decimal: '.' | ',' | null } | { ambiguous: true };

/** Which separator, if any, is the decimal one — or that it depends on the column. */
function readSeparators(body: string): SeparatorReading | null {
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (dots === 0 && commas === 0) return { decimal: null };
  if (dots > 0 && commas > 0) {
    const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    if ((decimal === '.' ? dots : commas) !== 1) return null;
    return { decimal };
  }
  const sep = dots > 0 ? '.' : ',';
  const count = dots + commas;
  if (count > 1) return { decimal: sep === '.' ? ',' : '.' }; // repeated: it groups thousands
  const [before, after] = body.split(sep);
  if (before === '' || after === '') return { decimal: sep }; // '.5' and '5.'
  if (after.length === 3 && before.length <= 3 && before[0] !== '0') return { ambiguous: true };
  return { decimal: sep };
}

/** What one value says about its column's decimal separator ('point', 'comma' or nothing). */
export function numberEvidence(text: string): NumberFormat | null {
  const shape = shapeOf(text);
  if (!shape) return null;
  const reading = readSeparators(shape.body);
  if (!reading || 'ambiguous' in reading || reading.decimal === null) {
    // '1,200,000' proves ',' groups, so '.' would be the decimal separator, and vice versa.
    return null;
  }
  const dots = shape.body.includes('.');
  const commas = shape.body.includes(',');
  if (dots && commas) return reading.decimal === '.' ? 'point' : 'comma';
  const sep = dots ? '.' : ',';
  if (reading.decimal !== sep) return reading.decimal === '.' ? 'point' : 'comma';
  return sep === '.' ? 'point' : 'comma';
}

export interface NumberFormatDetector {
  add(text: string): void;
  /** The column's decimal separator; `fallback` when no value tells. */
  result(fallback: NumberFormat): NumberFormat;
}

export function createNumberFormatDetector(): NumberFormatDetector {
  let point = 0;
  let comma = 0;
  return {
    add(text) {
      const evidence = numberEvidence(text);
      if (evidence === 'point') point++;
      else if (evidence === 'comma') comma++;
    },
    result(fallback) {
      if (point === comma) return fallback;
      return point > comma ? 'point' : 'comma';
    },
  };
}

/** The decimal separator of a column from all its values (see the top of this file). */
export function detectNumberFormat(values: Iterable<string>, fallback: NumberFormat = 'point'): NumberFormat {
  const detector = createNumberFormatDetector();
  for (const value of values) detector.add(value);
  return detector.result(fallback);
}

export interface ParsedNumber {
  /** Integer digits and fraction digits as written, without separators, e.g. ['1200', '5']. */
  whole: string;
  fraction: string;
  negative: boolean;
  percent: boolean;
  currency: string | null;
}

const NOT_A_NUMBER = (text: string) =>
  `${quoted(text.trim())} is not a number; write it like 1200, 1,200.50 or 1.200,50`;

function parseNumberParts(text: string, format: NumberFormat | null): Parsed<ParsedNumber> | 'needs-format' {
  const shape = shapeOf(text);
  if (!shape) {
    if (/^\d+(\.\d+)?e[+-]?\d+$/i.test(text.trim())) {
      return fail(`${quoted(text.trim())} is in scientific notation; format the column as a plain number in the spreadsheet and export again`);
    }
    return fail(NOT_A_NUMBER(text));
  }
  const reading = readSeparators(shape.body);
  if (!reading) return fail(NOT_A_NUMBER(text));
  let decimal: '.' | ',' | null;
  if ('ambiguous' in reading) {
    if (!format) return 'needs-format';
    decimal = format === 'point' ? '.' : ',';
    // In a 'point' column '1,200' groups thousands; in a 'comma' column it is 1.2.
  } else {
    decimal = reading.decimal;
  }
  const group = decimal === '.' ? ',' : '.';
  let body = shape.body.split(group).join('');
  let fraction = '';
  if (decimal && body.includes(decimal)) {
    const at = body.indexOf(decimal);
    fraction = body.slice(at + 1);
    body = body.slice(0, at);
  }
  if (!/^\d*$/.test(body) || !/^\d*$/.test(fraction)) return fail(NOT_A_NUMBER(text));
  return ok({
    whole: body.replace(/^0+(?=\d)/, '') || '0',
    fraction,
    negative: shape.negative,
    percent: shape.percent,
    currency: shape.currency,
  });
}

/** Thrown-free signal: the value cannot be read until its column's decimal separator is known. */
export const NEEDS_FORMAT = 'needs-format' as const;

export interface MoneyValue {
  cents: number;
  /** The currency written in the cell ($, €, EUR …), if any. */
  currency: string | null;
}

/** The shape almost every export writes: 1200, -1200, 1200.5, 1200.50 — read without the general path. */
const PLAIN_DECIMAL = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * The shapes almost every export writes, read in one pass over the characters (a 200,000-row file
 * spends its time here): 1200, -1200, 1200.5, $1,234.56, -$1,234.56. Grouped thousands need the
 * cents to be unambiguous (a bare '1,234' goes through the column's decision). Returns the cents,
 * negated when '-' leads; NaN when the text is of another shape (the general path reads it).
 */
export function commonCents(text: string): number {
  const n = text.length;
  let i = 0;
  let negative = false;
  if (text.charCodeAt(0) === 45 /* - */) {
    negative = true;
    i++;
  }
  if (text.charCodeAt(i) === 36 /* $ */) i++;
  let whole = 0;
  let digits = 0;
  let groups = false;
  let sinceComma = -1; // digits since the last ',' (-1: none yet)
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      whole = whole * 10 + (c - 48);
      digits++;
      if (sinceComma >= 0) sinceComma++;
    } else if (c === 44 /* , */) {
      if (digits === 0 || (sinceComma >= 0 ? sinceComma !== 3 : digits > 3)) return NaN;
      groups = true;
      sinceComma = 0;
    } else break;
  }
  if (digits === 0 || digits > 13 || (groups && sinceComma !== 3)) return NaN;
  let cents = whole * 100;
  if (i < n) {
    if (text.charCodeAt(i) !== 46 /* . */ || n - i - 1 < 1 || n - i - 1 > 2) return NaN;
    const d1 = text.charCodeAt(i + 1) - 48;
    const d2 = n - i - 1 === 2 ? text.charCodeAt(i + 2) - 48 : 0;
    if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return NaN;
    cents += d1 * 10 + d2;
  } else if (groups) return NaN; // '1,234' alone: the column decides
  return negative && cents !== 0 ? -cents : cents;
}

/** '1200', '1,200.50', '$1,200.50', '€1.200,50', '(500)', '1 200,50 EUR' → integer cents. */
export function parseMoney(text: string, format: NumberFormat | null): Parsed<MoneyValue> | typeof NEEDS_FORMAT {
  const common = commonCents(text);
  if (common === common) return ok({ cents: common, currency: text.includes('$') ? 'USD' : null }); // (not NaN)
  const parts = parseNumberParts(text, format);
  if (parts === NEEDS_FORMAT || parts.error !== undefined) return parts;
  const n = parts.value;
  if (n.percent) return fail(`${quoted(text.trim())} is a percentage, not an amount of money`);
  if (n.whole.length > 13) return fail(`${quoted(text.trim())} is too large an amount`);
  const frac = (n.fraction + '000').slice(0, 3);
  let cents = Number(n.whole) * 100 + Number(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) cents += 1; // half away from zero (sign applied below)
  return ok({ cents: n.negative && cents !== 0 ? -cents : cents, currency: n.currency });
}

/** A plain number (metric values, scores, seats): separators as for money, '85%' → 85. */
export function parseNumber(text: string, format: NumberFormat | null): Parsed<number> | typeof NEEDS_FORMAT {
  if (PLAIN_DECIMAL.test(text)) {
    const value = Number(text);
    return ok(value === 0 ? 0 : value);
  }
  const parts = parseNumberParts(text, format);
  if (parts === NEEDS_FORMAT || parts.error !== undefined) return parts;
  const n = parts.value;
  if (n.currency) return fail(`${quoted(text.trim())} is an amount of money, not a count or a score`);
  const value = Number(`${n.whole}.${n.fraction || '0'}`);
  if (!Number.isFinite(value)) return fail(NOT_A_NUMBER(text));
  return ok(n.negative && value !== 0 ? -value : value);
}

// ---- Dates -------------------------------------------------------------------------------------

export type DateOrder = 'dmy' | 'mdy';
export type DateFormat = 'iso' | DateOrder | 'ambiguous';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6,
  june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10,
  october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const TIME = String.raw`(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp][Mm])?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?`;
const ISO_RE = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})` + TIME + '$');
const NUMERIC_RE = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})` + TIME + '$');
const DAY_MONTH_NAME_RE = new RegExp(String.raw`^(\d{1,2})(?:st|nd|rd|th)?[ .-]*([A-Za-z]{3,9})\.?[ .,-]*(\d{4}|\d{2})` + TIME + '$');
const MONTH_NAME_DAY_RE = new RegExp(String.raw`^([A-Za-z]{3,9})\.?[ .-]*(\d{1,2})(?:st|nd|rd|th)?,?[ .-]*(\d{4})` + TIME + '$');
const WEEKDAY_PREFIX = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;

interface DateParts {
  y: number;
  m: number;
  d: number;
  time: { h: number; min: number; s: number; offsetMinutes: number | null } | null;
}

type DateShape =
  | { kind: 'fixed'; parts: DateParts }
  | { kind: 'numeric'; a: number; b: number; y: number; sep: string; time: DateParts['time'] }
  | { kind: 'invalid'; reason: string };

function fullYear(y: string): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  return n < 70 ? 2000 + n : 1900 + n; // two-digit years: 00–69 → 2000s, 70–99 → 1900s
}

function timeOf(m: RegExpExecArray, at: number): DateParts['time'] {
  if (m[at] === undefined) return null;
  let h = Number(m[at]);
  const min = Number(m[at + 1]);
  const s = m[at + 2] === undefined ? 0 : Number(m[at + 2]);
  const ampm = m[at + 3]?.toLowerCase();
  if (ampm) {
    if (h < 1 || h > 12) return null;
    if (ampm === 'pm' && h < 12) h += 12;
    if (ampm === 'am' && h === 12) h = 0;
  }
  let offsetMinutes: number | null = null;
  const zone = m[at + 4];
  if (zone) {
    if (zone.toUpperCase() === 'Z') offsetMinutes = 0;
    else {
      const digits = zone.slice(1).replace(':', '');
      offsetMinutes = (zone[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
    }
  }
  if (h > 23 || min > 59 || s > 60) return null;
  return { h, min, s, offsetMinutes };
}

function shapeOfDate(text: string): DateShape {
  const t = text.trim().replace(WEEKDAY_PREFIX, '');
  let m = ISO_RE.exec(t);
  if (m) return { kind: 'fixed', parts: { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), time: timeOf(m, 4) } };
  m = NUMERIC_RE.exec(t);
  if (m) return { kind: 'numeric', a: Number(m[1]), b: Number(m[3]), y: fullYear(m[4]), sep: m[2], time: timeOf(m, 5) };
  m = DAY_MONTH_NAME_RE.exec(t);
  if (m && MONTHS[m[2].toLowerCase()]) {
    return { kind: 'fixed', parts: { y: fullYear(m[3]), m: MONTHS[m[2].toLowerCase()], d: Number(m[1]), time: timeOf(m, 4) } };
  }
  m = MONTH_NAME_DAY_RE.exec(t);
  if (m && MONTHS[m[1].toLowerCase()]) {
    return { kind: 'fixed', parts: { y: Number(m[3]), m: MONTHS[m[1].toLowerCase()], d: Number(m[2]), time: timeOf(m, 4) } };
  }
  if (/^\d{5}(\.\d+)?$/.test(t)) {
    return {
      kind: 'invalid',
      reason: `${quoted(t)} looks like a spreadsheet date serial number; format the column as a date (YYYY-MM-DD) in the spreadsheet and export again`,
    };
  }
  return {
    kind: 'invalid',
    reason: `${quoted(t)} is not a date; write it as YYYY-MM-DD (day-first and month-first dates such as 31/12/2024 are read too)`,
  };
}

/** True when the value is a numeric date whose reading depends on its column's order. */
export function dateNeedsOrder(text: string): boolean {
  return shapeOfDate(text).kind === 'numeric';
}

export interface DateFormatDetector {
  add(text: string): void;
  result(): DateFormat;
}

export function createDateFormatDetector(): DateFormatDetector {
  let dmy = 0;
  let mdy = 0;
  let either = 0;
  let undotted = 0;
  return {
    add(text) {
      const shape = shapeOfDate(text);
      if (shape.kind !== 'numeric') return;
      if (shape.sep !== '.') undotted++;
      if (shape.a > 12 && shape.b <= 12) dmy++;
      else if (shape.b > 12 && shape.a <= 12) mdy++;
      else if (shape.a <= 12 && shape.b <= 12) either++;
    },
    result() {
      if (dmy === 0 && mdy === 0) {
        if (either === 0) return 'iso';
        return undotted === 0 ? 'dmy' : 'ambiguous'; // 31.12.2024 is only ever day-first
      }
      if (dmy === mdy) return 'ambiguous';
      return dmy > mdy ? 'dmy' : 'mdy';
    },
  };
}

/**
 * The date format of a column from all its values: 'iso' when no value is a numeric day/month
 * date, 'dmy' or 'mdy' when the values prove it, 'ambiguous' when they cannot.
 */
export function detectDateFormat(values: Iterable<string>): DateFormat {
  const detector = createDateFormatDetector();
  for (const value of values) detector.add(value);
  return detector.result();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 'YYYY-MM-DD', a real date in the accepted years: the common case, checked without regexes. */
function isPlainIsoDate(text: string): boolean {
  if (text.length !== 10 || !isIsoDate(text)) return false;
  const year = Number(text.slice(0, 4));
  return year >= 1900 && year <= 2199;
}

function checkDate(y: number, m: number, d: number, text: string): string | null {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return `${quoted(text.trim())} is not a real date`;
  if (y < 1900 || y > 2199) return `${quoted(text.trim())} has the year ${y}, which looks wrong; write the date as YYYY-MM-DD`;
  return null;
}

function resolveParts(text: string, order: DateOrder | 'ambiguous' | null): Parsed<DateParts> | typeof NEEDS_FORMAT {
  const shape = shapeOfDate(text);
  if (shape.kind === 'invalid') return fail(shape.reason);
  let parts: DateParts;
  if (shape.kind === 'numeric') {
    if (order === null) return NEEDS_FORMAT;
    if (order === 'ambiguous') {
      return fail(
        `${quoted(text.trim())} could be ${describe(shape.a, shape.b, shape.y)} or ${describe(shape.b, shape.a, shape.y)}; choose day-first or month-first for this column`,
      );
    }
    const [d, m] = order === 'dmy' ? [shape.a, shape.b] : [shape.b, shape.a];
    parts = { y: shape.y, m, d, time: shape.time };
    const problem = checkDate(parts.y, parts.m, parts.d, text);
    if (problem) {
      const reading = order === 'dmy' ? 'day-first (day/month/year)' : 'month-first (month/day/year)';
      return fail(`${problem} when read ${reading}, the order used for this column`);
    }
    return ok(parts);
  }
  parts = shape.parts;
  const problem = checkDate(parts.y, parts.m, parts.d, text);
  return problem ? fail(problem) : ok(parts);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function describe(d: number, m: number, y: number): string {
  return m >= 1 && m <= 12 ? `${d} ${MONTH_NAMES[m - 1]} ${y}` : `day ${d} of month ${m}`;
}

/** The UTC instant of parts with a time, as [date, 'HH:MM:SS']. */
function toUtc(parts: DateParts): { date: string; time: string | null } {
  if (!parts.time) return { date: `${pad(parts.y, 4)}-${pad(parts.m)}-${pad(parts.d)}`, time: null };
  const { h, min, s, offsetMinutes } = parts.time;
  const ms = Date.UTC(parts.y, parts.m - 1, parts.d, h, min, Math.min(s, 59)) - (offsetMinutes ?? 0) * 60_000;
  const iso = new Date(ms).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 19) };
}

/**
 * A calendar date 'YYYY-MM-DD'. Timestamps with an offset are converted to their UTC date
 * (2024-01-19T23:30:00-0500 → 2024-01-20), as SPEC keeps all dates in UTC; without an offset the
 * date is taken as written. `order` is the column's order for numeric dates (null: not known yet).
 */
export function parseDate(text: string, order: DateOrder | 'ambiguous' | null): Parsed<string> | typeof NEEDS_FORMAT {
  if (isPlainIsoDate(text)) return ok(text);
  const parts = resolveParts(text, order);
  if (parts === NEEDS_FORMAT || parts.error !== undefined) return parts;
  return ok(toUtc(parts.value).date);
}

/**
 * A date, or a UTC timestamp 'YYYY-MM-DDTHH:MM:SSZ' when the cell has a time (touches keep the time
 * of day; scoring reads the first 10 characters). A time without an offset is taken as UTC.
 */
export function parseDateTime(text: string, order: DateOrder | 'ambiguous' | null): Parsed<string> | typeof NEEDS_FORMAT {
  if (isPlainIsoDate(text)) return ok(text);
  const parts = resolveParts(text, order);
  if (parts === NEEDS_FORMAT || parts.error !== undefined) return parts;
  const { date, time } = toUtc(parts.value);
  return ok(time ? `${date}T${time}Z` : date);
}

// ---- Text --------------------------------------------------------------------------------------

const emailSchema = z.email();

/** An e-mail address, trimmed (matching is case-insensitive; the address is kept as written). */
export function parseEmail(text: string): Parsed<string> {
  const t = text.trim().replace(/^mailto:/i, '');
  if (t.length <= 320 && emailSchema.safeParse(t).success) return ok(t);
  return fail(`${quoted(t)} is not an e-mail address`);
}

/** Metric keys in snake_case, with the common names of the keys scoring reads. */
const METRIC_KEY_SYNONYMS: Record<string, string> = {
  activeusers: 'active_users',
  users: 'active_users',
  mau: 'active_users',
  monthlyactiveusers: 'active_users',
  adoptionrate: 'adoption',
  adoptionpct: 'adoption',
  adoptionpercent: 'adoption',
  seatutilization: 'adoption',
  licenseutilization: 'adoption',
  opentickets: 'open_tickets',
  tickets: 'open_tickets',
  supporttickets: 'open_tickets',
  openissues: 'open_tickets',
  overdueinvoices: 'overdue_invoices',
  unpaidinvoices: 'overdue_invoices',
  communityposts: 'community_posts',
  posts: 'community_posts',
};

export const parseMetricKey = memo(function parseMetricKey(text: string): Parsed<string> {
  const known = METRIC_KEY_SYNONYMS[normalizeWord(text)];
  if (known) return ok(known);
  const key = text
    .trim()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
  if (!key) return fail(`${quoted(text.trim())} is not a metric name`);
  if (key.length > 100) return fail('the metric name is longer than 100 characters');
  return ok(key);
});

/** Removes the apostrophe a CSV export (ours included) puts before =, +, -, @ to defuse formulas. */
export function unescapeFormula(text: string): string {
  return text.length > 1 && text.charCodeAt(0) === 39 /* ' */ && /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/**
 * E-mail domains that identify a customer ('acme.com; acme.co.uk', '@acme.com', 'https://www.acme.com/'):
 * lower case, without scheme, 'www.' or path, each once.
 */
export function parseDomains(text: string): Parsed<string[]> {
  const domains: string[] = [];
  for (const part of text.split(/[;,\s]+/)) {
    const domain = part
      .trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .replace(/^[^@/]*@/, '')
      .replace(/^www\./, '')
      .replace(/[/?#].*$/, '');
    if (!domain) continue;
    if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domain)) {
      return fail(`${quoted(part.trim())} is not an e-mail domain; write domains like acme.com, separated by ;`);
    }
    if (!domains.includes(domain)) domains.push(domain);
  }
  return ok(domains);
}

/** A count of employees: a whole number of 0 or more ('1,200', '1 200' and '250+' read too). */
export function parseEmployeeCount(text: string): Parsed<number> {
  const t = text.trim().replace(/\+$/, '');
  const range = /^(\d[\d,. ]*)\s*[-–]\s*(\d[\d,. ]*)$/.exec(t); // '100-499': the lower edge
  const digits = (range ? range[1] : t).replace(/[,. ](?=\d{3}(\D|$))/g, '');
  if (/^\d{1,9}$/.test(digits)) return ok(Number(digits));
  return fail(`${quoted(text.trim())} is not a number of employees; write a whole number such as 250`);
}
