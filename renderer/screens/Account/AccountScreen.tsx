// One account: the header (ARR, stage, renewal countdown, score + band + confidence), the score
// explained component by component, what changed, the trend, flags with actions, tasks, success
// goals, the relationship map, the timeline, metric charts, details and notes — all editable inline.
import { useEffect, useState } from 'react';
import { BriefPanel } from '../../components/brief/BriefPanel';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { addDays } from '../../../shared/dates';
import { SEGMENTS, STAGES, type Stage } from '../../../shared/domain';
import { formatCountdown, formatMoney, labelOf } from '../../../shared/format';
import { EmptyState } from '../../components/EmptyState';
import { FlagsPanel } from '../../components/account/FlagsPanel';
import { SnoozeChoices } from '../../components/account/SnoozeChoices';
import { AccountMoney, changeStage, openChangeMrr } from '../../components/money/AccountMoney';
import { Goals } from '../../components/account/Goals';
import { InlineField } from '../../components/account/InlineField';
import { RelationshipMap } from '../../components/account/RelationshipMap';
import { NoDataScore, ScoreExplained } from '../../components/account/ScoreExplained';
import { TriageCasePanel } from '../../components/account/TriageCasePanel';
import { Timeline } from '../../components/account/Timeline';
import { MetricChart, TrendChart } from '../../components/account/TrendChart';
import { WhatChanged } from '../../components/account/WhatChanged';
import type { AccountPage, OpenTask } from '../../../shared/contracts/account-page';
import { AccountDomainsField } from '../../components/capture/AccountCapture';
import { useAccountStore } from '../../stores/account';
import { useCaptureStore } from '../../stores/capture';
import { useReportStore } from '../../stores/report';
import './account.css';
import { isDialogOpen } from '../../components/Dialog';
import { DateInput } from '../../components/DateInput';

const stageOptions = STAGES.map((s) => ({ value: s, label: labelOf(s) }));
const segmentOptions = SEGMENTS.map((s) => ({ value: s, label: labelOf(s) }));
const mod = typeof navigator !== 'undefined' && navigator.platform.toLowerCase().includes('mac') ? '⌘' : 'Ctrl+';

/** Why it is in triage, in one sentence: the flags that put it there first (shared/scoring/triage-reasons.ts). */
function triageWhy(reasons: AccountPage['triageReasons']): string {
  const parts = reasons.map((r) =>
    r.kind === 'flag'
      ? `${r.severity} flag ${labelOf(r.rule)}: ${r.reason.replace(/[.\s]+$/, '')}`
      : r.kind === 'score'
        ? `its health score is at risk (${r.score ?? '—'})`
        : 'its stage is triage',
  );
  return parts.length ? parts.join('; ') : 'an emergency or high flag, or an at-risk score';
}

