// The sample book behind `tend demo`: deterministic, shaped like a real book, and built so that every
// flag rule in SPEC fires somewhere, every band shows up, and most accounts are simply fine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { buildDemoBook, type DemoBook } from '../../electron/services/demo/book';
import { demoFactsFor, loadDemoBook } from '../../electron/services/demo/load';
import { addDays } from '../../shared/dates';
import { ALL_BANDS, CONTACT_LEVELS, FLAG_RULES, SEGMENTS, STAGES, type AnyBand, type FlagRule } from '../../shared/domain';
import { portfolioMetrics, scoreAccount, type AccountScore } from '../../shared/scoring';
import { DEFAULT_SETTINGS } from '../../shared/settings';

const AS_OF = '2026-11-24';

function scoreBook(book: DemoBook): AccountScore[] {
  return demoFactsFor(book).map((facts) => scoreAccount(facts, book.asOf, DEFAULT_SETTINGS));
}

function firedRules(scores: AccountScore[]): Set<FlagRule> {
  return new Set(scores.flatMap((s) => s.flags.map((f) => f.rule)));
}

describe('the sample book', () => {
  const book = buildDemoBook(AS_OF);
  const scores = scoreBook(book);

  it('is the same book every time for the same as-of date', () => {
    expect(buildDemoBook(AS_OF)).toEqual(book);
  });

  it('counts every date from the as-of date, not from the clock', () => {
    const later = buildDemoBook(addDays(AS_OF, 100));
    const shifted = (date: string) => addDays(date, 100);
    expect(later.accounts[0].renewalDate).toBe(shifted(book.accounts[0].renewalDate));
    expect(later.accounts[0].touches.at(-1)!.occurredAt).toBe(shifted(book.accounts[0].touches.at(-1)!.occurredAt));
  });

  it('has at least 40 accounts across every segment and stage, with contacts at every level', () => {
    expect(book.accounts.length).toBeGreaterThanOrEqual(40);
    expect(new Set(book.accounts.map((a) => a.segment))).toEqual(new Set(SEGMENTS));
    expect(new Set(book.accounts.map((a) => a.stage))).toEqual(new Set(STAGES));
    const contacts = book.accounts.flatMap((a) => a.contacts);
    expect(new Set(contacts.map((c) => c.level))).toEqual(new Set(CONTACT_LEVELS));
    expect(contacts.some((c) => c.isUser)).toBe(true);
    expect(contacts.some((c) => c.leftOn !== null)).toBe(true);
    expect(new Set(book.accounts.map((a) => a.externalId)).size).toBe(book.accounts.length);
    expect(book.accounts.every((a) => a.externalId.startsWith('DEMO-'))).toBe(true);
  });

  /** Signed, but the contract starts after as-of: no revenue event has landed yet (SPEC "Portfolio metrics"). */
  const notStarted = (a: DemoBook['accounts'][number]) => a.contractStart > AS_OF;

  it("sums every account's revenue deltas to its MRR, starting with a new event at contract start", () => {
    for (const account of book.accounts.filter((a) => !notStarted(a))) {
      const sum = account.revenue.reduce((total, e) => total + e.mrrDeltaCents, 0);
      expect(sum, account.name).toBe(account.mrrCents);
      expect(account.revenue[0], account.name).toMatchObject({ kind: 'new', date: account.contractStart });
      expect(Number.isInteger(account.mrrCents), account.name).toBe(true);
    }
    const churned = book.accounts.filter((a) => a.stage === 'churned');
    expect(churned.length).toBeGreaterThan(0);
    for (const account of churned) {
      expect(account.mrrCents, account.name).toBe(0);
      expect(account.revenue.at(-1)!.kind, account.name).toBe('churn');
    }
    const kinds = new Set(book.accounts.flatMap((a) => a.revenue.map((e) => e.kind)));
    expect(kinds).toEqual(new Set(['new', 'expansion', 'contraction', 'churn', 'renewal']));
  });

  it('records nothing after the as-of date except renewals, goals and follow-ups', () => {
    const late = book.accounts.flatMap((a) =>
      [
        ...a.touches.map((t) => t.occurredAt),
        ...a.samples.map((s) => s.date),
        ...a.revenue.map((r) => r.date),
        ...a.surveys.map((s) => s.date),
        ...(notStarted(a) ? [] : [a.contractStart]),
      ]
        .filter((date) => date > AS_OF)
        .map((date) => `${a.name} ${date}`),
    );
    expect(late).toEqual([]);
  });

  it('gives every account a year of touches, monthly signals, surveys and one to three goals', () => {
    // …except the account that shows "Not enough data" (below).
    for (const account of book.accounts.filter((a) => a.contacts.length > 0)) {
      expect(account.touches.length, account.name).toBeGreaterThan(0);
      expect(account.goals.length, account.name).toBeGreaterThanOrEqual(1);
      expect(account.goals.length, account.name).toBeLessThanOrEqual(3);
      for (const t of account.touches) {
        for (const i of t.contactIdx) expect(account.contacts[i], `${account.name} touch contact ${i}`).toBeDefined();
      }
    }
    const established = book.accounts.filter((a) => (a.stage === 'adoption' || a.stage === 'expansion') && a.contacts.length > 0);
    for (const account of established) {
      const adoption = account.samples.filter((s) => s.key === 'adoption');
      expect(adoption.length, account.name).toBeGreaterThanOrEqual(5);
    }
    const nps = book.accounts.flatMap((a) => a.surveys.filter((s) => s.kind === 'nps').map((s) => s.score));
    expect(nps.some((s) => s >= 9)).toBe(true);
    expect(nps.some((s) => s === 7 || s === 8)).toBe(true);
    expect(nps.some((s) => s <= 6)).toBe(true);
    expect(book.accounts.some((a) => a.surveys.some((s) => s.kind === 'csat'))).toBe(true);
  });

  it('has follow-ups both overdue and due within the next week', () => {
    const due = book.accounts.flatMap((a) => a.touches.map((t) => t.followUpDue).filter((d): d is string => d !== null));
    expect(due.some((d) => d < AS_OF)).toBe(true);
    expect(due.some((d) => d >= AS_OF && d <= addDays(AS_OF, 7))).toBe(true);
  });

  it('fires every flag rule in SPEC on at least one account', () => {
    const fired = firedRules(scores);
    const missing = FLAG_RULES.filter((rule) => !fired.has(rule));
    expect(missing, `rules that fire nowhere: ${missing.join(', ')}`).toEqual([]);
  });

  it('raises on each story account the flags it was written for', () => {
    const misses = book.accounts.flatMap((account, i) =>
      account.story
        .filter((rule) => !scores[i].flags.some((f) => f.rule === rule))
        .map((rule) => `${account.externalId} ${account.name}: ${rule}`),
    );
    expect(misses).toEqual([]);
  });

  it('has accounts in every band, "Not enough data" included, and mostly healthy accounts without flags', () => {
    const bands = new Set<AnyBand>(scores.map((s) => s.health.band));
    expect([...bands].sort()).toEqual([...ALL_BANDS].sort());
    const healthy = scores.filter((s) => s.health.band === 'healthy').length;
    expect(healthy / scores.length).toBeGreaterThan(0.5);
    const unflagged = scores.filter((s) => s.flags.length === 0).length;
    expect(unflagged / scores.length).toBeGreaterThan(0.6);
  });

  it('raises no flag on an ordinary account that it was not written for', () => {
    const surprises = book.accounts.flatMap((account, i) =>
      scores[i].flags.filter((f) => !account.story.includes(f.rule)).map((f) => `${account.name}: ${f.rule} (${f.reason})`),
    );
    expect(surprises).toEqual([]);
  });

  it.each(['2024-02-29', '2025-01-01', '2027-12-31'])('still fires every rule in every band as of %s', (asOf) => {
    const other = buildDemoBook(asOf);
    const otherScores = scoreBook(other);
    const fired = firedRules(otherScores);
    expect(FLAG_RULES.filter((rule) => !fired.has(rule))).toEqual([]);
    expect(new Set(otherScores.map((s) => s.health.band)).size).toBe(ALL_BANDS.length);
  });

  // Issue 12: a new user sees each of SPEC 2026-12's number rules in the sample book.
  it('has an account whose newest touch is a note, still past its cadence', () => {
    const i = book.accounts.findIndex((a) => a.touches.at(-1)?.type === 'note' && a.story.includes('cadence_overdue'));
    expect(i, 'an account whose newest touch is a note').toBeGreaterThanOrEqual(0);
    const account = book.accounts[i];
    expect(account.touches.at(-1)!.occurredAt >= addDays(AS_OF, -7)).toBe(true);
    expect(scores[i].flags.find((f) => f.rule === 'cadence_overdue')?.reason).toMatch(/^Last customer contact \d+ days ago; cadence is 30 days$/);
  });

  it('has an account with nothing but its record: not enough data, no score, not in triage', () => {
    const i = scores.findIndex((s) => s.health.band === 'no_data');
    expect(i).toBeGreaterThanOrEqual(0);
    const account = book.accounts[i];
    expect([account.contacts, account.touches, account.samples, account.surveys]).toEqual([[], [], [], []]);
    expect(scores[i].health).toMatchObject({ score: null, confidence: 0 });
    expect(scores[i].inTriage).toBe(false);
    expect(scores.filter((s) => s.health.band === 'no_data')).toHaveLength(1);
  });

  it('has an incubation account that has not started, counted in the pipeline at 12 × its MRR', () => {
    const waiting = book.accounts.filter((a) => a.stage === 'incubation' && notStarted(a));
    expect(waiting).toHaveLength(1);
    const [account] = waiting;
    expect(account.revenue).toEqual([]);
    expect(account.mrrCents).toBeGreaterThan(0);
    const facts = demoFactsFor(book);
    const m = portfolioMetrics(
      {
        accounts: book.accounts.map((a, i) => ({ id: facts[i].id, stage: a.stage, archived: false, mrr: a.mrrCents, contractStart: a.contractStart, createdAt: AS_OF, renewalDate: a.renewalDate, inTriage: false })),
        revenue: book.accounts.flatMap((a, i) => a.revenue.map((e) => ({ accountId: facts[i].id, date: e.date, kind: e.kind, mrrDelta: e.mrrDeltaCents }))),
        surveys: [],
      },
      AS_OF.slice(0, 7),
      AS_OF,
    );
    const incubation = book.accounts.filter((a) => a.stage === 'incubation').reduce((sum, a) => sum + 12 * a.mrrCents, 0);
    expect(m.incubationPipelineArr).toBe(incubation);
    expect(m.incubationPipelineArr).toBeGreaterThan(incubation - 12 * account.mrrCents);
  });

  it('has triage cases: open (one past its target), recovered this month and before, and churned', () => {
    const cases = book.triageCases;
    const names = new Set(book.accounts.map((a) => a.name));
    for (const c of cases) expect(names.has(c.account), c.account).toBe(true);
    const open = cases.filter((c) => c.closedOn === null);
    expect(open.length).toBeGreaterThanOrEqual(2);
    expect(open.some((c) => c.targetDate !== null && c.targetDate < AS_OF)).toBe(true);
    expect(cases.filter((c) => c.outcome === 'recovered').length).toBeGreaterThanOrEqual(1);
    const churned = cases.find((c) => c.outcome === 'churned')!;
    expect(book.accounts.find((a) => a.name === churned.account)!.stage).toBe('churned');
    for (const c of cases) if (typeof c.closedOn === 'string' && c.closedOn !== 'churn') expect(c.closedOn >= c.openedOn).toBe(true);
    // An open case's account is never churned; one open case per account.
    for (const c of open) expect(book.accounts.find((a) => a.name === c.account)!.stage).not.toBe('churned');
    expect(new Set(open.map((c) => c.account)).size).toBe(open.length);
  });
});

