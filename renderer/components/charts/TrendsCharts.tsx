// The portfolio month by month as small multiples (recharts, SVG, no animation): ARR, retention,
// churn, NPS (with its responses; small samples drawn hollow), CSAT and CES, incubation pipeline vs
// triage value, the band mix, cadence and executive coverage, and the CSM's touches by type. Each
// chart is one image to assistive technology — role="img" with a text summary of what it shows —
// and nothing inside it takes focus (accessibilityLayer off). Used by the Trends screen and the
// portfolio review PDF.
import type { ReactElement, ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendMonth, TrendsView } from '../../../shared/contracts/trends';
import { TOUCH_TYPES, type TouchType } from '../../../shared/domain';
import { labelOf } from '../../../shared/format';
import { short } from '../money/format';
import { useChartColors, type ChartColors } from './theme';

export function monthShort(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-US', { month: 'short', year: '2-digit', timeZone: 'UTC' });
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x * 1000) / 10}%`);
const plain = (x: number | null | undefined) => (x === null || x === undefined ? '—' : String(Math.round(x * 10) / 10));

/** "ARR: $1.2M in Dec 25, $1.4M in Nov 26 (lowest $1.1M in Mar 26, highest …)". */
export function seriesSummary(name: string, months: TrendMonth[], value: (m: TrendMonth) => number | null, format: (x: number) => string): string {
  const points = months.map((m) => ({ month: monthShort(m.month), v: value(m) })).filter((p): p is { month: string; v: number } => p.v !== null);
  if (points.length === 0) return `${name}: no data in these months`;
  const first = points[0];
  const last = points[points.length - 1];
  const low = points.reduce((a, b) => (b.v < a.v ? b : a));
  const high = points.reduce((a, b) => (b.v > a.v ? b : a));
  const ends = points.length === 1 ? `${format(first.v)} in ${first.month}` : `${format(first.v)} in ${first.month}, ${format(last.v)} in ${last.month}`;
  return `${name}: ${ends} (lowest ${format(low.v)} in ${low.month}, highest ${format(high.v)} in ${high.month})`;
}

const TOUCH_COLORS = (c: ChartColors): Record<TouchType, string> => ({
  email: c.noData,
  call: c.accent,
  meeting: c.healthy,
  qbr: c.watch,
  support: c.atRisk,
  event: c.text,
  note: c.border,
});

function TrendCard({ title, note, summary, height, children, footer }: { title: string; note?: ReactNode; summary: string; height: number; children: ReactElement; footer?: ReactNode }) {
  return (
    <figure className="trend-card">
      <figcaption>
        <span className="chart-title">{title}</span>
        {note && <span className="chart-note">{note}</span>}
      </figcaption>
      <div className="chart" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
          {children}
        </ResponsiveContainer>
      </div>
      {footer}
    </figure>
  );
}

export function TrendsCharts({ view, height = 150, animate = false }: { view: TrendsView; height?: number; animate?: boolean }) {
  const c = useChartColors();
  const months = view.months;
  const data = months.map((m) => ({
    ...m,
    label: `${monthShort(m.month)}${m.toDate ? '*' : ''}`,
    ...Object.fromEntries(TOUCH_TYPES.map((t) => [`touch_${t}`, m.touches[t] ?? 0])),
  }));
  const axisX = { dataKey: 'label', tick: { fill: c.muted, fontSize: 10 }, axisLine: false, tickLine: false, interval: 'preserveStartEnd' as const, minTickGap: 8 };
  const axisY = { tick: { fill: c.muted, fontSize: 10 }, axisLine: false, tickLine: false, width: 48 };
  const grid = <CartesianGrid vertical={false} stroke={c.border} />;
  const tip = (format: (v: number) => string) => (
    <Tooltip
      isAnimationActive={false}
      formatter={(v, name) => [v === null || v === undefined ? '—' : format(Number(v)), String(name)]}
      contentStyle={{ background: c.surface, border: `1px solid ${c.border}`, borderRadius: 8, fontSize: 12, color: c.text }}
      labelStyle={{ color: c.muted }}
      itemStyle={{ color: c.text, padding: 0 }}
    />
  );
  const line = (key: string, name: string, color: string, dashed = false) => (
    <Line key={key} dataKey={key} name={name} stroke={color} strokeWidth={2} strokeDasharray={dashed ? '5 4' : undefined} dot={false} connectNulls isAnimationActive={animate} />
  );
  const chart = { data, margin: { top: 6, right: 6, bottom: 0, left: 0 }, accessibilityLayer: false } as const;
  const min = view.minSurveyResponses;
  const smallNps = months.filter((m) => m.smallSample.nps).length;
  // An NPS on too few responses is drawn as a hollow point: shown, but not to steer by.
  const npsDot = (props: { cx?: number; cy?: number; index?: number; value?: unknown }) => {
    const m = months[props.index ?? 0];
    if (props.cx === undefined || props.cy === undefined || m?.nps === null || m === undefined) return <g key={props.index} />;
    return <circle key={props.index} cx={props.cx} cy={props.cy} r={3.5} stroke={c.accent} strokeWidth={1.5} fill={m.smallSample.nps ? c.surface : c.accent} />;
  };
  const legend = (items: [string, string, boolean?][]) => (
    <span className="trend-legend" aria-hidden="true">
      {items.map(([name, color, dashed]) => (
        <span key={name}>
          <i style={{ background: dashed ? 'transparent' : color, borderColor: color }} className={dashed ? 'dashed' : ''} />
          {name}
        </span>
      ))}
    </span>
  );

  return (
    <div className="trend-grid">
      <TrendCard title="ARR" note={legend([['ARR at month end', c.accent]])} summary={seriesSummary('ARR at month end', months, (m) => m.arr, short)} height={height}>
        <LineChart {...chart}>
          {grid}
          <XAxis {...axisX} />
          <YAxis {...axisY} tickFormatter={(v: number) => short(v)} />
          {tip(short)}
          {line('arr', 'ARR', c.accent)}
        </LineChart>
      </TrendCard>

      <TrendCard
        title="Revenue retention"
        note={legend([['NRR', c.accent], ['GRR', c.healthy, true]])}
        summary={`${seriesSummary('Net revenue retention', months, (m) => m.netRevenueRetention, pct)}. ${seriesSummary('Gross revenue retention', months, (m) => m.grossRevenueRetention, pct)}`}
        height={height}
      >
        <LineChart {...chart}>
          {grid}
          <XAxis {...axisX} />
          <YAxis {...axisY} tickFormatter={(v: number) => pct(v)} domain={['auto', 'auto']} />
          {tip(pct)}
          {line('netRevenueRetention', 'NRR', c.accent)}
          {line('grossRevenueRetention', 'GRR', c.healthy, true)}
        </LineChart>
      </TrendCard>

      <TrendCard
        title="Churn"
        note={legend([['Logo churn', c.atRisk], ['Net MRR churn', c.watch, true]])}
        summary={`${seriesSummary('Logo churn rate', months, (m) => m.logoChurnRate, pct)}. ${seriesSummary('Net MRR churn rate', months, (m) => m.netMrrChurnRate, pct)}`}
        height={height}
      >
        <LineChart {...chart}>
          {grid}
          <XAxis {...axisX} />
          <YAxis {...axisY} tickFormatter={(v: number) => pct(v)} />
          {tip(pct)}
          {line('logoChurnRate', 'Logo churn', c.atRisk)}
          {line('netMrrChurnRate', 'Net MRR churn', c.watch, true)}
        </LineChart>
      </TrendCard>

      <TrendCard
        title="NPS"
        note={smallNps ? `hollow: under ${min} responses` : 'with its responses'}
        summary={`${seriesSummary('NPS', months, (m) => m.nps, String)}. Responses per month: ${months.map((m) => `${monthShort(m.month)} ${m.npsResponses}${m.smallSample.nps ? ' (small sample)' : ''}`).join(', ')}`}
        height={height}
      >
        <LineChart {...chart}>
          {grid}
          <XAxis {...axisX} />
          <YAxis {...axisY} domain={[-100, 100]} ticks={[-100, -50, 0, 50, 100]} />
          <Tooltip
            isAnimationActive={false}
            formatter={(v, _name, item) => {
              const m = item.payload as TrendMonth;
              return [v === null || v === undefined ? '—' : `${v} (${m.npsResponses} response${m.npsResponses === 1 ? '' : 's'}${m.smallSample.nps ? ', small sample' : ''})`, 'NPS'];
            }}
            contentStyle={{ background: c.surface, border: `1px solid ${c.border}`, borderRadius: 8, fontSize: 12, color: c.text }}
            labelStyle={{ color: c.muted }}
            itemStyle={{ color: c.text, padding: 0 }}
          />
          <Line dataKey="nps" name="NPS" stroke={c.accent} strokeWidth={2} dot={npsDot} activeDot={false} connectNulls isAnimationActive={animate} />
        </LineChart>
      </TrendCard>

      <TrendCard
        title="CSAT and CES"
        note={legend([['CSAT %', c.accent], ['CES ×20', c.watch, true]])}
        summary={`${seriesSummary('CSAT', months, (m) => m.csat, (x) => `${plain(x)}%`)}. ${seriesSummary('CES', months, (m) => m.ces, plain)}`}
        height={height}
      >
        <LineChart {...chart} data={data.map((d) => ({ ...d, cesScaled: d.ces === null ? null : d.ces * 20 }))}>
          {grid}
          <XAxis {...axisX} />
          <YAxis {...axisY} domain={[0, 100]} ticks={[0, 50, 100]} />
          <Tooltip
            isAnimationActive={false}
            formatter={(_v, name, item) => {
              const m = item.payload as TrendMonth;
              if (name === 'CSAT') return [m.csat === null ? '—' : `${plain(m.csat)}% (${m.csatResponses})`, 'CSAT'];
              return [m.ces === null ? '—' : `${plain(m.ces)} (${m.cesResponses})`, 'CES'];
            }}
            contentStyle={{ background: c.surface, border: `1px solid ${c.border}`, borderRadius: 8, fontSize: 12, color: c.text }}
            labelStyle={{ color: c.muted }}
            itemStyle={{ color: c.text, padding: 0 }}
          />
          {line('csat', 'CSAT', c.accent)}
          {line('cesScaled', 'CES', c.watch, true)}
        </LineChart>
      </TrendCard>

      <TrendCard
        title="Incubation pipeline vs triage value"
        note={legend([['Incubation', c.healthy], ['Triage', c.atRisk, true]])}
        summary={`${seriesSummary('Incubation pipeline ARR', months, (m) => m.incubationPipelineArr, short)}. ${seriesSummary('Triage value ARR', months, (m) => m.triageArr, short)}`}
        height={height}
      >
        <LineChart {...chart}>
          {grid}
          <XAxis {...axisX} />
          <YAxis {...axisY} tickFormatter={(v: number) => short(v)} />
          {tip(short)}
          {line('incubationPipelineArr', 'Incubation pipeline', c.healthy)}
          {line('triageArr', 'Triage value', c.atRisk, true)}
        </LineChart>
      </TrendCard>

      <TrendCard
        title="Band mix"
        note="active accounts at month end"
        summary={`Band mix of active accounts at month end: ${months.map((m) => `${monthShort(m.month)} ${m.bands.healthy} healthy, ${m.bands.watch} watch, ${m.bands.at_risk} at risk, ${m.bands.no_data} not enough data`).join('; ')}`}
        height={height}
      >
        <BarChart {...chart} barCategoryGap={3}>
          {grid}
          <XAxis {...axisX} />
          <YAxis {...axisY} allowDecimals={false} />
          {tip((v) => `${v} accounts`)}
          <Bar dataKey="bands.healthy" name="Healthy" stackId="b" fill={c.healthy} isAnimationActive={animate} />
          <Bar dataKey="bands.watch" name="Watch" stackId="b" fill={c.watch} isAnimationActive={animate} />
          <Bar dataKey="bands.at_risk" name="At risk" stackId="b" fill={c.atRisk} isAnimationActive={animate} />
          <Bar dataKey="bands.no_data" name="Not enough data" stackId="b" fill={c.noData} isAnimationActive={animate} />
        </BarChart>
      </TrendCard>

      <TrendCard
        title="Cadence and executive coverage"
        note={legend([['Cadence', c.accent], ['Executives', c.watch, true]])}
        summary={`${seriesSummary('Share of active accounts within their cadence', months, (m) => m.withinCadence, pct)}. ${seriesSummary('Share with enough strong executives', months, (m) => m.execCoverage, pct)}`}
        height={height}
      >
        <LineChart {...chart}>
          {grid}
          <XAxis {...axisX} />
          <YAxis {...axisY} domain={[0, 1]} ticks={[0, 0.5, 1]} tickFormatter={(v: number) => pct(v)} />
          {tip(pct)}
          {line('withinCadence', 'Within cadence', c.accent)}
          {line('execCoverage', 'Executive coverage', c.watch, true)}
        </LineChart>
      </TrendCard>

      <TrendCard
        title="Your touches"
        note="by type"
        footer={
          <span className="trend-legend trend-legend-swatches" aria-hidden="true">
            {TOUCH_TYPES.map((t) => (
              <span key={t}>
                <b style={{ background: TOUCH_COLORS(c)[t] }} />
                {labelOf(t)}
              </span>
            ))}
          </span>
        }
        summary={`Touches logged per month: ${months.map((m) => `${monthShort(m.month)} ${TOUCH_TYPES.reduce((n, t) => n + (m.touches[t] ?? 0), 0)} (${TOUCH_TYPES.filter((t) => m.touches[t]).map((t) => `${m.touches[t]} ${labelOf(t).toLowerCase()}`).join(', ') || 'none'})`).join('; ')}`}
        height={height}
      >
        <BarChart {...chart} barCategoryGap={3}>
          {grid}
          <XAxis {...axisX} />
          <YAxis {...axisY} allowDecimals={false} />
          {tip((v) => String(v))}
          {TOUCH_TYPES.map((t) => (
            <Bar key={t} dataKey={`touch_${t}`} name={labelOf(t)} stackId="t" fill={TOUCH_COLORS(c)[t]} isAnimationActive={animate} />
          ))}
        </BarChart>
      </TrendCard>
    </div>
  );
}
