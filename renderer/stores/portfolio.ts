// The portfolio's view state and the data it adds to the account list: filters and sort (the
// "current view"), saved views (stored in the database through views.*), weekly health trends for
// the sparklines (fetched once per load) and the month's portfolio metrics for the KPI tiles.
// Filtering and sorting are plain functions over the list so 10,000 rows stay cheap to re-derive.
import { create } from 'zustand';
import type { AccountSummary } from '../../shared/contract';
import type {
  PortfolioFilters,
  PortfolioMetricsOutput,
  PortfolioSort,
  PortfolioSortKey,
  SavedView,
} from '../../shared/contracts/portfolio';
import { daysBetween } from '../../shared/dates';
import type { KpiAccountTile } from '../../shared/scoring/kpi-accounts';
import { SEGMENTS, SEVERITIES, STAGES } from '../../shared/domain';
import { call } from '../api';
import { useAppStore } from './app';

export const EMPTY_FILTERS: PortfolioFilters = {
  search: '',
  segment: [],
  stage: [],
  band: [],
  flag: [],
  renewalWithin: null,
  inTriage: false,
  showChurned: false,
};

/**
 * The accounts behind a KPI tile no filter expresses (issue 17.6): shown alone, churned ones too,
 * until cleared. Not part of a saved view (it is a moment's question, not a view).
 */
export interface PortfolioFocus {
  label: string;
  ids: number[];
}
export const DEFAULT_SORT: PortfolioSort = { key: 'name', dir: 'asc' };

interface PortfolioStore {
  filters: PortfolioFilters;
  sort: PortfolioSort;
  /** The saved view last applied (its name), if the current filters came from one. */
  activeView: string | null;
  views: SavedView[];
  trends: Map<number, number[]>;
  metrics: PortfolioMetricsOutput | null;
  focus: PortfolioFocus | null;
  showCharts: boolean;
  /** Opens the portfolio on exactly these filters (a KPI tile), clearing any focus. */
  showFiltered(filters: Partial<PortfolioFilters>): void;
  /** Opens the portfolio on the accounts behind a KPI tile that needs the server to say which. */
  showAccountsBehind(tile: KpiAccountTile, label: string): Promise<void>;
  clearFocus(): void;
  setFilter<K extends keyof PortfolioFilters>(key: K, value: PortfolioFilters[K]): void;
  clearFilters(): void;
  /** Clicking a header: sort by it, or flip the direction when it already is the sort. */
  sortBy(key: PortfolioSortKey): void;
  toggleCharts(): void;
  loadExtras(): Promise<void>;
  applyView(name: string): void;
  saveView(name: string): Promise<void>;
  deleteView(name: string): Promise<void>;
}

const report = (error: unknown) => useAppStore.getState().showError(error);

/** Numbers read best largest first; words A→Z. */
const FIRST_DIRECTION: Record<PortfolioSortKey, 'asc' | 'desc'> = {
  name: 'asc',
  segment: 'asc',
  stage: 'asc',
  mrr: 'desc',
  renewal: 'asc',
  score: 'asc',
  flags: 'desc',
};

export const usePortfolioStore = create<PortfolioStore>((set, get) => ({
  filters: EMPTY_FILTERS,
  sort: DEFAULT_SORT,
  activeView: null,
  views: [],
  trends: new Map(),
  metrics: null,
  focus: null,
  showCharts: true,
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  clearFilters: () => set({ filters: EMPTY_FILTERS, activeView: null, focus: null }),
  showFiltered: (filters) => set({ filters: { ...EMPTY_FILTERS, ...filters }, activeView: null, focus: null }),
  async showAccountsBehind(tile, label) {
    try {
      const { ids } = await call('metrics.accounts', { tile, month: get().metrics?.month });
      set({ filters: EMPTY_FILTERS, activeView: null, focus: { label, ids } });
    } catch (error) {
      report(error);
    }
  },
  clearFocus: () => set({ focus: null }),
  sortBy: (key) =>
    set((s) => ({
      sort: s.sort.key === key ? { key, dir: s.sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: FIRST_DIRECTION[key] },
    })),
  toggleCharts: () => set((s) => ({ showCharts: !s.showCharts })),
  async loadExtras() {
    // Three independent requests: the sparklines must not wait for the month's metrics, which
    // score the whole book in the main process and are the slowest of the three on a big book.
    const trends = call('portfolio.trends', {})
      .then((t) => set({ trends: new Map(t.trends.map((x) => [x.accountId, x.scores])) }))
      .catch(report);
    const views = call('views.list', {})
      .then((v) => set({ views: v }))
      .catch(report);
    const metrics = call('metrics.month', {})
      .then((m) => set({ metrics: m }))
      .catch(report);
    await Promise.all([trends, views, metrics]);
  },
  applyView(name) {
    const view = get().views.find((v) => v.name === name);
    if (view) set({ filters: { ...view.filters }, sort: { ...view.sort }, activeView: view.name });
  },
  async saveView(name) {
    const { filters, sort } = get();
    try {
      const views = await call('views.save', { view: { name, filters, sort } });
      const saved = views.find((v) => v.name.toLowerCase() === name.trim().toLowerCase());
      set({ views, activeView: saved?.name ?? null });
    } catch (error) {
      report(error);
    }
  },
  async deleteView(name) {
    try {
      const views = await call('views.delete', { name });
      set((s) => ({ views, activeView: s.activeView === name ? null : s.activeView }));
    } catch (error) {
      report(error);
    }
  },
}));

