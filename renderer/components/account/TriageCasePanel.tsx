// The account's triage case (SPEC "Triage cases", seed 000): when the account is in triage and has no
// open case, a suggestion to open one (its trigger flags, a root cause from the churn reasons, a plan,
// a target date) — opened only when the CSM presses Open; the open case with its plan and target
// (late targets in red), the suggestion to close it as recovered once the account has been out of
// triage for 14 days, and the account's past cases.
import { useEffect, useState } from 'react';
import { CHURN_REASONS, type ChurnReason, type Stage } from '../../../shared/domain';
import { daysBetween } from '../../../shared/dates';
import { formatCountdown, labelOf } from '../../../shared/format';
import type { TriageCaseView, TriageTrigger } from '../../../shared/contracts/triage';
import { useTriageStore } from '../../stores/triage';
import { EnumOptions } from '../EnumOptions';
import './triage-case.css';
import { DateInput } from '../DateInput';

type LeaveStage = Exclude<Stage, 'churned' | 'triage'>;
const LEAVE_STAGES: readonly LeaveStage[] = ['adoption', 'expansion', 'onboarding', 'incubation'];

interface Props {
  accountId: number;
  stage: Stage;
  archived: boolean;
  /** Changes whenever the account page reloads (a touch, an edit): the panel reloads with it. */
  refresh: unknown;
}

function Triggers({ triggers }: { triggers: TriageTrigger[] }) {
  if (triggers.length === 0) return null;
  return (
    <ul className="case-triggers" aria-label="Triggers">
      {triggers.map((t, i) => (
        <li key={`${t.rule}:${i}`}>
          <span className={`flag-chip severity-${t.severity ?? (t.rule === 'band' ? 'high' : 'low')}`}>
            {t.rule === 'band' ? 'score' : t.rule === 'stage' || t.rule === 'manual' ? t.rule : labelOf(t.rule)}
          </span>
          <span className="small">{t.reason}</span>
        </li>
      ))}
    </ul>
  );
}

/** Root cause, plan and target date: the form of a new case, and of the open one. */
function CaseFields({
  rootCause,
  plan,
  targetDate,
  onChange,
  minDate,
}: {
  rootCause: ChurnReason | null;
  plan: string;
  targetDate: string;
  minDate: string;
  onChange(next: { rootCause?: ChurnReason | null; plan?: string; targetDate?: string }): void;
}) {
  return (
    <div className="case-fields">
      <label>
        <span>Root cause</span>
        <select aria-label="Root cause" value={rootCause ?? ''} onChange={(e) => onChange({ rootCause: (e.target.value || null) as ChurnReason | null })}>
          <option value="">Not known yet</option>
          <EnumOptions values={CHURN_REASONS} />
        </select>
      </label>
      <label>
        <span>Target date</span>
        <DateInput aria-label="Target date" min={minDate} value={targetDate} onChange={(e) => onChange({ targetDate: e.target.value })} />
      </label>
      <label className="case-plan">
        <span>Plan</span>
        <textarea
          aria-label="Plan"
          rows={3}
          value={plan}
          placeholder="What will turn it around, and who does what by when?"
          onChange={(e) => onChange({ plan: e.target.value })}
        />
      </label>
    </div>
  );
}

function SuggestOpen({ accountId, triggers, defaultTarget, asOf }: { accountId: number; triggers: TriageTrigger[]; defaultTarget: string; asOf: string }) {
  const { open, busy } = useTriageStore();
  const [draft, setDraft] = useState({ rootCause: null as ChurnReason | null, plan: '', targetDate: defaultTarget });
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;
  return (
    <section className="panel triage-case suggest" aria-labelledby="case-h">
      <div className="panel-head">
        <h2 id="case-h">Open a triage case?</h2>
        <span className="muted small">suggested: the account is in triage</span>
      </div>
      <p className="small">
        A case keeps the turnaround on track: what put the account in triage, why it happened, the plan and a date to judge it by.
      </p>
      <Triggers triggers={triggers} />
      <CaseFields {...draft} minDate={asOf} onChange={(next) => setDraft((d) => ({ ...d, ...next }))} />
      <div className="row-actions">
        <button
          type="button"
          className="primary small-button"
          disabled={busy}
          onClick={() => void open({ accountId, rootCause: draft.rootCause, plan: draft.plan.trim(), targetDate: draft.targetDate || null, triggers })}
        >
          Open case
        </button>
        <button type="button" className="small-button quiet" onClick={() => setDismissed(true)}>
          Not now
        </button>
      </div>
    </section>
  );
}

