// The facts of many accounts laid out for scoring: one typed array per field, each account's rows
// contiguous (in input order, which breaks equal-date ties), dates already turned into day numbers.
// A full rescore of 10,000 accounts reads ~1.3 M rows; as objects with date strings they cost more
// to build, keep and re-parse than to read (`npm run bench`), as columns they are a few arrays.
//
// The database loader fills a PackedBookBuilder straight from rows; packFacts does the same for
// AccountFacts (tests, the demo book), so both go through the one scoring code path.
import { isExecutive } from '../domain';
import { fromDayNumber, toDayNumber } from '../dates';
import type { AccountFacts } from './types';

/** An account's own fields: the facts without their rows. */
export type AccountInfo = Omit<AccountFacts, 'contacts' | 'touches' | 'samples' | 'surveys'>;

// Contact roles, as bits.
export const EXEC = 1;
export const USER = 2;

// Which series a sample or survey row feeds (the keys and kinds the score reads); NONE for the rest.
export const ADOPTION = 0;
export const ACTIVE_USERS = 1;
export const OPEN_TICKETS = 2;
export const OVERDUE_INVOICES = 3;
export const NPS = 4;
export const CSAT = 5;
export const SLOTS = 6;
export const NONE = 255;

export function sampleSlot(key: string): number {
  switch (key) {
    case 'adoption':
      return ADOPTION;
    case 'active_users':
      return ACTIVE_USERS;
    case 'open_tickets':
      return OPEN_TICKETS;
    case 'overdue_invoices':
      return OVERDUE_INVOICES;
    default:
      return NONE;
  }
}

export const surveySlot = (kind: string): number => (kind === 'nps' ? NPS : kind === 'csat' ? CSAT : NONE);

/** SPEC "Customer contact" (revised 2026-12): every touch type but `note` is contact with the customer. */
export const isContactTouch = (type: string): boolean => type !== 'note';

/** A number as the scoring reads it: anything that is not a number (null, text) is NaN, i.e. no value. */
export const num = (x: unknown): number => (typeof x === 'number' ? x : NaN);

/** Day number of a date, or NaN for null or anything that is not a date. */
export const dayOrNaN = (iso: string | null): number => (iso === null ? NaN : toDayNumber(iso));

// Dates shown in results (a component's input date) come back from day numbers; a whole book's
// results use a few hundred distinct days, so they are remembered (within a bound).
const dates = new Map<number, string>();

/** 'YYYY-MM-DD' of a day number read from a date: the same text as that date's first 10 characters. */
export function dateOfDay(day: number): string {
  let date = dates.get(day);
  if (date === undefined) {
    if (dates.size >= 8192) dates.clear();
    date = fromDayNumber(day);
    dates.set(day, date);
  }
  return date;
}

/**
 * Rows of account i are [xStart[i], xStart[i + 1]) in the x columns; the contact ids of touch t are
 * linkContact[linkStart[t] … linkStart[t + 1]). Days and numbers are NaN where absent.
 */
export interface PackedBook {
  accounts: AccountInfo[];
  contactStart: Int32Array;
  contactId: Float64Array;
  /** EXEC | USER bits. */
  contactRole: Uint8Array;
  contactStrength: Float64Array;
  contactLeftDay: Float64Array;
  touchStart: Int32Array;
  touchDay: Float64Array;
  touchPulse: Float64Array;
  /** 1 for customer contact, 0 for the CSM's own note (SPEC "Customer contact"). */
  touchContact: Uint8Array;
  linkStart: Int32Array;
  linkContact: Float64Array;
  sampleStart: Int32Array;
  /** ADOPTION … OVERDUE_INVOICES, or NONE. */
  sampleSlot: Uint8Array;
  sampleDay: Float64Array;
  sampleValue: Float64Array;
  surveyStart: Int32Array;
  /** NPS, CSAT or NONE. */
  surveySlot: Uint8Array;
  surveyDay: Float64Array;
  surveyScore: Float64Array;
}

// Growable typed arrays, one class per element type so that each push stays monomorphic.
class FloatColumn {
  length = 0;
  data = new Float64Array(1024);
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
}

class IntColumn {
  length = 0;
  data = new Int32Array(1024);
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
}

class ByteColumn {
  length = 0;
  data = new Uint8Array(1024);
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint8Array(this.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
}

const floats = () => new FloatColumn();
const ints = () => new IntColumn();
const bytes = () => new ByteColumn();

/**
 * Where each row goes when rows are grouped by account, stably: rows of account a (in arrival
 * order) land at start[a] …; returns the start offsets (n + 1) and each row's destination.
 */
function grouping(owner: IntColumn, accounts: number): { start: Int32Array; to: Int32Array } {
  const start = new Int32Array(accounts + 1);
  const rows = owner.length;
  const of = owner.data;
  for (let r = 0; r < rows; r++) start[of[r] + 1]++;
  for (let a = 0; a < accounts; a++) start[a + 1] += start[a];
  const next = start.slice(0, accounts);
  const to = new Int32Array(rows);
  for (let r = 0; r < rows; r++) to[r] = next[of[r]]++;
  return { start, to };
}

// One copy per element type: a single generic copy would see several typed-array kinds and run
// polymorphic, several times slower at a million rows.
function scatterFloats(column: FloatColumn, to: Int32Array): Float64Array {
  const out = new Float64Array(column.length);
  const data = column.data;
  for (let r = 0; r < column.length; r++) out[to[r]] = data[r];
  return out;
}

function scatterBytes(column: ByteColumn, to: Int32Array): Uint8Array {
  const out = new Uint8Array(column.length);
  const data = column.data;
  for (let r = 0; r < column.length; r++) out[to[r]] = data[r];
  return out;
}

/**
 * Collects rows in any account order (each row names its account by index in `accounts`) and
 * builds the PackedBook, grouping rows by account without reordering an account's own rows.
 */
export class PackedBookBuilder {
  private readonly contacts = { owner: ints(), id: floats(), role: bytes(), strength: floats(), leftDay: floats() };
  private readonly touches = { owner: ints(), day: floats(), pulse: floats(), contact: bytes(), links: ints() };
  private readonly linkContact = floats();
  private readonly samples = { owner: ints(), slot: bytes(), day: floats(), value: floats() };
  private readonly surveys = { owner: ints(), slot: bytes(), day: floats(), score: floats() };

