// The account brief's body (SPEC "Trends and the account brief"): renewal and forecast, score and
// what changed in 30 days, open flags and the triage case, open follow-ups, the last five touches
// with their next steps, who is who with last contact, open goals and opportunities. One component
// for the account page's panel (key b) and the one-page PDF, so both say the same thing.
import type { BriefData } from '../../../shared/contracts/brief';
import { formatCountdown, formatMoney, labelOf } from '../../../shared/format';
import { FORECAST_WORDS } from '../../../shared/money/words';
import './brief.css';

const day = (date: string) => date.slice(0, 10);
const bandWord = (band: string) => (band === 'no_data' ? 'Not enough data' : labelOf(band));

function More({ n, what }: { n: number; what: string }) {
  return n > 0 ? <li className="muted brief-more">… and {n} more {what}</li> : null;
}

export function BriefFacts({ brief }: { brief: BriefData }) {
  const { account, renewal, health, change30 } = brief;
  const money = (cents: number) => formatMoney(cents, account.currency, true);
  return (
    <div className="brief-facts">
      <div>
        <span className="label">ARR</span>
        <strong>{money(account.arrCents)}</strong>
        <span className="muted small">
          {labelOf(account.segment)} · {labelOf(account.stage)}
        </span>
      </div>
      <div>
        <span className="label">Renewal</span>
        <strong>{renewal ? renewal.dueDate : '—'}</strong>
        <span className="muted small">
          {renewal ? `${formatCountdown(renewal.dueDate, brief.asOf)} · ${FORECAST_WORDS[renewal.forecast ?? 'none']}` : 'no renewal date'}
        </span>
      </div>
      <div>
        <span className="label">Expected ARR</span>
        <strong>{renewal ? money(renewal.expectedArrCents) : '—'}</strong>
        <span className="muted small">{renewal ? `health-adjusted ${money(renewal.healthAdjustedArrCents)}` : ''}</span>
      </div>
      <div>
        <span className="label">Health</span>
        <strong className={health ? `band-text-${health.band}` : ''}>
          {!health ? '—' : health.score === null ? bandWord(health.band) : `${health.score} · ${bandWord(health.band)}`}
        </strong>
        <span className="muted small">
          {change30 && change30.scoreDelta !== null
            ? `${change30.scoreDelta > 0 ? '+' : ''}${change30.scoreDelta} in 30 days`
            : health?.inTriage
              ? 'in triage'
              : 'no change to compare'}
        </span>
      </div>
    </div>
  );
}

