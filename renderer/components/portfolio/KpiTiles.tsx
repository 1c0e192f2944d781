// The month's portfolio numbers (metrics.month) as a row of calm tiles: retention, churn, NPS,
// and the two numbers a CS team steers by (seed 000) — incubation pipeline and triage value.
import type { PortfolioMetricsOutput } from '../../../shared/contracts/portfolio';
import { formatMoney } from '../../../shared/format';

const pct = (x: number | null, digits = 0) => (x === null ? '—' : `${(x * 100).toFixed(digits)}%`);
const money = (cents: number) => {
  const units = cents / 100;
  if (units >= 1_000_000_000) return `$${(units / 1_000_000_000).toFixed(2)}B`;
  if (units >= 1_000_000) return `$${(units / 1_000_000).toFixed(2)}M`;
  if (units >= 10_000) return `$${Math.round(units / 1000)}k`;
  return formatMoney(cents, 'USD', true);
};

function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function Tile({ label, value, sub, tone }: { label: string; value: string; sub?: string; tone?: 'good' | 'bad' | null }) {
  return (
    <div className={`kpi${tone ? ` kpi-${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd>
        <span className="kpi-value">{value}</span>
        {sub && <span className="kpi-sub">{sub}</span>}
      </dd>
    </div>
  );
}

export function KpiTiles({ metrics, totalArr }: { metrics: PortfolioMetricsOutput | null; totalArr: number }) {
  if (!metrics) return <dl className="kpis kpis-loading" aria-busy="true" />;
  const nrr = metrics.netRevenueRetention;
  const d90 = metrics.renewals.d90;
  return (
    <dl className="kpis" aria-label={`Portfolio metrics for ${monthName(metrics.month)}`}>
      <Tile label="ARR" value={money(totalArr)} sub={monthName(metrics.month)} />
      <Tile label="NRR" value={pct(nrr, 1)} sub="net retention" tone={nrr === null ? null : nrr >= 1 ? 'good' : 'bad'} />
      <Tile label="GRR" value={pct(metrics.grossRevenueRetention, 1)} sub="gross retention" />
      <Tile label="Logo churn" value={pct(metrics.logoChurnRate, 1)} sub="this month" tone={metrics.logoChurnRate ? 'bad' : null} />
      <Tile label="NPS" value={metrics.nps === null ? '—' : String(metrics.nps)} sub="this month" />
      <Tile label="Incubation" value={money(metrics.incubationPipelineArr)} sub="pipeline ARR" />
      <Tile label="In triage" value={money(metrics.triageArr)} sub="ARR at risk" tone={metrics.triageArr > 0 ? 'bad' : null} />
      <Tile label="Renewals 90d" value={money(d90.arr)} sub={`${d90.count} account${d90.count === 1 ? '' : 's'}`} />
    </dl>
  );
}
