// Small presentational pieces: the health band badge and flag chips.
import type { AnyBand, FlagRule, Severity } from '../../shared/domain';
import { labelOf } from '../../shared/format';

/** SPEC "Not enough data": grey, no number. */
export const NO_DATA_TEXT = 'Not enough data';

export function ScoreBadge({ score, band }: { score: number | null; band: AnyBand | null }) {
  if (band === 'no_data') {
    return (
      <span className="score-badge band-no_data" title="No contacts, touches, metric samples or survey responses yet: not scored">
        {NO_DATA_TEXT}
      </span>
    );
  }
  if (score === null || band === null) return <span className="muted">—</span>;
  return (
    <span className={`score-badge band-${band}`} title={labelOf(band)}>
      {score}
    </span>
  );
}

export function FlagChips({ flags }: { flags: { rule: FlagRule; severity: Severity }[] }) {
  if (flags.length === 0) return null;
  return (
    <span className="flag-chips">
      {flags.map((flag) => (
        <span key={flag.rule} className={`flag-chip severity-${flag.severity}`} title={`${labelOf(flag.rule)} (${flag.severity})`}>
          {labelOf(flag.rule)}
        </span>
      ))}
    </span>
  );
}
