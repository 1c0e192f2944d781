// The capture preview's side panels: people to add as contacts (unknown people at a known account's
// domain, with the title from their card or signature), contact cards (new, updated, or needing an
// account), senders and attendees Tend could not place (with how often they appear), and what could
// not be read (file, item, why).
import type { CapturePreviewView } from '../../../shared/contracts/capture';
import type { AccountOption } from './CaptureItems';

interface Choice {
  include: boolean;
  accountId: number | null;
}

function AccountSelect({ value, accounts, label, onChange }: { value: number | null; accounts: AccountOption[]; label: string; onChange(id: number | null): void }) {
  return (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
      <option value="">— choose an account</option>
      {accounts.map((a) => (
        <option key={a.id} value={a.id}>
          {a.name}
        </option>
      ))}
    </select>
  );
}

export function NewContacts({
  contacts,
  choices,
  accounts,
  onToggle,
  onAccount,
}: {
  contacts: CapturePreviewView['contacts'];
  choices: Map<string, Choice>;
  accounts: AccountOption[];
  onToggle(email: string): void;
  onAccount(email: string, id: number | null): void;
}) {
  if (!contacts.length) return null;
  return (
    <section className="panel capture-panel" aria-labelledby="capture-new-people">
      <h2 id="capture-new-people">New people at your accounts ({contacts.length})</h2>
      <p className="muted small">They took part but are no contact yet. Ticked ones are added (strength weak) and linked to their meetings and e-mails.</p>
      <ul className="capture-list">
        {contacts.map((c) => {
          const choice = choices.get(c.email);
          return (
            <li key={c.email}>
              <label className="capture-list-main">
                <input type="checkbox" checked={!!choice?.include && choice.accountId !== null} disabled={choice?.accountId === null} onChange={() => onToggle(c.email)} />
                <span>
                  <strong>{c.name}</strong>
                  {c.title && <span className="muted"> · {c.title}</span>}
                  <span className="muted small capture-email"> {c.email}</span>
                  {c.titleFrom && <span className="capture-tag">title from {c.titleFrom}</span>}
                </span>
              </label>
              <span className="muted small">{c.items} item{c.items === 1 ? '' : 's'}</span>
              <AccountSelect value={choice?.accountId ?? null} accounts={accounts} label={`Account for ${c.name}`} onChange={(id) => onAccount(c.email, id)} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const CARD_OUTCOME: Record<CapturePreviewView['cards'][number]['outcome'], string> = {
  new: 'New contact',
  update: 'Updates',
  unchanged: 'Already up to date',
  unmatched: 'No account for their domain',
};

export function Cards({
  cards,
  choices,
  accounts,
  onToggle,
  onAccount,
}: {
  cards: CapturePreviewView['cards'];
  choices: Map<number, Choice>;
  accounts: AccountOption[];
  onToggle(id: number): void;
  onAccount(id: number, accountId: number | null): void;
}) {
  if (!cards.length) return null;
  return (
    <section className="panel capture-panel" aria-labelledby="capture-cards">
      <h2 id="capture-cards">Contact cards ({cards.length})</h2>
      <ul className="capture-list">
        {cards.map((c) => {
          const choice = choices.get(c.id);
          const actionable = c.outcome !== 'unchanged';
          return (
            <li key={c.id}>
              <label className="capture-list-main">
                <input type="checkbox" checked={!!choice?.include && choice.accountId !== null} disabled={!actionable || choice?.accountId === null} onChange={() => onToggle(c.id)} />
                <span>
                  <strong>{c.name}</strong>
                  {c.title && <span className="muted"> · {c.title}</span>}
                  {c.email && <span className="muted small capture-email"> {c.email}</span>}
                  <span className="muted small">
                    {' '}
                    — {CARD_OUTCOME[c.outcome]}
                    {c.changes.length ? `: ${c.changes.join('; ')}` : ''}
                  </span>
                </span>
              </label>
              <span className="muted small" title={c.label}>
                {c.file}
              </span>
              {c.contactId === null ? (
                <AccountSelect value={choice?.accountId ?? null} accounts={accounts} label={`Account for ${c.name}`} onChange={(id) => onAccount(c.id, id)} />
              ) : (
                <span className="muted small">{accounts.find((a) => a.id === c.accountId)?.name ?? ''}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function Unmatched({ unmatched }: { unmatched: CapturePreviewView['unmatched'] }) {
  if (!unmatched.length) return null;
  return (
    <section className="panel capture-panel" aria-labelledby="capture-unmatched">
      <h2 id="capture-unmatched">People Tend could not place ({unmatched.length})</h2>
      <p className="muted small">
        Their meetings and e-mails are not logged unless you pick an account for them in the list. To place them next time, add their
        domain to the account (its page → Details → E-mail domains) or add them as contacts.
      </p>
      <table className="simple capture-unmatched">
        <thead>
          <tr>
            <th scope="col">Address</th>
            <th scope="col">Name</th>
            <th scope="col" className="num">
              Items
            </th>
          </tr>
        </thead>
        <tbody>
          {unmatched.slice(0, 200).map((u) => (
            <tr key={u.email}>
              <td className="mono">{u.email}</td>
              <td>{u.name ?? <span className="muted">—</span>}</td>
              <td className="num">{u.items}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {unmatched.length > 200 && <p className="muted small">…and {unmatched.length - 200} more.</p>}
    </section>
  );
}

export function Problems({ skipped }: { skipped: CapturePreviewView['skipped'] }) {
  if (!skipped.length) return null;
  return (
    <section className="panel capture-panel capture-problems" aria-labelledby="capture-problems">
      <h2 id="capture-problems">Could not be read ({skipped.length})</h2>
      <p className="muted small">The rest of each file is read; these are left out.</p>
      <ul className="capture-problem-list">
        {skipped.map((s, i) => (
          <li key={i}>
            <strong>{s.file}</strong>
            {s.item && <span> · {s.item}</span>}
            <span className="muted">: {s.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
