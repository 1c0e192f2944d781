// Step 4 while the job runs: a progress bar with rows/s and Cancel (which leaves the database as it was).
import type { ImportJobView } from '../../../shared/contracts/imports';
import { useAnnounce } from '../Announcer';

const PHASE = {
  scanning: 'Checking date and number formats',
  reading: 'Reading and checking rows',
  writing: 'Writing to the database',
  scoring: 'Imported — rescoring the accounts',
} as const;
const n = (x: number) => x.toLocaleString('en-US');

export function ImportProgress({ job, fileName, cancelling, onCancel }: { job: ImportJobView | null; fileName: string; cancelling: boolean; onCancel(): void }) {
  const p = job?.progress ?? null;
  // Reading (bytes: the row count is not known yet) is the first half of the bar, writing (rows)
  // the second, so the bar never runs backwards between the two.
  const fraction = !p
    ? 0
    : p.phase === 'scoring'
      ? 1
      : p.phase === 'writing' && p.totalRows
        ? 0.5 + (0.5 * p.rows) / p.totalRows
        : p.totalBytes
          ? (0.5 * p.bytes) / p.totalBytes
          : 0;
  // Once the rows are committed, Cancel can no longer take them back.
  const landed = p?.phase === 'scoring';
  const percent = Math.max(0, Math.min(100, Math.round(fraction * 100)));
  // Spoken at each step and every quarter, not at every tick.
  useAnnounce(cancelling ? 'Cancelling the import' : `Importing ${fileName}: ${p ? PHASE[p.phase].toLowerCase() : 'starting'}, ${Math.floor(percent / 25) * 25}%`);
  return (
    <section className="panel progress-panel" aria-label="Import progress">
      <div className="progress-title">
        <h3>{cancelling ? 'Cancelling…' : `Importing ${fileName}`}</h3>
        <span className="progress-percent">{percent}%</span>
      </div>
      <div className="progress-track" role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className={`progress-fill phase-${p?.phase ?? 'starting'}`} style={{ width: `${percent}%` }} />
      </div>
      <dl className="progress-facts">
        <div>
          <dt>Step</dt>
          <dd>{p ? PHASE[p.phase] : 'Starting…'}</dd>
        </div>
        <div>
          <dt>Rows</dt>
          <dd data-testid="progress-rows">{!p ? '—' : landed ? `${n(p.totalRows ?? 0)} accounts` : p.totalRows ? `${n(p.rows)} of ${n(p.totalRows)}` : n(p.rows)}</dd>
        </div>
        <div>
          <dt>Speed</dt>
          <dd data-testid="progress-speed">{job?.rowsPerSecond ? `${n(job.rowsPerSecond)} rows/s` : '—'}</dd>
        </div>
        <div>
          <dt>Elapsed</dt>
          <dd>{job ? `${(job.elapsedMs / 1000).toFixed(1)} s` : '—'}</dd>
        </div>
      </dl>
      <div className="progress-actions">
        <p className="muted small">Nothing is kept until the last row is written: Cancel leaves your database exactly as it was.</p>
        <button type="button" onClick={onCancel} disabled={cancelling || landed || !job?.jobId}>
          {cancelling ? 'Cancelling…' : 'Cancel import'}
        </button>
      </div>
    </section>
  );
}
