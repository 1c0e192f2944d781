// The account's revenue history: MRR now and over time (a step chart of the revenue events), every
// event with where it came from, and add / edit / delete by hand (each with Undo in the banner).
// Change MRR asks whether the change is an expansion, a contraction or a correction.
import { useState } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AccountMoney, RevenueEventView } from '../../../shared/contracts/money';
import { labelOf } from '../../../shared/format';
import { REVENUE_SOURCE_WORDS } from '../../../shared/money/words';
import { useThemeColors } from '../account/useThemeColors';
import { useMoneyStore } from '../../stores/money';
import { centsText, money, readAmount, signed } from './format';
import { DateInput } from '../DateInput';
import { lineSummary } from '../charts/summaries';

const EDITABLE_KINDS = ['new', 'expansion', 'contraction', 'renewal'] as const;
type EditableKind = (typeof EDITABLE_KINDS)[number];
const SHOWN = 8;

interface Draft {
  date: string;
  kind: EditableKind;
  amount: string;
  note: string;
}

export function RevenuePanel({ data, name, onChangeMrr }: { data: AccountMoney; name: string; onChangeMrr(): void }) {
  const { change } = useMoneyStore();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const [all, setAll] = useState(false);
  const c = data.currency;
  const churned = data.stage === 'churned';
  const shown = all ? data.events : data.events.slice(0, SHOWN);

  return (
    <section className="panel money-panel" aria-labelledby="revenue-h">
      <div className="panel-head">
        <h2 id="revenue-h">Revenue</h2>
        <div className="row-actions tight">
          <button type="button" className="small-button" onClick={onChangeMrr} disabled={churned} title={churned ? 'Bring the account back first' : 'Expansion, contraction or correction'}>
            Change MRR
          </button>
          <button type="button" className="small-button" onClick={() => setAdding((v) => !v)} disabled={churned}>
            {adding ? 'Cancel' : 'Add event'}
          </button>
        </div>
      </div>
      <div className="money-now">
        <div>
          <span className="money-big">{money(data.mrrCents, c)}</span> <span className="muted small">MRR</span>
        </div>
        <div className="muted small">{money(data.mrrCents * 12, c)} ARR</div>
      </div>
      <MrrChart series={data.series} asOf={data.asOf} currency={c} />
      {data.impliedOpening && data.impliedOpening.mrrCents > 0 && (
        <p className="muted small money-note">
          No revenue events yet: the metrics count {money(data.impliedOpening.mrrCents, c)} MRR from {data.impliedOpening.date} (contract start, else the day the account was
          added). The first money change puts it on record.
        </p>
      )}
      {data.ledgerMrrCents !== data.mrrCents && (
        <p className="money-warning small" role="note">
          The revenue history adds up to {money(data.ledgerMrrCents, c)} MRR but the account says {money(data.mrrCents, c)} (an import set one and not the other). The metrics
          follow the history; change the MRR as a correction to make them agree.
        </p>
      )}
      {adding && (
        <EventForm
          initial={{ date: data.asOf, kind: 'expansion', amount: '', note: '' }}
          asOf={data.asOf}
          onCancel={() => setAdding(false)}
          onSave={async (d, cents) => {
            const ok = await change('revenue.add', { accountId: data.accountId, date: d.date, kind: d.kind, amountCents: cents, note: d.note.trim() || undefined });
            if (ok) setAdding(false);
            return ok;
          }}
        />
      )}
      {data.events.length === 0 ? (
        !adding && <p className="muted small">Nothing recorded yet.</p>
      ) : (
        <ol className="revenue-list" aria-label={`Revenue events of ${name}`}>
          {shown.map((e) =>
            editing === e.id ? (
              <li key={e.id}>
                <EventForm
                  initial={{ date: e.date, kind: e.kind === 'churn' ? 'contraction' : e.kind, amount: centsText(Math.abs(e.mrrDeltaCents)), note: e.note }}
                  churn={e.kind === 'churn'}
                  asOf={data.asOf}
                  onCancel={() => setEditing(null)}
                  onSave={async (d, cents) => {
                    const patch = e.kind === 'churn' ? { date: d.date, note: d.note } : { date: d.date, kind: d.kind, amountCents: cents, note: d.note };
                    const ok = await change('revenue.update', { id: e.id, patch });
                    if (ok) setEditing(null);
                    return ok;
                  }}
                />
              </li>
            ) : (
              <EventRow key={e.id} event={e} currency={c} onEdit={() => setEditing(e.id)} onDelete={() => void change('revenue.delete', { id: e.id })} canDelete={!(e.kind === 'churn' && churned)} />
            ),
          )}
        </ol>
      )}
      {data.events.length > SHOWN && (
        <button type="button" className="link-button small" onClick={() => setAll((v) => !v)}>
          {all ? 'Show fewer' : `Show all ${data.events.length} events`}
        </button>
      )}
    </section>
  );
}

