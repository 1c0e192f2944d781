// Edits one touch in place in the timeline: type, date, who was there, summary, pulse, notes, next
// step and follow-up. Ctrl/Cmd+Enter saves, Escape cancels; the account is rescored on save.
import { useState } from 'react';
import type { ChannelInput, Contact, Touch } from '../../../shared/contract';
import { TOUCH_TYPES } from '../../../shared/domain';
import { EnumOptions } from '../EnumOptions';
import { DateInput } from '../DateInput';

export type TouchPatch = ChannelInput<'touches.update'>['patch'];

const PULSES = [-2, -1, 0, 1, 2] as const;

export function TouchEditor({
  touch,
  contacts,
  onSave,
  onCancel,
}: {
  touch: Touch;
  contacts: Contact[];
  onSave(patch: TouchPatch): Promise<boolean>;
  onCancel(): void;
}) {
  const [draft, setDraft] = useState({
    type: touch.type,
    occurredAt: touch.occurredAt.slice(0, 10),
    summary: touch.summary,
    notes: touch.notes,
    sentiment: touch.sentiment,
    nextStep: touch.nextStep ?? '',
    nextStepShared: touch.nextStepShared,
    followUpDue: touch.followUpDue ?? '',
    contactIds: touch.contactIds,
  });
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const toggleContact = (id: number) =>
    set('contactIds', draft.contactIds.includes(id) ? draft.contactIds.filter((c) => c !== id) : [...draft.contactIds, id]);

  async function save() {
    if (!draft.occurredAt) return;
    setSaving(true);
    const ok = await onSave({
      type: draft.type,
      // Keep a time of day the touch had if the date itself did not change.
      occurredAt: draft.occurredAt === touch.occurredAt.slice(0, 10) ? touch.occurredAt : draft.occurredAt,
      summary: draft.summary.trim(),
      notes: draft.notes,
      sentiment: draft.sentiment,
      nextStep: draft.nextStep.trim() || null,
      nextStepShared: draft.nextStepShared,
      followUpDue: draft.followUpDue || null,
      contactIds: draft.contactIds,
    });
    setSaving(false);
    if (ok) onCancel();
  }

  return (
    <form
      className="touch-editor"
      aria-label="Edit touch"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <div className="editor-grid">
        <label>
          Type
          <select value={draft.type} onChange={(e) => set('type', e.target.value as Touch['type'])}>
            <EnumOptions values={TOUCH_TYPES} />
          </select>
        </label>
        <label>
          Date
          <DateInput required value={draft.occurredAt} onChange={(e) => set('occurredAt', e.target.value)} />
        </label>
        <label>
          Pulse
          <select value={draft.sentiment ?? ''} onChange={(e) => set('sentiment', e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">—</option>
            {PULSES.map((p) => (
              <option key={p} value={p}>
                {p > 0 ? `+${p}` : p}
              </option>
            ))}
          </select>
        </label>
        <label>
          Follow up
          <DateInput value={draft.followUpDue} onChange={(e) => set('followUpDue', e.target.value)} />
        </label>
      </div>
      <label className="wide">
        Summary
        <input value={draft.summary} maxLength={1000} onChange={(e) => set('summary', e.target.value)} autoFocus />
      </label>
      {contacts.length > 0 && (
        <div className="editor-people" role="group" aria-label="Who was there">
          {contacts.map((c) => (
            <button
              key={c.id}
              type="button"
              aria-pressed={draft.contactIds.includes(c.id)}
              className={`filter-chip${draft.contactIds.includes(c.id) ? ' on' : ''}`}
              onClick={() => toggleContact(c.id)}
            >
              {c.name}
            </button>
          ))}
        </div>
      )}
      <label className="wide">
        Notes
        <textarea rows={3} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />
      </label>
      <label className="wide">
        Next step
        <input value={draft.nextStep} maxLength={1000} onChange={(e) => set('nextStep', e.target.value)} />
      </label>
      <label className="wide check-line">
        <input type="checkbox" checked={draft.nextStepShared} onChange={(e) => set('nextStepShared', e.target.checked)} />
        Share this next step with the customer <span className="muted small">(it appears in the customer copy of the QBR)</span>
      </label>
      <div className="editor-actions">
        <span className="muted small">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves · <kbd>Esc</kbd> cancels
        </span>
        <button type="button" className="small-button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary small-button" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
