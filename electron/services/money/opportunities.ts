// Expansion opportunities (SPEC "Renewals, expansion and churn"; seed 002 law 9): title, ARR value,
// stage, expected close, and the signal it came from. Won writes an expansion event of ARR ÷ 12 MRR;
// lost just closes it. Signals (seat overage, sustained high adoption, a recent promoter) suggest one
// on the account page and in Today — the CSM creates it or dismisses the suggestion; nothing is
// created silently. A dismissal holds until the signal has new evidence.
import type { ChannelInput } from '../../../shared/contract';
import type { OpportunityView } from '../../../shared/contracts/money';
import { addDays } from '../../../shared/dates';
import type { OpportunitySource, OpportunityStage } from '../../../shared/domain';
import { TendError } from '../../../shared/errors';
import { labelOf } from '../../../shared/format';
import { expansionSignals, signalKey, stillToSuggest, type ExpansionSignal, type SignalFacts } from '../../../shared/money/signals';
import type { Settings } from '../../../shared/settings';
import type { ServiceContext } from '../context';
import type { ChangeLog } from './changes';
import { moneyText, notAfterToday, runChange, signedMoney } from './common';
import type { HealthReader } from './health';
import type { Ledger } from './ledger';

const DISMISSED_KEY = 'money.dismissedSignals';
/** Dismissals kept (oldest dropped first). */
const DISMISSED_KEPT = 2000;
const OPEN = "('identified', 'qualified', 'proposed')";

interface OpportunityRow {
  id: number;
  account_id: number;
  title: string;
  arr_cents: number;
  stage: OpportunityStage;
  expected_close: string | null;
  source: OpportunitySource;
  closed_on: string | null;
  revenue_event_id: number | null;
  notes: string;
  created_at: string;
}

const toView = (r: OpportunityRow): OpportunityView => ({
  id: r.id,
  accountId: r.account_id,
  title: r.title,
  arrCents: r.arr_cents,
  stage: r.stage,
  expectedClose: r.expected_close,
  source: r.source,
  closedOn: r.closed_on,
  revenueEventId: r.revenue_event_id,
  notes: r.notes,
  createdAt: r.created_at,
});

