// Contacts as a relationship map: executives / front-line users / others down the side, relationship
// strength across; who left, roles, and the last touch per person. Click a person to edit them.
import { useEffect, useState } from 'react';
import type { Contact } from '../../../shared/contract';
import { CONTACT_LEVELS, CONTACT_ROLES, STRENGTH_LABELS, isExecutive } from '../../../shared/domain';
import { formatCountdown, labelOf } from '../../../shared/format';
import { EnumOptions } from '../EnumOptions';
import { RelationshipHints } from '../capture/AccountCapture';
import { DateInput } from '../DateInput';

type Patch = Partial<Pick<Contact, 'name' | 'strength' | 'level' | 'role' | 'isUser' | 'leftOn' | 'title' | 'email'>>;
type NewContact = Pick<Contact, 'name' | 'email' | 'title' | 'level' | 'role' | 'isUser' | 'strength'>;

interface Props {
  contacts: Contact[];
  asOf: string;
  onUpdate(id: number, patch: Patch): Promise<boolean>;
  onAdd(input: NewContact): Promise<boolean>;
  onDelete(contact: Contact): void;
  /** A contact to open and scroll to (e.g. from a command-palette hit). */
  focusId?: number | null;
}

const ROWS = [
  { key: 'exec', label: 'Executives', test: (c: Contact) => isExecutive(c.level) },
  { key: 'user', label: 'Front-line users', test: (c: Contact) => !isExecutive(c.level) && c.isUser },
  { key: 'other', label: 'Others', test: (c: Contact) => !isExecutive(c.level) && !c.isUser },
] as const;

export function RelationshipMap({ contacts, asOf, onUpdate, onAdd, onDelete, focusId }: Props) {
  const [selected, setSelected] = useState<number | null>(focusId ?? null);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    if (!focusId) return;
    setSelected(focusId);
    const frame = requestAnimationFrame(() => document.getElementById(`person-${focusId}`)?.scrollIntoView({ block: 'center' }));
    return () => cancelAnimationFrame(frame);
  }, [focusId]);
  const current = contacts.find((c) => c.id === selected) ?? null;
  return (
    <section className="panel" aria-labelledby="contacts-h">
      <div className="panel-head">
        <h2 id="contacts-h">Contacts ({contacts.length})</h2>
        <button type="button" className="small-button" onClick={() => setAdding((v) => !v)}>
          {adding ? 'Cancel' : 'Add contact'}
        </button>
      </div>
      <RelationshipHints contacts={contacts} />
      {adding && <AddContact onAdd={async (input) => { const ok = await onAdd(input); if (ok) setAdding(false); return ok; }} />}
      <div className="rel-map" role="table" aria-label="Relationship map">
        <div className="rel-row rel-head" role="row">
          <span role="columnheader" />
          {STRENGTH_LABELS.map((s, i) => (
            <span key={s} role="columnheader" className={i >= 3 ? 'strong-col' : undefined}>
              {s}
            </span>
          ))}
        </div>
        {ROWS.map((row) => {
          const people = contacts.filter(row.test);
          return (
            <div key={row.key} className="rel-row" role="row">
              <span role="rowheader" className="rel-label">
                {row.label} <span className="muted">{people.filter((c) => !c.leftOn || c.leftOn > asOf).length}</span>
              </span>
              {STRENGTH_LABELS.map((_, strength) => (
                <div key={strength} role="cell" className={`rel-cell${strength >= 3 ? ' strong-col' : ''}`}>
                  {people
                    .filter((c) => c.strength === strength)
                    .map((c) => {
                      const left = c.leftOn !== null && c.leftOn <= asOf;
                      return (
                        <button
                          key={c.id}
                          id={`person-${c.id}`}
                          type="button"
                          className={`person${left ? ' left' : ''}${selected === c.id ? ' selected' : ''}`}
                          onClick={() => setSelected(selected === c.id ? null : c.id)}
                          title={`${c.name}${c.title ? `, ${c.title}` : ''}`}
                        >
                          <span className="person-name">{c.name}</span>
                          <span className="person-meta">
                            {c.role && <span className={`role role-${c.role}`}>{labelOf(c.role)}</span>}
                            {left ? `left ${c.leftOn}` : c.lastTouchAt ? formatCountdown(c.lastTouchAt, asOf) : 'never touched'}
                          </span>
                        </button>
                      );
                    })}
                </div>
              ))}
            </div>
          );
        })}
      </div>
      {current && (
        <ContactEditor
          key={current.id}
          contact={current}
          onUpdate={onUpdate}
          onDelete={() => {
            setSelected(null);
            onDelete(current);
          }}
          onClose={() => setSelected(null)}
        />
      )}
    </section>
  );
}

