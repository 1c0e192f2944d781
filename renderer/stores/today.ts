// Today: the due list by section, and done / snooze / undo on one reminder at a time.
import { create } from 'zustand';
import type { ReminderViewOut, TodayView } from '../../shared/contracts/today';
import { call } from '../api';
import { useAppStore } from './app';

interface TodayStore {
  view: TodayView | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The last action, for the undo bar. */
  last: { kind: 'done' | 'snoozed'; reminder: ReminderViewOut } | null;
  load(): Promise<void>;
  complete(reminder: ReminderViewOut): Promise<void>;
  snooze(reminder: ReminderViewOut, until: string): Promise<void>;
  undo(): Promise<void>;
}

export const useTodayStore = create<TodayStore>((set, get) => ({
  view: null,
  status: 'idle',
  last: null,
  async load() {
    if (!get().view) set({ status: 'loading' });
    try {
      set({ view: await call('today.get', {}), status: 'ready' });
    } catch (error) {
      set({ status: 'error' });
      useAppStore.getState().showError(error);
    }
  },
  async complete(reminder) {
    try {
      await call('reminders.complete', { id: reminder.id });
      set({ last: { kind: 'done', reminder } });
      await get().load();
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
  async snooze(reminder, until) {
    try {
      await call('reminders.snooze', { id: reminder.id, until });
      set({ last: { kind: 'snoozed', reminder } });
      await get().load();
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
  async undo() {
    const last = get().last;
    if (!last || last.kind !== 'done') return;
    try {
      await call('reminders.reopen', { id: last.reminder.id });
      set({ last: null });
      await get().load();
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
}));
