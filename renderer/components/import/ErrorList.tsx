// Every row that will not (or did not) land: row number, column, value and why — virtualized,
// since a bad export can have an error on each of 100,000 rows.
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface RowErrorView {
  row: number;
  column: string;
  value: string;
  message: string;
}

const ROW = 36;

export function ErrorList({ errors, label }: { errors: RowErrorView[]; label: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: errors.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 12 });
  return (
    <div className="error-list" role="table" aria-label={label} aria-rowcount={errors.length + 1}>
      <div className="error-row error-head" role="row">
        <span role="columnheader">Row</span>
        <span role="columnheader">Column</span>
        <span role="columnheader">Value</span>
        <span role="columnheader">Why it cannot land</span>
      </div>
      <div className="error-scroll" ref={scrollRef} style={{ height: Math.min(errors.length, 8) * ROW + 2 }}>
        <div className="error-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const e = errors[item.index];
            return (
              <div key={item.key} role="row" className="error-row" style={{ transform: `translateY(${item.start}px)` }} aria-rowindex={item.index + 2}>
                <span role="cell" className="num">
                  {e.row}
                </span>
                <span role="cell" title={e.column}>
                  {e.column || <span className="muted">whole row</span>}
                </span>
                <span role="cell" className="mono" title={e.value}>
                  {e.value || <span className="muted">(empty)</span>}
                </span>
                <span role="cell" className="error-message" title={e.message}>
                  {e.message}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
