// The accounts behind a KPI tile (issue 17.6: every tile opens the portfolio filtered to the
// accounts behind its number). The tiles the portfolio's own filters express (ARR, incubation, in
// triage, renewals in 90 days) use those filters; these are the ones that need the revenue events
// or the survey responses, with the same cuts as portfolioMetrics: the month's events up to as-of,
// the NPS tile's window.
import { monthBounds } from '../dates';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { portfolioMetrics } from './metrics';
import type { PortfolioInput } from './types';

export const KPI_ACCOUNT_TILES = ['nrr', 'grr', 'logo_churn', 'nps'] as const;
export type KpiAccountTile = (typeof KPI_ACCOUNT_TILES)[number];

/** What the accounts have in common, to label the filtered portfolio. */
export const KPI_TILE_WORDS: Record<KpiAccountTile, string> = {
  nrr: 'expanded, contracted or churned',
  grr: 'contracted or churned',
  logo_churn: 'churned',
  nps: 'answered NPS',
};

/** Ids of the (not archived) accounts behind `tile` for `month` at `asOf`, ascending. */
export function kpiAccounts(
  input: PortfolioInput,
  tile: KpiAccountTile,
  month: string,
  asOf: string,
  settings: Settings = DEFAULT_SETTINGS,
): { ids: number[]; from: string; to: string } {
  const active = new Set(input.accounts.filter((a) => !a.archived).map((a) => a.id));
  const ids = new Set<number>();
  if (tile === 'nps') {
    const window = portfolioMetrics(input, month, asOf, settings).surveyWindows.nps;
    for (const r of input.surveys) {
      if (r.kind === 'nps' && active.has(r.accountId) && r.date.slice(0, 10) >= window.from && r.date.slice(0, 10) <= window.to) ids.add(r.accountId);
    }
    return { ids: [...ids].sort((a, b) => a - b), from: window.from, to: window.to };
  }
  const { first, last } = monthBounds(month);
  const to = last < asOf ? last : asOf;
  const kinds = tile === 'nrr' ? ['expansion', 'contraction', 'churn'] : tile === 'grr' ? ['contraction', 'churn'] : ['churn'];
  for (const ev of input.revenue) {
    const day = ev.date.slice(0, 10);
    if (active.has(ev.accountId) && kinds.includes(ev.kind) && day >= first && day <= to) ids.add(ev.accountId);
  }
  return { ids: [...ids].sort((a, b) => a - b), from: first, to };
}
