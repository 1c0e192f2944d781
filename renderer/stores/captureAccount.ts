// What capture adds to an account page: relationship hints for its map (suggested strengths from
// how often and how recently each person was reached — applied only when the CSM accepts one) and
// the e-mail domains to suggest for it. Accepting a hint is an ordinary contact edit.
import { create } from 'zustand';
import type { DomainSuggestionView, StrengthHintView } from '../../shared/contracts/capture';
import { call } from '../api';
import { useAccountStore } from './account';
import { useAppStore } from './app';

interface CaptureAccountStore {
  accountId: number | null;
  hints: StrengthHintView[];
  suggestions: DomainSuggestionView[];
  load(accountId: number): Promise<void>;
  accept(hint: StrengthHintView): Promise<void>;
  dismiss(hint: StrengthHintView): Promise<void>;
}

export const useCaptureAccountStore = create<CaptureAccountStore>((set, get) => ({
  accountId: null,
  hints: [],
  suggestions: [],
  async load(accountId) {
    if (get().accountId !== accountId) set({ accountId, hints: [], suggestions: [] });
    try {
      const [hints, suggestions] = await Promise.all([call('capture.hints', { accountId }), call('capture.domainSuggestions', { accountId })]);
      if (get().accountId === accountId) set({ hints, suggestions });
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
  async accept(hint) {
    // The page reloads after the edit, and the hints with it.
    if (await useAccountStore.getState().updateContact(hint.contactId, { strength: hint.to })) {
      useAppStore.getState().notify(`${hint.name} is now at strength ${hint.to}.`);
    }
  },
  async dismiss(hint) {
    try {
      await call('capture.dismissHint', { contactId: hint.contactId, to: hint.to });
      set({ hints: get().hints.filter((h) => h.contactId !== hint.contactId) });
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
}));
