// Trends (Ctrl/⌘+7): the portfolio month by month over the last 6, 12 or 24 months, each month the
// same numbers as the KPI tiles and `tend metrics --month` at its end (trends.get). Follows the
// portfolio's filters — the same filter bar, the same state — so "Enterprise in triage" over a year
// is one click away from the portfolio.
import { useEffect, useMemo } from 'react';
import { Link } from 'react-router';
import type { TrendsView } from '../../../shared/contracts/trends';
import { EmptyState } from '../../components/EmptyState';
import { TrendsCharts, monthShort } from '../../components/charts/TrendsCharts';
import { FilterBar } from '../../components/portfolio/FilterBar';
import { short } from '../../components/money/format';
import { useAccountsStore } from '../../stores/accounts';
import { useAppStore } from '../../stores/app';
import { hasFilters, portfolioRows, sameView, usePortfolioStore } from '../../stores/portfolio';
import { useTrendsStore } from '../../stores/trends';
import '../../components/charts/trends.css';
import '../Portfolio/portfolio.css';

const MONTH_CHOICES = [6, 12, 24] as const;
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);

function Headline({ view }: { view: TrendsView }) {
  const first = view.months[0];
  const last = view.months[view.months.length - 1];
  const change = first.arr ? (last.arr - first.arr) / first.arr : null;
  return (
    <dl className="money-tiles" aria-label="Over the period">
      <div>
        <dt>ARR</dt>
        <dd>
          {short(last.arr)}
          <span className="sub">{change === null ? `from ${short(first.arr)}` : `${change >= 0 ? '+' : ''}${pct(change)} since ${monthShort(first.month)}`}</span>
        </dd>
      </div>
      <div>
        <dt>NRR this month</dt>
        <dd>
          {pct(last.netRevenueRetention)}
          <span className="sub">GRR {pct(last.grossRevenueRetention)}</span>
        </dd>
      </div>
      <div>
        <dt>In triage</dt>
        <dd>
          {short(last.triageArr)}
          <span className="sub">incubation pipeline {short(last.incubationPipelineArr)}</span>
        </dd>
      </div>
      <div>
        <dt>Within cadence</dt>
        <dd>
          {pct(last.withinCadence)}
          <span className="sub">executive coverage {pct(last.execCoverage)}</span>
        </dd>
      </div>
    </dl>
  );
}

export function TrendsScreen() {
  const { accounts, status, load: loadAccounts, loadDemo, loadingDemo } = useAccountsStore();
  const portfolio = usePortfolioStore();
  const { filters, sort, views, activeView } = portfolio;
  const asOf = useAppStore((s) => s.info?.asOf) ?? new Date().toISOString().slice(0, 10);
  const { trends, months, loading, error, load } = useTrendsStore();

  useEffect(() => {
    if (status === 'idle') void loadAccounts();
  }, [status, loadAccounts]);
  useEffect(() => {
    if (status === 'ready' && views.length === 0) void portfolio.loadExtras();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status]);

  // Trends measure churn too: the filters pick accounts whatever their stage (a segment's churned
  // accounts belong to its logo churn), so "show churned" is always on here.
  const filtered = hasFilters({ ...filters, showChurned: false });
  const rows = useMemo(() => portfolioRows(accounts, { ...filters, showChurned: true }, sort, asOf), [accounts, filters, sort, asOf]);
  const ids = useMemo(() => (filtered ? rows.map((r) => r.id).sort((a, b) => a - b) : null), [filtered, rows]);
  const idsKey = ids ? ids.join(',') : 'all';

  useEffect(() => {
    if (status === 'ready' && accounts.length > 0) void load(months, ids);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, accounts, idsKey, months, load]);

  const viewModified = !!activeView && !sameView(views.find((v) => v.name === activeView), filters, sort);
  const empty = status === 'ready' && accounts.length === 0;

  return (
    <div className="screen trends-screen">
      <header className="screen-header">
        <div>
          <h1>Trends</h1>
          <p className="muted">
            {trends && !empty
              ? `${trends.months.length} months through ${monthShort(trends.months[trends.months.length - 1].month)}, each month measured at its end · ${filtered ? `${rows.length} of ${accounts.length} accounts (portfolio filters)` : `all ${accounts.length} accounts`}`
              : 'The portfolio month by month'}
          </p>
        </div>
        <div className="segmented" role="group" aria-label="Months shown">
          {MONTH_CHOICES.map((n) => (
            <button key={n} type="button" aria-pressed={months === n} className={months === n ? 'on' : ''} onClick={() => void load(n, ids)}>
              {n} months
            </button>
          ))}
        </div>
      </header>
      {empty ? (
        <EmptyState
          title="No trends yet"
          actions={
            <>
              <button type="button" className="primary" onClick={() => void loadDemo()} disabled={loadingDemo}>
                {loadingDemo ? 'Loading…' : 'Load the sample book'}
              </button>
              <Link to="/import">Import CSV</Link>
            </>
          }
        >
          <p>Trends show how the book moves month by month — ARR, retention, NPS, the band mix, your touches. Add accounts and their history to see them.</p>
        </EmptyState>
      ) : (
        <>
          <FilterBar
            filters={filters}
            setFilter={portfolio.setFilter}
            onClear={portfolio.clearFilters}
            filtered={filtered}
            views={views}
            activeView={activeView}
            viewModified={viewModified}
            focus={null}
            onClearFocus={() => undefined}
            onApplyView={portfolio.applyView}
            onSaveView={portfolio.saveView}
            onDeleteView={portfolio.deleteView}
          />
          {error && <p className="error" role="alert">Could not compute the trends: {error}</p>}
          {filtered && rows.length === 0 ? (
            <EmptyState title="No account matches the filters">
              <p>Clear a filter to see the trends of more accounts.</p>
            </EmptyState>
          ) : trends ? (
            <div className="trends-body" aria-busy={loading}>
              <Headline view={trends} />
              <TrendsCharts view={trends} />
              <p className="muted small trends-scope">
                * the month is still running: measured to {trends.asOf}. Survey numbers below {trends.minSurveyResponses} responses are small samples
                (hollow points), set in Settings → KPIs.
              </p>
            </div>
          ) : (
            <p className="muted">{loading ? 'Measuring the months…' : ''}</p>
          )}
        </>
      )}
    </div>
  );
}