function EventRow({ event: e, currency, onEdit, onDelete, canDelete }: { event: RevenueEventView; currency: string; onEdit(): void; onDelete(): void; canDelete: boolean }) {
  const label = `${labelOf(e.kind)} ${signed(e.mrrDeltaCents, currency)} on ${e.date}`;
  return (
    <li className="revenue-row" data-kind={e.kind}>
      <span className="tl-date">{e.date}</span>
      <span className={`kind-chip kind-${e.kind}`}>{labelOf(e.kind)}</span>
      <span className={`num rev-delta ${e.mrrDeltaCents > 0 ? 'up' : e.mrrDeltaCents < 0 ? 'down' : ''}`}>{signed(e.mrrDeltaCents, currency)}</span>
      <span className="num muted small">→ {money(e.mrrAfterCents, currency)}</span>
      <span className="revenue-why muted small">{[e.source ? REVENUE_SOURCE_WORDS[e.source] : e.importBatchId ? 'imported' : '', e.note].filter(Boolean).join(' · ')}</span>
      <span className="tl-actions">
        <button type="button" className="link-button small" aria-label={`Edit ${label}`} onClick={onEdit}>
          Edit
        </button>
        {canDelete && (
          <button type="button" className="link-button small danger" aria-label={`Delete ${label}`} onClick={onDelete}>
            Delete
          </button>
        )}
      </span>
    </li>
  );
}

function EventForm({
  initial,
  asOf,
  churn = false,
  onSave,
  onCancel,
}: {
  initial: Draft;
  asOf: string;
  churn?: boolean;
  onSave(draft: Draft, cents: number): Promise<boolean>;
  onCancel(): void;
}) {
  const [d, setD] = useState(initial);
  const read = churn ? { cents: 0 } : readAmount(d.amount, 'Amount', d.kind === 'renewal');
  const submit = () => {
    if (read.cents !== undefined) void onSave(d, read.cents);
  };
  return (
    <form
      className="event-form"
      aria-label={churn ? 'Edit the churn event' : 'Revenue event'}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <DateInput aria-label="Date" value={d.date} max={asOf} onChange={(e) => setD({ ...d, date: e.target.value })} />
      {!churn && (
        <>
          <select aria-label="Kind" value={d.kind} onChange={(e) => setD({ ...d, kind: e.target.value as EditableKind })}>
            {EDITABLE_KINDS.map((k) => (
              <option key={k} value={k}>
                {labelOf(k)}
              </option>
            ))}
          </select>
          <input aria-label="MRR change" inputMode="decimal" placeholder="MRR change, e.g. 250" value={d.amount} onChange={(e) => setD({ ...d, amount: e.target.value })} autoFocus />
        </>
      )}
      <input aria-label="Note" placeholder="Note" value={d.note} onChange={(e) => setD({ ...d, note: e.target.value })} className="grow" />
      <button type="submit" className="primary small-button" disabled={read.cents === undefined}>
        Save
      </button>
      <button type="button" className="small-button" onClick={onCancel}>
        Cancel
      </button>
      {read.error && d.amount.trim() && <p className="form-error small wide">{read.error}</p>}
      {!churn && <p className="muted small wide">New and expansion add MRR, contraction removes it, a renewal keeps the sign you type.</p>}
    </form>
  );
}

function MrrChart({ series, asOf, currency }: { series: AccountMoney['series']; asOf: string; currency: string }) {
  const colors = useThemeColors();
  if (!series.length) return null;
  const last = series[series.length - 1];
  const data = last.date < asOf ? [...series, { date: asOf, mrrCents: last.mrrCents }] : series;
  return (
    <div className="chart" role="img" aria-label={lineSummary('MRR over time', data.map((p) => ({ date: p.date, value: p.mrrCents })), (v) => money(v, currency))}>
      <ResponsiveContainer width="100%" height={120}>
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 4 }}>
          <CartesianGrid stroke={colors.border} vertical={false} />
          <XAxis dataKey="date" tick={{ fill: colors.muted, fontSize: 10 }} tickFormatter={(d: string) => d.slice(2, 7)} minTickGap={24} stroke={colors.border} />
          <YAxis
            width={56}
            tick={{ fill: colors.muted, fontSize: 10 }}
            stroke={colors.border}
            tickFormatter={(v: number) => (v >= 100_000 ? `${Math.round(v / 100_000)}k` : String(Math.round(v / 100)))}
          />
          <Tooltip
            formatter={(v) => [money(Number(v), currency), 'MRR']}
            contentStyle={{ background: colors.surface, border: `1px solid ${colors.border}`, borderRadius: 8, fontSize: 12 }}
            labelStyle={{ color: colors.muted }}
            itemStyle={{ color: colors.text }}
          />
          <Line type="stepAfter" dataKey="mrrCents" name="MRR" stroke={colors.accent} strokeWidth={1.8} dot={{ r: 2 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