function OpenCase({ c, asOf, stage, afterDays }: { c: TriageCaseView; asOf: string; stage: Stage; afterDays: number }) {
  const { update, close, busy } = useTriageStore();
  const [draft, setDraft] = useState({ rootCause: c.rootCause, plan: c.plan, targetDate: c.targetDate ?? '' });
  const [leaveTo, setLeaveTo] = useState<LeaveStage | ''>(stage === 'triage' ? 'adoption' : '');
  useEffect(() => setDraft({ rootCause: c.rootCause, plan: c.plan, targetDate: c.targetDate ?? '' }), [c]);
  const dirty = draft.rootCause !== c.rootCause || draft.plan !== c.plan || draft.targetDate !== (c.targetDate ?? '');
  const openDays = daysBetween(c.openedOn, asOf);
  const recovery = c.recovery;
  const closeRecovered = () => void close(c.id, 'recovered', leaveTo || undefined);
  return (
    <section className={`panel triage-case open${c.overdueDays > 0 ? ' late' : ''}`} aria-labelledby="case-h" data-case-id={c.id}>
      <div className="panel-head">
        <h2 id="case-h">Triage case</h2>
        <span className="muted small">
          opened {c.openedOn} ({openDays === 0 ? 'today' : `${openDays} day${openDays === 1 ? '' : 's'} ago`})
          {c.targetDate && (
            <>
              {' · '}
              {c.overdueDays > 0 ? (
                <strong className="overdue">
                  target {c.targetDate}, {c.overdueDays} day{c.overdueDays === 1 ? '' : 's'} past
                </strong>
              ) : (
                <>target {c.targetDate} ({formatCountdown(c.targetDate, asOf)})</>
              )}
            </>
          )}
        </span>
      </div>
      {recovery?.suggest && (
        <div className="case-suggest" role="status">
          <span>
            <strong>Out of triage for {recovery.daysOut} days</strong> (since {recovery.outSince}): no emergency or high flag and no
            at-risk score. Close the case as recovered?
          </span>
          <button type="button" className="small-button primary" disabled={busy} onClick={closeRecovered}>
            Close as recovered
          </button>
        </div>
      )}
      {recovery && !recovery.suggest && recovery.outSince && (
        <p className="muted small">
          Out of triage since {recovery.outSince} ({recovery.daysOut} day{recovery.daysOut === 1 ? '' : 's'}); Tend suggests closing it as recovered
          after {afterDays} days out.
        </p>
      )}
      <Triggers triggers={c.triggers} />
      <CaseFields {...draft} minDate={c.openedOn} onChange={(next) => setDraft((d) => ({ ...d, ...next }))} />
      <div className="row-actions case-actions">
        {dirty && (
          <>
            <button
              type="button"
              className="primary small-button"
              disabled={busy}
              onClick={() => void update(c.id, { rootCause: draft.rootCause, plan: draft.plan, targetDate: draft.targetDate || null })}
            >
              Save case
            </button>
            <button type="button" className="small-button" onClick={() => setDraft({ rootCause: c.rootCause, plan: c.plan, targetDate: c.targetDate ?? '' })}>
              Discard
            </button>
          </>
        )}
        <span className="filter-spacer" />
        {!recovery?.suggest && (
          <button type="button" className="small-button" disabled={busy} onClick={closeRecovered}>
            Close as recovered
          </button>
        )}
        {stage === 'triage' && (
          <label className="small leave-stage">
            and move to
            <select aria-label="Move the account to stage" value={leaveTo} onChange={(e) => setLeaveTo(e.target.value as LeaveStage | '')}>
              <option value="">stay in triage</option>
              <EnumOptions values={LEAVE_STAGES} />
            </select>
          </label>
        )}
        <button type="button" className="small-button quiet" disabled={busy} onClick={() => void close(c.id, 'closed')} title="Close without calling it recovered (it was a false alarm, or it no longer applies)">
          Close without verdict
        </button>
      </div>
    </section>
  );
}

function PastCases({ cases }: { cases: TriageCaseView[] }) {
  const [show, setShow] = useState(false);
  if (cases.length === 0) return null;
  return (
    <div className="past-cases">
      <button type="button" className="link-button small muted" onClick={() => setShow((v) => !v)} aria-expanded={show}>
        {show ? 'Hide' : 'Show'} {cases.length} past triage case{cases.length === 1 ? '' : 's'}
      </button>
      {show && (
        <ul>
          {cases.map((c) => (
            <li key={c.id} className="small">
              <span className={`case-outcome outcome-${c.outcome ?? 'closed'}`}>{labelOf(c.outcome ?? 'closed')}</span> {c.openedOn} → {c.closedOn} (
              {daysBetween(c.openedOn, c.closedOn!)} days){c.rootCause ? ` · ${labelOf(c.rootCause)}` : ''}
              {c.plan ? <span className="muted"> · {c.plan}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function TriageCasePanel({ accountId, stage, archived, refresh }: Props) {
  const { view, load } = useTriageStore();
  useEffect(() => {
    void load(accountId);
  }, [accountId, refresh, load]);
  if (!view || archived) return null;
  const past = <PastCases cases={view.closed} />;
  if (view.open) {
    return (
      <div className="triage-case-wrap">
        <OpenCase key={view.open.id} c={view.open} asOf={view.asOf} stage={stage} afterDays={view.recoveredAfterDays} />
        {past}
      </div>
    );
  }
  if (view.suggestOpen) {
    return (
      <div className="triage-case-wrap">
        <SuggestOpen key={accountId} accountId={accountId} triggers={view.suggestOpen.triggers} defaultTarget={view.suggestOpen.targetDate} asOf={view.asOf} />
        {past}
      </div>
    );
  }
  return view.closed.length ? <div className="triage-case-wrap">{past}</div> : null;
}
