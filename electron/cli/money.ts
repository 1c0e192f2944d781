// `tend churn`, `tend renewal`, `tend forecast` (SPEC "Command line", added 2026-12): thin over the
// router's money channels. `<account>` is an id, an external id or a name; money is read like a CSV
// money cell (`$1,200.50`); every error names the option and the value that is wrong.
import { isIsoDate } from '../../shared/dates';
import { TendError } from '../../shared/errors';
import { CHURN_REASONS, FORECAST_CATEGORIES, type ChurnReason, type ForecastCategory } from '../../shared/domain';
import { formatMoney, labelOf } from '../../shared/format';
import { normalizeWord } from '../../shared/import/values';
import type { ForecastView, RenewalView } from '../../shared/contracts/money';
import { readMoney } from '../../shared/money/input';
import { FORECAST_WORDS } from '../../shared/money/words';
import type { Router } from '../router';
import type { Services } from '../services';
import { DEFAULT_FORECAST_MONTHS } from '../services/money';
import { table } from './print';

/** The options these commands add to `tend` (parsed by node:util parseArgs with the others). */
export const MONEY_OPTIONS = {
  date: { type: 'string' },
  reason: { type: 'string' },
  note: { type: 'string' },
  forecast: { type: 'string' },
  'expected-arr': { type: 'string' },
  term: { type: 'string' },
  close: { type: 'string' },
  mrr: { type: 'string' },
  months: { type: 'string' },
} as const;

export const MONEY_USAGE = `  churn ACCOUNT [--date YYYY-MM-DD] [--reason REASON] [--note TEXT]
                            record a churn: a churn event of −MRR at the date (default today),
                            stage churned, the open renewal and triage case closed; REASON is one of
                            ${CHURN_REASONS.join(', ')} (default other)
  renewal ACCOUNT [--forecast commit|likely|at_risk|lost|none] [--expected-arr AMOUNT|none] [--term MONTHS]
          [--close renewed --mrr AMOUNT | --close churned --reason REASON] [--date YYYY-MM-DD]
                            show, forecast or close the account's open renewal; closing as renewed
                            writes the revenue event and opens the next renewal a term later
  forecast [--months N]     the renewals forecast of the next N months (default ${DEFAULT_FORECAST_MONTHS}): ARR due,
                            expected and health-adjusted ARR, by category, and the disagreements`;

type Options = Partial<Record<keyof typeof MONEY_OPTIONS, string>>;

/** What the money commands need from the CLI around them (passed in, so there is no import cycle). */
export interface MoneyCliEnv {
  router: Router;
  services: Services;
  positionals: string[];
  json: boolean;
  options: Options;
  print(data: unknown, human: () => string): void;
  usage(message: string): Error;
  findAccount(which: string): { id: number; name: string };
}

const REASONS = new Map<string, ChurnReason>([
  ...CHURN_REASONS.map((r) => [normalizeWord(r), r] as const),
  ['valuenotrealized', 'value_not_realised'],
  ['pricing', 'price'],
  ['tooexpensive', 'price'],
  ['budgetcut', 'budget'],
  ['nobudget', 'budget'],
  ['acquisition', 'acquired'],
  ['merger', 'acquired'],
  ['sponsorleft', 'sponsor_lost'],
  ['championlost', 'sponsor_lost'],
  ['missingfeature', 'missing_features'],
  ['features', 'missing_features'],
]);

function reasonOf(env: MoneyCliEnv, text: string | undefined, fallback?: ChurnReason): ChurnReason {
  if (text === undefined) {
    if (fallback) return fallback;
    throw env.usage(`--reason is needed: one of ${CHURN_REASONS.join(', ')}.`);
  }
  const reason = REASONS.get(normalizeWord(text));
  if (!reason) throw env.usage(`--reason "${text}" is not a churn reason; use one of ${CHURN_REASONS.join(', ')}.`);
  return reason;
}

