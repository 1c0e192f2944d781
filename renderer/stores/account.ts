// One account's page: its record, contacts and touches.
import { create } from 'zustand';
import type { AccountDetail } from '../../shared/contract';
import { call } from '../api';

interface AccountStore {
  detail: AccountDetail | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load(id: number): Promise<void>;
}

export const useAccountStore = create<AccountStore>((set) => ({
  detail: null,
  status: 'idle',
  error: null,
  async load(id) {
    set({ status: 'loading', error: null });
    try {
      set({ detail: await call('accounts.get', { id }), status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: (error as Error).message, detail: null });
    }
  },
}));
