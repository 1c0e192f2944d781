// The portfolio: KPI tiles for the month, four small charts, filters and saved views, and every
// account in one sortable, virtualized table (smooth at 10,000 rows). Keyboard: ↑/↓ or j/k move,
// PageUp/PageDown jump, Enter opens the account, / searches, Esc clears the search.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { chartData } from '../../components/charts/aggregate';
import { PortfolioCharts } from '../../components/charts/PortfolioCharts';
import { AccountTable, type AccountTableHandle } from '../../components/portfolio/AccountTable';
import { FilterBar } from '../../components/portfolio/FilterBar';
import { KpiTiles, type KpiTile } from '../../components/portfolio/KpiTiles';
import { KPI_TILE_WORDS } from '../../../shared/scoring/kpi-accounts';
import { monthName } from '../../../shared/kpis';
import { PipelineLine } from '../../components/money/PipelineLine';
import { useAccountsStore } from '../../stores/accounts';
import { useAppStore } from '../../stores/app';
import { exportPortfolioView } from '../../stores/import';
import { useNewAccountStore } from '../../stores/newAccount';
import { hasFilters, hidesChurned, portfolioRows, sameView, usePortfolioStore } from '../../stores/portfolio';
import './portfolio.css';

const count = (n: number) => n.toLocaleString('en-US');

