// The account's timeline: touches, flags raised/resolved, band changes, revenue events and survey
// responses, newest first, filterable by kind. Touches can be edited in place or deleted (with Undo);
// `focusKey` (e.g. 'touch:12' from a search hit) scrolls to that entry and highlights it.
import { useEffect, useRef, useState } from 'react';
import type { Contact, Touch } from '../../../shared/contract';
import { TIMELINE_KINDS, type TimelineItem, type TimelineKind } from '../../../shared/contracts/account-page';
import { TOUCHES_PER_LOAD } from '../../stores/account';
import { TouchEditor, type TouchPatch } from './TouchEditor';

const KIND_LABELS: Record<TimelineKind, string> = {
  touch: 'Touches',
  flag_raised: 'Flags raised',
  flag_resolved: 'Flags resolved',
  band_change: 'Band changes',
  revenue: 'Revenue',
  survey: 'Surveys',
};
const PAGE = 40;

interface Props {
  items: TimelineItem[];
  touches: Touch[];
  contacts: Contact[];
  focusKey?: string | null;
  /** Touches older than those loaded (the page holds the newest few hundred). */
  olderTouches?: number;
  onLoadOlder?(): void;
  onEditTouch(id: number, patch: TouchPatch): Promise<boolean>;
  onDeleteTouch(touch: Touch): void;
}

export function Timeline({ items, touches, contacts, focusKey, olderTouches = 0, onLoadOlder, onEditTouch, onDeleteTouch }: Props) {
  const [hidden, setHidden] = useState<Set<TimelineKind>>(new Set());
  const [limit, setLimit] = useState(PAGE);
  const [editing, setEditing] = useState<number | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const touchById = new Map(touches.map((t) => [t.id, t]));
  const focusedKey = useRef<string | null>(null);
  const returnFocusTo = useRef<number | null>(null);

  // After an edit closes, put keyboard focus back on that entry's Edit button.
  useEffect(() => {
    if (editing !== null || returnFocusTo.current === null) return;
    document.querySelector<HTMLButtonElement>(`#tl-touch-${returnFocusTo.current} .tl-actions button`)?.focus();
    returnFocusTo.current = null;
  }, [editing]);
  const stopEditing = () => {
    returnFocusTo.current = editing;
    setEditing(null);
  };

  // Bring a focused entry into view once (not again after every reload of the page): show its
  // kind, page far enough, scroll; it stays highlighted while the page is open.
  useEffect(() => {
    if (!focusKey || focusedKey.current === focusKey) return;
    const index = items.findIndex((i) => i.key === focusKey);
    if (index < 0) return;
    focusedKey.current = focusKey;
    setHidden((prev) => (prev.has(items[index].kind) ? new Set([...prev].filter((k) => k !== items[index].kind)) : prev));
    setLimit((l) => Math.max(l, index + 1));
    setFlash(focusKey);
    requestAnimationFrame(() => document.getElementById(`tl-${focusKey.replace(':', '-')}`)?.scrollIntoView({ block: 'center' }));
  }, [focusKey, items]);

  const counts = Object.fromEntries(TIMELINE_KINDS.map((k) => [k, items.filter((i) => i.kind === k).length])) as Record<TimelineKind, number>;
  const shown = items.filter((i) => !hidden.has(i.kind));
  const toggle = (kind: TimelineKind) =>
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  return (
    <section className="panel timeline-panel" aria-labelledby="timeline-h">
      <div className="panel-head">
        <h2 id="timeline-h">Timeline</h2>
      </div>
      <div className="chip-filter" role="group" aria-label="Show in the timeline">
        {TIMELINE_KINDS.filter((k) => counts[k] > 0).map((kind) => (
          <button
            key={kind}
            type="button"
            aria-pressed={!hidden.has(kind)}
            className={`filter-chip kind-${kind}${hidden.has(kind) ? '' : ' on'}`}
            onClick={() => toggle(kind)}
          >
            {KIND_LABELS[kind]} <span className="count">{counts[kind]}</span>
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="muted small">Nothing to show.</p>
      ) : (
        <ol className="timeline" aria-label="Timeline entries">
          {shown.slice(0, limit).map((item) => {
            const touch = item.kind === 'touch' ? touchById.get(Number(item.key.slice('touch:'.length))) : undefined;
            return (
            <li
              key={item.key}
              id={`tl-${item.key.replace(':', '-')}`}
              className={`tl-item kind-${item.kind}${flash === item.key ? ' tl-focus' : ''}`}
              aria-current={flash === item.key ? 'true' : undefined}
              data-kind={item.kind}
            >
              <span className="tl-dot" aria-hidden="true" />
              <span className="tl-date">{item.date.slice(0, 10)}</span>
              {touch && editing === touch.id ? (
                <TouchEditor touch={touch} contacts={contacts} onSave={(patch) => onEditTouch(touch.id, patch)} onCancel={stopEditing} />
              ) : (
              <div className="tl-body">
                <div className="tl-title">
                  {item.title}
                  {item.sentiment !== undefined && item.sentiment !== null && (
                    <span className={`pulse pulse-${item.sentiment < 0 ? 'neg' : item.sentiment > 0 ? 'pos' : 'zero'}`}>
                      {item.sentiment > 0 ? `+${item.sentiment}` : item.sentiment}
                    </span>
                  )}
                  {item.severity && item.kind === 'flag_raised' && <span className={`flag-chip severity-${item.severity}`}>{item.severity}</span>}
                </div>
                {item.detail && <div className="tl-detail">{item.detail}</div>}
                {touch && (
                  <span className="tl-actions">
                    <button type="button" className="link-button small" aria-label={`Edit touch: ${item.title}`} onClick={() => setEditing(touch.id)}>
                      Edit
                    </button>
                    <button type="button" className="link-button small danger" aria-label={`Delete touch: ${item.title}`} onClick={() => onDeleteTouch(touch)}>
                      Delete
                    </button>
                  </span>
                )}
              </div>
              )}
            </li>
            );
          })}
        </ol>
      )}
      {shown.length > limit && (
        <button type="button" className="link-button small" onClick={() => setLimit((l) => l + PAGE)}>
          Show {Math.min(PAGE, shown.length - limit)} more of {shown.length - limit}
        </button>
      )}
      {shown.length <= limit && olderTouches > 0 && !hidden.has('touch') && onLoadOlder && (
        <button
          type="button"
          className="link-button small"
          onClick={() => {
            onLoadOlder();
            setLimit((l) => l + PAGE); // and show the first of them
          }}
        >
          Load {Math.min(olderTouches, TOUCHES_PER_LOAD).toLocaleString('en-US')} older touch{olderTouches === 1 ? '' : 'es'}
          {olderTouches > TOUCHES_PER_LOAD ? ` (of ${olderTouches.toLocaleString('en-US')})` : ''}
        </button>
      )}
    </section>
  );
}
