// The account brief on the account page: `b` (or the Brief button) opens it over the page, `b` or
// Escape closes it; Export PDF… saves the same one-page brief `tend brief --out` writes.
import { useEffect, useRef } from 'react';
import { useBriefStore } from '../../stores/brief';
import { BriefBody, BriefFacts } from './BriefView';

export function BriefPanel({ accountId, onClose }: { accountId: number; onClose(): void }) {
  const { brief, error, loading, exporting, load, exportPdf } = useBriefStore();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void load(accountId);
  }, [accountId, load]);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    ref.current?.focus();
    return () => before?.focus?.();
  }, []);

  const shown = brief?.account.id === accountId ? brief : null;
  return (
    <div className="overlay-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby="brief-title"
        tabIndex={-1}
        className="overlay brief-panel"
        onKeyDown={(e) => {
          const inField = (e.target as HTMLElement).closest('input, textarea, select');
          if (e.key === 'Escape' || (e.key === 'b' && !inField && !e.ctrlKey && !e.metaKey && !e.altKey)) {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <header className="brief-panel-header">
          <div>
            <h2 id="brief-title">Brief{shown ? `: ${shown.account.name}` : ''}</h2>
            <p className="muted small">Before the call · as of {shown?.asOf ?? '…'} · internal</p>
          </div>
          <div className="brief-panel-actions">
            <button type="button" disabled={!shown || exporting} onClick={() => void exportPdf({ accountId, paper: 'a4' })}>
              {exporting ? 'Exporting…' : 'Export PDF…'}
            </button>
            <button type="button" className="quiet" onClick={onClose} aria-label="Close the brief">
              Close <kbd>Esc</kbd>
            </button>
          </div>
        </header>
        {error ? (
          <p className="error" role="alert">
            Could not load the brief: {error}
          </p>
        ) : shown ? (
          <>
            <BriefFacts brief={shown} />
            <BriefBody brief={shown} />
          </>
        ) : (
          <p className="muted">{loading ? 'Reading the account…' : ''}</p>
        )}
      </div>
    </div>
  );
}
