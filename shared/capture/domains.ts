// Suggested e-mail domains for an account (the account page offers them; the CSM adds them with a
// click): the website's domain and the domains of its contacts' addresses. Public mail domains and
// the CSM's own domains are never suggested; domains already on the account are left out.
import { domainOf, inDomains, isPublicDomain, normalizeDomain, normalizeEmail } from './addresses';

export interface DomainSuggestion {
  domain: string;
  /** 'website' or 'N contacts'. */
  reason: string;
}

export function suggestDomains(input: {
  website: string | null;
  contactEmails: readonly (string | null)[];
  current: readonly string[];
  myDomains?: readonly string[];
}): DomainSuggestion[] {
  const current = new Set(input.current.map((d) => d.toLowerCase()));
  const mine = new Set((input.myDomains ?? []).map((d) => d.toLowerCase()));
  const skip = (d: string) => current.has(d) || isPublicDomain(d) || inDomains(d, mine);
  const out: DomainSuggestion[] = [];
  const site = normalizeDomain(input.website);
  if (site && !skip(site)) out.push({ domain: site, reason: 'website' });
  const counts = new Map<string, number>();
  for (const raw of input.contactEmails) {
    const email = normalizeEmail(raw);
    if (!email) continue;
    const domain = domainOf(email);
    if (skip(domain) || domain === site) continue;
    counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  for (const [domain, n] of [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    out.push({ domain, reason: `${n} contact${n === 1 ? '' : 's'}` });
  }
  return out;
}
