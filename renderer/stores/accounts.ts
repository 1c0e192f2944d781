// The account list behind the portfolio: loaded once through window.tend, filtered locally.
import { create } from 'zustand';
import type { AccountSummary } from '../../shared/contract';
import { call } from '../api';
import { useAppStore } from './app';

interface AccountsStore {
  accounts: AccountSummary[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  search: string;
  loadingDemo: boolean;
  load(): Promise<void>;
  setSearch(search: string): void;
  loadDemo(): Promise<void>;
}

export const useAccountsStore = create<AccountsStore>((set, get) => ({
  accounts: [],
  status: 'idle',
  search: '',
  loadingDemo: false,
  async load() {
    set({ status: get().accounts.length ? 'ready' : 'loading' });
    try {
      set({ accounts: await call('accounts.list', {}), status: 'ready' });
    } catch (error) {
      set({ status: 'error' });
      useAppStore.getState().showError(error);
    }
  },
  setSearch: (search) => set({ search }),
  async loadDemo() {
    set({ loadingDemo: true });
    try {
      await call('demo.load', {});
      await Promise.all([get().load(), useAppStore.getState().loadInfo()]);
    } catch (error) {
      useAppStore.getState().showError(error);
    } finally {
      set({ loadingDemo: false });
    }
  },
}));

/** Case-insensitive match on name, external id, segment or stage. */
export function filterAccounts(accounts: AccountSummary[], search: string): AccountSummary[] {
  const needle = search.trim().toLowerCase();
  if (!needle) return accounts;
  return accounts.filter(
    (a) =>
      a.name.toLowerCase().includes(needle) ||
      (a.externalId ?? '').toLowerCase().includes(needle) ||
      a.segment.includes(needle) ||
      a.stage.includes(needle),
  );
}
