// Small builders for scoring fixtures. Every fixture is measured from AS_OF so the day counts in
// the tests read as the numbers SPEC talks about ("16 days ago", "renewal in 90 days").
import { addDays } from '../../../shared/dates';
import type { ContactLevel, SurveyKind, TouchType } from '../../../shared/domain';
import type { AccountFacts, ContactFacts, SampleFacts, SurveyFacts, TouchFacts } from '../../../shared/scoring';

export const AS_OF = '2024-06-30';

/** The date n days before AS_OF (negative n: after). */
export const ago = (n: number): string => addDays(AS_OF, -n);
/** The date n days after AS_OF. */
export const inDays = (n: number): string => addDays(AS_OF, n);

/** An account with no data at all: mid-market, stage adoption, nothing recorded. */
export function account(overrides: Partial<AccountFacts> = {}): AccountFacts {
  return {
    id: 1,
    segment: 'mid_market',
    stage: 'adoption',
    archived: false,
    contractStart: null,
    renewalDate: null,
    seats: null,
    createdAt: '2023-01-01',
    contacts: [],
    touches: [],
    samples: [],
    surveys: [],
    ...overrides,
  };
}

export const contact = (
  id: number,
  level: ContactLevel,
  opts: { isUser?: boolean; strength?: number; leftOn?: string | null } = {},
): ContactFacts => ({ id, level, isUser: opts.isUser ?? false, strength: opts.strength ?? 3, leftOn: opts.leftOn ?? null });

/** A strong (strength 3) executive and a strong front-line user. */
export const strongExec = (id: number, leftOn: string | null = null): ContactFacts => contact(id, 'vp', { strength: 3, leftOn });
export const strongUser = (id: number, leftOn: string | null = null): ContactFacts =>
  contact(id, 'ic', { isUser: true, strength: 3, leftOn });

/** A touch with the customer (a call unless said otherwise). */
export const touch = (date: string, contactIds: number[] = [], sentiment: number | null = null, type: TouchType = 'call'): TouchFacts => ({
  date,
  type,
  contactIds,
  sentiment,
});
/** The CSM's own note: in the timeline and in sentiment, never customer contact (SPEC). */
export const note = (date: string, contactIds: number[] = [], sentiment: number | null = null): TouchFacts =>
  touch(date, contactIds, sentiment, 'note');
export const sample = (date: string, key: string, value: number): SampleFacts => ({ date, key, value });
export const survey = (date: string, kind: SurveyKind, score: number): SurveyFacts => ({ date, kind, score });
