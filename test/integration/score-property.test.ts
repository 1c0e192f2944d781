// `tend score` and `tend metrics` agree with SPEC on random books (fast-check): a small book is
// written into a real database, the CLI scores it, and every account's score, band, confidence,
// components, flags and triage — and the month's metrics — are checked against a plain reading of
// SPEC written here from scratch (no code shared with shared/scoring). The books are dense in
// boundary cases: dates one day either side of every window, touches that are notes (often the
// newest one), accounts with nothing but the account row, adoption samples above 100 and below 0,
// revenue events stored with the wrong sign, departures on the as-of day.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { openDatabase } from '../../electron/db/open';
import { addDays, daysBetween, monthBounds } from '../../shared/dates';
import { MIGRATIONS, tempDir } from '../helpers';

// ---- the random book ---------------------------------------------------------------------------

const SEGMENTS = ['enterprise', 'mid_market', 'smb'] as const;
const STAGES = ['incubation', 'onboarding', 'adoption', 'expansion', 'triage', 'churned'] as const;
const LEVELS = ['ic', 'manager', 'director', 'vp', 'c_level'] as const;
const TYPES = ['note', 'note', 'note', 'email', 'call', 'meeting', 'qbr', 'support', 'event'] as const;
const KINDS = ['new', 'expansion', 'contraction', 'churn', 'renewal'] as const;
type Segment = (typeof SEGMENTS)[number];

/** Days before as-of that sit on either side of SPEC's windows (negative: after as-of). */
const AGO = [-1, 0, 1, 2, 13, 14, 15, 16, 24, 25, 26, 29, 30, 31, 34, 35, 36, 44, 45, 46, 59, 60, 61, 89, 90, 91, 92, 135, 200];
const AHEAD = [-1, 0, 1, 29, 30, 31, 59, 60, 61, 89, 90, 91, 200];

interface Book {
  asOf: string;
  month: string;
  accounts: {
    segment: Segment;
    stage: (typeof STAGES)[number];
    archived: boolean;
    mrr: number;
    contractStartAgo: number | null;
    createdAgo: number;
    renewalIn: number | null;
    seats: number | null;
    contacts: { level: (typeof LEVELS)[number]; isUser: boolean; strength: number; leftAgo: number | null }[];
    touches: { ago: number; type: (typeof TYPES)[number]; sentiment: number | null; who: number[] }[];
    samples: { ago: number; key: string; value: number }[];
    surveys: { ago: number; kind: 'nps' | 'csat' | 'ces'; score: number }[];
    revenue: { ago: number; kind: (typeof KINDS)[number]; delta: number }[];
  }[];
}

