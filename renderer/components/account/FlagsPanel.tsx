// Flags with their reasons and what the CSM can do: snooze, resolve, make a task.
import { useState } from 'react';
import type { Flag } from '../../../shared/contract';
import { addDays } from '../../../shared/dates';
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
  onTask(title: string, due: string): void;
}

export function FlagsPanel({ flags, asOf, onResolve, onSnooze, onTask }: Props) {
  const [showResolved, setShowResolved] = useState(false);
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
                <button type="button" className="small-button" onClick={() => onSnooze(f.id, addDays(asOf, 7))}>
                  Snooze 7 days
                </button>
                <button type="button" className="small-button" onClick={() => onTask(`${labelOf(f.rule)}: ${f.reason}`, addDays(asOf, 2))}>
                  Make a task
                </button>
              </div>
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
