// The account page in one read: the account with contacts and touches, its health now (rescored
// first when the latest snapshot is older than today), what changed since 7 and 30 days ago
// (shared/scoring/changes.ts over the snapshots), the trend and the dates the settings changed, flags,
// a timeline merged from touches, flags, band changes, revenue events and survey responses, success
// goals, metric series and open tasks.
import { addDays } from '../../shared/dates';
import type { AnyBand, RevenueKind, RevenueSource, Stage, SurveyKind } from '../../shared/domain';
import { triageReasons } from '../../shared/scoring/triage-reasons';
import { REVENUE_SOURCE_WORDS } from '../../shared/money/words';
import { decodeComponents } from '../../shared/scoring/snapshot-components';
import { compareSnapshots, snapshotOnOrBefore, type SnapshotLike } from '../../shared/scoring/changes';
import type { ComponentResult } from '../../shared/scoring/types';
import { formatMoney, labelOf } from '../../shared/format';
import type { AccountPage, TimelineItem } from '../../shared/contracts/account-page';
import { createAccountsService } from './accounts';
import type { ServiceContext } from './context';
import { createFlagsService } from './flags';
import { createGoalsService } from './goals';
import type { RemindersService } from './reminders';
import type { ScoringService } from './scoring';

interface SnapshotRow {
  date: string;
  /** Null when the account had not enough data (band no_data). */
  score: number | null;
  band: AnyBand;
  confidence: number;
  components: string;
  inTriage: number;
}

const SENTIMENT_WORDS: Record<string, string> = { '-2': 'very negative', '-1': 'negative', '0': 'neutral', '1': 'positive', '2': 'very positive' };

