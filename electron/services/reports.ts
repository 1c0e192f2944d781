// The data behind the two printed documents: the QBR summary of one account for a period, and the
// portfolio review of the whole book for a month. Health over the period is scored with the same
// pure functions as everywhere else, at the period's dates (anything dated later is ignored), so the
// document does not depend on how often the app happened to be opened.
import { addDays, daysBetween, monthBounds, toDayNumber } from '../../shared/dates';
import type { ComponentName, RevenueKind, SurveyKind, TouchType } from '../../shared/domain';
import { ALL_BANDS, TOUCH_TYPES } from '../../shared/domain';
import { TendError } from '../../shared/errors';
import { labelOf } from '../../shared/format';
import type { QbrOptions, ReviewOptions } from '../../shared/print';
import type { CustomerQbrData, QbrData, ReviewData } from '../../shared/contracts/reports';
import { defaultQbrPeriod, periodLabel } from '../../shared/report-period';
import { scoreAccountOf, type AccountScore } from '../../shared/scoring';
import { compareSnapshots, type SnapshotLike } from '../../shared/scoring/changes';
import type { Settings } from '../../shared/settings';
import type { AccountsService } from './accounts';
import type { ServiceContext } from './context';
import type { FlagsService } from './flags';
import type { GoalsService } from './goals';
import type { MetricsService } from './metrics';
import type { RemindersService } from './reminders';
import { createFactsReader } from './scoring/facts';
import type { ScoringService } from './scoring';
import type { TriageService } from './triage';

/** Touch types that make a "key meeting" in a QBR, most important first. */
const KEY_MEETING_TYPES: TouchType[] = ['qbr', 'meeting', 'event', 'call'];
const MAX_KEY_MEETINGS = 8;
/** The customer copy lists the meetings held with the customer, newest last. */
const MAX_MEETINGS_SHARED = 12;

function toSnapshot(date: string, score: AccountScore): SnapshotLike {
  const { health } = score;
  return { date, score: health.score, band: health.band, confidence: health.confidence, components: health.components };
}

interface Deps {
  accounts: AccountsService;
  flags: FlagsService;
  goals: GoalsService;
  reminders: RemindersService;
  metrics: MetricsService;
  scoring: ScoringService;
  triage: TriageService;
  getSettings: () => Settings;
}

