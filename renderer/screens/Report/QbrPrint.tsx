// The QBR summary of one account for a period, laid out for paper (A4 or Letter). Built from the
// account page's own components (score explained, trend, metric charts) over `reports.qbr`, so the
// printed numbers are the app's numbers. The customer copy is another document (CustomerQbrPrint)
// over its own allow-listed data: this one is internal only.
import { useEffect } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { STRENGTH_LABELS } from '../../../shared/domain';
import { formatCountdown, formatMoney, formatSigned, labelOf } from '../../../shared/format';
import { qbrOptions, type QbrOptions } from '../../../shared/print';
import { ScoreExplained } from '../../components/account/ScoreExplained';
import { MetricChart, TrendChart } from '../../components/account/TrendChart';
import { useReportStore } from '../../stores/report';
import { CustomerQbrPrint } from './CustomerQbrPrint';
import { RevenueTable, SuccessPlanSection } from './sections';
import { usePrintReady } from './usePrintReady';
import '../Account/account.css';
import './print.css';

/** The print route `/print/qbr/:id?…`: the internal QBR, or the customer copy when audience=customer. */
export function QbrPrint() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const parsed = qbrOptions.safeParse({
    accountId: Number(id),
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    audience: params.get('audience') ?? undefined,
    includeHealth: params.get('health') === '1',
    includeRevenue: params.get('revenue') === '1',
    paper: params.get('paper') ?? undefined,
  });
  if (!parsed.success) return <InvalidLink message={parsed.error.issues[0]?.message ?? 'unknown problem'} />;
  return parsed.data.audience === 'customer' ? <CustomerQbrPrint options={parsed.data} /> : <InternalQbrPrint options={parsed.data} />;
}

function InvalidLink({ message }: { message: string }) {
  const problem = `This QBR link is not valid: ${message}`;
  usePrintReady(false, problem);
  return <div className="print-doc"><p className="print-error">{problem}</p></div>;
}

