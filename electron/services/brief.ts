// The account brief (SPEC "Trends and the account brief"): what a CSM reads before a call, from the
// services that already own each fact — the account page (health, what changed in 30 days, flags,
// open tasks, contacts with their last touch, the newest touches, goals), the money side (the open
// renewal and its forecast, opportunities) and triage (the open case). Nothing is computed twice.
// Lists are cut to what fits one page of paper (BRIEF_LIMITS) and say how many more there are.
//
// Also Today's meetings: touches captured from calendars (source calendar) occurring today, each a
// link to its account's brief.
import { BRIEF_LIMITS, type BriefData, type MeetingsToday } from '../../shared/contracts/brief';
import { addDays, daysBetween } from '../../shared/dates';
import { EXECUTIVE_LEVELS, type AnyBand } from '../../shared/domain';
import { bandProbability, categoryProbability, expectedArrOf } from '../../shared/money/forecast';
import type { Settings } from '../../shared/settings';
import type { AccountPageService } from './account-page';
import type { ServiceContext } from './context';
import type { MoneyServices } from './money';
import type { TriageService } from './triage';

const SEVERITY_RANK: Record<string, number> = { emergency: 0, high: 1, medium: 2, low: 3 };
const CLOSED_GOALS = new Set(['achieved', 'missed']);
const CLOSED_OPPORTUNITIES = new Set(['won', 'lost']);

/** The first `n` of a list and how many were left out. */
const firstOf = <T>(list: T[], n: number): [T[], number] => [list.slice(0, n), Math.max(0, list.length - n)];

