// The portfolio and settings-editor services over a real database with the sample book: weekly
// trends from snapshots, the month's metrics, saved views, the settings preview (same pure scoring
// as a save) and save-then-rescore, and the storage panel's database and backups.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { backupFile, backupPathFor } from '../../electron/services/backup';
import { setup } from '../helpers';

type Env = Awaited<ReturnType<typeof setup>>;
let env: Env;

const withWeights = (patch: Partial<Settings['weights']>): Settings => ({
  ...DEFAULT_SETTINGS,
  weights: { ...DEFAULT_SETTINGS.weights, ...patch },
});

beforeAll(async () => {
  env = await setup();
  await env.router.call('demo.load', {});
});

describe('portfolio trends', () => {
  it('returns up to twelve weekly scores per account, oldest first, ending with today', async () => {
    const { asOf, weeks, trends } = await env.router.call('portfolio.trends', {});
    expect(asOf).toBe('2026-11-24');
    expect(weeks).toBe(12);
    expect(trends.length).toBe(env.services.accounts.count());
    const first = trends[0];
    expect(first.scores.length).toBeGreaterThanOrEqual(10);
    expect(first.scores.length).toBeLessThanOrEqual(12);
    const latest = env.opened.sqlite
      .prepare('SELECT score FROM health_snapshots WHERE account_id = ? ORDER BY date DESC LIMIT 1')
      .get(first.accountId) as { score: number };
    expect(first.scores.at(-1)).toBe(latest.score);
  });

  it('honours a shorter window', async () => {
    const { trends } = await env.router.call('portfolio.trends', { weeks: 4 });
    expect(Math.max(...trends.map((t) => t.scores.length))).toBeLessThanOrEqual(4);
  });
});

describe('metrics for a month', () => {
  it('defaults to the month of today and matches the metrics service', async () => {
    const metrics = await env.router.call('metrics.month', {});
    expect(metrics.month).toBe('2026-11');
    expect(metrics).toEqual(env.services.metrics.forMonth('2026-11'));
    expect(metrics.triageArr).toBeGreaterThan(0);
  });

  it('rejects a month that is not YYYY-MM', async () => {
    const result = await env.router.invoke('metrics.month', { month: '2026-13' });
    expect(result.ok).toBe(false);
  });
});

