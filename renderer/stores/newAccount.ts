// The New account dialog (Ctrl/Cmd+N, the portfolio's button, the palette, the menu): open/close
// and saving through accounts.create — which scores the account — then opening its page.
import { create } from 'zustand';
import type { Account, ChannelInput } from '../../shared/contract';
import { call } from '../api';
import { useAccountsStore } from './accounts';

interface NewAccountStore {
  open: boolean;
  saving: boolean;
  error: string | null;
  show(): void;
  close(): void;
  /** The created account, or null with `error` set (e.g. an external id already in use). */
  save(input: ChannelInput<'accounts.create'>): Promise<Account | null>;
}

export const useNewAccountStore = create<NewAccountStore>((set) => ({
  open: false,
  saving: false,
  error: null,
  show: () => set({ open: true, error: null }),
  close: () => set({ open: false, error: null }),
  async save(input) {
    set({ saving: true, error: null });
    try {
      const account = await call('accounts.create', input);
      set({ open: false, saving: false });
      void useAccountsStore.getState().load();
      return account;
    } catch (error) {
      set({ saving: false, error: (error as Error).message });
      return null;
    }
  },
}));
