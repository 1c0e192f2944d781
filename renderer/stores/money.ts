// The money side of the book: the account page's revenue, renewal and opportunities, the Renewals
// and Forecast screens, Today's money sections, the portfolio's pipeline, and the money dialogs
// (change MRR, churn, bring back, close a renewal). Every write reports what it did in the notice
// banner with Undo, then reloads whatever shows money (and the account page: score, flags and
// timeline move too).
import { create } from 'zustand';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { AccountMoney, ForecastView, RenewalView } from '../../shared/contracts/money';
import type { ExpansionSignalView } from '../../shared/contracts/money';
import type { Stage } from '../../shared/domain';
import { call } from '../api';
import { useAccountStore } from './account';
import { useAccountsStore } from './accounts';
import { useAppStore } from './app';

export type MoneyDialog =
  | { kind: 'mrr'; accountId: number; name: string; currency: string; mrrCents: number; stage: Stage }
  | { kind: 'churn'; accountId: number; name: string; currency: string; mrrCents: number; renewalId?: number }
  | { kind: 'reactivate'; accountId: number; name: string; currency: string; suggestedMrrCents: number; stage?: Exclude<Stage, 'churned'> }
  | { kind: 'renewal'; renewal: RenewalView; mrrCents: number };

type ChangeChannel = {
  [C in Channel]: ChannelOutput<C> extends { changeId: number; summary: string } ? C : never;
}[Channel];

interface MoneyStore {
  account: AccountMoney | null;
  renewals: { asOf: string; renewals: RenewalView[] } | null;
  forecast: ForecastView | null;
  forecastMonths: number;
  today: { asOf: string; renewals: RenewalView[]; signals: ExpansionSignalView[] } | null;
  pipeline: ChannelOutput<'money.pipeline'> | null;
  dialog: MoneyDialog | null;
  busy: boolean;
  /** The dialog's error (it stays open to be fixed). */
  error: string | null;
  loadAccount(accountId: number): Promise<void>;
  loadRenewals(): Promise<void>;
  loadForecast(months?: number): Promise<void>;
  loadToday(): Promise<void>;
  loadPipeline(): Promise<void>;
  /** Runs a money write; on success the banner says what it did and offers Undo. Returns success. */
  change<C extends ChangeChannel>(channel: C, input: ChannelInput<C>): Promise<boolean>;
  undo(changeId: number): Promise<void>;
  dismissSignal(signal: ExpansionSignalView): Promise<void>;
  openDialog(dialog: MoneyDialog): void;
  closeDialog(): void;
  /** Runs a write from the open dialog: closes it on success, shows the error in it otherwise. */
  submitDialog<C extends ChangeChannel>(channel: C, input: ChannelInput<C>): Promise<void>;
}

export const useMoneyStore = create<MoneyStore>((set, get) => {
  const report = (error: unknown) => useAppStore.getState().showError(error);

  /** After a write: everything on screen that shows money, the account page and the list behind it. */
  async function reloadAll(accountId?: number) {
    const { account, renewals, forecast, today, pipeline } = get();
    await Promise.all([
      account && (accountId === undefined || account.accountId === accountId) ? get().loadAccount(account.accountId) : null,
      renewals ? get().loadRenewals() : null,
      forecast ? get().loadForecast(get().forecastMonths) : null,
      today ? get().loadToday() : null,
      pipeline ? get().loadPipeline() : null,
      useAccountStore.getState().refresh(accountId),
    ]);
    void useAccountsStore.getState().load();
  }

  async function write<C extends ChangeChannel>(channel: C, input: ChannelInput<C>): Promise<void> {
    const result = (await call(channel, input)) as { changeId: number; accountId: number; summary: string };
    useAppStore.getState().clearError();
    useAppStore.getState().notify(result.summary, { label: 'Undo', run: () => get().undo(result.changeId) });
    await reloadAll(result.accountId);
  }

  return {
    account: null,
    renewals: null,
    forecast: null,
    forecastMonths: 6,
    today: null,
    pipeline: null,
    dialog: null,
    busy: false,
    error: null,
    async loadAccount(accountId) {
      try {
        const account = await call('money.account', { accountId });
        set({ account });
      } catch (error) {
        report(error);
      }
    },
    async loadRenewals() {
      try {
        set({ renewals: await call('renewals.list', {}) });
      } catch (error) {
        report(error);
      }
    },
    async loadForecast(months = get().forecastMonths) {
      set({ forecastMonths: months });
      try {
        set({ forecast: await call('forecast.get', { months }) });
      } catch (error) {
        report(error);
      }
    },
    async loadToday() {
      try {
        set({ today: await call('money.today', {}) });
      } catch (error) {
        report(error);
      }
    },
    async loadPipeline() {
      try {
        set({ pipeline: await call('money.pipeline', {}) });
      } catch (error) {
        report(error);
      }
    },
    async change(channel, input) {
      try {
        await write(channel, input);
        return true;
      } catch (error) {
        report(error);
        return false;
      }
    },
    async undo(changeId) {
      try {
        const undone = await call('money.undo', { changeId });
        useAppStore.getState().notify(undone.summary);
        await reloadAll(undone.accountId);
      } catch (error) {
        report(error);
      }
    },
    async dismissSignal(signal) {
      try {
        await call('signals.dismiss', { accountId: signal.accountId, source: signal.source, since: signal.since });
        useAppStore.getState().notify(`Dismissed the suggestion for ${signal.name}: it comes back only with new evidence.`);
        await reloadAll(signal.accountId);
      } catch (error) {
        report(error);
      }
    },
    openDialog: (dialog) => set({ dialog, error: null }),
    closeDialog: () => set({ dialog: null, error: null, busy: false }),
    async submitDialog(channel, input) {
      set({ busy: true, error: null });
      try {
        await write(channel, input);
        set({ dialog: null, busy: false });
      } catch (error) {
        set({ busy: false, error: (error as Error).message });
      }
    },
  };
});
