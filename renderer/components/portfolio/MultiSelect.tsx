// A filter that keeps several values: a button that says what is chosen ("All segments",
// "Enterprise", "2 stages") and opens a list of checkboxes. Escape or a click outside closes it.
import { useEffect, useId, useRef, useState } from 'react';

export interface Option<T extends string> {
  value: T;
  label: string;
}

export function MultiSelect<T extends string>({
  label,
  all,
  noun,
  value,
  options,
  onChange,
}: {
  label: string;
  /** What the button says with nothing chosen, e.g. "All segments". */
  all: string;
  /** Plural for a count, e.g. "segments" → "2 segments". */
  noun: string;
  value: readonly T[];
  options: readonly Option<T>[];
  onChange(value: T[]): void;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    // Capture phase: Escape closes the list before any screen-level Escape handler sees it.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !root.current?.contains(document.activeElement)) return;
      event.stopPropagation();
      event.preventDefault();
      close();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  const chosen = options.filter((o) => value.includes(o.value));
  const summary = chosen.length === 0 ? all : chosen.length === 1 ? chosen[0].label : `${chosen.length} ${noun}`;
  const toggle = (v: T) => onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);

  return (
    <div
      ref={root}
      className={`filter multi${chosen.length ? ' filter-on' : ''}`}
      // Focus moving elsewhere (Tab, a dialog opening) closes the list.
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="multi-button"
        aria-label={`${label}: ${summary}`}
        aria-expanded={open}
        aria-controls={listId}
        title={chosen.length > 1 ? chosen.map((o) => o.label).join(', ') : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {summary}
        <span className="multi-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div id={listId} className="multi-pop" role="group" aria-label={label}>
          {options.map((o, i) => (
            <label key={o.value} className="multi-option">
              <input type="checkbox" checked={value.includes(o.value)} onChange={() => toggle(o.value)} autoFocus={i === 0} />
              {o.label}
            </label>
          ))}
          {chosen.length > 0 && (
            <button
              type="button"
              className="link-button small multi-clear"
              onClick={() => {
                onChange([]);
                close();
              }}
            >
              Show all
            </button>
          )}
        </div>
      )}
    </div>
  );
}
