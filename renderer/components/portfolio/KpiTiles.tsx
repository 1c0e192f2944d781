// The month's portfolio numbers (metrics.month) as a row of calm tiles: retention, churn, NPS,
// and the two numbers a CS team steers by (seed 000) — incubation pipeline and triage value.
// Each tile says what it stands on: rates name the period they cover ("Nov 1–15, to date"), the NPS
// tile its window and number of responses, taken over a window with enough of them (issue 12: a
// month-to-date NPS of one response is not "−100" without saying so). Each tile's value is a button
// that opens the portfolio on the accounts behind the number (issue 17.6).
import type { PortfolioMetricsOutput } from '../../../shared/contracts/portfolio';
import { formatMoney } from '../../../shared/format';
import { monthName, periodLabel, plural } from '../../../shared/kpis';

const pct = (x: number | null, digits = 0) => (x === null ? '—' : `${(x * 100).toFixed(digits)}%`);
const money = (cents: number) => {
  const units = cents / 100;
  if (units >= 1_000_000_000) return `$${(units / 1_000_000_000).toFixed(2)}B`;
  if (units >= 1_000_000) return `$${(units / 1_000_000).toFixed(2)}M`;
  if (units >= 10_000) return `$${Math.round(units / 1000)}k`;
  return formatMoney(cents, 'USD', true);
};

const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The period of the month's rates, short: "Oct 2026", or "Nov 1–15" with "to date" below. */
function periodLines(m: PortfolioMetricsOutput): [string, string | undefined] {
  const [y, mo] = m.month.split('-').map(Number);
  if (!m.period.toDate) return [`${SHORT[mo - 1]} ${y}`, undefined];
  if (m.period.to < m.period.from) return [`${SHORT[mo - 1]} ${y}`, 'not started'];
  return [`${SHORT[mo - 1]} 1–${Number(m.period.to.slice(8, 10))}`, 'month to date'];
}

function npsText(v: number | null): string {
  if (v === null) return '—';
  return v > 0 ? `+${v}` : v < 0 ? `−${Math.abs(v)}` : '0';
}

/** The tiles, each of which opens the portfolio on the accounts behind it. */
export type KpiTile = 'arr' | 'nrr' | 'grr' | 'logo_churn' | 'nps' | 'incubation' | 'triage' | 'renewals_90';

function Tile({
  id,
  label,
  value,
  sub,
  note,
  tone,
  title,
  onOpen,
}: {
  id: KpiTile;
  label: string;
  value: string;
  sub?: string;
  note?: string;
  tone?: 'good' | 'bad' | 'muted' | null;
  title?: string;
  onOpen?: (tile: KpiTile) => void;
}) {
  return (
    <div className={`kpi${tone ? ` kpi-${tone}` : ''}${onOpen ? ' kpi-opens' : ''}`} title={title} data-tile={id}>
      <dt>{label}</dt>
      <dd>
        {onOpen ? (
          <button type="button" className="kpi-value kpi-open" aria-label={`${value} ${label}: show the accounts behind it`} onClick={() => onOpen(id)}>
            {value}
          </button>
        ) : (
          <span className="kpi-value">{value}</span>
        )}
        {sub && <span className="kpi-sub">{sub}</span>}
        {note && <span className="kpi-sub kpi-note">{note}</span>}
      </dd>
    </div>
  );
}

/** `needData`: accounts with band no_data (SPEC "Not enough data"), said under the ARR they hold. */
export function KpiTiles({
  metrics,
  totalArr,
  needData = 0,
  onOpen,
}: {
  metrics: PortfolioMetricsOutput | null;
  totalArr: number;
  needData?: number;
  onOpen?: (tile: KpiTile) => void;
}) {
  if (!metrics) return <dl className="kpis kpis-loading" aria-busy="true" />;
  const nrr = metrics.netRevenueRetention;
  const d90 = metrics.renewals.d90;
  const [period, toDate] = periodLines(metrics);
  const periodTitle = `Covers ${periodLabel(metrics.month, metrics.period)}`;
  const nps = metrics.surveyWindows.nps;
  const npsWindow = nps.days === null ? period : `last ${nps.days} days`;
  const npsNote = nps.responses === 0 ? 'no responses' : `${plural(nps.responses, 'response')}${nps.enough ? '' : ' · small sample'}`;
  const npsTitle =
    `NPS over ${nps.days === null ? monthName(metrics.month) : `the last ${nps.days} days (${nps.from} to ${nps.to})`}: ${plural(nps.responses, 'response')}` +
    (nps.enough ? '' : ' — too few to read much into') +
    `. ${monthName(metrics.month)} alone: ${metrics.nps === null ? 'no responses' : `${npsText(metrics.nps)} from ${plural(metrics.npsResponses, 'response')}`}.`;
  return (
    <dl className="kpis" aria-label={`Portfolio metrics for ${monthName(metrics.month)}`}>
      <Tile
        id="arr"
        onOpen={onOpen}
        label="ARR"
        value={money(totalArr)}
        sub="now"
        note={needData > 0 ? `${plural(needData, 'account')} not scored` : undefined}
        title={`12 × MRR of the active accounts today${needData > 0 ? `; ${plural(needData, 'account')} without enough data to score` : ''}`}
      />
      <Tile id="nrr" onOpen={onOpen} label="NRR" value={pct(nrr, 1)} sub={period} note={toDate} title={`Net revenue retention. ${periodTitle}.`} tone={nrr === null ? null : nrr >= 1 ? 'good' : 'bad'} />
      <Tile id="grr" onOpen={onOpen} label="GRR" value={pct(metrics.grossRevenueRetention, 1)} sub={period} note={toDate} title={`Gross revenue retention. ${periodTitle}.`} />
      <Tile id="logo_churn" onOpen={onOpen} label="Logo churn" value={pct(metrics.logoChurnRate, 1)} sub={period} note={toDate} title={`Accounts lost ÷ active accounts at the start. ${periodTitle}.`} tone={metrics.logoChurnRate ? 'bad' : null} />
      <Tile id="nps" onOpen={onOpen} label="NPS" value={npsText(nps.value)} sub={npsWindow} note={npsNote} title={npsTitle} tone={nps.enough ? null : 'muted'} />
      <Tile id="incubation" onOpen={onOpen} label="Incubation" value={money(metrics.incubationPipelineArr)} sub="pipeline ARR" title="12 × current MRR of the accounts in stage incubation" />
      <Tile id="triage" onOpen={onOpen} label="In triage" value={money(metrics.triageArr)} sub="ARR at risk" title="ARR of the accounts in triage today" tone={metrics.triageArr > 0 ? 'bad' : null} />
      <Tile id="renewals_90" onOpen={onOpen} label="Renewals 90d" value={money(d90.arr)} sub={`${d90.count} account${d90.count === 1 ? '' : 's'}`} title="ARR renewing in the next 90 days" />
    </dl>
  );
}
