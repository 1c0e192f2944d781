// Calendar dates as 'YYYY-MM-DD' strings, always UTC (SPEC "Precise definitions": "All dates are
// calendar dates (UTC)"). Nothing here reads the clock: "today" is always passed in.
//
// A day number is the count of days since 1970-01-01 (negative before). Parsing is hand-rolled
// digit arithmetic (Howard Hinnant's days-from-civil) rather than Date.UTC: it is exact for every
// year (Date.UTC maps years 0–99 to 1900–1999) and cheap enough for the hot loops of a full rescore.
// Functions that take a date also accept a full ISO timestamp and read its first 10 characters,
// i.e. the calendar date as written.

export interface MonthBounds {
  first: string;
  last: string;
}

const DASH = 45; // '-'
const T = 84; // 'T'
const SPACE = 32;

/** The n digits of s starting at `at` as a number, or -1 when any of them is not a digit. */
function readDigits(s: string, at: number, n: number): number {
  let value = 0;
  for (let i = at; i < at + n; i++) {
    const digit = s.charCodeAt(i) - 48; // NaN past the end of s
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yearOfEra = yy - era * 400;
  const monthFromMarch = (m + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Day number of 'YYYY-MM-DD' (or of the date part of 'YYYY-MM-DDThh:mm…'), or NaN when the text
 * is not a real calendar date. NaN compares false with everything, so callers that write their
 * guards as `!(day <= asOfDay)` ignore malformed dates for free.
 */
export function toDayNumber(iso: string): number {
  if (iso.length !== 10) {
    const next = iso.charCodeAt(10);
    if (next !== T && next !== SPACE) return NaN;
  }
  if (iso.charCodeAt(4) !== DASH || iso.charCodeAt(7) !== DASH) return NaN;
  const y = readDigits(iso, 0, 4);
  const m = readDigits(iso, 5, 2);
  const d = readDigits(iso, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return daysFromCivil(y, m, d);
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** 'YYYY-MM-DD' of a day number. Throws on a non-integer. */
export function fromDayNumber(day: number): string {
  if (!Number.isInteger(day)) throw new RangeError(`not a day number: ${day}`);
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const m = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) throw new RangeError(`day number out of range: ${day}`);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** True for a real calendar date written exactly as 'YYYY-MM-DD'. */
export function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && s.length === 10 && !Number.isNaN(toDayNumber(s));
}

function requireDay(iso: string): number {
  const day = toDayNumber(iso);
  if (Number.isNaN(day)) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return day;
}

/** Whole days from `from` to `to` (to − from): positive when `to` is later. NaN if either is invalid. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The date n days after iso (n may be negative). Throws on an invalid date. */
export function addDays(iso: string, n: number): string {
  return fromDayNumber(requireDay(iso) + n);
}

/** The calendar date part of a date or timestamp, throwing when there is none. */
export function toIsoDate(isoOrTimestamp: string): string {
  requireDay(isoOrTimestamp);
  return isoOrTimestamp.length === 10 ? isoOrTimestamp : isoOrTimestamp.slice(0, 10);
}

/** True for 'YYYY-MM' with a month 01–12. */
export function isIsoMonth(s: unknown): s is string {
  return (
    typeof s === 'string' &&
    s.length === 7 &&
    s.charCodeAt(4) === DASH &&
    readDigits(s, 0, 4) >= 0 &&
    readDigits(s, 5, 2) >= 1 &&
    readDigits(s, 5, 2) <= 12
  );
}

function parseMonth(month: string): { y: number; m: number } {
  if (!isIsoMonth(month)) throw new RangeError(`not a month (YYYY-MM): ${JSON.stringify(month)}`);
  return { y: readDigits(month, 0, 4), m: readDigits(month, 5, 2) };
}

/** First and last calendar dates of 'YYYY-MM'. */
export function monthBounds(month: string): MonthBounds {
  const { y, m } = parseMonth(month);
  const prefix = month + '-';
  return { first: prefix + '01', last: prefix + pad2(daysInMonth(y, m)) };
}

/** The month before 'YYYY-MM' ('2024-01' → '2023-12'). */
export function previousMonth(month: string): string {
  const { y, m } = parseMonth(month);
  if (m === 1) {
    if (y === 0) throw new RangeError(`no month before ${month}`);
    return `${String(y - 1).padStart(4, '0')}-12`;
  }
  return `${month.slice(0, 4)}-${pad2(m - 1)}`;
}
