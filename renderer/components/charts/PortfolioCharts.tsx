// The portfolio's four small charts (recharts, SVG, no animation — calm): health distribution,
// ARR by band, incubation pipeline vs triage value (seed 000), renewals by month. They receive
// already-aggregated data (see aggregate.ts) and draw it; nothing here fetches.
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../../shared/format';
import { NO_DATA_BUCKET, type PortfolioChartData } from './aggregate';
import { compactMoney, healthDistributionSummary, labelledAmountsSummary, renewalsByMonthSummary } from './summaries';
import { useChartColors, type ChartColors } from './theme';

const HEIGHT = 120;

function tooltipProps(c: ChartColors) {
  return {
    cursor: { fill: c.border, opacity: 0.35 },
    contentStyle: {
      background: c.surface,
      border: `1px solid ${c.border}`,
      borderRadius: 8,
      fontSize: 12,
      color: c.text,
      padding: '6px 10px',
    },
    labelStyle: { color: c.muted, marginBottom: 2 },
    itemStyle: { color: c.text, padding: 0 },
    isAnimationActive: false,
  } as const;
}

const axis = (c: ChartColors) => ({
  tick: { fill: c.muted, fontSize: 11 },
  axisLine: false,
  tickLine: false,
});

/** A titled chart; the drawing is one picture (role="img") named by `summary`, the numbers in words. */
function ChartCard({ title, note, children, summary }: { title: string; note?: string; children: React.ReactNode; summary: string }) {
  return (
    <figure className="chart-card">
      <figcaption>
        <span className="chart-title">{title}</span>
        {note && <span className="chart-note">{note}</span>}
      </figcaption>
      <div className="chart-body" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 240, height: HEIGHT }}>
          {children as React.ReactElement}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export function PortfolioCharts({ data }: { data: PortfolioChartData }) {
  const c = useChartColors();
  const bandColor = { healthy: c.healthy, watch: c.watch, at_risk: c.atRisk, no_data: c.noData };
  const tip = tooltipProps(c);
  return (
    <div className="chart-row">
      <ChartCard
        title="Health distribution"
        note={data.noData ? `${data.scored} · ${data.noData} no data` : `${data.scored} scored`}
        summary={healthDistributionSummary(data.distribution)}
      >
        <BarChart accessibilityLayer={false} data={data.distribution} margin={{ top: 4, right: 4, bottom: 0, left: -28 }} barCategoryGap={2}>
          <CartesianGrid vertical={false} stroke={c.border} />
          {/* The first bucket holds the accounts without data (grey); then 0–9, 10–19, … ("0" is left
              unlabelled so "No data" has room). */}
          <XAxis dataKey="label" {...axis(c)} interval={0} ticks={[NO_DATA_BUCKET, '20', '40', '60', '80']} />
          <YAxis allowDecimals={false} {...axis(c)} width={56} tickCount={3} />
          <Tooltip {...tip} formatter={(v, name) => [`${v} accounts`, name]} />
          <Bar dataKey="healthy" name="Healthy" stackId="b" fill={c.healthy} isAnimationActive={false} />
          <Bar dataKey="watch" name="Watch" stackId="b" fill={c.watch} isAnimationActive={false} />
          <Bar dataKey="at_risk" name="At risk" stackId="b" fill={c.atRisk} isAnimationActive={false} />
          <Bar dataKey="no_data" name="Not enough data" stackId="b" fill={c.noData} isAnimationActive={false} radius={[2, 2, 0, 0]} />
        </BarChart>
      </ChartCard>
      <ChartCard title="ARR by band" note={compactMoney(data.totalArr)} summary={labelledAmountsSummary('ARR by band', data.arrByBand)}>
        <BarChart accessibilityLayer={false} data={data.arrByBand} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 0 }} barCategoryGap={6}>
          <XAxis type="number" {...axis(c)} tickFormatter={compactMoney} tickCount={3} />
          <YAxis type="category" dataKey="label" {...axis(c)} width={58} />
          <Tooltip {...tip} formatter={(v) => [formatMoney(Number(v), 'USD', true), 'ARR']} />
          <Bar dataKey="arr" isAnimationActive={false} radius={[0, 3, 3, 0]}>
            {data.arrByBand.map((d) => (
              <Cell key={d.band} fill={bandColor[d.band]} />
            ))}
          </Bar>
        </BarChart>
      </ChartCard>
      <ChartCard title="Pipeline vs triage" note="incubation · in triage" summary={labelledAmountsSummary('Incubation pipeline versus triage', data.pipelineVsTriage)}>
        <BarChart accessibilityLayer={false} data={data.pipelineVsTriage} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 0 }} barCategoryGap={10}>
          <XAxis type="number" {...axis(c)} tickFormatter={compactMoney} tickCount={3} />
          <YAxis type="category" dataKey="label" {...axis(c)} width={70} />
          <Tooltip {...tip} formatter={(v, _n, item) => [`${formatMoney(Number(v), 'USD', true)} (${item.payload.count} accounts)`, 'ARR']} />
          <Bar dataKey="arr" isAnimationActive={false} radius={[0, 3, 3, 0]}>
            {data.pipelineVsTriage.map((d) => (
              <Cell key={d.key} fill={d.key === 'triage' ? c.atRisk : c.accent} />
            ))}
          </Bar>
        </BarChart>
      </ChartCard>
      <ChartCard title="Renewals by month" note="next 12 months" summary={renewalsByMonthSummary(data.renewalsByMonth)}>
        <BarChart accessibilityLayer={false} data={data.renewalsByMonth} margin={{ top: 4, right: 4, bottom: 0, left: -20 }} barCategoryGap={3}>
          <CartesianGrid vertical={false} stroke={c.border} />
          <XAxis dataKey="label" {...axis(c)} interval={1} />
          <YAxis {...axis(c)} tickFormatter={compactMoney} width={64} tickCount={3} />
          <Tooltip {...tip} formatter={(v, _n, item) => [`${formatMoney(Number(v), 'USD', true)} · ${item.payload.count} renewals`, 'ARR']} />
          <Bar dataKey="arr" fill={c.accent} isAnimationActive={false} radius={[2, 2, 0, 0]} />
        </BarChart>
      </ChartCard>
    </div>
  );
}
