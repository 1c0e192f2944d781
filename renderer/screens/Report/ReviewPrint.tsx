// The portfolio review for a CSM's own manager: KPI tiles for the month (each saying the period or
// survey window and number of responses it stands on), the band distribution (accounts without data
// in their own bucket), renewals in the next 90 days, the triage list and the month's triage cases
// (opened, open, recovered, churned, save rate, median days to recover) — one or two pages of paper.
import { useEffect } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Cell, XAxis, YAxis } from 'recharts';
import { formatMoney, labelOf } from '../../../shared/format';
import { monthName, periodShort, plural, surveyWindowLabel } from '../../../shared/kpis';
import { reviewOptions } from '../../../shared/print';
import { useThemeColors } from '../../components/account/useThemeColors';
import { useReportStore } from '../../stores/report';
import { usePrintReady } from './usePrintReady';
import { ReviewForecast, useReviewForecast } from './ReviewForecast';
import { ReviewTrends, useReviewTrends } from './ReviewTrends';
import './print.css';

const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const money = (cents: number) => formatMoney(cents, 'USD', true);
/** The band chart's width in CSS px: the left column of two on A4/Letter (182–187 mm of text width). */
const BAND_CHART_WIDTH = 340;

export function ReviewPrint() {
  const { month } = useParams();
  const [params] = useSearchParams();
  const { review, error, loadReview } = useReportStore();
  const colors = useThemeColors();
  const parsed = reviewOptions.safeParse({ month, paper: params.get('paper') ?? undefined });
  const key = parsed.success ? JSON.stringify(parsed.data) : null;

  useEffect(() => {
    if (parsed.success) void loadReview(parsed.data);
  }, [key, loadReview]);

  const forecast = useReviewForecast();
  const trends = useReviewTrends(parsed.success ? parsed.data.month : null);
  const problem = parsed.success ? (error ?? forecast.error ?? trends.error) : 'This review link is not valid: the month must be YYYY-MM.';
  usePrintReady(Boolean(review) && Boolean(forecast.forecast) && Boolean(trends.trends), problem);
  useEffect(() => {
    if (review) document.title = `Portfolio review — ${review.month}`;
  }, [review]);

  if (problem) return <div className="print-doc"><p className="print-error">{problem}</p></div>;
  if (!review) return <div className="print-doc"><p className="muted">Preparing the review…</p></div>;

  const m = review.metrics;
  const bandColor = { healthy: colors.healthy, watch: colors.watch, at_risk: colors['at-risk'], no_data: colors.muted };
  const period = periodShort(review.month, m.period);
  const { nps, csat } = m.surveyWindows;
  const tiles: [string, string, string][] = [
    ['Net revenue retention', percent(m.netRevenueRetention), `expansion included · ${period}`],
    ['Gross revenue retention', percent(m.grossRevenueRetention), `churn and contraction · ${period}`],
    ['Logo churn', percent(m.logoChurnRate), `accounts lost · ${period}`],
    ['NPS', nps.value === null ? '—' : String(nps.value), surveyWindowLabel(nps, review.month)],
    ['CSAT', csat.value === null ? '—' : `${csat.value.toFixed(0)}%`, surveyWindowLabel(csat, review.month)],
    ['Incubation pipeline', money(m.incubationPipelineArr), '12 × MRR in incubation'],
    ['Triage value', money(m.triageArr), 'ARR in triage'],
    ['MRR', money(m.mrrEnd), `from ${money(m.mrrStart)} · ${period}`],
    ['Renewals in 90 days', money(m.renewals.d90.arr), `${m.renewals.d90.count} accounts`],
  ];
  const tc = review.triageCases;
  const noData = review.bands.find((b) => b.band === 'no_data')?.count ?? 0;

  return (
    <article className={`print-doc paper-${parsed.success ? parsed.data.paper : 'a4'}`}>
      <header className="doc-header">
        <div>
          <p className="doc-kicker">Portfolio review · {review.month}</p>
          <h1>Book of business</h1>
          <p className="muted">
            {review.accountCount} active accounts{noData > 0 ? ` · ${noData} without enough data to score` : ''}
          </p>
        </div>
        <div className="doc-meta">
          {review.csmName && <div>{review.csmName}</div>}
          <div className="muted">as of {review.asOf}</div>
        </div>
      </header>

      <section className="doc-tiles doc-tiles-3 keep" aria-label={`Metrics for ${monthName(review.month)}`}>
        {tiles.map(([label, value, note]) => (
          <div key={label}>
            <span className="label">{label}</span>
            <strong>{value}</strong>
            <span className="muted small">{note}</span>
          </div>
        ))}
      </section>

      <section className="doc-section doc-two">
        <div className="keep">
          <h2>Accounts by band</h2>
          <div className="chart">
            {/* A fixed size: the paper's width is known, and a measured width could be taken before
                the print layout applies (the chart then overlaps the table beside it). */}
            <BarChart width={BAND_CHART_WIDTH} height={150} data={review.bands} margin={{ top: 8, right: 8, bottom: 0, left: -20 }}>
              <CartesianGrid stroke={colors.border} vertical={false} />
              <XAxis dataKey="band" tickFormatter={(b: string) => labelOf(b)} tick={{ fill: colors.muted, fontSize: 11 }} stroke={colors.border} />
              <YAxis allowDecimals={false} tick={{ fill: colors.muted, fontSize: 11 }} stroke={colors.border} />
              <Bar dataKey="count" isAnimationActive={false}>
                {review.bands.map((b) => (
                  <Cell key={b.band} fill={bandColor[b.band]} />
                ))}
              </Bar>
            </BarChart>
          </div>
        </div>
        <div className="keep">
          <h2>ARR by band</h2>
          <table className="doc-table">
            <tbody>
              {review.bands.map((b) => (
                <tr key={b.band}>
                  <td>
                    <span className={`band-text-${b.band}`}>{labelOf(b.band)}</span>
                  </td>
                  <td className="num">{b.count} account{b.count === 1 ? "" : "s"}</td>
                  <td className="num">{money(b.arrCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="doc-section">
        <h2>Renewals in the next 90 days</h2>
        {review.renewals.length === 0 ? (
          <p className="muted small">No renewal in the next 90 days.</p>
        ) : (
          <table className="doc-table">
            <thead>
              <tr>
                <th>Account</th>
                <th>Renews</th>
                <th className="num">In</th>
                <th className="num">ARR</th>
                <th className="num">Health</th>
              </tr>
            </thead>
            <tbody>
              {review.renewals.map((r) => (
                <tr key={r.id}>
                  <td>{r.name}</td>
                  <td className="nowrap">{r.renewalDate}</td>
                  <td className="num">{r.inDays} days</td>
                  <td className="num">{money(r.arrCents)}</td>
                  <td className="num">
                    {r.score === null ? r.band === 'no_data' ? <span className="band-text-no_data">no data</span> : '—' : <span className={`band-text-${r.band}`}>{r.score}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {forecast.forecast && <ReviewForecast forecast={forecast.forecast} />}

      <section className="doc-section">
        <h2>In triage</h2>
        {review.triage.length === 0 ? (
          <p className="muted small">No account is in triage.</p>
        ) : (
          <table className="doc-table">
            <thead>
              <tr>
                <th>Account</th>
                <th className="num">ARR</th>
                <th className="num">Health</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {review.triage.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td className="num">{money(t.arrCents)}</td>
                  <td className="num">
                    <span className={`band-text-${t.band}`}>{t.score ?? labelOf(t.band)}</span>
                  </td>
                  <td className="small">{t.reasons.join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="doc-section keep">
        <h2>Triage cases · {tc.from} – {tc.to}</h2>
        <div className="doc-tiles doc-tiles-small">
          {(
            [
              ['Opened', String(tc.stats.opened)],
              ['Open at the end', String(tc.stats.open)],
              ['Recovered', String(tc.stats.recovered)],
              ['Churned', String(tc.stats.churned)],
              ['Save rate', tc.stats.saveRate === null ? '—' : `${Math.round(tc.stats.saveRate * 100)}%`],
              ['Median days to recover', tc.stats.medianDaysToRecover === null ? '—' : String(tc.stats.medianDaysToRecover)],
            ] as const
          ).map(([label, value]) => (
            <div key={label}>
              <span className="label">{label}</span>
              <strong>{value}</strong>
            </div>
          ))}
        </div>
        <p className="muted small">
          Save rate = recovered ÷ every case closed in the period{tc.stats.closed ? ` (${plural(tc.stats.closed, 'case')} closed without a verdict)` : ''}.
        </p>
        {tc.cases.length > 0 && (
          <table className="doc-table">
            <thead>
              <tr>
                <th>Account</th>
                <th>Opened</th>
                <th>Root cause</th>
                <th>Target</th>
                <th>Outcome</th>
              </tr>
            </thead>
            <tbody>
              {tc.cases.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td className="nowrap">{c.openedOn}</td>
                  <td>{c.rootCause ? labelOf(c.rootCause) : '—'}</td>
                  <td className="nowrap">{c.targetDate ?? '—'}</td>
                  <td className="nowrap">{c.outcome ? `${labelOf(c.outcome)} ${c.closedOn}` : 'open'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {trends.trends && <ReviewTrends trends={trends.trends} />}
    </article>
  );
}
