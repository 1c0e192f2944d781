// The portfolio review for a CSM's own manager: KPI tiles for the month, the band distribution,
// renewals in the next 90 days and the triage list — one or two pages of paper.
import { useEffect } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatMoney, labelOf } from '../../../shared/format';
import { reviewOptions } from '../../../shared/print';
import { useThemeColors } from '../../components/account/useThemeColors';
import { useReportStore } from '../../stores/report';
import { usePrintReady } from './usePrintReady';
import { ReviewForecast, useReviewForecast } from './ReviewForecast';
import './print.css';

const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const money = (cents: number) => formatMoney(cents, 'USD', true);

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
  const problem = parsed.success ? (error ?? forecast.error) : 'This review link is not valid: the month must be YYYY-MM.';
  usePrintReady(Boolean(review) && Boolean(forecast.forecast), problem);
  useEffect(() => {
    if (review) document.title = `Portfolio review — ${review.month}`;
  }, [review]);

  if (problem) return <div className="print-doc"><p className="print-error">{problem}</p></div>;
  if (!review) return <div className="print-doc"><p className="muted">Preparing the review…</p></div>;

  const m = review.metrics;
  const bandColor = { healthy: colors.healthy, watch: colors.watch, at_risk: colors['at-risk'] };
  const tiles: [string, string, string][] = [
    ['Net revenue retention', percent(m.netRevenueRetention), 'expansion included'],
    ['Gross revenue retention', percent(m.grossRevenueRetention), 'churn and contraction'],
    ['Logo churn', percent(m.logoChurnRate), 'accounts lost this month'],
    ['NPS', m.nps === null ? '—' : String(m.nps), m.csat === null ? 'no CSAT' : `CSAT ${m.csat.toFixed(0)}%`],
    ['Incubation pipeline', money(m.incubationPipelineArr), 'ARR in incubation'],
    ['Triage value', money(m.triageArr), 'ARR in triage'],
    ['MRR', money(m.mrrEnd), `from ${money(m.mrrStart)}`],
    ['Renewals in 90 days', money(m.renewals.d90.arr), `${m.renewals.d90.count} accounts`],
  ];

  return (
    <article className={`print-doc paper-${parsed.success ? parsed.data.paper : 'a4'}`}>
      <header className="doc-header">
        <div>
          <p className="doc-kicker">Portfolio review · {review.month}</p>
          <h1>Book of business</h1>
          <p className="muted">{review.accountCount} active accounts</p>
        </div>
        <div className="doc-meta">
          {review.csmName && <div>{review.csmName}</div>}
          <div className="muted">as of {review.asOf}</div>
        </div>
      </header>

      <section className="doc-tiles keep">
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
            <ResponsiveContainer width="100%" height={150}>
              <BarChart data={review.bands} margin={{ top: 8, right: 8, bottom: 0, left: -20 }}>
                <CartesianGrid stroke={colors.border} vertical={false} />
                <XAxis dataKey="band" tickFormatter={(b: string) => labelOf(b)} tick={{ fill: colors.muted, fontSize: 11 }} stroke={colors.border} />
                <YAxis allowDecimals={false} tick={{ fill: colors.muted, fontSize: 11 }} stroke={colors.border} />
                <Bar dataKey="count" isAnimationActive={false}>
                  {review.bands.map((b) => (
                    <Cell key={b.band} fill={bandColor[b.band]} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
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
                  <td className="num">{r.score === null ? '—' : <span className={`band-text-${r.band}`}>{r.score}</span>}</td>
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
                    <span className={`band-text-${t.band}`}>{t.score}</span>
                  </td>
                  <td className="small">{t.reasons.join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
