// The money side of the sample book (SPEC "Renewals, expansion and churn"): churns with their reasons,
// open renewals with forecasts — including one disagreement each way — expansion opportunities (one
// won, whose expansion event is in the revenue history), a seat overage to suggest one, and an NPS the
// CSM entered by hand after a call.
//
// Two halves. `addHandEnteredMoney` changes the plain book before it is written (so the scoring facts
// of the book and of the database stay the same, see demo/load.ts demoFactsFor): the hand-entered NPS,
// the won expansion's revenue event, and active users above the licensed seats. `seedDemoMoney` runs
// after the book is loaded and scored: it records why the churned accounts left, opens the renewals
// and forecasts them from what the scoring says (so the disagreements are real ones), and adds the
// opportunities. Deterministic, and every date counts back from as-of.
import { addDays } from '../../../shared/dates';
import type { ChurnReason, ForecastCategory } from '../../../shared/domain';
import type { DemoBook } from './book';
import type { ServiceContext } from '../context';
import type { MoneyServices } from '../money';

/** Why each churned sample account left (their notes tell the story). */
const CHURN_REASONS: Record<string, ChurnReason> = {
  'Orchard Lane Retail': 'acquired',
  'Beacon Hill Staffing': 'budget',
  'Quarry Lane Fitness': 'low_adoption',
  'Inkwell Print Shop': 'price',
};

const NPS_ACCOUNT = 'Blue Heron Logistics';
const WON_ACCOUNT = 'Kestrel Security';
const WON_TITLE = 'Threat-intelligence add-on for the SOC team';
const WON_DAYS_AGO = 18;
const OVERAGE_ACCOUNT = 'Little Fern Studio';
/** Today asks for a forecast on renewals this close. */
const TODAY_RENEWAL_DAYS = 30;

/** Plain-book additions: the hand-entered NPS, the won expansion, the seat overage. */
export function addHandEnteredMoney(book: DemoBook): DemoBook {
  const byName = new Map(book.accounts.map((a) => [a.name, a]));

  const nps = byName.get(NPS_ACCOUNT);
  if (nps) {
    const who = nps.contacts.findIndex((c) => c.role === 'sponsor' || c.role === 'champion');
    nps.surveys.push({
      kind: 'nps',
      score: 10,
      date: addDays(book.asOf, -4),
      comment: 'Said on the quarterly call, unprompted: they would recommend us to their sister company in Rotterdam.',
      contactIdx: who >= 0 ? who : null,
    });
  }

  const won = byName.get(WON_ACCOUNT);
  if (won) {
    const delta = Math.round((won.mrrCents * 0.12) / 100) * 100; // a 12 % add-on, in whole dollars
    won.revenue.push({ date: addDays(book.asOf, -WON_DAYS_AGO), kind: 'expansion', mrrDeltaCents: delta });
    won.revenue.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    won.mrrCents += delta;
  }

  // The studio hired: the last two monthly counts of active users are above the seats they pay for.
  const overage = byName.get(OVERAGE_ACCOUNT);
  if (overage) {
    const users = overage.samples.filter((s) => s.key === 'active_users');
    users.slice(-2).forEach((s, i) => (s.value = overage.seats + 2 + 2 * i));
  }
  return book;
}

interface SeedAccount {
  id: number;
  name: string;
  stage: string;
  mrr: number;
}

/**
 * After the book is loaded and scored: churn reasons and the churned accounts' closed renewals, the
 * won opportunity and a few open ones, and forecasts on the open renewals due in the next 180 days.
 */
