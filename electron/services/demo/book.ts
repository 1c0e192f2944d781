// The sample book behind `tend demo` and the app's empty state: a year in the life of a CSM's
// portfolio, built as plain data so it can be scored without a database and loaded in one
// transaction (load.ts).
//
// Pure and deterministic: every random choice comes from a PRNG seeded by the account's external
// id (so adding an account never reshuffles the others), and every date is counted back from
// `asOf` — nothing reads the clock. Loading the book on any day therefore gives a book whose
// flags and bands look the same relative to that day.
//
// Twelve "story" accounts are written by hand so that every flag rule in SPEC fires somewhere
// (see STORIES); the rest of the book is generated from a table of companies (ORDINARY) and is
// deliberately unremarkable, because a real book is mostly healthy-ish accounts.
import { daysInMonth, fromDayNumber, toDayNumber } from '../../../shared/dates';
import {
  isExecutive,
  type ContactLevel,
  type ContactRole,
  type FlagRule,
  type GoalStatus,
  type RevenueKind,
  type Segment,
  type Stage,
  type TouchType,
} from '../../../shared/domain';
import { NUMBERS_STORIES, demoTriageCases, finishNumbersStory, type DemoTriageCaseRow } from './numbers';
import { addHandEnteredMoney } from './money';

// ---------------------------------------------------------------------------------------------
// The book's shape (plain data, dates as YYYY-MM-DD)
// ---------------------------------------------------------------------------------------------

export type DemoMetricKey = 'active_users' | 'adoption' | 'open_tickets' | 'overdue_invoices' | 'community_posts';

export interface DemoContact {
  name: string;
  email: string;
  title: string;
  level: ContactLevel;
  isUser: boolean;
  role: ContactRole | null;
  /** 0–4: none, weak, medium, strong, very strong. */
  strength: number;
  leftOn: string | null;
  notes: string;
}

export interface DemoTouch {
  type: TouchType;
  occurredAt: string;
  summary: string;
  notes: string;
  /** CSM pulse −2…2, or null when not recorded. */
  sentiment: number | null;
  nextStep: string | null;
  followUpDue: string | null;
  /** Indexes into the account's contacts. */
  contactIdx: number[];
}

export interface DemoSample {
  date: string;
  key: DemoMetricKey;
  value: number;
}

export interface DemoRevenueEvent {
  date: string;
  kind: RevenueKind;
  mrrDeltaCents: number;
}

export interface DemoSurvey {
  kind: 'nps' | 'csat';
  score: number;
  date: string;
  comment: string;
  /** Index into the account's contacts, or null for an anonymous response. */
  contactIdx: number | null;
}

export interface DemoGoal {
  goal: string;
  measure: string;
  target: string;
  status: GoalStatus;
  dueDate: string;
}

export interface DemoAccount {
  externalId: string;
  name: string;
  segment: Segment;
  stage: Stage;
  /** Equals the sum of `revenue` deltas. */
  mrrCents: number;
  currency: 'USD';
  contractStart: string;
  renewalDate: string;
  seats: number;
  industry: string;
  website: string;
  notes: string;
  /** The flag rules this account was written to demonstrate (empty for the ordinary book). */
  story: FlagRule[];
  contacts: DemoContact[];
  touches: DemoTouch[];
  samples: DemoSample[];
  revenue: DemoRevenueEvent[];
  surveys: DemoSurvey[];
  goals: DemoGoal[];
}

