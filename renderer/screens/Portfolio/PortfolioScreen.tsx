// The portfolio: every account in one virtualized list (smooth at 10,000 rows), searchable, and
// walkable from the keyboard (↑/↓ or j/k to move, Enter to open, / to search, Esc to clear).
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatCountdown, formatMoney, labelOf } from '../../../shared/format';
import { EmptyState } from '../../components/EmptyState';
import { FlagChips, ScoreBadge } from '../../components/Badges';
import { filterAccounts, useAccountsStore } from '../../stores/accounts';
import { useAppStore } from '../../stores/app';

const ROW_HEIGHT = 44;

export function PortfolioScreen() {
  const { accounts, status, search, setSearch, load, loadDemo, loadingDemo } = useAccountsStore();
  const asOf = useAppStore((s) => s.info?.asOf) ?? new Date().toISOString().slice(0, 10);
  const navigate = useNavigate();
  const [selected, setSelected] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const visible = useMemo(() => filterAccounts(accounts, search), [accounts, search]);

  useEffect(() => {
    void load();
  }, [load]);

  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  useEffect(() => setSelected((i) => Math.min(i, Math.max(0, visible.length - 1))), [visible.length]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const inField = (event.target as HTMLElement).closest('input, textarea, select');
      if (event.key === '/' && !inField) {
        event.preventDefault();
        searchRef.current?.focus();
        return;
      }
      if (event.key === 'Escape' && inField === searchRef.current) {
        setSearch('');
        searchRef.current?.blur();
        return;
      }
      if (inField && inField !== searchRef.current) return;
      const move = (delta: number) => {
        event.preventDefault();
        setSelected((i) => {
          const next = Math.max(0, Math.min(visible.length - 1, i + delta));
          virtualizer.scrollToIndex(next, { align: 'auto' });
          return next;
        });
      };
      if (event.key === 'ArrowDown' || (event.key === 'j' && !inField)) move(1);
      else if (event.key === 'ArrowUp' || (event.key === 'k' && !inField)) move(-1);
      else if (event.key === 'PageDown') move(10);
      else if (event.key === 'PageUp') move(-10);
      else if (event.key === 'Enter' && visible[selected]) navigate(`/accounts/${visible[selected].id}`);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [visible, selected, navigate, setSearch, virtualizer]);

  if (status === 'loading') return <div className="screen"><p className="muted">Loading accounts…</p></div>;

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
            </>
          }
        >
          <p>
            Import your accounts, contacts and activity from a CSV export, or explore Tend with a realistic sample book
            of about fifty accounts with a year of history.
          </p>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="screen portfolio">
      <header className="screen-header">
        <div>
          <h1>Portfolio</h1>
          <p className="muted">
            {visible.length === accounts.length
              ? `${accounts.length} accounts`
              : `${visible.length} of ${accounts.length} accounts`}
          </p>
        </div>
        <input
          ref={searchRef}
          className="search"
          type="search"
          placeholder="Search accounts  /"
          aria-label="Search accounts"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </header>
      <div className="table" role="grid" aria-label="Accounts" aria-rowcount={visible.length}>
        <div className="table-row table-head" role="row">
          <span role="columnheader">Account</span>
          <span role="columnheader">Segment</span>
          <span role="columnheader">Stage</span>
          <span role="columnheader" className="num">MRR</span>
          <span role="columnheader">Renewal</span>
          <span role="columnheader" className="num">Health</span>
          <span role="columnheader">Flags</span>
        </div>
        <div className="table-body" ref={listRef}>
          {visible.length === 0 ? (
            <p className="muted table-empty">No account matches “{search}”.</p>
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const a = visible[item.index];
                return (
                  <div
                    key={a.id}
                    role="row"
                    aria-selected={item.index === selected}
                    className={`table-row${item.index === selected ? ' selected' : ''}`}
                    style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                    onClick={() => setSelected(item.index)}
                    onDoubleClick={() => navigate(`/accounts/${a.id}`)}
                  >
                    <span role="gridcell" className="name">
                      <a
                        href={`#/accounts/${a.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          navigate(`/accounts/${a.id}`);
                        }}
                      >
                        {a.name}
                      </a>
                    </span>
                    <span role="gridcell">{labelOf(a.segment)}</span>
                    <span role="gridcell">
                      <span className={`stage stage-${a.stage}`}>{labelOf(a.stage)}</span>
                    </span>
                    <span role="gridcell" className="num">{formatMoney(a.mrrCents, a.currency, true)}</span>
                    <span role="gridcell" className="renewal">
                      {a.renewalDate ? (
                        <>
                          {a.renewalDate} <span className="muted">{formatCountdown(a.renewalDate, asOf)}</span>
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </span>
                    <span role="gridcell" className="num">
                      <ScoreBadge score={a.score} band={a.band} />
                    </span>
                    <span role="gridcell">
                      <FlagChips flags={a.flags} />
                    </span>
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
