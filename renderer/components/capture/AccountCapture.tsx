// Capture's pieces of the account page, connected to their store: the e-mail domains (with
// suggestions) in Details, and the relationship hints on the map. Each reloads when the page's
// account, contacts or domains change (after an accepted hint or an added domain).
import { useEffect } from 'react';
import type { Account, Contact } from '../../../shared/contract';
import { useAccountStore } from '../../stores/account';
import { useCaptureAccountStore } from '../../stores/captureAccount';
import { AccountDomains } from '../account/AccountDomains';
import { StrengthHints } from '../account/StrengthHints';

function useCaptureFacts(accountId: number | undefined, key: string) {
  const load = useCaptureAccountStore((s) => s.load);
  useEffect(() => {
    if (accountId) void load(accountId);
  }, [accountId, key, load]);
}

export function AccountDomainsField({ account, contacts }: { account: Pick<Account, 'id' | 'domains' | 'website'>; contacts: Contact[] }) {
  useCaptureFacts(account.id, `${account.domains.join(',')}|${account.website}|${contacts.map((c) => c.email).join(',')}`);
  const suggestions = useCaptureAccountStore((s) => (s.accountId === account.id ? s.suggestions : []));
  const updateAccount = useAccountStore((s) => s.updateAccount);
  return <AccountDomains domains={account.domains} suggestions={suggestions} onSave={(domains) => updateAccount({ domains })} />;
}

export function RelationshipHints({ contacts }: { contacts: Contact[] }) {
  const accountId = contacts[0]?.accountId;
  useCaptureFacts(accountId, contacts.map((c) => `${c.id}:${c.strength}:${c.lastTouchAt}`).join(','));
  const { hints, accept, dismiss } = useCaptureAccountStore();
  const shown = useCaptureAccountStore((s) => s.accountId) === accountId ? hints : [];
  return <StrengthHints hints={shown} onAccept={(h) => void accept(h)} onDismiss={(h) => void dismiss(h)} />;
}