export function PortfolioScreen() {
  const { accounts, status, load, loadDemo, loadingDemo } = useAccountsStore();
  const portfolio = usePortfolioStore();
  const { filters, sort, setFilter, sortBy, loadExtras, trends, metrics, views, activeView, showCharts, focus } = portfolio;
  const asOf = useAppStore((s) => s.info?.asOf) ?? new Date().toISOString().slice(0, 10);
  const showNewAccount = useNewAccountStore((s) => s.show);
  const navigate = useNavigate();
  const [selected, setSelected] = useState(0);
  const tableRef = useRef<AccountTableHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const rows = useMemo(() => portfolioRows(accounts, filters, sort, asOf, focus), [accounts, filters, sort, asOf, focus]);
  // Churned accounts are out of the list unless asked for (issue 17.6); the count line says so.
  const churnedHidden = useMemo(
    () => (focus || !hidesChurned(filters) ? 0 : accounts.filter((a) => a.stage === 'churned').length),
    [accounts, filters, focus],
  );
  // Charts render after the table (deferred): the rows are what the CSM came for, and four recharts
  // charts cost more than the 20 visible rows on a first render.
  const deferredRows = useDeferredValue(rows, null);
  const charts = useMemo(() => (deferredRows ? chartData(deferredRows, asOf) : null), [deferredRows, asOf]);
  const totalArr = useMemo(() => accounts.reduce((sum, a) => (a.stage === 'churned' ? sum : sum + a.mrrCents * 12), 0), [accounts]);
  // SPEC "Not enough data": the portfolio says how many accounts need data, with a filter to them.
  const needData = useMemo(() => accounts.filter((a) => a.band === 'no_data' && a.stage !== 'churned').length, [accounts]);
  const filtered = hasFilters(filters) || focus !== null;
  /** The accounts the list can show (the churned ones it leaves out are said apart). */
  const shown = accounts.length - churnedHidden;
  const viewModified = !!activeView && !sameView(views.find((v) => v.name === activeView), filters, sort);

  useEffect(() => {
    void load();
  }, [load]);
  // Trends, metrics and views follow the account list (a save in Settings, a touch, a new book).
  useEffect(() => {
    if (status === 'ready' && accounts.length > 0) void loadExtras();
  }, [status, accounts, loadExtras]);

  useEffect(() => setSelected((i) => Math.min(i, Math.max(0, rows.length - 1))), [rows.length]);
  // A new filter or sort starts at the top of the list (a reload after an edit keeps the place).
  useEffect(() => {
    setSelected(0);
    tableRef.current?.scrollToIndex(0);
  }, [filters, sort, focus]);

  /** A KPI tile: the portfolio on the accounts behind its number (issue 17.6). */
  const openTile = useCallback(
    (tile: KpiTile) => {
      if (tile === 'arr') portfolio.showFiltered({});
      else if (tile === 'incubation') portfolio.showFiltered({ stage: ['incubation'] });
      else if (tile === 'triage') portfolio.showFiltered({ inTriage: true });
      else if (tile === 'renewals_90') portfolio.showFiltered({ renewalWithin: 90 });
      else {
        const when = metrics ? (tile === 'nps' ? 'in the NPS window' : `in ${monthName(metrics.month)}`) : '';
        void portfolio.showAccountsBehind(tile, `Accounts that ${KPI_TILE_WORDS[tile]} ${when}`.trim());
      }
    },
    [portfolio, metrics],
  );

  const open = useCallback((id: number) => navigate(`/accounts/${id}`), [navigate]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement;
      const inField = target.closest('input, textarea, select');
      const onControl = target.closest('button, a');
      if (event.key === '/' && !inField) {
        event.preventDefault();
        searchRef.current?.focus();
        return;
      }
      if (event.key === 'Escape' && inField === searchRef.current) {
        setFilter('search', '');
        searchRef.current?.blur();
        return;
      }
      if (inField && inField !== searchRef.current) return;
      const move = (delta: number) => {
        event.preventDefault();
        setSelected((i) => {
          const next = Math.max(0, Math.min(rows.length - 1, i + delta));
          tableRef.current?.scrollToIndex(next);
          return next;
        });
      };
      if (event.key === 'ArrowDown' || (event.key === 'j' && !inField)) move(1);
      else if (event.key === 'ArrowUp' || (event.key === 'k' && !inField)) move(-1);
      else if (event.key === 'PageDown') move(10);
      else if (event.key === 'PageUp') move(-10);
      else if (event.key === 'Enter' && !onControl && rows[selected]) open(rows[selected].id);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, selected, open, setFilter]);

  if (status === 'loading' || status === 'idle') {
    return (
      <div className="screen">
        <p className="muted">Loading accounts…</p>
      </div>
    );
  }

  if (status === 'ready' && accounts.length === 0) {
    return (
      <div className="screen">
        <EmptyState
          title="Your book of business is empty"
          actions={
            <>
              <button type="button" className="primary" onClick={() => void loadDemo()} disabled={loadingDemo}>
                {loadingDemo ? 'Loading the sample book…' : 'Load the sample book'}
              </button>
              <button type="button" onClick={() => navigate('/import')}>
                Import CSV
              </button>
              <button type="button" onClick={showNewAccount}>
                New account
              </button>
            </>
          }
        >
          <p>
            Import your accounts, contacts and activity from a CSV export, add accounts one by one (Ctrl/⌘+N), or
            explore Tend with a realistic sample book of about fifty accounts with a year of history.
          </p>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="screen portfolio">
      <header className="screen-header portfolio-header">
        <div>
          <h1>Portfolio</h1>
          <div className="count-line">
            <p className="muted" aria-live="polite" data-testid="portfolio-count">
              {rows.length === shown ? `${count(shown)} accounts` : `${count(rows.length)} of ${count(shown)} accounts`}
              {churnedHidden > 0 && ` · ${count(churnedHidden)} churned not shown`}
            </p>
            {needData > 0 && (
              <button
                type="button"
                className="link-button needs-data muted"
                data-testid="needs-data"
                title="Accounts with no contacts, touches, metric samples or survey responses: not scored yet"
                onClick={() => setFilter('band', ['no_data'])}
              >
                {count(needData)} {needData === 1 ? 'account needs' : 'accounts need'} data
              </button>
            )}
          </div>
        </div>
        <div className="header-actions">
          <button type="button" className="quiet" onClick={showNewAccount} title="Ctrl/⌘+N">
            New account
          </button>
          <button type="button" className="quiet" onClick={() => void exportPortfolioView(rows, activeView)} disabled={rows.length === 0}>
            Export CSV
          </button>
          <button type="button" className="quiet" aria-pressed={showCharts} onClick={portfolio.toggleCharts}>
            {showCharts ? 'Hide charts' : 'Show charts'}
          </button>
          <input
            ref={searchRef}
            className="search"
            type="search"
            placeholder="Search accounts  /"
            aria-label="Search accounts"
            value={filters.search}
            onChange={(e) => setFilter('search', e.target.value)}
          />
        </div>
      </header>
      {showCharts && (
        <section className="insights" aria-label="Portfolio overview">
          <KpiTiles metrics={metrics} totalArr={totalArr} needData={needData} onOpen={openTile} />
          <PipelineLine />
          {charts ? <PortfolioCharts data={charts} /> : <div className="chart-row chart-row-pending" aria-hidden="true" />}
          {filtered && <p className="chart-caption muted small">Charts show the {rows.length} accounts that match the filters; the tiles show the whole book.</p>}
        </section>
      )}
      <FilterBar
        filters={filters}
        setFilter={setFilter}
        onClear={portfolio.clearFilters}
        filtered={filtered}
        views={views}
        activeView={activeView}
        viewModified={viewModified}
        onApplyView={portfolio.applyView}
        onSaveView={portfolio.saveView}
        onDeleteView={portfolio.deleteView}
        focus={focus}
        onClearFocus={portfolio.clearFocus}
      />
      <AccountTable
        ref={tableRef}
        rows={rows}
        total={accounts.length}
        selected={selected}
        sort={sort}
        asOf={asOf}
        trends={trends}
        onSort={sortBy}
        onSelect={setSelected}
        onOpen={open}
        emptyMessage={
          <>
            No account matches these filters.{' '}
            <button type="button" className="link-button" onClick={portfolio.clearFilters}>
              Clear filters
            </button>
          </>
        }
      />
    </div>
  );
}