export function createReportsService(ctx: ServiceContext, deps: Deps) {
  const { sqlite, clock } = ctx;
  const facts = createFactsReader(sqlite);
  const contactsOf = sqlite.prepare(`
    SELECT id, name, title, level, is_user AS isUser, role, strength, left_on AS leftOn, substr(created_at, 1, 10) AS createdOn
    FROM contacts WHERE account_id = ? ORDER BY name`);
  const touchesIn = sqlite.prepare(`
    SELECT t.id, t.occurred_at AS occurredAt, t.type, t.summary, t.notes, t.sentiment, t.next_step AS nextStep,
           t.follow_up_due AS followUpDue, group_concat(c.name, ', ') AS people
    FROM touches t LEFT JOIN touch_contacts tc ON tc.touch_id = t.id LEFT JOIN contacts c ON c.id = tc.contact_id
    WHERE t.account_id = ? AND substr(t.occurred_at, 1, 10) BETWEEN ? AND ?
    GROUP BY t.id ORDER BY t.occurred_at, t.id`);
  const samplesIn = sqlite.prepare(
    'SELECT date, value FROM metric_samples WHERE account_id = ? AND key = ? AND date BETWEEN ? AND ? ORDER BY date',
  );
  const revenueIn = sqlite.prepare(
    'SELECT date, kind, mrr_delta_cents AS mrrDeltaCents FROM revenue_events WHERE account_id = ? AND date BETWEEN ? AND ? ORDER BY date, id',
  );
  const surveysIn = sqlite.prepare(`
    SELECT s.date, s.kind, s.score, s.comment, c.name AS contactName FROM survey_responses s
    LEFT JOIN contacts c ON c.id = s.contact_id WHERE s.account_id = ? AND s.date BETWEEN ? AND ? ORDER BY s.date, s.id`);
  const sharedNextSteps = sqlite.prepare(`
    SELECT next_step AS text, occurred_at AS agreedOn, follow_up_due AS due FROM touches
    WHERE account_id = ? AND next_step_shared = 1 AND trim(coalesce(next_step, '')) <> ''
      AND substr(occurred_at, 1, 10) BETWEEN ? AND ? ORDER BY occurred_at, id`);
  const lastTouchOf = sqlite.prepare(`
    SELECT tc.contact_id AS contactId, max(t.occurred_at) AS lastTouchAt FROM touch_contacts tc
    JOIN touches t ON t.id = tc.touch_id WHERE t.account_id = ? AND substr(t.occurred_at, 1, 10) <= ? AND t.type != 'note'
    GROUP BY tc.contact_id`);

  /** The QBR's period: the one asked for, else quarter to date (the last full quarter early in a quarter). */
  function periodOf(options: QbrOptions, asOf: string) {
    const defaults = defaultQbrPeriod(asOf);
    const from = options.from ?? defaults.from;
    const to = options.to ?? defaults.to;
    if (from > to) {
      throw new TendError('invalid_input', `The period starts (${from}) after it ends (${to}). Swap --from and --to.`, {
        field: 'from',
      });
    }
    return { from, to, label: periodLabel(from, to, asOf), end: to < asOf ? to : asOf };
  }

  function qbr(options: QbrOptions): QbrData {
    const asOf = clock.today();
    if (options.audience === 'customer') {
      throw new TendError('invalid_input', 'The customer copy has its own document (reports.customerQbr): the internal QBR is never given to a customer.', {
        field: 'audience',
      });
    }
    const { from, to } = periodOf(options, asOf);
    const account = deps.accounts.get(options.accountId).account;
    const accountBook = facts.one(account.id)!;
    const settings = deps.getSettings();
    const end = to < asOf ? to : asOf;

    // Health at the end of the period, its weekly trend, and what moved it since the start.
    const scoreAt = (date: string) => scoreAccountOf(accountBook, 0, date, settings);
    const trend: QbrData['trend'] = [];
    for (let date = from; date < end; date = addDays(date, 7)) {
      const s = scoreAt(date).health;
      trend.push({ date, score: s.score, band: s.band });
    }
    const atEnd = scoreAt(end);
    trend.push({ date: end, score: atEnd.health.score, band: atEnd.health.band });
    const compared = from < end ? compareSnapshots(toSnapshot(from, scoreAt(from)), toSnapshot(end, atEnd)) : null;
    const changes = compared;
    const components = atEnd.health.components;

    const inPeriod = (date: string | null) => date !== null && date >= from && date <= to;
    const flags = deps.flags.listForAccount(account.id);
    const lastTouch = new Map(
      (lastTouchOf.all(account.id, end) as { contactId: number; lastTouchAt: string }[]).map((r) => [r.contactId, r.lastTouchAt]),
    );
    const contacts = (contactsOf.all(account.id) as {
      id: number; name: string; title: string | null; level: QbrData['contacts'][number]['level']; isUser: number;
      role: QbrData['contacts'][number]['role']; strength: number; leftOn: string | null; createdOn: string;
    }[])
      // People who had left before the period began are history, not the relationship map.
      .filter((c) => c.leftOn === null || c.leftOn >= from)
      .map((c) => ({
        id: c.id,
        name: c.name,
        title: c.title,
        level: c.level,
        isUser: c.isUser === 1,
        role: c.role,
        strength: c.strength,
        leftOn: c.leftOn,
        lastTouchAt: lastTouch.get(c.id) ?? null,
        joinedInPeriod: inPeriod(c.createdOn),
        leftInPeriod: inPeriod(c.leftOn),
      }));

    type TouchRow = {
      id: number; occurredAt: string; type: TouchType; summary: string; notes: string; sentiment: number | null;
      nextStep: string | null; followUpDue: string | null; people: string | null;
    };
    const touches = touchesIn.all(account.id, from, to) as TouchRow[];
    const byType = TOUCH_TYPES.map((type) => ({ type, count: touches.filter((t) => t.type === type).length })).filter((t) => t.count > 0);
    const keyMeetings = KEY_MEETING_TYPES.flatMap((type) => touches.filter((t) => t.type === type))
      .slice(0, MAX_KEY_MEETINGS)
      .sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : 1))
      .map((t) => ({
        date: t.occurredAt,
        type: t.type,
        summary: t.summary,
        people: t.people ?? '',
        sentiment: t.sentiment,
        notes: t.notes,
      }));

    let adoption = samplesIn.all(account.id, 'adoption', from, to) as { date: string; value: number }[];
    if (adoption.length === 0 && account.seats) {
      adoption = (samplesIn.all(account.id, 'active_users', from, to) as { date: string; value: number }[]).map((s) => ({
        date: s.date,
        value: Math.min(100, (100 * s.value) / account.seats!),
      }));
    }

    return {
      asOf,
      audience: 'internal',
      csmName: settings.csmName,
      period: { from, to, label: periodLabel(from, to, asOf) },
      account: {
        id: account.id,
        name: account.name,
        externalId: account.externalId,
        segment: account.segment,
        stage: account.stage,
        industry: account.industry,
        currency: account.currency,
        mrrCents: account.mrrCents,
        arrCents: account.mrrCents * 12,
        renewalDate: account.renewalDate,
        renewalInDays: account.renewalDate ? daysBetween(asOf, account.renewalDate) : null,
        notes: account.notes,
      },
      health: {
        date: end,
        score: atEnd.health.score,
        band: atEnd.health.band,
        confidence: atEnd.health.confidence,
        inTriage: atEnd.inTriage,
        components: components as Record<ComponentName, (typeof atEnd.health.components)[ComponentName]>,
      },
      trend,
      changes,
      flags: { raised: flags.filter((f) => inPeriod(f.raisedAt)), resolved: flags.filter((f) => inPeriod(f.resolvedAt)) },
      contacts,
      touches: { total: touches.length, byType, keyMeetings },
      adoption,
      openTickets: samplesIn.all(account.id, 'open_tickets', from, to) as { date: string; value: number }[],
      revenue: revenueIn.all(account.id, from, to) as { date: string; kind: RevenueKind; mrrDeltaCents: number }[],
      surveys: surveysIn.all(account.id, from, to) as QbrData['surveys'] & { kind: SurveyKind }[],
      goals: deps.goals.listForAccount(account.id),
      nextSteps: touches
        .filter((t) => t.nextStep)
        .slice(-8)
        .map((t) => ({ date: t.occurredAt, nextStep: t.nextStep!, followUpDue: t.followUpDue })),
      openTasks: deps.reminders.openForAccount(account.id),
    };
  }

  /**
   * The customer copy: assembled field by field from what may be shared (see customerQbrData), so
   * nothing internal can reach it by accident — no stage, band, components, strengths, flags, pulse,
   * notes or flag tasks, and the score or revenue only when the CSM includes them for this export.
   */
  function customerQbr(options: QbrOptions): CustomerQbrData {
    const asOf = clock.today();
    const { from, to, label, end } = periodOf(options, asOf);
    const account = deps.accounts.get(options.accountId).account;
    const settings = deps.getSettings();

    let health: CustomerQbrData['health'] = null;
    if (options.includeHealth) {
      const accountBook = facts.one(account.id)!;
      const scoreAt = (date: string) => scoreAccountOf(accountBook, 0, date, settings).health.score;
      // Weeks without enough data to score are left out; no score at the end: nothing to show.
      const dates: string[] = [];
      for (let date = from; date < end; date = addDays(date, 7)) dates.push(date);
      dates.push(end);
      const trend = dates.flatMap((date) => {
        const score = scoreAt(date);
        return score === null ? [] : [{ date, score }];
      });
      const score = scoreAt(end);
      health = score === null ? null : { date: end, score, trend };
    }

    // Meetings held: conversations with the customer up to the end of the period (or today).
    const held = (touchesIn.all(account.id, from, end) as { occurredAt: string; type: TouchType; summary: string; people: string | null }[])
      .filter((t) => KEY_MEETING_TYPES.includes(t.type))
      .map((t) => ({ date: t.occurredAt, type: t.type, summary: t.summary, people: t.people ?? '' }));

    // Next steps: those the CSM marked as shared on a touch of the period, then shared open tasks.
    const fromTouches = (sharedNextSteps.all(account.id, from, to) as { text: string; agreedOn: string; due: string | null }[]).map((n) => ({
      text: n.text,
      agreedOn: n.agreedOn.slice(0, 10),
      due: n.due,
    }));
    const seen = new Set(fromTouches.map((n) => n.text.trim().toLowerCase()));
    const fromTasks = deps.reminders
      .openForAccount(account.id)
      .filter((t) => t.shared && !t.fromFlag && (t.source === 'manual' || t.source === 'follow_up'))
      .filter((t) => !seen.has(t.title.trim().toLowerCase()))
      .map((t) => ({ text: t.title, agreedOn: null, due: t.due }));

    let adoption = samplesIn.all(account.id, 'adoption', from, to) as { date: string; value: number }[];
    const activeUsers = samplesIn.all(account.id, 'active_users', from, to) as { date: string; value: number }[];
    if (adoption.length === 0 && account.seats) {
      adoption = activeUsers.map((s) => ({ date: s.date, value: Math.min(100, (100 * s.value) / account.seats!) }));
    }

    return {
      asOf,
      csmName: settings.csmName,
      period: { from, to, label },
      account: { id: account.id, name: account.name, currency: account.currency },
      health,
      adoption,
      activeUsers,
      openTickets: samplesIn.all(account.id, 'open_tickets', from, to) as { date: string; value: number }[],
      seats: account.seats,
      meetings: { total: held.length, held: held.slice(-MAX_MEETINGS_SHARED) },
      goals: deps.goals.listForAccount(account.id).map(({ goal, measure, target, dueDate, status }) => ({ goal, measure, target, dueDate, status })),
      revenue: options.includeRevenue
        ? (revenueIn.all(account.id, from, to) as { date: string; kind: RevenueKind; mrrDeltaCents: number }[])
        : null,
      nextSteps: [...fromTouches, ...fromTasks],
    };
  }

  function review(options: ReviewOptions): ReviewData {
    const asOf = clock.today();
    monthBounds(options.month); // validates the month
    const settings = deps.getSettings();
    const metrics = deps.metrics.forMonth(options.month, asOf);
    const scored = deps.scoring.scoreBook(asOf);
    const byId = new Map(scored.map((s) => [s.facts.id, s]));
    const accounts = deps.accounts.list({}).filter((a) => a.stage !== 'churned');
    // Every band, "Not enough data" included: it is its own bucket, never counted as at risk.
    const bands = ALL_BANDS.map((band) => {
      const inBand = accounts.filter((a) => byId.get(a.id)?.score.health.band === band);
      return { band, count: inBand.length, arrCents: inBand.reduce((sum, a) => sum + a.mrrCents * 12, 0) };
    });
    const renewals = accounts
      .filter((a) => a.renewalDate && daysBetween(asOf, a.renewalDate) >= 0 && daysBetween(asOf, a.renewalDate) <= 90)
      .sort((a, b) => toDayNumber(a.renewalDate!) - toDayNumber(b.renewalDate!))
      .map((a) => {
        const health = byId.get(a.id)?.score.health;
        return {
          id: a.id,
          name: a.name,
          renewalDate: a.renewalDate!,
          inDays: daysBetween(asOf, a.renewalDate!),
          arrCents: a.mrrCents * 12,
          score: health?.score ?? null,
          band: health?.band ?? null,
        };
      });
    const triage = accounts
      .map((a) => ({ account: a, scored: byId.get(a.id) }))
      .filter((x) => x.scored?.score.inTriage)
      .sort((x, y) => y.account.mrrCents - x.account.mrrCents)
      .map(({ account, scored }) => {
        const { health, flags } = scored!.score;
        const urgent = flags.filter((f) => f.severity === 'emergency' || f.severity === 'high');
        const reasons = [
          ...urgent.map((f) => `${labelOf(f.rule)}: ${f.reason}`),
          ...(health.band === 'at_risk' ? [`Health ${health.score} (at risk)`] : []),
          ...(account.stage === 'triage' && urgent.length === 0 && health.band !== 'at_risk' ? ['In stage triage'] : []),
        ];
        return { id: account.id, name: account.name, arrCents: account.mrrCents * 12, score: health.score, band: health.band, reasons };
      });
    const { month: _month, arrAtRisk: _arrAtRisk, ...rest } = metrics;
    // SPEC "Triage cases": the review shows the month's cases (to as-of while it runs).
    const { from, to } = metrics.period;
    const cases = deps.triage
      .list('all', asOf)
      .cases.filter((c) => c.openedOn <= to && (c.closedOn === null || c.closedOn >= from))
      .map(({ id, accountName, openedOn, rootCause, targetDate, closedOn, outcome }) => ({ id, name: accountName, openedOn, rootCause, targetDate, closedOn, outcome }));
    const triageCases = { from, to, stats: deps.triage.stats(from, to), cases };
    return { asOf, month: options.month, csmName: settings.csmName, metrics: rest, accountCount: accounts.length, bands, renewals, triage, triageCases };
  }

  return { qbr, customerQbr, review };
}

export type ReportsService = ReturnType<typeof createReportsService>;
