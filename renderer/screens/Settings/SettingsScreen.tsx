// Settings: edit the scoring rules — weights, band edges, cadence and required executives per
// segment, flag thresholds and severities, the KPI tiles' survey windows and the triage-case dates —
// with a live preview of how the book's bands would move
// (debounced settings.preview, scored in the main process), Save (settings.save: update + full
// rescore), Reset to defaults, per-field validation; and where the database and its backups live.
import { useEffect, useMemo } from 'react';
import { COMPONENTS, SEGMENTS } from '../../../shared/domain';
import { labelOf } from '../../../shared/format';
import type { Settings } from '../../../shared/settings';
import { CaptureSettingsPanel } from '../../components/capture/CaptureSettingsPanel';
import { useSettingsStore } from '../../stores/settings';
import { NumberField, SeveritySelect, setIn, validate, type Path } from './fields';
import { ImportSettings } from './ImportSettings';
import { Preview } from './Preview';
import { ForecastSettings } from './ForecastSettings';
import { NumbersSettings } from './NumbersSettings';
import { StartupSettings } from './StartupSettings';
import { useAnnounce } from '../../components/Announcer';
import './settings.css';

const PREVIEW_DEBOUNCE_MS = 300;

const COMPONENT_HINTS: Record<string, string> = {
  adoption: 'latest adoption %',
  relationships: 'strong executives and users',
  engagement: 'days since last touch vs cadence',
  sentiment: 'pulse of recent touches',
  survey: 'latest NPS, else CSAT',
  support: 'open tickets',
  financial: 'overdue invoices',
};

interface FlagRow {
  rule: keyof Settings['flags'];
  what: string;
  fields: { key: string; label: string; suffix?: string; step?: number; min?: number; max?: number }[];
}

const FLAG_ROWS: FlagRow[] = [
  {
    rule: 'renewal_exec_silence',
    what: 'Renewal is near and no executive has been touched',
    fields: [
      { key: 'renewalWindowDays', label: 'Renewal within', suffix: 'days' },
      { key: 'execSilenceDays', label: 'Exec touch within', suffix: 'days' },
    ],
  },
  { rule: 'single_threaded', what: 'Fewer strong executives than the segment requires', fields: [] },
  { rule: 'champion_gap', what: 'High adoption but no strong front-line user', fields: [{ key: 'minAdoption', label: 'Adoption from', suffix: '%', max: 100 }] },
  {
    rule: 'adoption_drop_user_silence',
    what: 'Adoption fell and front-line users went quiet',
    fields: [
      { key: 'dropRatio', label: 'Latest ≤ ratio ×', step: 0.05, max: 1 },
      { key: 'windowMinDays', label: 'Compare from', suffix: 'days', min: 1 },
      { key: 'windowMaxDays', label: 'to', suffix: 'days' },
      { key: 'userSilenceDays', label: 'User touch within', suffix: 'days' },
    ],
  },
  {
    rule: 'detractor',
    what: 'A recent NPS response is a detractor',
    fields: [
      { key: 'maxScore', label: 'NPS at most', max: 10 },
      { key: 'withinDays', label: 'Within', suffix: 'days' },
    ],
  },
  { rule: 'overdue_invoice', what: 'An invoice is overdue', fields: [] },
  { rule: 'cadence_overdue', what: 'No touch within the segment cadence', fields: [] },
  { rule: 'sponsor_lost', what: 'An executive left and coverage fell short', fields: [{ key: 'withinDays', label: 'Left within', suffix: 'days' }] },
  { rule: 'stalled_onboarding', what: 'Still onboarding long after contract start', fields: [{ key: 'afterDays', label: 'After', suffix: 'days' }] },
];

function bytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

