// App-wide state: which database is open and the as-of date (app.info), plus the last error to show.
import { create } from 'zustand';
import type { AppInfo } from '../../shared/contract';
import { call } from '../api';

export interface NoticeAction {
  label: string;
  run(): void | Promise<void>;
}

interface AppStore {
  info: AppInfo | null;
  error: string | null;
  /** A short confirmation ("Saved the QBR to …"), optionally with one action such as Undo. */
  notice: string | null;
  noticeAction: NoticeAction | null;
  notify(message: string, action?: NoticeAction): void;
  clearNotice(): void;
  loadInfo(): Promise<void>;
  showError(error: unknown): void;
  clearError(): void;
}

export const useAppStore = create<AppStore>((set) => ({
  info: null,
  error: null,
  notice: null,
  noticeAction: null,
  notify: (notice, action) => set({ notice, noticeAction: action ?? null }),
  clearNotice: () => set({ notice: null, noticeAction: null }),
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
