// A value that becomes an input on click (or Enter); Enter or leaving saves, Escape cancels.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { DateInput } from '../DateInput';

interface Props {
  label: string;
  value: string;
  display?: ReactNode;
  type?: 'text' | 'date' | 'number';
  options?: readonly { value: string; label: string }[];
  placeholder?: string;
  onSave(value: string): Promise<boolean> | void;
}

export function InlineField({ label, value, display, type = 'text', options, placeholder = '—', onSave }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const ref = useRef<HTMLInputElement & HTMLSelectElement>(null);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (editing) ref.current?.focus();
  }, [editing]);

  const commit = async () => {
    setEditing(false);
    if (draft !== value) await onSave(draft);
  };
  const keys = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') void commit();
    if (e.key === 'Escape') {
      e.stopPropagation();
      setDraft(value);
      setEditing(false);
    }
  };

  return (
    <div className="inline-field">
      <span className="inline-label">{label}</span>
      {editing ? (
        options ? (
          <select ref={ref} aria-label={label} value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={keys}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : (
          type === 'date' ? (
            // One Tab stop and the app's focus ring (components/DateInput.tsx), not Chromium's three.
            <DateInput inputRef={ref} aria-label={label} value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={() => void commit()} onKeyDown={keys} />
          ) : (
            <input ref={ref} aria-label={label} type={type} value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={keys} />
          )
        )
      ) : (
        <button type="button" className="inline-value" onClick={() => setEditing(true)} title={`Edit ${label.toLowerCase()}`}>
          {display ?? (value || <span className="muted">{placeholder}</span>)}
        </button>
      )}
    </div>
  );
}
