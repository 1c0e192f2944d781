// The capture service (issue 15): touches from the calendar, mail and contact files a CSM already
// has. Reading is a job (files are read in the background with progress and can be cancelled); its
// preview is kept here until landed; landing is one batch, rescored at once; undo goes through the
// import history (importer/write.ts → undo.ts). Also the capture settings (their own settings row),
// the relationship hints the map shows, and the domains to suggest for an account.
import crypto from 'node:crypto';
import { suggestDomains } from '../../../shared/capture/domains';
import { strengthHints, HINT_RULES, type StrengthHint } from '../../../shared/capture/hints';
import { usableZone } from '../../../shared/capture/time';
import type { CaptureJobView, CaptureLandInput, CapturePreviewView, CaptureResultView } from '../../../shared/contracts/capture';
import { addDays } from '../../../shared/dates';
import { TendError } from '../../../shared/errors';
import { captureSettingsSchema, DEFAULT_CAPTURE_SETTINGS, type CaptureSettings } from '../../../shared/settings';
import type { ServiceContext } from '../context';
import { landCaptureBatch } from './land';
import { buildPreview, type CaptureFile, type CaptureState } from './preview';

const SETTINGS_KEY = 'capture';
const DISMISSED_KEY = 'capture.dismissed-hints';
/** Finished previews kept for landing (the newest ones). */
const KEEP_JOBS = 3;

interface Job {
  id: string;
  status: CaptureJobView['status'];
  startedAt: number;
  finishedAt: number | null;
  progress: CaptureJobView['progress'];
  state: CaptureState | null;
  error: { code: string; message: string } | null;
  signal: { aborted: boolean };
  done: Promise<void>;
}

export interface CaptureDeps {
  /** Backs the database up before a capture lands (like an import). */
  backup?: () => Promise<unknown>;
}

