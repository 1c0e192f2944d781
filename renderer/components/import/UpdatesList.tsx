// Step 3 (issue 17): every record the import updates, field by field — what Tend has, what the file
// says, and whether Tend's value is kept (edited in the app, or not empty) — before anything is written.
import type { ImportPreviewView } from '../../../shared/contracts/imports';

export function UpdatesList({ preview }: { preview: ImportPreviewView }) {
  if (!preview.updates.length) return null;
  const shown = preview.updates.length;
  return (
    <section className="panel" aria-labelledby="updates-title">
      <div className="section-title">
        <h2 id="updates-title">What changes in Tend</h2>
        <span className="muted small">
          {preview.counts.updated.toLocaleString('en-US')} updated row{preview.counts.updated === 1 ? '' : 's'}
          {shown < preview.counts.updated ? `, the first ${shown} shown` : ''}; struck-through values are replaced.
        </span>
      </div>
      <ul className="updates-list">
        {preview.updates.map((u) => (
          <li key={u.row} className="update-item" data-row={u.row}>
            <div className="update-head">
              <span className="muted num">Row {u.row}</span> <strong>{u.record}</strong>
            </div>
            <table className="changes-table" aria-label={`Changes to ${u.record}`}>
              <tbody>
                {u.changes.map((c) => (
                  <tr key={c.field} className={c.kept ? 'change-kept' : 'change-applied'}>
                    <th scope="row">{c.label}</th>
                    <td className="change-old">{c.kept ? <span>{c.old || <em className="muted">empty</em>}</span> : <s>{c.old || 'empty'}</s>}</td>
                    <td aria-hidden="true" className="change-arrow">
                      {c.kept ? '·' : '→'}
                    </td>
                    <td className="change-new">
                      {c.kept ? (
                        <span className="muted">
                          kept — {c.editedOn ? `edited in Tend on ${c.editedOn}` : 'Tend has a value'}; the file says “{c.new || 'empty'}”
                        </span>
                      ) : (
                        c.new || <em className="muted">empty</em>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ul>
    </section>
  );
}
