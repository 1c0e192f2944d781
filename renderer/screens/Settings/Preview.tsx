// The live preview beside the settings form: band counts now and with the draft (from
// settings.preview), drawn as two stacked bars, and the accounts that would change band.
import { Link } from 'react-router';
import type { BandCounts, SettingsPreview } from '../../../shared/contracts/portfolio';
import { ALL_BANDS } from '../../../shared/domain';
import { labelOf } from '../../../shared/format';

function BandBar({ counts, total, label }: { counts: BandCounts; total: number; label: string }) {
  return (
    <div className="band-bar-row">
      <span className="band-bar-label">{label}</span>
      <span className="band-bar" role="img" aria-label={`${label}: ${ALL_BANDS.filter((b) => b !== 'no_data' || counts[b] > 0).map((b) => `${counts[b]} ${labelOf(b).toLowerCase()}`).join(', ')}`}>
        {ALL_BANDS.map((b) =>
          counts[b] > 0 ? <span key={b} className={`band-seg seg-${b}`} style={{ flexGrow: counts[b] / Math.max(1, total) }} /> : null,
        )}
      </span>
    </div>
  );
}

export function Preview({ preview, dirty, valid, previewing }: { preview: SettingsPreview | null; dirty: boolean; valid: boolean; previewing: boolean }) {
  if (!dirty) {
    return <p className="muted small preview-hint">Change a weight, band edge or threshold to see how the book would move before you save.</p>;
  }
  if (!valid) return <p className="preview-hint field-error">Fix the highlighted fields to see the preview.</p>;
  if (!preview) return <p className="muted small preview-hint">Scoring the book with your changes…</p>;
  const { before, after, total } = preview;
  return (
    <div className={`preview${previewing ? ' preview-stale' : ''}`} aria-busy={previewing} data-testid="settings-preview">
      <BandBar counts={before} total={total} label="Now" />
      <BandBar counts={after} total={total} label="After" />
      <table className="band-change-table">
        <thead>
          <tr>
            <th scope="col">Band</th>
            <th scope="col" className="num">Now</th>
            <th scope="col" className="num">After</th>
            <th scope="col" className="num">Change</th>
          </tr>
        </thead>
        <tbody>
          {/* Accounts without data never move with the settings; their row shows only when there are some. */}
          {ALL_BANDS.filter((b) => b !== 'no_data' || before.no_data > 0).map((b) => {
            const delta = after[b] - before[b];
            // More healthy accounts is better; more at risk is worse; watch is neither.
            const sign = b === 'healthy' ? Math.sign(delta) : b === 'at_risk' ? -Math.sign(delta) : 0;
            return (
              <tr key={b} data-band={b}>
                <th scope="row">
                  <span className={`dot dot-${b}`} aria-hidden="true" />
                  {labelOf(b)}
                </th>
                <td className="num">{before[b]}</td>
                <td className="num">{after[b]}</td>
                <td className={`num preview-delta${sign > 0 ? ' better' : sign < 0 ? ' worse' : ''}`}>{delta > 0 ? `+${delta}` : delta === 0 ? '—' : `−${-delta}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="preview-summary">
        <strong data-testid="preview-changed">{preview.changedCount}</strong> of {total} accounts change band
        {preview.meanBefore !== null && preview.meanAfter !== null && (
          <span className="muted">
            {' '}
            · mean score {preview.meanBefore} → {preview.meanAfter}
          </span>
        )}
      </p>
      {preview.changes.length > 0 && (
        <ul className="preview-changes" aria-label="Accounts that change band">
          {preview.changes.slice(0, 8).map((c) => (
            <li key={c.id}>
              <Link to={`/accounts/${c.id}`}>{c.name}</Link>
              <span className="move">
                <span className={`score-badge band-${c.fromBand}`}>{c.fromScore}</span>
                <span aria-hidden="true">→</span>
                <span className={`score-badge band-${c.toBand}`}>{c.toScore}</span>
              </span>
            </li>
          ))}
          {preview.changedCount > 8 && <li className="muted small">and {preview.changedCount - 8} more, largest accounts first</li>}
        </ul>
      )}
    </div>
  );
}
