// New account: name (required), segment, stage, MRR, renewal date and external id — the rest is
// edited on the account page it opens. Enter saves, Escape closes.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { SEGMENTS, STAGES } from '../../shared/domain';
import { NEEDS_FORMAT, parseMoney } from '../../shared/import/values';
import { useNewAccountStore } from '../stores/newAccount';
import { DialogForm } from './DialogForm';
import { EnumOptions } from '../components/EnumOptions';
import { DateInput } from '../components/DateInput';

export function NewAccount() {
  const { saving, error, close, save } = useNewAccountStore();
  const navigate = useNavigate();
  const [draft, setDraft] = useState({ name: '', segment: 'mid_market', stage: 'onboarding', mrr: '', renewalDate: '', externalId: '' });
  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const mrr = readMrr(draft.mrr);
  const mrrInvalid = 'error' in mrr;

  async function submit() {
    if (!draft.name.trim() || mrrInvalid || saving) return;
    const account = await save({
      name: draft.name.trim(),
      segment: draft.segment as (typeof SEGMENTS)[number],
      stage: draft.stage as (typeof STAGES)[number],
      mrrCents: 'cents' in mrr ? mrr.cents : 0,
      renewalDate: draft.renewalDate || null,
      externalId: draft.externalId.trim() || null,
    });
    if (account) navigate(`/accounts/${account.id}`);
  }

  return (
    <DialogForm
      label="New account"
      className="capture new-account"
      onClose={close}
      onSubmit={() => void submit()}
      error={'error' in mrr ? mrr.error : error}
      hint={
        <>
          <kbd>↵</kbd> creates · <kbd>Esc</kbd> closes
        </>
      }
      submitLabel={saving ? 'Creating…' : 'Create account'}
      canSubmit={!!draft.name.trim() && !mrrInvalid && !saving}
    >
      <div className="overlay-title">
        <strong>New account</strong>
      </div>
      <div className="qc-field">
        <label htmlFor="na-name">Name</label>
        <input id="na-name" autoFocus autoComplete="off" required maxLength={300} placeholder="Company name" value={draft.name} onChange={set('name')} />
      </div>
      <div className="na-row">
        <div className="qc-field">
          <label htmlFor="na-segment">Segment</label>
          <select id="na-segment" value={draft.segment} onChange={set('segment')}>
            <EnumOptions values={SEGMENTS} />
          </select>
        </div>
        <div className="qc-field">
          <label htmlFor="na-stage">Stage</label>
          <select id="na-stage" value={draft.stage} onChange={set('stage')}>
            <EnumOptions values={STAGES} />
          </select>
        </div>
        <div className="qc-field">
          <label htmlFor="na-mrr">MRR</label>
          <input id="na-mrr" inputMode="decimal" placeholder="0" value={draft.mrr} onChange={set('mrr')} aria-invalid={mrrInvalid} />
        </div>
      </div>
      <div className="na-row two">
        <div className="qc-field">
          <label htmlFor="na-renewal">Renewal date</label>
          <DateInput id="na-renewal" value={draft.renewalDate} onChange={set('renewalDate')} />
        </div>
        <div className="qc-field">
          <label htmlFor="na-external">External id</label>
          <input id="na-external" autoComplete="off" placeholder="CRM id (optional)" value={draft.externalId} onChange={set('externalId')} />
        </div>
      </div>
    </DialogForm>
  );
}

/** The user's own decimal separator decides "1,200" (thousands in en-US, 1.2 in de-DE). */
const LOCALE_FORMAT = new Intl.NumberFormat().formatToParts(1.5).find((p) => p.type === 'decimal')?.value === ',' ? 'comma' : 'point';

/** MRR as typed — 1200, 1,200.50, 1.200,50, $1,200 — read like an import reads money. */
function readMrr(text: string): { cents: number } | { error: string } {
  if (!text.trim()) return { cents: 0 };
  let parsed = parseMoney(text.trim(), null);
  if (parsed === NEEDS_FORMAT) parsed = parseMoney(text.trim(), LOCALE_FORMAT);
  if (parsed === NEEDS_FORMAT || parsed.error !== undefined) {
    return { error: `MRR: ${parsed === NEEDS_FORMAT ? `"${text}" is not clear` : parsed.error}. Type an amount such as 1200 or 1,200.50.` };
  }
  if (parsed.value.cents < 0) return { error: 'MRR cannot be negative.' };
  return { cents: parsed.value.cents };
}
