// Settings form pieces: a number field bound to a path in the draft, with its validation message,
// and the helpers that read and write a path and turn zod issues into per-field messages.
import type { z } from 'zod';
import { SEVERITIES, type Severity } from '../../../shared/domain';
import { labelOf } from '../../../shared/format';
import { settingsSchema, type Settings } from '../../../shared/settings';

export type Path = (string | number)[];
export type Errors = Map<string, string>;

export function getIn(obj: unknown, path: Path): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)?.[k], obj);
}

export function setIn<T>(obj: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  if (Array.isArray(obj)) {
    // A list stays a list (the survey windows): copy it and set the one entry.
    const copy: unknown[] = [...obj];
    copy[Number(head)] = setIn(copy[Number(head)], rest, value);
    return copy as T;
  }
  const base = (obj ?? {}) as Record<string | number, unknown>;
  return { ...base, [head]: setIn(base[head], rest, value) } as T;
}

function messageOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'Enter a whole number.' : 'Enter a number.';
    case 'too_small':
      return issue.inclusive === false ? `Must be above ${String(issue.minimum)}.` : `Must be at least ${String(issue.minimum)}.`;
    case 'too_big':
      return `Must be at most ${String(issue.maximum)}.`;
    default:
      return issue.message.charAt(0).toUpperCase() + issue.message.slice(1) + '.';
  }
}

/** Field path → message, from the schema plus the checks a form needs (weights must not all be 0). */
export function validate(draft: Settings): Errors {
  const errors: Errors = new Map();
  const parsed = settingsSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.');
      if (!errors.has(key)) errors.set(key, messageOf(issue));
    }
  }
  // The schema's cross-field checks only run once every field parses; the form shows them anyway.
  const { healthy, watch } = draft.bands;
  if (Number.isFinite(healthy) && Number.isFinite(watch) && watch > healthy && !errors.has('bands.watch')) {
    errors.set('bands.watch', 'Watch edge must not exceed healthy edge.');
  }
  const drop = draft.flags.adoption_drop_user_silence;
  const minKey = 'flags.adoption_drop_user_silence.windowMinDays';
  if (Number.isFinite(drop.windowMinDays) && Number.isFinite(drop.windowMaxDays) && drop.windowMinDays > drop.windowMaxDays && !errors.has(minKey)) {
    errors.set(minKey, 'Window start must not exceed window end.');
  }
  const weights = Object.values(draft.weights);
  if (weights.every((w) => Number.isFinite(w)) && weights.reduce((a, b) => a + b, 0) <= 0) {
    errors.set('weights', 'At least one weight must be above 0.');
  }
  return errors;
}

export function NumberField({
  draft,
  path,
  label,
  errors,
  onChange,
  step = 1,
  min,
  max,
  suffix,
  hideLabel,
}: {
  draft: Settings;
  path: Path;
  label: string;
  errors: Errors;
  onChange(path: Path, value: unknown): void;
  step?: number;
  min?: number;
  max?: number;
  suffix?: string;
  hideLabel?: boolean;
}) {
  const key = path.join('.');
  const id = `field-${key.replace(/\./g, '-')}`;
  const value = getIn(draft, path) as number;
  const error = errors.get(key);
  return (
    <span className={`field${error ? ' field-invalid' : ''}`}>
      {/* A hidden label would put its words into the table row's accessible name; aria-label does not. */}
      {!hideLabel && (
        <label htmlFor={id} className="field-label">
          {label}
        </label>
      )}
      <span className="field-input">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          step={step}
          min={min}
          max={max}
          value={Number.isFinite(value) ? value : ''}
          aria-label={hideLabel ? label : undefined}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(path, e.target.value === '' ? Number.NaN : Number(e.target.value))}
        />
        {suffix && <span className="field-suffix">{suffix}</span>}
      </span>
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

export function SeveritySelect({
  draft,
  path,
  label,
  onChange,
}: {
  draft: Settings;
  path: Path;
  label: string;
  onChange(path: Path, value: unknown): void;
}) {
  const value = getIn(draft, path) as Severity;
  return (
    <select aria-label={label} className={`severity-select severity-${value}`} value={value} onChange={(e) => onChange(path, e.target.value)}>
      {SEVERITIES.map((s) => (
        <option key={s} value={s}>
          {labelOf(s)}
        </option>
      ))}
    </select>
  );
}
