// Scoring settings (weights, bands, cadences, flag thresholds): the saved settings, the draft being
// edited, a live preview of the draft over the whole book (settings.preview, scored in the main
// process by the same pure functions as a save), save-and-rescore, and the storage panel's data.
import { create } from 'zustand';
import type { SettingsPreview, StorageInfo } from '../../shared/contracts/portfolio';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/settings';
import { call } from '../api';
import { useAccountsStore } from './accounts';
import { useAppStore } from './app';

interface SettingsStore {
  settings: Settings | null;
  draft: Settings | null;
  preview: SettingsPreview | null;
  previewing: boolean;
  saving: boolean;
  /** What the last save did, shown briefly: "Saved. 52 accounts rescored." */
  savedMessage: string | null;
  storage: StorageInfo | null;
  load(): Promise<void>;
  loadStorage(): Promise<void>;
  setDraft(draft: Settings): void;
  resetToDefaults(): void;
  discard(): void;
  requestPreview(): Promise<void>;
  save(): Promise<void>;
}

let previewSeq = 0;

export const useSettingsStore = create<SettingsStore>((set, get) => ({
  settings: null,
  draft: null,
  preview: null,
  previewing: false,
  saving: false,
  savedMessage: null,
  storage: null,
  async load() {
    try {
      const settings = await call('settings.get', {});
      set({ settings, draft: structuredClone(settings), preview: null, savedMessage: null });
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
  async loadStorage() {
    try {
      set({ storage: await call('settings.storage', {}) });
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
  setDraft: (draft) => set({ draft, savedMessage: null }),
  resetToDefaults: () => set({ draft: structuredClone(DEFAULT_SETTINGS), savedMessage: null }),
  discard: () => set((s) => ({ draft: s.settings ? structuredClone(s.settings) : null, preview: null, savedMessage: null })),
  async requestPreview() {
    const { draft } = get();
    const parsed = draft ? settingsSchema.safeParse(draft) : null;
    if (!parsed?.success) return;
    const seq = ++previewSeq;
    set({ previewing: true });
    try {
      const preview = await call('settings.preview', { settings: parsed.data });
      // Only the answer to the latest request counts (typing fast sends several).
      if (seq === previewSeq) set({ preview, previewing: false });
    } catch (error) {
      if (seq === previewSeq) set({ previewing: false });
      useAppStore.getState().showError(error);
    }
  },
  async save() {
    const { draft } = get();
    const parsed = draft ? settingsSchema.safeParse(draft) : null;
    if (!parsed?.success) return;
    set({ saving: true });
    try {
      const result = await call('settings.save', { settings: parsed.data });
      previewSeq++;
      set({
        settings: result.settings,
        draft: structuredClone(result.settings),
        preview: null,
        previewing: false,
        savedMessage: `Saved. ${result.rescored} account${result.rescored === 1 ? '' : 's'} rescored.`,
      });
      await useAccountsStore.getState().load();
    } catch (error) {
      useAppStore.getState().showError(error);
    } finally {
      set({ saving: false });
    }
  },
}));
