// Past imports, newest first, each with Undo (confirmed first, in a dialog; a refusal is shown on its row).
import type { ImportBatchView } from '../../../shared/contracts/imports';
import { KIND_INFO } from '../../stores/import';
import { Dialog } from '../Dialog';

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' });
};
const n = (x: number) => x.toLocaleString('en-US');

/** Undo an import? A modal confirmation (the dialog primitive): Escape or *Keep it* keeps it. */
export function UndoConfirm({ batch, busy, onConfirm, onCancel }: { batch: ImportBatchView; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const describedBy = `undo-confirm-${batch.id}`;
  return (
    <Dialog role="alertdialog" label={`Undo import #${batch.id}?`} describedBy={describedBy} onClose={() => !busy && onCancel()}>
      <div className="undo-confirm overlay">
        <p id={describedBy}>
          <strong>Undo import #{batch.id}?</strong> This removes the {n(batch.inserted)} row{batch.inserted === 1 ? '' : 's'} it added
          {batch.updated ? ` and restores the ${n(batch.updated)} it changed` : ''} from {batch.fileName}. Scores are recomputed.
        </p>
        <div className="undo-actions">
          <button type="button" className="danger" onClick={onConfirm} disabled={busy} autoFocus>
            {busy ? 'Undoing…' : 'Undo import'}
          </button>
          <button type="button" onClick={onCancel} disabled={busy}>
            Keep it
          </button>
        </div>
      </div>
    </Dialog>
  );
}

export function ImportHistory({
  batches,
  status,
  confirmUndo,
  undoing,
  undoError,
  onAsk,
  onUndo,
}: {
  batches: ImportBatchView[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  confirmUndo: number | null;
  undoing: number | null;
  undoError: { batchId: number; message: string } | null;
  onAsk(batchId: number | null): void;
  onUndo(batchId: number): void;
}) {
  return (
    <section className="panel history" aria-labelledby="history-title">
      <div className="section-title">
        <h2 id="history-title">Past imports</h2>
        {batches.length > 0 && <span className="muted small">{batches.length} import{batches.length === 1 ? '' : 's'}</span>}
      </div>
      {status === 'loading' && batches.length === 0 && <p className="muted">Loading past imports…</p>}
      {status === 'error' && <p className="muted">The list of past imports could not be loaded.</p>}
      {status === 'ready' && batches.length === 0 && (
        <p className="muted history-empty">Nothing imported yet. Every import is listed here and can be undone in one click.</p>
      )}
      {batches.length > 0 && (
        <table className="history-table">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>File</th>
              <th>Kind</th>
              <th>When</th>
              <th className="num">New</th>
              <th className="num">Updated</th>
              <th className="num">Skipped</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <HistoryRow
                key={b.id}
                batch={b}
                confirming={confirmUndo === b.id}
                undoing={undoing === b.id}
                error={undoError?.batchId === b.id ? undoError.message : null}
                onAsk={onAsk}
                onUndo={onUndo}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function HistoryRow({
  batch: b,
  confirming,
  undoing,
  error,
  onAsk,
  onUndo,
}: {
  batch: ImportBatchView;
  confirming: boolean;
  undoing: boolean;
  error: string | null;
  onAsk(batchId: number | null): void;
  onUndo(batchId: number): void;
}) {
  return (
    <>
      <tr className={b.undoneAt ? 'undone' : undefined} data-batch={b.id}>
        <td className="num muted">{b.id}</td>
        <td className="history-file" title={b.fileName}>
          {b.fileName}
        </td>
        <td>{b.kind === 'capture' ? 'Calendar & mail capture' : KIND_INFO[b.kind].title}</td>
        <td className="muted">{when(b.startedAt)}</td>
        <td className="num">{n(b.inserted)}</td>
        <td className="num">{n(b.updated)}</td>
        <td className={b.skipped ? 'num skipped' : 'num'}>{n(b.skipped)}</td>
        <td className="history-action">
          {b.undoneAt ? (
            <span className="undone-tag">Undone {when(b.undoneAt)}</span>
          ) : (
            <button type="button" className="small-button" onClick={() => onAsk(b.id)} disabled={undoing} aria-label={`Undo import #${b.id}`}>
              Undo…
            </button>
          )}
          {confirming && <UndoConfirm batch={b} busy={undoing} onConfirm={() => onUndo(b.id)} onCancel={() => onAsk(null)} />}
        </td>
      </tr>
      {error && (
        <tr className="history-detail">
          <td colSpan={8}>
            <p className="inline-error" role="alert">
              {error}
            </p>
          </td>
        </tr>
      )}
    </>
  );
}
