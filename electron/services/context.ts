// What every service receives: the open database and a clock. Domain code never reads the system
// time itself; "today" comes from here so the CLI's --as-of and the tests can fix it.
import type { TendDb, Sqlite } from '../db/open';

export interface Clock {
  /** The as-of calendar date, YYYY-MM-DD (UTC). */
  today(): string;
  /** The current timestamp, ISO. */
  now(): string;
}

export function systemClock(asOf?: string): Clock {
  return {
    today: () => asOf ?? new Date().toISOString().slice(0, 10),
    now: () => new Date().toISOString(),
  };
}

export interface ServiceContext {
  db: TendDb;
  sqlite: Sqlite;
  file: string;
  clock: Clock;
  /** Called after a write that changes what an account's score depends on (incremental rescore). */
  accountChanged(accountId: number): void;
  /** The same for many accounts at once (an import); the scoring service picks the cheapest way. */
  accountsChanged(accountIds: Iterable<number>): void;
}
