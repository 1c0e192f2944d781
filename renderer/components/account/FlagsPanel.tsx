// Flags with their reasons and what the CSM can do: snooze (tomorrow, next week or a date), resolve,
// make a task — an editable task prefilled with a next step (shared/today/flag-task.ts), kept linked
// to the flag so resolving or snoozing the flag closes or snoozes it.
import { useState } from 'react';
import { SnoozeChoices } from './SnoozeChoices';
import { DateInput } from '../DateInput';
import { taskFromFlag } from '../../../shared/today/flag-task';
import type { Flag } from '../../../shared/contract';
import { SEVERITIES } from '../../../shared/domain';
import { labelOf } from '../../../shared/format';

/** Most severe first (emergency, high, medium, low), then the newest. */
const bySeverity = (a: Flag, b: Flag) =>
  SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || (a.raisedAt < b.raisedAt ? 1 : a.raisedAt > b.raisedAt ? -1 : 0);

interface Props {
  flags: Flag[];
  asOf: string;
  onResolve(id: number): void;
  onSnooze(id: number, until: string): void;
  /** The account's name (the task's prefilled next step names it). */
  accountName: string;
  onTask(title: string, due: string, flagId: number): Promise<boolean> | void;
}

export function FlagsPanel({ flags, asOf, accountName, onResolve, onSnooze, onTask }: Props) {
  const [showResolved, setShowResolved] = useState(false);
  /** The flag whose snooze choices or task form is open. */
  const [open_, setOpen] = useState<{ id: number; what: 'snooze' | 'task' } | null>(null);
  const open = flags.filter((f) => f.resolvedAt === null).sort(bySeverity);
  const resolved = flags.filter((f) => f.resolvedAt !== null);
  return (
    <section className="panel" aria-labelledby="flags-h">
      <div className="panel-head">
        <h2 id="flags-h">Flags ({open.length})</h2>
        {resolved.length > 0 && (
          <button type="button" className="link-button small muted" onClick={() => setShowResolved((v) => !v)}>
            {showResolved ? 'Hide' : 'Show'} {resolved.length} resolved
          </button>
        )}
      </div>
      {open.length === 0 && <p className="muted small">No open flags. Nice.</p>}
      <ul className="flag-list">
        {open.map((f) => {
          const snoozed = f.snoozedUntil !== null && f.snoozedUntil > asOf;
          return (
            <li key={f.id} className={snoozed ? 'snoozed' : undefined} data-rule={f.rule}>
              <div className="flag-line">
                <span className={`flag-chip severity-${f.severity}`}>{f.severity}</span>
                <strong>{labelOf(f.rule)}</strong>
                <span className="muted small">since {f.raisedAt}{snoozed ? ` · snoozed until ${f.snoozedUntil}` : ''}</span>
              </div>
              <p className="flag-reason">{f.reason}</p>
              <div className="row-actions">
                <button type="button" className="small-button" onClick={() => onResolve(f.id)}>
                  Resolve
                </button>
                <button
                  type="button"
                  className="small-button"
                  aria-expanded={open_?.id === f.id && open_.what === 'snooze'}
                  onClick={() => setOpen(open_?.id === f.id && open_.what === 'snooze' ? null : { id: f.id, what: 'snooze' })}
                >
                  Snooze…
                </button>
                <button
                  type="button"
                  className="small-button"
                  aria-expanded={open_?.id === f.id && open_.what === 'task'}
                  onClick={() => setOpen(open_?.id === f.id && open_.what === 'task' ? null : { id: f.id, what: 'task' })}
                >
                  Make a task
                </button>
              </div>
              {open_?.id === f.id && open_.what === 'snooze' && (
                <SnoozeChoices
                  asOf={asOf}
                  label={`Snooze the ${labelOf(f.rule)} flag`}
                  onSnooze={(until) => {
                    setOpen(null);
                    onSnooze(f.id, until);
                  }}
                />
              )}
              {open_?.id === f.id && open_.what === 'task' && (
                <TaskForm
                  asOf={asOf}
                  initial={taskFromFlag(f, accountName, asOf)}
                  label={`Task from the ${labelOf(f.rule)} flag`}
                  onCancel={() => setOpen(null)}
                  onSave={async (title, due) => {
                    const ok = await onTask(title, due, f.id);
                    if (ok !== false) setOpen(null);
                  }}
                />
              )}
            </li>
          );
        })}
        {showResolved &&
          resolved.map((f) => (
            <li key={f.id} className="resolved">
              <div className="flag-line">
                <span className={`flag-chip severity-${f.severity}`}>{f.severity}</span>
                <span>{labelOf(f.rule)}</span>
                <span className="muted small">
                  {f.raisedAt} → {f.resolvedAt} · {f.resolvedBy === 'user' ? 'resolved by you' : 'rule stopped firing'}
                </span>
              </div>
            </li>
          ))}
      </ul>
    </section>
  );
}

/** An editable task, prefilled: the CSM words it and picks the day before it is made. */
function TaskForm({
  asOf,
  initial,
  label,
  onSave,
  onCancel,
}: {
  asOf: string;
  initial: { title: string; due: string };
  label: string;
  onSave(title: string, due: string): void;
  onCancel(): void;
}) {
  const [title, setTitle] = useState(initial.title);
  const [due, setDue] = useState(initial.due);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="flag-inline-form"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        if (!title.trim()) setError('A task needs a title: say what you will do.');
        else if (!/^\d{4}-\d{2}-\d{2}$/.test(due)) setError('Pick the day the task is due.');
        else onSave(title.trim(), due);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <label className="small flag-task-title">
        Task
        <input autoFocus value={title} maxLength={500} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="small">
        Due <DateInput aria-label="Due" value={due} min={asOf} onChange={(e) => setDue(e.target.value)} />
      </label>
      <button type="submit" className="small-button primary">
        Add task
      </button>
      <button type="button" className="small-button" onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <p className="form-error small" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
