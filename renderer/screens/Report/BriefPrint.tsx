// The account brief on one page of paper (A4 or Letter), internal only: the same BriefFacts and
// BriefBody as the account page's panel, over `brief.get`.
import { useEffect } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { briefOptions } from '../../../shared/contracts/brief';
import { labelOf } from '../../../shared/format';
import { BriefBody, BriefFacts } from '../../components/brief/BriefView';
import { useBriefStore } from '../../stores/brief';
import { usePrintReady } from './usePrintReady';
import './print.css';

/** The print route `/print/brief/:id?paper=…`. */
export function BriefPrint() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const parsed = briefOptions.safeParse({ accountId: Number(id), paper: params.get('paper') ?? undefined });
  const { brief, error, load } = useBriefStore();
  const accountId = parsed.success ? parsed.data.accountId : null;

  useEffect(() => {
    if (accountId !== null) void load(accountId);
  }, [accountId, load]);

  const problem = parsed.success ? error : `This brief link is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`;
  const ready = brief !== null && brief.account.id === accountId;
  usePrintReady(ready, problem);

  useEffect(() => {
    if (ready) document.title = `${brief.account.name} — brief ${brief.asOf}`;
  }, [ready, brief]);

  if (problem) return <div className="print-doc"><p className="print-error">{problem}</p></div>;
  if (!ready) return <div className="print-doc"><p className="muted">Preparing the brief…</p></div>;

  const { account } = brief;
  return (
    <article className={`print-doc paper-${parsed.success ? parsed.data.paper : 'a4'}`}>
      <header className="doc-header">
        <div>
          <p className="doc-kicker">Account brief</p>
          <h1>{account.name}</h1>
          <p className="muted">
            {labelOf(account.segment)} · {labelOf(account.stage)}
            {account.industry ? ` · ${account.industry}` : ''}
            {account.externalId ? ` · ${account.externalId}` : ''}
          </p>
        </div>
        <div className="doc-meta">
          <div>as of {brief.asOf}</div>
          <div className="muted">internal — not for the customer</div>
        </div>
      </header>
      <BriefFacts brief={brief} />
      <BriefBody brief={brief} />
    </article>
  );
}
