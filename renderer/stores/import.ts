// The import wizard's state (issue 5): what to import and from which file, the mapping the user
// adjusts on top of the automatic one (or a preset), the preview computed by the main process
// before anything is written — the first rows at once, then the whole file's counts from a count
// job (polled, cancellable) — the running import job (polled every 200 ms, cancellable, strict or
// not), its result, and
// the history of past imports with undo. The file itself stays in the main process: the renderer
// holds an opaque token and the file's name, never its path.
import { create } from 'zustand';
import type { AccountSummary } from '../../shared/contract';
import type { ImportBatchView, ImportJobView, ImportPreviewView, MappingSuggestionView, UpdateModeView } from '../../shared/contracts/imports';
import type { ImportKind } from '../../shared/domain';
import { IMPORT_FIELDS, REQUIRED_FIELDS, autoMap, fieldSpec, impliedSurveyKind } from '../../shared/import/fields';
import { ApiError, call } from '../api';
import { useAccountsStore } from './accounts';
import { useAppStore } from './app';

export type WizardStep = 'source' | 'mapping' | 'preview' | 'importing' | 'result';
export type DateOrder = 'dmy' | 'mdy';

export interface ChosenFile {
  token: string;
  fileName: string;
}

/** What is known about a file before (or without) a successful preview. */
export interface FileFacts {
  headers: string[];
  encoding: string | null;
  bom: boolean;
  delimiterName: string | null;
  /** Columns not mapped although their header suggested a field (why), from a refused preview. */
  suggestions?: MappingSuggestionView[];
}

const POLL_MS = 200;
/** The value a mapping dropdown uses for "keep as custom field" (the service reads '' the same way). */
export const CUSTOM = '';

interface ImportStore {
  step: WizardStep;
  kind: ImportKind | null;
  file: ChosenFile | null;
  choosing: boolean;
  /** Headers and dialect: from the preview, or from a refused preview's details. */
  facts: FileFacts | null;
  /** The mapping the file gets without the user's choices (automatic or a preset). */
  baseMapping: Record<string, string>;
  /** The user's choices: header → field, CUSTOM keeps the column as a custom field. */
  overrides: Record<string, string>;
  dateFormat: DateOrder | null;
  /** What the user says unknown values mean: field → value as written → value ('' leaves it empty). */
  valueMaps: Record<string, Record<string, string>>;
  /** How updates treat what Tend has (issue 17): keep what was edited in the app, overwrite, fill empty only. */
  updateMode: UpdateModeView;
  presetName: string;
  preview: ImportPreviewView | null;
  previewing: boolean;
  /** The full count pass behind a quick preview (null when the preview already covers every row). */
  countJob: ImportJobView | null;
  /** Import nothing if any row has an error (the CLI's --strict). */
  strict: boolean;
  /** Why the last preview was refused (a message for the user). */
  previewError: string | null;
  job: ImportJobView | null;
  cancelling: boolean;
  history: ImportBatchView[];
  historyStatus: 'idle' | 'loading' | 'ready' | 'error';
  /** The batch whose undo waits for confirmation. */
  confirmUndo: number | null;
  undoing: number | null;
  undoError: { batchId: number; message: string } | null;
  /** A short confirmation shown on the wizard ("Undid import #3: removed 18 rows"). */
  message: string | null;
  savedErrorsFile: string | null;

  setKind(kind: ImportKind): void;
  chooseFile(): Promise<void>;
  goTo(step: WizardStep): void;
  next(): Promise<void>;
  back(): void;
  setMapping(header: string, field: string): void;
  resetMapping(): void;
  setDateFormat(format: DateOrder): void;
  /** Maps one value of a field (null: takes the choice back, the value is unknown again). */
  setValueMap(field: string, value: string, target: string | null): void;
  setUpdateMode(mode: UpdateModeView): void;
  setPresetName(name: string): void;
  refreshPreview(): Promise<void>;
  cancelCount(): Promise<void>;
  setStrict(strict: boolean): void;
  startImport(): Promise<void>;
  cancelImport(): Promise<void>;
  saveErrors(): Promise<void>;
  undo(batchId: number): Promise<void>;
  askUndo(batchId: number | null): void;
  loadHistory(): Promise<void>;
  exportKind(kind: ImportKind): Promise<void>;
  startOver(): void;
  dismissMessage(): void;
}

