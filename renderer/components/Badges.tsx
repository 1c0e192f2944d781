// Small presentational pieces: the health band badge and flag chips.
import type { Band, FlagRule, Severity } from '../../shared/domain';
import { labelOf } from '../../shared/format';

export function ScoreBadge({ score, band }: { score: number | null; band: Band | null }) {
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