describe('saved views', () => {
  const view = {
    name: 'Enterprise renewals',
    filters: { search: '', segment: ['enterprise'], stage: [], band: [], flag: [], renewalWithin: 90 },
    sort: { key: 'renewal', dir: 'asc' },
  } as const;

  it('saves, lists, replaces by name ignoring case, and deletes', async () => {
    expect(await env.router.call('views.list', {})).toEqual([]);
    await env.router.call('views.save', { view });
    await env.router.call('views.save', { view: { ...view, name: 'At risk', filters: { ...view.filters, band: 'at_risk' } } });
    const replaced = await env.router.call('views.save', { view: { ...view, name: 'enterprise renewals', sort: { key: 'mrr', dir: 'desc' } } });
    expect(replaced.map((v) => v.name)).toEqual(['At risk', 'enterprise renewals']);
    expect(replaced[1].sort).toEqual({ key: 'mrr', dir: 'desc' });
    const stored = env.opened.sqlite.prepare("SELECT value FROM settings WHERE key = 'ui.views'").get() as { value: string };
    expect(JSON.parse(stored.value)).toHaveLength(2);
    expect((await env.router.call('views.delete', { name: 'AT RISK' })).map((v) => v.name)).toEqual(['enterprise renewals']);
  });

  it('loads views saved before filters took several values, as one-value lists', async () => {
    const old = [{ name: 'Old style', filters: { search: '', segment: 'smb', stage: null, band: 'watch', flag: 'any', renewalWithin: null }, sort: { key: 'name', dir: 'asc' } }];
    env.opened.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('ui.views', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(old));
    const [loaded] = await env.router.call('views.list', {});
    expect(loaded.filters).toEqual({ search: '', segment: ['smb'], stage: [], band: ['watch'], flag: ['any'], renewalWithin: null, inTriage: false, showChurned: false });
    await env.router.call('views.delete', { name: 'Old style' });
  });

  it('refuses a view without a name', async () => {
    const result = await env.router.invoke('views.save', { view: { ...view, name: '  ' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('settings preview and save', () => {
  it('previews no change for the saved settings', async () => {
    const preview = await env.router.call('settings.preview', { settings: DEFAULT_SETTINGS });
    expect(preview.before).toEqual(preview.after);
    expect(preview.changedCount).toBe(0);
    const list = await env.router.call('accounts.list', {});
    const counts = { healthy: 0, watch: 0, at_risk: 0, no_data: 0 };
    for (const a of list) counts[a.band!]++;
    expect(preview.before).toEqual(counts);
    expect(preview.total).toBe(list.length);
  });

  it('shows which accounts would change band with another weighting, without saving it', async () => {
    const candidate = withWeights({ adoption: 0, relationships: 60 });
    const preview = await env.router.call('settings.preview', { settings: candidate });
    expect(preview.changedCount).toBeGreaterThan(0);
    expect(preview.changes.length).toBe(Math.min(preview.changedCount, 100));
    const sum = (c: typeof preview.after) => c.healthy + c.watch + c.at_risk + c.no_data;
    expect(sum(preview.after)).toBe(sum(preview.before));
    for (const change of preview.changes) expect(change.fromBand).not.toBe(change.toBand);
    expect(await env.router.call('settings.get', {})).toEqual(DEFAULT_SETTINGS);
  });

  it('saves the settings and rescores the book to exactly what the preview said', async () => {
    const candidate = { ...withWeights({ adoption: 0, relationships: 60 }), bands: { healthy: 70, watch: 45 } };
    const preview = await env.router.call('settings.preview', { settings: candidate });
    const saved = await env.router.call('settings.save', { settings: candidate });
    expect(saved.rescored).toBe(env.services.accounts.count());
    expect(saved.settings.weights.relationships).toBe(60);
    const list = await env.router.call('accounts.list', {});
    const counts = { healthy: 0, watch: 0, at_risk: 0, no_data: 0 };
    for (const a of list) counts[a.band!]++;
    expect(counts).toEqual(preview.after);
    const moved = preview.changes[0];
    expect(list.find((a) => a.id === moved.id)).toMatchObject({ score: moved.toScore, band: moved.toBand });
    // Back to the defaults for the next tests.
    await env.router.call('settings.save', { settings: DEFAULT_SETTINGS });
  });

  it('previews from facts read once, yet sees every write since, from this connection or another', async () => {
    const own = await setup();
    await own.router.call('demo.load', {});
    const candidate = withWeights({ adoption: 0, relationships: 60 });
    const preview = () => own.router.call('settings.preview', { settings: candidate });
    const first = await preview();
    expect(await preview()).toEqual(first);
    // A write on the app's own connection (an account archived)…
    own.opened.sqlite.prepare('UPDATE accounts SET archived = 1 WHERE id = 1').run();
    const afterOwnWrite = await preview();
    expect(afterOwnWrite.total).toBe(first.total - 1);
    // …and one committed by another connection (the CLI, say).
    const other = new Database(own.opened.file);
    other.prepare('UPDATE accounts SET archived = 1 WHERE id = 2').run();
    other.close();
    expect((await preview()).total).toBe(first.total - 2);
    // Touches moved years back change what the candidate scores, and the preview follows.
    const scored = () => own.services.portfolio.preview(candidate).meanAfter!;
    const before = scored();
    own.opened.sqlite.prepare("UPDATE touches SET occurred_at = '2001-01-01'").run();
    expect(scored()).toBeLessThan(before);
  });

  it('refuses band edges in the wrong order with the field named', async () => {
    const result = await env.router.invoke('settings.preview', {
      settings: { ...DEFAULT_SETTINGS, bands: { healthy: 40, watch: 60 } },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message).toContain('settings.bands.watch');
  });
});

describe('storage', () => {
  it('names the database file and lists its backups, newest first', async () => {
    const first = await backupFile(env.opened.sqlite, backupPathFor(env.file, 'manual', new Date('2026-11-20T10:00:00Z')));
    await backupFile(env.opened.sqlite, backupPathFor(env.file, 'daily', new Date('2026-11-24T08:00:00Z')));
    const storage = await env.router.call('settings.storage', {});
    expect(storage.dbFile).toBe(path.resolve(env.file));
    expect(storage.backupFolder).toBe(path.join(path.dirname(path.resolve(env.file)), 'backups'));
    const mine = storage.backups.filter((b) => b.label === 'manual' || b.label === 'daily');
    expect(mine.map((b) => b.date)).toContain('2026-11-20');
    const manual = storage.backups.find((b) => b.file === first)!;
    expect(manual).toMatchObject({ label: 'manual', date: '2026-11-20', name: path.basename(first) });
    expect(manual.bytes).toBe(fs.statSync(first).size);
  });
});
