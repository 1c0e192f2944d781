// Finding the accounts and contacts an import's rows are about: by the CRM's id, by e-mail, by name.
// Maps are filled once per import (a 200,000-row file never asks SQLite per row) and kept in step with
// the rows the import writes, so a file that names the same record twice updates it the second time.
// A name two records share is AMBIGUOUS: rows that would need it are reported, never guessed.
import type { Database } from 'better-sqlite3';
import type { ImportRecord, RowError } from './validate';

export const AMBIGUOUS = -1;

export const lower = (s: unknown) => String(s).trim().toLowerCase();

export function setOrAmbiguous<K>(map: Map<K, number>, key: K, id: number): void {
  const seen = map.get(key);
  map.set(key, seen === undefined || seen === id ? id : AMBIGUOUS);
}

/**
 * Accounts by external id (always needed) and, built only when a row needs it, by name: a file whose
 * rows all carry external ids never pays for the name map. Built inside the import's transaction,
 * the lazy map also sees the accounts the import inserted before it.
 */
export class AccountIndex {
  readonly byExternalId = new Map<string, number>();
  /** Accounts without an external id, by name: the ones an imported external id may adopt. */
  readonly byNameWithoutExternalId = new Map<string, number>();
  private names: Map<string, number> | null = null;

  /**
   * `written`: in a dry run, the accounts the run would have written so far (name, id), which are not
   * in the database for the name map to find; asked for only if the map is ever built.
   */
  constructor(
    private readonly sqlite: Database,
    private readonly written?: () => Iterable<[unknown, number]>,
  ) {
    for (const [id, externalId] of sqlite.prepare('SELECT id, external_id FROM accounts WHERE external_id IS NOT NULL').raw().all() as [number, string][]) {
      this.byExternalId.set(externalId, id);
    }
    for (const [id, name] of sqlite.prepare('SELECT id, name FROM accounts WHERE external_id IS NULL').raw().all() as [number, string][]) {
      setOrAmbiguous(this.byNameWithoutExternalId, lower(name), id);
    }
  }

  byName(): Map<string, number> {
    if (!this.names) {
      this.names = new Map();
      for (const [id, name] of this.sqlite.prepare('SELECT id, name FROM accounts').raw().all() as [number, string][]) {
        setOrAmbiguous(this.names, lower(name), id);
      }
      if (this.written) for (const [name, id] of this.written()) setOrAmbiguous(this.names, lower(name), id);
    }
    return this.names;
  }

  /** Keeps the name map (once built) in step with a row the import wrote (or, in a dry run, would write). */
  noteName(name: unknown, id: number): void {
    if (this.names) setOrAmbiguous(this.names, lower(name), id);
  }
}

export interface ContactRef {
  id: number;
  accountId: number;
  externalId: string | null;
}

export interface ContactIndex {
  byExternalId: Map<string, ContactRef>;
  byEmail: Map<string, ContactRef>;
  /** `${accountId}\u0001${lower name}` → id. */
  byAccountName: Map<string, number>;
  /** Contacts with neither e-mail nor external id (made by hand): the ones an imported key may adopt. */
  byAccountNameWithoutKey: Map<string, number>;
}

export const contactKey = (accountId: number, name: unknown) => `${accountId}\u0001${lower(name)}`;

export function loadContacts(sqlite: Database): ContactIndex {
  const index: ContactIndex = { byExternalId: new Map(), byEmail: new Map(), byAccountName: new Map(), byAccountNameWithoutKey: new Map() };
  const rows = sqlite.prepare('SELECT id, account_id, email, name, external_id FROM contacts').raw().all() as [number, number, string | null, string, string | null][];
  for (const [id, accountId, email, name, externalId] of rows) {
    const ref = { id, accountId, externalId };
    if (externalId) index.byExternalId.set(externalId, ref);
    if (email) index.byEmail.set(lower(email), ref);
    setOrAmbiguous(index.byAccountName, contactKey(accountId, name), id);
    if (!email && !externalId) setOrAmbiguous(index.byAccountNameWithoutKey, contactKey(accountId, name), id);
  }
  return index;
}

export type Resolved = { id: number; error?: undefined } | { error: RowError; id?: undefined };

/** The account a row links to: its external id, else its name (a name two accounts share is an error). */
export function accountResolver(accounts: AccountIndex, headerOf: (field: string) => string) {
  return (record: ImportRecord): Resolved => {
    const { accountExternalId: externalId, accountName: name } = record.values;
    if (externalId !== undefined) {
      const id = accounts.byExternalId.get(String(externalId));
      if (id !== undefined) return { id };
    }
    if (name !== undefined) {
      const id = accounts.byName().get(lower(name));
      if (id === AMBIGUOUS) {
        return {
          error: {
            row: record.row,
            column: headerOf('accountName'),
            value: String(name),
            message: `several accounts are named "${name}"; give the row the account's external id to tell them apart`,
          },
        };
      }
      if (id !== undefined) return { id };
    }
    const column = externalId !== undefined ? headerOf('accountExternalId') : headerOf('accountName');
    const what = [externalId !== undefined ? `the external id "${externalId}"` : null, name !== undefined ? `the name "${name}"` : null]
      .filter(Boolean)
      .join(' or ');
    return {
      error: {
        row: record.row,
        column,
        value: String(externalId ?? name),
        message: `no account has ${what}; import the accounts first, or correct the ${externalId !== undefined ? 'id' : 'name'}`,
      },
    };
  };
}

/**
 * A set of strings in one open-addressing table (FNV-1a hashes, linear probing), grown by doubling.
 * A dry run adds every external id of a 200,000-row file to it: sized from the file up front, it is
 * never rehashed on the way, which a JS Set (rebuilt at every doubling) is, about seventeen times.
 */
export class KeySet {
  private slots: Int32Array;
  private readonly keys: string[] = [];
  private mask: number;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.keys.length;
  }

  /** Adds the key; false when it was there already. */
  add(key: string): boolean {
    let i = hash(key) & this.mask;
    for (;;) {
      const slot = this.slots[i];
      if (slot === -1) break;
      if (this.keys[slot] === key) return false;
      i = (i + 1) & this.mask;
    }
    this.slots[i] = this.keys.length;
    this.keys.push(key);
    if (this.keys.length * 2 > this.slots.length) this.grow();
    return true;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.mask = this.slots.length - 1;
    for (let k = 0; k < this.keys.length; k++) {
      let i = hash(this.keys[k]) & this.mask;
      while (this.slots[i] !== -1) i = (i + 1) & this.mask;
      this.slots[i] = k;
    }
  }
}

function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
