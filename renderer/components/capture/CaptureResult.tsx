// After *Log*: what landed (touches per account with the score before → after, contacts added and
// updated), what was not logged and why, the relationship hints now waiting, and Undo.
import { Link } from 'react-router';
import type { CaptureJobView, CaptureResultView } from '../../../shared/contracts/capture';
import { useAnnounce } from '../Announcer';

const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

export function CaptureProgress({ job, files, onCancel }: { job: CaptureJobView | null; files: number; onCancel(): void }) {
  const p = job?.progress;
  const percent = p && p.totalBytes ? Math.min(100, Math.round((100 * p.bytes) / p.totalBytes)) : 0;
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(b >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  // Spoken per file and every quarter, not at every tick.
  useAnnounce(`Reading ${p?.fileName ?? plural(files, 'file')}: ${Math.floor(percent / 25) * 25}%`);
  return (
    <section className="panel capture-progress" aria-label="Reading the files">
      <div className="capture-progress-head">
        <h2>{p?.fileName ? `Reading ${p.fileName}` : `Reading ${plural(files, 'file')}`}</h2>
        <span className="muted">{percent}%</span>
      </div>
      <div className="capture-track" role="progressbar" aria-label="Reading the files" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="capture-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="muted small" data-testid="capture-progress">
        {p ? `File ${p.file || 1} of ${p.files} · ${plural(p.items, 'item')} so far · ${mb(p.bytes)} of ${mb(p.totalBytes)}` : 'Starting…'}
        {job ? ` · ${(job.elapsedMs / 1000).toFixed(1)} s` : ''}
      </p>
      <div className="capture-progress-actions">
        <span className="muted small">Nothing is written while files are read.</span>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}

export function CaptureResult({ result, onUndo, onMore }: { result: CaptureResultView; onUndo(): void; onMore(): void }) {
  const nl = result.notLogged;
  const notLogged = [
    result.duplicates && `${n(result.duplicates)} already logged`,
    result.internal && `${n(result.internal)} internal`,
    nl.excluded && `${n(nl.excluded)} you left out`,
    nl.unmatched && `${n(nl.unmatched)} with no account`,
    nl.future && `${n(nl.future)} later than today`,
    nl.cancelled && `${n(nl.cancelled)} cancelled`,
    nl.declined && `${n(nl.declined)} declined`,
    nl.automated && `${n(nl.automated)} from automated senders`,
  ].filter(Boolean);
  useAnnounce(
    `Capture done: ${plural(result.inserted, 'touch', 'touches')} logged${result.accounts.length ? ` on ${plural(result.accounts.length, 'account')}` : ''}` +
      `${result.contacts.inserted ? `, ${plural(result.contacts.inserted, 'contact')} added` : ''}${notLogged.length ? `; not logged: ${notLogged.join(', ')}` : ''}.`,
  );
  return (
    <section className="panel capture-result" aria-labelledby="capture-result-title" role="status" aria-live="off">
      <div className="capture-result-head">
        <div>
          <h2 id="capture-result-title">
            {result.inserted || result.contacts.inserted || result.contacts.updated ? 'Captured' : 'Nothing new to log'}
          </h2>
          <p className="capture-result-line">
            {plural(result.inserted, 'touch', 'touches')} logged
            {result.accounts.length ? ` on ${plural(result.accounts.length, 'account')}` : ''}
            {result.contacts.inserted ? ` · ${plural(result.contacts.inserted, 'contact')} added` : ''}
            {result.contacts.updated ? ` · ${n(result.contacts.updated)} updated` : ''}
            {result.batchId ? <span className="muted"> · capture #{result.batchId} in the import history</span> : null}
          </p>
        </div>
        <div className="capture-result-actions">
          {result.batchId && (
            <button type="button" onClick={onUndo} title="Removes the touches and contacts this capture added and restores what it changed">
              Undo capture
            </button>
          )}
          <button type="button" className="primary" onClick={onMore}>
            Capture more files
          </button>
        </div>
      </div>
      {result.accounts.length > 0 && (
        <table className="simple capture-result-accounts">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col" className="num">
                Touches
              </th>
              <th scope="col" className="num">
                Health
              </th>
            </tr>
          </thead>
          <tbody>
            {result.accounts.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/accounts/${a.id}`}>{a.name}</Link>
                </td>
                <td className="num">{n(a.touches)}</td>
                <td className="num" data-testid={`capture-score-${a.id}`}>
                  {a.scoreBefore !== null && a.scoreAfter !== null && a.scoreBefore !== a.scoreAfter ? (
                    <>
                      <span className="muted">{a.scoreBefore}</span> → <strong>{a.scoreAfter}</strong>
                    </>
                  ) : (
                    (a.scoreAfter ?? '—')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {notLogged.length > 0 && <p className="muted small">Not logged: {notLogged.join(', ')}.</p>}
      {result.hints > 0 && (
        <p className="capture-hint-note">
          {plural(result.hints, 'relationship hint')} now wait{result.hints === 1 ? 's' : ''} on the relationship maps of these accounts: people you reach often could be rated stronger, strong ones you have not reached weaker.
        </p>
      )}
    </section>
  );
}
