// Writes the sample book (book.ts) into a Tend database in one transaction: either the whole book
// lands or nothing does. Also maps the plain book to scoring facts, so tests and previews can
// score it without a database.
import { like } from 'drizzle-orm';
import type { TendDb, Sqlite } from '../../db/open';
import {
  accounts,
  contacts,
  metricSamples,
  revenueEvents,
  successGoals,
  surveyResponses,
  touchContacts,
  touches,
} from '../../db/schema';
import type { AccountFacts } from '../../../shared/scoring/types';
import { buildDemoBook, type DemoBook } from './book';
import { insertDemoTriageCases } from './numbers';

export interface DemoLoadResult {
  accounts: number;
  contacts: number;
  touches: number;
}

/** The prefix every sample account's external id starts with; it is how "already loaded" is told. */
export const DEMO_EXTERNAL_ID_PREFIX = 'DEMO-';
export const DEMO_ALREADY_LOADED = 'The sample book is already loaded.';

// Metric rows are inserted in slices so one statement stays far below SQLite's variable limit.
const SAMPLE_CHUNK = 200;

/**
 * Loads the sample book as of `asOf` (YYYY-MM-DD). Throws Error(DEMO_ALREADY_LOADED) when any
 * account with a DEMO- external id exists, leaving the database unchanged.
 */
export function loadDemoBook(db: TendDb, sqlite: Sqlite, asOf: string): DemoLoadResult {
  const book = buildDemoBook(asOf);
  return sqlite.transaction((): DemoLoadResult => {
    // Checked inside the transaction so two loads racing on one file cannot both pass.
    const existing = db
      .select({ id: accounts.id })
      .from(accounts)
      .where(like(accounts.externalId, `${DEMO_EXTERNAL_ID_PREFIX}%`))
      .limit(1)
      .get();
    if (existing) throw new Error(DEMO_ALREADY_LOADED);

    const counts: DemoLoadResult = { accounts: 0, contacts: 0, touches: 0 };
    const idsByName = new Map<string, number>();
    for (const account of book.accounts) {
      const { id: accountId } = db
        .insert(accounts)
        .values({
          externalId: account.externalId,
          name: account.name,
          segment: account.segment,
          stage: account.stage,
          mrrCents: account.mrrCents,
          currency: account.currency,
          contractStart: account.contractStart,
          renewalDate: account.renewalDate,
          seats: account.seats,
          industry: account.industry,
          website: account.website,
          notes: account.notes,
        })
        .returning({ id: accounts.id })
        .get();
      idsByName.set(account.name, accountId);
      counts.accounts++;

      const contactIds = account.contacts.map(
        (c) =>
          db
            .insert(contacts)
            .values({
              accountId,
              name: c.name,
              email: c.email,
              title: c.title,
              level: c.level,
              isUser: c.isUser,
              role: c.role,
              strength: c.strength,
              leftOn: c.leftOn,
              notes: c.notes,
            })
            .returning({ id: contacts.id })
            .get().id,
      );
      counts.contacts += contactIds.length;

      for (const t of account.touches) {
        const { id: touchId } = db
          .insert(touches)
          .values({
            accountId,
            type: t.type,
            occurredAt: t.occurredAt,
            summary: t.summary,
            notes: t.notes,
            sentiment: t.sentiment,
            nextStep: t.nextStep,
            // What was agreed in a meeting or review is shared with the customer (its QBR copy lists it).
            nextStepShared: t.nextStep !== null && (t.type === 'meeting' || t.type === 'qbr'),
            followUpDue: t.followUpDue,
          })
          .returning({ id: touches.id })
          .get();
        if (t.contactIdx.length > 0) {
          db.insert(touchContacts)
            .values(t.contactIdx.map((i) => ({ touchId, contactId: contactIds[i] })))
            .run();
        }
        counts.touches++;
      }

      for (let i = 0; i < account.samples.length; i += SAMPLE_CHUNK) {
        db.insert(metricSamples)
          .values(account.samples.slice(i, i + SAMPLE_CHUNK).map((s) => ({ accountId, date: s.date, key: s.key, value: s.value })))
          .run();
      }
      if (account.revenue.length > 0) {
        db.insert(revenueEvents)
          .values(account.revenue.map((r) => ({ accountId, date: r.date, kind: r.kind, mrrDeltaCents: r.mrrDeltaCents })))
          .run();
      }
      if (account.surveys.length > 0) {
        db.insert(surveyResponses)
          .values(
            account.surveys.map((s) => ({
              accountId,
              contactId: s.contactIdx === null ? null : contactIds[s.contactIdx],
              kind: s.kind,
              score: s.score,
              date: s.date,
              comment: s.comment,
            })),
          )
          .run();
      }
      if (account.goals.length > 0) {
        db.insert(successGoals)
          .values(account.goals.map((g) => ({ accountId, ...g })))
          .run();
      }
    }
    insertDemoTriageCases(sqlite, book, demoFactsFor(book), idsByName);
    return counts;
  })();
}

/**
 * The book as scoring facts, numbered the way a load into an empty database numbers it: account
 * ids 1…n in book order, contact ids 1…m across the whole book.
 */
export function demoFactsFor(book: DemoBook): AccountFacts[] {
  let nextContactId = 1;
  return book.accounts.map((account, index) => {
    const ids = account.contacts.map(() => nextContactId++);
    return {
      id: index + 1,
      segment: account.segment,
      stage: account.stage,
      archived: false,
      contractStart: account.contractStart,
      renewalDate: account.renewalDate,
      seats: account.seats,
      // The database stamps created_at when the book is loaded, i.e. on the as-of day.
      createdAt: book.asOf,
      contacts: account.contacts.map((c, i) => ({ id: ids[i], level: c.level, isUser: c.isUser, strength: c.strength, leftOn: c.leftOn })),
      touches: account.touches.map((t) => ({ date: t.occurredAt, type: t.type, sentiment: t.sentiment, contactIds: t.contactIdx.map((i) => ids[i]) })),
      samples: account.samples.map((s) => ({ date: s.date, key: s.key, value: s.value })),
      surveys: account.surveys.map((s) => ({ date: s.date, kind: s.kind, score: s.score })),
    };
  });
}
