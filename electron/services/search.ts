// The command palette's search: accounts and contacts by name (or e-mail / external id), and touch
// summaries and notes through the touches_fts FTS5 index (drizzle/0001_touches_fts.sql). Contacts
// whose name is exactly the query come first; touch hits by relevance, then the newest first among
// hits about as relevant as each other (bm25 differs a little with note length alone: that is noise).
import type { Band } from '../../shared/domain';
import type { TouchType } from '../../shared/domain';
import type { ServiceContext } from './context';

export interface SearchResultsView {
  accounts: { id: number; name: string; segment: string; stage: string; score: number | null; band: Band | null; archived: boolean }[];
  contacts: { id: number; name: string; title: string | null; email: string | null; accountId: number; accountName: string }[];
  touches: { id: number; accountId: number; accountName: string; type: TouchType; occurredAt: string; summary: string; snippet: string }[];
}

/** Words of the query as an FTS5 expression: every word must match, the last one as a prefix. */
export function ftsQuery(query: string): string | null {
  const words = query.match(/[\p{L}\p{N}_]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

const likePattern = (query: string): string => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type RankedTouch = SearchResultsView['touches'][number] & { relevance: number };

/** Hits within this fraction of a tier's best relevance count as equally relevant. */
const SAME_RELEVANCE = 0.85;

/** Hits best first (bm25) are cut into tiers of near-equal relevance; each tier newest first. */
export function byRelevanceThenRecency(hits: RankedTouch[]): SearchResultsView['touches'] {
  const out: SearchResultsView['touches'] = [];
  for (let i = 0; i < hits.length; ) {
    let j = i + 1;
    while (j < hits.length && hits[j].relevance >= SAME_RELEVANCE * hits[i].relevance) j++;
    const tier = hits.slice(i, j).sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : b.id - a.id));
    for (const { relevance: _relevance, ...hit } of tier) out.push(hit);
    i = j;
  }
  return out;
}

export function createSearchService(ctx: ServiceContext) {
  const { sqlite } = ctx;
  const accounts = sqlite.prepare(`
    SELECT a.id, a.name, a.segment, a.stage, h.score, h.band, a.archived FROM accounts a
    LEFT JOIN health_snapshots h ON h.id = (SELECT id FROM health_snapshots WHERE account_id = a.id ORDER BY date DESC LIMIT 1)
    WHERE a.name LIKE @like ESCAPE '\\' OR a.external_id = @exact
    ORDER BY a.archived, (a.name LIKE @prefix ESCAPE '\\') DESC, a.name COLLATE NOCASE LIMIT @limit`);
  const contacts = sqlite.prepare(`
    SELECT c.id, c.name, c.title, c.email, c.account_id AS accountId, a.name AS accountName
    FROM contacts c JOIN accounts a ON a.id = c.account_id
    WHERE a.archived = 0 AND (c.name LIKE @like ESCAPE '\\' OR c.email LIKE @like ESCAPE '\\')
    ORDER BY (lower(c.name) = lower(@exact)) DESC, (c.name LIKE @prefix ESCAPE '\\') DESC, c.name COLLATE NOCASE LIMIT @limit`);
  const touches = sqlite.prepare(`
    SELECT t.id, t.account_id AS accountId, a.name AS accountName, t.type, t.occurred_at AS occurredAt, t.summary,
           snippet(touches_fts, -1, char(2), char(3), '…', 14) AS snippet, -bm25(touches_fts) AS relevance
    FROM touches_fts JOIN touches t ON t.id = touches_fts.rowid JOIN accounts a ON a.id = t.account_id
    WHERE touches_fts MATCH @match
    ORDER BY bm25(touches_fts), t.occurred_at DESC LIMIT @limit`);

  return {
    query(query: string, limit = 8): SearchResultsView {
      const text = query.trim();
      if (!text) return { accounts: [], contacts: [], touches: [] };
      const like = likePattern(text);
      const prefix = `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const match = ftsQuery(text);
      return {
        accounts: (accounts.all({ like, prefix, exact: text, limit }) as (Omit<SearchResultsView['accounts'][number], 'archived'> & { archived: number })[]).map(
          (a) => ({ ...a, archived: a.archived === 1 }),
        ),
        contacts: contacts.all({ like, prefix, exact: text, limit }) as SearchResultsView['contacts'],
        touches: match ? byRelevanceThenRecency(touches.all({ match, limit: limit * 4 }) as RankedTouch[]).slice(0, limit) : [],
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
