// Capture from files (SPEC "Capture …"): files chosen or dropped become tokens; reading them is a
// job in the main process (polled for progress); the preview comes back with every item, and the
// CSM's choices — which items, on which account, which new people, which cards — live here until
// *Log* lands them as one batch. Then the accounts, Today and the import history are refreshed.
import { create } from 'zustand';
import type { CaptureJobView, CaptureLandInput, CapturePreviewView, CaptureResultView } from '../../shared/contracts/capture';
import { call, dropFiles } from '../api';
import { useAccountStore } from './account';
import { useAccountsStore } from './accounts';
import { useAppStore } from './app';
import { useTodayStore } from './today';

export type CaptureFilter = 'log' | 'unmatched' | 'duplicate' | 'skipped' | 'all';
type FileRef = { token: string; fileName: string };

interface Choice {
  include: boolean;
  accountId: number | null;
}

interface FileCaptureStore {
  stage: 'idle' | 'reading' | 'preview' | 'landing' | 'done';
  files: FileRef[];
  jobId: string | null;
  job: CaptureJobView | null;
  preview: CapturePreviewView | null;
  /** Item id → whether it is logged and on which account. */
  items: Map<number, Choice>;
  contacts: Map<string, Choice>;
  cards: Map<number, Choice>;
  filter: CaptureFilter;
  result: CaptureResultView | null;
  error: string | null;
  choosing: boolean;
  /** Shown while files are dragged over the window. */
  dragging: boolean;
  choose(): Promise<void>;
  /** Files dropped on the window (anywhere): read them, replacing what was shown. */
  drop(files: File[]): Promise<void>;
  read(files: FileRef[]): Promise<void>;
  cancel(): Promise<void>;
  setFilter(filter: CaptureFilter): void;
  toggleItem(id: number, include?: boolean): void;
  setItemAccount(id: number, accountId: number | null): void;
  setMany(ids: number[], include: boolean): void;
  toggleContact(email: string, include?: boolean): void;
  setContactAccount(email: string, accountId: number | null): void;
  toggleCard(id: number, include?: boolean): void;
  setCardAccount(id: number, accountId: number | null): void;
  land(): Promise<void>;
  undo(): Promise<void>;
  /** Adds a domain to Settings → My domains and reads the same files again. */
  useMyDomain(domain: string): Promise<void>;
  reset(): void;
  setDragging(dragging: boolean): void;
}

const POLL_MS = 150;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function initialChoices(preview: CapturePreviewView) {
  const items = new Map<number, Choice>();
  for (const item of preview.items) {
    if (item.status === 'new') items.set(item.id, { include: true, accountId: item.accountId });
    else if (item.status === 'unmatched') items.set(item.id, { include: false, accountId: null });
  }
  const contacts = new Map<string, Choice>(preview.contacts.map((c) => [c.email, { include: true, accountId: c.accountId }]));
  const cards = new Map<number, Choice>(
    preview.cards.map((c) => [c.id, { include: c.accountId !== null && (c.outcome === 'new' || c.outcome === 'update'), accountId: c.accountId }]),
  );
  return { items, contacts, cards };
}

/** What *Log* sends: the included items, people and cards that have an account. */
export function landInput(state: Pick<FileCaptureStore, 'jobId' | 'items' | 'contacts' | 'cards'>): CaptureLandInput {
  const pick = <K,>(map: Map<K, Choice>) => [...map.entries()].filter(([, c]) => c.include && c.accountId !== null) as [K, { include: true; accountId: number }][];
  return {
    jobId: state.jobId!,
    items: pick(state.items).map(([id, c]) => ({ id, accountId: c.accountId })),
    contacts: pick(state.contacts).map(([email, c]) => ({ email, accountId: c.accountId })),
    cards: pick(state.cards).map(([id, c]) => ({ id, accountId: c.accountId })),
  };
}