/** Filters as a comparable string: multi-value lists in a fixed order ("A, B" is "B, A"). */
const filterKey = (f: PortfolioFilters) =>
  JSON.stringify(Object.entries(f).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v]).sort());

export const sameView = (view: SavedView | undefined, filters: PortfolioFilters, sort: PortfolioSort): boolean =>
  !!view && filterKey(view.filters) === filterKey(filters) && JSON.stringify(view.sort) === JSON.stringify(sort);

export const hasFilters = (f: PortfolioFilters): boolean =>
  f.search.trim() !== '' ||
  f.segment.length > 0 ||
  f.stage.length > 0 ||
  f.band.length > 0 ||
  f.flag.length > 0 ||
  f.renewalWithin !== null ||
  f.inTriage;

/** Churned accounts are out of the list unless asked for: "show churned", or the stage filter picks churned. */
export const hidesChurned = (f: PortfolioFilters): boolean => !f.showChurned && !f.stage.includes('churned');

/** Days from asOf to the renewal, or null without a renewal date. */
export const renewalInDays = (a: AccountSummary, asOf: string): number | null =>
  a.renewalDate ? daysBetween(asOf, a.renewalDate) : null;

/** One flag choice: any open flag, no flag, or a flag of that rule. */
const matchesFlag = (a: AccountSummary, want: PortfolioFilters['flag'][number]): boolean =>
  want === 'any' ? a.flags.length > 0 : want === 'none' ? a.flags.length === 0 : a.flags.some((x) => x.rule === want);

export function matchesFilters(a: AccountSummary, f: PortfolioFilters, asOf: string, needle: string): boolean {
  if (a.stage === 'churned' && hidesChurned(f)) return false;
  if (f.inTriage && !a.inTriage) return false;
  if (f.segment.length && !f.segment.includes(a.segment)) return false;
  if (f.stage.length && !f.stage.includes(a.stage)) return false;
  if (f.band.length && (a.band === null || !f.band.includes(a.band))) return false;
  if (f.flag.length && !f.flag.some((want) => matchesFlag(a, want))) return false;
  if (f.renewalWithin !== null) {
    const days = renewalInDays(a, asOf);
    if (days === null || days < 0 || days > f.renewalWithin) return false;
  }
  if (needle) {
    return (
      a.name.toLowerCase().includes(needle) ||
      (a.externalId ?? '').toLowerCase().includes(needle) ||
      a.segment.includes(needle) ||
      a.stage.includes(needle)
    );
  }
  return true;
}

const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i + 1])) as Record<string, number>;
const SEGMENT_RANK = Object.fromEntries(SEGMENTS.map((s, i) => [s, i])) as Record<string, number>;
const STAGE_RANK = Object.fromEntries(STAGES.map((s, i) => [s, i])) as Record<string, number>;
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Worst severity first, then how many: 4.03 = emergency with 3 flags. */
export const flagWeight = (a: AccountSummary): number =>
  a.flags.reduce((max, f) => Math.max(max, SEVERITY_RANK[f.severity] ?? 0), 0) + a.flags.length / 100;

/**
 * Sort key per column; null values (no score, no renewal) always go last whatever the direction.
 * Ties fall back to the name so the order is stable and predictable.
 */
function keyOf(a: AccountSummary, key: PortfolioSortKey): number | string | null {
  switch (key) {
    case 'name':
      return a.name;
    case 'segment':
      return SEGMENT_RANK[a.segment];
    case 'stage':
      return STAGE_RANK[a.stage];
    case 'mrr':
      return a.mrrCents;
    case 'renewal':
      return a.renewalDate;
    case 'score':
      return a.score;
    case 'flags':
      return flagWeight(a);
  }
}

export function sortAccounts(list: AccountSummary[], sort: PortfolioSort): AccountSummary[] {
  const dir = sort.dir === 'asc' ? 1 : -1;
  const keyed = list.map((a) => ({ a, k: keyOf(a, sort.key) }));
  keyed.sort((x, y) => {
    if (x.k === null || y.k === null) {
      if (x.k !== y.k) return x.k === null ? 1 : -1;
    } else if (x.k !== y.k) {
      const c = typeof x.k === 'string' ? collator.compare(x.k, y.k as string) : (x.k as number) - (y.k as number);
      if (c !== 0) return c * dir;
    }
    return collator.compare(x.a.name, y.a.name) || x.a.id - y.a.id;
  });
  return keyed.map((x) => x.a);
}

/** The rows the table shows: filtered (or the focus's accounts, whatever their stage), then sorted. */
export function portfolioRows(accounts: AccountSummary[], filters: PortfolioFilters, sort: PortfolioSort, asOf: string, focus: PortfolioFocus | null = null) {
  const needle = filters.search.trim().toLowerCase();
  const ids = focus ? new Set(focus.ids) : null;
  return sortAccounts(
    accounts.filter((a) => (ids ? ids.has(a.id) : matchesFilters(a, filters, asOf, needle))),
    sort,
  );
}