export function createBriefService(
  ctx: ServiceContext,
  deps: { accountPage: AccountPageService; money: MoneyServices; triage: TriageService; getSettings: () => Settings },
) {
  const { sqlite, clock } = ctx;
  // Accounts first, then each one's touches of the day through (account_id, occurred_at): no scan of
  // every touch. occurred_at is 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM…' (capture writes the CSM's local time).
  const meetingsOn = sqlite.prepare(`
    SELECT t.id AS touchId, a.id AS accountId, a.name AS accountName, t.occurred_at AS occurredAt, t.summary,
           a.renewal_date AS renewalDate
    FROM accounts a CROSS JOIN touches t ON t.account_id = a.id AND t.occurred_at >= ? AND t.occurred_at < ?
    WHERE a.archived = 0 AND t.source = 'calendar'
    ORDER BY t.occurred_at, t.id`);
  const peopleOf = sqlite.prepare(`
    SELECT c.name FROM touch_contacts tc JOIN contacts c ON c.id = tc.contact_id WHERE tc.touch_id = ? ORDER BY c.name`).pluck();
  const latestSnapshot = sqlite.prepare(
    'SELECT score, band FROM health_snapshots WHERE account_id = ? AND date <= ? ORDER BY date DESC LIMIT 1',
  );
  const openFlagCount = sqlite.prepare('SELECT count(*) FROM flags WHERE account_id = ? AND resolved_at IS NULL').pluck();

  /** A flag's reminder is titled "Account: reason" for Today; inside the account's own brief the name is noise. */
  const withoutName = (title: string, name: string) => (title.startsWith(`${name}: `) ? title.slice(name.length + 2) : title);

  return {
    get(accountId: number): BriefData {
      const page = deps.accountPage.get(accountId, BRIEF_LIMITS.touches);
      const money = deps.money.account(accountId);
      const triage = deps.triage.forAccount(accountId);
      const forecastSettings = deps.getSettings().forecast;
      const { asOf, health, detail } = page;
      const { account, contacts } = detail;
      const arrCents = money.ledgerMrrCents * 12;

      let renewal: BriefData['renewal'] = null;
      const band: AnyBand = money.renewal?.band ?? health?.band ?? 'no_data';
      if (money.renewal) {
        const r = money.renewal;
        const expected = expectedArrOf(r);
        renewal = {
          dueDate: r.dueDate,
          inDays: r.inDays,
          forecast: r.forecast,
          expectedArrCents: expected,
          weightedArrCents: Math.round(expected * categoryProbability(forecastSettings, r.forecast)),
          healthAdjustedArrCents: Math.round(expected * bandProbability(forecastSettings, band)),
          disagreement: r.disagreement,
          open: true,
        };
      } else if (account.renewalDate && account.stage !== 'churned') {
        renewal = {
          dueDate: account.renewalDate,
          inDays: daysBetween(asOf, account.renewalDate),
          forecast: null,
          expectedArrCents: arrCents,
          weightedArrCents: Math.round(arrCents * categoryProbability(forecastSettings, null)),
          healthAdjustedArrCents: Math.round(arrCents * bandProbability(forecastSettings, band)),
          disagreement: null,
          open: false,
        };
      }

      const openFlags = page.flags
        .filter((f) => f.resolvedAt === null)
        .sort((a, b) => (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) || (a.raisedAt < b.raisedAt ? 1 : -1));
      const [flags, moreFlags] = firstOf(openFlags, BRIEF_LIMITS.flags);

      const [followUps, moreFollowUps] = firstOf(
        page.tasks.map((t) => ({ id: t.id, title: withoutName(t.title, account.name), due: t.due, overdueDays: daysBetween(t.due, asOf), source: t.source, snoozedUntil: t.snoozedUntil })),
        BRIEF_LIMITS.followUps,
      );

      const names = new Map(contacts.map((c) => [c.id, c.name]));
      const touches = detail.touches.slice(0, BRIEF_LIMITS.touches).map((t) => ({
        id: t.id,
        date: t.occurredAt,
        type: t.type,
        summary: t.summary,
        people: t.contactIds.map((c) => names.get(c)).filter((n): n is string => Boolean(n)),
        sentiment: t.sentiment,
        nextStep: t.nextStep,
        followUpDue: t.followUpDue,
      }));

      // Who is who: people still there, executives first, then the strongest relationships.
      const current = contacts.filter((c) => c.leftOn === null || c.leftOn > asOf);
      const executive = (level: string) => (EXECUTIVE_LEVELS as readonly string[]).includes(level);
      const ranked = current
        .map((c) => ({
          id: c.id,
          name: c.name,
          title: c.title ?? null,
          level: c.level,
          role: c.role,
          strength: c.strength,
          isUser: c.isUser,
          executive: executive(c.level),
          lastContact: c.lastTouchAt ? c.lastTouchAt.slice(0, 10) : null,
        }))
        .sort((a, b) => Number(b.executive) - Number(a.executive) || b.strength - a.strength || a.name.localeCompare(b.name));
      const [people, morePeople] = firstOf(ranked, BRIEF_LIMITS.people);

      const [goals, moreGoals] = firstOf(
        page.goals.filter((g) => !CLOSED_GOALS.has(g.status)).map(({ id, goal, target, status, dueDate }) => ({ id, goal, target, status, dueDate })),
        BRIEF_LIMITS.goals,
      );
      const [opportunities, moreOpportunities] = firstOf(
        money.opportunities
          .filter((o) => !CLOSED_OPPORTUNITIES.has(o.stage))
          .map(({ id, title, arrCents: value, stage, expectedClose }) => ({ id, title, arrCents: value, stage, expectedClose })),
        BRIEF_LIMITS.opportunities,
      );

      const open = triage.open;
      return {
        asOf,
        account: {
          id: account.id,
          name: account.name,
          externalId: account.externalId,
          segment: account.segment,
          stage: account.stage,
          industry: account.industry,
          currency: account.currency,
          arrCents,
          archived: account.archived,
          churnedOn: account.churnedOn,
          churnReason: account.churnReason,
        },
        renewal,
        health: health && { date: health.date, score: health.score, band: health.band, confidence: health.confidence, inTriage: health.inTriage },
        change30: page.changes.d30,
        flags: flags.map(({ rule, severity, reason, raisedAt, snoozedUntil }) => ({ rule, severity, reason, raisedAt, snoozedUntil })),
        moreFlags,
        triageCase: open && {
          openedOn: open.openedOn,
          rootCause: open.rootCause,
          plan: open.plan,
          targetDate: open.targetDate,
          overdueDays: open.overdueDays,
          triggers: open.triggers.map((t) => t.reason),
        },
        followUps,
        moreFollowUps,
        touches,
        touchCount: page.touchCount,
        people,
        morePeople,
        peopleLeft: contacts.length - current.length,
        goals,
        moreGoals,
        opportunities,
        moreOpportunities,
      };
    },

    /** Meetings captured from calendars that occur today, in time order, each with its account's state. */
    meetingsToday(): MeetingsToday {
      const today = clock.today();
      const rows = meetingsOn.all(today, addDays(today, 1)) as {
        touchId: number;
        accountId: number;
        accountName: string;
        occurredAt: string;
        summary: string;
        renewalDate: string | null;
      }[];
      return {
        date: today,
        meetings: rows.map((r) => {
          const snapshot = latestSnapshot.get(r.accountId, today) as { score: number | null; band: AnyBand } | undefined;
          const time = /T(\d\d:\d\d)/.exec(r.occurredAt)?.[1] ?? null;
          return {
            touchId: r.touchId,
            accountId: r.accountId,
            accountName: r.accountName,
            time,
            summary: r.summary,
            people: peopleOf.all(r.touchId) as string[],
            band: snapshot?.band ?? null,
            score: snapshot?.score ?? null,
            renewalInDays: r.renewalDate ? daysBetween(today, r.renewalDate) : null,
            openFlags: openFlagCount.get(r.accountId) as number,
          };
        }),
      };
    },
  };
}

export type BriefService = ReturnType<typeof createBriefService>;
