// The account brief (shared/contracts/brief.ts): the page a CSM reads before a call, loaded for the
// account page's panel (key b) and the print route; plus Today's meetings captured from calendars.
import { create } from 'zustand';
import type { BriefData, BriefOptions, MeetingsToday } from '../../shared/contracts/brief';
import { call } from '../api';
import { useAppStore } from './app';

interface BriefStore {
  brief: BriefData | null;
  error: string | null;
  loading: boolean;
  exporting: boolean;
  meetings: MeetingsToday | null;
  load(accountId: number): Promise<void>;
  loadMeetings(): Promise<void>;
  /** Save dialog, then the one-page PDF; tells the user where it went. */
  exportPdf(options: BriefOptions): Promise<void>;
}

export const useBriefStore = create<BriefStore>((set, get) => ({
  brief: null,
  error: null,
  loading: false,
  exporting: false,
  meetings: null,
  async load(accountId) {
    // Keep the brief shown while the same account reloads; another account's is cleared at once.
    if (get().brief?.account.id !== accountId) set({ brief: null });
    set({ loading: true, error: null });
    try {
      set({ brief: await call('brief.get', { accountId }) });
    } catch (error) {
      set({ error: (error as Error).message });
    } finally {
      set({ loading: false });
    }
  },
  async loadMeetings() {
    try {
      set({ meetings: await call('brief.meetingsToday', {}) });
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
  async exportPdf(options) {
    set({ exporting: true });
    try {
      const saved = await call('brief.exportPdf', options);
      if (saved) useAppStore.getState().notify(`Saved the brief to ${saved.file}`);
    } catch (error) {
      useAppStore.getState().showError(error);
    } finally {
      set({ exporting: false });
    }
  },
}));