const INITIAL = {
  step: 'source' as WizardStep,
  kind: null,
  file: null,
  choosing: false,
  facts: null,
  baseMapping: {},
  overrides: {},
  dateFormat: null,
  valueMaps: {},
  updateMode: 'keep-edits' as UpdateModeView,
  presetName: '',
  preview: null,
  previewing: false,
  countJob: null,
  strict: false,
  previewError: null,
  job: null,
  cancelling: false,
  confirmUndo: null,
  undoing: null,
  undoError: null,
  savedErrorsFile: null,
};

let pollTimer: ReturnType<typeof setTimeout> | null = null;
let countTimer: ReturnType<typeof setTimeout> | null = null;
/** Each preview request gets a number; an answer to an older request is dropped. */
let previewSeq = 0;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const fileNameOf = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** The headers (and dialect) a refused preview carries in its details (electron/handlers/imports.ts). */
function factsFromError(error: unknown): FileFacts | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.error.details as { headers?: unknown; encoding?: unknown; bom?: unknown; delimiterName?: unknown; suggestions?: unknown } | undefined;
  if (!details || !Array.isArray(details.headers)) return null;
  return {
    headers: details.headers.map(String),
    encoding: typeof details.encoding === 'string' ? details.encoding : null,
    bom: details.bom === true,
    delimiterName: typeof details.delimiterName === 'string' ? details.delimiterName : null,
    suggestions: Array.isArray(details.suggestions) ? (details.suggestions as MappingSuggestionView[]) : [],
  };
}

/** The values-confirmed mapping a refused preview carries in its details (electron/services/importer/map.ts). */
function mappingFromError(error: unknown): Record<string, string> | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.error.details as { mapping?: unknown } | undefined;
  const mapping = details?.mapping;
  if (!mapping || typeof mapping !== 'object') return null;
  return Object.fromEntries(Object.entries(mapping as Record<string, unknown>).filter(([, f]) => typeof f === 'string')) as Record<string, string>;
}

/**
 * The mapping the service will use: the base, then each choice of the user — a field takes one
 * column, so choosing it for a column takes it from another (as electron/services/importer/map.ts).
 */
export function effectiveMapping(base: Record<string, string>, overrides: Record<string, string>): Record<string, string> {
  const mapping = { ...base };
  for (const [header, field] of Object.entries(overrides)) {
    delete mapping[header];
    if (field === CUSTOM) continue;
    for (const other of Object.keys(mapping)) if (mapping[other] === field) delete mapping[other];
    mapping[header] = field;
  }
  return mapping;
}

/** The required fields (alternatives joined by "or") that no column maps to. */
export function missingRequired(kind: ImportKind, mapping: Record<string, string>, fileName: string): string[][] {
  const mapped = new Set(Object.values(mapping));
  const impliedKind = kind === 'surveys' ? impliedSurveyKind(mapping, fileName) : null;
  return REQUIRED_FIELDS[kind]
    .filter((alternatives) => !alternatives.some((f) => mapped.has(f)))
    .filter((alternatives) => !(kind === 'surveys' && alternatives.includes('kind') && impliedKind))
    .map((alternatives) => [...alternatives]);
}

/** Problems with a mapping the user must fix before the preview: missing fields, MRR and ARR both. */
export function mappingProblems(kind: ImportKind, mapping: Record<string, string>, fileName: string): string[] {
  const problems = missingRequired(kind, mapping, fileName).map(
    (alternatives) => `Choose a column for ${alternatives.map((f) => fieldSpec(kind, f)?.label ?? f).join(' or ')}.`,
  );
  const mapped = new Set(Object.values(mapping));
  if (kind === 'accounts' && mapped.has('mrr') && mapped.has('arr')) problems.push('Map MRR or ARR, not both: the other stays a custom field.');
  return problems;
}

