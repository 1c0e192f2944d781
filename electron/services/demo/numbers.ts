// The sample book's part for SPEC 2026-12's numbers (issue 12), so a new user sees each rule at work:
//  - an account whose newest touch is the CSM's own note (a note is not contact: the cadence flag
//    still fires, "Last customer contact 41 days ago"),
//  - an account with nothing but its record, as a CRM import leaves it ("Not enough data"),
//  - an incubation account that has not started yet (contract start in three weeks, no revenue
//    event): the incubation pipeline counts it at 12 × its MRR,
//  - triage cases: open (one past its target date, one the app suggests closing as recovered),
//    recovered and churned, for the account page, Today, `tend triage` and the review.
// The three accounts are appended after the rest of the book (book.ts), so no other account's
// seeded details move. Dates count from as-of, like the rest of the book.
import { addDays } from '../../../shared/dates';
import type { ChurnReason, TriageOutcome } from '../../../shared/domain';
import { scoreAccount } from '../../../shared/scoring';
import type { Sqlite } from '../../db/open';
import { triggersOf } from '../triage';
import type { AccountFacts } from '../../../shared/scoring';
import type { DemoAccount, DemoBook, Story } from './book';

const NOTE_ONLY = 'Northwind Optics';
const NO_DATA = 'Halden Biotech';
const NOT_STARTED = 'Cobalt Ridge Labs';

export const NUMBERS_STORIES: readonly Story[] = [
  {
    // SPEC "Customer contact": the newest touch is a note two days ago; the last contact was 41 days
    // ago, past the mid-market cadence of 30 — cadence_overdue fires all the same.
    row: { name: NOTE_ONLY, domain: 'northwindoptics.com', industry: 'Manufacturing', segment: 'mid_market', stage: 'adoption', profile: 'steady' },
    overrides: {
      story: ['cadence_overdue'],
      notes: 'Steady account. The 20-seat add-on is waiting on their procurement; nobody there has heard from us in six weeks.',
      renewalInDays: 190,
      years: 2,
      seats: 120,
      pricePerSeatCents: 4100,
      contacts: [
        { name: 'Rosa Lindqvist', title: 'VP Operations', level: 'vp', isUser: false, role: 'sponsor', strength: 3 },
        { name: 'Ben Adeyemi', title: 'Production Planning Manager', level: 'manager', isUser: true, role: 'champion', strength: 4 },
        { name: 'Mia Castellanos', title: 'Quality Engineer', level: 'ic', isUser: true, role: null, strength: 3 },
      ],
      lastTouchDaysAgo: 41,
      keyTouches: [
        {
          daysAgo: 41, type: 'meeting', who: [0, 1],
          summary: 'Review with Rosa and Ben: planning board rolled out to the second plant; Rosa wants 20 more seats for the night shift.',
          sentiment: 1, nextStep: 'Send the quote for 20 more seats',
        },
        {
          daysAgo: 2, type: 'note', who: 'none',
          summary: "Note to self: their PO for the 20-seat add-on is stuck in procurement. Chased our billing team; still nothing from Rosa's side.",
          sentiment: 0, nextStep: 'Call Rosa about the PO', followUpInDays: 2,
        },
      ],
    },
  },
  {
    // SPEC "Not enough data": the account row and its revenue, nothing else (finished below).
    row: { name: NO_DATA, domain: 'haldenbio.com', industry: 'Biotech', segment: 'mid_market', stage: 'adoption', profile: 'steady' },
    overrides: {
      story: ['cadence_overdue', 'single_threaded'],
      notes: 'Came over from the CRM export last week. No contacts, activity or usage data in Tend yet.',
      renewalInDays: 150,
      years: 1,
      seats: 60,
      pricePerSeatCents: 3900,
    },
  },
  {
    // SPEC "Portfolio metrics" (revised 2026-12): signed, starts in three weeks; no revenue event yet.
    row: { name: NOT_STARTED, domain: 'cobaltridgelabs.com', industry: 'Research', segment: 'mid_market', stage: 'incubation', profile: 'thriving' },
    overrides: {
      story: [],
      notes: 'Signed last week; the contract starts in three weeks. Kickoff booked for day one.',
      renewalInDays: 365 + 21,
      years: 1,
      seats: 90,
      pricePerSeatCents: 4500,
      contacts: [
        { name: 'Dr. Ayla Brandt', title: 'Director of Lab Operations', level: 'director', isUser: false, role: 'sponsor', strength: 3 },
        { name: 'Theo Marsh', title: 'Lab Systems Lead', level: 'manager', isUser: true, role: 'champion', strength: 3 },
        { name: 'Priya Nanda', title: 'Research Associate', level: 'ic', isUser: true, role: null, strength: 3 },
      ],
      lastTouchDaysAgo: 3,
      keyTouches: [
        {
          daysAgo: 3, type: 'call', who: [0, 1],
          summary: 'Kickoff planning with Ayla and Theo: success criteria agreed (sample turnaround down 20%); kickoff on the contract start date.',
          sentiment: 2, nextStep: 'Send the kickoff agenda and the data-import checklist', followUpInDays: 5,
        },
      ],
    },
  },
];

/** Shapes the built account where the generator cannot: the no-data account and the one not started yet. */
export function finishNumbersStory(account: DemoAccount, asOf: string): DemoAccount {
  if (account.name === NO_DATA) {
    return { ...account, contacts: [], touches: [], samples: [], surveys: [], goals: [] };
  }
  if (account.name === NOT_STARTED) {
    // Contracted MRR, but no revenue event has landed (the `new` event comes when it starts).
    const mrrCents = account.revenue.reduce((sum, e) => sum + e.mrrDeltaCents, 0);
    const started = (date: string) => date <= asOf;
    return {
      ...account,
      mrrCents,
      revenue: account.revenue.filter((e) => started(e.date)),
      samples: account.samples.filter((s) => started(s.date)),
      surveys: account.surveys.filter((s) => started(s.date)),
    };
  }
  return account;
}

