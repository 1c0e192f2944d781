// The portfolio month by month (shared/contracts/trends.ts), for the accounts the portfolio's filters
// show: the screen passes their ids, or null for the whole book.
import { create } from 'zustand';
import { TRENDS_DEFAULT_MONTHS, type TrendsView } from '../../shared/contracts/trends';
import { call } from '../api';

interface TrendsStore {
  trends: TrendsView | null;
  months: number;
  loading: boolean;
  error: string | null;
  /** The request last sent, so a slower earlier answer never replaces a newer one. */
  requested: string;
  load(months: number, accountIds: number[] | null): Promise<void>;
}

export const useTrendsStore = create<TrendsStore>((set, get) => ({
  trends: null,
  months: TRENDS_DEFAULT_MONTHS,
  loading: false,
  error: null,
  requested: '',
  async load(months, accountIds) {
    const key = JSON.stringify([months, accountIds]);
    set({ months, loading: true, error: null, requested: key });
    try {
      const trends = await call('trends.get', { months, accountIds });
      if (get().requested === key) set({ trends, loading: false });
    } catch (error) {
      if (get().requested === key) set({ error: (error as Error).message, loading: false });
    }
  },
}));