function InternalQbrPrint({ options }: { options: QbrOptions }) {
  const { qbr, error, loadQbr } = useReportStore();
  const key = JSON.stringify(options);

  useEffect(() => {
    void loadQbr(options);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, loadQbr]);

  const problem = error;
  usePrintReady(Boolean(qbr), problem);

  useEffect(() => {
    if (qbr) document.title = `${qbr.account.name} — QBR ${qbr.period.label}`;
  }, [qbr]);

  if (problem) return <div className="print-doc"><p className="print-error">{problem}</p></div>;
  if (!qbr) return <div className="print-doc"><p className="muted">Preparing the QBR…</p></div>;

  const { account, health, period } = qbr;
  // Facts of today (ARR, renewal, open tasks) say so when the period ended earlier.
  const asOfNote = period.to < qbr.asOf ? (
    <>
      {' · '}
      <span className="nowrap">as of {qbr.asOf}</span>
    </>
  ) : null;
  const money = (cents: number) => formatMoney(cents, account.currency, true);
  const executives = qbr.contacts.filter((c) => ['director', 'vp', 'c_level'].includes(c.level));
  const others = qbr.contacts.filter((c) => !['director', 'vp', 'c_level'].includes(c.level));

  return (
    <article className={`print-doc paper-${options.paper ?? 'a4'}`}>
      <header className="doc-header">
        <div>
          <p className="doc-kicker">Quarterly business review · {period.label}</p>
          <h1>{account.name}</h1>
          <p className="muted">
            {labelOf(account.segment)} · {labelOf(account.stage)}
            {account.industry ? ` · ${account.industry}` : ''}
          </p>
        </div>
        <div className="doc-meta">
          <div>
            {period.from} – {period.to}
          </div>
          {qbr.csmName && <div>Prepared by {qbr.csmName}</div>}
          <div className="muted">as of {qbr.asOf} · internal</div>
        </div>
      </header>

      <section className="doc-facts keep">
        <div>
          <span className="label">ARR</span>
          <strong>{money(account.arrCents)}</strong>
          <span className="muted small">{money(account.mrrCents)} MRR{asOfNote}</span>
        </div>
        <div>
          <span className="label">Renewal</span>
          <strong>{account.renewalDate ?? '—'}</strong>
          <span className="muted small">
            {account.renewalDate ? (
              <>
                {formatCountdown(account.renewalDate, qbr.asOf)}
                {asOfNote}
              </>
            ) : (
              'no date set'
            )}
          </span>
        </div>
        <div>
          <span className="label">Health</span>
          <strong className={`band-text-${health.band}`}>
            {health.score === null ? labelOf(health.band) : `${health.score} · ${labelOf(health.band)}`}
          </strong>
          <span className="muted small">
            confidence {Math.round(health.confidence * 100)}% · <span className="nowrap">{health.date}</span>
          </span>
        </div>
        <div>
          <span className="label">Touches</span>
          <strong>{qbr.touches.total}</strong>
          <span className="muted small">this period</span>
        </div>
      </section>

      {account.notes && (
        <section className="doc-section keep doc-callout">
          <h2>Internal notes <span className="muted small">as of {qbr.asOf}</span></h2>
          <p className="notes small">{account.notes}</p>
        </section>
      )}
      <section className="doc-section">
        <h2>Health over the period</h2>
        <div className="doc-two">
          <div className="keep">
            <TrendChart trend={qbr.trend} settingsChanges={[]} height={170} />
          </div>
          <div className="keep">
            <h3>What moved the score</h3>
            {qbr.changes && qbr.changes.components.length > 0 ? (
              <>
                <p className="small">{qbr.changes.summary}</p>
                <ul className="doc-list">
                  {qbr.changes.components.slice(0, 4).map((c) => (
                    <li key={c.component}>
                      <strong className={c.delta >= 0 ? 'up' : 'down'}>{formatSigned(c.delta)}</strong> {labelOf(c.component)}
                      <div className="muted small">{c.reason}</div>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="muted small">The score held steady over the period.</p>
            )}
          </div>
        </div>
      </section>

      <section className="doc-section keep">
        <h2>The score, component by component</h2>
        <ScoreExplained health={health} asOf={health.date} />
      </section>

      <section className="doc-section">
        <h2>Flags this period</h2>
        {qbr.flags.raised.length === 0 && qbr.flags.resolved.length === 0 ? (
          <p className="muted small">No flag was raised or resolved in the period.</p>
        ) : (
          <table className="doc-table">
            <thead>
              <tr>
                <th>Flag</th>
                <th>Severity</th>
                <th>Raised</th>
                <th>Resolved</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {[...new Map([...qbr.flags.raised, ...qbr.flags.resolved].map((f) => [f.id, f])).values()].map((f) => (
                <tr key={f.id}>
                  <td>{labelOf(f.rule)}</td>
                  <td>{f.severity}</td>
                  <td className="nowrap">{f.raisedAt}</td>
                  <td className="nowrap">{f.resolvedAt ? `${f.resolvedAt} (${f.resolvedBy === 'user' ? 'by you' : 'cleared'})` : 'open'}</td>
                  <td>{f.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="doc-section">
        <h2>Relationships</h2>
        {qbr.contacts.length === 0 ? (
          <p className="muted small">No contacts on record.</p>
        ) : (
          <table className="doc-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Title</th>
                <th>Level</th>
                <th>Role</th>
                <th>Relationship</th>
                <th>Last touch</th>
              </tr>
            </thead>
            <tbody>
              {[...executives, ...others].map((c) => (
                <tr key={c.id} className={c.leftOn ? 'gone' : undefined}>
                  <td>
                    {c.name}
                    {c.leftInPeriod && <span className="tag">left {c.leftOn}</span>}
                    {c.joinedInPeriod && <span className="tag">new</span>}
                  </td>
                  <td>{c.title ?? '—'}</td>
                  <td className="nowrap">
                    {labelOf(c.level)}
                    {c.isUser ? ' · user' : ''}
                  </td>
                  <td>{c.role ? labelOf(c.role) : '—'}</td>
                  <td className="nowrap">{STRENGTH_LABELS[c.strength]}</td>
                  <td className="nowrap">{c.lastTouchAt ? c.lastTouchAt.slice(0, 10) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="doc-section">
        <h2>Engagement</h2>
        <p className="chips">
          {qbr.touches.byType.length === 0 && <span className="muted small">No touches in the period.</span>}
          {qbr.touches.byType.map((t) => (
            <span key={t.type} className="chip">
              {labelOf(t.type)} <strong>{t.count}</strong>
            </span>
          ))}
        </p>
        {qbr.touches.keyMeetings.length > 0 && (
          <table className="doc-table">
            <thead>
              <tr>
                <th>Date</th>
                <th>Type</th>
                <th>With</th>
                <th>Summary</th>
                <th className="num">Pulse</th>
              </tr>
            </thead>
            <tbody>
              {qbr.touches.keyMeetings.map((m, i) => (
                <tr key={i}>
                  <td className="nowrap">{m.date.slice(0, 10)}</td>
                  <td>{labelOf(m.type)}</td>
                  <td>{m.people || '—'}</td>
                  <td>
                    {m.summary}
                    {m.notes && <div className="muted small">{m.notes}</div>}
                  </td>
                  <td className="num">{m.sentiment === null ? '—' : formatSigned(m.sentiment)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="doc-section">
        <h2>Adoption and support</h2>
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

      <section className="doc-section doc-two">
        <div className="keep">
          <h2>Revenue movements</h2>
          <RevenueTable rows={qbr.revenue} kind={labelOf} amount={(cents) => `${money(cents)} MRR`} />
        </div>
        <div className="keep">
          <h2>Voice of the customer</h2>
          {qbr.surveys.length === 0 ? (
            <p className="muted small">No survey responses in the period.</p>
          ) : (
            <ul className="doc-list">
              {qbr.surveys.map((s, i) => (
                <li key={i}>
                  <strong>
                    {labelOf(s.kind)} {s.score}
                  </strong>{' '}
                  <span className="muted small">
                    {s.date}
                    {s.contactName ? ` · ${s.contactName}` : ''}
                  </span>
                  {s.comment && <div className="small">“{s.comment}”</div>}
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>

      <SuccessPlanSection
        goals={qbr.goals}
        status={(status) => <span className={`goal-status status-${status}`}>{labelOf(status)}</span>}
      />

      <section className="doc-section keep">
        <h2>Next steps</h2>
        {qbr.nextSteps.length === 0 && qbr.openTasks.length === 0 ? (
          <p className="muted small">No open next steps.</p>
        ) : (
          <ul className="doc-list">
            {qbr.nextSteps.map((n, i) => (
              <li key={`n${i}`}>
                {n.nextStep}
                <span className="muted small">
                  {' '}
                  · agreed {n.date.slice(0, 10)}
                  {n.followUpDue ? ` · follow up by ${n.followUpDue}` : ''}
                </span>
              </li>
            ))}
            {qbr.openTasks.map((t) => (
              <li key={`t${t.id}`}>
                {t.title} <span className="muted small">· due {t.due} · open as of {qbr.asOf}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

    </article>
  );
}