/** A triage case of the sample book, by the account's name and days counted from as-of. */
export interface DemoTriageCase {
  account: string;
  openedDaysAgo: number;
  rootCause: ChurnReason | null;
  plan: string;
  /** Days from as-of (negative: past); null for no target. */
  targetInDays: number | null;
  closed: { daysAgo: number | 'churn'; outcome: TriageOutcome } | null;
  /** Why the CSM opened it, when the flags at the time did not put the account in triage. */
  why: string;
}

const CASES: readonly DemoTriageCase[] = [
  {
    account: 'Lumen Grid Energy',
    openedDaysAgo: 9,
    rootCause: 'low_adoption',
    plan: 'Get the field crews back on the mobile app: usage review with the ops managers, two on-site refreshers, weekly adoption check with Victor.',
    targetInDays: 21,
    closed: null,
    why: 'Adoption fell sharply and the crews went quiet',
  },
  {
    account: 'Granite Peak Construction',
    openedDaysAgo: 45,
    rootCause: 'value_not_realised',
    plan: 'Executive reset with the COO: agree three outcomes for the next quarter, clear the invoice dispute, fortnightly check-ins.',
    targetInDays: -7,
    closed: null,
    why: 'Detractor NPS, overdue invoices and no executive contact before the renewal',
  },
  {
    account: 'Maple & Main Realty',
    openedDaysAgo: 26,
    rootCause: 'budget',
    plan: 'Show the broker team the hours saved before their budget review; offer the annual plan.',
    targetInDays: 4,
    closed: null,
    why: 'The office manager said the subscription is on the list for the budget cuts',
  },
  {
    account: 'Riverbend Credit Union',
    openedDaysAgo: 40,
    rootCause: 'sponsor_lost',
    plan: 'Meet the new VP of Member Services, rebuild the steering group, re-run the success plan review.',
    targetInDays: -10,
    closed: { daysAgo: 4, outcome: 'recovered' },
    why: 'Our sponsor moved on and the new VP had not heard of us',
  },
  {
    account: 'Fernhill Property Management',
    openedDaysAgo: 130,
    rootCause: 'stalled_implementation',
    plan: 'Finish the portfolio import with their admin; train the regional managers.',
    targetInDays: -90,
    closed: { daysAgo: 88, outcome: 'recovered' },
    why: 'Implementation stalled at the data import',
  },
  {
    account: 'Beacon Hill Staffing',
    openedDaysAgo: 160,
    rootCause: 'value_not_realised',
    plan: 'Prove the time-to-fill gains to the new COO before the renewal.',
    targetInDays: -110,
    closed: { daysAgo: 'churn', outcome: 'churned' },
    why: 'The new COO questioned the value before the renewal',
  },
];

export interface DemoTriageCaseRow {
  account: string;
  openedOn: string;
  rootCause: ChurnReason | null;
  plan: string;
  targetDate: string | null;
  /** 'churn': on the account's churn date. */
  closedOn: string | 'churn' | null;
  outcome: TriageOutcome | null;
  why: string;
}

/** The sample book's triage cases, dated from as-of. */
export function demoTriageCases(asOf: string): DemoTriageCaseRow[] {
  return CASES.map((c) => ({
    account: c.account,
    openedOn: addDays(asOf, -c.openedDaysAgo),
    rootCause: c.rootCause,
    plan: c.plan,
    targetDate: c.targetInDays === null ? null : addDays(asOf, c.targetInDays),
    closedOn: c.closed === null ? null : c.closed.daysAgo === 'churn' ? 'churn' : addDays(asOf, -c.closed.daysAgo),
    outcome: c.closed?.outcome ?? null,
    why: c.why,
  }));
}

/**
 * Writes the book's triage cases (inside the load's transaction). An open case's triggers are the
 * flags and band that put the account in triage as the book stands (what the CSM sees on its page);
 * a closed one's are what the scoring said on the day it opened. When neither puts the account in
 * triage, the trigger is the CSM's own reason.
 */
export function insertDemoTriageCases(sqlite: Sqlite, book: DemoBook, facts: AccountFacts[], idsByName: Map<string, number>): void {
  const insert = sqlite.prepare(`
    INSERT INTO triage_cases (account_id, opened_on, triggers, root_cause, plan, target_date, closed_on, outcome)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const c of book.triageCases) {
    const index = book.accounts.findIndex((a) => a.name === c.account);
    const accountId = idsByName.get(c.account);
    if (index < 0 || accountId === undefined) throw new Error(`The sample book has a triage case for an unknown account: ${c.account}`);
    const account = book.accounts[index];
    // Before it churned, a churned account was an ordinary one: score it as such on the opening day.
    const stage = account.stage === 'churned' ? 'adoption' : account.stage;
    const scoredOn = c.closedOn === null ? book.asOf : c.openedOn;
    const triggers = triggersOf(stage, scoreAccount({ ...facts[index], stage }, scoredOn)).filter((t) => t.rule !== 'stage');
    if (triggers.length === 0) triggers.push({ rule: 'manual', reason: c.why });
    const churnedOn = account.revenue.find((e) => e.kind === 'churn')?.date ?? null;
    const closedOn = c.closedOn === 'churn' ? churnedOn : c.closedOn;
    insert.run(accountId, c.openedOn, JSON.stringify(triggers), c.rootCause, c.plan, c.targetDate, closedOn, c.outcome);
  }
}
