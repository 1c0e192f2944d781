// The book's health at past and present dates, for the metrics of a month (SPEC "Portfolio metrics":
// triage value) and the trends (SPEC "Trends": band mix, share within cadence, executive coverage).
//
// Each account's state at a date is its snapshot recorded that day — what the app said then — and,
// for an account without one, the scoring at that date (anything dated later is ignored, so history
// is honest). Those are recorded as snapshots too, like the sample book's backfilled history, so the
// next read of that date is one indexed query instead of a rescore of the book: a year of month ends
// of a 10,000-account book reads in a fraction of a second once recorded (`npm run bench`). Flags are
// never written here: they are records of what was raised when the CSM was looking.
//
// Executive coverage is read from the contacts (strength and level as they are now, minus those who
// had left by then — contacts carry no other history), exactly as the scoring counts strongExecs.
import { COMPONENTS, EXECUTIVE_LEVELS, type AnyBand, type Segment } from '../../../shared/domain';
import { toDayNumber } from '../../../shared/dates';
import { isSqliteBusy } from '../../../shared/errors';
import { scoreAccountOf, type AccountScore, type PackedBook } from '../../../shared/scoring';
import { encodeComponents } from '../../../shared/scoring/snapshot-components';
import type { Settings } from '../../../shared/settings';
import type { Sqlite } from '../../db/open';
import type { createFactsReader } from './facts';

export interface AccountStateAt {
  band: AnyBand;
  inTriage: boolean;
  /** Customer contact within the segment's cadence: the engagement component at 100 (SPEC table). */
  withinCadence: boolean;
  /** At least requiredExecs(segment) strong executives who had not left by that date. */
  execCovered: boolean;
}

/** Below this many missing snapshots, accounts are read one by one through their indexes. */
const FEW = 200;

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

export function createStatesReader(sqlite: Sqlite, facts: ReturnType<typeof createFactsReader>, getSettings: () => Settings) {
  const activeAccounts = sqlite.prepare('SELECT id, segment FROM accounts WHERE archived = 0 ORDER BY id').raw();
  // The engagement score from either stored form (shared/scoring/snapshot-components.ts): the compact
  // array (entry COMPONENTS.indexOf('engagement'), its first item) or the older object.
  const engagement = COMPONENTS.indexOf('engagement');
  const recordedOn = sqlite
    .prepare(
      `SELECT account_id, band, in_triage,
              coalesce(json_extract(components, '$[${engagement}][0]'), json_extract(components, '$.engagement.score'))
       FROM health_snapshots WHERE date = ?`,
    )
    .raw();
  const recordSnapshot = sqlite.prepare(`
    INSERT INTO health_snapshots (account_id, date, score, band, confidence, components, in_triage)
    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, date) DO NOTHING`);
  const strongExecs = sqlite
    .prepare(`SELECT account_id, left_on FROM contacts WHERE level IN (${EXECUTIVE_LEVELS.map(quote).join(', ')}) AND strength >= ?`)
    .raw();

  /** The scoring at `date` of the accounts `ids`, from one book read when many, else one by one. */
  function scoreMissing(missing: Map<string, number[]>, settings: Settings): Map<string, Map<number, AccountScore>> {
    const total = [...missing.values()].reduce((n, ids) => n + ids.length, 0);
    const scored = new Map<string, Map<number, AccountScore>>();
    let book: { packed: PackedBook; index: Map<number, number> } | null = null;
    if (total > FEW) {
      const packed = facts.all();
      book = { packed, index: new Map(packed.accounts.map((a, i) => [a.id, i])) };
    }
    for (const [date, ids] of missing) {
      const byId = new Map<number, AccountScore>();
      for (const id of ids) {
        if (book) {
          const a = book.index.get(id);
          if (a !== undefined) byId.set(id, scoreAccountOf(book.packed, a, date, settings));
        } else {
          const one = facts.one(id);
          if (one) byId.set(id, scoreAccountOf(one, 0, date, settings));
        }
      }
      scored.set(date, byId);
    }
    return scored;
  }

  /** Records what was scored; a busy database (an import writing) only means it is scored again next time. */
  function record(scored: Map<string, Map<number, AccountScore>>): void {
    try {
      sqlite.transaction(() => {
        for (const [date, byId] of scored) {
          for (const [id, { health, inTriage }] of byId) {
            recordSnapshot.run(id, date, health.score, health.band, health.confidence, encodeComponents(health.components), inTriage ? 1 : 0);
          }
        }
      })();
    } catch (err) {
      if (!isSqliteBusy(err)) throw err;
    }
  }

  /** Account id → days (day numbers) its strong executives left, NaN for those who have not. */
  function strongExecLeaving(settings: Settings): Map<number, number[]> {
    const byAccount = new Map<number, number[]>();
    for (const [accountId, leftOn] of strongExecs.all(settings.relationships.strongStrength) as [number, string | null][]) {
      const list = byAccount.get(accountId);
      const day = leftOn === null ? NaN : toDayNumber(leftOn);
      if (list) list.push(day);
      else byAccount.set(accountId, [day]);
    }
    return byAccount;
  }

  return {
    /** Every account's (not archived) state at each of `dates`: date → account id → state. */
    statesAt(dates: readonly string[]): Map<string, Map<number, AccountStateAt>> {
      const settings = getSettings();
      const accounts = activeAccounts.all() as [number, Segment][];
      const leaving = strongExecLeaving(settings);
      const unique = [...new Set(dates)];

      const recorded = new Map<string, Map<number, [AnyBand, number, number | null]>>();
      const missing = new Map<string, number[]>();
      for (const date of unique) {
        const rows = new Map((recordedOn.all(date) as [number, AnyBand, number, number | null][]).map((r) => [r[0], [r[1], r[2], r[3]] as [AnyBand, number, number | null]]));
        recorded.set(date, rows);
        const lacking = accounts.filter(([id]) => !rows.has(id)).map(([id]) => id);
        if (lacking.length) missing.set(date, lacking);
      }
      const scored = missing.size ? scoreMissing(missing, settings) : new Map<string, Map<number, AccountScore>>();
      if (scored.size) record(scored);

      const states = new Map<string, Map<number, AccountStateAt>>();
      for (const date of unique) {
        const day = toDayNumber(date);
        const rows = recorded.get(date)!;
        const fresh = scored.get(date);
        const byId = new Map<number, AccountStateAt>();
        for (const [id, segment] of accounts) {
          // readPeopleOf: a contact who left on or before the date no longer counts.
          const execs = (leaving.get(id) ?? []).filter((left) => !(left <= day)).length;
          const execCovered = execs >= settings.requiredExecs[segment];
          const row = rows.get(id);
          if (row) {
            byId.set(id, { band: row[0], inTriage: row[1] === 1, withinCadence: row[2] !== null && row[2] >= 100, execCovered });
            continue;
          }
          const score = fresh?.get(id);
          if (!score) continue; // deleted between the two reads
          const engagement = score.health.components.engagement;
          byId.set(id, { band: score.health.band, inTriage: score.inTriage, withinCadence: engagement !== null && engagement.score >= 100, execCovered });
        }
        states.set(date, byId);
      }
      return states;
    },
  };
}
