// The customer copy of the QBR: what a CSM can hand to the customer. It renders only
// `reports.customerQbr`, whose data is built from an allow-list (usage and adoption, support, goals
// and their status, meetings held, shared next steps; the health score and revenue movements only
// when the CSM includes them) — so nothing internal (stage, band, components, strengths, flags,
// pulse, notes) is ever on this page to leak.
import { useEffect } from 'react';
import type { GoalStatus } from '../../../shared/domain';
import { formatMoney, labelOf } from '../../../shared/format';
import type { QbrOptions } from '../../../shared/print';
import { MetricChart } from '../../components/account/TrendChart';
import { useReportStore } from '../../stores/report';
import { RevenueTable, SuccessPlanSection } from './sections';
import { usePrintReady } from './usePrintReady';
import '../Account/account.css';
import './print.css';

/** Goal statuses in the customer's words (the internal "at risk" is a judgment, not a status to send). */
const GOAL_STATUS_FOR_CUSTOMER: Record<GoalStatus, string> = {
  not_started: 'Not started',
  on_track: 'On track',
  at_risk: 'Needs attention',
  achieved: 'Achieved',
  missed: 'Missed',
};

const REVENUE_WORDS = { new: 'Subscription started', expansion: 'Subscription extended', contraction: 'Subscription reduced', churn: 'Subscription ended', renewal: 'Renewed' } as const;

export function CustomerQbrPrint({ options }: { options: QbrOptions }) {
  const { customerQbr: qbr, error, loadCustomerQbr } = useReportStore();
  const key = JSON.stringify(options);

  useEffect(() => {
    void loadCustomerQbr(options);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, loadCustomerQbr]);

  usePrintReady(Boolean(qbr), error);
  useEffect(() => {
    if (qbr) document.title = `${qbr.account.name} — Business review ${qbr.period.label}`;
  }, [qbr]);

  if (error) return <div className="print-doc"><p className="print-error">{error}</p></div>;
  if (!qbr) return <div className="print-doc"><p className="muted">Preparing the review…</p></div>;

  const { account, period } = qbr;
  const latest = (series: { value: number }[]) => (series.length ? series[series.length - 1].value : null);
  const adoptionNow = latest(qbr.adoption);
  const usersNow = latest(qbr.activeUsers);
  const ticketsNow = latest(qbr.openTickets);

  return (
    <article className={`print-doc customer-copy paper-${options.paper ?? 'a4'}`}>
      <header className="doc-header">
        <div>
          <p className="doc-kicker">Business review · {period.label}</p>
          <h1>{account.name}</h1>
        </div>
        <div className="doc-meta">
          {!period.label.includes(period.from) && (
            <div>
              {period.from} – {period.to}
            </div>
          )}
          {qbr.csmName && <div>Prepared by {qbr.csmName}</div>}
        </div>
      </header>

      <section className="doc-facts keep">
        <div>
          <span className="label">Adoption</span>
          <strong>{adoptionNow === null ? '—' : `${Math.round(adoptionNow)}%`}</strong>
          <span className="muted small">of licensed seats active</span>
        </div>
        <div>
          <span className="label">Active users</span>
          <strong>{usersNow === null ? '—' : Math.round(usersNow)}</strong>
          <span className="muted small">{qbr.seats ? `on ${qbr.seats} seats` : 'latest count'}</span>
        </div>
        <div>
          <span className="label">Open tickets</span>
          <strong>{ticketsNow === null ? '—' : Math.round(ticketsNow)}</strong>
          <span className="muted small">latest in the period</span>
        </div>
        <div>
          <span className="label">{qbr.health ? 'Health score' : 'Meetings'}</span>
          <strong>{qbr.health ? qbr.health.score : qbr.meetings.total}</strong>
          <span className="muted small">{qbr.health ? `of 100 · ${qbr.health.date}` : 'held this period'}</span>
        </div>
      </section>

      <section className="doc-section">
        <h2>Usage and support</h2>
        <div className="doc-two">
          <div className="keep">
            <h3>Adoption (% of licensed seats active)</h3>
            <MetricChart data={qbr.adoption} label="Adoption" domain={[0, 100]} height={130} />
          </div>
          <div className="keep">
            <h3>Open support tickets</h3>
            <MetricChart data={qbr.openTickets} label="Open tickets" height={130} />
          </div>
        </div>
      </section>

      {qbr.health && (
        <section className="doc-section keep">
          <h2>Health score over the period</h2>
          <MetricChart data={qbr.health.trend.map((p) => ({ date: p.date, value: p.score }))} label="Health score" domain={[0, 100]} height={130} />
        </section>
      )}

      <section className="doc-section">
        <h2>Meetings held</h2>
        {qbr.meetings.held.length === 0 ? (
          <p className="muted small">No meetings in the period.</p>
        ) : (
          <table className="doc-table">
            <thead>
              <tr>
                <th>Date</th>
                <th>Type</th>
                <th>With</th>
                <th>Summary</th>
              </tr>
            </thead>
            <tbody>
              {qbr.meetings.held.map((m, i) => (
                <tr key={i}>
                  <td className="nowrap">{m.date.slice(0, 10)}</td>
                  <td>{labelOf(m.type)}</td>
                  <td>{m.people || '—'}</td>
                  <td>{m.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {qbr.meetings.total > qbr.meetings.held.length && (
          <p className="muted small">The latest {qbr.meetings.held.length} of {qbr.meetings.total} meetings.</p>
        )}
      </section>

      <SuccessPlanSection goals={qbr.goals} status={(status) => GOAL_STATUS_FOR_CUSTOMER[status]} />

      {qbr.revenue && (
        <section className="doc-section keep">
          <h2>Subscription changes</h2>
          <RevenueTable rows={qbr.revenue} kind={(kind) => REVENUE_WORDS[kind]} amount={(cents) => `${formatMoney(cents, account.currency, true)} per month`} />
        </section>
      )}

      <section className="doc-section keep">
        <h2>Next steps</h2>
        {qbr.nextSteps.length === 0 ? (
          <p className="muted small">No next steps recorded.</p>
        ) : (
          <ul className="doc-list">
            {qbr.nextSteps.map((n, i) => (
              <li key={i}>
                {n.text}
                <span className="muted small">
                  {n.agreedOn ? ` · agreed ${n.agreedOn}` : ''}
                  {n.due ? ` · by ${n.due}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
