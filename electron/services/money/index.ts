// The money side of the book (SPEC "Renewals, expansion and churn"): revenue from every money change,
// renewals, the forecast, expansion opportunities and their signals, and surveys and samples entered
// by hand — over one change log, so any of these writes can be undone.
import type { AccountMoney, ForecastView } from '../../../shared/contracts/money';
import { buildForecast, type ForecastRenewal } from '../../../shared/money/forecast';
import { impliedOpeningDate, monthAfter, mrrSeries } from '../../../shared/money/ledger';
import { addDays, monthBounds } from '../../../shared/dates';
import type { Settings } from '../../../shared/settings';
import type { ServiceContext } from '../context';
import type { ScoringService } from '../scoring';
import { createChangeLog } from './changes';
import { createHealthReader } from './health';
import { createLedger } from './ledger';
import { createOpportunitiesService } from './opportunities';
import { createRenewalsService } from './renewals';
import { createResponsesService } from './responses';
import { createRevenueService } from './revenue';

/** Months the forecast covers when not told. */
export const DEFAULT_FORECAST_MONTHS = 6;

export function createMoneyServices(ctx: ServiceContext, deps: { scoring: ScoringService; settings: () => Settings }) {
  const { clock } = ctx;
  const log = createChangeLog(ctx.sqlite, () => clock.now());
  const ledger = createLedger(ctx.sqlite);
  const health = createHealthReader(ctx.sqlite, deps.scoring);
  const revenue = createRevenueService(ctx, { log, ledger, renewals: () => renewals });
  const renewals = createRenewalsService(ctx, { log, ledger, health, settings: deps.settings, revenue: () => revenue });
  const opportunities = createOpportunitiesService(ctx, { log, ledger, health, settings: deps.settings });
  const responses = createResponsesService(ctx, { log, ledger });

  return {
    revenue,
    renewals,
    opportunities,
    responses,

    undo(changeId: number) {
      const undone = log.undo(changeId);
      ctx.accountChanged(undone.accountId);
      return { accountId: undone.accountId, summary: `Undone: ${undone.summary}` };
    },

    /** Everything the account page's money panels show. */
    account(accountId: number): AccountMoney {
      const asOf = clock.today();
      const account = ledger.account(accountId);
      const events = ledger.events(accountId);
      let running = 0;
      const withMrr = events.map((e) => ({ ...e, mrrAfterCents: (running += e.mrrDeltaCents) }));
      const opening = impliedOpeningDate({ contractStart: account.contract_start, createdAt: account.created_at });
      const { open, past } = renewals.forAccount(accountId, asOf);
      return {
        asOf,
        accountId,
        currency: account.currency,
        stage: account.stage,
        churnedOn: account.churned_on,
        churnReason: account.churn_reason as AccountMoney['churnReason'],
        mrrCents: account.mrr_cents,
        ledgerMrrCents: ledger.mrr(account, events),
        events: withMrr.reverse().map((e) => ({
          id: e.id,
          accountId,
          date: e.date.slice(0, 10),
          kind: e.kind,
          mrrDeltaCents: e.mrrDeltaCents,
          source: e.source,
          note: e.note,
          mrrAfterCents: e.mrrAfterCents,
          importBatchId: e.importBatchId,
        })),
        series: events.length ? mrrSeries(events) : [{ date: opening, mrrCents: account.mrr_cents }],
        impliedOpening: events.length ? null : { date: opening, mrrCents: account.mrr_cents },
        renewal: open,
        pastRenewals: past,
        opportunities: opportunities.forAccount(accountId),
        signals: account.archived ? [] : opportunities.signals(accountId, asOf),
      };
    },

    /** The renewals forecast of the next `months` months (SPEC's shape, plus overdue and the probabilities). */
    forecast(months = DEFAULT_FORECAST_MONTHS, asOf = clock.today()): ForecastView {
      const settings = deps.settings().forecast;
      const last = monthBounds(monthAfter(asOf, months - 1)).last;
      const horizon = [last, addDays(asOf, settings.disagreementDays)].sort()[1];
      const rows = renewals.openRows().filter((r) => r.dueDate <= horizon);
      const ids = rows.map((r) => r.accountId);
      const healthNow = health.health(asOf, ids);
      const flags = health.flags(ids);
      const mrr = health.mrrAsOf(asOf, ids);
      const input: ForecastRenewal[] = rows.map((r) => {
        const h = healthNow.get(r.accountId);
        return {
          renewalId: r.id,
          accountId: r.accountId,
          name: r.accountName,
          dueDate: r.dueDate,
          forecast: r.forecast,
          expectedArrCents: r.expectedArrCents,
          arrCents: 12 * (mrr.get(r.accountId) ?? 0),
          band: h?.band ?? 'no_data',
          score: h?.score ?? null,
          flags: flags.get(r.accountId) ?? [],
        };
      });
      const { disagreementDays: _days, ...probabilities } = settings;
      return { ...buildForecast(input, asOf, months, settings), probabilities };
    },

    /** Today's money: renewals due within 30 days without a forecast, and expansion signals. */
    today() {
      const asOf = clock.today();
      return { asOf, renewals: renewals.withoutForecast(asOf), signals: opportunities.signals(null, asOf) };
    },
  };
}

export type MoneyServices = ReturnType<typeof createMoneyServices>;
