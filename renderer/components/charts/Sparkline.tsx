// A tiny health trend for one table row: a plain SVG polyline (no chart library per row, so 10,000
// rows stay cheap), scaled 0–100 so trends compare across rows, with the last point marked.
import { memo } from 'react';
import type { AnyBand } from '../../../shared/domain';

const W = 72;
const H = 22;
const PAD = 2;

export const Sparkline = memo(function Sparkline({ scores, band }: { scores: number[] | undefined; band: AnyBand | null }) {
  if (!scores || scores.length < 2) return <svg className="sparkline" width={W} height={H} aria-hidden="true" />;
  const step = (W - PAD * 2) / (scores.length - 1);
  const y = (s: number) => PAD + (H - PAD * 2) * (1 - Math.max(0, Math.min(100, s)) / 100);
  const points = scores.map((s, i) => `${(PAD + i * step).toFixed(1)},${y(s).toFixed(1)}`).join(' ');
  const last = scores[scores.length - 1];
  const first = scores[0];
  const label = `Health trend over ${scores.length} weeks: ${first} to ${last}`;
  return (
    <svg className={`sparkline spark-${band ?? 'none'}`} width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <title>{label}</title>
      <line className="spark-mid" x1={PAD} x2={W - PAD} y1={y(50)} y2={y(50)} />
      <polyline points={points} />
      <circle cx={PAD + (scores.length - 1) * step} cy={y(last)} r={2.2} />
    </svg>
  );
});
