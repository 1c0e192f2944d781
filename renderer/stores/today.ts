// Today: the groups of due items (by account, most pressing first), the count the sidebar shows,
// which item is selected (kept while the CSM looks at an account and comes back), and what the CSM
// does to an item — done, snooze, forecast a renewal, create or dismiss an opportunity — each pushed
// on an undo stack that `u` unwinds one step at a time (shared/today/undo.ts).
import { create } from 'zustand';
import type { ForecastCategory } from '../../shared/domain';
import type { TodayItem, TodaySummary, TodayView } from '../../shared/contracts/today';
import { popUndo, pushUndo, type UndoEntry } from '../../shared/today/undo';
import { shortDate } from '../../shared/today/snooze';
import { call } from '../api';
import { useAccountsStore } from './accounts';
import { useAppStore } from './app';

type Undo = UndoEntry<() => Promise<unknown>>;

interface TodayStore {
  view: TodayView | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Due and overdue reminders: the sidebar's badge. */
  summary: TodaySummary | null;
  /** The selected item's key, and its place in the list (kept when the item goes away). */
  selectedKey: string | null;
  selectedIndex: number;
  /** What was done, newest last; `u` undoes the newest. */
  undoStack: Undo[];
  /** The last thing said about an action (the status line). */
  message: string | null;
  /** Open Tend on Today when something is due (null until read). */
  openOnToday: boolean | null;
  load(): Promise<void>;
  loadSummary(): Promise<void>;
  loadPreferences(): Promise<void>;
  setOpenOnToday(on: boolean): Promise<void>;
  /** Where the app opens: Today when something is due and the preference is on, else the portfolio. */
  landing(): Promise<'/today' | '/portfolio'>;
  select(key: string, index: number): void;
  complete(item: TodayItem): Promise<void>;
  snooze(item: TodayItem, until: string): Promise<void>;
  forecast(item: TodayItem, category: ForecastCategory): Promise<void>;
  createOpportunity(item: TodayItem): Promise<void>;
  dismiss(item: TodayItem): Promise<void>;
  /** Resolve the flag a reminder stands for (its tasks close with it). */
  resolveFlag(item: TodayItem): Promise<void>;
  undo(): Promise<void>;
}

const report = (error: unknown) => useAppStore.getState().showError(error);

export const useTodayStore = create<TodayStore>((set, get) => {
  /** Runs an action, records how to undo it, reloads what it changed. */
  async function act(label: string, run: () => Promise<(() => Promise<unknown>) | null>): Promise<void> {
    try {
      const undo = await run();
      set((s) => ({ message: label, undoStack: undo ? pushUndo(s.undoStack, { label, undo }) : s.undoStack }));
      useAppStore.getState().clearError();
    } catch (error) {
      report(error);
    }
    await Promise.all([get().load(), get().loadSummary()]);
    void useAccountsStore.getState().load();
  }

  return {
    view: null,
    status: 'idle',
    summary: null,
    selectedKey: null,
    selectedIndex: 0,
    undoStack: [],
    message: null,
    openOnToday: null,
    async loadPreferences() {
      try {
        set({ openOnToday: (await call('today.preferences', {})).openOnToday });
      } catch (error) {
        report(error);
      }
    },
    async setOpenOnToday(on) {
      set({ openOnToday: on });
      try {
        set({ openOnToday: (await call('today.savePreferences', { preferences: { openOnToday: on } })).openOnToday });
      } catch (error) {
        report(error);
        await get().loadPreferences();
      }
    },
    async landing() {
      try {
        const [preferences, summary] = await Promise.all([call('today.preferences', {}), call('today.summary', {})]);
        set({ summary, openOnToday: preferences.openOnToday });
        return preferences.openOnToday && summary.due > 0 ? '/today' : '/portfolio';
      } catch {
        return '/portfolio';
      }
    },
    async load() {
      if (!get().view) set({ status: 'loading' });
      try {
        const view = await call('today.get', {});
        set({ view, status: 'ready', summary: { asOf: view.asOf, due: view.total, overdue: view.overdue } });
      } catch (error) {
        set({ status: 'error' });
        report(error);
      }
    },
    async loadSummary() {
      try {
        set({ summary: await call('today.summary', {}) });
      } catch {
        // The badge is a convenience: a failed count leaves the last one (Today itself reports errors).
      }
    },
    select: (key, index) => set({ selectedKey: key, selectedIndex: index }),
    complete: (item) =>
      item.kind !== 'reminder'
        ? Promise.resolve()
        : act(`Done: ${item.title}`, async () => {
            const { id } = item.reminder;
            await call('reminders.complete', { id });
            return () => call('reminders.reopen', { id });
          }),
    snooze: (item, until) =>
      item.kind !== 'reminder'
        ? Promise.resolve()
        : act(`Snoozed until ${shortDate(until)}: ${item.title}`, async () => {
            const { id } = item.reminder;
            await call('reminders.snooze', { id, until });
            return () => call('reminders.unsnooze', { id });
          }),
    forecast: (item, category) => {
      const renewal = item.kind === 'forecast' || item.kind === 'reminder' ? item.renewal : null;
      if (!renewal) return Promise.resolve();
      return act(`Forecast ${category.replace('_', ' ')}: ${renewal.accountName}`, async () => {
        const { changeId } = await call('renewals.update', { id: renewal.id, patch: { forecast: category } });
        return () => call('money.undo', { changeId });
      });
    },
    createOpportunity: (item) => {
      if (item.kind !== 'signal') return Promise.resolve();
      const s = item.signal;
      return act(`Opportunity created: ${s.title} (${s.name})`, async () => {
        const { changeId } = await call('opportunities.create', { accountId: s.accountId, title: s.title, arrCents: s.arrCents ?? 0, source: s.source });
        return () => call('money.undo', { changeId });
      });
    },
    dismiss: (item) => {
      if (item.kind !== 'signal') return Promise.resolve();
      const s = item.signal;
      // Not undoable: a dismissed suggestion comes back only with new evidence (the money service's rule).
      return act(`Dismissed the suggestion for ${s.name}`, async () => {
        await call('signals.dismiss', { accountId: s.accountId, source: s.source, since: s.since });
        return null;
      });
    },
    resolveFlag: (item) => {
      const flagId = item.kind === 'reminder' ? item.reminder.flagId : null;
      if (flagId === null) return Promise.resolve();
      return act(`Flag resolved: ${item.title}`, async () => {
        await call('flags.resolve', { id: flagId });
        return () => call('flags.unresolve', { id: flagId });
      });
    },
    async undo() {
      const popped = popUndo(get().undoStack);
      if (!popped) return;
      set({ undoStack: popped.rest });
      try {
        await popped.entry.undo();
        set({ message: `Undone: ${popped.entry.label}` });
      } catch (error) {
        report(error);
      }
      await Promise.all([get().load(), get().loadSummary()]);
      void useAccountsStore.getState().load();
    },
  };
});
