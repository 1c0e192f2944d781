// The CSV import wizard (issue 5): 1 what to import and which file → 2 the columns and the fields
// they land in → 3 the first rows as they will land and the counts, before anything is written →
// 4 the import with progress and Cancel → the result with its errors and Undo. Past imports below
// step 1, each undoable. Keyboard: Enter advances, Esc goes back. Data lives in stores/import.ts.
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import type { ImportPreviewView } from '../../../shared/contracts/imports';
import type { ImportKind } from '../../../shared/domain';
import { REQUIRED_FIELDS, fieldSpec } from '../../../shared/import/fields';
import { useAnnounce } from '../../components/Announcer';
import { ErrorList } from '../../components/import/ErrorList';
import { ImportHistory, UndoConfirm } from '../../components/import/ImportHistory';
import { CountProgress } from '../../components/import/CountProgress';
import { ImportProgress } from '../../components/import/ImportProgress';
import { KindPicker } from '../../components/import/KindPicker';
import { MappingSuggestions } from '../../components/import/MappingSuggestions';
import { MappingTable } from '../../components/import/MappingTable';
import { PreviewTable } from '../../components/import/PreviewTable';
import { Stepper } from '../../components/import/Stepper';
import { UpdateChoice } from '../../components/import/UpdateChoice';
import { UpdatesList } from '../../components/import/UpdatesList';
import { ValueMaps } from '../../components/import/ValueMaps';
import { KINDS, KIND_INFO, effectiveMapping, mappingProblems, missingRequired, useImportStore, type FileFacts } from '../../stores/import';
import './import.css';

