// A date field that is one Tab stop (issue 18.5): Chromium's <input type="date"> puts month, day and
// year on separate Tab stops and its calendar button has no focus ring. This is a text field that
// takes YYYY-MM-DD (↑/↓ move a day, Alt+↓ opens the calendar) and a calendar button with the app's
// focus ring, which opens the browser's own picker (a native date input, kept out of the Tab order).
// Only a real date — or nothing — reaches `onChange`; a half-typed date shows why it is not one and,
// on leaving the field, goes back to the last date. Same props as the <input> it replaces.
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent, type Ref } from 'react';
import { addDays, isIsoDate } from '../../shared/dates';

interface Props {
  id?: string;
  'aria-label'?: string;
  /** Joined with the field's own problem hint when it shows one. */
  'aria-describedby'?: string;
  value: string;
  min?: string;
  max?: string;
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  className?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Called with an ISO date (YYYY-MM-DD) or '' — never with a half-typed one. */
  onChange(event: { target: { value: string } }): void;
  /** Focus left the field and its calendar button. */
  onBlur?(): void;
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
}

/** "2026-11-23", "2026/11/23" or "2026.11.23" → "2026-11-23"; anything else → null. */
export function readDate(text: string): string | null {
  const m = /^(\d{4})[-/.](\d{2})[-/.](\d{2})$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return isIsoDate(iso) ? iso : null;
}

function CalendarIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="1.5" y="2.5" width="13" height="12" rx="2" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M1.5 6.5h13M5 1v3M11 1v3" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}

export function DateInput({ id, value, min, max, required, disabled, autoFocus, className, inputRef, onChange, onBlur, onKeyDown, ...aria }: Props) {
  const [text, setText] = useState(value);
  const emitted = useRef(value);
  const native = useRef<HTMLInputElement>(null);
  const field = useRef<HTMLInputElement | null>(null);
  const hintId = useId();
  // A new value from outside (a reset, a quick choice) replaces what is typed.
  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setText(value);
    }
  }, [value]);

  const emit = (iso: string) => {
    emitted.current = iso;
    onChange({ target: { value: iso } });
  };
  const typed = text.trim() === '' ? '' : readDate(text);
  const problem =
    typed === null ? 'Type a date as YYYY-MM-DD.' : typed && min && typed < min ? `On or after ${min}.` : typed && max && typed > max ? `On or before ${max}.` : null;

  // "Type a date as …" only once a whole date's worth is typed, not at the first digit.
  const shownProblem = problem && (typed !== null || text.trim().length >= 10) ? problem : null;

  const change = (next: string) => {
    setText(next);
    const iso = next.trim() === '' ? '' : readDate(next);
    if (iso !== null && iso !== emitted.current) emit(iso);
  };
  const step = (days: number) => {
    const from = typed || value;
    if (!from) return;
    const next = addDays(from, days);
    if ((min && next < min) || (max && next > max)) return;
    setText(next);
    emit(next);
  };
  const openPicker = () => {
    const input = native.current;
    if (!input || disabled) return;
    input.value = typed || value || '';
    try {
      input.showPicker();
    } catch {
      // No picker here (no user gesture, or an old engine): typing still works.
    }
  };
  const leave = (event: FocusEvent<HTMLSpanElement>) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    if (typed === null) setText(value); // a half-typed date goes back to the last real one
    onBlur?.();
  };

  return (
    <span className={`date-input${className ? ` ${className}` : ''}`} onBlur={leave}>
      <input
        id={id}
        ref={(el) => {
          field.current = el;
          if (typeof inputRef === 'function') inputRef(el);
          else if (inputRef) (inputRef as { current: HTMLInputElement | null }).current = el;
        }}
        {...aria}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="YYYY-MM-DD"
        size={11}
        value={text}
        required={required}
        disabled={disabled}
        autoFocus={autoFocus}
        aria-invalid={shownProblem ? true : undefined}
        aria-describedby={[aria['aria-describedby'], shownProblem ? hintId : null].filter(Boolean).join(' ') || undefined}
        onChange={(e) => change(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && e.altKey) {
            e.preventDefault();
            openPicker();
          } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && !e.altKey && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            step(e.key === 'ArrowUp' ? 1 : -1);
          }
          onKeyDown?.(e);
        }}
      />
      <button type="button" className="date-picker-button" aria-label="Open calendar" title="Open calendar (Alt+↓)" disabled={disabled} onClick={openPicker}>
        <CalendarIcon />
      </button>
      <input
        ref={native}
        className="date-native"
        type="date"
        tabIndex={-1}
        aria-hidden="true"
        min={min}
        max={max}
        onChange={(e) => {
          if (!e.target.value) return;
          setText(e.target.value);
          emit(e.target.value);
          field.current?.focus();
        }}
      />
      {shownProblem && (
        <span id={hintId} className="date-problem">
          {shownProblem}
        </span>
      )}
    </span>
  );
}
