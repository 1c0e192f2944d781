// The preview of a capture: every meeting occurrence and message in the files, matched against the
// book (shared/capture/match.ts), dated in the user's time zone, and checked against what is
// already logged — nothing is written. What the preview keeps beyond its view (every participant,
// the body excerpt) stays in the main process for landing; the renderer gets the view.
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { displayName, domainOf, isAutomatedAddress, isPublicDomain, normalizeEmail } from '../../../shared/capture/addresses';
import { accountOfDomain, buildBookIndex, matchItem, type BookIndex } from '../../../shared/capture/match';
import { titleFromSignature } from '../../../shared/capture/signature';
import { occurredAtOf } from '../../../shared/capture/time';
import type { CapturedCard, CapturedItem, CaptureProblem, Participant } from '../../../shared/capture/types';
import type { CapturePreviewView, CaptureStatus, CaptureItemView } from '../../../shared/contracts/capture';
import { CAPTURE_STATUSES } from '../../../shared/contracts/capture';
import { readCaptureFile, type ReadSink } from './read';

/** How much of a body a touch keeps (SPEC: the first 500 characters of the plain-text body). */
export const EXCERPT_CHARS = 500;
const PEOPLE_SHOWN = 20;
/** Messages whose signature is read for one new person's title, at most. */
const TITLE_TRIES = 3;

export interface CaptureFile {
  path: string;
  name: string;
}

export interface PreviewOptions {
  asOf: string;
  timeZone: string;
  keepBody: boolean;
  myDomains: string[];
  signal?: { aborted: boolean };
  onProgress?: (progress: { fileName: string; file: number; files: number; bytes: number; totalBytes: number; items: number }) => void;
}

/** What landing needs of an item beyond its view. */
export interface HeldItem {
  kind: 'meeting' | 'email';
  ref: string;
  label: string;
  /** Everyone outside the CSM's domains, each address once. */
  people: Participant[];
  excerpt: string | null;
}

export interface HeldContact {
  email: string;
  name: string;
  title: string | null;
}

export interface HeldCard {
  card: CapturedCard;
  email: string | null;
}

export interface CaptureState {
  view: CapturePreviewView;
  items: HeldItem[];
  offered: Map<string, HeldContact>;
  cards: HeldCard[];
  files: CaptureFile[];
}

interface BookRows {
  accounts: { id: number; name: string; domains: string }[];
  contacts: { id: number; accountId: number; name: string; email: string | null; title: string | null; leftOn: string | null; editedInApp: string }[];
}

function loadBook(sqlite: Database): BookRows {
  return {
    accounts: sqlite.prepare('SELECT id, name, domains FROM accounts').all() as BookRows['accounts'],
    contacts: sqlite
      .prepare('SELECT id, account_id AS accountId, name, email, title, left_on AS leftOn, edited_in_app AS editedInApp FROM contacts ORDER BY id')
      .all() as BookRows['contacts'],
  };
}

const parseDomains = (json: string): string[] => {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((d): d is string => typeof d === 'string') : [];
  } catch {
    return [];
  }
};

/** The account's name and its domains' first labels: what a signature's company looks like. */
function companiesOf(index: BookIndex, accountId: number): string[] {
  const names = [index.accountNames.get(accountId) ?? ''];
  for (const d of index.domainsOfAccount.get(accountId) ?? []) names.push(d.split('.')[0]);
  return names.filter(Boolean);
}

function excerptOf(text: string): string | null {
  const trimmed = text.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  return trimmed ? trimmed.slice(0, EXCERPT_CHARS) : null;
}