export function SettingsScreen() {
  const store = useSettingsStore();
  const { settings, draft, preview, previewing, saving, savedMessage, storage, load, loadStorage, setDraft, requestPreview } = store;

  useEffect(() => {
    void load();
    void loadStorage();
  }, [load, loadStorage]);

  const errors = useMemo(() => (draft ? validate(draft) : new Map<string, string>()), [draft]);
  const valid = errors.size === 0;
  const dirty = !!draft && !!settings && JSON.stringify(draft) !== JSON.stringify(settings);

  useEffect(() => {
    if (!dirty || !valid) return;
    const timer = window.setTimeout(() => void requestPreview(), PREVIEW_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, dirty, valid, requestPreview]);

  useAnnounce(savedMessage);
  if (!draft || !settings) {
    return (
      <div className="screen">
        <p className="muted">Loading…</p>
      </div>
    );
  }

  const change = (path: Path, value: unknown) => setDraft(setIn(draft, path, value));
  const weightTotal = COMPONENTS.reduce((sum, c) => sum + (Number.isFinite(draft.weights[c]) ? draft.weights[c] : 0), 0);
  const field = { draft, errors, onChange: change };

  return (
    <div className="screen settings-screen">
      <header className="screen-header">
        <div>
          <h1>Settings</h1>
          <p className="muted">How Tend scores health and raises flags. Every number here is yours to tune.</p>
        </div>
      </header>
      <div className="settings-layout">
        <div className="settings-form">
          <section className="panel" aria-labelledby="weights-heading">
            <h2 id="weights-heading">Health score weights</h2>
            <p className="muted small section-hint">Only the ratios matter; components without data are left out and the rest renormalised.</p>
            <table className="settings-table weights-table">
              <tbody>
                {COMPONENTS.map((c) => {
                  const w = draft.weights[c];
                  const share = weightTotal > 0 && Number.isFinite(w) ? (w / weightTotal) * 100 : 0;
                  return (
                    <tr key={c}>
                      <th scope="row">
                        <label htmlFor={`field-weights-${c}`}>{labelOf(c)}</label>
                        <span className="row-hint" aria-hidden="true">
                          {COMPONENT_HINTS[c]}
                        </span>
                      </th>
                      <td className="input-cell">
                        <NumberField {...field} path={['weights', c]} label={`${labelOf(c)} weight`} hideLabel min={0} />
                      </td>
                      <td aria-hidden="true">
                        <span className="share-cell">
                          <span className="share-bar">
                            <span className="share-fill" style={{ width: `${share}%` }} />
                          </span>
                          <span className="share-text">{Math.round(share)}%</span>
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {errors.get('weights') && <p className="field-error" role="alert">{errors.get('weights')}</p>}
          </section>

          <section className="panel" aria-labelledby="bands-heading">
            <h2 id="bands-heading">Bands</h2>
            <div className="band-edges">
              <NumberField {...field} path={['bands', 'healthy']} label="Healthy from" suffix="points" />
              <NumberField {...field} path={['bands', 'watch']} label="Watch from" suffix="points" />
              <p className="muted small band-explain">
                <span className="dot dot-healthy" /> Healthy ≥ {Number.isFinite(draft.bands.healthy) ? draft.bands.healthy : '…'}
                <span className="dot dot-watch" /> Watch ≥ {Number.isFinite(draft.bands.watch) ? draft.bands.watch : '…'}
                <span className="dot dot-at_risk" /> At risk below
              </p>
            </div>
          </section>

          <section className="panel" aria-labelledby="segments-heading">
            <h2 id="segments-heading">By segment</h2>
            <table className="settings-table segment-table">
              <thead>
                <tr>
                  <th scope="col">Segment</th>
                  <th scope="col">Touch cadence</th>
                  <th scope="col">Strong executives required</th>
                </tr>
              </thead>
              <tbody>
                {SEGMENTS.map((s) => (
                  <tr key={s}>
                    <th scope="row">{labelOf(s)}</th>
                    <td>
                      <NumberField {...field} path={['cadenceDays', s]} label={`${labelOf(s)} cadence`} hideLabel suffix="days" min={1} />
                    </td>
                    <td>
                      <NumberField {...field} path={['requiredExecs', s]} label={`${labelOf(s)} required executives`} hideLabel min={0} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section className="panel" aria-labelledby="flags-heading">
            <h2 id="flags-heading">Flags</h2>
            <ul className="flag-rules">
              {FLAG_ROWS.map((row) => (
                <li key={row.rule} className="flag-rule">
                  <div className="flag-rule-head">
                    <span className="flag-rule-name">{labelOf(row.rule)}</span>
                    <span className="muted small">{row.what}</span>
                  </div>
                  <div className="flag-rule-controls">
                    <label className="severity-field">
                      <span className="field-label">Severity</span>
                      <SeveritySelect draft={draft} path={['flags', row.rule, 'severity']} label={`${labelOf(row.rule)} severity`} onChange={change} />
                    </label>
                    {row.rule === 'single_threaded' && (
                      <label className="severity-field">
                        <span className="field-label">Enterprise</span>
                        <SeveritySelect draft={draft} path={['flags', 'single_threaded', 'enterpriseSeverity']} label="Single threaded enterprise severity" onChange={change} />
                      </label>
                    )}
                    {row.fields.map((f) => (
                      <NumberField key={f.key} {...field} path={['flags', row.rule, f.key]} label={f.label} suffix={f.suffix} step={f.step} min={f.min ?? 0} max={f.max} />
                    ))}
                  </div>
                </li>
              ))}
            </ul>
          </section>

          <NumbersSettings draft={draft} errors={errors} onChange={change} />
          <StartupSettings />
          <CaptureSettingsPanel />
          <ForecastSettings draft={draft} errors={errors} onChange={change} />
          <ImportSettings draft={draft} errors={errors} onChange={change} />

          <section className="panel" aria-labelledby="storage-heading">
            <h2 id="storage-heading">Database and backups</h2>
            <dl className="storage">
              <div>
                <dt>Database file</dt>
                <dd className="mono" data-testid="db-file">{storage?.dbFile ?? '…'}</dd>
              </div>
              <div>
                <dt>Backup folder</dt>
                <dd className="mono">{storage?.backupFolder ?? '…'}</dd>
              </div>
            </dl>
            {storage && storage.backups.length === 0 && (
              <p className="muted small">No backups yet. Tend makes one before every migration and once a day when the app opens the file.</p>
            )}
            {storage && storage.backups.length > 0 && (
              <table className="simple backups" aria-label="Backups">
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Kind</th>
                    <th scope="col">File</th>
                    <th scope="col" className="num">Size</th>
                  </tr>
                </thead>
                <tbody>
                  {storage.backups.map((b) => (
                    <tr key={b.file}>
                      <td className="nowrap">{b.date}</td>
                      <td>{labelOf(b.label)}</td>
                      <td className="mono backup-name" title={b.file}>{b.name}</td>
                      <td className="num">{bytes(b.bytes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="muted small">Restore from a backup with File → Restore from Backup…; the current file is saved first.</p>
          </section>
        </div>

        <aside className="settings-aside" aria-label="Preview and save">
          <section className="panel preview-panel">
            <h2>Preview</h2>
            <Preview preview={dirty ? preview : null} dirty={dirty} valid={valid} previewing={previewing} />
            <div className="settings-actions">
              <button type="button" className="primary" disabled={!dirty || !valid || saving} onClick={() => void store.save()}>
                {saving ? 'Saving and rescoring…' : 'Save and rescore'}
              </button>
              <button type="button" disabled={!dirty || saving} onClick={store.discard}>
                Discard
              </button>
              <button type="button" className="quiet" disabled={saving} onClick={store.resetToDefaults}>
                Reset to defaults
              </button>
            </div>
            {savedMessage && (
              <p className="saved-message" role="status" aria-live="off">
                {savedMessage}
              </p>
            )}
            {!valid && <p className="field-error small">{errors.size === 1 ? '1 field needs' : `${errors.size} fields need`} attention.</p>}
          </section>
        </aside>
      </div>
    </div>
  );
}