const ago = fc.constantFrom(...AGO);
const accountArb = fc.record({
  segment: fc.constantFrom(...SEGMENTS),
  stage: fc.constantFrom(...STAGES),
  archived: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
  mrr: fc.constantFrom(0, 1_000, 25_000, 99_999),
  contractStartAgo: fc.option(fc.constantFrom(-21, 0, 60, 90, 91, 92, 400), { nil: null }),
  createdAgo: fc.constantFrom(0, 40, 400),
  renewalIn: fc.option(fc.constantFrom(...AHEAD), { nil: null }),
  seats: fc.option(fc.constantFrom(0, 10, 40), { nil: null }),
  contacts: fc.array(
    fc.record({
      level: fc.constantFrom(...LEVELS),
      isUser: fc.boolean(),
      strength: fc.integer({ min: 0, max: 4 }),
      leftAgo: fc.option(fc.constantFrom(-1, 0, 1, 89, 90, 91, 400), { nil: null }),
    }),
    { maxLength: 4 },
  ),
  touches: fc.array(
    fc.record({
      ago,
      type: fc.constantFrom(...TYPES),
      sentiment: fc.option(fc.integer({ min: -2, max: 2 }), { nil: null }),
      who: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
    }),
    { maxLength: 5 },
  ),
  samples: fc.uniqueArray(
    fc.oneof(
      // Adoption outside 0…100 tests the clamp; counts are never negative.
      fc.record({ ago, key: fc.constant('adoption'), value: fc.constantFrom(-5, 0, 40, 56, 70, 80, 100, 125) }),
      fc.record({ ago, key: fc.constantFrom('active_users', 'open_tickets', 'overdue_invoices', 'community_posts'), value: fc.constantFrom(0, 1, 3, 7, 40) }),
    ),
    { maxLength: 5, selector: (s) => `${s.key}:${s.ago}` }, // one sample per key and day (the natural key)
  ),
  surveys: fc.array(
    fc.oneof(
      fc.record({ ago, kind: fc.constant('nps' as const), score: fc.integer({ min: 0, max: 10 }) }),
      fc.record({ ago, kind: fc.constant('csat' as const), score: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ ago, kind: fc.constant('ces' as const), score: fc.integer({ min: 1, max: 7 }) }),
    ),
    { maxLength: 3 },
  ),
  revenue: fc.array(
    fc.record({ ago: fc.constantFrom(-1, 0, 1, 20, 23, 24, 25, 40, 54, 55, 56, 300), kind: fc.constantFrom(...KINDS), delta: fc.constantFrom(-7_000, -500, 0, 500, 20_000) }),
    { maxLength: 3 },
  ),
});
/** Some accounts have nothing but the account row. */
const bare = accountArb.map((a) => ({ ...a, contacts: [], touches: [], samples: [], surveys: [] }));
const bookArb: fc.Arbitrary<Book> = fc.record({
  asOf: fc.constantFrom('2026-11-24', '2026-12-01', '2026-11-30', '2024-02-29'),
  previousMonth: fc.boolean(),
  accounts: fc.array(fc.oneof({ weight: 3, arbitrary: accountArb }, { weight: 1, arbitrary: bare }), { minLength: 1, maxLength: 6 }),
}).map(({ asOf, previousMonth, accounts }) => {
  const [y, m] = asOf.split('-').map(Number);
  const month = previousMonth ? (m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`) : asOf.slice(0, 7);
  return { asOf, month, accounts };
});

// ---- SPEC, read plainly ------------------------------------------------------------------------

const WEIGHTS = { adoption: 25, relationships: 20, engagement: 15, sentiment: 10, survey: 15, support: 5, financial: 10 };
const CADENCE: Record<Segment, number> = { enterprise: 14, mid_market: 30, smb: 45 };
const REQUIRED: Record<Segment, number> = { enterprise: 2, mid_market: 1, smb: 1 };
const isExec = (level: string) => level === 'director' || level === 'vp' || level === 'c_level';
const clamp = (x: number) => Math.max(0, Math.min(100, x));
const halfUp = (x: number) => Math.floor(x + 0.5 + 1e-9);

/** "Latest X": greatest date on or before as-of (the book has at most one per key and day). */
function latest<T extends { ago: number }>(rows: T[]): T | null {
  let best: T | null = null;
  for (const r of rows) if (r.ago >= 0 && (best === null || r.ago <= best.ago)) best = r;
  return best;
}

function expected(a: Book['accounts'][number]) {
  const counting = a.contacts.filter((c) => c.leftAgo === null || c.leftAgo < 0); // left on or before as-of: gone
  const strongExecs = counting.filter((c) => isExec(c.level) && c.strength >= 3).length;
  const strongUsers = counting.filter((c) => c.isUser && c.strength >= 3).length;
  const required = REQUIRED[a.segment];
  const happened = a.touches.filter((t) => t.ago >= 0);
  const contact = happened.filter((t) => t.type !== 'note'); // SPEC: a note is not contact
  const involves = (t: (typeof happened)[number], pick: (c: Book['accounts'][number]['contacts'][number]) => boolean) =>
    t.who.some((i) => i < a.contacts.length && counting.includes(a.contacts[i]) && pick(a.contacts[i]));
  const since = (ts: typeof happened) => (ts.length ? Math.min(...ts.map((t) => t.ago)) : Infinity);
  const d = since(contact);
  const execSilence = since(contact.filter((t) => involves(t, (c) => isExec(c.level))));
  const userSilence = since(contact.filter((t) => involves(t, (c) => c.isUser)));
  const samples = (key: string) => a.samples.filter((s) => s.key === key);
  const adoptionSample = latest(samples('adoption'));
  const users = latest(samples('active_users'));
  const adoption =
    adoptionSample !== null
      ? { value: adoptionSample.value, ago: adoptionSample.ago, key: 'adoption' }
      : users !== null && a.seats !== null && a.seats > 0
        ? { value: Math.min(100, (100 * users.value) / a.seats), ago: users.ago, key: 'active_users' }
        : null;
  const nps = latest(a.surveys.filter((s) => s.kind === 'nps'));
  const csat = latest(a.surveys.filter((s) => s.kind === 'csat'));
  const tickets = latest(samples('open_tickets'));
  const invoices = latest(samples('overdue_invoices'));

  const hasData = a.contacts.length > 0 || happened.length > 0 || a.samples.some((s) => s.ago >= 0) || a.surveys.some((s) => s.ago >= 0);
  let health: { score: number | null; band: string; confidence: number; components: Record<string, number | null> };
  if (!hasData) {
    health = { score: null, band: 'no_data', confidence: 0, components: Object.fromEntries(Object.keys(WEIGHTS).map((k) => [k, null])) };
  } else {
    const c = CADENCE[a.segment];
    // The three most recent pulses; on the same day, the touch written later is the newer one.
    const pulses = happened
      .map((t, i) => ({ ...t, i }))
      .filter((t) => t.sentiment !== null)
      .sort((x, y) => y.ago - x.ago || x.i - y.i)
      .slice(-3);
    const components: Record<string, number | null> = {
      adoption: adoption === null ? null : clamp(adoption.value),
      relationships: 60 * Math.min(1, strongExecs / required) + 40 * Math.min(1, strongUsers / 2),
      engagement: d <= c ? 100 : d >= 3 * c ? 0 : (100 * (3 * c - d)) / (2 * c),
      sentiment: pulses.length ? clamp(((pulses.reduce((s, t) => s + t.sentiment!, 0) / pulses.length + 2) / 4) * 100) : null,
      survey: nps ? clamp(nps.score * 10) : csat ? clamp(((csat.score - 1) / 4) * 100) : null,
      support: tickets ? clamp(100 - 20 * tickets.value) : null,
      financial: invoices ? (invoices.value === 0 ? 100 : 0) : null,
    };
    let sum = 0;
    let weight = 0;
    for (const [k, w] of Object.entries(WEIGHTS)) {
      if (components[k] === null) continue;
      sum += w * components[k]!;
      weight += w;
    }
    const score = halfUp(sum / weight);
    health = { score, band: score >= 75 ? 'healthy' : score >= 50 ? 'watch' : 'at_risk', confidence: halfUp((weight / 100) * 100) / 100, components };
  }

  const flags: string[] = [];
  if (!a.archived && a.stage !== 'churned') {
    if (a.renewalIn !== null && a.renewalIn >= 0 && a.renewalIn <= 90 && execSilence > 15) flags.push('renewal_exec_silence:high');
    if (strongExecs < required) flags.push(`single_threaded:${a.segment === 'enterprise' ? 'high' : 'medium'}`);
    if (adoption !== null && adoption.value >= 70 && strongUsers === 0) flags.push('champion_gap:low');
    if (adoption !== null && userSilence > 30) {
      const earlier = latest(
        samples(adoption.key)
          .filter((s) => s.ago >= adoption.ago + 25 && s.ago <= adoption.ago + 35)
          .map((s) => ({ ...s, ago: s.ago - adoption.ago })),
      );
      const value = (v: number) => (adoption.key === 'adoption' ? v : Math.min(100, (100 * v) / a.seats!));
      if (earlier && value(earlier.value) > 0 && adoption.value <= 0.8 * value(earlier.value) + 1e-9) flags.push('adoption_drop_user_silence:emergency');
    }
    if (nps && nps.ago <= 90 && nps.score <= 6) flags.push('detractor:medium');
    if (invoices && invoices.value > 0) flags.push('overdue_invoice:medium');
    if (d > CADENCE[a.segment]) flags.push('cadence_overdue:low');
    const departures = a.contacts.filter((c) => isExec(c.level) && c.leftAgo !== null && c.leftAgo >= 0 && c.leftAgo <= 90);
    if (departures.length && strongExecs < required) flags.push('sponsor_lost:high');
    if (a.stage === 'onboarding' && a.contractStartAgo !== null && a.contractStartAgo > 90) flags.push('stalled_onboarding:high');
  }
  const inTriage =
    !a.archived && a.stage !== 'churned' && (a.stage === 'triage' || health.band === 'at_risk' || flags.some((f) => /:(high|emergency)$/.test(f)));
  return { health, flags: flags.sort(), inTriage };
}

/** SPEC "Portfolio metrics" for the book's month, point-in-time numbers at as-of. */
function expectedMetrics(book: Book, triage: boolean[]) {
  const { first, last } = monthBounds(book.month);
  const asOf = book.asOf;
  const end = last < asOf ? last : asOf;
  const startCut = addDays(first, -1) < asOf ? addDays(first, -1) : asOf;
  const live = book.accounts.map((a, i) => ({ a, i })).filter(({ a }) => !a.archived);
  const signed = (kind: string, delta: number) => (kind === 'new' || kind === 'expansion' ? Math.abs(delta) : kind === 'contraction' || kind === 'churn' ? -Math.abs(delta) : delta);
  const events = (a: Book['accounts'][number]) =>
    a.revenue.length
      ? a.revenue.map((r) => ({ date: addDays(asOf, -r.ago), kind: r.kind, delta: signed(r.kind, r.delta) }))
      : [{ date: addDays(asOf, -(a.contractStartAgo ?? a.createdAgo)), kind: 'new', delta: a.mrr }];
  const mrrOn = (a: Book['accounts'][number], day: string) => events(a).filter((e) => e.date <= day && e.date <= asOf).reduce((s, e) => s + e.delta, 0);
  let mrr0 = 0;
  let active = 0;
  let churned = 0;
  const moved = { churn: 0, contraction: 0, expansion: 0 };
  for (const { a } of live) {
    const m0 = mrrOn(a, startCut);
    mrr0 += m0;
    if (m0 > 0) active++;
    const inMonth = events(a).filter((e) => e.date >= first && e.date <= end);
    if (a.revenue.length && inMonth.some((e) => e.kind === 'churn')) churned++;
    for (const e of a.revenue.length ? inMonth : []) if (e.kind in moved) moved[e.kind as keyof typeof moved] += e.delta;
  }
  const churn = Math.abs(moved.churn);
  const contraction = Math.abs(moved.contraction);
  const expansion = Math.abs(moved.expansion);
  const responses = live.flatMap(({ a }) => a.surveys.map((s) => ({ ...s, date: addDays(asOf, -s.ago) }))).filter((s) => s.date >= first && s.date <= end);
  const of = (kind: string) => responses.filter((r) => r.kind === kind).map((r) => r.score);
  const nps = of('nps');
  const csat = of('csat');
  const ces = of('ces');
  const renewals = [30, 60, 90].map((w) => {
    const due = live.filter(({ a }) => a.stage !== 'churned' && a.renewalIn !== null && a.renewalIn >= 0 && a.renewalIn <= w);
    return { count: due.length, arr: due.reduce((s, { a }) => s + 12 * mrrOn(a, asOf), 0) };
  });
  const grr = mrr0 > 0 ? (mrr0 - churn - contraction) / mrr0 : null;
  return {
    logoChurnRate: active > 0 ? churned / active : null,
    netMrrChurnRate: mrr0 > 0 ? (churn + contraction - expansion) / mrr0 : null,
    grossRevenueRetention: grr,
    netRevenueRetention: grr === null ? null : grr + expansion / mrr0,
    nps: nps.length ? halfUp((100 * (nps.filter((s) => s >= 9).length - nps.filter((s) => s <= 6).length)) / nps.length) : null,
    npsResponses: nps.length,
    csat: csat.length ? (100 * csat.filter((s) => s >= 4).length) / csat.length : null,
    ces: ces.length ? ces.reduce((s, x) => s + x, 0) / ces.length : null,
    incubationPipelineArr: live.filter(({ a }) => a.stage === 'incubation').reduce((s, { a }) => s + 12 * a.mrr, 0),
    triageArr: live.filter(({ i }) => triage[i]).reduce((s, { a }) => s + 12 * mrrOn(a, asOf), 0),
    renewals: { d30: renewals[0], d60: renewals[1], d90: renewals[2] },
  };
}

// ---- the book in a database, through the CLI -----------------------------------------------------

let template = '';
beforeAll(async () => {
  template = path.join(tempDir('tend-prop-'), 'template.db');
  (await openDatabase(template, { migrationsFolder: MIGRATIONS })).close();
});
const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

async function write(book: Book): Promise<string> {
  const dir = tempDir('tend-prop-');
  made.push(dir);
  const file = path.join(dir, 'book.db');
  fs.copyFileSync(template, file);
  const { sqlite, close } = await openDatabase(file, { migrationsFolder: MIGRATIONS });
  const day = (n: number) => addDays(book.asOf, -n);
  sqlite.transaction(() => {
    book.accounts.forEach((a, n) => {
      const id = Number(
        sqlite
          .prepare(
            `INSERT INTO accounts (name, segment, stage, archived, mrr_cents, contract_start, renewal_date, seats, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(`Account ${n + 1}`, a.segment, a.stage, a.archived ? 1 : 0, a.mrr, a.contractStartAgo === null ? null : day(a.contractStartAgo),
            a.renewalIn === null ? null : day(-a.renewalIn), a.seats, `${day(a.createdAgo)}T08:00:00.000Z`).lastInsertRowid,
      );
      const contactIds = a.contacts.map((c, k) =>
        Number(
          sqlite
            .prepare('INSERT INTO contacts (account_id, name, level, is_user, strength, left_on) VALUES (?, ?, ?, ?, ?, ?)')
            .run(id, `Person ${k}`, c.level, c.isUser ? 1 : 0, c.strength, c.leftAgo === null ? null : day(c.leftAgo)).lastInsertRowid,
        ),
      );
      for (const t of a.touches) {
        const touchId = sqlite
          .prepare('INSERT INTO touches (account_id, type, occurred_at, summary, sentiment) VALUES (?, ?, ?, ?, ?)')
          .run(id, t.type, day(t.ago), t.type, t.sentiment).lastInsertRowid;
        for (const k of t.who) if (k < contactIds.length) sqlite.prepare('INSERT INTO touch_contacts (touch_id, contact_id) VALUES (?, ?)').run(touchId, contactIds[k]);
      }
      for (const s of a.samples) sqlite.prepare('INSERT INTO metric_samples (account_id, date, key, value) VALUES (?, ?, ?, ?)').run(id, day(s.ago), s.key, s.value);
      for (const s of a.surveys) sqlite.prepare('INSERT INTO survey_responses (account_id, kind, score, date) VALUES (?, ?, ?, ?)').run(id, s.kind, s.score, day(s.ago));
      for (const r of a.revenue) sqlite.prepare('INSERT INTO revenue_events (account_id, date, kind, mrr_delta_cents) VALUES (?, ?, ?, ?)').run(id, day(r.ago), r.kind, r.delta);
    });
  })();
  close();
  return file;
}

