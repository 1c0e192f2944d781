// Renewals (Ctrl/⌘+5): every open renewal of the active book, soonest first — due date, ARR, the
// CSM's forecast and expected ARR (edited in place), health beside it, and a mark where the two
// disagree. Filter by window, by "no forecast yet" and by disagreement. Keyboard: ↑/↓ or j/k move,
// 1–4 set commit / likely / at risk / lost, 0 clears, c closes the renewal, Enter opens the account.
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { RenewalView } from '../../../shared/contracts/money';
import { FORECAST_CATEGORIES, type ForecastCategory } from '../../../shared/domain';
import { formatCountdown } from '../../../shared/format';
import { EmptyState } from '../../components/EmptyState';
import { money } from '../../components/money/format';
import { ExpectedArrField, ForecastPicker, HealthChip } from '../../components/money/RenewalPanel';
import { useMoneyStore } from '../../stores/money';
import '../../components/money/money.css';
import { isDialogOpen } from '../../components/Dialog';

const WINDOWS = [
  { key: 'overdue', label: 'Overdue' },
  { key: '30', label: '30 days' },
  { key: '90', label: '90 days' },
  { key: '180', label: '180 days' },
  { key: 'all', label: 'All' },
] as const;
type WindowKey = (typeof WINDOWS)[number]['key'];
/** Rows drawn at first (a book of thousands shows the soonest; more on request). */
const PAGE = 300;

function inWindow(r: RenewalView, w: WindowKey): boolean {
  if (w === 'overdue') return r.inDays < 0;
  if (w === 'all') return true;
  return r.inDays >= 0 && r.inDays <= Number(w);
}

