// Upgrading a user's file (issue 7): a database made by the FIRST schema version, with data in
// every table, migrated to the latest keeps every row.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { MIGRATIONS, tempDir } from '../helpers';

/** A copy of drizzle/ holding only the first `count` migrations (1: what Tend 0.1 shipped). */
function firstVersionMigrations(count = 1): string {
  const folder = path.join(tempDir(), `drizzle-v${count}`);
  fs.cpSync(MIGRATIONS, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe('migrating a first-version database', () => {
  it('keeps every row of every table', async () => {
    const v1 = await openDatabase(path.join(tempDir(), 'old.db'), { migrationsFolder: firstVersionMigrations() });
    const sql = v1.sqlite;
    sql.exec(`
      INSERT INTO import_batches (id, file_name, kind) VALUES (1, 'accounts.csv', 'accounts');
      INSERT INTO accounts (id, external_id, name, segment, stage, mrr_cents, renewal_date, custom_fields, import_batch_id)
        VALUES (1, 'A-1', 'Acme', 'enterprise', 'adoption', 120000, '2027-01-01', '{"Region":"EMEA"}', 1);
      INSERT INTO contacts (id, account_id, name, email, level, is_user, strength) VALUES (1, 1, 'Dana', 'dana@acme.test', 'vp', 0, 3);
      INSERT INTO touches (id, account_id, type, occurred_at, summary, notes, sentiment) VALUES (1, 1, 'meeting', '2026-11-01', 'QBR prep', 'Discussed the roadmap', 1);
      INSERT INTO touch_contacts (touch_id, contact_id) VALUES (1, 1);
      INSERT INTO metric_samples (account_id, date, key, value) VALUES (1, '2026-11-01', 'adoption', 72);
      INSERT INTO revenue_events (account_id, date, kind, mrr_delta_cents) VALUES (1, '2026-01-01', 'new', 120000);
      INSERT INTO survey_responses (account_id, contact_id, kind, score, date) VALUES (1, 1, 'nps', 9, '2026-10-01');
      INSERT INTO success_goals (account_id, goal) VALUES (1, 'Cut onboarding time by half');
      INSERT INTO health_snapshots (account_id, date, score, band, confidence, components) VALUES (1, '2026-11-01', 80, 'healthy', 1, '{}');
      INSERT INTO flags (account_id, rule, severity, reason, raised_at) VALUES (1, 'single_threaded', 'high', 'Only 1 strong executive', '2026-11-01');
      INSERT INTO reminders (account_id, title, due) VALUES (1, 'Send the deck', '2026-11-30');
      INSERT INTO settings (key, value) VALUES ('scoring', '{"csmName":"Sam"}');
      INSERT INTO settings_history (key, value) VALUES ('scoring', '{}');
      INSERT INTO import_presets (name, kind, headers_key, mapping) VALUES ('CRM', 'accounts', 'id|name', '{}');
    `);
    const tables = sql
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'")
      .pluck()
      .all() as string[];
    const dump = (db: Database.Database) =>
      Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
    const before = dump(sql);
    v1.close();

    const latest = await openDatabase(v1.file, { migrationsFolder: MIGRATIONS });
    const after = dump(latest.sqlite);
    for (const table of tables) {
      // Every old row is still there with its old values (new columns may have been added).
      expect(after[table]).toHaveLength((before[table] as unknown[]).length);
      (before[table] as Record<string, unknown>[]).forEach((row, i) => expect(after[table][i]).toMatchObject(row));
    }
    expect(latest.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    latest.close();
  });

  it('adds contacts.external_id (0002): the contacts of an older file survive with none, and the id is unique when set', async () => {
    const old = await openDatabase(path.join(tempDir(), 'before-0002.db'), { migrationsFolder: firstVersionMigrations(2) });
    old.sqlite.exec(`
      INSERT INTO accounts (id, name) VALUES (1, 'Acme');
      INSERT INTO contacts (id, account_id, name, email) VALUES (1, 1, 'Dana', 'dana@acme.test'), (2, 1, 'Lee', NULL);
      INSERT INTO touches (id, account_id, type, occurred_at, summary) VALUES (1, 1, 'call', '2026-11-02', 'Kickoff');
      INSERT INTO touch_contacts (touch_id, contact_id) VALUES (1, 1), (1, 2);
    `);
    const before = old.sqlite.prepare('SELECT * FROM contacts ORDER BY id').all() as Record<string, unknown>[];
    old.close();

    const latest = await openDatabase(old.file, { migrationsFolder: MIGRATIONS });
    const after = latest.sqlite.prepare('SELECT * FROM contacts ORDER BY id').all() as Record<string, unknown>[];
    // Later migrations add columns too: every old value is kept and the new id is empty.
    after.forEach((row, i) => expect(row).toMatchObject({ ...before[i], external_id: null }));
    expect(after).toHaveLength(before.length);
    expect(latest.sqlite.prepare('SELECT count(*) FROM touch_contacts').pluck().get()).toBe(2);
    // Any number of contacts without an id; one contact per id.
    latest.sqlite.prepare("INSERT INTO contacts (account_id, name) VALUES (1, 'Sam')").run();
    latest.sqlite.prepare("UPDATE contacts SET external_id = '003A' WHERE id = 1").run();
    expect(() => latest.sqlite.prepare("UPDATE contacts SET external_id = '003A' WHERE id = 2").run()).toThrow(/UNIQUE constraint failed: contacts.external_id/);
    expect(latest.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    latest.close();
  });
});
