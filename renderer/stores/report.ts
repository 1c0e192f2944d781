// The data of the document being printed (QBR or portfolio review), loaded once per print route.
import { create } from 'zustand';
import type { QbrData, ReviewData } from '../../shared/contracts/reports';
import type { QbrOptions, ReviewOptions } from '../../shared/print';
import { call } from '../api';

interface ReportStore {
  qbr: QbrData | null;
  review: ReviewData | null;
  error: string | null;
  loadQbr(options: QbrOptions): Promise<void>;
  loadReview(options: ReviewOptions): Promise<void>;
}

export const useReportStore = create<ReportStore>((set) => ({
  qbr: null,
  review: null,
  error: null,
  async loadQbr(options) {
    set({ qbr: null, error: null });
    try {
      set({ qbr: await call('reports.qbr', options) });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  async loadReview(options) {
    set({ review: null, error: null });
    try {
      set({ review: await call('reports.review', options) });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));