export function AccountScreen() {
  const id = Number(useParams().id);
  const [search] = useSearchParams();
  const focusTouch = search.get('touch');
  const focusContact = Number(search.get('contact')) || null;
  const store = useAccountStore();
  const { page, status, error, load } = store;
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const backTo = from === '/today' ? '/today' : '/portfolio';
  const openCapture = useCaptureStore((s) => s.show);
  const openExport = useReportStore((s) => s.openExport);
  const exportingQbr = useReportStore((s) => s.exporting);
  // ?brief=1 (Today's meetings) opens the account with its brief.
  const [briefOpen, setBriefOpen] = useState(search.get('brief') === '1');

  useEffect(() => {
    if (Number.isInteger(id) && id > 0) void load(id);
  }, [id, load]);

  // A search hit on a touch older than those loaded: load every touch once, so it can be shown.
  const wantsOlder =
    !!page && !!focusTouch && page.detail.account.id === id && page.touchCount > page.detail.touches.length &&
    !page.detail.touches.some((t) => String(t.id) === focusTouch);
  useEffect(() => {
    if (wantsOlder) void load(id, Math.min(page!.touchCount, 100_000));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wantsOlder]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if ((event.target as HTMLElement).closest('input, textarea, select, dialog, [role="dialog"]')) return;
      if (isDialogOpen() || document.querySelector('[role="dialog"]')) return;
      // Back where it was opened from (Today keeps its selection in its store), else the portfolio.
      navigate(backTo);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, backTo]);

  // b: the brief before a call (SPEC "Trends and the account brief").
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'b' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if ((event.target as HTMLElement).closest('input, textarea, select, [contenteditable="true"]')) return;
      if (document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      setBriefOpen(true);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => setBriefOpen(search.get('brief') === '1'), [id, search]);

  if (status === 'error') {
    return (
      <div className="screen">
        <EmptyState title="This account could not be shown" actions={<Link to="/portfolio">Back to the portfolio</Link>}>
          <p>{error}</p>
        </EmptyState>
      </div>
    );
  }
  if (!page || page.detail.account.id !== id) return <div className="screen"><p className="muted">Loading…</p></div>;

  const { account, contacts } = page.detail;
  const { health, asOf } = page;
  const renewalDays = account.renewalDate ? Math.round((Date.parse(account.renewalDate) - Date.parse(asOf)) / 86_400_000) : null;
  const money = (cents: number) => formatMoney(cents, account.currency, true);

  return (
    <div className="screen account-page">
      <nav className="crumbs">
        <Link to="/portfolio">Portfolio</Link> <span aria-hidden="true">›</span> <span className="muted">{account.name}</span>
      </nav>
      <header className="acct-header">
        <div className="acct-title">
          <h1>{account.name}</h1>
          <p className="muted">
            <span className={`stage stage-${account.stage}`}>{labelOf(account.stage)}</span> {labelOf(account.segment)}
            {account.industry ? ` · ${account.industry}` : ''}
            {account.externalId ? ` · ${account.externalId}` : ''}
            {account.archived ? ' · archived' : ''}
          </p>
        </div>
        <dl className="acct-facts">
          <div>
            <dt>ARR</dt>
            <dd>{money(account.mrrCents * 12)}</dd>
          </div>
          <div>
            <dt>Renewal</dt>
            <dd className={renewalDays !== null && renewalDays >= 0 && renewalDays <= 90 ? 'soon' : undefined}>
              {account.renewalDate ? formatCountdown(account.renewalDate, asOf) : '—'}
              {account.renewalDate && <span className="muted small"> {account.renewalDate}</span>}
            </dd>
          </div>
          <div className="score-fact" aria-label="Health score">
            <dt>Health</dt>
            <dd>
              {health?.score === null ? (
                <NoDataScore />
              ) : health ? (
                <>
                  <span className={`score-big band-${health.band}`}>{health.score}</span>
                  <span className="score-side">
                    <span className={`band-word band-text-${health.band}`}>{labelOf(health.band)}</span>
                    <span className="muted small">confidence {Math.round(health.confidence * 100)}%</span>
                  </span>
                </>
              ) : (
                '—'
              )}
            </dd>
          </div>
        </dl>
        <div className="acct-actions">
          <button type="button" onClick={() => setBriefOpen(true)} title="The one-page brief before a call (b)">
            Brief <kbd>b</kbd>
          </button>
          <button type="button" disabled={exportingQbr} onClick={() => openExport(account.id)} title="Choose the period; with score, flags, relationships and notes">
            {exportingQbr ? 'Exporting…' : 'Export QBR…'}
          </button>
          <button type="button" disabled={exportingQbr} onClick={() => openExport(account.id, 'customer')} title="Only what you share with the customer: usage, support, goals, meetings and shared next steps">
            Customer copy…
          </button>
          {!account.archived && (
            <button type="button" className="quiet" onClick={() => void store.archive(true)} title="Hide it from the portfolio, Today and the metrics">
              Archive
            </button>
          )}
          <button type="button" className="primary" onClick={() => openCapture(account.id)}>
            Log touch <kbd className="on-accent">{mod}L</kbd>
          </button>
        </div>
      </header>
      {briefOpen && <BriefPanel accountId={account.id} onClose={() => setBriefOpen(false)} />}

      {account.archived && (
        <div className="triage-banner archived-banner" role="status">
          <span>
            <strong>This account is archived</strong> — it is kept with all its history but left out of the portfolio, Today
            and the metrics.
          </span>
          <button type="button" onClick={() => void store.archive(false)}>
            Unarchive
          </button>
        </div>
      )}

      {page.suggestTriage && (
        <div className="triage-banner" role="status">
          <span>
            <strong>This account is in triage</strong> — {triageWhy(page.triageReasons)}. Move it to stage triage so it gets the attention it needs?
          </span>
          <button type="button" onClick={() => void store.updateAccount({ stage: 'triage' })}>
            Move to triage
          </button>
        </div>
      )}

      <TriageCasePanel accountId={account.id} stage={account.stage} archived={account.archived} refresh={page} />

      <div className="acct-grid two-wide">
        <section className="panel" aria-labelledby="score-h">
          <div className="panel-head">
            <h2 id="score-h">Score explained</h2>
            {health && <span className="muted small">as of {health.date}</span>}
          </div>
          {health ? <ScoreExplained health={health} asOf={asOf} /> : <p className="muted">Not scored yet.</p>}
        </section>
        <section className="panel" aria-label="Trend and changes">
          <WhatChanged d7={page.changes.d7} d30={page.changes.d30} />
          <div className="panel-head trend-head">
            <h2>Health trend</h2>
            {page.settingsChanges.length > 0 && <span className="muted small legend-settings">│ settings changed</span>}
          </div>
          <TrendChart trend={page.trend} settingsChanges={page.settingsChanges} height={150} />
        </section>
      </div>

      <div className="acct-grid">
        <FlagsPanel
          flags={page.flags}
          asOf={asOf}
          onResolve={(fid) => void store.resolveFlag(fid)}
          onSnooze={(fid, until) => void store.snoozeFlag(fid, until)}
          accountName={account.name}
          onTask={(title, due, flagId) => store.createTask(title, due, flagId)}
        />
        <Tasks
          tasks={page.tasks}
          asOf={asOf}
          onAdd={store.createTask}
          onDone={(tid) => void store.completeTask(tid)}
          onShare={(tid, shared) => void store.shareTask(tid, shared)}
          onSnooze={(tid, until) => void store.snoozeTask(tid, until)}
        />
      </div>

      <AccountMoney account={account} contacts={contacts} />

      <RelationshipMap
        contacts={contacts}
        asOf={asOf}
        focusId={focusContact}
        onUpdate={store.updateContact}
        onAdd={(input) => store.addContact(input)}
        onDelete={(contact) => void store.deleteContact(contact)}
      />

      <div className="acct-grid two-wide">
        <Timeline
          items={page.timeline}
          touches={page.detail.touches}
          contacts={contacts}
          focusKey={focusTouch ? `touch:${focusTouch}` : null}
          olderTouches={page.touchCount - page.detail.touches.length}
          onLoadOlder={() => void store.loadOlderTouches()}
          onEditTouch={store.editTouch}
          onDeleteTouch={(touch) => void store.deleteTouch(touch)}
        />
        <div className="side-stack">
          <Goals goals={page.goals} onCreate={store.createGoal} onUpdate={store.updateGoal} />
          <section className="panel" aria-labelledby="metrics-h">
            <h2 id="metrics-h">Adoption</h2>
            <MetricChart data={page.metrics.adoption} label="Adoption %" domain={[0, 100]} />
            <h2 className="second">Open tickets</h2>
            <MetricChart data={page.metrics.openTickets} label="Open tickets" />
          </section>
          <section className="panel details" aria-labelledby="details-h">
            <h2 id="details-h">Details</h2>
            <InlineField label="Stage" value={account.stage} display={labelOf(account.stage)} options={stageOptions} onSave={(v) => changeStage(account, v as Stage)} />
            <InlineField label="Segment" value={account.segment} display={labelOf(account.segment)} options={segmentOptions} onSave={(v) => store.updateAccount({ segment: v as never })} />
            <div className="inline-field">
              <span className="inline-label">MRR</span>
              <button type="button" className="inline-value" onClick={() => openChangeMrr(account)} title="Expansion, contraction or correction" disabled={account.stage === 'churned'}>
                {money(account.mrrCents)}
              </button>
            </div>
            <InlineField label="Renewal date" value={account.renewalDate ?? ''} type="date" onSave={(v) => store.updateAccount({ renewalDate: v || null })} />
            <InlineField label="Contract start" value={account.contractStart ?? ''} type="date" onSave={(v) => store.updateAccount({ contractStart: v || null })} />
            <InlineField label="Seats" value={account.seats === null ? '' : String(account.seats)} type="number" onSave={(v) => store.updateAccount({ seats: v === '' ? null : Math.max(0, Math.round(Number(v))) })} />
            <InlineField label="Industry" value={account.industry ?? ''} onSave={(v) => store.updateAccount({ industry: v || null })} />
            <InlineField label="Website" value={account.website ?? ''} onSave={(v) => store.updateAccount({ website: v || null })} />
            <AccountDomainsField account={account} contacts={contacts} />
            <InlineField label="External id" value={account.externalId ?? ''} onSave={(v) => store.updateAccount({ externalId: v || null })} />
            {Object.entries(account.customFields).map(([key, value]) => (
              <div className="inline-field" key={key}>
                <span className="inline-label">{key}</span>
                <span className="inline-static">{value}</span>
              </div>
            ))}
          </section>
          <Notes notes={account.notes} onSave={(notes) => store.updateAccount({ notes })} />
        </div>
      </div>
    </div>
  );
}

