// The money dialogs (SPEC "Renewals, expansion and churn"): a new MRR asks whether it is an
// expansion, a contraction or a correction; moving to churned asks the date and the reason; bringing
// a churned account back asks its MRR; closing a renewal asks renewed (at what MRR) or churned (why).
// Each shows what it will write before it does. Mounted once (overlays); opened from the money store.
import { useState } from 'react';
import { CHURN_REASONS, STAGES, type ChurnReason, type Stage } from '../../../shared/domain';
import { labelOf } from '../../../shared/format';
import { addMonths } from '../../../shared/money/ledger';
import { CHURN_REASON_WORDS } from '../../../shared/money/words';
import { DialogForm } from '../../overlays/DialogForm';
import { useAppStore } from '../../stores/app';
import { useMoneyStore, type MoneyDialog } from '../../stores/money';
import { centsText, money, readAmount, signed } from './format';
import { DateInput } from '../DateInput';

const useAsOf = () => useAppStore((s) => s.info?.asOf) ?? new Date().toISOString().slice(0, 10);

export function MoneyDialogs() {
  const dialog = useMoneyStore((s) => s.dialog);
  if (!dialog) return null;
  const key = JSON.stringify(dialog);
  if (dialog.kind === 'mrr') return <ChangeMrr key={key} dialog={dialog} />;
  if (dialog.kind === 'churn') return <Churn key={key} dialog={dialog} />;
  if (dialog.kind === 'reactivate') return <Reactivate key={key} dialog={dialog} />;
  return <CloseRenewal key={key} dialog={dialog} />;
}

function Field({ id, label, children, hint }: { id?: string; label: string; children: React.ReactNode; hint?: React.ReactNode }) {
  return (
    <div className="qc-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <span className="muted small">{hint}</span>}
    </div>
  );
}

function ReasonSelect({ value, onChange }: { value: ChurnReason | ''; onChange(v: ChurnReason): void }) {
  return (
    <select id="md-reason" value={value} onChange={(e) => onChange(e.target.value as ChurnReason)} required>
      <option value="" disabled>
        Choose the reason…
      </option>
      {CHURN_REASONS.map((r) => (
        <option key={r} value={r}>
          {CHURN_REASON_WORDS[r]}
        </option>
      ))}
    </select>
  );
}

const HINT = (
  <>
    <kbd>↵</kbd> saves · <kbd>Esc</kbd> closes
  </>
);

function ChangeMrr({ dialog }: { dialog: Extract<MoneyDialog, { kind: 'mrr' }> }) {
  const { busy, error, closeDialog, submitDialog } = useMoneyStore();
  const asOf = useAsOf();
  const [text, setText] = useState(centsText(dialog.mrrCents));
  const [chosen, setChosen] = useState<'expansion' | 'contraction' | 'correction' | null>(dialog.stage === 'incubation' ? 'correction' : null);
  const [date, setDate] = useState(asOf);
  const [note, setNote] = useState('');
  const read = readAmount(text, 'New MRR');
  const delta = read.cents === undefined ? 0 : read.cents - dialog.mrrCents;
  // The kind follows the numbers until the CSM picks one.
  const as = chosen ?? (delta < 0 ? 'contraction' : 'expansion');
  const problem =
    read.error ??
    (delta === 0
      ? 'Type the new MRR.'
      : as === 'expansion' && delta < 0
        ? 'The MRR went down: that is a contraction (or a correction).'
        : as === 'contraction' && delta > 0
          ? 'The MRR went up: that is an expansion (or a correction).'
          : as === 'contraction' && read.cents === 0
            ? 'An MRR of 0 means the customer left: set the stage to churned instead.'
            : null);
  const c = dialog.currency;
  return (
    <DialogForm
      label="Change MRR"
      className="capture money-dialog"
      onClose={closeDialog}
      onSubmit={() => !problem && !busy && void submitDialog('revenue.changeMrr', { accountId: dialog.accountId, mrrCents: read.cents!, as, date, note: note.trim() || undefined })}
      error={error}
      hint={HINT}
      submitLabel={busy ? 'Saving…' : 'Record'}
      canSubmit={!problem && !busy}
    >
      <div className="overlay-title">
        <strong>Change the MRR of {dialog.name}</strong>
        <span className="muted small">now {money(dialog.mrrCents, c)}</span>
      </div>
      <div className="na-row two">
        <Field id="md-mrr" label="New MRR">
          <input id="md-mrr" autoFocus inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={!!read.error} />
        </Field>
        <Field id="md-date" label="Happened on">
          <DateInput id="md-date" value={date} max={asOf} disabled={as === 'correction'} onChange={(e) => setDate(e.target.value)} />
        </Field>
      </div>
      <div className="qc-field">
        <span className="label">This is</span>
        <div className="segmented-row" role="radiogroup" aria-label="This is">
          {(['expansion', 'contraction', 'correction'] as const).map((k) => (
            <button key={k} type="button" role="radio" aria-checked={as === k} className={as === k ? 'on' : ''} onClick={() => setChosen(k)}>
              {labelOf(k)}
            </button>
          ))}
        </div>
      </div>
      <p className="money-preview" aria-live="polite">
        {problem && read.cents === undefined ? null : as === 'correction' ? (
          <>
            A correction: the MRR was wrong, not changed. No expansion or contraction is recorded — the history is rewritten so it reads{' '}
            <strong>{money(read.cents ?? 0, c)}</strong> from the start.
          </>
        ) : delta !== 0 ? (
          <>
            Records {as === 'expansion' ? 'an expansion' : 'a contraction'} of <strong>{signed(delta, c)} MRR</strong> ({signed(delta * 12, c)} ARR) on {date}; the month's
            retention counts it.
          </>
        ) : null}
      </p>
      <Field id="md-note" label="Note">
        <input id="md-note" placeholder="Optional: what changed (seats, plan, discount…)" value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      {problem && read.cents !== undefined && delta !== 0 && <p className="form-error">{problem}</p>}
      {read.error && text.trim() && <p className="form-error">{read.error}</p>}
    </DialogForm>
  );
}