/** The computer's own zone: what "the user's time zone" is unless Settings name another. */
const systemZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function createCaptureService(ctx: ServiceContext, deps: CaptureDeps = {}) {
  const { sqlite, clock } = ctx;
  const jobs = new Map<string, Job>();
  const readSetting = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const writeSetting = sqlite.prepare(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );

  function settings(): CaptureSettings {
    const raw = readSetting.get(SETTINGS_KEY) as string | undefined;
    if (!raw) return DEFAULT_CAPTURE_SETTINGS;
    const parsed = captureSettingsSchema.safeParse({ ...DEFAULT_CAPTURE_SETTINGS, ...(JSON.parse(raw) as object) });
    return parsed.success ? parsed.data : DEFAULT_CAPTURE_SETTINGS;
  }

  const timeZone = () => usableZone(settings().timeZone || systemZone());

  function dismissed(): Record<string, number> {
    const raw = readSetting.get(DISMISSED_KEY) as string | undefined;
    return raw ? (JSON.parse(raw) as Record<string, number>) : {};
  }

  function view(job: Job): CaptureJobView {
    return {
      jobId: job.id,
      status: job.status,
      progress: job.progress,
      elapsedMs: Math.max(0, (job.finishedAt ?? Date.now()) - job.startedAt),
      preview: job.status === 'done' ? job.state!.view : null,
      error: job.error,
    };
  }

  function requireJob(jobId: string): Job {
    const job = jobs.get(jobId);
    if (!job) throw new TendError('not_found', 'That capture is no longer available (a newer one replaced it, or the app restarted). Drop or choose the files again.', { jobId });
    return job;
  }

  function preview(
    files: readonly CaptureFile[],
    signal?: { aborted: boolean },
    onProgress?: (p: CaptureJobView['progress']) => void,
    moreDomains: string[] = [],
  ): Promise<CaptureState> {
    const s = settings();
    const myDomains = [...new Set([...s.myDomains, ...moreDomains])];
    return buildPreview(sqlite, files, { asOf: clock.today(), timeZone: timeZone(), keepBody: s.keepBody, myDomains, signal, onProgress });
  }

  function latestScores(ids: number[]): Map<number, number | null> {
    const latest = sqlite.prepare('SELECT score FROM health_snapshots WHERE account_id = ? ORDER BY date DESC LIMIT 1').pluck();
    return new Map(ids.map((id) => [id, (latest.get(id) as number | null | undefined) ?? null]));
  }

  function hintsFor(accountId: number, asOf = clock.today()): StrengthHint[] {
    const since = addDays(asOf, -HINT_RULES.windowDays);
    // Only once captures show the CSM's real calendar and mail for this account.
    const captured = sqlite
      .prepare("SELECT 1 FROM touches WHERE account_id = ? AND source IN ('calendar', 'email') AND substr(occurred_at, 1, 10) BETWEEN ? AND ? LIMIT 1")
      .get(accountId, since, asOf);
    if (!captured) return [];
    const contacts = sqlite.prepare('SELECT id, name, strength, left_on AS leftOn FROM contacts WHERE account_id = ?').all(accountId) as {
      id: number;
      name: string;
      strength: number;
      leftOn: string | null;
    }[];
    const dates = new Map<number, string[]>();
    const rows = sqlite
      .prepare(
        `SELECT tc.contact_id AS contactId, substr(t.occurred_at, 1, 10) AS date FROM touch_contacts tc JOIN touches t ON t.id = tc.touch_id
         WHERE t.account_id = ? AND t.type <> 'note' AND substr(t.occurred_at, 1, 10) <= ?`,
      )
      .all(accountId, asOf) as { contactId: number; date: string }[];
    for (const row of rows) {
      const list = dates.get(row.contactId);
      if (list) list.push(row.date);
      else dates.set(row.contactId, [row.date]);
    }
    const hidden = dismissed();
    // A dismissed hint stays hidden while the suggestion and the strength it was made from hold.
    return strengthHints(contacts, dates, asOf).filter((h) => hidden[`${h.contactId}:${h.from}`] !== h.to);
  }

  async function land(state: CaptureState, input: CaptureLandInput, dryRun = false): Promise<CaptureResultView> {
    const candidates = [...new Set(input.items.map((i) => i.accountId))];
    const before = latestScores(candidates);
    if (!dryRun) await deps.backup?.();
    const skipped = state.view.skipped;
    const outcome = landCaptureBatch(sqlite, state, input, { now: clock.now(), dryRun, skippedCount: skipped.length });
    if (!dryRun && outcome.accountIds.length) ctx.accountsChanged(outcome.accountIds);
    const after = dryRun ? before : latestScores(outcome.accountIds);
    const names = new Map(state.view.accounts.map((a) => [a.id, a.name]));
    const nameOf = sqlite.prepare('SELECT name FROM accounts WHERE id = ?').pluck();
    const chosen = new Set(input.items.map((i) => i.id));
    const counts = state.view.counts;
    const unmatchedLeft = state.view.items.filter((i) => i.status === 'unmatched' && !chosen.has(i.id)).length;
    const excluded = state.view.items.filter((i) => i.status === 'new' && !chosen.has(i.id)).length;
    const touchedAccounts = [...outcome.touchesByAccount.keys()];
    return {
      batchId: outcome.batchId,
      dryRun,
      inserted: outcome.touches,
      duplicates: counts.duplicate + outcome.duplicates,
      internal: counts.internal,
      contacts: { inserted: outcome.contactsInserted, updated: outcome.contactsUpdated },
      unmatched: state.view.unmatched,
      skipped,
      notLogged: {
        cancelled: counts.cancelled,
        declined: counts.declined,
        future: counts.future,
        automated: counts.automated,
        unmatched: unmatchedLeft,
        excluded,
      },
      accounts: touchedAccounts
        .map((id) => ({
          id,
          name: names.get(id) ?? ((nameOf.get(id) as string | undefined) ?? `#${id}`),
          touches: outcome.touchesByAccount.get(id) ?? 0,
          scoreBefore: before.get(id) ?? null,
          scoreAfter: after.get(id) ?? before.get(id) ?? null,
        }))
        .sort((a, b) => b.touches - a.touches || a.name.localeCompare(b.name)),
      hints: dryRun ? 0 : touchedAccounts.reduce((n, id) => n + hintsFor(id).length, 0),
      suggestedMyDomains: state.view.suggestedMyDomains,
    };
  }

  /** What the CLI (and a landing without choices) takes: every item to log, every offered contact and card. */
  function defaultChoices(jobId: string, preview: CapturePreviewView): CaptureLandInput {
    return {
      jobId,
      items: preview.items.filter((i) => i.status === 'new' && i.accountId !== null).map((i) => ({ id: i.id, accountId: i.accountId! })),
      contacts: preview.contacts.map((c) => ({ email: c.email, accountId: c.accountId })),
      cards: preview.cards.filter((c) => c.accountId !== null && (c.outcome === 'new' || c.outcome === 'update')).map((c) => ({ id: c.id, accountId: c.accountId! })),
    };
  }

  return {
    settings,
    timeZone,

    saveSettings(next: CaptureSettings): CaptureSettings {
      const value = captureSettingsSchema.parse(next);
      value.myDomains = [...new Set(value.myDomains)];
      writeSetting.run(SETTINGS_KEY, JSON.stringify(value), clock.now());
      return value;
    },

    /** Starts reading files into a preview; poll job(). */
    startRead(files: CaptureFile[]): { jobId: string } {
      const id = crypto.randomUUID();
      const job: Job = {
        id,
        status: 'running',
        startedAt: Date.now(),
        finishedAt: null,
        progress: { fileName: files[0]?.name ?? '', file: 0, files: files.length, bytes: 0, totalBytes: 0, items: 0 },
        state: null,
        error: null,
        signal: { aborted: false },
        done: Promise.resolve(),
      };
      job.done = preview(files, job.signal, (p) => (job.progress = p)).then(
        (state) => {
          job.finishedAt = Date.now();
          if (job.signal.aborted) job.status = 'cancelled';
          else {
            job.state = state;
            job.status = 'done';
          }
        },
        (err: unknown) => {
          job.finishedAt = Date.now();
          job.status = 'failed';
          job.error = err instanceof TendError ? { code: err.code, message: err.message } : { code: 'internal', message: `Reading the files failed: ${(err as Error).message}` };
        },
      );
      jobs.set(id, job);
      for (const old of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEEP_JOBS))) jobs.delete(old);
      return { jobId: id };
    },

    job: (jobId: string): CaptureJobView => view(requireJob(jobId)),

    /** Waits for a job (tests and the CLI). */
    async finished(jobId: string): Promise<CaptureJobView> {
      await requireJob(jobId).done;
      return view(requireJob(jobId));
    },

    cancel(jobId: string): CaptureJobView {
      const job = requireJob(jobId);
      if (job.status === 'running') job.signal.aborted = true;
      return view(job);
    },

    /** Writes what the CSM kept of a finished preview as one batch; the preview is used up. */
    async land(input: CaptureLandInput, options: { dryRun?: boolean } = {}): Promise<CaptureResultView> {
      const job = requireJob(input.jobId);
      if (job.status !== 'done' || !job.state) {
        throw new TendError('conflict', job.status === 'running' ? 'The files are still being read; wait for the preview.' : 'That capture did not finish reading; drop or choose the files again.', {
          jobId: input.jobId,
        });
      }
      const result = await land(job.state, input, options.dryRun);
      if (!options.dryRun) jobs.delete(input.jobId);
      return result;
    },

    /** Reads and lands in one go with the preview's own choices (tend capture). */
    async run(files: CaptureFile[], options: { dryRun?: boolean; myDomains?: string[] } = {}): Promise<CaptureResultView> {
      const state = await preview(files, undefined, undefined, options.myDomains);
      const jobId = 'cli';
      return land(state, defaultChoices(jobId, state.view), options.dryRun);
    },

    hints: (accountId: number): StrengthHint[] => hintsFor(accountId),

    dismissHint(contactId: number, to: number): { dismissed: boolean } {
      const contact = sqlite.prepare('SELECT strength FROM contacts WHERE id = ?').get(contactId) as { strength: number } | undefined;
      if (!contact) throw new TendError('not_found', `There is no contact with id ${contactId}. It may have been deleted.`, { contactId });
      const next = { ...dismissed(), [`${contactId}:${contact.strength}`]: to };
      writeSetting.run(DISMISSED_KEY, JSON.stringify(next), clock.now());
      return { dismissed: true };
    },

    domainSuggestions(accountId: number) {
      const account = sqlite.prepare('SELECT website, domains FROM accounts WHERE id = ?').get(accountId) as { website: string | null; domains: string } | undefined;
      if (!account) throw new TendError('not_found', `There is no account with id ${accountId}.`, { accountId });
      const emails = sqlite.prepare('SELECT email FROM contacts WHERE account_id = ? AND email IS NOT NULL').pluck().all(accountId) as string[];
      return suggestDomains({ website: account.website, contactEmails: emails, current: JSON.parse(account.domains) as string[], myDomains: settings().myDomains });
    },
  };
}

export type CaptureService = ReturnType<typeof createCaptureService>;
