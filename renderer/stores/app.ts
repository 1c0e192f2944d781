// App-wide state: which database is open and the as-of date (app.info), plus the last error to show.
import { create } from 'zustand';
import type { AppInfo } from '../../shared/contract';
import { call } from '../api';

interface AppStore {
  info: AppInfo | null;
  error: string | null;
  /** A short confirmation ("Saved the QBR to …"). */
  notice: string | null;
  notify(message: string): void;
  clearNotice(): void;
  loadInfo(): Promise<void>;
  showError(error: unknown): void;
  clearError(): void;
}

export const useAppStore = create<AppStore>((set) => ({
  info: null,
  error: null,
  notice: null,
  notify: (notice) => set({ notice }),
  clearNotice: () => set({ notice: null }),
  async loadInfo() {
    try {
      set({ info: await call('app.info', {}) });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  showError: (error) => set({ error: error instanceof Error ? error.message : String(error) }),
  clearError: () => set({ error: null }),
}));
