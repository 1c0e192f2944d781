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
import { ALL_BANDS, EXECUTIVE_LEVELS, type AnyBand, type Segment } from '../../../shared/domain';
import { toDayNumber } from '../../../shared/dates';
import { isSqliteBusy } from '../../../shared/errors';
import { scoreAccountOf, type AccountScore, type PackedBook } from '../../../shared/scoring';
import { encodeComponents } from '../../../shared/scoring/snapshot-components';
import type { Settings } from '../../../shared/settings';
import type { Sqlite } from '../../db/open';
import { SNAPSHOT_ENGAGEMENT_SQL } from '../../db/snapshot-sql';
import type { createFactsReader } from './facts';

export interface AccountStateAt {
  band: AnyBand;
  inTriage: boolean;
  /** Customer contact within the segment's cadence: the engagement component at 100 (SPEC table). */
  withinCadence: boolean;
  /** At least requiredExecs(segment) strong executives who had not left by that date. */
  execCovered: boolean;
}

/**
 * A recorded state as recordedOn packs it: ((account id × 4 + band) × 2 + in triage) × 2 + within
 * cadence, the band as its place in ALL_BANDS. Plain arithmetic, not bit operations: ids may pass 2^31.
 */
const PACKED = {
  accountId: (code: number): number => Math.floor(code / 16),
  band: (code: number): AnyBand => ALL_BANDS[Math.floor(code / 4) % 4],
  inTriage: (code: number): boolean => Math.floor(code / 2) % 2 === 1,
  withinCadence: (code: number): boolean => code % 2 === 1,
};

const NONE: readonly number[] = [];

/**
 * States are shared, never copied: there are only 32 of them (4 bands × three yes/no), and a year of
 * month ends of a 10,000-account book would otherwise allocate 120,000 small objects per read.
 */
const STATES: AccountStateAt[] = ALL_BANDS.flatMap((band) =>
  [0, 1, 2, 3, 4, 5, 6, 7].map((bits) => Object.freeze({ band, inTriage: (bits & 1) > 0, withinCadence: (bits & 2) > 0, execCovered: (bits & 4) > 0 })),
);
function stateOf(band: AnyBand, inTriage: boolean, withinCadence: boolean, execCovered: boolean): AccountStateAt {
  return STATES[ALL_BANDS.indexOf(band) * 8 + (inTriage ? 1 : 0) + (withinCadence ? 2 : 0) + (execCovered ? 4 : 0)];
}

/**
 * Each recorded state at a date as one number (see PACKED), read from the covering index
 * health_snapshots_date_state alone: a row of four values per account and month end costs more than
 * the reading itself. Account ids are SQLite rowids, never negative; below 2^49 they pack exactly.
 */
export const RECORDED_STATES_SQL = `SELECT ((account_id * 4 + CASE band ${ALL_BANDS.map((b, i) => `WHEN '${b}' THEN ${i}`).join(' ')} END) * 2 + in_triage) * 2
       + coalesce(${SNAPSHOT_ENGAGEMENT_SQL} >= 100, 0)
  FROM health_snapshots WHERE date = ?`;

/** Below this many missing snapshots, accounts are read one by one through their indexes. */
const FEW = 200;

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

export function createStatesReader(sqlite: Sqlite, facts: ReturnType<typeof createFactsReader>, getSettings: () => Settings) {
  const activeAccounts = sqlite.prepare('SELECT id, segment FROM accounts WHERE archived = 0 ORDER BY id').raw();
  const recordedOn = sqlite.prepare(RECORDED_STATES_SQL).pluck();
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

      const recorded = new Map<string, Map<number, number>>(); // date → account id → packed state
      const missing = new Map<string, number[]>();
      for (const date of unique) {
        const rows = new Map<number, number>();
        for (const code of recordedOn.all(date) as (number | null)[]) if (code !== null) rows.set(PACKED.accountId(code), code);
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
          let execs = 0;
          for (const left of leaving.get(id) ?? NONE) if (!(left <= day)) execs++;
          const execCovered = execs >= settings.requiredExecs[segment];
          const code = rows.get(id);
          if (code !== undefined) {
            byId.set(id, stateOf(PACKED.band(code), PACKED.inTriage(code), PACKED.withinCadence(code), execCovered));
            continue;
          }
          const score = fresh?.get(id);
          if (!score) continue; // deleted between the two reads
          const engagement = score.health.components.engagement;
          byId.set(id, stateOf(score.health.band, score.inTriage, engagement !== null && engagement.score >= 100, execCovered));
        }
        states.set(date, byId);
      }
      return states;
    },
  };
}
