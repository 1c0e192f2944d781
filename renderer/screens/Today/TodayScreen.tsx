// Today: what is due, grouped by account (one group per account, its items inside), most pressing
// account first (urgency × value × risk, shared/today/priority.ts), each with its ARR, health and
// top flag. One listbox with aria-activedescendant: the list is one Tab stop, ↑/↓ (j/k) move between
// items, Home/End jump; actions are keys (d done, s snooze, r resolve the flag, c create the
// opportunity, Enter open the account, u undo — many steps) and the row menu (m, the context-menu
// key, Shift+F10, right click). No buttons inside rows (WCAG: nested-interactive).
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { TodayGroup, TodayItem } from '../../../shared/contracts/today';
import { labelOf } from '../../../shared/format';
import { snoozeChoices } from '../../../shared/today/snooze';
import { whenText } from '../../../shared/today/when';
import { NO_DATA_TEXT } from '../../components/Badges';
import { EmptyState } from '../../components/EmptyState';
import { money } from '../../components/money/format';
import { useCaptureStore } from '../../stores/capture';
import { useTodayStore } from '../../stores/today';
import type { TodayAction } from './actions';
import { RowMenu } from './RowMenu';
import './today.css';
import { MeetingsToday } from '../../components/brief/MeetingsToday';

const KIND_WORDS: Record<string, string> = {
  follow_ups: 'Follow-up',
  cadence: 'Cadence',
  renewals: 'Renewal',
  flags: 'Flag',
  triage: 'Triage case',
  forecast: 'Forecast',
  signal: 'Expansion',
};

const kindOf = (item: TodayItem): string => (item.kind === 'reminder' ? item.section : item.kind);

function when(item: TodayItem, asOf: string): string {
  if (item.kind === 'reminder') return whenText({ kind: item.section, due: item.reminder.due, renewalDate: item.renewalDate }, asOf);
  if (item.kind === 'forecast') return whenText({ kind: 'forecast', due: asOf, renewalDate: item.renewal.dueDate }, asOf);
  return whenText({ kind: 'signal', due: item.signal.since }, asOf);
}

const isLate = (item: TodayItem) => item.kind === 'reminder' && item.section !== 'renewals' && item.section !== 'flags' && item.reminder.overdueDays > 0;

/** The title without its account's name in front ("Acme: No executive touch…"): the group names it. */
function titleIn(item: TodayItem, group: TodayGroup): string {
  const prefix = group.accountName ? `${group.accountName}: ` : null;
  return prefix && item.title.startsWith(prefix) ? item.title.slice(prefix.length) : item.title;
}

/** ARR in whole units: the group's size at a glance. */
const arr = (group: TodayGroup) => money(Math.round(group.arrCents / 100) * 100, group.currency);

const optionId = (item: TodayItem) => `today-${item.key.replace(/[^a-z0-9]+/gi, '-')}`;

function bandWords(group: TodayGroup): string {
  if (group.band === null) return 'not scored';
  if (group.band === 'no_data') return NO_DATA_TEXT;
  return `${group.score ?? '—'} · ${labelOf(group.band)}`;
}

