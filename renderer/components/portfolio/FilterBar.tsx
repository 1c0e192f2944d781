// Filters (segment, stage, band, flag — each several values at once — the renewal window, in triage,
// show churned) and saved views for the portfolio; the store owns the values. A KPI tile's accounts
// (the focus) show as a chip that clears it.
import { useState } from 'react';
import type { PortfolioFilters, SavedView } from '../../../shared/contracts/portfolio';
import type { PortfolioFocus } from '../../stores/portfolio';
import { ALL_BANDS, FLAG_RULES, SEGMENTS, STAGES } from '../../../shared/domain';
import { labelOf } from '../../../shared/format';
import { MultiSelect } from './MultiSelect';

const RENEWAL_WINDOWS = [30, 60, 90, 180, 365];

interface Props {
  filters: PortfolioFilters;
  setFilter<K extends keyof PortfolioFilters>(key: K, value: PortfolioFilters[K]): void;
  onClear(): void;
  filtered: boolean;
  views: SavedView[];
  activeView: string | null;
  viewModified: boolean;
  onApplyView(name: string): void;
  onSaveView(name: string): Promise<void>;
  onDeleteView(name: string): Promise<void>;
  focus: PortfolioFocus | null;
  onClearFocus(): void;
}

function Select<T extends string>({
  label,
  value,
  options,
  onChange,
  all,
}: {
  label: string;
  value: T | null;
  options: readonly { value: T; label: string }[];
  onChange(value: T | null): void;
  all: string;
}) {
  return (
    <label className={`filter${value !== null ? ' filter-on' : ''}`}>
      <span className="visually-hidden">{label}</span>
      <select aria-label={label} value={value ?? ''} onChange={(e) => onChange((e.target.value || null) as T | null)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const opts = <T extends string>(values: readonly T[]) => values.map((value) => ({ value, label: labelOf(value) }));

export function FilterBar(p: Props) {
  const { filters, setFilter } = p;
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    await p.onSaveView(name.trim());
    setNaming(false);
    setName('');
  }

  return (
    <div className="filter-bar" role="toolbar" aria-label="Filters">
      {p.focus && (
        <span className="focus-chip" data-testid="focus-chip">
          {p.focus.label} ({p.focus.ids.length})
          <button type="button" className="quiet icon" aria-label={`Stop showing only: ${p.focus.label}`} title="Back to the filters" onClick={p.onClearFocus}>
            ×
          </button>
        </span>
      )}
      <MultiSelect label="Segment" all="All segments" noun="segments" value={filters.segment} options={opts(SEGMENTS)} onChange={(v) => setFilter('segment', v)} />
      <MultiSelect label="Stage" all="All stages" noun="stages" value={filters.stage} options={opts(STAGES)} onChange={(v) => setFilter('stage', v)} />
      <MultiSelect label="Band" all="All bands" noun="bands" value={filters.band} options={opts(ALL_BANDS)} onChange={(v) => setFilter('band', v)} />
      <MultiSelect
        label="Flag"
        all="Any flags"
        noun="flag choices"
        value={filters.flag}
        options={[{ value: 'any', label: 'Has a flag' }, { value: 'none', label: 'No flags' }, ...opts(FLAG_RULES)] as const}
        onChange={(v) => setFilter('flag', v)}
      />
      <Select
        label="Renewal"
        all="Any renewal"
        value={filters.renewalWithin === null ? null : String(filters.renewalWithin)}
        options={RENEWAL_WINDOWS.map((d) => ({ value: String(d), label: `Renews ≤ ${d} days` }))}
        onChange={(v) => setFilter('renewalWithin', v === null ? null : Number(v))}
      />
      <button
        type="button"
        className={`filter-toggle${filters.inTriage ? ' filter-on' : ''}`}
        aria-pressed={filters.inTriage}
        title="Accounts with an emergency or high flag, an at-risk score, or in stage triage"
        onClick={() => setFilter('inTriage', !filters.inTriage)}
      >
        In triage
      </button>
      <label className="churn-toggle" title="Churned accounts stay out of the list, its health sorts and band filters unless shown">
        <input type="checkbox" checked={filters.showChurned} onChange={(e) => setFilter('showChurned', e.target.checked)} />
        Show churned
      </label>
      {p.filtered && (
        <button type="button" className="quiet" onClick={p.onClear}>
          Clear
        </button>
      )}
      <span className="filter-spacer" />
      {naming ? (
        <form className="view-form" onSubmit={(e) => void save(e)}>
          <input
            autoFocus
            aria-label="View name"
            placeholder="Name this view"
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setNaming(false);
              }
            }}
          />
          <button type="submit" className="primary" disabled={!name.trim()}>
            Save
          </button>
          <button type="button" className="quiet" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <label className={`filter views-select${p.activeView ? ' filter-on' : ''}`}>
            <span className="visually-hidden">Saved view</span>
            <select aria-label="Saved view" value={p.activeView ?? ''} onChange={(e) => e.target.value && p.onApplyView(e.target.value)}>
              <option value="" disabled>
                {p.views.length ? 'Saved views' : 'No saved views'}
              </option>
              {p.views.map((v) => (
                <option key={v.name} value={v.name}>
                  {v.name}
                  {v.name === p.activeView && p.viewModified ? ' (edited)' : ''}
                </option>
              ))}
            </select>
          </label>
          {p.activeView && (
            <button
              type="button"
              className="quiet icon"
              onClick={() => void p.onDeleteView(p.activeView!)}
              aria-label={`Delete view ${p.activeView}`}
              title={`Delete view “${p.activeView}”`}
            >
              ×
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              setName(p.activeView ?? '');
              setNaming(true);
            }}
          >
            Save view
          </button>
        </>
      )}
    </div>
  );
}
