// Step 3 while the whole file is counted (a job in the import worker): how far it got, rows/s, and
// Cancel — the first rows are already shown; counting only adds the whole file's totals.
import type { ImportJobView } from '../../../shared/contracts/imports';

const n = (x: number) => x.toLocaleString('en-US');

export function CountProgress({ job, shownRows, onCancel, onRestart }: { job: ImportJobView; shownRows: number; onCancel(): void; onRestart(): void }) {
  const p = job.progress;
  if (job.status !== 'running') {
    const why = job.status === 'cancelled' ? 'Counting was cancelled' : `Counting stopped: ${job.error?.message ?? 'unknown error'}`;
    return (
      <div className="count-progress count-stopped" role="status">
        <p>
          {why}. The counts above cover the first {n(shownRows)} rows only; the import itself still reads every row and reports each error.
        </p>
        <button type="button" onClick={onRestart}>
          Count all rows
        </button>
      </div>
    );
  }
  // Reading is measured in bytes, the dry-run write in rows; each is half of the pass.
  const fraction = !p ? 0 : p.phase === 'writing' && p.totalRows ? 0.5 + (0.5 * p.rows) / p.totalRows : p.totalBytes ? (0.5 * p.bytes) / p.totalBytes : 0;
  const percent = Math.max(0, Math.min(100, Math.round(fraction * 100)));
  return (
    <div className="count-progress" role="status" aria-label="Counting every row">
      <div className="count-progress-text">
        <strong>Counting every row…</strong>
        <span className="muted small" data-testid="count-progress-rows">
          {p ? `${n(p.rows)} rows ${p.phase === 'writing' ? 'checked against your data' : 'read'}` : 'starting'}
          {job.rowsPerSecond ? ` · ${n(job.rowsPerSecond)} rows/s` : ''}
        </span>
      </div>
      <div className="progress-track" role="progressbar" aria-label="Counting progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <button type="button" onClick={onCancel}>
        Cancel counting
      </button>
    </div>
  );
}
