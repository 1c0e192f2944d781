// Tomorrow, next week, or a date: the snooze choices of a flag or a task on the account page (the
// same as Today's, shared/today/snooze.ts).
import { useState } from 'react';
import { addDays } from '../../../shared/dates';
import { DateInput } from '../DateInput';
import { snoozeChoices } from '../../../shared/today/snooze';

/** Tomorrow, next week, or a date (the same choices as Today's). */
export function SnoozeChoices({ asOf, label, onSnooze }: { asOf: string; label: string; onSnooze(until: string): void }) {
  const [date, setDate] = useState(addDays(asOf, 3));
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="flag-inline-form"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date <= asOf) setError(`Pick a day after today (${asOf}).`);
        else onSnooze(date);
      }}
    >
      {snoozeChoices(asOf).map((c) => (
        <button key={c.key} type="button" className="small-button" onClick={() => onSnooze(c.until)}>
          {c.label}
        </button>
      ))}
      <label className="small">
        or until{' '}
        <DateInput aria-label="Snooze until" value={date} min={addDays(asOf, 1)} onChange={(e) => setDate(e.target.value)} />
      </label>
      <button type="submit" className="small-button">
        Snooze
      </button>
      {error && (
        <p className="form-error small" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