export function TodayScreen() {
  const store = useTodayStore();
  const { view, status, load, selectedKey, selectedIndex, select, message, undoStack } = store;
  const navigate = useNavigate();
  const captureOpen = useCaptureStore((s) => s.open);
  const listRef = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<{ mode: 'actions' | 'snooze'; top: number; left: number } | null>(null);
  const openOnToday = useTodayStore((s) => s.openOnToday);

  useEffect(() => {
    void load();
    void useTodayStore.getState().loadPreferences();
  }, [load]);

  const flat = useMemo(() => (view ? view.groups.flatMap((g) => g.items) : []), [view]);
  // The selection follows its item across reloads; when the item went away, the one now in its place.
  const currentIndex = (() => {
    const byKey = selectedKey ? flat.findIndex((i) => i.key === selectedKey) : -1;
    return byKey >= 0 ? byKey : Math.min(selectedIndex, flat.length - 1);
  })();
  const current = currentIndex >= 0 ? flat[currentIndex] : null;
  const asOf = view?.asOf ?? '';

  function move(index: number) {
    const item = flat[Math.max(0, Math.min(index, flat.length - 1))];
    if (item) select(item.key, flat.indexOf(item));
  }

  function openAccount(item: TodayItem) {
    if (item.accountId === null) return;
    select(item.key, flat.indexOf(item));
    navigate(`/accounts/${item.accountId}`, { state: { from: '/today' } });
  }

  function run(action: TodayAction, item: TodayItem) {
    setMenu(null);
    listRef.current?.focus();
    if (action.kind === 'done') void store.complete(item);
    else if (action.kind === 'open') openAccount(item);
    else if (action.kind === 'resolve_flag') void store.resolveFlag(item);
    else if (action.kind === 'forecast') void store.forecast(item, action.category);
    else if (action.kind === 'create_opportunity') void store.createOpportunity(item);
    else if (action.kind === 'dismiss') void store.dismiss(item);
    else if (action.kind === 'snooze') openMenu('snooze');
  }

  function snooze(item: TodayItem, until: string) {
    setMenu(null);
    listRef.current?.focus();
    void store.snooze(item, until);
  }

  function openMenu(mode: 'actions' | 'snooze', at?: { top: number; left: number }) {
    if (!current) return;
    const row = document.getElementById(optionId(current));
    const rect = row?.getBoundingClientRect();
    const top = at?.top ?? (rect ? rect.bottom + 2 : 120);
    const left = at?.left ?? (rect ? Math.max(rect.right - 280, rect.left) : 240);
    setMenu({ mode, top: Math.min(top, window.innerHeight - 280), left });
  }

  function onListKey(event: React.KeyboardEvent) {
    if (event.ctrlKey || event.metaKey || event.altKey || captureOpen || menu) return;
    const key = event.key;
    if (key === 'ArrowDown' || key === 'j') move(currentIndex + 1);
    else if (key === 'ArrowUp' || key === 'k') move(currentIndex - 1);
    else if (key === 'Home') move(0);
    else if (key === 'End') move(flat.length - 1);
    else if (key === 'PageDown') move(currentIndex + 10);
    else if (key === 'PageUp') move(currentIndex - 10);
    else if (!current) return;
    else if (key === 'Enter' || key === 'o') openAccount(current);
    else if ((key === 'd' || key === 'x') && current.kind === 'reminder') void store.complete(current);
    else if (key === 's' && current.kind === 'reminder') openMenu('snooze');
    else if (key === 'r' && current.kind === 'reminder' && current.reminder.flagId !== null) void store.resolveFlag(current);
    else if (key === 'c' && current.kind === 'signal') void store.createOpportunity(current);
    else if (key === 'Delete' && current.kind === 'signal') void store.dismiss(current);
    else if (key === 'm' || key === 'ContextMenu' || (key === 'F10' && event.shiftKey)) openMenu('actions');
    else return;
    event.preventDefault();
  }

  // u undoes from anywhere on the screen (not while typing or in a dialog).
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'u' || event.ctrlKey || event.metaKey || event.altKey || captureOpen) return;
      if ((event.target as HTMLElement).closest('input, textarea, select, [role="dialog"], [role="menu"]') || document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      void useTodayStore.getState().undo();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [captureOpen]);

  // Focus the list when Today opens (and when it comes back from an account), so keys work at once.
  const ready = Boolean(view && flat.length > 0);
  useEffect(() => {
    if (ready && !document.querySelector('[role="dialog"]')) listRef.current?.focus({ preventScroll: true });
  }, [ready]);

  useEffect(() => {
    if (current) document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const lastUndo = undoStack[undoStack.length - 1];
  const tomorrow = asOf ? snoozeChoices(asOf)[0].label.toLowerCase() : '';

  return (
    <div className="screen today">
      <header className="screen-header">
        <div>
          <h1>Today</h1>
          {view && (
            <p className="today-summary">
              {view.asOf} · {view.total} due{view.overdue ? ` · ${view.overdue} overdue` : ''} · {view.groups.length}{' '}
              {view.groups.length === 1 ? 'account' : 'accounts'} · {view.doneToday} done today
            </p>
          )}
        </div>
        <p className="key-hints small" id="today-keys">
          <kbd>↑↓</kbd> move <kbd>d</kbd> done <kbd>s</kbd> snooze <kbd>↵</kbd> open <kbd>m</kbd> menu <kbd>u</kbd> undo
        </p>
      </header>

      <div className="today-status" role="status" aria-live="polite">
        {message && (
          <>
            <span>{message}</span>
            {lastUndo && (
              <button type="button" className="link-button" onClick={() => void store.undo()}>
                Undo{undoStack.length > 1 ? ` (${undoStack.length} steps)` : ''} <kbd aria-hidden="true">u</kbd>
              </button>
            )}
          </>
        )}
      </div>

      <MeetingsToday />
      {status === 'loading' && !view && <p className="muted">Loading…</p>}
      {view && flat.length === 0 && (
        <EmptyState title="Nothing is due today">
          <p>No follow-ups, cadence check-ins, renewals or new flags need you right now. Log a touch with quick capture when you talk to a customer.</p>
        </EmptyState>
      )}
      {view && flat.length > 0 && (
        <div
          ref={listRef}
          className="today-list"
          role="listbox"
          tabIndex={0}
          aria-label={`Due today, ${flat.length} items in ${view.groups.length} accounts`}
          aria-describedby="today-keys"
          aria-activedescendant={current ? optionId(current) : undefined}
          onKeyDown={onListKey}
        >
          {view.groups.map((group) => (
            <div
              key={group.key}
              role="group"
              className="today-group"
              aria-labelledby={group.accountId !== null ? `${group.key}-name ${group.key}-facts` : `${group.key}-name`}
              data-account-id={group.accountId ?? undefined}
            >
              <div className="today-group-head">
                <span className="today-account" id={`${group.key}-name`}>
                  {group.accountName ?? 'Tasks without an account'}
                </span>
                {group.accountId !== null && (
                  <span className="visually-hidden" id={`${group.key}-facts`}>
                    {arr(group)} ARR, health {bandWords(group)}
                    {group.inTriage ? ', in triage' : ''}
                    {group.topFlag ? `, ${group.topFlag.severity} flag ${labelOf(group.topFlag.rule)}` : ''}
                  </span>
                )}
                {group.accountId !== null && (
                  <span className="today-facts" aria-hidden="true">
                    <span className="today-arr">{arr(group)} ARR</span>
                    <span className={`today-band band-dot-${group.band ?? 'none'}`}>{bandWords(group)}</span>
                    {group.inTriage && <span className="today-triage">In triage</span>}
                    {group.topFlag && <span className="today-flag">{labelOf(group.topFlag.rule)}</span>}
                  </span>
                )}
              </div>
              {group.items.map((item) => {
                const selected = current?.key === item.key;
                const late = isLate(item);
                return (
                  <div
                    key={item.key}
                    id={optionId(item)}
                    role="option"
                    aria-selected={selected}
                    className={`today-item${selected ? ' selected' : ''}`}
                    data-key={item.key}
                    data-reminder-id={item.kind === 'reminder' ? item.reminder.id : undefined}
                    onClick={() => {
                      select(item.key, flat.indexOf(item));
                      listRef.current?.focus();
                    }}
                    onDoubleClick={() => openAccount(item)}
                    onContextMenu={(event) => {
                      event.preventDefault();
                      select(item.key, flat.indexOf(item));
                      listRef.current?.focus();
                      setMenu({ mode: 'actions', top: Math.min(event.clientY, window.innerHeight - 280), left: event.clientX });
                    }}
                  >
                    <span className={`today-kind kind-${kindOf(item)}`}>{KIND_WORDS[kindOf(item)]}</span>
                    <span className="today-title">{titleIn(item, group)}</span>
                    <span className={`due${late ? ' overdue' : ''}`}>{when(item, asOf)}</span>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      )}
      {current && menu && (
        <RowMenu
          key={`${current.key}-${menu.mode}`}
          item={current}
          asOf={asOf}
          mode={menu.mode}
          anchor={{ top: menu.top, left: menu.left }}
          onAction={(action) => run(action, current)}
          onSnooze={(until) => snooze(current, until)}
          onClose={() => {
            setMenu(null);
            listRef.current?.focus();
          }}
        />
      )}
      {view && (
        <footer className="today-footer">
          <button type="button" className="small-button" disabled={!current} onClick={() => openMenu('actions')} aria-haspopup="menu">
            Actions for the selected item…
          </button>
          {openOnToday !== null && (
            <label className="small">
              <input
                type="checkbox"
                checked={openOnToday}
                onChange={(event) => void store.setOpenOnToday(event.target.checked)}
              />{' '}
              Open Tend on Today when something is due
            </label>
          )}
          <span className="small muted-strong">s then Enter snoozes to {tomorrow}</span>
        </footer>
      )}
    </div>
  );
}
