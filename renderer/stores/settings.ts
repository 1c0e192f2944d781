// Scoring settings (weights, bands, cadences, flag thresholds) as stored in the database.
import { create } from 'zustand';
import type { Settings } from '../../shared/settings';
import { call } from '../api';
import { useAppStore } from './app';

interface SettingsStore {
  settings: Settings | null;
  load(): Promise<void>;
}

export const useSettingsStore = create<SettingsStore>((set) => ({
  settings: null,
  async load() {
    try {
      set({ settings: await call('settings.get', {}) });
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
}));
