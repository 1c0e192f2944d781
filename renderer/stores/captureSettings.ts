// Settings → Capture: My domains, whether a message's body is kept, the time zone touches are dated
// in. Saved on their own (capture.saveSettings): they rescore nothing.
import { create } from 'zustand';
import type { CaptureSettings } from '../../shared/settings';
import { call } from '../api';

interface CaptureSettingsStore {
  settings: CaptureSettings | null;
  saving: boolean;
  message: string | null;
  error: string | null;
  load(): Promise<void>;
  save(settings: CaptureSettings): Promise<boolean>;
}

export const useCaptureSettingsStore = create<CaptureSettingsStore>((set) => ({
  settings: null,
  saving: false,
  message: null,
  error: null,
  async load() {
    try {
      set({ settings: await call('capture.settings', {}), error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  async save(next) {
    set({ saving: true, error: null, message: null });
    try {
      const settings = await call('capture.saveSettings', { settings: next });
      set({ settings, saving: false, message: 'Saved. The next capture uses these.' });
      return true;
    } catch (error) {
      set({ saving: false, error: (error as Error).message });
      return false;
    }
  },
}));
