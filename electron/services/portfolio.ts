// The portfolio's data beyond the account list, and the settings editor's main-process side:
// - trends: each account's weekly health scores from health_snapshots (one query, for sparklines);
// - preview: the whole book scored with candidate settings by the same pure scoreAccount the
//   scoring service uses, so the preview is exactly what Save would produce;
// - saveSettings: settings.update, then a full rescore (snapshots, flags) so every list reflects it;
// - storage: the database file and its backups (only the main process may read the disk).
import fs from 'node:fs';
import path from 'node:path';
import { PREVIEW_CHANGES_MAX, type BandCounts, type SettingsPreview, type StorageInfo } from '../../shared/contracts/portfolio';
import { addDays, toDayNumber } from '../../shared/dates';
import { scoreAccountOf } from '../../shared/scoring';
import type { AnyBand } from '../../shared/domain';
import type { Settings } from '../../shared/settings';
import { backupFolderFor, listBackups } from './backup';
import type { ServiceContext } from './context';
import { createBookCache } from './scoring/book-cache';
import { createFactsReader } from './scoring/facts';
import type { ScoringService } from './scoring';
import type { SettingsService } from './settings';

export const DEFAULT_TREND_WEEKS = 12;

export function createPortfolioService(ctx: ServiceContext, deps: { settings: SettingsService; scoring: ScoringService }) {
  const { sqlite, clock } = ctx;
  const facts = createFactsReader(sqlite);
  // The preview runs once per candidate setting on a book that does not change in between: the
  // facts are read once and kept until the next write (book-cache.ts); later previews only score.
  const book = createBookCache(sqlite, () => facts.all());
  const snapshotsSince = sqlite.prepare(`
    SELECT account_id AS accountId, date, score FROM health_snapshots
    WHERE date > ? AND date <= ? ORDER BY account_id, date DESC`);
  const names = sqlite.prepare('SELECT id, name, mrr_cents AS mrr FROM accounts');
  // Today's snapshots are what the list shows now (every edit and every save rescores at today).
  const snapshotsOn = sqlite.prepare('SELECT account_id AS id, score, band FROM health_snapshots WHERE date = ?');

  return {
    /** Weekly scores (the latest snapshot of each 7-day bucket ending at asOf), oldest first. */
    trends(weeks = DEFAULT_TREND_WEEKS, asOf = clock.today()) {
      const asOfDay = toDayNumber(asOf);
      const rows = snapshotsSince.raw().all(addDays(asOf, -7 * weeks), asOf) as [number, string, number | null][];
      const trends: { accountId: number; scores: number[] }[] = [];
      let current: { accountId: number; buckets: (number | undefined)[] } | null = null;
      const flush = () => {
        if (!current) return;
        const scores: number[] = [];
        for (let b = weeks - 1; b >= 0; b--) if (current.buckets[b] !== undefined) scores.push(current.buckets[b]!);
        trends.push({ accountId: current.accountId, scores });
      };
      for (const [accountId, date, score] of rows) {
        if (!current || current.accountId !== accountId) {
          flush();
          current = { accountId, buckets: new Array(weeks) };
        }
        const bucket = Math.floor((asOfDay - toDayNumber(date)) / 7);
        // Rows come newest first, so the first snapshot seen in a bucket is its latest.
        // A week without data (no_data) draws no point.
        if (bucket >= 0 && bucket < weeks && current.buckets[bucket] === undefined && score !== null) current.buckets[bucket] = score;
      }
      flush();
      return { asOf, weeks, trends };
    },

    /** The book (not archived) as scored now and as `candidate` would score it, compared. */
    preview(candidate: Settings, asOf = clock.today()): SettingsPreview {
      const saved = deps.settings.get();
      const packed = book.get();
      const today = new Map((snapshotsOn.all(asOf) as { id: number; score: number | null; band: AnyBand }[]).map((r) => [r.id, r]));
      const byId = new Map((names.all() as { id: number; name: string; mrr: number }[]).map((r) => [r.id, r]));
      const before: BandCounts = { healthy: 0, watch: 0, at_risk: 0, no_data: 0 };
      const after: BandCounts = { healthy: 0, watch: 0, at_risk: 0, no_data: 0 };
      const changes: (SettingsPreview['changes'][number] & { mrr: number })[] = [];
      let sumBefore = 0;
      let sumAfter = 0;
      let scoredBefore = 0;
      let scoredAfter = 0;
      let total = 0;
      for (let a = 0; a < packed.accounts.length; a++) {
        const account = packed.accounts[a];
        if (account.archived) continue;
        total++;
        // "Now" = today's snapshot (what the portfolio shows); scored afresh only where there is none.
        const was = today.get(account.id) ?? scoreAccountOf(packed, a, asOf, saved).health;
        const will = scoreAccountOf(packed, a, asOf, candidate).health;
        before[was.band]++;
        after[will.band]++;
        // Means over the scored accounts: an account without data has no score to average.
        if (was.score !== null) {
          sumBefore += was.score;
          scoredBefore++;
        }
        if (will.score !== null) {
          sumAfter += will.score;
          scoredAfter++;
        }
        if (was.band !== will.band) {
          const info = byId.get(account.id);
          changes.push({
            id: account.id,
            name: info?.name ?? `#${account.id}`,
            mrr: info?.mrr ?? 0,
            fromScore: was.score,
            toScore: will.score,
            fromBand: was.band,
            toBand: will.band,
          });
        }
      }
      // The biggest accounts first: those are the moves a CSM cares about.
      changes.sort((a, b) => b.mrr - a.mrr || a.name.localeCompare(b.name));
      const mean = (sum: number, n: number) => (n ? Math.round((sum / n) * 10) / 10 : null);
      return {
        asOf,
        total,
        before,
        after,
        meanBefore: mean(sumBefore, scoredBefore),
        meanAfter: mean(sumAfter, scoredAfter),
        changedCount: changes.length,
        changes: changes.slice(0, PREVIEW_CHANGES_MAX).map(({ mrr: _mrr, ...change }) => change),
      };
    },

    /** Saves the settings (settings.update) and rescores the whole book with them. */
    saveSettings(next: Settings): { settings: Settings; rescored: number } {
      const settings = deps.settings.update(next);
      const rescored = deps.scoring.rescoreAll().length;
      return { settings, rescored };
    },

    storage(): StorageInfo {
      const dbFile = path.resolve(ctx.file);
      const backups = listBackups(dbFile).map((entry) => {
        let bytes = 0;
        try {
          bytes = fs.statSync(entry.file).size;
        } catch {
          // Deleted between listing and stat: show it with size 0 rather than fail the screen.
        }
        return { file: entry.file, label: entry.label, date: entry.date, name: path.basename(entry.file), bytes };
      });
      return { dbFile, backupFolder: backupFolderFor(dbFile), backups };
    },
  };
}

export type PortfolioService = ReturnType<typeof createPortfolioService>;
