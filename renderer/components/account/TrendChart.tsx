// Health trend from the snapshots, band edges as dashed lines, and a marker where the settings changed.
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { lineSummary } from '../charts/summaries';
import { useThemeColors } from './useThemeColors';

interface Props {
  /** score null: not enough data that day (a gap in the line). */
  trend: { date: string; score: number | null; band: string }[];
  settingsChanges: string[];
  height?: number;
}

export function TrendChart({ trend, settingsChanges, height = 180 }: Props) {
  const colors = useThemeColors();
  if (trend.filter((p) => p.score !== null).length < 2) return <p className="muted small">The trend appears after a second score.</p>;
  const first = trend[0].date;
  const last = trend[trend.length - 1].date;
  // A marker sits on the first snapshot on or after the change, so it lines up with the category axis.
  const markers = [...new Set(settingsChanges.filter((d) => d >= first && d <= last).map((d) => trend.find((p) => p.date >= d)?.date).filter(Boolean))] as string[];
  return (
    <div className="chart" role="img" aria-label={lineSummary('Health trend', trend.map((p) => ({ date: p.date, value: p.score })))}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart accessibilityLayer={false} data={trend} margin={{ top: 12, right: 12, bottom: 0, left: -22 }}>
          <CartesianGrid stroke={colors.border} vertical={false} />
          <XAxis dataKey="date" tick={{ fill: colors.muted, fontSize: 11 }} tickFormatter={(d: string) => d.slice(5)} minTickGap={28} stroke={colors.border} />
          <YAxis domain={[0, 100]} ticks={[0, 50, 75, 100]} tick={{ fill: colors.muted, fontSize: 11 }} stroke={colors.border} />
          <ReferenceLine y={75} stroke={colors.healthy} strokeDasharray="3 4" />
          <ReferenceLine y={50} stroke={colors['at-risk']} strokeDasharray="3 4" />
          {markers.map((d) => (
            <ReferenceLine key={d} x={d} stroke={colors.watch} label={{ value: 'settings', position: 'insideTopRight', fill: colors.watch, fontSize: 10 }} />
          ))}
          <Tooltip
            contentStyle={{ background: colors.surface, border: `1px solid ${colors.border}`, borderRadius: 8, fontSize: 12 }}
            labelStyle={{ color: colors.muted }}
            itemStyle={{ color: colors.text }}
          />
          <Line type="monotone" dataKey="score" name="Score" stroke={colors.accent} strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function MetricChart({ data, label, domain, height = 120 }: { data: { date: string; value: number }[]; label: string; domain?: [number, number]; height?: number }) {
  const colors = useThemeColors();
  if (data.length === 0) return <p className="muted small">No {label.toLowerCase()} samples.</p>;
  return (
    <div className="chart" role="img" aria-label={lineSummary(label, data)}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -24 }}>
          <CartesianGrid stroke={colors.border} vertical={false} />
          <XAxis dataKey="date" tick={{ fill: colors.muted, fontSize: 10 }} tickFormatter={(d: string) => d.slice(2, 7)} minTickGap={24} stroke={colors.border} />
          <YAxis domain={domain ?? [0, 'auto']} allowDecimals={false} tick={{ fill: colors.muted, fontSize: 10 }} stroke={colors.border} />
          <Tooltip
            contentStyle={{ background: colors.surface, border: `1px solid ${colors.border}`, borderRadius: 8, fontSize: 12 }}
            labelStyle={{ color: colors.muted }}
            itemStyle={{ color: colors.text }}
          />
          <Line type="stepAfter" dataKey="value" name={label} stroke={colors.accent} strokeWidth={1.6} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
