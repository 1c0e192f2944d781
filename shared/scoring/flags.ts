// Flags (SPEC "Flags"): each rule reads the signals at the as-of date and returns a reason in plain
// words with the numbers, or null. Windows are inclusive exactly as SPEC states. Churned and archived
// accounts raise no flags.
import { FLAG_RULES, type FlagRule, type Segment, type Severity } from '../domain';
import { toDayNumber } from '../dates';
import type { Settings } from '../settings';
import { adoptionFromUsers, fmt, plural } from './health';
import { ACTIVE_USERS, ADOPTION, dateOfDay, packFacts, type AccountInfo, type PackedBook } from './packed';
import type { AccountFacts, AccountSignals, DatedValue, FlagResult } from './types';

/** A rule reads the account's own fields and its signals; `book`/`a` are its rows, for the one rule that rescans samples. */
type Rule = (facts: AccountInfo, s: AccountSignals, settings: Settings, book: PackedBook, a: number) => string | null;

const ago = (days: number): string => (days === 0 ? 'today' : `${plural(days, 'day')} ago`);
/** "no executive touch in 41 days" / "no executive touch ever". */
const silenceText = (days: number, who: string): string =>
  days === Infinity ? `no ${who} touch ever` : `no ${who} touch in ${plural(days, 'day')}`;
const SEGMENT_WORDS: Record<Segment, string> = { enterprise: 'enterprise', mid_market: 'mid-market', smb: 'SMB' };
const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** "only 1 strong executive relationship, 2 needed". */
const execShortfall = (have: number, need: number): string =>
  `only ${plural(have, 'strong executive relationship')}, ${need} needed`;

/** Day number of an optional date; NaN when absent or unreadable (NaN fails every window test). */
const dayOf = (iso: string | null): number => (iso === null ? NaN : toDayNumber(iso));

// seed 001: "up for renewal, … no communication with executives in 15 days … flagged for quick outreach".
const renewalExecSilence: Rule = (facts, s, settings) => {
  const cfg = settings.flags.renewal_exec_silence;
  const inDays = dayOf(facts.renewalDate) - s.asOfDay;
  if (!(inDays >= 0 && inDays <= cfg.renewalWindowDays)) return null; // a past renewal is not upcoming
  const silence = s.relationships.daysSinceExecContact;
  if (silence <= cfg.execSilenceDays) return null;
  const renewal = inDays === 0 ? 'renewal today' : `renewal in ${plural(inDays, 'day')}`;
  return `${capitalize(silenceText(silence, 'executive'))}; ${renewal}`;
};

// seed 001: "Enterprise accounts where there are not strong relationships with at least two
// executives … single-threaded risk. SMB accounts might only require one".
const singleThreaded: Rule = (facts, s) => {
  const { strongExecs, requiredExecs } = s.relationships;
  if (strongExecs >= requiredExecs) return null;
  const segment = SEGMENT_WORDS[facts.segment];
  const have = strongExecs === 0 ? 'No strong executive relationship' : `Only ${plural(strongExecs, 'strong executive relationship')}`;
  return `${have}; ${segment} accounts need ${requiredExecs}`;
};

// seed 001: "strong product adoption but no relationships with users … built into customer champions".
const championGap: Rule = (_facts, s, settings) => {
  const a = s.adoption;
  if (a === null || !(a.value >= settings.flags.champion_gap.minAdoption) || s.relationships.strongUsers > 0) return null;
  return `Adoption ${fmt(a.value)}% but no strong front-line user relationships; build champions`;
};

/**
 * The sample the adoption drop compares with: the latest one (from the same source as the latest
 * adoption) dated in [d − windowMax, d − windowMin], d being the latest adoption's date.
 */
export function earlierAdoption(facts: AccountFacts, latest: NonNullable<AccountSignals['adoption']>, settings: Settings): DatedValue | null {
  return earlierAdoptionOf(packFacts([facts]), 0, latest, settings);
}

/** earlierAdoption of account `a` of a packed book. */
function earlierAdoptionOf(book: PackedBook, a: number, latest: NonNullable<AccountSignals['adoption']>, settings: Settings): DatedValue | null {
  const { windowMinDays, windowMaxDays } = settings.flags.adoption_drop_user_silence;
  const from = latest.day - windowMaxDays;
  const to = latest.day - windowMinDays;
  const slot = latest.source === 'adoption' ? ADOPTION : ACTIVE_USERS;
  const { sampleSlot, sampleDay, sampleValue } = book;
  let best = -1;
  let bestDay = -Infinity;
  for (let r = book.sampleStart[a], end = book.sampleStart[a + 1]; r < end; r++) {
    if (sampleSlot[r] !== slot || !Number.isFinite(sampleValue[r])) continue;
    const day = sampleDay[r];
    if (!(day >= from && day <= to) || day < bestDay) continue;
    best = r;
    bestDay = day;
  }
  if (best < 0) return null;
  const raw = sampleValue[best];
  const value = latest.source === 'active_users' ? adoptionFromUsers(raw, book.accounts[a].seats ?? 0) : raw;
  return { value, day: bestDay, date: dateOfDay(bestDay) };
}

