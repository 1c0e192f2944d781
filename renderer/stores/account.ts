// One account's page: everything accountPage.get returns (explained score, changes, trend, flags,
// timeline, goals, metrics, tasks), and every edit made on the page. Each mutation reloads the page
// (the score, flags and timeline may all move) and the portfolio list behind it.
import { shortDate } from '../../shared/today/snooze';
import { create } from 'zustand';
import type { AccountDetail, ChannelInput, Contact, Touch } from '../../shared/contract';
import type { AccountPage } from '../../shared/contracts/account-page';
import { call } from '../api';
import { useAccountsStore } from './accounts';
import { useAppStore } from './app';

interface AccountStore {
  page: AccountPage | null;
  /** page.detail, kept for callers that only need the record, contacts and touches. */
  detail: AccountDetail | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** How many of the account's touches the page holds (newest first); more on request. */
  touchLimit: number;
  load(id: number, touchLimit?: number): Promise<void>;
  /** Loads the next 500 older touches into the page. */
  loadOlderTouches(): Promise<void>;
  /** Reloads the page if it shows `accountId` (or whichever it shows when omitted). */
  refresh(accountId?: number): Promise<void>;
  updateAccount(patch: ChannelInput<'accounts.update'>['patch']): Promise<boolean>;
  updateContact(id: number, patch: ChannelInput<'contacts.update'>['patch']): Promise<boolean>;
  addContact(input: Omit<ChannelInput<'contacts.create'>, 'accountId'>): Promise<boolean>;
  /** Archives (with Undo in the notice banner) or unarchives the account shown. */
  archive(archived: boolean): Promise<void>;
  editTouch(id: number, patch: ChannelInput<'touches.update'>['patch']): Promise<boolean>;
  /** Deletes a contact and offers Undo in the notice banner. */
  deleteContact(contact: Contact): Promise<void>;
  /** Deletes a touch and offers Undo in the notice banner. */
  deleteTouch(touch: Touch): Promise<void>;
  resolveFlag(id: number): Promise<void>;
  snoozeFlag(id: number, until: string): Promise<void>;
  createTask(title: string, due: string, flagId?: number): Promise<boolean>;
  completeTask(id: number): Promise<void>;
  /** Snooze a task until a day (Undo in the banner wakes it). */
  snoozeTask(id: number, until: string): Promise<void>;
  /** Share a task with the customer (the customer copy of the QBR lists it), or stop sharing it. */
  shareTask(id: number, shared: boolean): Promise<void>;
  createGoal(input: Omit<ChannelInput<'goals.create'>, 'accountId'>): Promise<boolean>;
  updateGoal(id: number, patch: ChannelInput<'goals.update'>['patch']): Promise<boolean>;
}

/** Touches an account page loads at first, and per *Load older touches*. */
export const TOUCHES_PER_LOAD = 500;