const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? '' : 's'}`;

function encodingName(encoding: string | null, bom: boolean): string {
  if (!encoding) return '—';
  const name = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', 'windows-1252': 'Windows-1252' }[encoding] ?? encoding;
  return bom ? `${name} with BOM` : name;
}

const DATE_FORMAT_WORDS: Record<string, string> = {
  iso: 'ISO (2024-12-31)',
  dmy: 'day first (31/12/2024)',
  mdy: 'month first (12/31/2024)',
  ambiguous: 'unclear — choose below',
};

export function ImportScreen() {
  const store = useImportStore();
  const { step, kind, file, loadHistory } = store;

  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  // The background count holds the write lock while it checks rows; leaving the screen stops it
  // (the tiles offer *Count all rows* on return). A running import goes on.
  useEffect(() => () => void useImportStore.getState().cancelCount(), []);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const s = useImportStore.getState();
      const target = event.target as HTMLElement;
      if (event.key === 'Escape') {
        if (target.closest('details[open]')) return;
        if (s.confirmUndo !== null) s.askUndo(null);
        else if (s.step !== 'importing') s.back();
        return;
      }
      if (event.key !== 'Enter' || event.shiftKey) return;
      if (target.closest('select, textarea, a, details, [role="alertdialog"]')) return;
      const onButton = target.closest('button');
      if (onButton && !onButton.classList.contains('kind-card')) return;
      if (s.step === 'result' || s.step === 'importing') return;
      event.preventDefault();
      if (onButton?.classList.contains('kind-card')) onButton.click();
      void s.next();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useAnnounce(store.message);
  return (
    <div className="screen import-screen">
      <header className="screen-header import-header">
        <div>
          <h1>Import</h1>
          <p className="muted">Bring in a client&rsquo;s CRM exports. Nothing is written until you have seen how every row will land.</p>
        </div>
        <a href="#/capture" className="capture-link" title="Meetings and e-mails from .ics, .eml, .mbox and .msg files, contacts from .vcf">
          Capture from calendar &amp; mail files…
        </a>
        <ExportMenu onExport={(k) => void store.exportKind(k)} />
      </header>
      {store.message && (
        <div className="import-notice" role="status" aria-live="off">
          <span>{store.message}</span>
          <button type="button" className="link-button" onClick={store.dismissMessage}>
            Dismiss
          </button>
        </div>
      )}
      <Stepper current={step} onGoTo={store.goTo} />
      {step === 'source' && <SourceStep />}
      {step === 'mapping' && kind && file && <MappingStep kind={kind} fileName={file.fileName} />}
      {step === 'preview' && kind && store.preview && <PreviewStep kind={kind} preview={store.preview} />}
      {step === 'importing' && (
        <ImportProgress job={store.job} fileName={file?.fileName ?? 'the file'} cancelling={store.cancelling} onCancel={() => void store.cancelImport()} />
      )}
      {step === 'result' && <ResultStep />}
    </div>
  );
}

function ExportMenu({ onExport }: { onExport(kind: ImportKind): void }) {
  const ref = useRef<HTMLDetailsElement>(null);
  return (
    <details className="export-menu" ref={ref}>
      <summary>Export all… as CSV</summary>
      <div className="export-list" role="menu" aria-label="Export all rows of a kind as CSV">
        {KINDS.map((k) => (
          <button
            key={k}
            type="button"
            role="menuitem"
            onClick={() => {
              if (ref.current) ref.current.open = false;
              onExport(k);
            }}
          >
            Export all {KIND_INFO[k].title.toLowerCase()}
          </button>
        ))}
        <p className="muted small">Cells that start with =, +, − or @ are escaped so spreadsheets do not run them.</p>
      </div>
    </details>
  );
}

function Footer({ children, hint }: { children: ReactNode; hint?: ReactNode }) {
  return (
    <div className="wizard-footer">
      <span className="muted small">{hint}</span>
      <div className="wizard-actions">{children}</div>
    </div>
  );
}

function SourceStep() {
  const s = useImportStore();
  const ready = !!s.kind && !!s.file;
  const nextRef = useRef<HTMLButtonElement>(null);
  const token = s.file?.token;
  // A file just chosen: Next takes the focus, so Enter goes on.
  useEffect(() => {
    if (token) nextRef.current?.focus();
  }, [token]);
  return (
    <>
      <section className="panel wizard-panel" aria-labelledby="what-title">
        <div className="section-title">
          <h2 id="what-title">What are you importing?</h2>
          <span className="muted small">Import accounts first: everything else links to them. Fields in bold are needed (one of each pair).</span>
        </div>
        <KindPicker kind={s.kind} onChange={s.setKind} />
        <div className="file-row">
          <button type="button" className={s.kind && !s.file ? 'primary' : undefined} onClick={() => void s.chooseFile()} disabled={s.choosing}>
            {s.choosing ? 'Choosing…' : s.file ? 'Choose another file…' : 'Choose file…'}
          </button>
          {s.file ? (
            <span className="file-chip" data-testid="chosen-file">
              <span className="file-icon" aria-hidden="true">CSV</span>
              {s.file.fileName}
            </span>
          ) : (
            <span className="muted">No file chosen. CSV or text, comma, semicolon, tab or pipe; UTF-8, UTF-16 or Windows-1252.</span>
          )}
        </div>
        <Footer hint={ready ? <>Press <kbd>Enter</kbd> to continue</> : !s.kind ? 'Choose what the file holds.' : 'Choose the file to import.'}>
          <button ref={nextRef} type="button" className="primary" disabled={!ready} onClick={() => void s.next()}>
            Next: match columns
          </button>
        </Footer>
      </section>
      <ImportHistory
        batches={s.history}
        status={s.historyStatus}
        confirmUndo={s.confirmUndo}
        undoing={s.undoing}
        undoError={s.undoError}
        onAsk={s.askUndo}
        onUndo={(id) => void s.undo(id)}
      />
    </>
  );
}

function samplesOf(preview: ImportPreviewView | null, headers: string[]): string[] {
  return headers.map((_, i) => preview?.rows.map((r) => (r.cells[i] ?? '').trim()).find((v) => v !== '') ?? '');
}

function FileFactsList({ facts, fileName, preview }: { facts: FileFacts; fileName: string; preview: ImportPreviewView | null }) {
  return (
    <dl className="file-facts">
      <div>
        <dt>File</dt>
        <dd title={fileName}>{fileName}</dd>
      </div>
      <div>
        <dt>Encoding</dt>
        <dd>{encodingName(facts.encoding, facts.bom)}</dd>
      </div>
      <div>
        <dt>Delimiter</dt>
        <dd>{facts.delimiterName ?? '—'}</dd>
      </div>
      <div>
        <dt>Rows</dt>
        <dd>{preview ? n(preview.dataRows) : '—'}</dd>
      </div>
      <div>
        <dt>Columns</dt>
        <dd>{n(facts.headers.length)}</dd>
      </div>
    </dl>
  );
}

function MappingStep({ kind, fileName }: { kind: ImportKind; fileName: string }) {
  const s = useImportStore();
  const { facts, preview } = s;
  const mapping = useMemo(() => effectiveMapping(s.baseMapping, s.overrides), [s.baseMapping, s.overrides]);
  const problems = mappingProblems(kind, mapping, fileName);
  const samples = useMemo(() => samplesOf(preview, facts?.headers ?? []), [preview, facts]);

  if (!facts) {
    return (
      <section className="panel wizard-panel state-panel" aria-live="polite">
        {s.previewing || !s.previewError ? (
          <p className="loading-line">
            <span className="spinner" aria-hidden="true" /> Reading {fileName}…
          </p>
        ) : (
          <div className="state-error" role="alert">
            <h3>Tend cannot read {fileName}</h3>
            <p>{s.previewError}</p>
          </div>
        )}
        <Footer>
          <button type="button" onClick={s.back}>
            Back
          </button>
          <button type="button" className="primary" onClick={() => void s.chooseFile().then(() => useImportStore.getState().refreshPreview())}>
            Choose another file…
          </button>
        </Footer>
      </section>
    );
  }

  const mappedCount = Object.keys(mapping).length;
  const ambiguous = preview?.ambiguousDateColumns ?? [];
  const dateColumns = preview?.dateColumns ?? [];
  const needsDateFormat = ambiguous.length > 0 || (s.dateFormat !== null && dateColumns.length > 0);
  const canNext = !problems.length && !ambiguous.length && !!preview && !s.previewing;

  return (
    <div className="mapping-layout">
      <section className="panel wizard-panel mapping-main" aria-labelledby="columns-title">
        <div className="section-title">
          <h2 id="columns-title">Match columns to fields</h2>
          <span className="muted small">
            {mappedCount} of {facts.headers.length} columns map to fields; the other {facts.headers.length - mappedCount} are kept as custom fields.
          </span>
        </div>
        {problems.length > 0 && (
          <div className="callout callout-error" role="alert">
            <strong>Required {problems.length === 1 ? 'field' : 'fields'} missing.</strong>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {!problems.length && s.previewError && (
          <div className="callout callout-error" role="alert">
            {s.previewError}
          </div>
        )}
        <MappingSuggestions suggestions={preview?.suggestions ?? facts.suggestions ?? []} onApply={s.setMapping} />
        <MappingTable kind={kind} headers={facts.headers} mapping={mapping} overrides={s.overrides} samples={samples} onChange={s.setMapping} />
        <Footer
          hint={
            s.previewing ? (
              <span className="loading-line">
                <span className="spinner" aria-hidden="true" /> Checking every row…
              </span>
            ) : canNext ? (
              <>
                Press <kbd>Enter</kbd> to preview, <kbd>Esc</kbd> to go back
              </>
            ) : ambiguous.length ? (
              'Say how the dates are written first.'
            ) : (
              ''
            )
          }
        >
          <button type="button" onClick={s.back}>
            Back
          </button>
          {Object.keys(s.overrides).length > 0 && (
            <button type="button" className="quiet" onClick={s.resetMapping}>
              Reset to suggested
            </button>
          )}
          <button type="button" className="primary" disabled={!canNext} onClick={() => void s.next()}>
            Next: preview rows
          </button>
        </Footer>
      </section>
      <aside className="mapping-aside">
        <section className="panel" aria-labelledby="file-title">
          <h2 id="file-title">The file</h2>
          <FileFactsList facts={facts} fileName={fileName} preview={preview} />
          {preview?.preset && (
            <p className="preset-note">
              Mapping from your preset <strong>{preview.preset}</strong> (same columns as before).
            </p>
          )}
        </section>
        <section className="panel" aria-labelledby="required-title">
          <h2 id="required-title">Needed</h2>
          <RequiredChecklist kind={kind} mapping={mapping} fileName={fileName} />
        </section>
        {(preview?.conversions.length ?? 0) > 0 && (
          <section className="panel" aria-labelledby="conv-title">
            <h2 id="conv-title">Conversions</h2>
            <ul className="plain-list small-list">
              {preview!.conversions.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </section>
        )}
        {dateColumns.length > 0 && (
          <section className={needsDateFormat && !s.dateFormat ? 'panel attention' : 'panel'} aria-labelledby="dates-title">
            <h2 id="dates-title">Dates</h2>
            <ul className="plain-list small-list">
              {dateColumns.map((d) => (
                <li key={d.column}>
                  <strong>{d.column}</strong> <span className="muted">→ {fieldSpec(kind, d.field)?.label ?? d.field}:</span>{' '}
                  {ambiguous.includes(d.column) ? DATE_FORMAT_WORDS.ambiguous : DATE_FORMAT_WORDS[d.format] ?? d.format}
                </li>
              ))}
            </ul>
            {needsDateFormat && (
              <fieldset className="date-choice">
                <legend>
                  {ambiguous.length
                    ? `Dates like 03/04/2024 in ${ambiguous.join(', ')} could be either. How does this file write them?`
                    : 'Numeric dates are read as:'}
                </legend>
                <label>
                  <input type="radio" name="date-format" checked={s.dateFormat === 'dmy'} onChange={() => s.setDateFormat('dmy')} /> Day first
                  <span className="muted"> — 31/12/2024</span>
                </label>
                <label>
                  <input type="radio" name="date-format" checked={s.dateFormat === 'mdy'} onChange={() => s.setDateFormat('mdy')} /> Month first
                  <span className="muted"> — 12/31/2024</span>
                </label>
              </fieldset>
            )}
          </section>
        )}
        <section className="panel" aria-labelledby="preset-title">
          <h2 id="preset-title">Save as preset</h2>
          <label className="preset-field">
            <span className="muted small">Name this mapping to reuse it when the same columns come back next month (optional).</span>
            <input
              type="text"
              value={s.presetName}
              maxLength={100}
              placeholder="e.g. Acme Salesforce contacts"
              aria-label="Preset name"
              onChange={(e) => s.setPresetName(e.target.value)}
            />
          </label>
        </section>
      </aside>
    </div>
  );
}

function RequiredChecklist({ kind, mapping, fileName }: { kind: ImportKind; mapping: Record<string, string>; fileName: string }) {
  const missing = missingRequired(kind, mapping, fileName).map((group) => group.join());
  const headerOf = (field: string) => Object.keys(mapping).find((h) => mapping[h] === field);
  return (
    <ul className="required-list">
      {REQUIRED_FIELDS[kind].map((group) => {
        const ok = !missing.includes(group.join());
        const from = group.map(headerOf).find(Boolean);
        return (
          <li key={group.join()} className={ok ? 'ok' : 'missing'}>
            <span className="check" aria-hidden="true">
              {ok ? '✓' : '!'}
            </span>
            <span>
              {group.map((f) => fieldSpec(kind, f)?.label ?? f).join(' or ')}
              {from && <span className="muted"> ← {from}</span>}
              {!ok && <span className="visually-hidden"> (missing)</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function CountTiles({
  counts,
  labels,
  pending = false,
}: {
  counts: { key: string; label: string; value: number; tone?: string }[];
  labels?: string;
  /** The whole file is still being counted: the tiles say so instead of showing partial numbers. */
  pending?: boolean;
}) {
  return (
    <dl className="count-tiles" aria-label={labels} aria-busy={pending}>
      {counts.map((c) => (
        <div key={c.key} className={`count-tile${c.tone ? ` tone-${c.tone}` : ''}${pending ? ' counting' : ''}`} data-testid={`count-${c.key}`}>
          <dt>{c.label}</dt>
          <dd>{pending ? '…' : n(c.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The count job's progress, the one part of step 3 that follows every poll. */
function LiveCountProgress({ shownRows }: { shownRows: number }) {
  const job = useImportStore((st) => st.countJob);
  if (!job) return null;
  const { cancelCount, refreshPreview } = useImportStore.getState();
  return <CountProgress job={job} shownRows={shownRows} onCancel={() => void cancelCount()} onRestart={() => void refreshPreview()} />;
}

function PreviewStep({ kind, preview }: { kind: ImportKind; preview: ImportPreviewView }) {
  // Not the whole store: the count job's progress changes five times a second and only the
  // progress line (LiveCountProgress) follows it, so the table and the tiles stay put meanwhile.
  const s = useImportStore(
    useShallow((st) => ({
      strict: st.strict,
      previewing: st.previewing,
      updateMode: st.updateMode,
      hasCountJob: st.countJob !== null,
      back: st.back,
      next: st.next,
      setStrict: st.setStrict,
      setUpdateMode: st.setUpdateMode,
      setValueMap: st.setValueMap,
    })),
  );
  const counting = useImportStore((st) => st.countJob?.status === 'running');
  const c = preview.counts;
  const landing = c.new + c.updated + c.unchanged;
  // A quick preview's numbers cover its first rows only; the tiles wait for the count job.
  const partial = !preview.counted;
  // With strict mode on and errors already seen, the button says what will happen.
  const importLabel = s.strict && c.error > 0 ? 'Import (strict: will be refused)' : partial ? 'Import all rows' : `Import ${plural(landing, 'row')}`;
  return (
    <>
      <section className="panel wizard-panel preview-panel" aria-labelledby="preview-title">
        <div className="section-title">
          <h2 id="preview-title">Preview — nothing written yet</h2>
          <span className="muted small">
            {partial
              ? `The first ${n(preview.rows.length)} rows`
              : preview.rows.length < c.total
                ? `The first ${n(preview.rows.length)} of ${plural(c.total, 'row')}`
                : `All ${plural(c.total, 'row')}`}{' '}
            of {preview.fileName} as they will land. Hover a red cell for why.
          </span>
        </div>
        <CountTiles
          pending={partial && counting}
          labels="What the import will do"
          counts={[
            { key: 'total', label: 'Rows in file', value: c.total },
            { key: 'new', label: 'New', value: c.new, tone: 'new' },
            { key: 'updated', label: 'Updated', value: c.updated, tone: 'updated' },
            { key: 'unchanged', label: 'Unchanged', value: c.unchanged },
            { key: 'error', label: 'Errors (skipped)', value: c.error, tone: c.error ? 'error' : undefined },
            ...(preview.churned > 0 ? [{ key: 'churned', label: 'Arrive churned', value: preview.churned, tone: 'churned' }] : []),
          ]}
        />
        {preview.defaults.length > 0 && (
          <p className="defaults-note" data-testid="defaults-note">
            New rows without a value get:{' '}
            {preview.defaults.map((d, i) => (
              <span key={d.field}>
                {i > 0 && ', '}
                {d.label.toLowerCase()} <strong>{d.value}</strong> <span className="muted">({plural(d.rows, 'row')})</span>
              </span>
            ))}
            .
          </p>
        )}
        {partial && s.hasCountJob && <LiveCountProgress shownRows={c.total} />}
        {preview.notes.length > 0 && (
          <ul className="note-list">
            {preview.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
        <ValueMaps kind={kind} preview={preview} onChange={s.setValueMap} />
        {(c.updated > 0 || preview.kept.rows > 0 || s.updateMode !== 'keep-edits') && (
          <UpdateChoice mode={s.updateMode} kept={preview.kept} onChange={s.setUpdateMode} />
        )}
        <PreviewTable kind={kind} preview={preview} />
        {preview.customColumns.length > 0 && (
          <p className="muted small custom-note" title={preview.customColumns.join(', ')}>
            Also kept as custom fields: {preview.customColumns.length} columns ({preview.customColumns.slice(0, 6).join(', ')}
            {preview.customColumns.length > 6 ? ', …' : ''}).
          </p>
        )}
      </section>
      <UpdatesList preview={preview} />
      {preview.errors.length > 0 && (
        <section className="panel" aria-labelledby="preview-errors-title">
          <div className="section-title">
            <h2 id="preview-errors-title">{plural(c.error, 'row')} {s.strict ? (c.error === 1 ? 'has errors' : 'have errors') : 'will be skipped'}</h2>
            <span className="muted small">Fix them in the file and import it again later; the rows that land now will be updated, not doubled.</span>
          </div>
          <ErrorList errors={preview.errors} label="Rows that will be skipped" />
        </section>
      )}
      <Footer
        hint={
          s.strict && c.error > 0 ? (
            <span className="strict-warning" data-testid="strict-warning">
              {plural(c.error, 'row')} {partial ? 'in the first rows have' : c.error === 1 ? 'has' : 'have'} errors: with strict mode on, nothing will be imported.
            </span>
          ) : !partial && landing === 0 ? (
            'No row can land: go back and check the columns.'
          ) : (
            <>
              Press <kbd>Enter</kbd> to import, <kbd>Esc</kbd> to go back
            </>
          )
        }
      >
        <label className="strict-choice" title="Strict mode, as tend import --strict: one bad row and the whole file is refused, so you can fix it and import it complete.">
          <input type="checkbox" checked={s.strict} onChange={(event) => s.setStrict(event.target.checked)} />
          Import nothing if any row has an error
        </label>
        <button type="button" onClick={s.back}>
          Back
        </button>
        <button type="button" className="primary" disabled={(!partial && landing === 0) || s.previewing} onClick={() => void s.next()}>
          {importLabel}
        </button>
      </Footer>
    </>
  );
}

/** What the result step says to a screen reader when the import ends (no focus change there). */
function resultAnnouncement(job: ReturnType<typeof useImportStore.getState>['job']): string | null {
  if (!job || job.status === 'running') return null;
  const r = job.result;
  if (job.status === 'done' && r) return `Imported ${r.fileName}: ${n(r.inserted)} added, ${n(r.updated)} updated, ${n(r.skipped)} skipped.`;
  return job.status === 'cancelled' ? 'Import cancelled: nothing was written.' : `The import did not finish: ${job.error?.message ?? 'unknown error'}`;
}

function ResultStep() {
  const s = useImportStore();
  const navigate = useNavigate();
  const job = s.job;
  useAnnounce(resultAnnouncement(job));
  if (!job) return null;
  const result = job.result;
  const batch = result?.batchId ? s.history.find((b) => b.id === result.batchId) : undefined;

  if (job.status !== 'done' || !result) {
    const cancelled = job.status === 'cancelled';
    // A strict import refused for its bad rows carries them in its details (write.ts strictError).
    const refused = Array.isArray((job.error?.details as { errors?: unknown } | undefined)?.errors);
    return (
      <section className={`panel wizard-panel result-panel ${cancelled ? 'result-cancelled' : 'result-failed'}`} role="status" aria-live="off">
        <h3>{cancelled ? 'Import cancelled' : refused ? 'Nothing was imported (strict mode)' : 'The import did not finish'}</h3>
        <p>{cancelled ? 'Nothing was written: your database is exactly as it was before the import.' : job.error?.message}</p>
        {!cancelled && <p className="muted">Nothing was written: an import lands whole or not at all.</p>}
        <Footer>
          {refused && (
            <>
              <button type="button" onClick={() => void s.saveErrors()}>
                Save errors as CSV…
              </button>
              {s.savedErrorsFile && <span className="muted small">Saved to {s.savedErrorsFile}</span>}
            </>
          )}
          <button type="button" onClick={() => s.goTo(s.preview ? 'preview' : 'source')}>
            Back to the preview
          </button>
          <button type="button" className="primary" onClick={s.startOver}>
            Start over
          </button>
        </Footer>
      </section>
    );
  }

  return (
    <>
      <section className="panel wizard-panel result-panel result-done" aria-labelledby="result-title">
        <div className="result-head">
          <span className="result-mark" aria-hidden="true">
            ✓
          </span>
          <div>
            <h3 id="result-title">
              {batch?.undoneAt ? `Import #${result.batchId} was undone` : `Imported ${result.fileName}`}
            </h3>
            <p className="muted">
              {KIND_INFO[s.kind ?? 'accounts'].title} · import #{result.batchId} · {(job.elapsedMs / 1000).toFixed(1)} s
              {result.skipped > 0 ? ` · ${plural(result.skipped, 'row')} skipped, listed below` : ' · every row landed'}
            </p>
          </div>
        </div>
        <CountTiles
          labels="What the import did"
          counts={[
            { key: 'inserted', label: 'Added', value: result.inserted, tone: 'new' },
            { key: 'updated', label: 'Updated', value: result.updated, tone: 'updated' },
            { key: 'unchanged', label: 'Unchanged', value: result.unchanged },
            { key: 'skipped', label: 'Skipped', value: result.skipped, tone: result.skipped ? 'error' : undefined },
          ]}
        />
        {result.notes.length > 0 && (
          <ul className="note-list">
            {result.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
        {s.confirmUndo !== null && batch && s.confirmUndo === batch.id && (
          <UndoConfirm batch={batch} busy={s.undoing === batch.id} onConfirm={() => void s.undo(batch.id)} onCancel={() => s.askUndo(null)} />
        )}
        {s.undoError && s.undoError.batchId === result.batchId && (
          <p className="inline-error" role="alert">
            {s.undoError.message}
          </p>
        )}
        <Footer>
          {result.batchId !== null && !batch?.undoneAt && (
            <button type="button" className="danger-quiet" onClick={() => s.askUndo(result.batchId)} disabled={s.undoing !== null}>
              Undo this import…
            </button>
          )}
          <button type="button" onClick={s.startOver}>
            Import another file
          </button>
          <button type="button" className="primary" onClick={() => navigate('/portfolio')}>
            Open the portfolio
          </button>
        </Footer>
      </section>
      {result.errors.length > 0 && (
        <section className="panel" aria-labelledby="result-errors-title">
          <div className="section-title">
            <h2 id="result-errors-title">{plural(result.skipped, 'row')} not imported</h2>
            <div className="section-actions">
              {s.savedErrorsFile && <span className="muted small">Saved to {s.savedErrorsFile}</span>}
              <button type="button" onClick={() => void s.saveErrors()}>
                Save errors as CSV…
              </button>
            </div>
          </div>
          <ErrorList errors={result.errors} label="Rows not imported" />
        </section>
      )}
    </>
  );
}