function Tasks({
  tasks,
  asOf,
  onAdd,
  onDone,
  onShare,
  onSnooze,
}: {
  tasks: OpenTask[];
  asOf: string;
  onAdd(title: string, due: string): Promise<boolean>;
  onDone(id: number): void;
  onShare(id: number, shared: boolean): void;
  onSnooze(id: number, until: string): void;
}) {
  const [title, setTitle] = useState('');
  const [snoozing, setSnoozing] = useState<number | null>(null);
  const [due, setDue] = useState(addDays(asOf, 1));
  return (
    <section className="panel" aria-labelledby="tasks-h">
      <h2 id="tasks-h">Open tasks ({tasks.length})</h2>
      <form
        className="task-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (title.trim() && (await onAdd(title.trim(), due))) setTitle('');
        }}
      >
        <input aria-label="New task" placeholder="Add a task…" value={title} onChange={(e) => setTitle(e.target.value)} />
        <DateInput aria-label="Task due" value={due} onChange={(e) => setDue(e.target.value)} />
        <button type="submit" className="small-button">
          Add
        </button>
      </form>
      {tasks.length === 0 ? (
        <p className="muted small">Nothing open.</p>
      ) : (
        <ul className="task-list">
          {tasks.slice(0, 8).map((t) => (
            <li key={t.id}>
              <input type="checkbox" aria-label={`Done: ${t.title}`} onChange={() => onDone(t.id)} />
              <span className="task-title">{t.title}</span>
              {t.snoozedUntil && t.snoozedUntil > asOf ? (
                <span className="small muted">snoozed until {t.snoozedUntil}</span>
              ) : (
                <span className={`small ${t.due < asOf ? 'overdue' : 'muted'}`}>{t.due < asOf ? formatCountdown(t.due, asOf).replace(' ago', ' overdue') : formatCountdown(t.due, asOf)}</span>
              )}
              {!t.fromFlag && (t.source === 'manual' || t.source === 'follow_up') && (
                <button
                  type="button"
                  className={`share-toggle small-button${t.shared ? ' on' : ''}`}
                  aria-pressed={t.shared}
                  title={t.shared ? 'Shown as a next step in the customer copy of the QBR' : 'Show it as a next step in the customer copy of the QBR'}
                  onClick={() => onShare(t.id, !t.shared)}
                >
                  {t.shared ? 'Shared' : 'Share'}
                </button>
              )}
              <button
                type="button"
                className="small-button task-snooze"
                aria-expanded={snoozing === t.id}
                aria-label={`Snooze: ${t.title}`}
                onClick={() => setSnoozing(snoozing === t.id ? null : t.id)}
              >
                Snooze…
              </button>
              {snoozing === t.id && (
                <div className="task-snooze-choices">
                  <SnoozeChoices
                    asOf={asOf}
                    label={`Snooze ${t.title}`}
                    onSnooze={(until) => {
                      setSnoozing(null);
                      onSnooze(t.id, until);
                    }}
                  />
                </div>
              )}
            </li>
          ))}
          {tasks.length > 8 && <li className="muted small">and {tasks.length - 8} more in Today</li>}
        </ul>
      )}
    </section>
  );
}

function Notes({ notes, onSave }: { notes: string; onSave(notes: string): Promise<boolean> }) {
  const [draft, setDraft] = useState(notes);
  useEffect(() => setDraft(notes), [notes]);
  return (
    <section className="panel" aria-labelledby="notes-h">
      <h2 id="notes-h">Notes</h2>
      <textarea className="notes-input" aria-label="Account notes" value={draft} onChange={(e) => setDraft(e.target.value)} rows={5} placeholder="What should you remember about this account?" />
      {draft !== notes && (
        <div className="row-actions">
          <button type="button" className="primary small-button" onClick={() => void onSave(draft)}>
            Save notes
          </button>
          <button type="button" className="small-button" onClick={() => setDraft(notes)}>
            Discard
          </button>
        </div>
      )}
    </section>
  );
}