function Churn({ dialog }: { dialog: Extract<MoneyDialog, { kind: 'churn' }> }) {
  const { busy, error, closeDialog, submitDialog } = useMoneyStore();
  const asOf = useAsOf();
  const [date, setDate] = useState(asOf);
  const [reason, setReason] = useState<ChurnReason | ''>('');
  const [note, setNote] = useState('');
  const submit = () => {
    if (!reason || busy) return;
    const base = { date, reason, note: note.trim() || undefined };
    if (dialog.renewalId) void submitDialog('renewals.close', { id: dialog.renewalId, outcome: 'churned', ...base });
    else void submitDialog('money.churn', { accountId: dialog.accountId, ...base });
  };
  return (
    <DialogForm
      label="Record a churn"
      className="capture money-dialog"
      onClose={closeDialog}
      onSubmit={submit}
      error={error}
      hint={HINT}
      submitLabel={busy ? 'Saving…' : 'Record the churn'}
      canSubmit={!!reason && !busy}
    >
      <div className="overlay-title">
        <strong>{dialog.name} churned</strong>
      </div>
      <div className="na-row two">
        <Field id="md-date" label="Churned on">
          <DateInput id="md-date" value={date} max={asOf} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field id="md-reason" label="Why">
          <ReasonSelect value={reason} onChange={setReason} />
        </Field>
      </div>
      <Field id="md-note" label="Note">
        <input id="md-note" placeholder="Optional: in their words" value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <p className="money-preview">
        Writes a churn of <strong>{signed(-dialog.mrrCents, dialog.currency)} MRR</strong> on {date}, sets the stage to churned and MRR to 0, and closes the open
        renewal, triage case and opportunities. The month's logo churn and churned MRR count it.
      </p>
    </DialogForm>
  );
}

