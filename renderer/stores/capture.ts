// Quick capture (Ctrl/Cmd+L): open/close, the chosen account's contacts for autocomplete, and saving
// through touches.log — which rescored the account — then refreshing what shows that account.
import { create } from 'zustand';
import type { ChannelInput, Contact } from '../../shared/contract';
import { call } from '../api';
import { useAccountStore } from './account';
import { useAccountsStore } from './accounts';
import { useAppStore } from './app';
import { useTodayStore } from './today';

interface CaptureStore {
  open: boolean;
  /** Account preselected when opened (the account page's). */
  presetAccountId: number | null;
  contacts: Contact[];
  contactsFor: number | null;
  saving: boolean;
  error: string | null;
  /** The last saved touch, for the confirmation toast. */
  toast: { accountId: number; accountName: string; message: string } | null;
  show(accountId?: number | null): void;
  close(): void;
  loadContacts(accountId: number): Promise<void>;
  /** Logs the touch; with `nps`, the NPS given on the call lands with it (one transaction). */
  save(input: ChannelInput<'touches.log'>, accountName: string, nps?: number | null): Promise<boolean>;
  dismissToast(): void;
}

export const useCaptureStore = create<CaptureStore>((set, get) => ({
  open: false,
  presetAccountId: null,
  contacts: [],
  contactsFor: null,
  saving: false,
  error: null,
  toast: null,
  show(accountId = null) {
    set({ open: true, presetAccountId: accountId, error: null });
    if (!useAccountsStore.getState().accounts.length) void useAccountsStore.getState().load();
  },
  close: () => set({ open: false, error: null }),
  async loadContacts(accountId) {
    if (get().contactsFor === accountId) return;
    set({ contactsFor: accountId, contacts: [] });
    try {
      const detail = await call('accounts.get', { id: accountId });
      if (get().contactsFor === accountId) set({ contacts: detail.contacts });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  async save(input, accountName, nps = null) {
    set({ saving: true, error: null });
    const before = useAccountsStore.getState().accounts.find((a) => a.id === input.accountId)?.score ?? null;
    try {
      if (nps === null) await call('touches.log', input);
      else await call('capture.touchWithNps', { touch: input, nps: { score: nps, contactId: input.contactIds?.[0] ?? null } });
      await Promise.all([
        useAccountStore.getState().refresh(input.accountId),
        useAccountsStore.getState().load(),
        useTodayStore.getState().view ? useTodayStore.getState().load() : Promise.resolve(),
      ]);
      const after = useAccountsStore.getState().accounts.find((a) => a.id === input.accountId)?.score ?? null;
      const moved = before !== null && after !== null && before !== after ? ` · score ${before} → ${after}` : after !== null ? ` · score ${after}` : '';
      // A backdated touch says its date, so a slip of the picker shows at once.
      const asOf = useAppStore.getState().info?.asOf;
      const dated = asOf && input.occurredAt !== asOf ? ` for ${input.occurredAt}` : '';
      set({ open: false, saving: false, toast: { accountId: input.accountId, accountName, message: `Touch logged on ${accountName}${dated}${nps === null ? '' : ` with an NPS of ${nps}`}${moved}` } });
      return true;
    } catch (error) {
      set({ saving: false, error: (error as Error).message });
      useAppStore.getState().clearError();
      return false;
    }
  },
  dismissToast: () => set({ toast: null }),
}));
