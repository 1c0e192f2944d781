// A large, deterministic book of business for the benchmark: 10,000 accounts with a year of history
// up to `asOf`. The shape follows what a real book looks like to the scoring (executives and users of
// mixed strength, some who left, touches that name contacts, sentiment on some touches, adoption
// sampled often and invoices rarely), so every scoring path and every flag rule gets exercised.
// Written with prepared statements, one transaction per table: this is setup, not what is measured.
// Touches and samples are inserted in date order across accounts, as daily logging would write them,
// so one account's rows are scattered over the file the way they are in a book that grew over time.
import { addDays } from '../shared/dates';
import { CONTACT_LEVELS, SEGMENTS, TOUCH_TYPES, type Segment } from '../shared/domain';
import type { Sqlite } from '../electron/db/open';

export interface BookOptions {
  accounts: number;
  /** The book's "today"; history runs a year back from it. */
  asOf: string;
  seed: number;
}

export interface BookCounts {
  accounts: number;
  contacts: number;
  touches: number;
  touchContacts: number;
  metricSamples: number;
  revenueEvents: number;
  surveyResponses: number;
}

/** mulberry32: a small, fast, seedable PRNG, so two runs build byte-identical books. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** Integer in [lo, hi]. */
    int: (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p: number): boolean => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    /** Picks by weight: weights[i] is the relative odds of items[i]. */
    weighted: <T>(items: readonly T[], weights: readonly number[]): T => {
      let r = next() * weights.reduce((s, w) => s + w, 0);
      for (let i = 0; i < items.length; i++) if ((r -= weights[i]) < 0) return items[i];
      return items[items.length - 1];
    },
  };
}
type Rng = ReturnType<typeof prng>;

const HISTORY_DAYS = 365;
const WORDS = ['renewal', 'roadmap', 'adoption', 'training', 'pricing', 'integration', 'escalation', 'QBR', 'onboarding', 'champion'];
const sentence = (rng: Rng, words: number): string =>
  Array.from({ length: words }, () => rng.pick(WORDS)).join(' ');

interface Contact {
  id: number;
  exec: boolean;
  user: boolean;
}

/** Rows bound for one table, sorted by date before insertion (see the header comment). */
interface Dated<T> {
  date: string;
  row: T;
}