export function createAccountPageService(
  ctx: ServiceContext,
  deps: { reminders: RemindersService; scoring: ScoringService },
) {
  const { sqlite, clock } = ctx;
  const accounts = createAccountsService(ctx);
  const flagsService = createFlagsService(ctx);
  const goals = createGoalsService(ctx);
  const touchTotal = sqlite.prepare('SELECT count(*) AS n FROM touches WHERE account_id = ?');
  const snapshots = sqlite.prepare(`
    SELECT date, score, band, confidence, components, in_triage AS inTriage FROM health_snapshots
    WHERE account_id = ? ORDER BY date`);
  const settingsChanges = sqlite.prepare(
    "SELECT DISTINCT substr(changed_at, 1, 10) AS date FROM settings_history WHERE key = 'scoring' ORDER BY date",
  );
  const revenue = sqlite.prepare(
    'SELECT id, date, kind, mrr_delta_cents AS delta, source, note FROM revenue_events WHERE account_id = ? AND date <= ? ORDER BY date DESC',
  );
  const surveys = sqlite.prepare(`
    SELECT s.id, s.date, s.kind, s.score, s.comment, c.name AS contactName FROM survey_responses s
    LEFT JOIN contacts c ON c.id = s.contact_id WHERE s.account_id = ? AND s.date <= ? ORDER BY s.date DESC`);
  const metric = sqlite.prepare(
    'SELECT date, value FROM metric_samples WHERE account_id = ? AND key = ? AND date <= ? ORDER BY date',
  );

  /** Why it is in triage: what the rules fire at asOf (a flag the CSM resolved may still fire). */
  function triageReasonsNow(id: number, asOf: string, stage: Stage) {
    const scored = deps.scoring.scoreOne(id, asOf);
    return scored ? triageReasons(scored.score.health, scored.score.flags, stage) : [];
  }

  function toSnapshot(row: SnapshotRow): SnapshotLike & { inTriage: boolean } {
    return {
      date: row.date,
      score: row.score,
      band: row.band,
      confidence: row.confidence,
      inTriage: row.inTriage === 1,
      components: decodeComponents(row.components),
    };
  }

  return {
    get(id: number, touchLimit?: number): AccountPage {
      const asOf = clock.today();
      const detail = accounts.get(id, touchLimit);
      const touchCount = (touchTotal.get(id) as { n: number }).n;
      let rows = snapshots.all(id) as SnapshotRow[];
      if (rows.length === 0 || rows[rows.length - 1].date < asOf) {
        deps.scoring.rescoreAccount(id, asOf);
        rows = snapshots.all(id) as SnapshotRow[];
      }
      const history = rows.filter((r) => r.date <= asOf).map(toSnapshot);
      const latest = history[history.length - 1] ?? null;
      const since = (days: number) => {
        const before = latest ? snapshotOnOrBefore(history, addDays(asOf, -days)) : null;
        return before && latest ? compareSnapshots(before, latest) : null;
      };
      const flags = flagsService.listForAccount(id);
      const { account, contacts, touches } = detail;
      const names = new Map(contacts.map((c) => [c.id, c.name]));
      const currency = account.currency;

      const timeline: TimelineItem[] = [];
      for (const t of touches) {
        const who = t.contactIds.map((cid) => names.get(cid)).filter(Boolean).join(', ');
        const pulse = t.sentiment === null ? '' : `pulse ${t.sentiment > 0 ? '+' : ''}${t.sentiment} (${SENTIMENT_WORDS[String(t.sentiment)]})`;
        timeline.push({
          key: `touch:${t.id}`,
          kind: 'touch',
          date: t.occurredAt,
          title: t.summary || labelOf(t.type),
          detail: [labelOf(t.type), who, pulse, t.nextStep ? `next: ${t.nextStep}` : '', t.notes].filter(Boolean).join(' · '),
          touchType: t.type,
          sentiment: t.sentiment,
          contactIds: t.contactIds,
        });
      }
      for (const f of flags) {
        timeline.push({
          key: `flag:${f.id}:raised`,
          kind: 'flag_raised',
          date: f.raisedAt,
          title: `Flag raised: ${labelOf(f.rule)}`,
          detail: f.reason,
          severity: f.severity,
        });
        if (f.resolvedAt) {
          timeline.push({
            key: `flag:${f.id}:resolved`,
            kind: 'flag_resolved',
            date: f.resolvedAt,
            title: `Flag resolved: ${labelOf(f.rule)}`,
            detail: f.resolvedBy === 'user' ? 'Resolved by you' : 'The rule no longer fires',
            severity: f.severity,
          });
        }
      }
      for (let i = 1; i < history.length; i++) {
        const [prev, cur] = [history[i - 1], history[i]];
        if (prev.band === cur.band) continue;
        timeline.push({
          key: `band:${cur.date}`,
          kind: 'band_change',
          date: cur.date,
          title: `Band ${labelOf(prev.band).toLowerCase()} → ${labelOf(cur.band).toLowerCase()}`,
          detail: `Score ${prev.score ?? 'not enough data'} → ${cur.score ?? 'not enough data'}`,
          band: cur.band,
          ...(cur.score === null ? {} : { score: cur.score }),
        });
      }
      for (const r of revenue.all(id, asOf) as { id: number; date: string; kind: RevenueKind; delta: number; source: RevenueSource | null; note: string }[]) {
        timeline.push({
          key: `revenue:${r.id}`,
          kind: 'revenue',
          date: r.date,
          title: `${labelOf(r.kind)} ${r.delta >= 0 ? '+' : '−'}${formatMoney(Math.abs(r.delta), currency, true)} MRR`,
          // Where the change came from (an MRR edit, a churn, a won opportunity …) and its note.
          detail: [`ARR ${r.delta >= 0 ? '+' : '−'}${formatMoney(Math.abs(r.delta) * 12, currency, true)}`, r.source ? REVENUE_SOURCE_WORDS[r.source] : '', r.note]
            .filter(Boolean)
            .join(' · '),
          revenueKind: r.kind,
          amountCents: r.delta,
        });
      }
      for (const s of surveys.all(id, asOf) as { id: number; date: string; kind: SurveyKind; score: number; comment: string; contactName: string | null }[]) {
        timeline.push({
          key: `survey:${s.id}`,
          kind: 'survey',
          date: s.date,
          title: `${labelOf(s.kind)} ${s.score}${s.contactName ? ` from ${s.contactName}` : ''}`,
          detail: s.comment,
          surveyKind: s.kind,
          score: s.score,
        });
      }
      const ORDER: Record<TimelineItem['kind'], number> = { touch: 0, revenue: 1, survey: 2, flag_resolved: 3, flag_raised: 4, band_change: 5 };
      // With only the newest touches loaded, older events would look like months without contact:
      // the timeline stops where the loaded touches stop (Load older touches brings the rest).
      if (touchCount > detail.touches.length && detail.touches.length) {
        const oldest = detail.touches[detail.touches.length - 1].occurredAt.slice(0, 10);
        for (let i = timeline.length - 1; i >= 0; i--) if (timeline[i].date.slice(0, 10) < oldest) timeline.splice(i, 1);
      }
      timeline.sort((a, b) => (a.date.slice(0, 10) < b.date.slice(0, 10) ? 1 : a.date.slice(0, 10) > b.date.slice(0, 10) ? -1 : ORDER[a.kind] - ORDER[b.kind] || (a.date < b.date ? 1 : -1)));

      return {
        asOf,
        detail,
        health: latest
          ? {
              date: latest.date,
              score: latest.score,
              band: latest.band,
              confidence: latest.confidence,
              inTriage: latest.inTriage,
              components: latest.components as Record<string, ComponentResult | null>,
            }
          : null,
        changes: { d7: since(7), d30: since(30) },
        trend: history.map(({ date, score, band }) => ({ date, score, band })),
        settingsChanges: (settingsChanges.all() as { date: string }[]).map((r) => r.date),
        touchCount,
        flags,
        suggestTriage: Boolean(latest?.inTriage) && account.stage !== 'triage' && account.stage !== 'churned' && !account.archived,
        triageReasons: latest?.inTriage ? triageReasonsNow(id, asOf, account.stage) : [],
        timeline,
        goals: goals.listForAccount(id),
        metrics: {
          adoption: metric.all(id, 'adoption', asOf) as { date: string; value: number }[],
          openTickets: metric.all(id, 'open_tickets', asOf) as { date: string; value: number }[],
        },
        tasks: deps.reminders.openForAccount(id),
      };
    },
  };
}

export type AccountPageService = ReturnType<typeof createAccountPageService>;