describe('loading the sample book', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the whole book into a fresh database and refuses to load it twice', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-demo-'));
    dirs.push(dir);
    const opened = await openDatabase(path.join(dir, 'tend.db'), { migrationsFolder: path.resolve('drizzle') });
    try {
      const book = buildDemoBook(AS_OF);
      const result = loadDemoBook(opened.db, opened.sqlite, AS_OF);
      const total = <K extends keyof DemoBook['accounts'][number]>(key: K) =>
        book.accounts.reduce((n, a) => n + (a[key] as unknown[]).length, 0);
      expect(result).toEqual({ accounts: book.accounts.length, contacts: total('contacts'), touches: total('touches') });

      const count = (sql: string): number => opened.sqlite.prepare(sql).pluck().get() as number;
      expect(count('SELECT count(*) FROM accounts')).toBe(book.accounts.length);
      expect(count('SELECT count(*) FROM contacts')).toBe(total('contacts'));
      expect(count('SELECT count(*) FROM touches')).toBe(total('touches'));
      expect(count('SELECT count(*) FROM touch_contacts')).toBe(
        book.accounts.reduce((n, a) => n + a.touches.reduce((m, t) => m + t.contactIdx.length, 0), 0),
      );
      expect(count('SELECT count(*) FROM metric_samples')).toBe(total('samples'));
      expect(count('SELECT count(*) FROM revenue_events')).toBe(total('revenue'));
      expect(count('SELECT count(*) FROM survey_responses')).toBe(total('surveys'));
      expect(count('SELECT count(*) FROM survey_responses WHERE contact_id IS NOT NULL')).toBe(
        book.accounts.reduce((n, a) => n + a.surveys.filter((s) => s.contactIdx !== null).length, 0),
      );
      expect(count('SELECT count(*) FROM success_goals')).toBe(total('goals'));
      // Every account's MRR agrees with its revenue history in the database too (but the one whose
      // contract has not started: it has its contracted MRR and no event yet).
      expect(
        count(`SELECT count(*) FROM accounts a
               WHERE a.mrr_cents <> (SELECT coalesce(sum(mrr_delta_cents), 0) FROM revenue_events r WHERE r.account_id = a.id)
                 AND a.contract_start <= '${AS_OF}'`),
      ).toBe(0);
      // The triage cases, with the flags that put each account in triage (or the CSM's reason).
      expect(count('SELECT count(*) FROM triage_cases')).toBe(book.triageCases.length);
      expect(count("SELECT count(*) FROM triage_cases WHERE json_array_length(triggers) = 0")).toBe(0);
      expect(count(`SELECT count(*) FROM triage_cases c JOIN accounts a ON a.id = c.account_id
                    WHERE c.outcome = 'churned' AND c.closed_on = (SELECT date FROM revenue_events r WHERE r.account_id = a.id AND r.kind = 'churn')`)).toBe(1);
      // A touch never links to another account's contact.
      expect(
        count(`SELECT count(*) FROM touch_contacts tc JOIN touches t ON t.id = tc.touch_id
               JOIN contacts c ON c.id = tc.contact_id WHERE c.account_id <> t.account_id`),
      ).toBe(0);

      expect(() => loadDemoBook(opened.db, opened.sqlite, AS_OF)).toThrow('The sample book is already loaded.');
      expect(count('SELECT count(*) FROM accounts')).toBe(book.accounts.length);
      expect(count('SELECT count(*) FROM touches')).toBe(total('touches'));
    } finally {
      opened.close();
    }
  });
});
