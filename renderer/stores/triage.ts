// Triage cases on the account page (SPEC "Triage cases"): the account's open case or the suggestion
// to open one, its past cases, and the CSM's edits — open, update, close, with Undo in the notice
// banner. A case is only ever opened here when the CSM presses Open.
import { create } from 'zustand';
import type { ChannelInput } from '../../shared/contract';
import type { TriageForAccount } from '../../shared/contracts/triage';
import type { Stage } from '../../shared/domain';
import { labelOf } from '../../shared/format';
import { call } from '../api';
import { useAccountStore } from './account';
import { useAccountsStore } from './accounts';
import { useAppStore } from './app';

interface TriageStore {
  accountId: number | null;
  view: TriageForAccount | null;
  busy: boolean;
  load(accountId: number): Promise<void>;
  open(input: ChannelInput<'triage.open'>): Promise<boolean>;
  update(id: number, patch: ChannelInput<'triage.update'>['patch']): Promise<boolean>;
  /** Closes the open case; `stage` also moves the account out of stage triage. */
  close(id: number, outcome: 'recovered' | 'closed', stage?: Exclude<Stage, 'churned' | 'triage'>): Promise<void>;
}

const report = (error: unknown) => useAppStore.getState().showError(error);

export const useTriageStore = create<TriageStore>((set, get) => {
  /** Runs an edit, reloads the panel (and the page when the account itself changed). */
  async function mutate<T>(run: () => Promise<T>, accountChanged = false): Promise<T | null> {
    set({ busy: true });
    try {
      const result = await run();
      const id = get().accountId;
      if (id !== null) await get().load(id);
      if (accountChanged) {
        await useAccountStore.getState().refresh(id ?? undefined);
        void useAccountsStore.getState().load();
      }
      return result;
    } catch (error) {
      report(error);
      return null;
    } finally {
      set({ busy: false });
    }
  }

  return {
    accountId: null,
    view: null,
    busy: false,
    async load(accountId) {
      if (get().accountId !== accountId) set({ accountId, view: null });
      try {
        const view = await call('triage.forAccount', { accountId });
        if (get().accountId === accountId) set({ view });
      } catch (error) {
        report(error);
      }
    },
    async open(input) {
      const opened = await mutate(() => call('triage.open', input));
      if (!opened) return false;
      useAppStore.getState().notify(`Opened a triage case for ${opened.accountName}${opened.targetDate ? `, target ${opened.targetDate}` : ''}.`, {
        label: 'Undo',
        run: () => void mutate(() => call('triage.delete', { id: opened.id })),
      });
      return true;
    },
    async update(id, patch) {
      return (await mutate(() => call('triage.update', { id, patch }))) !== null;
    },
    async close(id, outcome, stage) {
      const stageBefore = useAccountStore.getState().page?.detail.account.stage;
      const closed = await mutate(() => call('triage.close', { id, outcome, stage }), stage !== undefined);
      if (!closed) return;
      const moved = stage ? ` and moved it to ${labelOf(stage).toLowerCase()}` : '';
      useAppStore.getState().notify(`Closed the triage case of ${closed.accountName} as ${closed.outcome}${moved}.`, {
        label: 'Undo',
        run: () =>
          void mutate(async () => {
            await call('triage.reopen', { id });
            if (stage && stageBefore) await call('accounts.update', { id: closed.accountId, patch: { stage: stageBefore } });
          }, stage !== undefined),
      });
    },
  };
});