export const useFileCaptureStore = create<FileCaptureStore>((set, get) => {
  const update = <K extends 'items' | 'contacts' | 'cards'>(key: K, id: FileCaptureStore[K] extends Map<infer I, Choice> ? I : never, change: (c: Choice) => Choice) => {
    const map = new Map(get()[key] as Map<unknown, Choice>);
    const current = map.get(id);
    if (!current) return;
    map.set(id, change(current));
    set({ [key]: map } as Partial<FileCaptureStore>);
  };

  return {
    stage: 'idle',
    files: [],
    jobId: null,
    job: null,
    preview: null,
    items: new Map(),
    contacts: new Map(),
    cards: new Map(),
    filter: 'log',
    result: null,
    error: null,
    choosing: false,
    dragging: false,

    async choose() {
      set({ choosing: true });
      try {
        const files = await call('capture.choose', {});
        if (files) await get().read(files);
      } catch (error) {
        set({ error: (error as Error).message });
      } finally {
        set({ choosing: false });
      }
    },

    async drop(files) {
      set({ dragging: false });
      try {
        const refs = await dropFiles(files);
        if (!refs.length) {
          set({ error: 'Those files could not be opened. Drop files from your computer (not from a web page or a mail attachment preview), or choose them with Choose files….' });
          return;
        }
        await get().read(refs);
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },

    async read(files) {
      set({ stage: 'reading', files, job: null, preview: null, result: null, error: null, jobId: null });
      try {
        const { jobId } = await call('capture.read', { tokens: files.map((f) => f.token) });
        set({ jobId });
        for (;;) {
          const job = await call('capture.job', { jobId });
          if (get().jobId !== jobId) return; // another read replaced this one
          set({ job });
          if (job.status === 'done' && job.preview) {
            const preview = job.preview;
            set({ stage: 'preview', preview, ...initialChoices(preview), filter: preview.counts.new ? 'log' : 'all' });
            if (!useAccountsStore.getState().accounts.length) void useAccountsStore.getState().load();
            return;
          }
          if (job.status === 'failed' || job.status === 'cancelled') {
            set({ stage: 'idle', error: job.status === 'failed' ? (job.error?.message ?? 'Reading the files failed.') : null });
            return;
          }
          await sleep(POLL_MS);
        }
      } catch (error) {
        set({ stage: 'idle', error: (error as Error).message });
      }
    },

    async cancel() {
      const { jobId } = get();
      if (jobId) await call('capture.cancel', { jobId }).catch(() => undefined);
      set({ stage: 'idle', jobId: null, job: null });
    },

    setFilter: (filter) => set({ filter }),
    toggleItem: (id, include) => update('items', id, (c) => ({ ...c, include: include ?? !c.include })),
    setItemAccount: (id, accountId) => update('items', id, () => ({ include: accountId !== null, accountId })),
    setMany(ids, include) {
      const map = new Map(get().items);
      for (const id of ids) {
        const c = map.get(id);
        if (c && (c.accountId !== null || !include)) map.set(id, { ...c, include });
      }
      set({ items: map });
    },
    toggleContact: (email, include) => update('contacts', email, (c) => ({ ...c, include: include ?? !c.include })),
    setContactAccount: (email, accountId) => update('contacts', email, (c) => ({ include: accountId !== null && c.include, accountId })),
    toggleCard: (id, include) => update('cards', id, (c) => ({ ...c, include: include ?? !c.include })),
    setCardAccount: (id, accountId) => update('cards', id, () => ({ include: accountId !== null, accountId })),

    async land() {
      const input = landInput(get());
      set({ stage: 'landing', error: null });
      try {
        const result = await call('capture.land', input);
        set({ stage: 'done', result });
        await Promise.all([
          useAccountsStore.getState().load(),
          useAccountStore.getState().refresh(),
          useTodayStore.getState().view ? useTodayStore.getState().load() : Promise.resolve(),
          useAppStore.getState().loadInfo(),
        ]);
      } catch (error) {
        set({ stage: 'preview', error: (error as Error).message });
      }
    },

    async undo() {
      const batchId = get().result?.batchId;
      if (!batchId) return;
      try {
        const undone = await call('imports.undo', { batchId });
        set({ stage: 'idle', result: null, preview: null, jobId: null });
        useAppStore.getState().notify(`Undid capture #${batchId}: removed ${undone.removed} row${undone.removed === 1 ? '' : 's'}${undone.restored ? `, restored ${undone.restored}` : ''}.`);
        await Promise.all([useAccountsStore.getState().load(), useAccountStore.getState().refresh()]);
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },

    async useMyDomain(domain) {
      try {
        const settings = await call('capture.settings', {});
        await call('capture.saveSettings', { settings: { ...settings, myDomains: [...new Set([...settings.myDomains, domain])] } });
        await get().read(get().files);
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },

    reset: () => set({ stage: 'idle', files: [], jobId: null, job: null, preview: null, result: null, error: null, items: new Map(), contacts: new Map(), cards: new Map() }),
    setDragging: (dragging) => set({ dragging }),
  };
});
