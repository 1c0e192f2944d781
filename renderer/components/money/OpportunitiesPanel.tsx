// Expansion on the account page: what the signals suggest (create it, or dismiss the suggestion —
// nothing is created silently), the open opportunities (stage, ARR, expected close; won writes the
// expansion event, lost closes it), and the closed ones.
import { useState } from 'react';
import type { AccountMoney, ExpansionSignalView, OpportunityView } from '../../../shared/contracts/money';
import type { OpportunitySource } from '../../../shared/domain';
import { labelOf } from '../../../shared/format';
import { useMoneyStore } from '../../stores/money';
import { centsText, money, readAmount } from './format';
import { DateInput } from '../DateInput';

const OPEN_STAGES = ['identified', 'qualified', 'proposed'] as const;
type OpenStage = (typeof OPEN_STAGES)[number];

interface Draft {
  title: string;
  arr: string;
  stage: OpenStage;
  expectedClose: string;
  source: OpportunitySource;
}
const EMPTY: Draft = { title: '', arr: '', stage: 'identified', expectedClose: '', source: 'manual' };

export function SignalList({ signals, onCreate, showAccount = false }: { signals: ExpansionSignalView[]; onCreate(s: ExpansionSignalView): void; showAccount?: boolean }) {
  const dismiss = useMoneyStore((s) => s.dismissSignal);
  return (
    <ul className="signal-list" aria-label="Suggested opportunities">
      {signals.map((s) => (
        <li key={`${s.accountId}:${s.source}:${s.since}`}>
          <span className={`signal-source src-${s.source}`}>{labelOf(s.source)}</span>
          <span className="signal-reason">
            {showAccount && <strong>{s.name}: </strong>}
            {s.reason}
          </span>
          <span className="row-actions tight">
            <button type="button" className="small-button" onClick={() => onCreate(s)}>
              Create opportunity
            </button>
            <button type="button" className="link-button small" onClick={() => void dismiss(s)} aria-label={`Dismiss the ${labelOf(s.source).toLowerCase()} suggestion for ${s.name}`}>
              Dismiss
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function OpportunitiesPanel({ data }: { data: AccountMoney }) {
  const { change } = useMoneyStore();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [showClosed, setShowClosed] = useState(false);
  const c = data.currency;
  const open = data.opportunities.filter((o) => OPEN_STAGES.includes(o.stage as OpenStage));
  const closed = data.opportunities.filter((o) => !OPEN_STAGES.includes(o.stage as OpenStage));
  const churned = data.stage === 'churned';
  const pipeline = open.reduce((s, o) => s + o.arrCents, 0);
  const fromSignal = (s: ExpansionSignalView) => setDraft({ ...EMPTY, title: s.title, arr: centsText(s.arrCents), source: s.source });

  return (
    <section className="panel money-panel" aria-labelledby="opps-h">
      <div className="panel-head">
        <h2 id="opps-h">Expansion</h2>
        <div className="row-actions tight">
          {open.length > 0 && <span className="muted small">{money(pipeline, c)} ARR open</span>}
          <button type="button" className="small-button" disabled={churned} onClick={() => setDraft(draft ? null : { ...EMPTY })}>
            {draft ? 'Cancel' : 'Add opportunity'}
          </button>
        </div>
      </div>
      {data.signals.length > 0 && !churned && (
        <>
          <p className="muted small signal-head">Suggested by what the account shows — create one, or dismiss:</p>
          <SignalList signals={data.signals} onCreate={fromSignal} />
        </>
      )}
      {draft && (
        <OpportunityForm
          draft={draft}
          onChange={setDraft}
          onCancel={() => setDraft(null)}
          onSave={async (d, cents) => {
            const ok = await change('opportunities.create', {
              accountId: data.accountId,
              title: d.title.trim(),
              arrCents: cents,
              stage: d.stage,
              expectedClose: d.expectedClose || null,
              source: d.source,
            });
            if (ok) setDraft(null);
          }}
        />
      )}
      {open.length === 0 && !draft && data.signals.length === 0 && <p className="muted small">No open opportunity.</p>}
      {open.length > 0 && (
        <ul className="opp-list" aria-label="Open opportunities">
          {open.map((o) => (
            <OpenOpportunity key={o.id} o={o} currency={c} asOf={data.asOf} />
          ))}
        </ul>
      )}
      {closed.length > 0 && (
        <>
          <button type="button" className="link-button small" onClick={() => setShowClosed((v) => !v)}>
            {showClosed ? 'Hide' : 'Show'} {closed.length} closed
          </button>
          {showClosed && (
            <ul className="opp-list closed" aria-label="Closed opportunities">
              {closed.map((o) => (
                <li key={o.id}>
                  <span className={`opp-stage stage-${o.stage}`}>{labelOf(o.stage)}</span>
                  <span className="opp-title">{o.title}</span>
                  <span className="num">{money(o.arrCents, c)}</span>
                  <span className="muted small">{o.closedOn}</span>
                  {o.stage !== 'won' && (
                    <button type="button" className="link-button small danger" onClick={() => void change('opportunities.delete', { id: o.id })}>
                      Delete
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function OpenOpportunity({ o, currency, asOf }: { o: OpportunityView; currency: string; asOf: string }) {
  const { change } = useMoneyStore();
  const [draft, setDraft] = useState<Draft | null>(null);
  if (draft) {
    return (
      <li data-opportunity={o.id} className="editing">
        <OpportunityForm
          draft={draft}
          label={`Edit ${o.title}`}
          onChange={setDraft}
          onCancel={() => setDraft(null)}
          onSave={async (d, cents) => {
            const patch = { title: d.title.trim(), arrCents: cents, stage: d.stage, expectedClose: d.expectedClose || null };
            if (await change('opportunities.update', { id: o.id, patch })) setDraft(null);
          }}
        />
      </li>
    );
  }
  return (
    <li data-opportunity={o.id}>
      <select
        aria-label={`Stage of ${o.title}`}
        className="opp-stage-select"
        value={o.stage}
        onChange={(e) => void change('opportunities.update', { id: o.id, patch: { stage: e.target.value as OpenStage } })}
      >
        {OPEN_STAGES.map((s) => (
          <option key={s} value={s}>
            {labelOf(s)}
          </option>
        ))}
      </select>
      <span className="opp-title">
        {o.title}
        <span className="muted small">
          {[o.expectedClose ? `close ${o.expectedClose}` : '', o.source !== 'manual' ? `from ${labelOf(o.source).toLowerCase()}` : ''].filter(Boolean).join(' · ')}
        </span>
      </span>
      <span className="num">{money(o.arrCents, currency)}</span>
      <span className="row-actions tight">
        <button type="button" className="small-button won" onClick={() => void change('opportunities.win', { id: o.id, date: asOf })} title="Writes an expansion of ARR ÷ 12 MRR today">
          Won
        </button>
        <button type="button" className="small-button" onClick={() => void change('opportunities.lose', { id: o.id, date: asOf })}>
          Lost
        </button>
        <button
          type="button"
          className="link-button small"
          aria-label={`Edit ${o.title}`}
          onClick={() => setDraft({ title: o.title, arr: centsText(o.arrCents), stage: o.stage as OpenStage, expectedClose: o.expectedClose ?? '', source: o.source })}
        >
          Edit
        </button>
        <button type="button" className="link-button small danger" aria-label={`Delete ${o.title}`} onClick={() => void change('opportunities.delete', { id: o.id })}>
          Delete
        </button>
      </span>
    </li>
  );
}

function OpportunityForm({
  draft,
  label = 'New opportunity',
  onChange,
  onSave,
  onCancel,
}: {
  draft: Draft;
  label?: string;
  onChange(d: Draft): void;
  onSave(d: Draft, arrCents: number): Promise<void>;
  onCancel(): void;
}) {
  const read = draft.arr.trim() ? readAmount(draft.arr, 'ARR') : { cents: 0 };
  const ok = draft.title.trim().length > 0 && read.cents !== undefined;
  return (
    <form
      className="event-form opp-form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) void onSave(draft, read.cents!);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <input aria-label="Title" className="grow" autoFocus placeholder="What the customer would buy" value={draft.title} onChange={(e) => onChange({ ...draft, title: e.target.value })} />
      <input aria-label="ARR" inputMode="decimal" placeholder="ARR, e.g. 12,000" value={draft.arr} onChange={(e) => onChange({ ...draft, arr: e.target.value })} />
      <select aria-label="Stage" value={draft.stage} onChange={(e) => onChange({ ...draft, stage: e.target.value as OpenStage })}>
        {OPEN_STAGES.map((s) => (
          <option key={s} value={s}>
            {labelOf(s)}
          </option>
        ))}
      </select>
      <DateInput aria-label="Expected close" value={draft.expectedClose} onChange={(e) => onChange({ ...draft, expectedClose: e.target.value })} />
      <button type="submit" className="primary small-button" disabled={!ok}>
        Save
      </button>
      {read.error && <p className="form-error small wide">{read.error}</p>}
    </form>
  );
}