function dateOf(env: MoneyCliEnv, text: string | undefined, asOf: string): string {
  if (text === undefined) return asOf;
  if (!isIsoDate(text)) throw env.usage(`--date must be a date as YYYY-MM-DD (got "${text}").`);
  return text;
}

function moneyOf(env: MoneyCliEnv, option: string, text: string): number {
  const read = readMoney(text, `--${option}`, 'point');
  if (read.error !== undefined) throw env.usage(read.error);
  return read.cents;
}

function accountOf(env: MoneyCliEnv, command: string): { id: number; name: string } {
  const which = env.positionals.join(' ').trim();
  if (!which) throw env.usage(`tend ${command} needs an account: its id, external id or name.`);
  return env.findAccount(which);
}

const money = (cents: number | null, currency = 'USD') => (cents === null ? '—' : formatMoney(cents, currency, true));

function describeRenewal(r: RenewalView | null, name: string): string {
  if (!r) return `${name} has no open renewal (no renewal date, or it is churned or archived).`;
  return [
    `${r.accountName}: renewal due ${r.dueDate} (${r.inDays >= 0 ? `in ${r.inDays} days` : `${-r.inDays} days overdue`}), term ${r.termMonths} months`,
    `  forecast: ${FORECAST_WORDS[r.forecast ?? 'none']}   ARR: ${money(r.arrCents, r.currency)}   expected ARR: ${money(r.expectedArrCents ?? r.arrCents, r.currency)}${r.expectedArrCents === null ? ' (the ARR today)' : ''}`,
    `  health: ${r.band ? labelOf(r.band) : '—'}${r.score === null ? '' : ` (${r.score})`}${r.flags.length ? `, ${r.flags.length} open flag${r.flags.length === 1 ? '' : 's'}` : ''}`,
    r.disagreement ? `  ! ${r.disagreement}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export function printForecast(f: ForecastView): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const lines = [`Renewals forecast as of ${f.asOf}`, ''];
  lines.push(
    table(
      ['month', 'renewals', 'ARR due', 'expected', 'health-adjusted', 'commit', 'likely', 'at risk', 'lost', 'none'],
      [
        ...f.months.map((m) => [
          m.month,
          String(m.count),
          money(m.arr),
          money(m.expectedArr),
          money(m.healthAdjustedArr),
          ...(['commit', 'likely', 'at_risk', 'lost', 'none'] as const).map((c) => (m.byCategory[c].count ? `${m.byCategory[c].count} · ${money(m.byCategory[c].arr)}` : '—')),
        ]),
        ['total', String(f.totals.count), money(f.totals.arr), money(f.totals.expectedArr), money(f.totals.healthAdjustedArr), '', '', '', '', ''],
      ],
    ),
  );
  if (f.overdue.count) lines.push('', `Overdue, not closed: ${f.overdue.count} renewal${f.overdue.count === 1 ? '' : 's'}, ${money(f.overdue.arr)} ARR.`);
  const p = f.probabilities;
  lines.push(
    '',
    `Probabilities: commit ${pct(p.commit)}, likely ${pct(p.likely)} (also no forecast), at risk ${pct(p.at_risk)}, lost ${pct(p.lost)}; healthy ${pct(p.bands.healthy)}, watch ${pct(p.bands.watch)}, at risk ${pct(p.bands.at_risk)}, not enough data ${pct(p.bands.no_data)}.`,
  );
  lines.push('', f.disagreements.length ? 'Disagreements:' : 'No disagreement between your forecast and health.');
  for (const d of f.disagreements) lines.push(`  ${d.name} (id ${d.accountId}, due ${d.dueDate}): ${d.reason}`);
  return lines.join('\n');
}

export const moneyCommands = {
  async churn(env: MoneyCliEnv): Promise<void> {
    const account = accountOf(env, 'churn');
    const asOf = env.services.ctx.clock.today();
    const reason = reasonOf(env, env.options.reason, 'other');
    const date = dateOf(env, env.options.date, asOf);
    const change = await env.router.call('money.churn', { accountId: account.id, date, reason, note: env.options.note });
    env.print({ accountId: account.id, name: account.name, date, reason, summary: change.summary }, () => change.summary);
  },

  async renewal(env: MoneyCliEnv): Promise<void> {
    const account = accountOf(env, 'renewal');
    const { options } = env;
    const asOf = env.services.ctx.clock.today();
    const patch: { forecast?: ForecastCategory | null; expectedArrCents?: number | null; termMonths?: number } = {};
    if (options.forecast !== undefined) {
      const word = normalizeWord(options.forecast);
      const category = FORECAST_CATEGORIES.find((c) => normalizeWord(c) === word);
      if (!category && word !== 'none') throw env.usage(`--forecast "${options.forecast}" is not a forecast category; use commit, likely, at_risk, lost or none.`);
      patch.forecast = category ?? null;
    }
    if (options['expected-arr'] !== undefined) {
      patch.expectedArrCents = ['none', 'default'].includes(normalizeWord(options['expected-arr'])) ? null : moneyOf(env, 'expected-arr', options['expected-arr']);
    }
    if (options.term !== undefined) {
      const term = Number(options.term);
      if (!Number.isInteger(term) || term < 1 || term > 120) throw env.usage(`--term must be a whole number of months from 1 to 120 (got "${options.term}").`);
      patch.termMonths = term;
    }
    const close = options.close;
    if (close !== undefined && close !== 'renewed' && close !== 'churned') throw env.usage(`--close must be renewed or churned (got "${close}").`);
    if (close && Object.keys(patch).length) throw env.usage('Set the forecast (or expected ARR, term) or close the renewal — not both in one command.');
    if (close !== 'renewed' && options.mrr !== undefined) throw env.usage('--mrr goes with --close renewed: the MRR the customer renewed at.');
    if (close !== 'churned' && options.reason !== undefined) throw env.usage('--reason goes with --close churned.');
    if (!close && options.date !== undefined) throw env.usage('--date goes with --close: the day the renewal was closed.');

    const current = env.services.money.renewals.forAccount(account.id).open;
    if (!close && !Object.keys(patch).length) {
      env.print({ accountId: account.id, name: account.name, renewal: current }, () => describeRenewal(current, account.name));
      return;
    }
    if (!current) throw new TendError('not_found', `${describeRenewal(null, account.name)} Nothing was changed.`);
    let summary: string;
    if (close === 'renewed') {
      if (options.mrr === undefined) throw env.usage('--close renewed needs --mrr: the MRR the customer renewed at (e.g. --mrr 1,200).');
      const mrrCents = moneyOf(env, 'mrr', options.mrr);
      summary = (await env.router.call('renewals.close', { id: current.id, outcome: 'renewed', mrrCents, date: dateOf(env, options.date, asOf), note: options.note })).summary;
    } else if (close === 'churned') {
      const reason = reasonOf(env, options.reason);
      summary = (await env.router.call('renewals.close', { id: current.id, outcome: 'churned', reason, date: dateOf(env, options.date, asOf), note: options.note })).summary;
    } else {
      summary = (await env.router.call('renewals.update', { id: current.id, patch })).summary;
    }
    const next = env.services.money.renewals.forAccount(account.id);
    const closed = close ? (next.past.find((r) => r.id === current.id) ?? null) : null;
    env.print({ accountId: account.id, name: account.name, summary, closed, renewal: next.open }, () =>
      [summary, next.open ? describeRenewal(next.open, account.name) : ''].filter(Boolean).join('\n'),
    );
  },

  async forecast(env: MoneyCliEnv): Promise<void> {
    const text = env.options.months;
    const months = text === undefined ? DEFAULT_FORECAST_MONTHS : Number(text);
    if (!Number.isInteger(months) || months < 1 || months > 36) throw env.usage(`--months must be a whole number from 1 to 36 (got "${text}").`);
    if (env.positionals.length) throw env.usage(`tend forecast takes no account (got "${env.positionals.join(' ')}"); it covers the whole book.`);
    const forecast = await env.router.call('forecast.get', { months });
    env.print(forecast, () => printForecast(forecast));
  },
};