export const useImportStore = create<ImportStore>((set, get) => {
  const stopPolling = () => {
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = null;
  };

  const stopCounting = () => {
    if (countTimer) clearTimeout(countTimer);
    countTimer = null;
  };

  /** Follows a count job; its full preview replaces the quick one, if it still answers the last request. */
  async function pollCount(jobId: string, seq: number) {
    try {
      const job = await call('imports.job', { jobId });
      if (seq !== previewSeq) return;
      if (job.status === 'running') {
        set({ countJob: job });
        countTimer = setTimeout(() => void pollCount(jobId, seq), POLL_MS);
        return;
      }
      countTimer = null;
      if (job.status === 'done' && job.preview) set({ preview: job.preview, countJob: null });
      else set({ countJob: job });
    } catch (error) {
      if (seq !== previewSeq) return;
      countTimer = null;
      set({ countJob: { ...emptyJob(jobId, 'count'), status: 'failed', error: { code: 'internal', message: messageOf(error) } } });
    }
  }

  async function poll(jobId: string) {
    try {
      const job = await call('imports.job', { jobId });
      set({ job });
      if (job.status === 'running') {
        pollTimer = setTimeout(() => void poll(jobId), POLL_MS);
        return;
      }
      stopPolling();
      set({ step: 'result', cancelling: false });
      if (job.status === 'done') {
        void useAccountsStore.getState().load();
        void get().loadHistory();
      }
    } catch (error) {
      stopPolling();
      set({ step: 'result', cancelling: false, job: { ...(get().job ?? emptyJob(jobId)), status: 'failed', error: { code: 'internal', message: messageOf(error) } } });
    }
  }

  /** The request both preview and start send: only the user's choices travel, over the base. */
  function request() {
    const { file, kind, overrides, dateFormat, valueMaps, updateMode } = get();
    return {
      token: file!.token,
      kind: kind!,
      ...(Object.keys(overrides).length ? { mapping: overrides } : {}),
      ...(dateFormat ? { dateFormat } : {}),
      ...(Object.keys(valueMaps).length ? { valueMaps } : {}),
      ...(updateMode !== 'keep-edits' ? { updateMode } : {}),
    };
  }

  return {
    ...INITIAL,
    history: [],
    historyStatus: 'idle',
    message: null,

    setKind(kind) {
      if (kind === get().kind) return;
      // Another kind maps the same file differently: the user's choices start over.
      set({ kind, overrides: {}, baseMapping: {}, preview: null, previewError: null, facts: null, dateFormat: null, valueMaps: {}, updateMode: 'keep-edits' });
    },

    async chooseFile() {
      set({ choosing: true });
      try {
        const file = await call('imports.choose', {});
        if (file) set({ file, overrides: {}, baseMapping: {}, preview: null, previewError: null, facts: null, dateFormat: null, valueMaps: {}, updateMode: 'keep-edits', presetName: '' });
      } catch (error) {
        useAppStore.getState().showError(error);
      } finally {
        set({ choosing: false });
      }
    },

    goTo(step) {
      set({ step });
    },

    async next() {
      const { step, kind, file, facts, preview } = get();
      if (step === 'source') {
        if (!kind || !file) return;
        set({ step: 'mapping' });
        if (!facts || !preview) await get().refreshPreview();
        return;
      }
      if (step === 'mapping') {
        const mapping = effectiveMapping(get().baseMapping, get().overrides);
        if (!kind || mappingProblems(kind, mapping, get().file?.fileName ?? '').length || get().previewing) return;
        if (get().preview?.ambiguousDateColumns.length) return;
        if (!get().preview) await get().refreshPreview();
        if (get().preview) set({ step: 'preview' });
        return;
      }
      if (step === 'preview') {
        const p = get().preview;
        if (!p || get().previewing || p.ambiguousDateColumns.length) return;
        await get().startImport();
      }
    },

    back() {
      const { step } = get();
      if (step === 'mapping') set({ step: 'source' });
      else if (step === 'preview') set({ step: 'mapping' });
      else if (step === 'result') get().startOver();
    },

    setMapping(header, field) {
      set({ overrides: { ...get().overrides, [header]: field } });
      void get().refreshPreview();
    },

    resetMapping() {
      set({ overrides: {} });
      void get().refreshPreview();
    },

    setDateFormat(dateFormat) {
      set({ dateFormat });
      void get().refreshPreview();
    },

    setValueMap(field, value, target) {
      const current = { ...(get().valueMaps[field] ?? {}) };
      if (target === null) delete current[value];
      else current[value] = target;
      const valueMaps = { ...get().valueMaps, [field]: current };
      if (Object.keys(current).length === 0) delete valueMaps[field];
      set({ valueMaps });
      void get().refreshPreview();
    },

    setUpdateMode(updateMode) {
      set({ updateMode });
      void get().refreshPreview();
    },

    setPresetName: (presetName) => set({ presetName }),

    async refreshPreview() {
      const { file, kind, baseMapping, overrides } = get();
      if (!file || !kind) return;
      // A mapping the service would refuse is called out on the mapping step instead of asked for.
      if (get().facts && mappingProblems(kind, effectiveMapping(baseMapping, overrides), file.fileName).length) {
        set({ preview: null, previewError: null, previewing: false });
        return;
      }
      const seq = ++previewSeq;
      await get().cancelCount();
      set({ previewing: true, previewError: null });
      try {
        const preview = await call('imports.preview', request());
        if (seq !== previewSeq) return;
        const first = !get().facts;
        set({
          preview,
          previewing: false,
          countJob: null,
          facts: { headers: preview.headers, encoding: preview.encoding, bom: preview.bom, delimiterName: preview.delimiterName },
          // The first answer, asked without choices, is the file's own mapping.
          ...(first && Object.keys(get().overrides).length === 0 ? { baseMapping: preview.mapping } : {}),
        });
        // The first rows are on screen; the counts of the whole file come from a job.
        if (!preview.counted) {
          const { jobId } = await call('imports.count', request());
          if (seq !== previewSeq) {
            void call('imports.cancel', { jobId }).catch(() => {});
            return;
          }
          set({ countJob: emptyJob(jobId, 'count') });
          await pollCount(jobId, seq);
        }
      } catch (error) {
        if (seq !== previewSeq) return;
        const facts = factsFromError(error);
        if (facts && !get().facts) {
          // The file is readable but the kind's required columns were not found: map them by hand,
          // starting from the mapping the service judged (its values confirmed), else the headers'.
          const judged = mappingFromError(error);
          set({ facts, baseMapping: judged ?? autoMap(facts.headers, kind).mapping });
        }
        set({ preview: null, previewing: false, previewError: messageOf(error) });
      }
    },

    async cancelCount() {
      const job = get().countJob;
      stopCounting();
      if (!job?.jobId || job.status !== 'running') return;
      try {
        set({ countJob: { ...(await call('imports.cancel', { jobId: job.jobId })), status: 'cancelled' } });
      } catch {
        set({ countJob: null });
      }
    },

    setStrict: (strict) => set({ strict }),

    async startImport() {
      const { presetName, strict } = get();
      // The import reads the whole file itself: a count still running is no longer needed.
      await get().cancelCount();
      set({ step: 'importing', job: null, cancelling: false, savedErrorsFile: null, message: null });
      try {
        const { jobId } = await call('imports.start', {
          ...request(),
          ...(strict ? { strict: true } : {}),
          ...(presetName.trim() ? { presetName: presetName.trim() } : {}),
        });
        set({ job: emptyJob(jobId) });
        stopPolling();
        await poll(jobId);
      } catch (error) {
        set({ step: 'result', job: { ...emptyJob(''), status: 'failed', error: { code: 'internal', message: messageOf(error) } } });
      }
    },

    async cancelImport() {
      const job = get().job;
      if (!job?.jobId || job.status !== 'running') return;
      set({ cancelling: true });
      try {
        set({ job: await call('imports.cancel', { jobId: job.jobId }) });
      } catch (error) {
        useAppStore.getState().showError(error);
        set({ cancelling: false });
      }
    },

    async saveErrors() {
      const job = get().job;
      if (!job?.jobId) return;
      try {
        const saved = await call('imports.saveErrors', { jobId: job.jobId });
        if (saved) set({ savedErrorsFile: fileNameOf(saved.file) });
      } catch (error) {
        useAppStore.getState().showError(error);
      }
    },

    askUndo: (confirmUndo) => set({ confirmUndo, undoError: null }),

    async undo(batchId) {
      set({ undoing: batchId, undoError: null });
      try {
        const undone = await call('imports.undo', { batchId });
        const rows = (n: number) => `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;
        set({
          confirmUndo: null,
          message: `Undid import #${batchId}: removed ${rows(undone.removed)}${undone.restored ? ` and restored ${rows(undone.restored)}` : ''}. The database is as it was before that import.`,
        });
        void useAccountsStore.getState().load();
        await get().loadHistory();
      } catch (error) {
        set({ confirmUndo: null, undoError: { batchId, message: messageOf(error) } });
      } finally {
        set({ undoing: null });
      }
    },

    async loadHistory() {
      if (get().historyStatus !== 'ready') set({ historyStatus: 'loading' });
      try {
        set({ history: await call('imports.list', {}), historyStatus: 'ready' });
      } catch (error) {
        set({ historyStatus: 'error' });
        useAppStore.getState().showError(error);
      }
    },

    async exportKind(kind) {
      try {
        const saved = await call('exports.csv', { kind });
        if (saved) set({ message: `Exported every ${kind === 'metrics' ? 'metric' : kind.replace(/s$/, '')} row to ${fileNameOf(saved.file)}.` });
      } catch (error) {
        useAppStore.getState().showError(error);
      }
    },

    startOver() {
      stopPolling();
      void get().cancelCount();
      const { kind } = get();
      set({ ...INITIAL, kind });
      void get().loadHistory();
    },

    dismissMessage: () => set({ message: null }),
  };
});