export function seedDemoMoney(ctx: ServiceContext, money: MoneyServices): void {
  const { sqlite, clock } = ctx;
  const asOf = clock.today();
  const now = clock.now();
  const accounts = sqlite.prepare("SELECT id, name, stage, mrr_cents AS mrr FROM accounts WHERE external_id LIKE 'DEMO-%'").all() as SeedAccount[];
  const byName = new Map(accounts.map((a) => [a.name, a]));

  sqlite.transaction(() => {
    for (const [name, reason] of Object.entries(CHURN_REASONS)) {
      const account = byName.get(name);
      if (!account || account.stage !== 'churned') continue;
      const churn = sqlite.prepare("SELECT id, date FROM revenue_events WHERE account_id = ? AND kind = 'churn' ORDER BY date DESC LIMIT 1").get(account.id) as
        | { id: number; date: string }
        | undefined;
      if (!churn) continue;
      const why = (sqlite.prepare('SELECT notes FROM accounts WHERE id = ?').pluck().get(account.id) as string).split(';')[0];
      sqlite.prepare('UPDATE accounts SET churned_on = ?, churn_reason = ? WHERE id = ?').run(churn.date, reason, account.id);
      sqlite.prepare("UPDATE revenue_events SET source = 'churn', note = ? WHERE id = ?").run(`Churned: ${reason.replace(/_/g, ' ')} — ${why}`, churn.id);
      sqlite
        .prepare("INSERT INTO renewals (account_id, due_date, term_months, forecast, outcome, closed_on, notes, created_at, updated_at) VALUES (?, ?, 12, 'lost', 'churned', ?, '', ?, ?)")
        .run(account.id, churn.date, churn.date, now, now);
    }

    const won = byName.get(WON_ACCOUNT);
    if (won) {
      const wonOn = addDays(asOf, -WON_DAYS_AGO);
      const event = sqlite.prepare("SELECT id, mrr_delta_cents AS delta FROM revenue_events WHERE account_id = ? AND kind = 'expansion' AND date = ?").get(won.id, wonOn) as
        | { id: number; delta: number }
        | undefined;
      if (event) {
        sqlite.prepare("UPDATE revenue_events SET source = 'opportunity', note = ? WHERE id = ?").run(`Won: ${WON_TITLE}`, event.id);
        sqlite
          .prepare(
            "INSERT INTO opportunities (account_id, title, arr_cents, stage, expected_close, source, closed_on, revenue_event_id, notes, created_at, updated_at) VALUES (?, ?, ?, 'won', ?, 'manual', ?, ?, ?, ?, ?)",
          )
          .run(won.id, WON_TITLE, event.delta * 12, wonOn, wonOn, event.id, 'Signed by the CISO after the pilot in the SOC.', now, now);
      }
    }
  })();

  // Open opportunities through the service, as the CSM would make them.
  const open: { name: string; title: string; arrShare: number; stage: 'identified' | 'qualified' | 'proposed'; closeInDays: number; notes: string }[] = [
    { name: 'Copperleaf Software', title: 'Analytics module for the product team', arrShare: 0.2, stage: 'proposed', closeInDays: 35, notes: 'Proposal sent; their VP Product wants it live before the spring release.' },
    { name: 'Northstar Telecom', title: 'Second region: the Nordic field teams', arrShare: 0.3, stage: 'qualified', closeInDays: 80, notes: 'Budget is set in January.' },
    { name: 'Saltmarsh Marketing', title: 'Client portal seats for two agency partners', arrShare: 0.15, stage: 'identified', closeInDays: 120, notes: '' },
  ];
  for (const o of open) {
    const account = byName.get(o.name);
    if (!account || account.stage === 'churned') continue;
    money.opportunities.create({
      accountId: account.id,
      title: o.title,
      arrCents: Math.round((account.mrr * 12 * o.arrShare) / 10_000) * 10_000,
      stage: o.stage,
      expectedClose: addDays(asOf, o.closeInDays),
      notes: o.notes,
    });
  }
  // The seat overage stays a suggestion (Today and the account page offer it); one was lost.
  const lost = byName.get('Halcyon Hotels Group');
  if (lost) {
    const { opportunity } = money.opportunities.create({ accountId: lost.id, title: 'Spa and wellness module', arrCents: 1_800_000, stage: 'proposed', notes: '' });
    money.opportunities.lose({ id: opportunity.id, date: addDays(asOf, -9), note: 'They built it in-house.' });
  }

  forecastRenewals(money, asOf);
}

/**
 * Forecasts like a CSM would, mostly agreeing with health: healthy → commit, watch → likely, at risk
 * → at risk. Two do not: the at-risk account with the nearest renewal is forecast commit (its champion
 * says the budget is approved), and a healthy account without a flag is forecast at risk (a rumour of a
 * competitor). Up to two renewals due within 30 days are left without a forecast, for Today to ask about.
 */
function forecastRenewals(money: MoneyServices, asOf: string): void {
  const due = money.renewals.list(asOf).filter((r) => r.inDays >= 0 && r.inDays <= 180);
  const unforecast = new Set(due.filter((r) => r.inDays <= TODAY_RENEWAL_DAYS).slice(0, 2).map((r) => r.id));
  const optimistic = due.find((r) => !unforecast.has(r.id) && r.band === 'at_risk');
  const pessimistic = [...due].reverse().find((r) => !unforecast.has(r.id) && r.band === 'healthy' && r.flags.length === 0);
  let upsold = false;
  for (const r of due) {
    if (unforecast.has(r.id)) continue;
    let forecast: ForecastCategory;
    let notes = '';
    let expectedArrCents: number | null = null;
    if (r === optimistic) {
      forecast = 'commit';
      notes = 'The champion says the budget is approved and the renewal is a formality.';
    } else if (r === pessimistic) {
      forecast = 'at_risk';
      notes = 'Heard at the user group that their new CTO is looking at a competitor.';
    } else if (r.flags.some((f) => f.severity === 'high' || f.severity === 'emergency')) {
      forecast = 'at_risk'; // the CSM sees the same serious flag the score does
    } else if (r.band === 'healthy') {
      forecast = 'commit';
      if (!upsold) {
        expectedArrCents = Math.round((r.arrCents * 1.15) / 10_000) * 10_000;
        notes = 'Renewing with 15 % more seats for the new office.';
        upsold = true;
      }
    } else if (r.band === 'watch') forecast = 'likely';
    else if (r.band === 'at_risk') forecast = 'at_risk';
    else continue;
    money.renewals.update({ id: r.id, patch: { forecast, notes, ...(expectedArrCents === null ? {} : { expectedArrCents }) } });
  }
}
