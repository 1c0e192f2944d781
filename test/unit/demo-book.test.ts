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
import { BANDS, CONTACT_LEVELS, FLAG_RULES, SEGMENTS, STAGES, type Band, type FlagRule } from '../../shared/domain';
import { scoreAccount, type AccountScore } from '../../shared/scoring';
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

  it("sums every account's revenue deltas to its MRR, starting with a new event at contract start", () => {
    for (const account of book.accounts) {
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
        a.contractStart,
      ]
        .filter((date) => date > AS_OF)
        .map((date) => `${a.name} ${date}`),
    );
    expect(late).toEqual([]);
  });

  it('gives every account a year of touches, monthly signals, surveys and one to three goals', () => {
    for (const account of book.accounts) {
      expect(account.touches.length, account.name).toBeGreaterThan(0);
      expect(account.goals.length, account.name).toBeGreaterThanOrEqual(1);
      expect(account.goals.length, account.name).toBeLessThanOrEqual(3);
      for (const t of account.touches) {
        for (const i of t.contactIdx) expect(account.contacts[i], `${account.name} touch contact ${i}`).toBeDefined();
      }
    }
    const established = book.accounts.filter((a) => a.stage === 'adoption' || a.stage === 'expansion');
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

  it('has accounts in every band, and mostly healthy accounts without flags', () => {
    const bands = new Set<Band>(scores.map((s) => s.health.band));
    expect([...bands].sort()).toEqual([...BANDS].sort());
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
    expect(new Set(otherScores.map((s) => s.health.band)).size).toBe(BANDS.length);
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
      // Every account's MRR agrees with its revenue history in the database too.
      expect(
        count(`SELECT count(*) FROM accounts a
               WHERE a.mrr_cents <> (SELECT coalesce(sum(mrr_delta_cents), 0) FROM revenue_events r WHERE r.account_id = a.id)`),
      ).toBe(0);
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
