// The command palette's search: accounts and contacts by name (or e-mail / external id), and touch
// summaries and notes through the touches_fts FTS5 index (drizzle/0001_touches_fts.sql).
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
    ORDER BY (c.name LIKE @prefix ESCAPE '\\') DESC, c.name COLLATE NOCASE LIMIT @limit`);
  const touches = sqlite.prepare(`
    SELECT t.id, t.account_id AS accountId, a.name AS accountName, t.type, t.occurred_at AS occurredAt, t.summary,
           snippet(touches_fts, -1, char(2), char(3), '…', 14) AS snippet
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
        contacts: contacts.all({ like, prefix, limit }) as SearchResultsView['contacts'],
        touches: match ? (touches.all({ match, limit }) as SearchResultsView['touches']) : [],
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