export function RenewalsScreen() {
  const { renewals, loadRenewals, change, openDialog } = useMoneyStore();
  const navigate = useNavigate();
  const [win, setWin] = useState<WindowKey>('90');
  const [unforecast, setUnforecast] = useState(false);
  const [disagreeing, setDisagreeing] = useState(false);
  const [selected, setSelected] = useState(0);
  const [limit, setLimit] = useState(PAGE);

  useEffect(() => {
    void loadRenewals();
  }, [loadRenewals]);

  const rows = useMemo(
    () => (renewals?.renewals ?? []).filter((r) => inWindow(r, win) && (!unforecast || r.forecast === null) && (!disagreeing || r.disagreement !== null)),
    [renewals, win, unforecast, disagreeing],
  );
  const current = rows[Math.min(selected, rows.length - 1)] ?? null;
  const totals = useMemo(() => ({ arr: rows.reduce((s, r) => s + r.arrCents, 0), expected: rows.reduce((s, r) => s + (r.expectedArrCents ?? r.arrCents), 0) }), [rows]);
  const overdue = (renewals?.renewals ?? []).filter((r) => r.inDays < 0).length;

  useEffect(() => setSelected((i) => Math.min(i, Math.max(0, rows.length - 1))), [rows.length]);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || !current) return;
      if ((event.target as HTMLElement).closest('input, textarea, select, dialog') || isDialogOpen()) return;
      const key = event.key;
      // Enter on a focused button or link presses it (a keyboard user's "Close…"), not the row.
      if (key === 'Enter' && (event.target as HTMLElement).closest('button, a, summary')) return;
      const set = (forecast: ForecastCategory | null) => void change('renewals.update', { id: current.id, patch: { forecast } });
      if (key === 'ArrowDown' || key === 'j') setSelected((i) => Math.min(i + 1, Math.min(rows.length, limit) - 1));
      else if (key === 'ArrowUp' || key === 'k') setSelected((i) => Math.max(i - 1, 0));
      else if (key >= '1' && key <= '4') set(FORECAST_CATEGORIES[Number(key) - 1]);
      else if (key === '0') set(null);
      else if (key === 'c') openDialog({ kind: 'renewal', renewal: current, mrrCents: current.arrCents / 12 });
      else if (key === 'Enter') navigate(`/accounts/${current.accountId}`);
      else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, rows.length, limit, change, openDialog, navigate]);
  useEffect(() => {
    document.querySelector('.money-table tr.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <div className="screen renewals-screen">
      <header className="screen-header">
        <div>
          <h1>Renewals</h1>
          {renewals && (
            <p className="muted">
              {rows.length} renewal{rows.length === 1 ? '' : 's'} · {money(totals.arr)} ARR due · {money(totals.expected)} expected
              {overdue > 0 ? ` · ${overdue} overdue` : ''}
            </p>
          )}
        </div>
        <p className="key-hints muted small" aria-label="Keyboard">
          <kbd>↑↓</kbd> move <kbd>1</kbd>–<kbd>4</kbd> commit · likely · at risk · lost <kbd>0</kbd> clear <kbd>c</kbd> close <kbd>↵</kbd> open
        </p>
      </header>
      <div className="money-toolbar">
        <div className="segmented" role="group" aria-label="Due within">
          {WINDOWS.map((w) => (
            <button key={w.key} type="button" aria-pressed={win === w.key} className={win === w.key ? 'on' : ''} onClick={() => setWin(w.key)}>
              {w.label}
            </button>
          ))}
        </div>
        <label className="check">
          <input type="checkbox" checked={unforecast} onChange={(e) => setUnforecast(e.target.checked)} /> No forecast yet
        </label>
        <label className="check">
          <input type="checkbox" checked={disagreeing} onChange={(e) => setDisagreeing(e.target.checked)} /> Forecast and health disagree
        </label>
        <Link to="/forecast" className="small">
          See the forecast →
        </Link>
      </div>
      {!renewals ? (
        <p className="muted">Loading…</p>
      ) : rows.length === 0 ? (
        <EmptyState title={renewals.renewals.length ? 'No renewal matches' : 'No open renewals'}>
          <p>
            {renewals.renewals.length
              ? 'Widen the window or clear the filters.'
              : 'An account with a renewal date gets an open renewal here, ready for your forecast. Set renewal dates on the account page or import them.'}
          </p>
        </EmptyState>
      ) : (
        <table className="money-table" aria-label="Open renewals">
          <thead>
            <tr>
              <th>Account</th>
              <th>Due</th>
              <th className="num">ARR</th>
              <th>Forecast</th>
              <th>Expected ARR</th>
              <th>Health</th>
              <th className="num">Term</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, limit).map((r, i) => (
              <tr key={r.id} className={current?.id === r.id ? 'selected' : undefined} onClick={() => setSelected(i)} aria-selected={current?.id === r.id} data-renewal={r.id}>
                <td className="name">
                  <Link to={`/accounts/${r.accountId}`}>{r.accountName}</Link>
                  {r.disagreement && (
                    <span className="warn-mark" title={r.disagreement} aria-label={`Disagreement: ${r.disagreement}`}>
                      !
                    </span>
                  )}
                </td>
                <td className={r.inDays < 0 ? 'overdue' : undefined}>
                  {r.dueDate} <span className="muted small">{r.inDays < 0 ? `${-r.inDays} days overdue` : formatCountdown(r.dueDate, renewals.asOf)}</span>
                </td>
                <td className="num">{money(r.arrCents, r.currency)}</td>
                <td>
                  <ForecastPicker renewal={r} compact />
                </td>
                <td>
                  <ExpectedArrField renewal={r} />
                </td>
                <td>
                  <HealthChip band={r.band} score={r.score} />
                  {r.flags.length > 0 && <span className="muted small"> {r.flags.length} flag{r.flags.length === 1 ? '' : 's'}</span>}
                </td>
                <td className="num">{r.termMonths} mo</td>
                <td className="num">
                  <button type="button" className="small-button" onClick={() => openDialog({ kind: 'renewal', renewal: r, mrrCents: r.arrCents / 12 })}>
                    Close…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > limit && (
        <button type="button" className="link-button small" onClick={() => setLimit((l) => l + PAGE)}>
          Show {Math.min(PAGE, rows.length - limit)} more of {rows.length - limit}
        </button>
      )}
    </div>
  );
}
