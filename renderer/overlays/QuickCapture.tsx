// Quick capture: log a touch in a few keystrokes. Account (fuzzy) → Enter → summary → Enter saves.
// When it happened is today unless changed: "Yesterday" or any earlier date (typed or picked). Type,
// contacts (autocomplete from the account), pulse −2…+2, notes and a follow-up date are optional.
// Ctrl/Cmd+Enter saves from anywhere, Escape closes.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Contact } from '../../shared/contract';
import { TOUCH_TYPES, type TouchType } from '../../shared/domain';
import { addDays } from '../../shared/dates';
import { labelOf } from '../../shared/format';
import { DateInput } from '../components/DateInput';
import { useAccountsStore } from '../stores/accounts';
import { useAppStore } from '../stores/app';
import { useCaptureStore } from '../stores/capture';
import { DialogForm } from './DialogForm';
import { fuzzyFilter } from './fuzzy';

const PULSES = [-2, -1, 0, 1, 2] as const;
const NPS_SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export function QuickCapture() {
  const { presetAccountId, contacts, saving, error, close, loadContacts, save } = useCaptureStore();
  const accounts = useAccountsStore((s) => s.accounts);
  const asOf = useAppStore((s) => s.info?.asOf) ?? new Date().toISOString().slice(0, 10);
  const [accountId, setAccountId] = useState<number | null>(presetAccountId);
  const [accountQuery, setAccountQuery] = useState('');
  const [accountIndex, setAccountIndex] = useState(0);
  const [type, setType] = useState<TouchType>('call');
  /** When the touch happened: today by default, never in the future. */
  const [when, setWhen] = useState(asOf);
  const yesterday = addDays(asOf, -1);
  const [chosen, setChosen] = useState<Contact[]>([]);
  const [contactQuery, setContactQuery] = useState('');
  const [summary, setSummary] = useState('');
  const [notes, setNotes] = useState('');
  const [pulse, setPulse] = useState<number | null>(null);
  const [followUp, setFollowUp] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [shareNext, setShareNext] = useState(false);
  /** An NPS given on the call (recorded with the touch, from the first person named). */
  const [nps, setNps] = useState<number | null>(null);
  const accountInput = useRef<HTMLInputElement>(null);
  const summaryInput = useRef<HTMLInputElement>(null);

  const account = accounts.find((a) => a.id === accountId) ?? null;
  const matches = useMemo(() => fuzzyFilter(accounts.filter((a) => !a.archived), accountQuery, (a) => a.name, 6), [accounts, accountQuery]);
  const contactMatches = useMemo(
    () => (contactQuery ? fuzzyFilter(contacts.filter((c) => !chosen.includes(c)), contactQuery, (c) => `${c.name} ${c.email ?? ''}`, 5) : []),
    [contacts, contactQuery, chosen],
  );

  // Focus starts (components/Dialog.tsx) on the summary when the account is known, else on the account.
  const startOnSummary = presetAccountId !== null;
  useEffect(() => {
    if (accountId) void loadContacts(accountId);
  }, [accountId, loadContacts]);

  const canSave = accountId !== null && summary.trim().length > 0 && when !== '' && when <= asOf && !saving;
  const submit = async () => {
    if (!canSave || !account) return;
    await save(
      {
        accountId: account.id,
        type,
        occurredAt: when,
        summary: summary.trim(),
        notes: notes.trim() || undefined,
        sentiment: pulse,
        contactIds: chosen.map((c) => c.id),
        followUpDue: followUp || null,
        nextStep: nextStep.trim() || null,
        nextStepShared: shareNext && nextStep.trim() !== '',
      },
      account.name,
      nps,
    );
  };

  const pickAccount = (id: number) => {
    setAccountId(id);
    setAccountQuery('');
    setChosen([]);
    summaryInput.current?.focus();
  };

  return (
    <DialogForm
      label="Quick capture"
      className="capture"
      onClose={close}
      onSubmit={() => void submit()}
      error={error}
      hint={
        <>
          <kbd>↵</kbd> in summary or <kbd>Ctrl/⌘+↵</kbd> saves · <kbd>Esc</kbd> closes
        </>
      }
      submitLabel={saving ? 'Saving…' : 'Log touch'}
      canSubmit={canSave}
    >
      <div className="overlay-title">
        <strong>Log a touch</strong>
      </div>

      <div className="qc-field">
        <label htmlFor="qc-account">Account</label>
        {account && !accountQuery ? (
          <div className="picked">
            <strong>{account.name}</strong>
            <button
              type="button"
              className="link-button small"
              onClick={() => {
                setAccountId(null);
                setTimeout(() => accountInput.current?.focus());
              }}
            >
              change
            </button>
          </div>
        ) : (
          <div className="combo">
            <input
              id="qc-account"
              ref={accountInput}
              data-autofocus={startOnSummary ? undefined : ''}
              autoComplete="off"
              placeholder="Type to find an account…"
              value={accountQuery}
              onChange={(e) => {
                setAccountQuery(e.target.value);
                setAccountIndex(0);
              }}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown') {
                  e.preventDefault();
                  setAccountIndex((i) => Math.min(i + 1, matches.length - 1));
                } else if (e.key === 'ArrowUp') {
                  e.preventDefault();
                  setAccountIndex((i) => Math.max(i - 1, 0));
                } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
                  e.preventDefault();
                  if (matches[accountIndex]) pickAccount(matches[accountIndex].id);
                }
              }}
            />
            {accountQuery && (
              <ul className="suggestions" role="listbox" aria-label="Matching accounts">
                {matches.length === 0 && <li className="muted small">No account matches.</li>}
                {matches.map((a, i) => (
                  <li key={a.id} role="option" aria-selected={i === accountIndex} className={i === accountIndex ? 'active' : ''} onMouseDown={() => pickAccount(a.id)}>
                    {a.name} <span className="muted small">{labelOf(a.segment)} · {labelOf(a.stage)}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>

      <div className="qc-field">
        <span className="label" id="qc-when-label">
          When
        </span>
        <div className="qc-when">
          <div className="segmented-row" role="radiogroup" aria-labelledby="qc-when-label">
            {[
              { label: 'Today', date: asOf },
              { label: 'Yesterday', date: yesterday },
            ].map((d) => (
              <button key={d.label} type="button" role="radio" aria-checked={when === d.date} className={when === d.date ? 'on' : ''} onClick={() => setWhen(d.date)}>
                {d.label}
              </button>
            ))}
          </div>
          <DateInput aria-label="Date of the touch" value={when} max={asOf} onChange={(e) => setWhen(e.target.value)} />
        </div>
      </div>

      <div className="qc-field">
        <span className="label">Type</span>
        <div className="segmented-row" role="radiogroup" aria-label="Type">
          {TOUCH_TYPES.map((t) => (
            <button key={t} type="button" role="radio" aria-checked={type === t} className={type === t ? 'on' : ''} onClick={() => setType(t)}>
              {labelOf(t)}
            </button>
          ))}
        </div>
      </div>

      <div className="qc-field">
        <label htmlFor="qc-contacts">With</label>
        <div className="combo">
          <div className="chips-input">
            {chosen.map((c) => (
              <span key={c.id} className="chip">
                {c.name}
                <button type="button" aria-label={`Remove ${c.name}`} onClick={() => setChosen(chosen.filter((x) => x !== c))}>
                  ×
                </button>
              </span>
            ))}
            <input
              id="qc-contacts"
              autoComplete="off"
              disabled={!accountId}
              placeholder={accountId ? (contacts.length ? 'Add people…' : 'No contacts at this account') : 'Pick an account first'}
              value={contactQuery}
              onChange={(e) => setContactQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && contactMatches[0] && !e.ctrlKey && !e.metaKey) {
                  e.preventDefault();
                  setChosen([...chosen, contactMatches[0]]);
                  setContactQuery('');
                } else if (e.key === 'Backspace' && !contactQuery && chosen.length) setChosen(chosen.slice(0, -1));
              }}
            />
          </div>
          {contactMatches.length > 0 && (
            <ul className="suggestions" role="listbox" aria-label="Matching contacts">
              {contactMatches.map((c, i) => (
                <li
                  key={c.id}
                  role="option"
                  aria-selected={i === 0}
                  className={i === 0 ? 'active' : ''}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    setChosen([...chosen, c]);
                    setContactQuery('');
                  }}
                >
                  {c.name} <span className="muted small">{c.title ?? labelOf(c.level)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>

      <div className="qc-field">
        <label htmlFor="qc-summary">Summary</label>
        <input
          id="qc-summary"
          ref={summaryInput}
          data-autofocus={startOnSummary ? '' : undefined}
          autoComplete="off"
          placeholder="What happened, in one line"
          value={summary}
          maxLength={1000}
          onChange={(e) => setSummary(e.target.value)}
        />
      </div>

      <div className="qc-field">
        <label htmlFor="qc-notes">Notes</label>
        <textarea id="qc-notes" rows={2} placeholder="Optional details (searchable with Ctrl/⌘+K)" value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>

      <div className="qc-row">
        <div className="qc-field">
          <span className="label">Pulse</span>
          <div className="segmented-row pulse-row" role="radiogroup" aria-label="Pulse">
            {PULSES.map((p) => (
              <button
                key={p}
                type="button"
                role="radio"
                aria-checked={pulse === p}
                aria-label={`Pulse ${p}`}
                className={`${pulse === p ? 'on' : ''} p${p < 0 ? 'neg' : p > 0 ? 'pos' : 'zero'}`}
                onClick={() => setPulse(pulse === p ? null : p)}
              >
                {p > 0 ? `+${p}` : p}
              </button>
            ))}
          </div>
        </div>
        <div className="qc-field">
          <label htmlFor="qc-follow">Follow up on</label>
          <DateInput id="qc-follow" value={followUp} min={asOf} onChange={(e) => setFollowUp(e.target.value)} />
        </div>
        <div className="qc-field grow">
          <label htmlFor="qc-next">Next step</label>
          <input id="qc-next" placeholder="Optional" value={nextStep} onChange={(e) => setNextStep(e.target.value)} />
          {nextStep.trim() && (
            <label className="check-line small">
              <input type="checkbox" checked={shareNext} onChange={(e) => setShareNext(e.target.checked)} />
              Share with the customer
            </label>
          )}
        </div>
      </div>

      <div className="qc-field">
        <span className="label">NPS given on the call {chosen.length > 0 ? `(from ${chosen[0].name})` : '(optional)'}</span>
        <div className="segmented-row nps-row" role="radiogroup" aria-label="NPS">
          {NPS_SCORES.map((n) => (
            <button
              key={n}
              type="button"
              role="radio"
              aria-checked={nps === n}
              aria-label={`NPS ${n}`}
              className={`${nps === n ? 'on' : ''} ${n >= 9 ? 'ppos' : n <= 6 ? 'pneg' : 'pzero'}`}
              onClick={() => setNps(nps === n ? null : n)}
            >
              {n}
            </button>
          ))}
        </div>
      </div>

    </DialogForm>
  );
}