export interface DemoBook {
  asOf: string;
  accounts: DemoAccount[];
  /** Triage cases by account name (numbers.ts). */
  triageCases: DemoTriageCaseRow[];
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  float(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** xmur3 string hash → 32-bit seed. */
function hashSeed(text: string): number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: small, fast and good enough for sample data. */
function createRng(seedText: string): Rng {
  let a = hashSeed(`tend-demo:${seedText}`);
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    float: (lo, hi) => lo + next() * (hi - lo),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

// ---------------------------------------------------------------------------------------------
// Dates (day numbers from shared/dates; "ago" counts back from as-of)
// ---------------------------------------------------------------------------------------------

/** The same calendar day `years` later (29 February becomes 28 February when needed). */
function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const m = Number(iso.slice(5, 7));
  const d = Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${iso.slice(5, 7)}-${String(d).padStart(2, '0')}`;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

// ---------------------------------------------------------------------------------------------
// Blueprints: what an account should look like, before the details are generated
// ---------------------------------------------------------------------------------------------

/** How an ordinary account is doing; drives adoption, pulse, surveys and tickets. */
type Profile = 'thriving' | 'steady' | 'wobbly';

interface ContactSpec {
  name?: string;
  title?: string;
  level: ContactLevel;
  isUser: boolean;
  role: ContactRole | null;
  strength: number;
  leftDaysAgo?: number;
  notes?: string;
}

/** A touch written by hand: the beats of a story. `who` picks the contacts involved. */
interface KeyTouch {
  daysAgo: number;
  type: TouchType;
  who: 'exec' | 'user' | 'none' | readonly number[];
  summary: string;
  sentiment: number | null;
  nextStep?: string | null;
  notes?: string;
  /** Follow-up due this many days after the touch (only the account's latest touch gets one). */
  followUpInDays?: number;
}

interface NpsSpec {
  daysAgo: number;
  score: number;
  contact: number | null;
  comment?: string;
}

interface GoalSpec {
  goal: string;
  measure: string;
  target: string;
  status: GoalStatus;
  dueInDays: number;
}

interface Blueprint {
  externalId: string;
  name: string;
  domain: string;
  industry: string;
  segment: Segment;
  stage: Stage;
  profile: Profile;
  story: FlagRule[];
  notes: string;
  /** Renewal date relative to as-of; negative for a churned account (it churned at renewal). */
  renewalInDays: number;
  /** Contract years up to the renewal date: contract start = renewal − years. */
  years: number;
  churnDaysAgo: number | null;
  seats: number;
  pricePerSeatCents: number;
  expansions: { daysAgo: number; seats: number }[];
  /** Seats given back at the last anniversary before as-of (0: none). */
  contractionSeats: number;
  contacts: ContactSpec[];
  lastTouchDaysAgo: number;
  /** Generated touches more recent than this many days involve no executive (0: no limit). */
  execSilenceDays: number;
  /** Generated touches more recent than this many days involve no front-line user (0: no limit). */
  userSilenceDays: number;
  keyTouches: KeyTouch[];
  /** Mean pulse of touches in the last 90 days, when the story needs a mood. */
  recentMood: number | null;
  adoptionTarget: number;
  /** The latest monthly adoption values, oldest first, replacing the generated ones. */
  adoptionTail: number[];
  openTicketsTail: number[];
  overdueTail: number[];
  /** Explicit NPS responses; null generates quarterly waves from the profile. */
  nps: NpsSpec[] | null;
  community: boolean;
  goals: GoalSpec[] | null;
}

interface CompanyRow {
  name: string;
  domain: string;
  industry: string;
  segment: Segment;
  stage: Stage;
  profile: Profile;
  churn?: { daysAgo: number; reason: string; exit: string };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

const FIRST_NAMES = [
  'Aisha', 'Ben', 'Carla', 'Dev', 'Elena', 'Farid', 'Gabriel', 'Hiro', 'Ines', 'Jamal', 'Kate', 'Luis',
  'Maya', 'Nikhil', 'Olivia', 'Pedro', 'Quinn', 'Rosa', 'Sanjay', 'Tamsin', 'Umar', 'Valeria', 'Will',
  'Xin', 'Yasmin', 'Zoe', 'Adam', 'Bianca', 'Chen', 'Daniel', 'Emma', 'Felix', 'Grace', 'Hassan', 'Isla',
  'Jonas', 'Leah', 'Leo', 'Mei', 'Nora', 'Oscar', 'Pia', 'Rahul', 'Sofia', 'Tomas', 'Uma', 'Vikram',
  'Wendy', 'Yara', 'Zane', 'Amara', 'Bruno', 'Chloe', 'Dmitri', 'Esther', 'Finn', 'Hana', 'Henry', 'Ivy', 'Jorge',
] as const;
const LAST_NAMES = [
  'Adams', 'Baker', 'Castro', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Johnson',
  'Kowalski', 'Lindgren', 'Mensah', 'Nakamura', "O'Brien", 'Patel', 'Quintero', 'Rossi', 'Schmidt',
  'Thompson', 'Usman', 'Varga', 'Walsh', 'Xu', 'Young', 'Zimmerman', 'Abbott', 'Brennan', 'Chowdhury',
  'Delgado', 'Eriksen', 'Fontaine', 'Gupta', 'Hughes', 'Ibrahim', 'Jensen', 'Kim', 'Lopez', 'Murphy',
  'Novak', 'Okafor', 'Park', 'Reyes', 'Silva', 'Tanaka', 'Ueda', 'Vasquez', 'Whitaker', 'Yilmaz', 'Zhou',
] as const;

const TITLES: Record<ContactLevel, readonly string[]> = {
  c_level: [
    'Chief Operating Officer', 'Chief Financial Officer', 'Chief Information Officer',
    'Chief Executive Officer', 'Chief Customer Officer', 'Chief Technology Officer',
  ],
  vp: ['VP Operations', 'VP Customer Experience', 'VP Finance', 'VP Sales', 'VP Engineering', 'VP People'],
  director: [
    'Director of Operations', 'IT Director', 'Director of Customer Support', 'Director of Finance',
    'Director of Sales Operations', 'Director of Business Systems',
  ],
  manager: [
    'Operations Manager', 'Support Team Lead', 'Office Manager', 'Sales Operations Manager',
    'Project Manager', 'Service Delivery Manager',
  ],
  ic: [
    'Operations Analyst', 'Support Specialist', 'Project Coordinator', 'Systems Administrator',
    'Account Coordinator', 'Business Analyst', 'Scheduler',
  ],
};
/** Small companies are run by founders and owners, not "chief officers". */
const SMB_TOP_TITLES = ['Founder & CEO', 'Owner', 'Managing Partner', 'Co-founder & COO'] as const;
/** People who pay the invoices but never log in. */
const NON_USER_IC_TITLES = ['Procurement Specialist', 'Accounts Payable Specialist', 'Bookkeeper'] as const;

const FEATURES = [
  'SSO', 'the Salesforce sync', 'custom dashboards', 'approval workflows', 'the mobile app', 'the API',
  'scheduled reports', 'the Slack integration', 'audit logs', 'bulk import',
] as const;
const TEAMS = [
  'the operations team', 'customer support', 'finance', 'the field team', 'sales ops', 'the regional offices',
  'the EMEA team', 'IT', 'the new hires',
] as const;

/** Weeks between touches by segment (seed 002, law 5: a cadence per coverage model). */
const TOUCH_INTERVAL: Record<Segment, readonly [number, number]> = {
  enterprise: [6, 13],
  mid_market: [12, 26],
  smb: [20, 40],
};
/** SPEC defaults, mirrored so ordinary accounts stay inside them; the stories step outside on purpose. */
const CADENCE: Record<Segment, number> = { enterprise: 14, mid_market: 30, smb: 45 };
const PROFILE_MOOD: Record<Profile, number> = { thriving: 1.1, steady: 0.6, wobbly: -0.1 };

// ---- what a CSM writes: [summary, next step] ----

type Line = readonly [summary: string, nextStep: string | null];
type Tone = 'positive' | 'neutral' | 'negative';
type Phase = 'presales' | 'onboarding' | 'ongoing';

/**
 * Seed 000, incubation: customer success works the deal with sales and plans adoption before
 * kickoff. The steps happen in this order; a long sales cycle repeats the last one.
 */
const PRESALES_STEPS: readonly (readonly [TouchType, ...Line])[] = [
  ['call', 'Discovery call with {first} alongside the AE: {team} runs on spreadsheets and a shared inbox today.', 'Draft a success plan from the discovery notes'],
  ['meeting', 'Demo of {feature} for {first} and team; good questions about migrating their historical data.', 'Send the migration checklist'],
  ['email', 'Sent {first} our security questionnaire answers and the SOC 2 report.', 'Confirm their IT review has everything it needs'],
  ['call', 'Reference call arranged for {first} with a customer in the same industry; feedback was positive.', null],
  ['meeting', 'Success-plan workshop with {first}: agreed what "live" means and the goals for the first 90 days.', 'Share the written success plan for sign-off'],
  ['email', 'Sent {first} the draft success plan and a proposed kickoff date.', 'Agree the kickoff date'],
  ['call', 'Call with {first} to confirm who owns the rollout on their side and who needs training first.', 'Send the kickoff agenda'],
  ['email', "Answered {first}'s questions about {feature} ahead of kickoff.", null],
];

const ONBOARDING_LINES: Partial<Record<TouchType, readonly Line[]>> = {
  meeting: [
    ['Kickoff with {first}: confirmed project owners, the timeline and the go-live date.', 'Send kickoff recap and project plan'],
    ['Admin training for {first}: set up roles, imported users and configured {feature}.', 'Check that the first team has logged in'],
    ['Training session for {first}\'s pilot group: {n} people trained on the core workflow.', 'Schedule training for {team}'],
  ],
  call: [
    ['Implementation check-in with {first}: data import done, {feature} still waiting on IT.', 'Chase IT on {feature} configuration'],
    ['Onboarding call with {first}: walked through reporting basics; they want templates for {team}.', 'Send two report templates'],
  ],
  email: [
    ['Shared onboarding progress with {first}: {n} of 12 checklist steps complete.', 'Review the remaining steps on the next call'],
    ['Sent {first} recordings of the training sessions for people who missed them.', null],
  ],
  support: [
    ['Helped {first} fix a CSV import that failed on date formats.', null],
    ['Helped {first} map their custom fields during the data import.', null],
  ],
  event: [['{first} joined the new-customer onboarding webinar.', null]],
};

const byTone = (positive: readonly Line[], neutral: readonly Line[], negative: readonly Line[]): Record<Tone, readonly Line[]> => ({
  positive,
  neutral,
  negative,
});

const ONGOING_LINES: Record<TouchType, Record<Tone, readonly Line[]>> = {
  call: byTone(
    [
      ['Check-in with {first}: the weekly review in {team} now runs from the dashboards; wants to add {feature}.', 'Send the {feature} setup guide'],
      ['Call with {first}: usage is up since the rollout to {team}; happy to be a reference.', 'Ask marketing about a case study'],
      ['Quick call with {first} to celebrate hitting their first success-plan milestone.', 'Update the success plan'],
    ],
    [
      ['Monthly call with {first}: steady usage, a few questions about {feature} permissions.', 'Send the permissions how-to'],
      ['Caught up with {first} on their reorg; no change to how {team} uses us for now.', 'Re-check the org chart next month'],
      ['Call with {first} about budget planning; nothing new expected this year.', null],
    ],
    [
      ['Tough call with {first}: people in {team} find reports slow and are exporting to Excel again.', 'Open a performance ticket and share a workaround'],
      ['{first} raised frustration about last week\'s outage; wants a root-cause write-up for their leadership.', 'Send the RCA and remediation plan'],
    ],
  ),
  email: byTone(
    [
      ['Sent {first} the release notes for {feature} with a two-line summary of what matters to {team}.', 'Offer a short enablement session'],
      ['{first} emailed to say {team} saved a day a week on month-end; asked for {feature} next.', 'Scope {feature} with {first}'],
    ],
    [
      ['Emailed {first} the monthly usage snapshot and the three features they are not using yet.', null],
      ['Followed up with {first} on the feature request for {feature}; shared roadmap timing.', 'Confirm timing with product'],
      ['Sent {first} the agenda for next quarter\'s review.', null],
    ],
    [
      ['{first} asked why the invoice and their seat count don\'t match; replied with the seat report.', 'Walk through the seat true-up on the next call'],
      ['{first} emailed that people in {team} have stopped using {feature}; asked for a call.', 'Book a call this week'],
    ],
  ),
  meeting: byTone(
    [
      ['Workshop with {first} and {team}: mapped their approval process into {feature}; two quick wins.', 'Send workshop notes and build the first workflow'],
      ['Onsite with {first}: sat with {team} for a morning and saw how they triage their queue.', 'Share three configuration tips from the visit'],
    ],
    [
      ['Planning session with {first} on rolling out to {team}; timing depends on their hiring.', 'Draft a rollout plan for {team}'],
      ['Working session with {first} to clean up old projects and unused seats.', null],
    ],
    [
      ['Escalation meeting with {first}: adoption in {team} has stalled and they question the value.', 'Build a recovery plan with weekly milestones'],
    ],
  ),
  qbr: byTone(
    [
      ['QBR with {first}: goals on track, usage up quarter on quarter, and interest in rolling out to {team}.', 'Send the QBR deck and an expansion proposal'],
      ['QBR with {first}: first success-plan goal achieved; agreed the next one around {feature}.', 'Update the success plan with the new goal'],
    ],
    [
      ['QBR with {first}: on track on most goals; {feature} adoption still behind plan.', 'Send the QBR deck with the agreed actions'],
    ],
    [
      ['QBR with {first}: they are not seeing the return they bought for; renewal will be scrutinised.', 'Agree a 60-day value plan with {first}'],
    ],
  ),
  support: byTone(
    [['Helped {first} fix a sync error in {feature}; engineering corrected the mapping within a day.', 'Confirm the fix held after the next sync']],
    [
      ['{first} reported duplicate records after an import; walked them through the merge tool.', null],
      ['Answered {first}\'s question about exporting audit history for their auditors.', null],
    ],
    [['Escalated {first}\'s ticket about slow exports to tier 2; third report this month.', 'Chase tier 2 for an ETA']],
  ),
  event: byTone(
    [
      ['{first} attended our customer roundtable and showed how they use {feature} in {team}.', 'Invite {first} to the customer advisory board'],
      ['Met {first} at the user conference; they want to see the {feature} roadmap.', 'Book a roadmap session'],
    ],
    [['{first} joined the quarterly product webinar.', null]],
    [['{first} came to the user meetup mostly to raise the {feature} issues in person.', 'Follow up on the issues raised']],
  ),
  note: byTone(
    [['Internal: product confirmed {feature} improvements next quarter; {company} asked for exactly this.', 'Tell {company} when it ships']],
    [
      ['Internal: account review with the AE; no open opportunities this quarter.', null],
      ['Internal: support logged {n} tickets from {company} this month, all low priority.', null],
    ],
    [['Internal: support flagged a spike of tickets from {company}; worth a call.', 'Call {company} about the ticket spike']],
  ),
};

const NPS_COMMENTS: Record<'promoter' | 'passive' | 'detractor', readonly string[]> = {
  promoter: [
    'Saves my team hours every week.',
    'Support is quick and actually knows the product.',
    'The dashboards are what our leadership looks at every Monday.',
    '',
  ],
  passive: ['Does the job; reporting could be faster.', 'Good product, onboarding took longer than we hoped.', 'Fine overall. The mobile app needs work.', ''],
  detractor: ['Too many sync errors lately.', "We're paying for seats nobody uses.", 'Hard to get answers from support.'],
};
const CSAT_COMMENTS: Record<number, string> = {
  5: 'Fixed quickly, thanks!',
  4: 'Resolved, took a couple of days.',
  3: 'OK, but I had to explain the problem twice.',
  2: 'Still not fully fixed.',
  1: 'Nobody got back to me.',
};

const GOAL_LIBRARY: readonly (readonly [goal: string, measure: string, target: string])[] = [
  ['Cut first-response time on customer tickets', 'Median first-response time in their helpdesk', 'Under 2 hours'],
  ['Roll the platform out to every operations team', 'Active users ÷ licensed seats', '80% of seats active'],
  ['Retire the month-end reporting spreadsheets', 'Reports still built by hand each month', 'Zero by fiscal year end'],
  ['Single sign-on for all staff', 'Share of logins through SSO', '100%'],
  ['Automate purchase approvals', 'Approvals completed in-app per month', '400 a month'],
  ['Give leadership a live weekly dashboard', 'Leadership meetings run from the dashboard', 'Every Monday meeting'],
  ['Shorten onboarding for new hires', 'Days until a new hire works unassisted', 'From 10 days to 4'],
  ['Consolidate legacy tools', 'Legacy tools switched off', '3 of 3 before renewal'],
  ['Improve on-time project delivery', 'Projects delivered by their due date', '90%'],
  ['Reduce manual data entry', 'Hours a week spent re-keying data', 'Down by half'],
];

// ---------------------------------------------------------------------------------------------
// The ordinary book: a table of companies; everything else is generated
// ---------------------------------------------------------------------------------------------

const ORDINARY: readonly CompanyRow[] = [
  // enterprise
  { name: 'Atlas Freightways', domain: 'atlasfreightways.com', industry: 'Logistics', segment: 'enterprise', stage: 'adoption', profile: 'thriving' },
  { name: 'Cedarline Health Systems', domain: 'cedarlinehealth.com', industry: 'Healthcare', segment: 'enterprise', stage: 'expansion', profile: 'thriving' },
  { name: 'Ironbridge Capital', domain: 'ironbridgecap.com', industry: 'Financial services', segment: 'enterprise', stage: 'adoption', profile: 'steady' },
  { name: 'Northstar Telecom', domain: 'northstartel.com', industry: 'Telecommunications', segment: 'enterprise', stage: 'expansion', profile: 'thriving' },
  { name: 'Halcyon Hotels Group', domain: 'halcyonhotels.com', industry: 'Hospitality', segment: 'enterprise', stage: 'adoption', profile: 'steady' },
  { name: 'Vireo Pharmaceuticals', domain: 'vireopharma.com', industry: 'Life sciences', segment: 'enterprise', stage: 'onboarding', profile: 'steady' },
  { name: 'Summit Ridge University', domain: 'summitridge.edu', industry: 'Education', segment: 'enterprise', stage: 'adoption', profile: 'wobbly' },
  {
    name: 'Orchard Lane Retail', domain: 'orchardlaneretail.com', industry: 'Retail', segment: 'enterprise', stage: 'churned', profile: 'wobbly',
    churn: {
      daysAgo: 40,
      reason: 'Acquired by a larger chain that standardised on a competitor; did not renew. Keep in touch with the old ops team.',
      exit: 'Exit call with {first}: the new parent company runs a competitor, so they will not renew. Thanked us for the rollout work.',
    },
  },
  // mid-market
  { name: 'Copperleaf Software', domain: 'copperleaf.io', industry: 'Software', segment: 'mid_market', stage: 'expansion', profile: 'thriving' },
  { name: 'Fernhill Property Management', domain: 'fernhillpm.com', industry: 'Real estate', segment: 'mid_market', stage: 'adoption', profile: 'steady' },
  { name: 'Blue Heron Logistics', domain: 'blueheronlogistics.com', industry: 'Logistics', segment: 'mid_market', stage: 'adoption', profile: 'thriving' },
  { name: 'Stonebrook Manufacturing', domain: 'stonebrookmfg.com', industry: 'Manufacturing', segment: 'mid_market', stage: 'adoption', profile: 'steady' },
  { name: 'Lattice Legal', domain: 'latticelegal.com', industry: 'Legal', segment: 'mid_market', stage: 'expansion', profile: 'thriving' },
  { name: 'Mosaic Media Labs', domain: 'mosaicmedialabs.com', industry: 'Media', segment: 'mid_market', stage: 'adoption', profile: 'wobbly' },
  { name: 'Parkway Dental Partners', domain: 'parkwaydental.com', industry: 'Healthcare', segment: 'mid_market', stage: 'onboarding', profile: 'steady' },
  { name: 'Riverbend Credit Union', domain: 'riverbendcu.org', industry: 'Financial services', segment: 'mid_market', stage: 'adoption', profile: 'steady' },
  { name: 'Tidewater Marine Supply', domain: 'tidewatermarine.com', industry: 'Wholesale', segment: 'mid_market', stage: 'adoption', profile: 'thriving' },
  { name: 'Juniper Analytics', domain: 'juniperanalytics.io', industry: 'Software', segment: 'mid_market', stage: 'incubation', profile: 'steady' },
  { name: 'Clearwater Utilities Co-op', domain: 'clearwatercoop.org', industry: 'Utilities', segment: 'mid_market', stage: 'adoption', profile: 'wobbly' },
  { name: 'Kestrel Security', domain: 'kestrelsecurity.com', industry: 'Cybersecurity', segment: 'mid_market', stage: 'expansion', profile: 'thriving' },
  {
    name: 'Beacon Hill Staffing', domain: 'beaconhillstaffing.com', industry: 'Staffing', segment: 'mid_market', stage: 'churned', profile: 'wobbly',
    churn: {
      daysAgo: 100,
      reason: 'Budget cuts after a hiring slowdown; did not renew. Open to coming back when hiring picks up.',
      exit: 'Exit call with {first}: hiring freeze, every tool not tied to revenue was cut. Left the door open for next year.',
    },
  },
  { name: 'Evergreen Senior Living', domain: 'evergreenseniorliving.com', industry: 'Healthcare', segment: 'mid_market', stage: 'onboarding', profile: 'thriving' },
  { name: 'Foxglove Cosmetics', domain: 'foxglovecosmetics.com', industry: 'Consumer goods', segment: 'mid_market', stage: 'adoption', profile: 'steady' },
  { name: 'Wrenfield Engineering', domain: 'wrenfield.com', industry: 'Engineering', segment: 'mid_market', stage: 'incubation', profile: 'thriving' },
  // SMB
  { name: 'Little Fern Studio', domain: 'littlefern.studio', industry: 'Design agency', segment: 'smb', stage: 'adoption', profile: 'thriving' },
  { name: 'Bluebird Bakery Co.', domain: 'bluebirdbakery.co', industry: 'Food & beverage', segment: 'smb', stage: 'adoption', profile: 'steady' },
  { name: 'Trailhead Bikes', domain: 'trailheadbikes.com', industry: 'Retail', segment: 'smb', stage: 'expansion', profile: 'thriving' },
  { name: 'Nimbus Accounting', domain: 'nimbusaccounting.com', industry: 'Professional services', segment: 'smb', stage: 'adoption', profile: 'steady' },
  { name: 'Maple & Main Realty', domain: 'mapleandmain.com', industry: 'Real estate', segment: 'smb', stage: 'adoption', profile: 'wobbly' },
  {
    name: 'Quarry Lane Fitness', domain: 'quarrylanefitness.com', industry: 'Fitness', segment: 'smb', stage: 'churned', profile: 'wobbly',
    churn: {
      daysAgo: 70,
      reason: 'Never got past a handful of active users; cancelled at renewal.',
      exit: 'Exit call with {first}: the front desk never switched over from paper sign-ups; cancelling at renewal.',
    },
  },
  { name: 'Saltmarsh Marketing', domain: 'saltmarsh.agency', industry: 'Marketing agency', segment: 'smb', stage: 'expansion', profile: 'thriving' },
  { name: 'Greenway Landscaping', domain: 'greenwaylandscaping.com', industry: 'Field services', segment: 'smb', stage: 'adoption', profile: 'steady' },
  { name: 'Polaris Tutoring', domain: 'polaristutoring.com', industry: 'Education', segment: 'smb', stage: 'onboarding', profile: 'steady' },
  { name: 'Redwood Veterinary Clinic', domain: 'redwoodvet.com', industry: 'Healthcare', segment: 'smb', stage: 'adoption', profile: 'thriving' },
  { name: 'Harbor Lights Events', domain: 'harborlightsevents.com', industry: 'Events', segment: 'smb', stage: 'triage', profile: 'wobbly' },
  { name: 'Copper Kettle Catering', domain: 'copperkettlecatering.com', industry: 'Hospitality', segment: 'smb', stage: 'adoption', profile: 'steady' },
  { name: 'Ember & Oak Furniture', domain: 'emberandoak.com', industry: 'Retail', segment: 'smb', stage: 'incubation', profile: 'steady' },
  { name: 'Swiftline Couriers', domain: 'swiftlinecouriers.com', industry: 'Logistics', segment: 'smb', stage: 'adoption', profile: 'wobbly' },
  { name: 'Westbrook Law Office', domain: 'westbrooklaw.com', industry: 'Legal', segment: 'smb', stage: 'adoption', profile: 'thriving' },
  { name: 'Hollis IT Services', domain: 'hollisit.com', industry: 'IT services', segment: 'smb', stage: 'expansion', profile: 'thriving' },
  { name: 'Sunfield Solar Installers', domain: 'sunfieldsolar.com', industry: 'Energy', segment: 'smb', stage: 'onboarding', profile: 'thriving' },
  { name: 'Pebble Creek Pediatrics', domain: 'pebblecreekpeds.com', industry: 'Healthcare', segment: 'smb', stage: 'adoption', profile: 'steady' },
  {
    name: 'Inkwell Print Shop', domain: 'inkwellprint.com', industry: 'Printing', segment: 'smb', stage: 'churned', profile: 'wobbly',
    churn: {
      daysAgo: 25,
      reason: 'Moved to a cheaper all-in-one tool; cancelled at renewal.',
      exit: 'Exit call with {first}: price was the deciding factor; they moved to an all-in-one tool with fewer features.',
    },
  },
  { name: 'Lark Hill Vineyards', domain: 'larkhillvineyards.com', industry: 'Food & beverage', segment: 'smb', stage: 'incubation', profile: 'thriving' },
];

// ---------------------------------------------------------------------------------------------
// Procedural blueprints
// ---------------------------------------------------------------------------------------------

function generateContacts(rng: Rng, row: CompanyRow, startDaysAgo: number): ContactSpec[] {
  const strongOrBetter = (): number => rng.int(3, 4);
  const execs: ContactSpec[] = [];
  const users: ContactSpec[] = [];
  if (row.segment === 'enterprise') {
    // Seed 001: enterprise accounts need strong relationships with at least two executives.
    execs.push({ level: 'c_level', isUser: false, role: 'decision_maker', strength: strongOrBetter() });
    execs.push({ level: 'vp', isUser: false, role: 'sponsor', strength: strongOrBetter() });
    execs.push({ level: 'director', isUser: false, role: 'influencer', strength: rng.int(2, 4) });
  } else if (row.segment === 'mid_market') {
    execs.push({ level: rng.pick(['vp', 'director'] as const), isUser: false, role: 'sponsor', strength: strongOrBetter() });
    if (rng.chance(0.5)) execs.push({ level: 'c_level', isUser: false, role: 'decision_maker', strength: rng.int(1, 3) });
  } else {
    execs.push({ level: 'c_level', title: rng.pick(SMB_TOP_TITLES), isUser: false, role: 'sponsor', strength: strongOrBetter() });
  }

  // The champion is always strong; thriving and steady accounts have a second strong user.
  users.push({ level: 'manager', isUser: true, role: 'champion', strength: strongOrBetter(), notes: 'Go-to person for rollout questions.' });
  const extraUsers = row.segment === 'enterprise' ? rng.int(2, 3) : rng.int(1, 2);
  for (let i = 0; i < extraUsers; i++) {
    const strength = i === 0 && row.profile !== 'wobbly' ? 3 : row.profile === 'wobbly' ? rng.int(1, 2) : rng.int(1, 4);
    users.push({ level: 'ic', isUser: true, role: i === 0 && strength >= 3 ? 'influencer' : null, strength });
  }
  if (row.segment === 'smb' && rng.chance(0.35)) {
    users.push({ level: 'ic', title: rng.pick(NON_USER_IC_TITLES), isUser: false, role: null, strength: rng.int(1, 2) });
  }

  // People leave: a user long gone, and in some enterprise accounts a former director. None of
  // them leave recently enough (or matter enough) to raise sponsor_lost on an ordinary account.
  const departed: ContactSpec[] = [];
  if (startDaysAgo > 160 && rng.chance(0.35)) {
    departed.push({
      level: 'ic', isUser: true, role: null, strength: rng.int(2, 3),
      leftDaysAgo: rng.int(100, Math.min(330, startDaysAgo - 40)), notes: 'Left the company.',
    });
  }
  if (row.segment === 'enterprise' && startDaysAgo > 200 && rng.chance(0.3)) {
    departed.push({
      level: 'director', isUser: false, role: 'influencer', strength: 3,
      leftDaysAgo: rng.int(120, Math.min(300, startDaysAgo - 60)), notes: 'Left the company; replaced internally.',
    });
  }
  return [...execs, ...users, ...departed];
}

function proceduralBlueprint(rng: Rng, row: CompanyRow, externalId: string): Blueprint {
  const { segment, stage, profile } = row;
  const seats =
    segment === 'enterprise' ? rng.int(50, 240) * 5 : segment === 'mid_market' ? rng.int(12, 50) * 5 : rng.int(10, 45);
  const pricePerSeatCents =
    (segment === 'enterprise' ? rng.int(42, 65) : segment === 'mid_market' ? rng.int(32, 52) : rng.int(22, 40)) * 100;

  let years = 1;
  let renewalInDays: number;
  let churnDaysAgo: number | null = null;
  if (stage === 'incubation') renewalInDays = 365 - rng.int(3, 20);
  else if (stage === 'onboarding') renewalInDays = 365 - rng.int(14, 80);
  else if (stage === 'churned') {
    churnDaysAgo = row.churn?.daysAgo ?? 60;
    years = rng.int(1, 3);
    renewalInDays = -churnDaysAgo;
  } else {
    years = rng.int(1, 3);
    // A one-year-old adoption account is at least five months in.
    renewalInDays = years === 1 ? rng.int(12, 200) : rng.int(12, 350);
  }
  const startDaysAgo = 365 * years - renewalInDays;

  const expansions: Blueprint['expansions'] = [];
  if (stage === 'expansion') {
    expansions.push({ daysAgo: rng.int(20, 150), seats: Math.max(2, Math.round(seats * rng.float(0.1, 0.3))) });
    if (startDaysAgo > 330 && rng.chance(0.5)) {
      expansions.push({ daysAgo: rng.int(200, 300), seats: Math.max(2, Math.round(seats * rng.float(0.1, 0.2))) });
    }
  } else if (stage === 'adoption' && profile === 'thriving' && startDaysAgo > 250 && rng.chance(0.4)) {
    expansions.push({ daysAgo: rng.int(120, Math.min(330, startDaysAgo - 90)), seats: Math.max(2, Math.round(seats * 0.15)) });
  }
  const contractionSeats =
    (profile === 'wobbly' && years >= 2 && rng.chance(0.5)) || (stage === 'churned' && years >= 2)
      ? Math.max(1, Math.round(seats * rng.float(0.1, 0.2)))
      : 0;

  const cadence = CADENCE[segment];
  let lastTouchDaysAgo = stage === 'incubation' || stage === 'onboarding' ? rng.int(1, 10) : rng.int(1, Math.floor(cadence * 0.8));
  // Realism: a few shaky accounts have slipped off the cadence (a low flag, nothing more).
  if (profile === 'wobbly' && stage !== 'churned' && rng.chance(0.35)) {
    lastTouchDaysAgo = rng.int(cadence + 3, Math.round(cadence * 1.5));
  }
  const keyTouches: KeyTouch[] = [];
  if (churnDaysAgo !== null && row.churn) {
    lastTouchDaysAgo = churnDaysAgo + 10;
    keyTouches.push({ daysAgo: churnDaysAgo + 4, type: 'call', who: 'exec', summary: row.churn.exit, sentiment: -1, nextStep: null });
  }

  const adoptionTarget =
    stage === 'churned' ? rng.int(20, 40) : profile === 'thriving' ? rng.int(72, 92) : profile === 'steady' ? rng.int(56, 74) : rng.int(32, 52);

  return {
    externalId,
    name: row.name,
    domain: row.domain,
    industry: row.industry,
    segment,
    stage,
    profile,
    // A generated triage account is there because its invoices are late (overdueTail below).
    story: stage === 'triage' ? ['overdue_invoice'] : [],
    notes: row.churn?.reason ?? '',
    renewalInDays,
    years,
    churnDaysAgo,
    seats,
    pricePerSeatCents,
    expansions,
    contractionSeats,
    contacts: generateContacts(rng, row, startDaysAgo),
    lastTouchDaysAgo,
    execSilenceDays: 0,
    userSilenceDays: 0,
    keyTouches,
    recentMood: stage === 'churned' ? -0.8 : null,
    adoptionTarget,
    adoptionTail: [],
    openTicketsTail: [],
    overdueTail: row.stage === 'triage' ? [0, 1, 1] : [],
    nps: null,
    community: rng.chance(0.5),
    goals: null,
  };
}

// ---------------------------------------------------------------------------------------------
// The story accounts: one or more per flag rule, with the numbers SPEC's windows need
// ---------------------------------------------------------------------------------------------

type StoryOverrides = Partial<Blueprint> & Pick<Blueprint, 'story' | 'notes'>;

export interface Story {
  row: CompanyRow;
  overrides: StoryOverrides;
}

const person = (
  name: string,
  title: string,
  level: ContactLevel,
  isUser: boolean,
  role: ContactRole | null,
  strength: number,
  leftDaysAgo?: number,
): ContactSpec => ({ name, title, level, isUser, role, strength, leftDaysAgo });

const STORIES: readonly Story[] = [
  {
    // renewal_exec_silence: renewal in 23 days, last executive touch 41 days ago (> 15).
    row: { name: 'Harborview Freight', domain: 'harborviewfreight.com', industry: 'Logistics', segment: 'enterprise', stage: 'adoption', profile: 'steady' },
    overrides: {
      story: ['renewal_exec_silence'],
      notes: 'Three-year customer, renewal in a few weeks. The dispatch team lives in the product, but leadership has gone quiet since we sent the renewal proposal.',
      renewalInDays: 23,
      years: 3,
      seats: 420,
      pricePerSeatCents: 5200,
      contacts: [
        person('Dana Whitaker', 'Chief Financial Officer', 'c_level', false, 'decision_maker', 3),
        person('Marcus Bell', 'VP Operations', 'vp', false, 'sponsor', 4),
        person('Priya Raman', 'Director of Transportation', 'director', false, 'influencer', 3),
        person('Tom Okafor', 'Dispatch Manager', 'manager', true, 'champion', 4),
        person('Lena Fischer', 'Fleet Coordinator', 'ic', true, 'influencer', 3),
        person('Sam Ortiz', 'Dispatcher', 'ic', true, null, 2),
      ],
      execSilenceDays: 41,
      lastTouchDaysAgo: 3,
      adoptionTarget: 78,
      keyTouches: [
        {
          daysAgo: 41, type: 'meeting', who: [1, 0],
          summary: 'Renewal kickoff with Marcus and Dana: Marcus wants a three-year term; Dana pushed back on the 5% uplift and asked for volume pricing.',
          sentiment: 0, nextStep: 'Send the three-year proposal with volume pricing', notes: 'Attendees: Marcus Bell, Dana Whitaker.',
        },
        { daysAgo: 34, type: 'note', who: 'none', summary: 'Sent the three-year proposal to Marcus and Dana. No reply yet.', sentiment: null, nextStep: 'Nudge Marcus if no reply by Friday' },
        {
          daysAgo: 13, type: 'note', who: 'none',
          summary: "Second nudge on the renewal proposal: Marcus is out of office and Dana hasn't opened it. The dispatch team doesn't know anything is pending.",
          sentiment: -1, nextStep: 'Ask Tom who else can get us 15 minutes with Dana',
        },
        {
          daysAgo: 3, type: 'call', who: [3],
          summary: 'Weekly check-in with Tom: the dispatch board runs smoothly; he had no idea the renewal was stuck.',
          sentiment: 1, nextStep: 'Get an executive meeting on the calendar before the renewal date', followUpInDays: 4,
        },
      ],
    },
  },
  {
    // single_threaded (enterprise, high): one strong executive of the two required.
    row: { name: 'Meridian Health Partners', domain: 'meridianhp.org', industry: 'Healthcare', segment: 'enterprise', stage: 'adoption', profile: 'steady' },
    overrides: {
      story: ['single_threaded'],
      notes: 'Everything runs through Dr. Osei. Laura in Clinical Ops signs the renewal, but we have met her once.',
      renewalInDays: 212,
      years: 2,
      seats: 650,
      pricePerSeatCents: 4800,
      contacts: [
        person('Samuel Osei', 'Chief Information Officer', 'c_level', false, 'sponsor', 4),
        person('Laura Jennings', 'VP Clinical Operations', 'vp', false, 'decision_maker', 2),
        person('Kevin Tran', 'Director of Nursing Informatics', 'director', false, 'influencer', 2),
        person('Amira Haddad', 'Clinical Systems Manager', 'manager', true, 'champion', 4),
        person('Joel Martins', 'Nurse Educator', 'ic', true, 'influencer', 3),
        person('Rita Gomez', 'Scheduling Coordinator', 'ic', true, null, 3),
      ],
      keyTouches: [
        {
          daysAgo: 26, type: 'meeting', who: [0],
          summary: "Monthly sync with Dr. Osei: happy with the scheduling rollout. Asked for an intro to Laura in Clinical Ops; he'll \"see what he can do\".",
          sentiment: 1, nextStep: 'Draft an intro email for Dr. Osei to forward to Laura',
        },
      ],
    },
  },
  {
    // single_threaded (mid-market): all of the relationship sits with one manager.
    row: { name: 'Quillfeather Publishing', domain: 'quillfeather.com', industry: 'Media', segment: 'mid_market', stage: 'expansion', profile: 'thriving' },
    overrides: {
      story: ['single_threaded'],
      notes: "Growing fast through Owen's team, but every decision routes through him. We have no executive we actually talk to.",
      renewalInDays: 160,
      years: 2,
      seats: 120,
      pricePerSeatCents: 4200,
      expansions: [{ daysAgo: 70, seats: 30 }],
      adoptionTarget: 84,
      contacts: [
        person('Hannah Cole', 'VP Marketing', 'vp', false, 'decision_maker', 2),
        person('Owen Park', 'Content Operations Manager', 'manager', true, 'champion', 4),
        person('Mia Santos', 'Senior Editor', 'ic', true, 'influencer', 3),
        person('Jonah Reyes', 'Production Coordinator', 'ic', true, null, 3),
      ],
    },
  },
  {
    // champion_gap: adoption ≥ 70 %, no strong front-line user relationship.
    row: { name: 'Pinecrest Dental Group', domain: 'pinecrestdental.com', industry: 'Healthcare', segment: 'smb', stage: 'adoption', profile: 'steady' },
    overrides: {
      story: ['champion_gap'],
      notes: "Dr. Moreno is a fan, but we don't really know the front-desk team who use it every day.",
      renewalInDays: 130,
      years: 1,
      seats: 14,
      pricePerSeatCents: 3500,
      adoptionTarget: 86,
      adoptionTail: [84, 88, 86],
      contacts: [
        person('Alicia Moreno', 'Owner & Lead Dentist', 'c_level', false, 'sponsor', 4),
        person('Brianna Lee', 'Front Desk Lead', 'manager', true, null, 2),
        person('Carlos Mendes', 'Dental Hygienist', 'ic', true, null, 1),
        person('Nadia Petrova', 'Billing Coordinator', 'ic', true, null, 2),
      ],
      keyTouches: [
        {
          daysAgo: 9, type: 'call', who: [0],
          summary: 'Check-in with Dr. Moreno: she loves the recall reminders and every seat is in use. Suggested we train Brianna as the in-house expert.',
          sentiment: 2, nextStep: 'Offer Brianna a one-on-one admin session',
        },
      ],
    },
  },
  {
    // adoption_drop_user_silence: adoption 66 % → 47 % in 30 days; no user touch for 45 days.
    row: { name: 'Lumen Grid Energy', domain: 'lumengrid.com', industry: 'Energy', segment: 'mid_market', stage: 'triage', profile: 'steady' },
    overrides: {
      story: ['adoption_drop_user_silence'],
      notes: 'Our champion Rachel left recently and nobody on the field side picked up the rollout. Usage has fallen off a cliff while the VP assumes all is well.',
      renewalInDays: 150,
      years: 2,
      seats: 180,
      pricePerSeatCents: 4500,
      contacts: [
        person('Victor Hale', 'VP Grid Operations', 'vp', false, 'sponsor', 3),
        person('Sunita Rao', 'Director of IT', 'director', false, 'influencer', 2),
        person('Rachel Kim', 'Field Operations Manager', 'manager', true, 'champion', 4, 52),
        person('Diego Alvarez', 'Field Analyst', 'ic', true, null, 2),
        person('Martin Novak', 'Control Room Supervisor', 'manager', true, null, 2),
      ],
      userSilenceDays: 45,
      lastTouchDaysAgo: 6,
      recentMood: -0.5,
      adoptionTarget: 70,
      adoptionTail: [70, 72, 69, 71, 66, 47],
      openTicketsTail: [2, 3],
      nps: [
        { daysAgo: 250, score: 8, contact: 2, comment: 'The inspection workflow is a big step up from paper.' },
        { daysAgo: 115, score: 7, contact: 3 },
      ],
      keyTouches: [
        {
          daysAgo: 60, type: 'call', who: [2],
          summary: "Call with Rachel: she's leaving Lumen Grid at the end of the month. Field crews are \"mostly\" on the new inspection workflow; she'll hand over to Martin.",
          sentiment: 0, nextStep: 'Set up a handover session with Martin',
        },
        {
          daysAgo: 45, type: 'email', who: [4],
          summary: "Emailed Martin to book the handover session; he's swamped with storm prep and will come back to us.",
          sentiment: 0, nextStep: 'Try Martin again in two weeks',
        },
        {
          daysAgo: 20, type: 'note', who: 'none',
          summary: 'Internal: support sees field-app logins down; two crews have gone back to paper inspection forms.',
          sentiment: -1, nextStep: 'Pull usage by crew',
        },
        {
          daysAgo: 6, type: 'call', who: [0],
          summary: "Check-in with Victor: focused on the rate case and assumes the field team is fine. Didn't have usage numbers to hand.",
          sentiment: 0, nextStep: 'Share usage by crew with Victor and ask for a session with the field leads', followUpInDays: 5,
        },
      ],
    },
  },
  {
    // detractor: NPS 3 from the store operations manager 19 days ago.
    row: { name: 'Bramble & Co. Outfitters', domain: 'brambleoutfitters.com', industry: 'Retail', segment: 'smb', stage: 'triage', profile: 'wobbly' },
    overrides: {
      story: ['detractor'],
      notes: 'Two-store outfitter. Weekend POS sync failures have soured the store team; renewal in under three months and the owner is shopping around.',
      renewalInDays: 75,
      years: 2,
      seats: 24,
      pricePerSeatCents: 3000,
      contractionSeats: 4,
      contacts: [
        person('Greta Lindqvist', 'Owner', 'c_level', false, 'decision_maker', 3),
        person('Paul Mensah', 'Store Operations Manager', 'manager', true, 'detractor', 2),
        person('Ivy Chen', 'Inventory Lead', 'ic', true, 'champion', 3),
        person('Noah Brennan', 'Sales Associate', 'ic', true, null, 1),
      ],
      lastTouchDaysAgo: 9,
      recentMood: -1,
      adoptionTarget: 50,
      adoptionTail: [52, 50, 46, 44],
      openTicketsTail: [1, 2, 4],
      nps: [
        { daysAgo: 205, score: 8, contact: 2, comment: 'Handy for stock counts.' },
        { daysAgo: 19, score: 3, contact: 1, comment: 'Inventory sync with our POS breaks every weekend and support keeps closing the ticket.' },
      ],
      keyTouches: [
        {
          daysAgo: 24, type: 'support', who: [1],
          summary: 'Paul reported the POS inventory sync failing again over the weekend, the third time this month. Escalated to tier 2 with logs.',
          sentiment: -2, nextStep: 'Chase tier 2 for a root cause',
        },
        {
          daysAgo: 9, type: 'call', who: [0],
          summary: "Called Greta about the sync problems: she's frustrated and says they are \"looking at options\" before the renewal.",
          sentiment: -1, nextStep: 'Send Greta a fix plan with dates and a service-credit offer', followUpInDays: 7,
        },
      ],
    },
  },
  {
    // overdue_invoice: two invoices overdue in the latest sample.
    row: { name: 'Tallis Accounting Partners', domain: 'tallisaccounting.com', industry: 'Professional services', segment: 'smb', stage: 'adoption', profile: 'thriving' },
    overrides: {
      story: ['overdue_invoice'],
      notes: 'Happy, self-sufficient firm. Two invoices are overdue because their PO number changed; it needs a nudge, not a rescue.',
      renewalInDays: 190,
      years: 2,
      seats: 18,
      pricePerSeatCents: 3200,
      contacts: [
        person('Edward Tallis', 'Managing Partner', 'c_level', false, 'sponsor', 4),
        person('Farah Usman', 'Practice Manager', 'manager', true, 'champion', 4),
        person('Liam Walsh', 'Staff Accountant', 'ic', true, 'influencer', 3),
        person('Nora Eriksen', 'Accounts Payable Specialist', 'ic', false, null, 2),
      ],
      overdueTail: [0, 0, 1, 2],
      lastTouchDaysAgo: 16,
      keyTouches: [
        {
          daysAgo: 16, type: 'email', who: [3],
          summary: 'Emailed Nora in AP about invoices INV-2291 and INV-2364, both over 30 days late. Their PO number changed with the new fiscal year and our invoices bounced.',
          sentiment: 0, nextStep: 'Re-issue both invoices with the new PO number', followUpInDays: 3,
        },
      ],
    },
  },
  {
    // cadence_overdue (SMB): last touch 63 days ago, cadence 45; its follow-up is long overdue.
    row: { name: 'Driftwood Coffee Roasters', domain: 'driftwoodroasters.com', industry: 'Food & beverage', segment: 'smb', stage: 'adoption', profile: 'steady' },
    overrides: {
      story: ['cadence_overdue'],
      notes: 'Small roastery with steady usage. We dropped the ball after their busy season: no touch in two months.',
      renewalInDays: 240,
      years: 2,
      seats: 12,
      pricePerSeatCents: 2600,
      contacts: [
        person('Marco Rossi', 'Founder & CEO', 'c_level', false, 'sponsor', 3),
        person('Jess Whitfield', 'Wholesale Manager', 'manager', true, 'champion', 3),
        person('Tamsin Ueda', 'Roastery Coordinator', 'ic', true, null, 3),
      ],
      lastTouchDaysAgo: 63,
      keyTouches: [
        {
          daysAgo: 63, type: 'call', who: [1],
          summary: 'Quick call with Jess: wholesale season is slammed, no time for the ordering-portal training. Asked us to reconnect in a few weeks.',
          sentiment: 0, nextStep: 'Reschedule the ordering-portal training with Jess', followUpInDays: 14,
        },
      ],
    },
  },
  {
    // cadence_overdue (mid-market): last touch 37 days ago, cadence 30.
    row: { name: 'Osprey Field Services', domain: 'ospreyfield.com', industry: 'Field services', segment: 'mid_market', stage: 'adoption', profile: 'steady' },
    overrides: {
      story: ['cadence_overdue'],
      notes: 'Solid account that slipped off the monthly rhythm: last touch over a month ago.',
      renewalInDays: 280,
      years: 2,
      lastTouchDaysAgo: 37,
      keyTouches: [
        {
          daysAgo: 37, type: 'meeting', who: 'user',
          summary: 'Dispatch workflow review with {first}: technicians like the mobile checklists; the office team wants better route reports.',
          sentiment: 1, nextStep: 'Send route-report examples from similar customers', followUpInDays: 7,
        },
      ],
    },
  },
  {
    // sponsor_lost: the VP sponsor left 34 days ago, leaving one strong executive of two.
    row: { name: 'Keystone Mutual Insurance', domain: 'keystonemutual.com', industry: 'Insurance', segment: 'enterprise', stage: 'adoption', profile: 'steady' },
    overrides: {
      story: ['sponsor_lost', 'single_threaded'],
      notes: "Our sponsor Gwen (VP Claims) left last month. The CIO still backs us, but the interim owner wasn't part of the decision.",
      renewalInDays: 240,
      years: 3,
      seats: 800,
      pricePerSeatCents: 5600,
      contacts: [
        person('Gwen Abbott', 'VP Claims', 'vp', false, 'sponsor', 4, 34),
        person('Rafael Delgado', 'Chief Information Officer', 'c_level', false, 'decision_maker', 3),
        person('Ben Hughes', 'Director of Claims Operations', 'director', false, 'influencer', 2),
        person('Keiko Ito', 'Claims Team Lead', 'manager', true, 'champion', 4),
        person('Omar Ibrahim', 'Senior Claims Adjuster', 'ic', true, 'influencer', 3),
        person('Lucy Park', 'Claims Adjuster', 'ic', true, null, 3),
      ],
      keyTouches: [
        {
          daysAgo: 41, type: 'call', who: [0],
          summary: "Call with Gwen: she's leaving Keystone next week to join another carrier. She'll introduce us to her successor \"once named\".",
          sentiment: -1, nextStep: 'Ask Gwen for an intro to Ben before she leaves',
        },
        {
          daysAgo: 21, type: 'email', who: [1],
          summary: 'Asked Rafael who inherits the claims program now that Gwen has gone. Ben Hughes is interim owner; no permanent VP yet.',
          sentiment: 0, nextStep: 'Book an intro meeting with Ben',
        },
        {
          daysAgo: 8, type: 'meeting', who: [2],
          summary: "Intro meeting with Ben: polite but noncommittal. He wasn't involved in the purchase and wants to \"review all claims tooling\" this year.",
          sentiment: -1, nextStep: "Send Ben a value summary built on Gwen's original business case", followUpInDays: 6,
        },
      ],
    },
  },
  {
    // stalled_onboarding: still onboarding about 128 days after contract start (> 90).
    row: { name: 'Vantage Robotics', domain: 'vantagerobotics.com', industry: 'Manufacturing', segment: 'mid_market', stage: 'onboarding', profile: 'wobbly' },
    overrides: {
      story: ['stalled_onboarding'],
      notes: 'Signed about four months ago and still not live. SSO is stuck in security review and our project lead has left the company.',
      renewalInDays: 237,
      years: 1,
      seats: 90,
      pricePerSeatCents: 4800,
      contacts: [
        person('Helen Varga', 'VP Manufacturing', 'vp', false, 'sponsor', 3),
        person('Raj Chowdhury', 'IT Director', 'director', false, 'influencer', 2),
        person('Ethan Young', 'Project Lead', 'manager', true, 'champion', 4, 75),
        person('Sofia Quintero', 'Quality Engineer', 'ic', true, null, 2),
        person('Greg Thompson', 'Line Supervisor', 'manager', true, 'influencer', 3),
      ],
      recentMood: -0.7,
      adoptionTarget: 15,
      adoptionTail: [6, 10, 13, 14],
      lastTouchDaysAgo: 5,
      keyTouches: [
        {
          daysAgo: 115, type: 'meeting', who: [0, 2],
          summary: 'Kickoff with Helen and Ethan: go-live target set for week 6, starting with the assembly-line QA checklist.',
          sentiment: 2, nextStep: 'Send the kickoff recap and project plan', notes: 'Attendees: Helen Varga, Ethan Young.',
        },
        {
          daysAgo: 70, type: 'call', who: [4],
          summary: 'Ethan has left Vantage. Greg is covering the rollout but has no admin access yet.',
          sentiment: -1, nextStep: 'Get Greg admin rights and re-plan go-live',
        },
        {
          daysAgo: 35, type: 'call', who: [1],
          summary: 'Call with Raj: SSO is still waiting on their security review, no date.',
          sentiment: -1, nextStep: 'Send the SSO documentation to their security team again',
        },
        {
          daysAgo: 5, type: 'email', who: [0],
          summary: 'Emailed Helen a re-plan: go-live in four weeks if SSO lands this month. Asked for her help with IT.',
          sentiment: 0, nextStep: 'Confirm the re-plan with Helen', followUpInDays: 7,
        },
      ],
      goals: [
        { goal: 'Go live on the assembly-line QA checklist', measure: 'Inspections logged in-app instead of on paper', target: 'All three lines by week 6', status: 'missed', dueInDays: -80 },
        { goal: 'Single sign-on for all plant staff', measure: 'Share of logins through SSO', target: '100%', status: 'at_risk', dueInDays: 30 },
      ],
    },
  },
  {
    // Everything at once: the book's at-risk account (renewal silence, single-threaded, detractor,
    // overdue invoices, off cadence).
    row: { name: 'Granite Peak Construction', domain: 'granitepeakbuild.com', industry: 'Construction', segment: 'mid_market', stage: 'triage', profile: 'wobbly' },
    overrides: {
      story: ['renewal_exec_silence', 'single_threaded', 'detractor', 'overdue_invoice', 'cadence_overdue'],
      notes: 'The account in the worst shape: field crews never adopted, the original sponsor left last year, invoices are overdue and renewal is in under two months.',
      renewalInDays: 48,
      years: 2,
      seats: 110,
      pricePerSeatCents: 3800,
      contractionSeats: 20,
      contacts: [
        person('Walter Brooks', 'Chief Operating Officer', 'c_level', false, 'decision_maker', 2),
        person('Elena Castro', 'Director of Projects', 'director', false, 'influencer', 2),
        person('Hank Murphy', 'Site Manager', 'manager', true, null, 2),
        person('Yusuf Yilmaz', 'Project Coordinator', 'ic', true, null, 1),
        person('Claire Dubois', 'Director of Operations', 'director', false, 'sponsor', 4, 200),
      ],
      lastTouchDaysAgo: 52,
      recentMood: -1.3,
      adoptionTarget: 35,
      adoptionTail: [38, 35, 31, 29, 27],
      openTicketsTail: [3, 4, 5],
      overdueTail: [0, 1, 1, 2],
      nps: [
        { daysAgo: 290, score: 6, contact: 2, comment: 'Takes too long on site.' },
        { daysAgo: 60, score: 4, contact: 2, comment: "Too slow on site, and our people don't have time to learn it." },
      ],
      keyTouches: [
        {
          daysAgo: 52, type: 'meeting', who: [2, 1],
          summary: 'Site visit with Hank and Elena: crews still log daily reports on paper; the app "takes too long on site".',
          sentiment: -2, nextStep: 'Propose an offline-mode pilot for two crews', followUpInDays: 10,
          notes: 'Attendees: Hank Murphy, Elena Castro.',
        },
      ],
    },
  },
];

// ---------------------------------------------------------------------------------------------
// From blueprint to account
// ---------------------------------------------------------------------------------------------

interface Built {
  contacts: DemoContact[];
  /** Day number each contact left, or Infinity. */
  leftDay: number[];
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function buildContacts(rng: Rng, bp: Blueprint, today: number): Built {
  const used = new Set<string>();
  const contacts: DemoContact[] = [];
  const leftDay: number[] = [];
  for (const spec of bp.contacts) {
    let name = spec.name;
    while (name === undefined || (spec.name === undefined && used.has(name))) {
      name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    }
    used.add(name);
    const [first, ...rest] = name.split(' ');
    const left = spec.leftDaysAgo === undefined ? null : today - spec.leftDaysAgo;
    contacts.push({
      name,
      email: `${slug(first)}.${slug(rest.join(''))}@${bp.domain}`,
      title: spec.title ?? rng.pick(TITLES[spec.level]),
      level: spec.level,
      isUser: spec.isUser,
      role: spec.role,
      strength: spec.strength,
      leftOn: left === null ? null : fromDayNumber(left),
      notes: spec.notes ?? (left !== null ? 'Left the company.' : ''),
    });
    leftDay.push(left ?? Infinity);
  }
  return { contacts, leftDay };
}

const firstName = (c: DemoContact | undefined): string => (c ? c.name.split(' ')[0] : 'the team');

function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
}

interface TouchCtx {
  rng: Rng;
  bp: Blueprint;
  today: number;
  startDay: number;
  built: Built;
}

/** Contact indexes present on `day` (not yet left), split into executives and front-line users. */
function presentOn(ctx: TouchCtx, day: number): { execs: number[]; users: number[] } {
  const execs: number[] = [];
  const users: number[] = [];
  ctx.built.contacts.forEach((c, i) => {
    if (!(day < ctx.built.leftDay[i])) return;
    if (isExecutive(c.level)) execs.push(i);
    else if (c.isUser) users.push(i);
  });
  return { execs, users };
}

/** Weighted by strength: a CSM talks most to the people they know best. */
function pickContacts(rng: Rng, contacts: DemoContact[], pool: number[], count: number): number[] {
  const remaining = [...pool];
  const chosen: number[] = [];
  while (chosen.length < count && remaining.length > 0) {
    const total = remaining.reduce((sum, i) => sum + contacts[i].strength + 1, 0);
    let r = rng.next() * total;
    let at = 0;
    for (; at < remaining.length - 1; at++) {
      r -= contacts[remaining[at]].strength + 1;
      if (r < 0) break;
    }
    chosen.push(remaining[at]);
    remaining.splice(at, 1);
  }
  return chosen;
}

const strongestFirst = (contacts: DemoContact[], pool: number[]): number[] =>
  [...pool].sort((a, b) => contacts[b].strength - contacts[a].strength || a - b);

function keyTouchContacts(ctx: TouchCtx, key: KeyTouch, day: number): number[] {
  if (key.who === 'none') return [];
  if (key.who !== 'exec' && key.who !== 'user') return [...key.who];
  const present = presentOn(ctx, day);
  const pool = key.who === 'exec' ? present.execs : present.users;
  return strongestFirst(ctx.built.contacts, pool).slice(0, 1);
}

const ONGOING_WEIGHTS: readonly (readonly [TouchType, number])[] = [
  ['email', 30],
  ['call', 25],
  ['meeting', 14],
  ['support', 12],
  ['event', 6],
  ['note', 8],
];
/** Chance that a touch of this type involves an executive rather than a front-line user. */
const EXEC_SHARE: Partial<Record<TouchType, number>> = { email: 0.4, call: 0.35, meeting: 0.45, event: 0.3 };
/** Chance that the CSM recorded no pulse for a touch of this type. */
const NO_PULSE: Partial<Record<TouchType, number>> = { email: 0.35, note: 0.6, event: 0.3, support: 0.2 };

function weightedType(rng: Rng): TouchType {
  const total = ONGOING_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [type, w] of ONGOING_WEIGHTS) {
    r -= w;
    if (r < 0) return type;
  }
  return 'email';
}

function buildTouches(ctx: TouchCtx): DemoTouch[] {
  const { rng, bp, today, startDay, built } = ctx;
  const presales = bp.stage === 'incubation' ? rng.int(60, 90) : rng.int(21, 45);
  const firstDay = Math.max(today - 365, startDay - presales);
  // Incubation and onboarding are high-touch whatever the segment.
  const highTouch = bp.stage === 'incubation' || bp.stage === 'onboarding';
  const [lo, hi] = highTouch ? ([7, 16] as const) : TOUCH_INTERVAL[bp.segment];
  const stretch = bp.profile === 'wobbly' ? 1.2 : 1;

  // Schedule: walk back from the latest touch; hand-written touches replace generated ones nearby.
  const slots: { day: number; key: KeyTouch | null }[] = [];
  for (let ago = bp.lastTouchDaysAgo; today - ago >= firstDay; ago += Math.round(rng.int(lo, hi) * stretch)) {
    if (bp.keyTouches.some((k) => Math.abs(k.daysAgo - ago) <= 2)) continue;
    slots.push({ day: today - ago, key: null });
  }
  for (const key of bp.keyTouches) slots.push({ day: today - key.daysAgo, key });
  slots.sort((a, b) => a.day - b.day);

  // A story's mood colours its last 90 days — before the churn, for a churned account.
  const moodFrom = (bp.churnDaysAgo === null ? today : today - bp.churnDaysAgo) - 90;
  const touches: DemoTouch[] = [];
  let lastQbr = startDay;
  let presalesCount = 0;
  // A story that writes its own kickoff does not get a second, generated one.
  let kickedOff = bp.keyTouches.some((k) => /kickoff/i.test(k.summary));
  const company = bp.name;
  for (const { day, key } of slots) {
    const ago = today - day;
    const vars = (contactIdx: number[]): Record<string, string> => ({
      first: firstName(built.contacts[contactIdx[0]] ?? built.contacts[strongestFirst(built.contacts, presentOn(ctx, day).users)[0]]),
      company,
      feature: rng.pick(FEATURES),
      team: rng.pick(TEAMS),
      n: String(rng.int(3, 11)),
    });

    if (key) {
      const contactIdx = keyTouchContacts(ctx, key, day);
      const v = vars(contactIdx);
      touches.push({
        type: key.type,
        occurredAt: fromDayNumber(day),
        summary: fill(key.summary, v),
        notes: key.notes ?? '',
        sentiment: key.sentiment,
        nextStep: key.nextStep == null ? null : fill(key.nextStep, v),
        followUpDue: null,
        contactIdx,
      });
      continue;
    }

    // An incubation account has signed but not kicked off: every touch so far belongs to the deal.
    const phase: Phase =
      day < startDay || bp.stage === 'incubation' ? 'presales' : day < startDay + 75 ? 'onboarding' : 'ongoing';
    let type: TouchType;
    const isKickoff = phase === 'onboarding' && !kickedOff;
    const presalesStep = PRESALES_STEPS[Math.min(presalesCount, PRESALES_STEPS.length - 1)];
    if (phase === 'presales') {
      type = presalesStep[0];
      presalesCount++;
    } else if (phase === 'onboarding') {
      type = isKickoff ? 'meeting' : rng.pick(['meeting', 'call', 'email', 'email', 'support', 'event'] as const);
      kickedOff = true;
    } else if (bp.segment !== 'smb' && day - lastQbr >= 85) type = 'qbr';
    else type = weightedType(rng);
    // The latest touch of the cadence is contact with the customer: a note is not (SPEC "Customer contact").
    if (type === 'note' && ago === bp.lastTouchDaysAgo) type = 'email';
    if (type === 'qbr') lastQbr = day;

    // Who was in the room, within the silences a story imposes and among people still there.
    const present = presentOn(ctx, day);
    const execs = bp.execSilenceDays > 0 && ago < bp.execSilenceDays ? [] : present.execs;
    const users = bp.userSilenceDays > 0 && ago < bp.userSilenceDays ? [] : present.users;
    let contactIdx: number[] = [];
    if (type === 'qbr') {
      const sponsors = strongestFirst(built.contacts, execs).slice(0, 2);
      contactIdx = [...sponsors, ...strongestFirst(built.contacts, users).slice(0, 1)];
    } else if (type !== 'note') {
      const wantExec = type !== 'support' && rng.chance(EXEC_SHARE[type] ?? 0.3);
      const pool = (wantExec && execs.length > 0) || users.length === 0 ? execs : users;
      const count = type === 'meeting' && pool === users && rng.chance(0.4) ? 2 : 1;
      contactIdx = pickContacts(rng, built.contacts, pool, count);
    }
    if (contactIdx.length === 0) type = 'note';

    const mood = bp.recentMood !== null && day >= moodFrom ? bp.recentMood : PROFILE_MOOD[bp.profile];
    const pulse = clamp(Math.round(mood + rng.float(-0.9, 0.9)), -2, 2) + 0; // + 0 turns −0 into 0
    const sentiment = rng.chance(NO_PULSE[type] ?? 0) ? null : phase === 'presales' ? Math.max(0, pulse) : pulse;
    const tone: Tone = sentiment === null || sentiment === 0 ? 'neutral' : sentiment > 0 ? 'positive' : 'negative';

    let lines: readonly Line[];
    if (phase === 'presales') lines = [[presalesStep[1], presalesStep[2]]];
    else if (phase === 'onboarding' && ONBOARDING_LINES[type]) lines = ONBOARDING_LINES[type]!;
    else lines = ONGOING_LINES[type][tone];
    const [summary, nextStep] = isKickoff && type === 'meeting' ? ONBOARDING_LINES.meeting![0] : rng.pick(lines);
    const v = vars(contactIdx);
    const names = contactIdx.map((i) => built.contacts[i].name);
    touches.push({
      type,
      occurredAt: fromDayNumber(day),
      summary: fill(summary, v),
      notes: (type === 'qbr' || type === 'meeting') && names.length > 0 ? `Attendees: ${names.join(', ')}.` : '',
      sentiment,
      nextStep: nextStep === null ? null : fill(nextStep, v),
      followUpDue: null,
      contactIdx,
    });
  }

  // Only the latest touch carries a follow-up date: older next steps were done long ago, and the
  // latest ones land both in the past (overdue) and in the coming week.
  const latest = touches[touches.length - 1];
  if (latest && bp.stage !== 'churned') {
    const key = slots[slots.length - 1].key;
    if (latest.nextStep === null) latest.nextStep = `Check in with ${firstName(built.contacts[latest.contactIdx[0]])} on open questions`;
    latest.followUpDue = fromDayNumber(toDayNumber(latest.occurredAt) + (key?.followUpInDays ?? rng.int(3, 14)));
  }
  return touches;
}

interface RevenueResult {
  events: DemoRevenueEvent[];
  /** Licensed seats over time: [day, seats] in date order. */
  seatSteps: [number, number][];
  mrrCents: number;
  seats: number;
}

function buildRevenue(rng: Rng, bp: Blueprint, today: number, contractStart: string): RevenueResult {
  const startDay = toDayNumber(contractStart);
  type Change = { day: number; kind: RevenueKind; seats: number };
  const changes: Change[] = [{ day: startDay, kind: 'new', seats: bp.seats }];
  for (let y = 1; y <= bp.years; y++) {
    const day = toDayNumber(addYears(contractStart, y));
    if (day > today) break;
    if (bp.churnDaysAgo !== null && y === bp.years) {
      changes.push({ day, kind: 'churn', seats: 0 });
      break;
    }
    // Seats given back at the last anniversary before as-of (or before the churn).
    if (y === bp.years - 1 && bp.contractionSeats > 0) changes.push({ day, kind: 'contraction', seats: -bp.contractionSeats });
    changes.push({ day, kind: 'renewal', seats: 0 });
  }
  for (const e of bp.expansions) {
    const day = today - e.daysAgo;
    if (day > startDay + 30) changes.push({ day, kind: 'expansion', seats: e.seats });
  }
  changes.sort((a, b) => a.day - b.day);

  const events: DemoRevenueEvent[] = [];
  const seatSteps: [number, number][] = [];
  let mrr = 0;
  let seats = 0;
  for (const c of changes) {
    let delta: number;
    if (c.kind === 'new') delta = c.seats * bp.pricePerSeatCents;
    else if (c.kind === 'churn') delta = -mrr;
    else if (c.kind === 'renewal') delta = rng.chance(0.6) ? Math.round((mrr * rng.int(2, 5)) / 100) : 0; // price uplift
    else delta = Math.round((c.seats * mrr) / seats); // seats at the current price per seat
    mrr += delta;
    if (c.kind !== 'churn') seats += c.seats;
    events.push({ date: fromDayNumber(c.day), kind: c.kind, mrrDeltaCents: delta });
    seatSteps.push([c.day, seats]);
  }
  return { events, seatSteps, mrrCents: mrr, seats };
}

function seatsOn(steps: [number, number][], day: number): number {
  let seats = steps[0][1];
  for (const [d, s] of steps) if (d <= day) seats = s;
  return seats;
}

function buildSamples(rng: Rng, bp: Blueprint, today: number, startDay: number, seatSteps: [number, number][]): DemoSample[] {
  // Monthly samples, 30 days apart, so the adoption-drop rule (earlier sample 25–35 days before
  // the latest) always has a comparison point. Data arrives a few days late.
  const offset = rng.int(0, 5);
  const lastDay = bp.churnDaysAgo === null ? today - offset : today - bp.churnDaysAgo - offset;
  const days: number[] = [];
  for (let k = 0; k < 13; k++) {
    const day = lastDay - 30 * k;
    if (day < startDay + 12 || day < today - 365) break;
    days.unshift(day);
  }
  if (days.length === 0) return [];

  // Adoption ramps up over the first four months, then wanders around its target.
  const adoption: number[] = [];
  let noise = 0;
  for (const day of days) {
    const ramp = Math.min(1, 0.2 + (0.8 * (day - startDay)) / 120);
    noise = 0.6 * noise + rng.float(-3, 3);
    let value = clamp(Math.round(bp.adoptionTarget * ramp + noise), 1, 99);
    // Ordinary accounts never fall by a fifth in a month; only the stories do.
    const previous = adoption[adoption.length - 1];
    if (previous !== undefined) value = Math.max(value, Math.ceil(previous * 0.86));
    adoption.push(value);
  }
  const tail = bp.adoptionTail.slice(-adoption.length);
  adoption.splice(adoption.length - tail.length, tail.length, ...tail);

  const ticketRange: Record<Profile, [number, number]> = { thriving: [0, 2], steady: [0, 3], wobbly: [1, 4] };
  const tickets = days.map(() => rng.int(...ticketRange[bp.profile]));
  const ticketTail = bp.openTicketsTail.slice(-days.length);
  tickets.splice(days.length - ticketTail.length, ticketTail.length, ...ticketTail);

  // A stray late payment now and then that was paid the next month; the latest two months are clean.
  const overdue: number[] = days.map((_, i) => (i < days.length - 2 && rng.chance(0.06) ? 1 : 0));
  const overdueTail = bp.overdueTail.slice(-days.length);
  overdue.splice(days.length - overdueTail.length, overdueTail.length, ...overdueTail);

  const samples: DemoSample[] = [];
  days.forEach((day, i) => {
    const date = fromDayNumber(day);
    const seats = seatsOn(seatSteps, day);
    samples.push({ date, key: 'adoption', value: adoption[i] });
    samples.push({ date, key: 'active_users', value: Math.round((adoption[i] * seats) / 100) });
    samples.push({ date, key: 'open_tickets', value: tickets[i] });
    samples.push({ date, key: 'overdue_invoices', value: overdue[i] });
    if (bp.community) samples.push({ date, key: 'community_posts', value: rng.int(0, 3 + Math.round(seats / 60)) });
  });
  return samples;
}

const NPS_BY_PROFILE: Record<Profile, readonly number[]> = {
  thriving: [9, 10, 10, 9, 8, 9, 10, 7],
  steady: [8, 9, 7, 8, 9, 10, 6, 7],
  wobbly: [6, 7, 5, 8, 7, 4, 7, 6],
};
const CSAT_BY_PROFILE: Record<Profile, readonly number[]> = {
  thriving: [5, 5, 4, 5, 4],
  steady: [4, 5, 4, 3, 5],
  wobbly: [3, 4, 2, 4, 3],
};

function npsComment(rng: Rng, score: number): string {
  return rng.pick(NPS_COMMENTS[score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor']);
}

function buildSurveys(rng: Rng, bp: Blueprint, today: number, startDay: number, built: Built, touches: DemoTouch[]): DemoSurvey[] {
  const surveys: DemoSurvey[] = [];
  const endDay = bp.churnDaysAgo === null ? today : today - bp.churnDaysAgo;
  const storyTold = bp.nps !== null;

  if (bp.nps) {
    for (const n of bp.nps) {
      surveys.push({ kind: 'nps', score: n.score, date: fromDayNumber(today - n.daysAgo), comment: n.comment ?? '', contactIdx: n.contact });
    }
  } else {
    // Relationship NPS goes out quarterly; one or two people answer, a few days apart.
    for (const waveAgo of [330, 240, 150, 55]) {
      const waveDay = today - waveAgo + rng.int(-12, 12);
      if (waveDay < startDay + 45 || waveDay > endDay) continue;
      const present = presentOn({ rng, bp, today, startDay, built }, waveDay);
      const pool = [...present.users, ...present.execs];
      const respondents = pickContacts(rng, built.contacts, pool, bp.segment === 'smb' ? 1 : rng.int(1, 2));
      respondents.forEach((contactIdx, i) => {
        const score = rng.pick(NPS_BY_PROFILE[bp.profile]);
        const date = fromDayNumber(Math.min(today, waveDay + i * rng.int(1, 4)));
        surveys.push({ kind: 'nps', score, date, comment: npsComment(rng, score), contactIdx });
      });
    }
  }

  // Only the stories have a fresh detractor: an ordinary account's latest NPS within the detractor
  // window is at least a passive (older detractors stay, so portfolio NPS has all three kinds).
  if (!storyTold) {
    const nps = surveys.filter((s) => s.kind === 'nps').sort((a, b) => a.date.localeCompare(b.date));
    const latest = nps[nps.length - 1];
    if (latest && latest.score <= 6 && today - toDayNumber(latest.date) <= 90 && bp.stage !== 'churned') {
      latest.score = 7;
      latest.comment = npsComment(rng, 7);
    }
  }

  // CSAT after some support touches and training sessions.
  for (const t of touches) {
    const day = toDayNumber(t.occurredAt) + 1;
    if (day > today || t.contactIdx.length === 0) continue;
    if (t.type !== 'support' && !(t.type === 'meeting' && day < startDay + 75 && day > startDay)) continue;
    if (!rng.chance(0.4)) continue;
    const score = t.sentiment !== null && t.sentiment <= -2 ? 2 : rng.pick(CSAT_BY_PROFILE[bp.profile]);
    surveys.push({ kind: 'csat', score, date: fromDayNumber(day), comment: rng.chance(0.6) ? CSAT_COMMENTS[score] : '', contactIdx: t.contactIdx[0] });
  }
  return surveys.sort((a, b) => a.date.localeCompare(b.date));
}

function buildGoals(rng: Rng, bp: Blueprint, today: number): DemoGoal[] {
  if (bp.goals) {
    return bp.goals.map((g) => ({ goal: g.goal, measure: g.measure, target: g.target, status: g.status, dueDate: fromDayNumber(today + g.dueInDays) }));
  }
  const count = rng.int(1, 3);
  const library = [...GOAL_LIBRARY];
  const goals: DemoGoal[] = [];
  for (let i = 0; i < count; i++) {
    const [goal, measure, target] = library.splice(rng.int(0, library.length - 1), 1)[0];
    const early = bp.stage === 'incubation' || bp.stage === 'onboarding';
    let status: GoalStatus;
    if (bp.churnDaysAgo !== null) {
      // A churned account's plan ended with the contract.
      const dueIn = -bp.churnDaysAgo - rng.int(10, 200);
      goals.push({ goal, measure, target, status: rng.chance(0.6) ? 'missed' : 'achieved', dueDate: fromDayNumber(today + dueIn) });
      continue;
    }
    const dueIn = early ? rng.int(45, 200) : rng.int(-120, 200);
    if (bp.stage === 'incubation') status = 'not_started';
    else if (dueIn < 0) status = bp.profile === 'wobbly' ? (rng.chance(0.6) ? 'missed' : 'achieved') : rng.chance(0.85) ? 'achieved' : 'missed';
    else if (bp.stage === 'onboarding') status = rng.chance(0.7) ? 'on_track' : 'not_started';
    else if (bp.profile === 'wobbly') status = 'at_risk';
    else status = bp.profile === 'steady' && rng.chance(0.2) ? 'at_risk' : 'on_track';
    goals.push({ goal, measure, target, status, dueDate: fromDayNumber(today + dueIn) });
  }
  return goals;
}

function ordinaryNotes(rng: Rng, bp: Blueprint, built: Built): string {
  const champion = built.contacts.find((c) => c.role === 'champion')?.name ?? 'our champion';
  const sponsor = built.contacts.find((c) => isExecutive(c.level) && c.leftOn === null)?.name ?? 'the sponsor';
  const team = rng.pick(TEAMS);
  switch (bp.stage) {
    case 'incubation':
      return `Just signed; success plan drafted with ${champion} during the sales cycle. Kickoff next.`;
    case 'onboarding':
      return `In onboarding; go-live target agreed with ${champion}. Time to value is the only metric that matters right now.`;
    case 'expansion':
      return `Expanding: ${champion}'s team added seats this year and ${sponsor} wants ${team} next.`;
    case 'triage':
      return `In triage: usage is patchy outside ${champion}'s team and invoices are slipping. Weekly check-ins until it stabilises.`;
    default:
      if (bp.profile === 'thriving') return `Self-sufficient customer. ${champion} runs the internal rollout; ${sponsor} joins every review.`;
      if (bp.profile === 'steady') return `Solid usage, few surprises. Keep the review rhythm with ${sponsor}.`;
      return `Usage is patchy outside ${champion}'s team; watch ticket volume and sentiment.`;
  }
}

function buildAccount(bp: Blueprint, today: number): DemoAccount {
  // A second stream for the details, so a story's overrides never shift its generated details.
  const rng = createRng(`${bp.externalId}:details`);
  const renewalDate = fromDayNumber(today + bp.renewalInDays);
  const contractStart = addYears(renewalDate, -bp.years);
  const startDay = toDayNumber(contractStart);
  const built = buildContacts(rng, bp, today);

  // An ordinary account due for renewal within 90 days has had its renewal conversation with an
  // executive recently; the stories that need the silence set execSilenceDays instead.
  const keyTouches = [...bp.keyTouches];
  const renewalSoon = bp.churnDaysAgo === null && bp.renewalInDays >= 0 && bp.renewalInDays <= 90;
  if (renewalSoon && bp.execSilenceDays === 0 && bp.story.length === 0) {
    keyTouches.push({
      daysAgo: rng.int(2, 12),
      type: rng.pick(['meeting', 'call'] as const),
      who: 'exec',
      summary:
        bp.profile === 'wobbly'
          ? 'Renewal conversation with {first}: they want a discount tied to clearing the ticket backlog.'
          : "Renewal prep with {first}: walked through the year's results and the proposed terms; no surprises expected.",
      sentiment: bp.profile === 'wobbly' ? 0 : 1,
      nextStep: 'Send the renewal order form',
    });
  }
  const blueprint: Blueprint = { ...bp, keyTouches };

  const touches = buildTouches({ rng, bp: blueprint, today, startDay, built });
  const revenue = buildRevenue(rng, blueprint, today, contractStart);
  const samples = buildSamples(rng, blueprint, today, startDay, revenue.seatSteps);
  const surveys = buildSurveys(rng, blueprint, today, startDay, built, touches);
  const goals = buildGoals(rng, blueprint, today);

  return {
    externalId: bp.externalId,
    name: bp.name,
    segment: bp.segment,
    stage: bp.stage,
    mrrCents: revenue.mrrCents,
    currency: 'USD',
    contractStart,
    renewalDate,
    seats: revenue.seats,
    industry: bp.industry,
    website: `https://www.${bp.domain}`,
    notes: bp.notes || ordinaryNotes(rng, bp, built),
    story: bp.story,
    contacts: built.contacts,
    touches,
    samples,
    revenue: revenue.events,
    surveys,
    goals,
  };
}

/**
 * The sample book as of `asOf` (YYYY-MM-DD): 12 story accounts (DEMO-001…012), one or more for
 * every flag rule, followed by the ordinary book. Same asOf, same book.
 */
export function buildDemoBook(asOf: string): DemoBook {
  const today = toDayNumber(asOf);
  if (asOf.length !== 10 || Number.isNaN(today)) throw new RangeError(`as-of is not a date (YYYY-MM-DD): ${JSON.stringify(asOf)}`);

  const blueprints: Blueprint[] = [];
  const externalId = (i: number): string => `DEMO-${String(i + 1).padStart(3, '0')}`;
  for (const story of STORIES) {
    const id = externalId(blueprints.length);
    const base = proceduralBlueprint(createRng(id), story.row, id);
    // A story states its own invoices; the generated triage default would muddle its flags.
    blueprints.push({ ...base, overdueTail: [], ...story.overrides });
  }
  for (const row of ORDINARY) {
    const id = externalId(blueprints.length);
    blueprints.push(proceduralBlueprint(createRng(id), row, id));
  }
  // SPEC 2026-12's numbers (numbers.ts), appended so no other account's seed moves.
  for (const story of NUMBERS_STORIES) {
    const id = externalId(blueprints.length);
    blueprints.push({ ...proceduralBlueprint(createRng(id), story.row, id), overdueTail: [], ...story.overrides });
  }
  const accounts = blueprints.map((bp) => finishNumbersStory(buildAccount(bp, today), asOf));
  // The money side (money.ts): hand-entered NPS, renewals with forecasts, opportunities.
  return addHandEnteredMoney({ asOf, accounts, triageCases: demoTriageCases(asOf) });
}