  constructor(readonly accounts: AccountInfo[]) {}

  contact(account: number, id: number, exec: boolean, isUser: boolean, strength: number, leftDay: number): void {
    const c = this.contacts;
    c.owner.push(account);
    c.id.push(id);
    c.role.push((exec ? EXEC : 0) | (isUser ? USER : 0));
    c.strength.push(strength);
    c.leftDay.push(leftDay);
  }

  /** A touch (`contact` false for a note, which is not customer contact); its contacts follow with `link`. */
  touch(account: number, day: number, pulse: number, contact: boolean): void {
    const t = this.touches;
    t.owner.push(account);
    t.day.push(day);
    t.pulse.push(pulse);
    t.contact.push(contact ? 1 : 0);
    t.links.push(0);
  }

  /** A contact of the touch added last. */
  link(contactId: number): void {
    this.touches.links.data[this.touches.links.length - 1]++;
    this.linkContact.push(contactId);
  }

  sample(account: number, slot: number, day: number, value: number): void {
    const s = this.samples;
    s.owner.push(account);
    s.slot.push(slot);
    s.day.push(day);
    s.value.push(value);
  }

  survey(account: number, slot: number, day: number, score: number): void {
    const s = this.surveys;
    s.owner.push(account);
    s.slot.push(slot);
    s.day.push(day);
    s.score.push(score);
  }

  build(): PackedBook {
    const n = this.accounts.length;
    const c = this.contacts;
    const contacts = grouping(c.owner, n);
    const t = this.touches;
    const touches = grouping(t.owner, n);
    const s = this.samples;
    const samples = grouping(s.owner, n);
    const v = this.surveys;
    const surveys = grouping(v.owner, n);
    return {
      accounts: this.accounts,
      contactStart: contacts.start,
      contactId: scatterFloats(c.id, contacts.to),
      contactRole: scatterBytes(c.role, contacts.to),
      contactStrength: scatterFloats(c.strength, contacts.to),
      contactLeftDay: scatterFloats(c.leftDay, contacts.to),
      touchStart: touches.start,
      touchDay: scatterFloats(t.day, touches.to),
      touchPulse: scatterFloats(t.pulse, touches.to),
      touchContact: scatterBytes(t.contact, touches.to),
      ...this.groupLinks(touches.to),
      sampleStart: samples.start,
      sampleSlot: scatterBytes(s.slot, samples.to),
      sampleDay: scatterFloats(s.day, samples.to),
      sampleValue: scatterFloats(s.value, samples.to),
      surveyStart: surveys.start,
      surveySlot: scatterBytes(v.slot, surveys.to),
      surveyDay: scatterFloats(v.day, surveys.to),
      surveyScore: scatterFloats(v.score, surveys.to),
    };
  }

  /** The links, moved along with their touches. */
  private groupLinks(to: Int32Array): { linkStart: Int32Array; linkContact: Float64Array } {
    const counts = this.touches.links.data;
    const rows = this.touches.links.length;
    const linkStart = new Int32Array(rows + 1);
    for (let r = 0; r < rows; r++) linkStart[to[r] + 1] = counts[r];
    for (let r = 0; r < rows; r++) linkStart[r + 1] += linkStart[r];
    const from = this.linkContact.data;
    const linkContact = new Float64Array(this.linkContact.length);
    for (let r = 0, at = 0; r < rows; r++) {
      const dest = linkStart[to[r]];
      for (let k = 0; k < counts[r]; k++) linkContact[dest + k] = from[at++];
    }
    return { linkStart, linkContact };
  }
}

/** The PackedBook of facts given as objects. */
export function packFacts(facts: readonly AccountFacts[]): PackedBook {
  const builder = new PackedBookBuilder(
    facts.map(({ contacts: _c, touches: _t, samples: _s, surveys: _v, ...info }) => info),
  );
  facts.forEach((account, a) => {
    for (const c of account.contacts) builder.contact(a, c.id, isExecutive(c.level), c.isUser, c.strength, dayOrNaN(c.leftOn));
    for (const t of account.touches) {
      builder.touch(a, toDayNumber(t.date), t.sentiment === null ? NaN : num(t.sentiment), isContactTouch(t.type));
      for (const id of t.contactIds) builder.link(id);
    }
    for (const s of account.samples) builder.sample(a, sampleSlot(s.key), toDayNumber(s.date), num(s.value));
    for (const s of account.surveys) builder.survey(a, surveySlot(s.kind), toDayNumber(s.date), num(s.score));
  });
  return builder.build();
}
