// Who a captured meeting or message was with, and which account it belongs to (SPEC "Capture …",
// seed 001: automate capture). Pure: the book (accounts, contacts, the CSM's own domains) is passed
// in as an index built once per capture.
//
// - People are matched by e-mail, case-insensitively, `+tag` ignored (addresses.ts).
// - The account: the sender's or organizer's own contact account, else the account most of the known
//   contacts belong to, else the account whose `domains` hold the sender's or organizer's domain,
//   else the one most other participants' domains point at. Public mail domains never identify an
//   account; a domain two accounts both claim identifies neither.
// - Internal: nobody from outside My domains took part — not logged.
// - Unknown people at the chosen account's domains are offered as new contacts.
import { domainOf, inDomains, domainAndParents, isAutomatedAddress, isPublicDomain } from './addresses';
import type { CapturedItem, Participant } from './types';

export interface BookAccount {
  id: number;
  name: string;
  domains: readonly string[];
}

export interface BookContact {
  id: number;
  accountId: number;
  name: string;
  /** Normalised e-mail, or null. */
  email: string | null;
  leftOn: string | null;
}

const AMBIGUOUS = -1;

export interface BookIndex {
  contactsByEmail: Map<string, BookContact>;
  /** Domain → account id, or -1 when two accounts claim it. */
  accountsByDomain: Map<string, number>;
  domainsOfAccount: Map<number, Set<string>>;
  accountNames: Map<number, string>;
  myDomains: Set<string>;
}

export function buildBookIndex(accounts: readonly BookAccount[], contacts: readonly BookContact[], myDomains: readonly string[]): BookIndex {
  const index: BookIndex = {
    contactsByEmail: new Map(),
    accountsByDomain: new Map(),
    domainsOfAccount: new Map(),
    accountNames: new Map(),
    myDomains: new Set(myDomains.map((d) => d.toLowerCase())),
  };
  for (const account of accounts) {
    index.accountNames.set(account.id, account.name);
    const own = new Set<string>();
    for (const raw of account.domains) {
      const domain = raw.toLowerCase();
      if (isPublicDomain(domain)) continue;
      own.add(domain);
      const seen = index.accountsByDomain.get(domain);
      index.accountsByDomain.set(domain, seen === undefined || seen === account.id ? account.id : AMBIGUOUS);
    }
    index.domainsOfAccount.set(account.id, own);
  }
  for (const contact of contacts) {
    if (!contact.email) continue;
    const seen = index.contactsByEmail.get(contact.email);
    // The same address twice: prefer someone still at the company, then the older record.
    if (!seen || (seen.leftOn && !contact.leftOn)) index.contactsByEmail.set(contact.email, contact);
  }
  return index;
}

/** The account a domain identifies: its own or a parent's ('eu.acme.com' → 'acme.com'). */
export function accountOfDomain(index: BookIndex, domain: string): { accountId: number | null; ambiguous: boolean } {
  if (isPublicDomain(domain)) return { accountId: null, ambiguous: false };
  for (const d of domainAndParents(domain)) {
    const id = index.accountsByDomain.get(d);
    if (id === AMBIGUOUS) return { accountId: null, ambiguous: true };
    if (id !== undefined) return { accountId: id, ambiguous: false };
  }
  return { accountId: null, ambiguous: false };
}

export const isMine = (index: BookIndex, email: string): boolean => inDomains(domainOf(email), index.myDomains);

export type MatchStatus = 'new' | 'internal' | 'unmatched' | 'cancelled' | 'declined' | 'automated';

export interface ItemMatch {
  status: MatchStatus;
  /** Why it is not logged, in words (status other than 'new'). */
  reason: string | null;
  accountId: number | null;
  matchedBy: 'contact' | 'domain' | null;
  /** Known contacts of the account who took part. */
  contactIds: number[];
  /** People outside My domains at the account's domains who are no contact yet. */
  newPeople: Participant[];
  /** Everyone outside My domains (an unmatched item lists them). */
  external: Participant[];
  direction: 'inbound' | 'outbound' | null;
}

const PRIMARY_ROLES = new Set(['from', 'organizer']);

/** Each address once, the sender/organizer first (their role wins over a later mention). */
function distinctPeople(participants: readonly Participant[]): Participant[] {
  const byEmail = new Map<string, Participant>();
  const ordered = [...participants].sort((a, b) => Number(PRIMARY_ROLES.has(b.role)) - Number(PRIMARY_ROLES.has(a.role)));
  for (const p of ordered) {
    const seen = byEmail.get(p.email);
    if (!seen) byEmail.set(p.email, p);
    else if (!seen.name && p.name) byEmail.set(p.email, { ...seen, name: p.name });
  }
  return [...byEmail.values()];
}

