// The row menu of a Today item (m, the context-menu key, Shift+F10 or a right click): every action
// of the item, and the snooze choices — tomorrow, next week, or a date. A real menu: focus moves in,
// ↑/↓ move, Enter runs, Esc closes and gives focus back to the list.
import { useEffect, useRef, useState } from 'react';
import type { TodayItem } from '../../../shared/contracts/today';
import { addDays } from '../../../shared/dates';
import { DateInput } from '../../components/DateInput';
import { snoozeChoices } from '../../../shared/today/snooze';
import { actionsFor, type TodayAction } from './actions';

interface Props {
  item: TodayItem;
  asOf: string;
  /** Open on the snooze choices (the s key) rather than on all actions. */
  mode: 'actions' | 'snooze';
  anchor: { top: number; left: number };
  onAction(action: TodayAction): void;
  onSnooze(until: string): void;
  onClose(): void;
}

export function RowMenu({ item, asOf, mode: initialMode, anchor, onAction, onSnooze, onClose }: Props) {
  const [mode, setMode] = useState<'actions' | 'snooze' | 'date'>(initialMode);
  const [date, setDate] = useState(addDays(asOf, 3));
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('[role="menuitem"], input');
    first?.focus();
  }, [mode]);

  function onKeyDown(event: React.KeyboardEvent) {
    // The list's own keys must not run while the menu is open.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      if (mode === 'date') setMode('snooze');
      else onClose();
      return;
    }
    if (event.key === 'Tab') {
      // A menu is one stop: Tab closes it (focus returns to the list).
      event.preventDefault();
      onClose();
      return;
    }
    if (mode === 'date') return;
    if (mode === 'snooze' && (event.key === 't' || event.key === 'w')) {
      event.preventDefault();
      onSnooze(snoozeChoices(asOf)[event.key === 't' ? 0 : 1].until);
      return;
    }
    if (mode === 'snooze' && event.key === 'a') {
      event.preventDefault();
      setMode('date');
      return;
    }
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    let next = -1;
    if (event.key === 'ArrowDown') next = (at + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (at - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    if (next >= 0) {
      event.preventDefault();
      items[next]?.focus();
    }
  }

  const choices = snoozeChoices(asOf);
  const label = mode === 'actions' ? `Actions for ${item.title}` : `Snooze ${item.title}`;

  return (
    <>
      <div className="today-menu-backdrop" onMouseDown={onClose} aria-hidden="true" />
      <div className="today-menu" style={{ top: anchor.top, left: anchor.left }} ref={ref} onKeyDown={onKeyDown}>
        {mode === 'date' ? (
          <form
            className="today-menu-date"
            aria-label={`Snooze ${item.title} until a date`}
            onSubmit={(event) => {
              event.preventDefault();
              if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date <= asOf) {
                setError(`Pick a day after today (${asOf}).`);
                return;
              }
              onSnooze(date);
            }}
          >
            <label>
              Snooze until
              <DateInput aria-label="Snooze until" value={date} min={addDays(asOf, 1)} onChange={(e) => setDate(e.target.value)} aria-describedby={error ? 'today-date-error' : undefined} />
            </label>
            {error && (
              <p id="today-date-error" className="today-menu-error" role="alert">
                {error}
              </p>
            )}
            <div className="today-menu-buttons">
              <button type="button" onClick={() => setMode('snooze')}>
                Back
              </button>
              <button type="submit" className="primary">
                Snooze
              </button>
            </div>
          </form>
        ) : (
          <div role="menu" aria-label={label}>
            {mode === 'snooze' &&
              choices.map((choice, i) => (
                <button key={choice.key} type="button" role="menuitem" tabIndex={-1} onClick={() => onSnooze(choice.until)}>
                  <span>{choice.label}</span>
                  <kbd aria-hidden="true">{i === 0 ? 't' : 'w'}</kbd>
                </button>
              ))}
            {mode === 'snooze' && (
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => setMode('date')}>
                <span>A date…</span>
                <kbd aria-hidden="true">a</kbd>
              </button>
            )}
            {mode === 'actions' &&
              actionsFor(item).map((entry) => (
                <button
                  key={entry.label}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  onClick={() => (entry.action.kind === 'snooze' ? setMode('snooze') : onAction(entry.action))}
                >
                  <span>{entry.label}</span>
                  {entry.key && <kbd aria-hidden="true">{entry.key}</kbd>}
                </button>
              ))}
          </div>
        )}
      </div>
    </>
  );
}