export function generateBook(sqlite: Sqlite, options: BookOptions): BookCounts {
  const rng = prng(options.seed);
  const { asOf } = options;
  const start = addDays(asOf, -HISTORY_DAYS);
  const dayAt = (offset: number): string => addDays(start, offset); // offset 0…HISTORY_DAYS
  const counts: BookCounts = {
    accounts: 0, contacts: 0, touches: 0, touchContacts: 0, metricSamples: 0, revenueEvents: 0, surveyResponses: 0,
  };
  const tx = <T>(fn: () => T): T => sqlite.transaction(fn)();
  // A big page cache while writing (the indexes are updated in random order); the app's own setting
  // comes back afterwards so the measurements see the database as the app opens it.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -262144');

  // ---- accounts ----
  const insertAccount = sqlite.prepare(
    `INSERT INTO accounts (id, external_id, name, segment, stage, mrr_cents, contract_start, renewal_date, seats, industry, website)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const segments: Segment[] = [];
  const seatsOf: number[] = [];
  tx(() => {
    for (let id = 1; id <= options.accounts; id++) {
      const segment = rng.weighted(SEGMENTS, [15, 35, 50]);
      const stage = rng.weighted(['incubation', 'onboarding', 'adoption', 'expansion', 'triage', 'churned'] as const, [5, 12, 50, 18, 8, 7]);
      const seats = segment === 'enterprise' ? rng.int(200, 5000) : segment === 'mid_market' ? rng.int(30, 400) : rng.int(3, 40);
      const contractStart = addDays(asOf, -rng.int(30, 1500));
      const renewal = rng.chance(0.95) ? addDays(asOf, rng.int(-60, 365)) : null;
      const mrr = seats * rng.int(2000, 9000);
      insertAccount.run(id, `ACC-${id}`, `Account ${id}`, segment, stage, mrr, contractStart, renewal, rng.chance(0.9) ? seats : null, rng.pick(['SaaS', 'Retail', 'Finance', 'Health']), `https://a${id}.example`);
      segments[id] = segment;
      seatsOf[id] = seats;
      counts.accounts++;
    }
  });

  // ---- contacts: ~5 per account, larger accounts have more ----
  const insertContact = sqlite.prepare(
    `INSERT INTO contacts (id, account_id, name, email, title, level, is_user, role, strength, left_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const contactsOf: Contact[][] = [];
  tx(() => {
    let id = 0;
    for (let account = 1; account <= options.accounts; account++) {
      const n = segments[account] === 'enterprise' ? rng.int(5, 11) : segments[account] === 'mid_market' ? rng.int(3, 7) : rng.int(1, 6);
      const list: Contact[] = [];
      for (let k = 0; k < n; k++) {
        id++;
        const level = rng.weighted(CONTACT_LEVELS, [45, 25, 15, 10, 5]);
        const exec = level === 'director' || level === 'vp' || level === 'c_level';
        const user = !exec && rng.chance(0.7);
        const left = rng.chance(0.08) ? dayAt(rng.int(0, HISTORY_DAYS + 30)) : null; // some leave after as-of
        const role = rng.chance(0.4) ? rng.pick(['champion', 'sponsor', 'decision_maker', 'influencer', 'detractor']) : null;
        insertContact.run(id, account, `Contact ${id}`, `c${id}@a${account}.example`, level, level, user ? 1 : 0, role, rng.int(0, 4), left);
        list.push({ id, exec, user });
        counts.contacts++;
      }
      contactsOf[account] = list;
    }
  });

  // ---- touches (~30 per account), their contacts, sentiment on ~40% ----
  type TouchRow = [account: number, type: string, occurredAt: string, summary: string, notes: string, sentiment: number | null, contactIds: number[]];
  const touchRows: Dated<TouchRow>[] = [];
  for (let account = 1; account <= options.accounts; account++) {
    const n = rng.weighted([0, 10, 25, 40, 60], [3, 20, 35, 30, 12]) + rng.int(0, 5);
    const people = contactsOf[account];
    for (let k = 0; k < n; k++) {
      const date = dayAt(rng.int(0, HISTORY_DAYS + 10)); // a few are logged ahead of as-of
      const linked = rng.int(0, Math.min(3, people.length));
      const ids = new Set<number>();
      for (let j = 0; j < linked; j++) ids.add(rng.pick(people).id);
      const at = rng.chance(0.7) ? `${date}T${String(rng.int(8, 18)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z` : date;
      touchRows.push({
        date,
        row: [account, rng.pick(TOUCH_TYPES), at, sentence(rng, 5), rng.chance(0.3) ? sentence(rng, 20) : '', rng.chance(0.4) ? rng.int(-2, 2) : null, [...ids].sort((x, y) => x - y)],
      });
    }
  }
  touchRows.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const insertTouch = sqlite.prepare(
    'INSERT INTO touches (id, account_id, type, occurred_at, summary, notes, sentiment) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertLink = sqlite.prepare('INSERT INTO touch_contacts (touch_id, contact_id) VALUES (?, ?)');
  tx(() => {
    let id = 0;
    for (const { row } of touchRows) {
      id++;
      insertTouch.run(id, row[0], row[1], row[2], row[3], row[4], row[5]);
      counts.touches++;
      for (const contactId of row[6]) {
        insertLink.run(id, contactId);
        counts.touchContacts++;
      }
    }
  });
  touchRows.length = 0;

  // ---- metric samples (~50 per account): adoption every 2 weeks, users monthly, tickets, invoices ----
  const sampleRows: Dated<[account: number, key: string, value: number]>[] = [];
  for (let account = 1; account <= options.accounts; account++) {
    const seats = seatsOf[account];
    const healthy = rng.next(); // a per-account tendency, so adoption, users and tickets agree
    const hasAdoption = rng.chance(0.9); // the rest derive adoption from active_users / seats
    let adoption = 20 + healthy * 70;
    const series = (key: string, every: number, value: () => number) => {
      for (let d = rng.int(0, every - 1); d <= HISTORY_DAYS; d += every) sampleRows.push({ date: dayAt(d), row: [account, key, value()] });
    };
    if (hasAdoption) {
      series('adoption', 14, () => {
        // A random walk with the odd cliff, so the adoption-drop rule fires on some accounts.
        adoption = Math.max(0, Math.min(100, rng.chance(0.03) ? adoption * 0.6 : adoption + rng.int(-5, 5)));
        return Math.round(adoption * 10) / 10;
      });
    }
    series('active_users', hasAdoption ? 28 : 14, () => Math.round(seats * (0.2 + healthy * 0.7) * (0.8 + rng.next() * 0.4)));
    series('open_tickets', hasAdoption ? 40 : 30, () => rng.int(0, Math.round(6 * (1 - healthy))));
    series('overdue_invoices', 120, () => (rng.chance(0.1) ? rng.int(1, 3) : 0));
  }
  sampleRows.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const insertSample = sqlite.prepare('INSERT INTO metric_samples (account_id, date, key, value) VALUES (?, ?, ?, ?)');
  tx(() => {
    for (const { date, row } of sampleRows) {
      insertSample.run(row[0], date, row[1], row[2]);
      counts.metricSamples++;
    }
  });
  sampleRows.length = 0;

  // ---- revenue events (a `new` at contract start, then expansions, contractions, churn) ----
  const insertRevenue = sqlite.prepare('INSERT INTO revenue_events (account_id, date, kind, mrr_delta_cents) VALUES (?, ?, ?, ?)');
  tx(() => {
    for (let account = 1; account <= options.accounts; account++) {
      const base = rng.int(10_000, 2_000_000);
      insertRevenue.run(account, dayAt(rng.int(0, 60)), 'new', base);
      counts.revenueEvents++;
      for (let k = rng.int(0, 3); k > 0; k--) {
        const kind = rng.weighted(['expansion', 'contraction', 'renewal', 'churn'] as const, [5, 2, 3, 1]);
        const delta = kind === 'churn' ? -base : kind === 'contraction' ? -rng.int(1, base / 4) : kind === 'expansion' ? rng.int(1, base / 2) : 0;
        insertRevenue.run(account, dayAt(rng.int(61, HISTORY_DAYS)), kind, delta);
        counts.revenueEvents++;
      }
    }
  });

  // ---- survey responses (~2 per account: NPS mostly, some CSAT and CES) ----
  const insertSurvey = sqlite.prepare('INSERT INTO survey_responses (account_id, contact_id, kind, score, date, comment) VALUES (?, ?, ?, ?, ?, ?)');
  tx(() => {
    for (let account = 1; account <= options.accounts; account++) {
      for (let k = rng.int(0, 4); k > 0; k--) {
        const kind = rng.weighted(['nps', 'csat', 'ces'] as const, [6, 3, 1]);
        const score = kind === 'nps' ? rng.int(0, 10) : kind === 'csat' ? rng.int(1, 5) : rng.int(1, 7);
        const people = contactsOf[account];
        insertSurvey.run(account, rng.chance(0.6) ? rng.pick(people).id : null, kind, score, dayAt(rng.int(0, HISTORY_DAYS)), rng.chance(0.3) ? sentence(rng, 8) : '');
        counts.surveyResponses++;
      }
    }
  });

  sqlite.pragma(`cache_size = ${cacheSize}`);
  return counts;
}
