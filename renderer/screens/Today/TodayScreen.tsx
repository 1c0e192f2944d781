// Today: overdue and due follow-ups, accounts past their touch cadence, renewals in the next 30 days
// and newly raised flags — one keyboard-navigable list. ↑/↓ or j/k move, d (or x) marks done,
// s snoozes to tomorrow, Enter opens the account, u undoes the last done.
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { addDays } from '../../../shared/dates';
import type { ReminderViewOut, TodaySection } from '../../../shared/contracts/today';
import { TODAY_SECTIONS } from '../../../shared/contracts/today';
import { EmptyState } from '../../components/EmptyState';
import { MoneyToday } from '../../components/money/MoneyToday';
import { useCaptureStore } from '../../stores/capture';
import { useTodayStore } from '../../stores/today';
import './today.css';
import { MeetingsToday } from '../../components/brief/MeetingsToday';

const SECTION_TITLES: Record<TodaySection, string> = {
  follow_ups: 'Follow-ups',
  cadence: 'Cadence due',
  renewals: 'Renewals in 30 days',
  flags: 'New flags',
  triage: 'Triage cases past their target date',
};

function dueText(r: ReminderViewOut): string {
  if (r.overdueDays <= 0) return 'due today';
  return r.overdueDays === 1 ? '1 day overdue' : `${r.overdueDays} days overdue`;
}

export function TodayScreen() {
  const { view, status, last, load, complete, snooze, undo } = useTodayStore();
  const navigate = useNavigate();
  const [selected, setSelected] = useState(0);
  const captureOpen = useCaptureStore((s) => s.open);

  useEffect(() => {
    void load();
  }, [load]);

  const flat = useMemo(() => (view ? TODAY_SECTIONS.flatMap((s) => view.sections[s]) : []), [view]);
  const current = flat[Math.min(selected, flat.length - 1)] ?? null;
  const tomorrow = view ? addDays(view.asOf, 1) : '';

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || captureOpen) return;
      if ((event.target as HTMLElement).closest('input, textarea, select, [role="dialog"]') || document.querySelector('[role="dialog"]')) return;
      const key = event.key;
      if (key === 'ArrowDown' || key === 'j') setSelected((i) => Math.min(i + 1, Math.max(flat.length - 1, 0)));
      else if (key === 'ArrowUp' || key === 'k') setSelected((i) => Math.max(i - 1, 0));
      else if ((key === 'd' || key === 'x') && current) void complete(current);
      else if (key === 's' && current) void snooze(current, tomorrow);
      else if (key === 'Enter' && current?.accountId) navigate(`/accounts/${current.accountId}`);
      else if (key === 'u') void undo();
      else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flat, current, complete, snooze, undo, navigate, tomorrow, captureOpen]);

  useEffect(() => {
    document.querySelector('.today-item.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selected, view]);

  const overdue = flat.filter((r) => r.overdueDays > 0).length;
  return (
    <div className="screen today">
      <header className="screen-header">
        <div>
          <h1>Today</h1>
          {view && (
            <p className="muted">
              {view.asOf} · {flat.length} due{overdue ? ` · ${overdue} overdue` : ''} · {view.doneToday} done today
            </p>
          )}
        </div>
        <p className="key-hints muted small" aria-label="Keyboard">
          <kbd>↑↓</kbd> move <kbd>d</kbd> done <kbd>s</kbd> snooze to tomorrow <kbd>↵</kbd> open <kbd>u</kbd> undo
        </p>
      </header>
      {last && (
        <div className="undo-bar" role="status">
          <span>
            {last.kind === 'done' ? 'Done' : 'Snoozed to tomorrow'}: {last.reminder.title}
          </span>
          {last.kind === 'done' && (
            <button type="button" className="link-button" onClick={() => void undo()}>
              Undo (u)
            </button>
          )}
        </div>
      )}
      <MeetingsToday />
      {status === 'loading' && !view && <p className="muted">Loading…</p>}
      {view && flat.length === 0 && (
        <EmptyState title="Nothing is due today">
          <p>No follow-ups, cadence check-ins, renewals or new flags need you right now. Log a touch with quick capture when you talk to a customer.</p>
        </EmptyState>
      )}
      {view && flat.length > 0 && (
        <div className="today-sections" role="listbox" aria-label="Due today" aria-activedescendant={current ? `reminder-${current.id}` : undefined}>
          {TODAY_SECTIONS.map((section) => {
            const items = view.sections[section];
            if (items.length === 0) return null;
            return (
              <section key={section} className="today-section" aria-labelledby={`h-${section}`}>
                <h2 id={`h-${section}`}>
                  {SECTION_TITLES[section]} <span className="count">{items.length}</span>
                </h2>
                <ul>
                  {items.map((r) => {
                    const index = flat.indexOf(r);
                    const isSelected = current?.id === r.id;
                    return (
                      <li
                        key={r.id}
                        id={`reminder-${r.id}`}
                        role="option"
                        aria-selected={isSelected}
                        className={`today-item${isSelected ? ' selected' : ''}`}
                        onClick={() => setSelected(index)}
                        data-reminder-id={r.id}
                      >
                        <button type="button" className="check-button" aria-label={`Done: ${r.title}`} onClick={() => void complete(r)} />
                        <div className="today-main">
                          <span className="today-title">{r.title}</span>
                          {r.accountName && (
                            <button type="button" className="link-button small account-link" onClick={() => r.accountId && navigate(`/accounts/${r.accountId}`)}>
                              {r.accountName}
                            </button>
                          )}
                        </div>
                        <span className={`due ${r.overdueDays > 0 ? 'overdue' : ''}`}>{dueText(r)}</span>
                        <button type="button" className="small-button snooze" onClick={() => void snooze(r, tomorrow)}>
                          Snooze
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
        </div>
      )}
      <MoneyToday />
    </div>
  );
}