function ContactEditor({ contact, onUpdate, onDelete, onClose }: { contact: Contact; onUpdate: Props['onUpdate']; onDelete(): void; onClose(): void }) {
  const save = (patch: Patch) => void onUpdate(contact.id, patch);
  return (
    <div className="contact-editor" aria-label={`Edit ${contact.name}`}>
      <div className="panel-head">
        <strong>
          {contact.name} <span className="muted small">{contact.title ?? ''} {contact.email ? `· ${contact.email}` : ''}</span>
        </strong>
        <span className="editor-head-actions">
          <button type="button" className="link-button small danger" onClick={onDelete} title="Deletes the person and their links to touches (Undo in the banner)">
            Delete contact
          </button>
          <button type="button" className="link-button small" onClick={onClose}>
            Close
          </button>
        </span>
      </div>
      <div className="editor-grid">
        <TextField label="Name" value={contact.name} required onSave={(name) => save({ name })} />
        <TextField label="Title" value={contact.title ?? ''} onSave={(title) => save({ title: title || null })} />
        <TextField label="E-mail" type="email" value={contact.email ?? ''} onSave={(email) => save({ email: email || null })} />
      </div>
      <div className="editor-grid">
        <label>
          Strength
          <select value={contact.strength} onChange={(e) => save({ strength: Number(e.target.value) })}>
            {STRENGTH_LABELS.map((s, i) => (
              <option key={s} value={i}>
                {i} · {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Level
          <select value={contact.level} onChange={(e) => save({ level: e.target.value as Contact['level'] })}>
            <EnumOptions values={CONTACT_LEVELS} />
          </select>
        </label>
        <label>
          Role
          <select value={contact.role ?? ''} onChange={(e) => save({ role: (e.target.value || null) as Contact['role'] })}>
            <option value="">—</option>
            <EnumOptions values={CONTACT_ROLES} />
          </select>
        </label>
        <label>
          Left on
          <DateInput value={contact.leftOn ?? ''} onChange={(e) => save({ leftOn: e.target.value || null })} />
        </label>
        <label className="check">
          <input type="checkbox" checked={contact.isUser} onChange={(e) => save({ isUser: e.target.checked })} />
          Front-line user
        </label>
      </div>
    </div>
  );
}

/** A text input that saves when it loses focus or on Enter, if the value changed (and is valid). */
function TextField({ label, value, onSave, type = 'text', required = false }: { label: string; value: string; onSave(value: string): void; type?: string; required?: boolean }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = (input: HTMLInputElement) => {
    const next = draft.trim();
    if (next === value || (required && !next)) return setDraft(value);
    if (!input.checkValidity()) return input.reportValidity();
    onSave(next);
  };
  return (
    <label>
      {label}
      <input
        type={type}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={(e) => commit(e.currentTarget)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget);
          if (e.key === 'Escape') setDraft(value);
        }}
      />
    </label>
  );
}

function AddContact({ onAdd }: { onAdd: Props['onAdd'] }) {
  const [draft, setDraft] = useState<NewContact>({ name: '', email: null, title: null, level: 'manager', role: null, isUser: false, strength: 2 });
  const set = <K extends keyof NewContact>(key: K, value: NewContact[K]) => setDraft((d) => ({ ...d, [key]: value }));
  return (
    <form
      className="add-contact"
      aria-label="Add a contact"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.name.trim()) void onAdd({ ...draft, name: draft.name.trim(), email: draft.email?.trim() || null, title: draft.title?.trim() || null });
      }}
    >
      <input aria-label="Contact name" placeholder="Name" required value={draft.name} onChange={(e) => set('name', e.target.value)} autoFocus />
      <input aria-label="Title" placeholder="Title (e.g. VP Operations)" value={draft.title ?? ''} onChange={(e) => set('title', e.target.value)} />
      <input aria-label="E-mail" type="email" placeholder="name@company.com" value={draft.email ?? ''} onChange={(e) => set('email', e.target.value)} />
      <select aria-label="Level" value={draft.level} onChange={(e) => set('level', e.target.value as Contact['level'])}>
        <EnumOptions values={CONTACT_LEVELS} />
      </select>
      <select aria-label="Role" value={draft.role ?? ''} onChange={(e) => set('role', (e.target.value || null) as Contact['role'])}>
        <option value="">No role</option>
        <EnumOptions values={CONTACT_ROLES} />
      </select>
      <select aria-label="Strength" value={draft.strength} onChange={(e) => set('strength', Number(e.target.value))}>
        {STRENGTH_LABELS.map((s, i) => (
          <option key={s} value={i}>
            {i} · {s}
          </option>
        ))}
      </select>
      <label className="check">
        <input type="checkbox" checked={draft.isUser} onChange={(e) => set('isUser', e.target.checked)} /> Front-line user
      </label>
      <button type="submit" className="primary small-button">
        Add
      </button>
    </form>
  );
}