export async function buildPreview(sqlite: Database, files: readonly CaptureFile[], options: PreviewOptions): Promise<CaptureState> {
  const book = loadBook(sqlite);
  const contactsById = new Map(book.contacts.map((c) => [c.id, c]));
  const index = buildBookIndex(
    book.accounts.map((a) => ({ id: a.id, name: a.name, domains: parseDomains(a.domains) })),
    book.contacts.map((c) => ({ id: c.id, accountId: c.accountId, name: c.name, email: normalizeEmail(c.email), leftOn: c.leftOn })),
    options.myDomains,
  );
  const alreadyLogged = sqlite.prepare('SELECT 1 FROM touches WHERE external_ref = ?').pluck();
  const seenRefs = new Set<string>();
  /** Bodies read for a new person's signature: a few tries each, then give up (a mailbox may hold hundreds of theirs). */
  const titleTries = new Map<string, number>();
  /** Domain → items it takes part in (for suggesting My domains when none are set). */
  const domainItems = new Map<string, number>();

  const items: CaptureItemView[] = [];
  const held: HeldItem[] = [];
  const offered = new Map<string, HeldContact & { accountId: number; items: number; titleFrom: 'card' | 'signature' | null }>();
  const unmatched = new Map<string, { email: string; name: string | null; items: number }>();
  const skipped: CaptureProblem[] = [];
  const cards: HeldCard[] = [];
  const fileViews: CapturePreviewView['files'] = [];
  const totalBytes = await totalSize(files);
  let bytesBefore = 0;

  for (let f = 0; f < files.length; f++) {
    if (options.signal?.aborted) break;
    const file = files[f];
    const fileView = { fileName: file.name, kind: null as string | null, items: 0, cards: 0, problems: 0, bytes: 0, later: 0 };
    fileViews.push(fileView);
    const report = (bytes: number) => {
      fileView.bytes = Math.max(fileView.bytes, bytes);
      options.onProgress?.({ fileName: file.name, file: f + 1, files: files.length, bytes: bytesBefore + fileView.bytes, totalBytes, items: items.length });
    };

    const sink: ReadSink = {
      async item(item: CapturedItem, body) {
        fileView.items++;
        if (!item.time) {
          skipped.push({ file: file.name, item: item.label, reason: 'it has no date, so it cannot be dated; it was not logged' });
          fileView.problems++;
          return;
        }
        const occurredAt = occurredAtOf(item.time, options.timeZone);
        for (const domain of new Set(item.participants.map((p) => domainOf(p.email)))) domainItems.set(domain, (domainItems.get(domain) ?? 0) + 1);
        const match = matchItem(item, index);
        let status: CaptureStatus = match.status;
        let reason = match.reason;
        if (status === 'new' || status === 'unmatched') {
          if (occurredAt.slice(0, 10) > options.asOf) {
            status = 'future';
            reason = `it is dated ${occurredAt.slice(0, 10)}, after today (${options.asOf}); capture it again once it has happened`;
          } else if (seenRefs.has(item.ref)) {
            status = 'duplicate';
            reason = 'it is in these files more than once';
          } else if (alreadyLogged.get(item.ref) !== undefined) {
            status = 'duplicate';
            reason = 'already logged by an earlier capture';
          }
        }
        seenRefs.add(item.ref);

        const sender = item.participants.find((p) => p.role === 'from');
        let excerpt: string | null = null;
        let text: string | null = null;
        const wantsTitle =
          status === 'new' &&
          !!sender &&
          match.newPeople.some((p) => p.email === sender.email) &&
          !offered.get(sender.email)?.title &&
          (titleTries.get(sender.email) ?? 0) < TITLE_TRIES;
        if (wantsTitle) titleTries.set(sender!.email, (titleTries.get(sender!.email) ?? 0) + 1);
        if ((options.keepBody && (status === 'new' || status === 'unmatched')) || wantsTitle) {
          try {
            text = await body();
          } catch (err) {
            skipped.push({ file: file.name, item: item.label, reason: `its text could not be read (${(err as Error).message}); it is logged without it` });
            fileView.problems++;
          }
          if (options.keepBody && text) excerpt = excerptOf(text);
        }

        if (status === 'new' && match.accountId !== null) {
          for (const person of match.newPeople) {
            const seen = offered.get(person.email);
            if (seen) {
              seen.items++;
              continue;
            }
            offered.set(person.email, {
              email: person.email,
              name: displayName(person.name, person.email),
              title: null,
              titleFrom: null,
              accountId: match.accountId,
              items: 1,
            });
          }
          if (wantsTitle && text && sender) {
            const person = offered.get(sender.email)!;
            const title = titleFromSignature(text, sender.name ? displayName(sender.name, sender.email) : person.name, companiesOf(index, match.accountId));
            if (title) Object.assign(person, { title, titleFrom: 'signature' });
          }
        }
        if (status === 'unmatched') {
          for (const person of match.external) {
            if (isAutomatedAddress(person.email)) continue;
            const seen = unmatched.get(person.email);
            if (seen) seen.items++;
            else unmatched.set(person.email, { email: person.email, name: person.name ? displayName(person.name, person.email) : null, items: 1 });
          }
        }

        const id = items.length;
        items.push({
          id,
          file: file.name,
          kind: item.kind,
          status,
          reason: status === 'new' ? null : reason,
          summary: item.summary,
          occurredAt,
          direction: match.direction,
          accountId: match.accountId,
          matchedBy: match.matchedBy,
          contactIds: match.contactIds,
          people: match.external.slice(0, PEOPLE_SHOWN).map((p) => ({
            email: p.email,
            name: p.name ? displayName(p.name, p.email) : null,
            contactId: index.contactsByEmail.get(p.email)?.id ?? null,
          })),
          newPeople: status === 'new' ? match.newPeople.map((p) => p.email) : [],
          excerpt: excerpt !== null,
        });
        held.push({ kind: item.kind, ref: item.ref, label: item.label, people: match.external, excerpt });
        if (items.length % 200 === 0) report(fileView.bytes);
      },
      card(card) {
        fileView.cards++;
        cards.push({ card, email: card.emails[0] ?? null });
      },
      problem(problem) {
        skipped.push(problem);
        fileView.problems++;
      },
      progress: report,
    };

    try {
      const read = await readCaptureFile(file.path, file.name, sink, { until: options.asOf, signal: options.signal });
      fileView.kind = read?.kind ?? null;
      fileView.later = read?.later ?? 0;
    } catch (err) {
      // A reader that fails outright (an I/O error half-way) loses this file only.
      skipped.push({ file: file.name, item: '', reason: `it could not be read to the end (${(err as Error).message}); what was read before is kept` });
      fileView.problems++;
    }
    report(fileView.bytes);
    bytesBefore += fileView.bytes;
  }

  // Cards: create or update contacts matched by e-mail, on the account of their domain.
  const cardViews: CapturePreviewView['cards'] = cards.map(({ card }, id) => {
    const existing = card.emails.map((e) => index.contactsByEmail.get(e)).find(Boolean);
    const email = existing?.email ?? card.emails.find((e) => accountOfDomain(index, domainOf(e)).accountId !== null) ?? card.emails[0] ?? null;
    const file = '';
    if (existing) {
      const row = contactsById.get(existing.id)!;
      const edited = JSON.parse(row.editedInApp || '{}') as Record<string, string>;
      const changes: string[] = [];
      if (card.name && card.name !== row.name && !edited.name) changes.push(`name: ${row.name} → ${card.name}`);
      if (card.title && card.title !== (row.title ?? '') && !edited.title) changes.push(`title: ${row.title ?? '—'} → ${card.title}`);
      return { id, file, label: card.label, name: card.name, email, title: card.title, accountId: existing.accountId, contactId: existing.id, outcome: changes.length ? 'update' : 'unchanged', changes };
    }
    const accountId = card.emails.map((e) => accountOfDomain(index, domainOf(e)).accountId).find((a) => a !== null) ?? null;
    return { id, file, label: card.label, name: card.name, email, title: card.title, accountId, contactId: null, outcome: accountId === null ? 'unmatched' : 'new', changes: [] };
  });
  cardViews.forEach((view, i) => (view.file = cardFile(fileViews, i)));
  // A card for someone the messages offered: the card gives the title, and creates the contact.
  for (const view of cardViews) {
    if (!view.email) continue;
    const person = offered.get(view.email);
    if (person && view.outcome === 'new') offered.delete(view.email);
    else if (person && view.title) Object.assign(person, { title: view.title, titleFrom: 'card' });
  }

  const counts = Object.fromEntries([['total', items.length], ...CAPTURE_STATUSES.map((s) => [s, 0])]) as CapturePreviewView['counts'];
  for (const item of items) counts[item.status]++;
  const accountIds = new Set<number>();
  for (const item of items) if (item.accountId !== null) accountIds.add(item.accountId);
  for (const card of cardViews) if (card.accountId !== null) accountIds.add(card.accountId);

  return {
    view: {
      asOf: options.asOf,
      timeZone: options.timeZone,
      files: fileViews,
      items,
      contacts: [...offered.values()].map(({ email, name, title, titleFrom, accountId, items: n }) => ({ email, name, title, titleFrom, accountId, items: n })),
      cards: cardViews,
      unmatched: [...unmatched.values()].sort((a, b) => b.items - a.items || a.email.localeCompare(b.email)),
      skipped,
      counts,
      accounts: [...accountIds].sort((a, b) => a - b).map((id) => ({ id, name: index.accountNames.get(id) ?? `#${id}` })),
      myDomains: [...index.myDomains],
      suggestedMyDomains: index.myDomains.size ? [] : suggestMyDomains(domainItems, items.length, index),
      keepBody: options.keepBody,
    },
    items: held,
    offered: new Map([...offered].map(([email, { name, title }]) => [email, { email, name, title }])),
    cards,
    files: [...files],
  };
}

/**
 * With no My domains set, the CSM's own domain is usually the one in nearly every meeting and
 * message (theirs is on all of them): offered when it is in at least 60 % of at least 3 items and
 * belongs to no account.
 */
function suggestMyDomains(domainItems: Map<string, number>, total: number, index: BookIndex): string[] {
  if (total < 3) return [];
  return [...domainItems.entries()]
    .filter(([domain, n]) => n / total >= 0.6 && !isPublicDomain(domain) && accountOfDomain(index, domain).accountId === null)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 1)
    .map(([domain]) => domain);
}

/** The file a card came from: cards are numbered in file order. */
function cardFile(files: CapturePreviewView['files'], index: number): string {
  let seen = 0;
  for (const file of files) {
    seen += file.cards;
    if (index < seen) return file.fileName;
  }
  return files.at(-1)?.fileName ?? '';
}

async function totalSize(files: readonly CaptureFile[]): Promise<number> {
  let total = 0;
  for (const file of files) {
    try {
      total += (await fs.promises.stat(file.path)).size;
    } catch {
      // reported by the reader
    }
  }
  return total;
}