function emptyJob(jobId: string, task: ImportJobView['task'] = 'import'): ImportJobView {
  return { jobId, task, status: 'running', progress: null, rowsPerSecond: null, elapsedMs: 0, result: null, preview: null, error: null };
}

/**
 * Saves the portfolio's current view (filtered and sorted as shown) as CSV through exports.table;
 * the main process escapes formula-like cells. Money goes out in currency units, not cents.
 */
export async function exportPortfolioView(rows: AccountSummary[], viewName: string | null): Promise<void> {
  const headers = ['Account', 'External id', 'Segment', 'Stage', 'MRR', 'ARR', 'Currency', 'Renewal date', 'Health score', 'Band', 'Flags'];
  const table = rows.map((a) => [
    a.name,
    a.externalId,
    a.segment,
    a.stage,
    a.mrrCents / 100,
    (a.mrrCents * 12) / 100,
    a.currency,
    a.renewalDate,
    a.score,
    a.band,
    a.flags.map((f) => `${f.rule} (${f.severity})`).join('; '),
  ]);
  try {
    const saved = await call('exports.table', { name: viewName ? `Portfolio - ${viewName}` : 'Portfolio', headers, rows: table });
    if (saved) useAppStore.getState().notify(`Exported ${rows.length.toLocaleString('en-US')} accounts to ${fileNameOf(saved.file)}.`);
  } catch (error) {
    useAppStore.getState().showError(error);
  }
}

/** The kinds in the order a consultant imports them: accounts first, everything else links to them. */
export const KIND_INFO: Record<ImportKind, { title: string; description: string }> = {
  accounts: { title: 'Accounts', description: 'Your customers: name, segment, stage, MRR or ARR, contract and renewal dates.' },
  contacts: { title: 'Contacts', description: 'The people at each account, their level, role and how strong the relationship is.' },
  touches: { title: 'Touches', description: 'Calls, meetings and e-mails from your CRM activity log, with notes and next steps.' },
  metrics: { title: 'Usage metrics', description: 'Product adoption over time: active users, logins, feature use — one value per row.' },
  revenue: { title: 'Revenue changes', description: 'MRR movements: new, expansion, contraction, churn — the sign follows the kind.' },
  surveys: { title: 'Survey responses', description: 'NPS, CSAT and CES scores with the respondent and their comment.' },
};

export const KINDS = Object.keys(IMPORT_FIELDS) as ImportKind[];
