// One account: header, contacts and recent touches. (Issue 4 adds the explained score, timeline,
// flags with actions and inline editing.)
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatCountdown, formatMoney, labelOf } from '../../../shared/format';
import { STRENGTH_LABELS } from '../../../shared/domain';
import { EmptyState } from '../../components/EmptyState';
import { useAccountStore } from '../../stores/account';
import { useAppStore } from '../../stores/app';

export function AccountScreen() {
  const id = Number(useParams().id);
  const { detail, status, error, load } = useAccountStore();
  const asOf = useAppStore((s) => s.info?.asOf) ?? '';
  const navigate = useNavigate();

  useEffect(() => {
    if (Number.isInteger(id) && id > 0) void load(id);
  }, [id, load]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape' && !(event.target as HTMLElement).closest('input, textarea')) navigate('/portfolio');
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  if (status === 'error') {
    return (
      <div className="screen">
        <EmptyState title="This account could not be shown" actions={<Link to="/portfolio">Back to the portfolio</Link>}>
          <p>{error}</p>
        </EmptyState>
      </div>
    );
  }
  if (!detail || detail.account.id !== id) return <div className="screen"><p className="muted">Loading…</p></div>;

  const { account, contacts, touches } = detail;
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  return (
    <div className="screen account">
      <nav className="crumbs">
        <Link to="/portfolio">Portfolio</Link> <span aria-hidden="true">›</span>
      </nav>
      <header className="screen-header">
        <div>
          <h1>{account.name}</h1>
          <p className="muted">
            {labelOf(account.segment)} · {labelOf(account.stage)}
            {account.industry ? ` · ${account.industry}` : ''}
            {account.externalId ? ` · ${account.externalId}` : ''}
          </p>
        </div>
        <dl className="facts">
          <div>
            <dt>ARR</dt>
            <dd>{formatMoney(account.mrrCents * 12, account.currency, true)}</dd>
          </div>
          <div>
            <dt>MRR</dt>
            <dd>{formatMoney(account.mrrCents, account.currency, true)}</dd>
          </div>
          <div>
            <dt>Renewal</dt>
            <dd>
              {account.renewalDate ?? '—'}{' '}
              {account.renewalDate && <span className="muted">{formatCountdown(account.renewalDate, asOf)}</span>}
            </dd>
          </div>
          <div>
            <dt>Seats</dt>
            <dd>{account.seats ?? '—'}</dd>
          </div>
        </dl>
      </header>
      <div className="columns">
        <section className="panel">
          <h2>Contacts ({contacts.length})</h2>
          {contacts.length === 0 ? (
            <p className="muted">No contacts yet.</p>
          ) : (
            <ul className="plain-list">
              {contacts.map((c) => (
                <li key={c.id} className={c.leftOn ? 'left-company' : undefined}>
                  <strong>{c.name}</strong> <span className="muted">{c.title ?? labelOf(c.level)}</span>
                  <div className="muted small">
                    {labelOf(c.level)} · {c.isUser ? 'front-line user · ' : ''}
                    {STRENGTH_LABELS[c.strength]} relationship
                    {c.role ? ` · ${labelOf(c.role)}` : ''}
                    {c.leftOn ? ` · left ${c.leftOn}` : ''}
                    {c.lastTouchAt ? ` · last touch ${c.lastTouchAt.slice(0, 10)}` : ''}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel">
          <h2>Touches ({touches.length})</h2>
          {touches.length === 0 ? (
            <p className="muted">No touches logged yet.</p>
          ) : (
            <ul className="plain-list">
              {touches.slice(0, 50).map((t) => (
                <li key={t.id}>
                  <span className="muted small">
                    {t.occurredAt.slice(0, 10)} · {labelOf(t.type)}
                    {t.contactIds.length ? ` · ${t.contactIds.map((cid) => names.get(cid)).join(', ')}` : ''}
                  </span>
                  <div>{t.summary}</div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {account.notes && (
        <section className="panel">
          <h2>Notes</h2>
          <p className="notes">{account.notes}</p>
        </section>
      )}
    </div>
  );
}
