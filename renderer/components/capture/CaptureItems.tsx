// The capture preview's items: one row per meeting occurrence or message with its include checkbox,
// date (in the user's time zone), kind, subject, account (click to pick another) and the people
// from outside your domains — or, for one that is not logged, why. Virtualized: a 10,000-message
// mailbox keeps only the rows on screen in the DOM.
import { memo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CaptureItemView } from '../../../shared/contracts/capture';

export const ITEM_ROW_HEIGHT = 46;

export interface AccountOption {
  id: number;
  name: string;
}

interface Choice {
  include: boolean;
  accountId: number | null;
}

const STATUS_LABEL: Record<CaptureItemView['status'], string> = {
  new: '',
  duplicate: 'Already logged',
  internal: 'Internal',
  unmatched: 'No account',
  future: 'Later',
  cancelled: 'Cancelled',
  declined: 'Declined',
  automated: 'Automated',
};

function formatWhen(occurredAt: string): string {
  const [date, time] = occurredAt.split('T');
  const d = new Date(`${date}T00:00:00Z`);
  const day = Number.isNaN(d.getTime()) ? date : d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  return time ? `${day} · ${time}` : `${day} · all day`;
}

/** An account name that becomes a select on click (one select at a time: 10,000 options per row would not do). */
function AccountCell({ item, choice, accounts, names, onChange }: { item: CaptureItemView; choice: Choice | undefined; accounts: AccountOption[]; names: Map<number, string>; onChange(accountId: number | null): void }) {
  const [editing, setEditing] = useState(false);
  const selectable = item.status === 'new' || item.status === 'unmatched';
  const accountId = choice?.accountId ?? item.accountId;
  const name = accountId !== null ? (names.get(accountId) ?? `#${accountId}`) : null;
  if (!selectable) return <span className="muted">{name ?? '—'}</span>;
  if (editing) {
    return (
      <select
        autoFocus
        aria-label={`Account for ${item.summary || 'this item'}`}
        value={accountId ?? ''}
        onChange={(e) => {
          onChange(e.target.value ? Number(e.target.value) : null);
          setEditing(false);
        }}
        onBlur={() => setEditing(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            setEditing(false);
          }
        }}
      >
        <option value="">— no account (not logged)</option>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    );
  }
  return (
    <button type="button" className={`capture-account${name ? '' : ' pick'}`} onClick={() => setEditing(true)} title={name ? `On ${name}${item.matchedBy ? ` (matched by ${item.matchedBy === 'contact' ? 'a contact' : 'its e-mail domain'})` : ''} — click to change` : 'Choose the account to log it on'}>
      {name ?? 'Choose account…'}
    </button>
  );
}

const Row = memo(function Row({
  item,
  choice,
  start,
  accounts,
  names,
  onToggle,
  onAccount,
}: {
  item: CaptureItemView;
  choice: Choice | undefined;
  start: number;
  accounts: AccountOption[];
  names: Map<number, string>;
  onToggle(id: number): void;
  onAccount(id: number, accountId: number | null): void;
}) {
  const loggable = item.status === 'new' || item.status === 'unmatched';
  const included = !!choice?.include && choice.accountId !== null;
  const people = item.people.map((p) => ({ ...p, isNew: item.newPeople.includes(p.email) }));
  return (
    <div
      role="row"
      className={`capture-row${loggable ? '' : ' not-logged'}${included ? ' included' : ''}`}
      style={{ transform: `translateY(${start}px)` }}
      data-item={item.id}
      data-status={item.status}
    >
      <span role="gridcell" className="capture-check">
        {loggable && (
          <input
            type="checkbox"
            checked={included}
            disabled={choice?.accountId === null}
            onChange={() => onToggle(item.id)}
            aria-label={`Log “${item.summary || '(no subject)'}” on ${formatWhen(item.occurredAt)}`}
            title={choice?.accountId === null ? 'Choose an account first' : 'Log this one'}
          />
        )}
      </span>
      <span role="gridcell" className="capture-when">
        {formatWhen(item.occurredAt)}
      </span>
      <span role="gridcell" className={`capture-kind kind-${item.kind}`}>
        {item.kind === 'meeting' ? 'Meeting' : 'E-mail'}
        {item.direction && <span className="muted small"> {item.direction === 'inbound' ? '←' : '→'}</span>}
      </span>
      <span role="gridcell" className="capture-summary" title={item.summary}>
        {item.summary || <span className="muted">(no subject)</span>}
        {item.excerpt && <span className="capture-tag" title="The first 500 characters of its text are kept">text</span>}
        <span className="muted small capture-file">{item.file}</span>
      </span>
      <span role="gridcell" className="capture-account-cell">
        <AccountCell item={item} choice={choice} accounts={accounts} names={names} onChange={(a) => onAccount(item.id, a)} />
      </span>
      <span role="gridcell" className="capture-people">
        {loggable ? (
          people.length ? (
            people.slice(0, 4).map((p) => (
              <span key={p.email} className={`capture-person${p.contactId ? ' known' : ''}${p.isNew ? ' new' : ''}`} title={p.email}>
                {p.name ?? p.email}
                {p.isNew && <span className="capture-new">new</span>}
              </span>
            ))
          ) : (
            <span className="muted">nobody else</span>
          )
        ) : (
          <span className="capture-reason" title={item.reason ?? ''}>
            <span className={`capture-status status-${item.status}`}>{STATUS_LABEL[item.status]}</span>
            {item.reason && item.reason.toLowerCase() !== STATUS_LABEL[item.status].toLowerCase() ? ` ${item.reason}` : ''}
          </span>
        )}
        {loggable && people.length > 4 && <span className="muted small">+{people.length - 4}</span>}
      </span>
    </div>
  );
});

export function CaptureItems({
  items,
  choices,
  accounts,
  names,
  onToggle,
  onAccount,
}: {
  items: CaptureItemView[];
  choices: Map<number, Choice>;
  accounts: AccountOption[];
  names: Map<number, string>;
  onToggle(id: number): void;
  onAccount(id: number, accountId: number | null): void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scroller.current, estimateSize: () => ITEM_ROW_HEIGHT, overscan: 12 });
  return (
    // As tall as its rows, up to the stylesheet's max-height (then it scrolls).
    <div className="capture-table" role="grid" aria-label="Meetings and e-mails found" aria-rowcount={items.length + 1} style={{ height: 36 + Math.max(2, items.length) * ITEM_ROW_HEIGHT }}>
      <div className="capture-row capture-head" role="row">
        <span role="columnheader">
          <span className="visually-hidden">Log</span>
        </span>
        <span role="columnheader">When</span>
        <span role="columnheader">Kind</span>
        <span role="columnheader">Title or subject</span>
        <span role="columnheader">Account</span>
        <span role="columnheader">People outside your domains</span>
      </div>
      <div className="capture-body" ref={scroller}>
        {items.length === 0 ? (
          <p className="muted capture-empty">Nothing here.</p>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => {
              const item = items[row.index];
              return <Row key={item.id} item={item} choice={choices.get(item.id)} start={row.start} accounts={accounts} names={names} onToggle={onToggle} onAccount={onAccount} />;
            })}
          </div>
        )}
      </div>
    </div>
  );
}
