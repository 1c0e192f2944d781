// The portfolio table: sortable headers (buttons — click or Enter/Space) and a virtualized body
// (@tanstack/react-virtual), so only the rows on screen exist in the DOM: smooth at 10,000 rows.
import { memo, useImperativeHandle, useRef, type Ref } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { AccountSummary } from '../../../shared/contract';
import type { PortfolioSort, PortfolioSortKey } from '../../../shared/contracts/portfolio';
import { daysBetween } from '../../../shared/dates';
import { SEVERITIES } from '../../../shared/domain';
import { formatMoney, labelOf } from '../../../shared/format';
import { ScoreBadge } from '../Badges';
import { Sparkline } from '../charts/Sparkline';

export const ROW_HEIGHT = 44;
const MAX_CHIPS = 1;
// With more flags than fit, the worst one shows and the rest collapse into “+N”.
const CHIPS_WHEN_MANY = 1;

export interface AccountTableHandle {
  scrollToIndex(index: number): void;
}

const COLUMNS: { key: PortfolioSortKey; label: string; className?: string }[] = [
  { key: 'name', label: 'Account' },
  { key: 'segment', label: 'Segment' },
  { key: 'stage', label: 'Stage' },
  { key: 'mrr', label: 'MRR · ARR', className: 'num' },
  { key: 'renewal', label: 'Renewal' },
  { key: 'score', label: 'Health' },
  { key: 'flags', label: 'Flags' },
];

function countdown(date: string, asOf: string): { text: string; soon: boolean } {
  const days = daysBetween(asOf, date);
  if (days === 0) return { text: 'today', soon: true };
  if (days > 0) return { text: `in ${days} day${days === 1 ? '' : 's'}`, soon: days <= 90 };
  return { text: `${-days} day${days === -1 ? '' : 's'} ago`, soon: false };
}

const severityRank = (s: string) => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);

const Row = memo(function Row({
  account: a,
  index,
  start,
  selected,
  asOf,
  trend,
  onSelect,
  onOpen,
}: {
  account: AccountSummary;
  index: number;
  start: number;
  selected: boolean;
  asOf: string;
  trend: number[] | undefined;
  onSelect(index: number): void;
  onOpen(id: number): void;
}) {
  const flags = a.flags.length > MAX_CHIPS ? [...a.flags].sort((x, y) => severityRank(y.severity) - severityRank(x.severity)) : a.flags;
  const renewal = a.renewalDate ? countdown(a.renewalDate, asOf) : null;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-account-id={a.id}
      className={`table-row${selected ? ' selected' : ''}`}
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => onSelect(index)}
      onDoubleClick={() => onOpen(a.id)}
    >
      <span role="gridcell" className="name">
        <a
          href={`#/accounts/${a.id}`}
          onClick={(e) => {
            e.preventDefault();
            onOpen(a.id);
          }}
        >
          {a.name}
        </a>
        {a.externalId && <span className="ext-id">{a.externalId}</span>}
      </span>
      <span role="gridcell" className="segment">{labelOf(a.segment)}</span>
      <span role="gridcell">
        <span className={`stage stage-${a.stage}`}>{labelOf(a.stage)}</span>
      </span>
      <span role="gridcell" className="num two-line">
        <span>{formatMoney(a.mrrCents, a.currency, true)}</span>
        <span className="sub">{formatMoney(a.mrrCents * 12, a.currency, true)}</span>
      </span>
      <span role="gridcell" className="two-line renewal">
        {a.renewalDate && renewal ? (
          <>
            <span>{a.renewalDate}</span>
            <span className={`sub${renewal.soon ? ' soon' : ''}`}>{renewal.text}</span>
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </span>
      <span role="gridcell" className="health">
        <ScoreBadge score={a.score} band={a.band} />
        <Sparkline scores={trend} band={a.band} />
      </span>
      <span role="gridcell" className="flags-cell">
        <span className="flag-chips">
          {flags.slice(0, flags.length > MAX_CHIPS ? CHIPS_WHEN_MANY : MAX_CHIPS).map((flag) => (
            <span key={flag.rule} className={`flag-chip severity-${flag.severity}`} title={`${labelOf(flag.rule)} (${flag.severity})`}>
              {labelOf(flag.rule)}
            </span>
          ))}
          {flags.length > MAX_CHIPS && (
            <span className="flag-chip more" title={flags.slice(CHIPS_WHEN_MANY).map((f) => labelOf(f.rule)).join(', ')}>
              +{flags.length - CHIPS_WHEN_MANY}
            </span>
          )}
        </span>
      </span>
    </div>
  );
});

export function AccountTable({
  rows,
  total,
  selected,
  sort,
  asOf,
  trends,
  emptyMessage,
  onSort,
  onSelect,
  onOpen,
  ref,
}: {
  rows: AccountSummary[];
  total: number;
  selected: number;
  sort: PortfolioSort;
  asOf: string;
  trends: Map<number, number[]>;
  emptyMessage: React.ReactNode;
  onSort(key: PortfolioSortKey): void;
  onSelect(index: number): void;
  onOpen(id: number): void;
  ref?: Ref<AccountTableHandle>;
}) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => bodyRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  useImperativeHandle(ref, () => ({ scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) }), [virtualizer]);

  return (
    <div className="table portfolio-table" role="grid" aria-label="Accounts" aria-rowcount={rows.length + 1} aria-colcount={COLUMNS.length}>
      <div className="table-row table-head" role="row" aria-rowindex={1}>
        {COLUMNS.map((col) => {
          const active = sort.key === col.key;
          return (
            <span
              key={col.key}
              role="columnheader"
              className={col.className}
              aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button type="button" className={`sort-button${active ? ' active' : ''}`} onClick={() => onSort(col.key)}>
                {col.label}
                <span className="sort-arrow" aria-hidden="true">
                  {active ? (sort.dir === 'asc' ? '↑' : '↓') : ''}
                </span>
              </button>
            </span>
          );
        })}
      </div>
      <div className="table-body" ref={bodyRef} data-testid="portfolio-scroll">
        {rows.length === 0 ? (
          <p className="muted table-empty">{total === 0 ? 'No accounts.' : emptyMessage}</p>
        ) : (
          <div className="table-canvas" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const a = rows[item.index];
              return (
                <Row
                  key={a.id}
                  account={a}
                  index={item.index}
                  start={item.start}
                  selected={item.index === selected}
                  asOf={asOf}
                  trend={trends.get(a.id)}
                  onSelect={onSelect}
                  onOpen={onOpen}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
