// Contacts as a relationship map: executives / front-line users / others down the side, relationship
// strength across; who left, roles, and the last touch per person. Click a person to edit them.
import { useState } from 'react';
import type { Contact } from '../../../shared/contract';
import { CONTACT_LEVELS, CONTACT_ROLES, STRENGTH_LABELS, isExecutive } from '../../../shared/domain';
import { formatCountdown, labelOf } from '../../../shared/format';

type Patch = Partial<Pick<Contact, 'strength' | 'level' | 'role' | 'isUser' | 'leftOn' | 'title' | 'email'>>;

interface Props {
  contacts: Contact[];
  asOf: string;
  onUpdate(id: number, patch: Patch): Promise<boolean>;
  onAdd(input: { name: string; level: Contact['level']; isUser: boolean; strength: number }): Promise<boolean>;
}

const ROWS = [
  { key: 'exec', label: 'Executives', test: (c: Contact) => isExecutive(c.level) },
  { key: 'user', label: 'Front-line users', test: (c: Contact) => !isExecutive(c.level) && c.isUser },
  { key: 'other', label: 'Others', test: (c: Contact) => !isExecutive(c.level) && !c.isUser },
] as const;

export function RelationshipMap({ contacts, asOf, onUpdate, onAdd }: Props) {
  const [selected, setSelected] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const current = contacts.find((c) => c.id === selected) ?? null;
  return (
    <section className="panel" aria-labelledby="contacts-h">
      <div className="panel-head">
        <h2 id="contacts-h">Contacts ({contacts.length})</h2>
        <button type="button" className="small-button" onClick={() => setAdding((v) => !v)}>
          {adding ? 'Cancel' : 'Add contact'}
        </button>
      </div>
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
      {current && <ContactEditor key={current.id} contact={current} onUpdate={onUpdate} onClose={() => setSelected(null)} />}
    </section>
  );
}

function ContactEditor({ contact, onUpdate, onClose }: { contact: Contact; onUpdate: Props['onUpdate']; onClose(): void }) {
  const save = (patch: Patch) => void onUpdate(contact.id, patch);
  return (
    <div className="contact-editor" aria-label={`Edit ${contact.name}`}>
      <div className="panel-head">
        <strong>
          {contact.name} <span className="muted small">{contact.title ?? ''} {contact.email ? `· ${contact.email}` : ''}</span>
        </strong>
        <button type="button" className="link-button small" onClick={onClose}>
          Close
        </button>
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
            {CONTACT_LEVELS.map((l) => (
              <option key={l} value={l}>
                {labelOf(l)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Role
          <select value={contact.role ?? ''} onChange={(e) => save({ role: (e.target.value || null) as Contact['role'] })}>
            <option value="">—</option>
            {CONTACT_ROLES.map((r) => (
              <option key={r} value={r}>
                {labelOf(r)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Left on
          <input type="date" value={contact.leftOn ?? ''} onChange={(e) => save({ leftOn: e.target.value || null })} />
        </label>
        <label className="check">
          <input type="checkbox" checked={contact.isUser} onChange={(e) => save({ isUser: e.target.checked })} />
          Front-line user
        </label>
      </div>
    </div>
  );
}

function AddContact({ onAdd }: { onAdd: Props['onAdd'] }) {
  const [name, setName] = useState('');
  const [level, setLevel] = useState<Contact['level']>('manager');
  const [isUser, setIsUser] = useState(false);
  return (
    <form
      className="add-contact"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) void onAdd({ name: name.trim(), level, isUser, strength: 2 });
      }}
    >
      <input aria-label="Contact name" placeholder="Name" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      <select aria-label="Level" value={level} onChange={(e) => setLevel(e.target.value as Contact['level'])}>
        {CONTACT_LEVELS.map((l) => (
          <option key={l} value={l}>
            {labelOf(l)}
          </option>
        ))}
      </select>
      <label className="check">
        <input type="checkbox" checked={isUser} onChange={(e) => setIsUser(e.target.checked)} /> Front-line user
      </label>
      <button type="submit" className="primary small-button">
        Add
      </button>
    </form>
  );
}