function declinedReason(item: CapturedItem, people: Participant[], index: BookIndex): string | null {
  if (item.kind !== 'meeting') return null;
  const owner = item.owner ? people.find((p) => p.email === item.owner) : undefined;
  if (owner?.declined) return `declined by ${owner.email} (the calendar's owner)`;
  const attendees = people.filter((p) => p.role === 'attendee');
  const ours = attendees.filter((p) => isMine(index, p.email));
  const theirs = attendees.filter((p) => !isMine(index, p.email));
  const organizerIsOurs = people.some((p) => p.role === 'organizer' && isMine(index, p.email));
  if (ours.length && ours.every((p) => p.declined) && !organizerIsOurs) return 'declined by everyone on your side';
  if (theirs.length && theirs.every((p) => p.declined)) return 'declined by everyone outside your domains';
  return null;
}

/** Whom the item was with, its account, and whether it is logged (before the as-of and duplicate checks). */
export function matchItem(item: CapturedItem, index: BookIndex): ItemMatch {
  const people = distinctPeople(item.participants);
  const external = people.filter((p) => !isMine(index, p.email));
  const primary = people.find((p) => PRIMARY_ROLES.has(p.role)) ?? null;
  const direction = primary ? (isMine(index, primary.email) ? 'outbound' : 'inbound') : null;
  const result: ItemMatch = { status: 'new', reason: null, accountId: null, matchedBy: null, contactIds: [], newPeople: [], external, direction };
  const stop = (status: MatchStatus, reason: string): ItemMatch => ({ ...result, status, reason });

  if (item.cancelled) return stop('cancelled', 'cancelled');
  const declined = declinedReason(item, people, index);
  if (declined) return stop('declined', declined);
  if (!external.length) {
    return stop('internal', index.myDomains.size ? 'only people from your own domains' : 'nobody else took part');
  }
  const humans = external.filter((p) => !isAutomatedAddress(p.email));
  if (!humans.length) return stop('automated', `only automated senders (${external.map((p) => p.email).join(', ')})`);

  // 1–2: known contacts — the sender's/organizer's own, else the account most of them belong to.
  const known = humans.map((p) => index.contactsByEmail.get(p.email)).filter((c): c is BookContact => !!c);
  const primaryContact = primary && !isMine(index, primary.email) ? index.contactsByEmail.get(primary.email) : undefined;
  let accountId: number | null = primaryContact?.accountId ?? null;
  if (accountId === null && known.length) {
    const counts = new Map<number, number>();
    for (const c of known) counts.set(c.accountId, (counts.get(c.accountId) ?? 0) + 1);
    accountId = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  }
  if (accountId !== null) result.matchedBy = 'contact';

  // 3–4: domains — the sender's/organizer's, else the one most participants share.
  const ambiguous = new Set<string>();
  if (accountId === null) {
    const counts = new Map<number, number>();
    const ordered = primary && !isMine(index, primary.email) ? [primary, ...humans.filter((p) => p !== primary)] : humans;
    for (const p of ordered) {
      const found = accountOfDomain(index, domainOf(p.email));
      if (found.ambiguous) ambiguous.add(domainOf(p.email));
      if (found.accountId === null) continue;
      if (p === primary) {
        accountId = found.accountId;
        break;
      }
      counts.set(found.accountId, (counts.get(found.accountId) ?? 0) + 1);
    }
    if (accountId === null && counts.size) accountId = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
    if (accountId !== null) result.matchedBy = 'domain';
  }
  if (accountId === null) {
    const why = ambiguous.size
      ? `${[...ambiguous].join(', ')} ${ambiguous.size === 1 ? 'is' : 'are'} in the domains of more than one account`
      : 'no contact or account domain matches anyone outside your domains';
    return stop('unmatched', why);
  }

  result.accountId = accountId;
  result.contactIds = [...new Set(known.filter((c) => c.accountId === accountId).map((c) => c.id))];
  const domains = index.domainsOfAccount.get(accountId) ?? new Set<string>();
  result.newPeople = humans.filter((p) => !index.contactsByEmail.has(p.email) && inDomains(domainOf(p.email), domains));
  return result;
}