export function createOpportunitiesService(ctx: ServiceContext, deps: { log: ChangeLog; ledger: Ledger; health: HealthReader; settings: () => Settings }) {
  const { sqlite, clock } = ctx;
  const { log, ledger } = deps;
  const byId = sqlite.prepare('SELECT * FROM opportunities WHERE id = ?');
  const ofAccount = sqlite.prepare(
    `SELECT * FROM opportunities WHERE account_id = ? ORDER BY CASE WHEN stage IN ${OPEN} THEN 0 ELSE 1 END, coalesce(closed_on, expected_close, '9999') DESC, id DESC`,
  );
  const allForSignals = sqlite.prepare('SELECT account_id AS accountId, source, stage, closed_on AS closedOn, substr(created_at, 1, 10) AS createdOn FROM opportunities');
  const pipeline = sqlite.prepare(`
    SELECT o.stage, count(*) AS count, coalesce(sum(o.arr_cents), 0) AS arr FROM opportunities o JOIN accounts a ON a.id = o.account_id
    WHERE o.stage IN ${OPEN} AND a.archived = 0 AND a.stage != 'churned' GROUP BY o.stage`);
  const activeAccounts = sqlite.prepare("SELECT id, name, seats FROM accounts WHERE archived = 0 AND stage != 'churned'");
  const activeAccount = sqlite.prepare("SELECT id, name, seats FROM accounts WHERE archived = 0 AND stage != 'churned' AND id = ?");
  // The latest active_users and adoption of every account: a walk of the (account, key, date) index.
  const latestSamples = sqlite.prepare(`
    SELECT m.account_id AS accountId, m.key, m.date, m.value FROM metric_samples m
    JOIN (SELECT account_id, key, max(date) AS date FROM metric_samples
          WHERE key IN ('active_users', 'adoption') AND date <= @asOf GROUP BY account_id, key) l
      ON l.account_id = m.account_id AND l.key = m.key AND l.date = m.date`);
  const latestSamplesOf = sqlite.prepare(`
    SELECT account_id AS accountId, key, date, value FROM metric_samples
    WHERE account_id = @id AND key = @key AND date <= @asOf ORDER BY date DESC LIMIT 1`);
  const history = sqlite.prepare('SELECT date, value FROM metric_samples WHERE account_id = ? AND key = ? AND date >= ? AND date <= ? ORDER BY date');
  const promoters = sqlite.prepare(`
    SELECT s.account_id AS accountId, s.date, s.score, c.name AS contactName FROM survey_responses s LEFT JOIN contacts c ON c.id = s.contact_id
    WHERE s.kind = 'nps' AND s.score >= 9 AND s.date >= @from AND s.date <= @asOf`);
  const promotersOf = sqlite.prepare(`
    SELECT s.account_id AS accountId, s.date, s.score, c.name AS contactName FROM survey_responses s LEFT JOIN contacts c ON c.id = s.contact_id
    WHERE s.account_id = @id AND s.kind = 'nps' AND s.score >= 9 AND s.date >= @from AND s.date <= @asOf`);
  const readDismissed = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const writeDismissed = sqlite.prepare(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );

  const run = (accountId: number, work: Parameters<typeof runChange>[3]) => runChange(ctx, log, accountId, work);

  function require(id: number): OpportunityRow {
    const row = byId.get(id) as OpportunityRow | undefined;
    if (!row) throw new TendError('not_found', `There is no opportunity with id ${id}. It may have been deleted or undone.`, { id });
    return row;
  }

  function requireOpen(id: number): OpportunityRow {
    const row = require(id);
    if (row.stage === 'won' || row.stage === 'lost') {
      throw new TendError('conflict', `“${row.title}” was already closed as ${row.stage} on ${row.closed_on}. Nothing was changed.`, { id });
    }
    return row;
  }

  function dismissed(): Set<string> {
    const raw = readDismissed.get(DISMISSED_KEY) as string | undefined;
    try {
      const list = raw ? (JSON.parse(raw) as unknown) : [];
      return new Set(Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : []);
    } catch {
      return new Set();
    }
  }

  const service = {
    forAccount(accountId: number): OpportunityView[] {
      return (ofAccount.all(accountId) as OpportunityRow[]).map(toView);
    },

    /**
     * Expansion signals not yet acted on, for one account or the whole active book. Only the latest
     * samples are read for everyone; an account's history is read only when its latest sample could
     * start a signal (more active users than seats, adoption at or above the threshold).
     */
    signals(accountId: number | null = null, asOf = clock.today()): ExpansionSignal[] {
      const settings = deps.settings().expansionSignals;
      // Enough history to find where a run of samples began (a year back is plenty for 60 days).
      const from = addDays(asOf, -Math.max(365, settings.adoptionDays * 3));
      const accounts = (accountId === null ? activeAccounts.all() : activeAccount.all(accountId)) as { id: number; name: string; seats: number | null }[];
      type Latest = { accountId: number; key: 'active_users' | 'adoption'; date: string; value: number };
      const latestRows = (
        accountId === null
          ? latestSamples.all({ asOf })
          : (['active_users', 'adoption'] as const).map((key) => latestSamplesOf.get({ id: accountId, key, asOf })).filter(Boolean)
      ) as Latest[];
      const latest = new Map<number, Partial<Record<Latest['key'], { date: string; value: number }>>>();
      for (const r of latestRows) latest.set(r.accountId, { ...latest.get(r.accountId), [r.key]: { date: r.date, value: r.value } });
      const promoterFrom = addDays(asOf, -settings.promoterDays);
      const nps = new Map<number, SignalFacts['nps']>();
      const promoterRows = (accountId === null ? promoters.all({ from: promoterFrom, asOf }) : promotersOf.all({ id: accountId, from: promoterFrom, asOf })) as ({ accountId: number } & SignalFacts['nps'][number])[];
      for (const { accountId: id, ...p } of promoterRows) nps.set(id, [...(nps.get(id) ?? []), p]);
      const read = (id: number, key: Latest['key']) => history.all(id, key, from, asOf) as { date: string; value: number }[];

      const facts: SignalFacts[] = [];
      for (const a of accounts) {
        const { active_users: users, adoption } = latest.get(a.id) ?? {};
        const overage = !!(a.seats && users && users.value > a.seats);
        const highAdoption = adoption
          ? adoption.value >= settings.minAdoption
          : !!(a.seats && users && (100 * users.value) / a.seats >= settings.minAdoption);
        if (!overage && !highAdoption && !nps.has(a.id)) continue;
        // The latest sample alone when it cannot start a run: it stops any run the older ones made.
        const activeUsers = overage || (highAdoption && !adoption) ? read(a.id, 'active_users') : users ? [users] : [];
        facts.push({
          accountId: a.id,
          name: a.name,
          seats: a.seats,
          mrrCents: overage ? (deps.health.mrrAsOf(asOf, [a.id]).get(a.id) ?? 0) : 0,
          activeUsers,
          adoption: adoption && highAdoption ? read(a.id, 'adoption') : adoption ? [adoption] : [],
          nps: nps.get(a.id) ?? [],
        });
      }
      const opportunities = new Map<number, { source: OpportunitySource; stage: OpportunityStage; closedOn: string | null; createdOn: string }[]>();
      for (const o of allForSignals.all() as { accountId: number; source: OpportunitySource; stage: OpportunityStage; closedOn: string | null; createdOn: string }[]) {
        opportunities.set(o.accountId, [...(opportunities.get(o.accountId) ?? []), o]);
      }
      const skip = dismissed();
      const out: ExpansionSignal[] = [];
      for (const f of facts) {
        for (const signal of expansionSignals(f, asOf, settings)) {
          if (stillToSuggest(signal, opportunities.get(f.accountId) ?? [], skip)) out.push(signal);
        }
      }
      // Seat overage first (it has a value), then sustained adoption, then promoters; newest evidence first.
      const rank = { seat_overage: 0, high_adoption: 1, promoter: 2 } as const;
      return out.sort((a, b) => rank[a.source] - rank[b.source] || (a.since < b.since ? 1 : a.since > b.since ? -1 : 0) || a.name.localeCompare(b.name));
    },

    dismiss({ accountId, source, since }: ChannelInput<'signals.dismiss'>): { dismissed: boolean } {
      ledger.account(accountId);
      const keys = [...dismissed()];
      const key = signalKey({ accountId, source, since });
      if (keys.includes(key)) return { dismissed: false };
      keys.push(key);
      writeDismissed.run(DISMISSED_KEY, JSON.stringify(keys.slice(-DISMISSED_KEPT)), clock.now());
      return { dismissed: true };
    },

    pipeline() {
      const byStage = { identified: { count: 0, arr: 0 }, qualified: { count: 0, arr: 0 }, proposed: { count: 0, arr: 0 } };
      for (const row of pipeline.all() as { stage: keyof typeof byStage; count: number; arr: number }[]) byStage[row.stage] = { count: row.count, arr: row.arr };
      const all = Object.values(byStage);
      return { count: all.reduce((s, b) => s + b.count, 0), arrCents: all.reduce((s, b) => s + b.arr, 0), byStage };
    },

    create(input: ChannelInput<'opportunities.create'>) {
      const account = ledger.account(input.accountId);
      if (account.stage === 'churned') {
        throw new TendError('invalid_input', `${account.name} churned: bring it back before adding an expansion opportunity.`, { field: 'accountId' });
      }
      let id = 0;
      const change = run(account.id, (rec) => {
        const now = clock.now();
        id = rec.insert('opportunities', {
          account_id: account.id,
          title: input.title,
          arr_cents: input.arrCents ?? 0,
          stage: input.stage ?? 'identified',
          expected_close: input.expectedClose ?? null,
          source: input.source ?? 'manual',
          notes: input.notes ?? '',
          created_at: now,
          updated_at: now,
        });
        return `Added the opportunity “${input.title}” (${moneyText(input.arrCents ?? 0, account.currency)} ARR) to ${account.name}.`;
      });
      return { ...change, opportunity: toView(require(id)) };
    },

    update({ id, patch }: ChannelInput<'opportunities.update'>) {
      const row = requireOpen(id);
      return run(row.account_id, (rec) => {
        const values: Record<string, unknown> = { updated_at: clock.now() };
        if (patch.title !== undefined) values.title = patch.title;
        if (patch.arrCents !== undefined) values.arr_cents = patch.arrCents;
        if (patch.stage !== undefined) values.stage = patch.stage;
        if (patch.expectedClose !== undefined) values.expected_close = patch.expectedClose;
        if (patch.notes !== undefined) values.notes = patch.notes;
        rec.update('opportunities', id, values);
        return `Updated the opportunity “${patch.title ?? row.title}”${patch.stage ? ` (${labelOf(patch.stage).toLowerCase()})` : ''}.`;
      });
    },

    /** Won: an expansion event of ARR ÷ 12 MRR at the date, linked to the opportunity. */
    win({ id, date, note }: ChannelInput<'opportunities.win'>) {
      const row = requireOpen(id);
      const account = ledger.account(row.account_id);
      if (account.stage === 'churned') {
        throw new TendError('invalid_input', `${account.name} churned: an expansion cannot be won on it. Bring it back first.`, { field: 'id' });
      }
      if (row.arr_cents <= 0) {
        throw new TendError('invalid_input', `“${row.title}” has no ARR value: enter what it is worth before marking it won. Nothing was changed.`, { field: 'arrCents' });
      }
      notAfterToday(date, clock.today(), 'date it was won');
      return run(account.id, (rec) => {
        const now = clock.now();
        const delta = Math.round(row.arr_cents / 12);
        ledger.putOpeningOnRecord(rec, account, 'opportunity', date);
        const eventId = ledger.insertEvent(rec, account.id, {
          date,
          kind: 'expansion',
          delta,
          source: 'opportunity',
          note: `Won: ${row.title}${note?.trim() ? ` — ${note.trim()}` : ''}`,
        });
        rec.update('opportunities', id, { stage: 'won', closed_on: date, revenue_event_id: eventId, updated_at: now });
        const mrr = ledger.settle(rec, account.id, now, account.currency);
        return `Won “${row.title}” on ${date}: an expansion of ${signedMoney(delta, account.currency)} MRR; ${account.name} is now at ${moneyText(mrr, account.currency)} MRR.`;
      });
    },

    lose({ id, date, note }: ChannelInput<'opportunities.lose'>) {
      const row = requireOpen(id);
      notAfterToday(date, clock.today(), 'date it was lost');
      return run(row.account_id, (rec) => {
        const notes = note?.trim() ? [row.notes, `Lost: ${note.trim()}`].filter(Boolean).join('\n') : row.notes;
        rec.update('opportunities', id, { stage: 'lost', closed_on: date, notes, updated_at: clock.now() });
        return `Marked “${row.title}” lost on ${date}.`;
      });
    },

    remove(id: number) {
      const row = require(id);
      if (row.stage === 'won' && row.revenue_event_id !== null) {
        throw new TendError(
          'invalid_input',
          `“${row.title}” was won and wrote an expansion event: delete that event in the revenue history first if the expansion did not happen. Nothing was deleted.`,
          { id },
        );
      }
      return run(row.account_id, (rec) => {
        rec.remove('opportunities', id);
        return `Deleted the opportunity “${row.title}”.`;
      });
    },
  };
  return service;
}

export type OpportunitiesService = ReturnType<typeof createOpportunitiesService>;
