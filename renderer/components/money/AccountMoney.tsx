// The money side of one account's page: revenue history, the open renewal, expansion and the
// survey/metric forms — loaded with money.account and reloaded whenever the page is. The account
// page's Details route MRR and stage edits through here: a new MRR asks what kind of change it is,
// churned asks the date and reason, and leaving churned brings the customer back.
import { useEffect } from 'react';
import type { Account, Contact } from '../../../shared/contract';
import type { Stage } from '../../../shared/domain';
import { useAccountStore } from '../../stores/account';
import { useMoneyStore } from '../../stores/money';
import { OpportunitiesPanel } from './OpportunitiesPanel';
import { RecordPanel } from './RecordPanel';
import { RenewalPanel } from './RenewalPanel';
import { RevenuePanel } from './RevenuePanel';
import './money.css';

/** The MRR a change starts from: the revenue history's when it is loaded for this account. */
function currentMrr(account: Account): number {
  const data = useMoneyStore.getState().account;
  return data && data.accountId === account.id ? data.ledgerMrrCents : account.mrrCents;
}

export function openChangeMrr(account: Account): void {
  useMoneyStore.getState().openDialog({ kind: 'mrr', accountId: account.id, name: account.name, currency: account.currency, mrrCents: currentMrr(account), stage: account.stage });
}

function bringBack(account: Account, stage?: Exclude<Stage, 'churned'>): void {
  const data = useMoneyStore.getState().account;
  const churn = data && data.accountId === account.id ? data.events.find((e) => e.kind === 'churn') : undefined;
  useMoneyStore.getState().openDialog({ kind: 'reactivate', accountId: account.id, name: account.name, currency: account.currency, suggestedMrrCents: churn ? -churn.mrrDeltaCents : 0, stage });
}

/** A stage picked in Details: churned and back from churned go through their dialogs. */
export function changeStage(account: Account, stage: Stage): Promise<boolean> | void {
  if (stage === account.stage) return;
  if (stage === 'churned') {
    useMoneyStore.getState().openDialog({ kind: 'churn', accountId: account.id, name: account.name, currency: account.currency, mrrCents: currentMrr(account) });
    return;
  }
  if (account.stage === 'churned') return bringBack(account, stage);
  return useAccountStore.getState().updateAccount({ stage });
}

export function AccountMoney({ account, contacts }: { account: Account; contacts: Contact[] }) {
  const page = useAccountStore((s) => s.page);
  const data = useMoneyStore((s) => s.account);
  const loadAccount = useMoneyStore((s) => s.loadAccount);
  useEffect(() => {
    void loadAccount(account.id);
  }, [account.id, page, loadAccount]);
  if (!data || data.accountId !== account.id) return <div className="acct-grid two-wide money-grid" aria-busy="true" />;
  return (
    <>
      <div className="acct-grid two-wide money-grid">
        <RevenuePanel data={data} name={account.name} onChangeMrr={() => openChangeMrr(account)} />
        <RenewalPanel data={data} onBringBack={() => bringBack(account)} />
      </div>
      <div className="acct-grid money-grid">
        <OpportunitiesPanel data={data} />
        <RecordPanel accountId={account.id} contacts={contacts} asOf={data.asOf} />
      </div>
    </>
  );
}
