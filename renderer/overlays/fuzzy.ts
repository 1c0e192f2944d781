// Fuzzy matching for the palette and quick capture: every character of the query in order, scored
// higher for a prefix, word starts and consecutive runs. Returns null when it does not match.
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.trim().toLowerCase();
  if (!q) return 0;
  const t = text.toLowerCase();
  if (t.startsWith(q)) return 1000 - t.length;
  const at = t.indexOf(q);
  if (at >= 0) return 800 - at - t.length / 100 + (/[\s\-_.]/.test(t[at - 1] ?? ' ') ? 100 : 0);
  let score = 0;
  let ti = 0;
  let run = 0;
  for (const ch of q) {
    if (ch === ' ') continue;
    const found = t.indexOf(ch, ti);
    if (found < 0) return null;
    run = found === ti ? run + 1 : 0;
    score += 10 + run * 5 + (found === 0 || /[\s\-_.]/.test(t[found - 1]) ? 15 : 0) - Math.min(found - ti, 10);
    ti = found + 1;
  }
  return score;
}

/** Like fuzzyScore, with the whole text equal to the query (any case) above every partial match. */
export function matchRank(query: string, text: string): number | null {
  if (query.trim() && text.trim().toLowerCase() === query.trim().toLowerCase()) return 2000;
  return fuzzyScore(query, text);
}

export function fuzzyFilter<T>(items: T[], query: string, text: (item: T) => string, limit = 8): T[] {
  if (!query.trim()) return items.slice(0, limit);
  return items
    .map((item) => ({ item, score: fuzzyScore(query, text(item)) }))
    .filter((x): x is { item: T; score: number } => x.score !== null)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((x) => x.item);
}