export function BriefBody({ brief }: { brief: BriefData }) {
  const { account, renewal, change30, triageCase } = brief;
  const money = (cents: number) => formatMoney(cents, account.currency, true);
  return (
    <div className="brief-body">
      {(renewal?.disagreement || change30) && (
        <section className="brief-section brief-wide">
          {renewal?.disagreement && <p className="brief-warning">{renewal.disagreement}</p>}
          {change30 && <p className="brief-change">Last 30 days: {change30.summary}</p>}
        </section>
      )}

      <section className="brief-section">
        <h3>Open flags {brief.flags.length + brief.moreFlags > 0 && <span className="muted">({brief.flags.length + brief.moreFlags})</span>}</h3>
        {brief.flags.length === 0 && !triageCase ? (
          <p className="muted">No open flags.</p>
        ) : (
          <ul className="brief-list">
            {brief.flags.map((f) => (
              <li key={`${f.rule}-${f.raisedAt}`}>
                <span className={`flag-chip severity-${f.severity}`}>{labelOf(f.rule)}</span> {f.reason}
                {f.snoozedUntil && <span className="muted"> · snoozed until {f.snoozedUntil}</span>}
              </li>
            ))}
            <More n={brief.moreFlags} what="flags" />
          </ul>
        )}
        {triageCase && (
          <div className="brief-triage">
            <strong>Triage case</strong> since {triageCase.openedOn}
            {triageCase.rootCause && <> · root cause {labelOf(triageCase.rootCause)}</>}
            {triageCase.targetDate && <> · target {triageCase.targetDate}</>}
            {triageCase.overdueDays > 0 && <span className="brief-late"> · {triageCase.overdueDays} days past target</span>}
            <div className={triageCase.plan ? '' : 'muted'}>{triageCase.plan || 'No plan written yet.'}</div>
          </div>
        )}
      </section>

      <section className="brief-section">
        <h3>Open follow-ups {brief.followUps.length + brief.moreFollowUps > 0 && <span className="muted">({brief.followUps.length + brief.moreFollowUps})</span>}</h3>
        {brief.followUps.length === 0 ? (
          <p className="muted">Nothing open.</p>
        ) : (
          <ul className="brief-list">
            {brief.followUps.map((f) => (
              <li key={f.id}>
                <span className={f.overdueDays > 0 ? 'brief-late nowrap' : 'nowrap'}>{f.due}</span> {f.title}
                {f.overdueDays > 0 && <span className="brief-late"> · {f.overdueDays}d late</span>}
              </li>
            ))}
            <More n={brief.moreFollowUps} what="follow-ups" />
          </ul>
        )}
      </section>

      <section className="brief-section brief-wide">
        <h3>
          Last touches <span className="muted">({brief.touches.length} of {brief.touchCount})</span>
        </h3>
        {brief.touches.length === 0 ? (
          <p className="muted">No touches yet.</p>
        ) : (
          <ul className="brief-list brief-touches">
            {brief.touches.map((t) => (
              <li key={t.id}>
                <span className="nowrap">{day(t.date)}</span>
                <span className="brief-type">{labelOf(t.type)}</span>
                <span>
                  {t.summary}
                  {t.people.length > 0 && <span className="muted"> — {t.people.join(', ')}</span>}
                  {t.nextStep && (
                    <span className="brief-next">
                      Next step: {t.nextStep}
                      {t.followUpDue && <span className="muted"> (by {t.followUpDue})</span>}
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="brief-section">
        <h3>Who is who</h3>
        {brief.people.length === 0 ? (
          <p className="muted">No contacts yet.</p>
        ) : (
          <table className="brief-people">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Role</th>
                <th scope="col" className="num">Strength</th>
                <th scope="col">Last contact</th>
              </tr>
            </thead>
            <tbody>
              {brief.people.map((p) => (
                <tr key={p.id}>
                  <td>
                    <strong>{p.name}</strong>
                    {p.title && <div className="muted small">{p.title}</div>}
                  </td>
                  <td className="small">
                    {labelOf(p.level)}
                    {p.role ? ` · ${labelOf(p.role)}` : ''}
                    {p.isUser ? ' · user' : ''}
                  </td>
                  <td className="num">{p.strength}/4</td>
                  <td className="nowrap small">{p.lastContact ?? 'never'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {(brief.morePeople > 0 || brief.peopleLeft > 0) && (
          <p className="muted small">
            {brief.morePeople > 0 && `… and ${brief.morePeople} more. `}
            {brief.peopleLeft > 0 && `${brief.peopleLeft} ${brief.peopleLeft === 1 ? 'person has' : 'people have'} left.`}
          </p>
        )}
      </section>

      <section className="brief-section">
        <h3>Open goals</h3>
        {brief.goals.length === 0 ? (
          <p className="muted">No open goals.</p>
        ) : (
          <ul className="brief-list">
            {brief.goals.map((g) => (
              <li key={g.id}>
                {g.goal}
                {g.target && <span className="muted"> — {g.target}</span>}
                <span className="muted">
                  {' '}
                  · {labelOf(g.status)}
                  {g.dueDate ? ` · due ${g.dueDate}` : ''}
                </span>
              </li>
            ))}
            <More n={brief.moreGoals} what="goals" />
          </ul>
        )}
        <h3 className="brief-subhead">Open opportunities</h3>
        {brief.opportunities.length === 0 ? (
          <p className="muted">No open opportunities.</p>
        ) : (
          <ul className="brief-list">
            {brief.opportunities.map((o) => (
              <li key={o.id}>
                {o.title} <span className="muted">— {money(o.arrCents)} ARR · {labelOf(o.stage)}{o.expectedClose ? ` · close ${o.expectedClose}` : ''}</span>
              </li>
            ))}
            <More n={brief.moreOpportunities} what="opportunities" />
          </ul>
        )}
      </section>
    </div>
  );
}