async function tendJson(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...argv, '--json'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, migrationsFolder: MIGRATIONS });
  if (code !== 0) throw new Error(`tend ${argv.join(' ')} failed (${code}): ${stderr}`);
  return JSON.parse(stdout);
}

const close = (actual: number | null, wanted: number | null) => (wanted === null ? actual === null : actual !== null && Math.abs(actual - wanted) < 1e-9);

describe('tend score and tend metrics against SPEC', () => {
  it('agree on random books dense in boundary cases', async () => {
    await fc.assert(
      fc.asyncProperty(bookArb, async (book) => {
        const file = await write(book);
        const scored = await tendJson('--db', file, '--as-of', book.asOf, 'score');
        expect(scored.asOf).toBe(book.asOf);
        const triage: boolean[] = [];
        book.accounts.forEach((a, n) => {
          const got = scored.accounts.find((x: { name: string }) => x.name === `Account ${n + 1}`);
          const want = expected(a);
          triage.push(want.inTriage);
          const where = `Account ${n + 1} of ${JSON.stringify(book)}`;
          expect({ score: got.score, band: got.band, confidence: got.confidence, inTriage: got.inTriage }, where).toEqual({
            score: want.health.score,
            band: want.health.band,
            confidence: want.health.confidence,
            inTriage: want.inTriage,
          });
          for (const [name, value] of Object.entries(want.health.components)) {
            expect(close(got.components[name]?.score ?? null, value), `${name}: ${got.components[name]?.score} vs ${value} — ${where}`).toBe(true);
          }
          expect(got.flags.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`).sort(), where).toEqual(want.flags);
        });
        const m = await tendJson('--db', file, '--as-of', book.asOf, 'metrics', '--month', book.month);
        const want = expectedMetrics(book, triage);
        for (const key of ['logoChurnRate', 'netMrrChurnRate', 'grossRevenueRetention', 'netRevenueRetention', 'nps', 'csat', 'ces'] as const) {
          expect(close(m[key], want[key]), `${key}: ${m[key]} vs ${want[key]} — ${JSON.stringify(book)}`).toBe(true);
        }
        expect({ npsResponses: m.npsResponses, incubationPipelineArr: m.incubationPipelineArr, triageArr: m.triageArr, renewals: m.renewals }).toEqual({
          npsResponses: want.npsResponses,
          incubationPipelineArr: want.incubationPipelineArr,
          triageArr: want.triageArr,
          renewals: want.renewals,
        });
        expect(daysBetween(m.period.from, m.period.to)).toBeLessThanOrEqual(30);
      }),
      { numRuns: 100 },
    );
  }, 600_000);
});
