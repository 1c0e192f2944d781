// The command palette (Ctrl/Cmd+K): open/close and the server-side part of its search — contacts and
// full-text search over touch notes (FTS5). Accounts and commands are matched locally.
import { create } from 'zustand';
import type { SearchResults } from '../../shared/contracts/today';
import { call } from '../api';
import { useAccountsStore } from './accounts';

const EMPTY: SearchResults = { accounts: [], contacts: [], touches: [] };

interface PaletteStore {
  open: boolean;
  query: string;
  results: SearchResults;
  /** The query the results belong to. */
  resultsFor: string;
  show(): void;
  close(): void;
  setQuery(query: string): void;
}

let timer: ReturnType<typeof setTimeout> | undefined;

export const usePaletteStore = create<PaletteStore>((set, get) => ({
  open: false,
  query: '',
  results: EMPTY,
  resultsFor: '',
  show() {
    set({ open: true, query: '', results: EMPTY, resultsFor: '' });
    if (!useAccountsStore.getState().accounts.length) void useAccountsStore.getState().load();
  },
  close: () => set({ open: false }),
  setQuery(query) {
    set({ query });
    clearTimeout(timer);
    if (!query.trim()) {
      set({ results: EMPTY, resultsFor: '' });
      return;
    }
    timer = setTimeout(async () => {
      try {
        const results = await call('search.query', { query: query.slice(0, 200), limit: 8 });
        if (get().query === query) set({ results, resultsFor: query });
      } catch {
        // A failed search shows no hits; the local matches are still there.
      }
    }, 120);
  },
}));
