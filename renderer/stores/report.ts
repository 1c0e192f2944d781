// The data of the document being printed (QBR or portfolio review), loaded once per print route.
import { create } from 'zustand';
import type { CustomerQbrData, QbrData, ReviewData } from '../../shared/contracts/reports';
import type { QbrOptions, ReviewOptions } from '../../shared/print';
import { call } from '../api';
import { useAppStore } from './app';

interface ReportStore {
  qbr: QbrData | null;
  customerQbr: CustomerQbrData | null;
  review: ReviewData | null;
  error: string | null;
  loadQbr(options: QbrOptions): Promise<void>;
  loadCustomerQbr(options: QbrOptions): Promise<void>;
  loadReview(options: ReviewOptions): Promise<void>;
  exporting: boolean;
  /** The QBR export dialog (period, copy, what the customer copy includes), open for an account. */
  exportDialog: { accountId: number; audience: 'internal' | 'customer' } | null;
  openExport(accountId: number, audience?: 'internal' | 'customer'): void;
  closeExport(): void;
  /** Save dialog, then the PDF (the main process prints it); tells the user where it went. */
  exportQbr(options: QbrOptions): Promise<void>;
  exportReview(options: ReviewOptions): Promise<void>;
}

async function exporting(set: (s: Partial<ReportStore>) => void, work: () => Promise<{ file: string } | null>, what: string) {
  set({ exporting: true });
  try {
    const saved = await work();
    if (saved) useAppStore.getState().notify(`Saved the ${what} to ${saved.file}`);
  } catch (error) {
    useAppStore.getState().showError(error);
  } finally {
    set({ exporting: false });
  }
}

export const useReportStore = create<ReportStore>((set) => ({
  qbr: null,
  customerQbr: null,
  review: null,
  error: null,
  async loadCustomerQbr(options) {
    set({ customerQbr: null, error: null });
    try {
      set({ customerQbr: await call('reports.customerQbr', options) });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  async loadQbr(options) {
    set({ qbr: null, error: null });
    try {
      set({ qbr: await call('reports.qbr', options) });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  exporting: false,
  exportDialog: null,
  openExport: (accountId, audience = 'internal') => set({ exportDialog: { accountId, audience } }),
  closeExport: () => set({ exportDialog: null }),
  exportQbr: (options) => exporting(set, () => call('reports.exportQbr', options), 'QBR'),
  exportReview: (options) => exporting(set, () => call('reports.exportReview', options), 'portfolio review'),
  async loadReview(options) {
    set({ review: null, error: null });
    try {
      set({ review: await call('reports.review', options) });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));