function Reactivate({ dialog }: { dialog: Extract<MoneyDialog, { kind: 'reactivate' }> }) {
  const { busy, error, closeDialog, submitDialog } = useMoneyStore();
  const asOf = useAsOf();
  const [text, setText] = useState(centsText(dialog.suggestedMrrCents || null));
  const [date, setDate] = useState(asOf);
  const [stage, setStage] = useState<Exclude<Stage, 'churned'>>(dialog.stage ?? 'onboarding');
  const read = readAmount(text, 'MRR');
  const ok = read.cents !== undefined && read.cents > 0 && !busy;
  return (
    <DialogForm
      label="Bring the customer back"
      className="capture money-dialog"
      onClose={closeDialog}
      onSubmit={() => ok && void submitDialog('money.reactivate', { accountId: dialog.accountId, mrrCents: read.cents!, date, stage })}
      error={error ?? (text.trim() ? (read.error ?? null) : null)}
      hint={HINT}
      submitLabel={busy ? 'Saving…' : 'Bring back'}
      canSubmit={ok}
    >
      <div className="overlay-title">
        <strong>{dialog.name} is back</strong>
      </div>
      <div className="na-row">
        <Field id="md-mrr" label="MRR">
          <input id="md-mrr" autoFocus inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
        <Field id="md-date" label="From">
          <DateInput id="md-date" value={date} max={asOf} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field id="md-stage" label="Stage">
          <select id="md-stage" value={stage} onChange={(e) => setStage(e.target.value as Exclude<Stage, 'churned'>)}>
            {STAGES.filter((s) => s !== 'churned').map((s) => (
              <option key={s} value={s}>
                {labelOf(s)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p className="money-preview">
        Writes a <strong>new</strong> event of {read.cents ? money(read.cents, dialog.currency) : '…'} MRR on {date}: new business, not retention.
      </p>
    </DialogForm>
  );
}

function CloseRenewal({ dialog }: { dialog: Extract<MoneyDialog, { kind: 'renewal' }> }) {
  const { busy, error, closeDialog, submitDialog } = useMoneyStore();
  const asOf = useAsOf();
  const { renewal } = dialog;
  const [outcome, setOutcome] = useState<'renewed' | 'churned'>('renewed');
  const [text, setText] = useState(centsText(dialog.mrrCents));
  const [date, setDate] = useState(asOf < renewal.dueDate ? asOf : renewal.dueDate);
  const [reason, setReason] = useState<ChurnReason | ''>('');
  const [note, setNote] = useState('');
  const read = readAmount(text, 'Renewed at');
  const delta = read.cents === undefined ? 0 : read.cents - dialog.mrrCents;
  const c = renewal.currency;
  const ok = !busy && (outcome === 'renewed' ? read.cents !== undefined && read.cents > 0 : !!reason);
  const submit = () => {
    if (!ok) return;
    if (outcome === 'renewed') void submitDialog('renewals.close', { id: renewal.id, outcome, mrrCents: read.cents!, date, note: note.trim() || undefined });
    else void submitDialog('renewals.close', { id: renewal.id, outcome, reason: reason as ChurnReason, date, note: note.trim() || undefined });
  };
  return (
    <DialogForm
      label="Close the renewal"
      className="capture money-dialog"
      onClose={closeDialog}
      onSubmit={submit}
      error={error ?? (outcome === 'renewed' && text.trim() ? (read.error ?? null) : null)}
      hint={HINT}
      submitLabel={busy ? 'Saving…' : outcome === 'renewed' ? 'Close as renewed' : 'Close as churned'}
      canSubmit={ok}
    >
      <div className="overlay-title">
        <strong>Renewal of {renewal.accountName}</strong>
        <span className="muted small">due {renewal.dueDate} · {renewal.termMonths} months</span>
      </div>
      <div className="segmented-row" role="radiogroup" aria-label="Outcome">
        {(['renewed', 'churned'] as const).map((o) => (
          <button key={o} type="button" role="radio" aria-checked={outcome === o} className={outcome === o ? 'on' : ''} onClick={() => setOutcome(o)}>
            {labelOf(o)}
          </button>
        ))}
      </div>
      <div className="na-row two">
        {outcome === 'renewed' ? (
          <Field id="md-mrr" label="Renewed at (MRR)">
            <input id="md-mrr" autoFocus inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
        ) : (
          <Field id="md-reason" label="Why they left">
            <ReasonSelect value={reason} onChange={setReason} />
          </Field>
        )}
        <Field id="md-date" label="Closed on">
          <DateInput id="md-date" value={date} max={asOf} onChange={(e) => setDate(e.target.value)} />
        </Field>
      </div>
      <Field id="md-note" label="Note">
        <input id="md-note" placeholder="Optional" value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <p className="money-preview">
        {outcome === 'renewed' ? (
          <>
            {delta === 0 ? (
              <>Writes a flat renewal (0 MRR change)</>
            ) : (
              <>
                Writes {delta > 0 ? 'an expansion' : 'a contraction'} of <strong>{signed(delta, c)} MRR</strong>
              </>
            )}{' '}
            on {date} and opens the next renewal, due {addMonths(renewal.dueDate, renewal.termMonths)}.
          </>
        ) : (
          <>
            Records the churn: {signed(-dialog.mrrCents, c)} MRR on {date}, stage churned, triage case and opportunities closed.
          </>
        )}
      </p>
    </DialogForm>
  );
}