// seed 001: "user adoption has fallen off, and there has been no contact with users for 30 days …
// flagged for emergency help".
const adoptionDropUserSilence: Rule = (_facts, s, settings, book, a) => {
  const cfg = settings.flags.adoption_drop_user_silence;
  const latest = s.adoption;
  const silence = s.relationships.daysSinceUserContact;
  if (latest === null || silence <= cfg.userSilenceDays) return null; // checked first: it skips the sample scan
  const earlier = earlierAdoptionOf(book, a, latest, settings);
  // A fall needs something to fall from: an earlier adoption of 0 cannot drop.
  if (earlier === null || !(earlier.value > 0)) return null;
  // The epsilon keeps "exactly 0.8×" firing when 0.8 × earlier rounds a hair low in binary.
  if (!(latest.value <= cfg.dropRatio * earlier.value + 1e-9 * earlier.value)) return null;
  const fell = (1 - latest.value / earlier.value) * 100;
  return (
    `Adoption fell ${fmt(fell)}% from ${fmt(earlier.value)}% to ${fmt(latest.value)}% ` +
    `in ${plural(latest.day - earlier.day, 'day')}; ${silenceText(silence, 'front-line user')}`
  );
};

const detractor: Rule = (_facts, s, settings) => {
  const cfg = settings.flags.detractor;
  const nps = s.nps;
  if (nps === null || s.asOfDay - nps.day > cfg.withinDays || !(nps.value <= cfg.maxScore)) return null;
  return `Latest NPS response ${fmt(nps.value)}, ${ago(s.asOfDay - nps.day)}`;
};

const overdueInvoice: Rule = (_facts, s) => {
  const o = s.overdueInvoices;
  return o !== null && o.value > 0 ? plural(o.value, 'overdue invoice') : null;
};

// seed 002, law 5: "Establish a cadence for interacting with customers". The CSM's own notes are
// not contact (SPEC "Customer contact"): daysSinceLastTouch already leaves them out.
const cadenceOverdue: Rule = (facts, s, settings) => {
  const cadence = settings.cadenceDays[facts.segment];
  const d = s.relationships.daysSinceLastTouch;
  if (d <= cadence) return null;
  const when = d === Infinity ? 'No customer contact yet' : `Last customer contact ${plural(d, 'day')} ago`;
  return `${when}; cadence is ${plural(cadence, 'day')}`;
};

// seed 002, law 2: "Loss of project sponsor".
const sponsorLost: Rule = (_facts, s, settings) => {
  if (s.lastExecLeftDay === null) return null;
  const since = s.asOfDay - s.lastExecLeftDay; // ≥ 0: departures after as-of were not read
  const { strongExecs, requiredExecs } = s.relationships;
  if (since > settings.flags.sponsor_lost.withinDays || strongExecs >= requiredExecs) return null;
  return `An executive left ${ago(since)}; ${execShortfall(strongExecs, requiredExecs)}`;
};

// seed 002, laws 2 and 7: "Stalled or prolonged implementation"; "Obsessively improve time to value".
const stalledOnboarding: Rule = (facts, s, settings) => {
  if (facts.stage !== 'onboarding') return null;
  const since = s.asOfDay - dayOf(facts.contractStart);
  const limit = settings.flags.stalled_onboarding.afterDays;
  if (!(since > limit)) return null;
  return `Still onboarding ${plural(since, 'day')} after contract start (more than ${plural(limit, 'day')})`;
};

const RULES: Record<FlagRule, Rule> = {
  renewal_exec_silence: renewalExecSilence,
  single_threaded: singleThreaded,
  champion_gap: championGap,
  adoption_drop_user_silence: adoptionDropUserSilence,
  detractor,
  overdue_invoice: overdueInvoice,
  cadence_overdue: cadenceOverdue,
  sponsor_lost: sponsorLost,
  stalled_onboarding: stalledOnboarding,
};

export function severityOf(rule: FlagRule, facts: Pick<AccountFacts, 'segment'>, settings: Settings): Severity {
  if (rule === 'single_threaded' && facts.segment === 'enterprise') return settings.flags.single_threaded.enterpriseSeverity;
  return settings.flags[rule].severity;
}

/** Every flag that fires, in FLAG_RULES order. */
export function evaluateFlags(facts: AccountFacts, signals: AccountSignals, settings: Settings): FlagResult[] {
  return evaluateFlagsOf(packFacts([facts]), 0, signals, settings);
}

/** evaluateFlags of account `a` of a packed book. */
export function evaluateFlagsOf(book: PackedBook, a: number, signals: AccountSignals, settings: Settings): FlagResult[] {
  const flags: FlagResult[] = [];
  const facts = book.accounts[a];
  if (facts.archived || facts.stage === 'churned') return flags;
  for (const rule of FLAG_RULES) {
    const reason = RULES[rule](facts, signals, settings, book, a);
    if (reason !== null) flags.push({ rule, severity: severityOf(rule, facts, settings), reason });
  }
  return flags;
}
