// An account's e-mail domains (capture finds the account of a meeting or message by them): chips
// with remove, a field to add one, and the suggestions capture makes from the account's website and
// its contacts' addresses — a click adds one. Public mail domains are refused by the contract.
import { useEffect, useState } from 'react';
import { normalizeDomain, isPublicDomain } from '../../../shared/capture/addresses';
import type { DomainSuggestionView } from '../../../shared/contracts/capture';

interface Props {
  domains: string[];
  suggestions: DomainSuggestionView[];
  onSave(domains: string[]): Promise<boolean>;
}

export function AccountDomains({ domains, suggestions, onSave }: Props) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setError(null), [domains]);

  const add = async (raw: string) => {
    const domain = normalizeDomain(raw);
    if (!domain) return setError(`“${raw}” is not a domain; type one such as acme.com.`);
    if (isPublicDomain(domain)) return setError(`${domain} is a public mail domain: anyone can have an address there, so it cannot identify an account.`);
    if (domains.includes(domain)) return setDraft('');
    if (await onSave([...domains, domain])) setDraft('');
  };

  return (
    <div className="account-domains" aria-label="E-mail domains">
      <span className="inline-label">E-mail domains</span>
      <div className="domain-chips">
        {domains.length === 0 && <span className="muted small">None yet — capture finds this account by them.</span>}
        {domains.map((d) => (
          <span key={d} className="domain-chip">
            {d}
            <button type="button" aria-label={`Remove ${d}`} title={`Remove ${d}`} onClick={() => void onSave(domains.filter((x) => x !== d))}>
              ×
            </button>
          </span>
        ))}
      </div>
      {suggestions.length > 0 && (
        <div className="domain-chips" aria-label="Suggested domains">
          <span className="muted small">Suggested:</span>
          {suggestions.slice(0, 4).map((s) => (
            <button key={s.domain} type="button" className="domain-suggestion" title={`From its ${s.reason === 'website' ? 'website' : `${s.reason}' addresses`}`} onClick={() => void add(s.domain)}>
              + {s.domain} <span className="muted">({s.reason})</span>
            </button>
          ))}
        </div>
      )}
      <form
        className="domain-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim()) void add(draft.trim());
        }}
      >
        <input aria-label="Add an e-mail domain" placeholder="customer.com" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className="small-button" disabled={!draft.trim()}>
          Add
        </button>
      </form>
      {error && (
        <span className="domain-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