export const useAccountStore = create<AccountStore>((set, get) => {
  const currentId = () => get().page?.detail.account.id ?? null;

  /** Runs an edit, then reloads what it affects; errors go to the app's banner. */
  async function mutate(run: () => Promise<unknown>): Promise<boolean> {
    try {
      await run();
      await get().refresh();
      void useAccountsStore.getState().load();
      return true;
    } catch (error) {
      useAppStore.getState().showError(error);
      return false;
    }
  }

  return {
    page: null,
    detail: null,
    status: 'idle',
    error: null,
    touchLimit: TOUCHES_PER_LOAD,
    async load(id, touchLimit) {
      // Another account starts again at the newest touches; the same one keeps what was loaded.
      const limit = touchLimit ?? (currentId() === id ? get().touchLimit : TOUCHES_PER_LOAD);
      if (currentId() !== id) set({ status: 'loading', error: null });
      try {
        const page = await call('accountPage.get', { id, touchLimit: limit });
        set({ page, detail: page.detail, status: 'ready', error: null, touchLimit: limit });
      } catch (error) {
        set({ status: 'error', error: (error as Error).message, page: null, detail: null });
      }
    },
    async loadOlderTouches() {
      const id = currentId();
      if (id !== null) await get().load(id, get().touchLimit + TOUCHES_PER_LOAD);
    },
    async refresh(accountId) {
      const id = currentId();
      if (id === null || (accountId !== undefined && accountId !== id)) return;
      await get().load(id);
    },
    updateAccount: (patch) => mutate(() => call('accounts.update', { id: currentId()!, patch })),
    updateContact: (id, patch) => mutate(() => call('contacts.update', { id, patch })),
    addContact: (input) => mutate(() => call('contacts.create', { ...input, accountId: currentId()! })),
    async archive(archived) {
      const id = currentId();
      if (id === null || !(await mutate(() => call('accounts.update', { id, patch: { archived } })))) return;
      const name = get().page?.detail.account.name ?? 'The account';
      if (archived) {
        useAppStore.getState().notify(`Archived ${name}: it no longer shows in the portfolio, Today or the metrics.`, {
          label: 'Undo',
          run: () => void mutate(() => call('accounts.update', { id, patch: { archived: false } })),
        });
      } else useAppStore.getState().notify(`${name} is active again.`);
    },
    editTouch: (id, patch) => mutate(() => call('touches.update', { id, patch })),
    async deleteContact(contact) {
      if (!(await mutate(() => call('contacts.delete', { id: contact.id })))) return;
      useAppStore.getState().notify(`Deleted ${contact.name}.`, {
        label: 'Undo',
        run: async () => {
          if (await mutate(() => call('contacts.undoDelete', { id: contact.id }))) useAppStore.getState().notify(`Restored ${contact.name}.`);
        },
      });
    },
    async deleteTouch(touch) {
      const label = touch.summary || 'this touch';
      if (!(await mutate(() => call('touches.delete', { id: touch.id })))) return;
      useAppStore.getState().notify(`Deleted the touch “${label}” (${touch.occurredAt.slice(0, 10)}).`, {
        label: 'Undo',
        run: async () => {
          if (await mutate(() => call('touches.undoDelete', { id: touch.id }))) useAppStore.getState().notify(`Restored the touch “${label}”.`);
        },
      });
    },
    // Resolving or snoozing a flag closes or snoozes its tasks at once (the flags service); Undo puts both back.
    async resolveFlag(id) {
      if (!(await mutate(() => call('flags.resolve', { id })))) return;
      useAppStore.getState().notify('Flag resolved; its open tasks are closed.', {
        label: 'Undo',
        run: () => void mutate(() => call('flags.unresolve', { id })),
      });
    },
    async snoozeFlag(id, until) {
      if (!(await mutate(() => call('flags.snooze', { id, until })))) return;
      useAppStore.getState().notify(`Flag snoozed until ${shortDate(until)}, with its tasks.`, {
        label: 'Undo',
        run: () => void mutate(() => call('flags.unsnooze', { id })),
      });
    },
    createTask: (title, due, flagId) => mutate(() => call('reminders.create', { accountId: currentId(), title, due, ...(flagId ? { flagId } : {}) })),
    completeTask: async (id) => void (await mutate(() => call('reminders.complete', { id }))),
    async snoozeTask(id, until) {
      if (!(await mutate(() => call('reminders.snooze', { id, until })))) return;
      useAppStore.getState().notify(`Task snoozed until ${shortDate(until)}.`, {
        label: 'Undo',
        run: () => void mutate(() => call('reminders.unsnooze', { id })),
      });
    },
    shareTask: async (id, shared) => void (await mutate(() => call('reminders.share', { id, shared }))),
    createGoal: (input) => mutate(() => call('goals.create', { ...input, accountId: currentId()! })),
    updateGoal: (id, patch) => mutate(() => call('goals.update', { id, patch })),
  };
});
