// A sender's job title from the signature of their plain-text message, for the new contacts capture
// offers ("Dana Ruiz / VP Operations, Acme"). A heuristic over the last lines of the sender's own
// text — not a parser of any format: it finds the line with the sender's name and takes the title
// beside or below it, and gives up (null) whenever the line does not look like a title.

/** Where the quoted part of a reply starts (the sender's signature is above it). */
const QUOTE_START = [
  /^On .{4,200}wrote:\s*$/i,
  /^Am .{4,200}schrieb.*:\s*$/i,
  /^Le .{4,200}a écrit\s*:\s*$/i,
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Forwarded message)\s*-{2,}/i,
  /^From:\s.+/i,
  /^Von:\s.+/i,
  /^>/,
];

const SEPARATORS = /\s*(?:[|•·,]|\s[-–—]\s)\s*/;

function ownText(body: string): string[] {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (QUOTE_START.some((re) => re.test(line.trim()))) break;
    out.push(line.trim());
  }
  return out;
}

const normal = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function looksLikeTitle(s: string): boolean {
  if (s.length < 2 || s.length > 70) return false;
  if (/@|https?:|www\.|\.com\b/i.test(s)) return false;
  if ((s.match(/\d/g) ?? []).length >= 4) return false; // a phone number or an address
  if (/^[+(]/.test(s)) return false;
  if (/^(tel|phone|mobile|cell|fax|m|t|p|e)\s*[:.]/i.test(s)) return false;
  return /\p{L}/u.test(s);
}

/** Drops a trailing company ("VP Operations, Acme" → "VP Operations") when it is the account's. */
function withoutCompany(title: string, companies: readonly string[]): string {
  const parts = title.split(SEPARATORS).filter(Boolean);
  const names = companies.map(normal).filter(Boolean);
  const isCompany = (part: string) => names.some((n) => normal(part) === n || normal(part).startsWith(`${n} `) || n.startsWith(normal(part)));
  const kept = parts.filter((p, i) => i === 0 || !isCompany(p));
  const atCompany = /^(.*?)\s+(?:at|@)\s+(.+)$/i.exec(kept.join(', '));
  if (atCompany && isCompany(atCompany[2])) return atCompany[1];
  return kept.join(', ');
}

/**
 * The title in the signature of `name`'s message, or null. `companies` are the account's name and
 * domain labels, stripped from the end of the title ("VP Operations | Acme" → "VP Operations").
 */
export function titleFromSignature(body: string, name: string, companies: readonly string[] = []): string | null {
  const wanted = normal(name);
  if (!wanted) return null;
  const lines = ownText(body);
  // The signature is near the end of the sender's own text.
  const start = Math.max(0, lines.length - 15);
  for (let i = lines.length - 1; i >= start; i--) {
    const line = lines[i];
    if (!line) continue;
    const n = normal(line);
    if (n === wanted) {
      const next = lines.slice(i + 1).find((l) => l.length > 0);
      if (next && looksLikeTitle(next)) return withoutCompany(next, companies) || null;
      return null;
    }
    if (n.startsWith(`${wanted} `)) {
      // "Dana Ruiz | VP Operations | Acme" or "Dana Ruiz, VP Operations"
      const rest = line.slice(line.toLowerCase().indexOf(name.toLowerCase().split(' ').pop()!) + name.split(' ').pop()!.length);
      const title = rest.replace(/^\s*(?:[|•·,]|[-–—])\s*/, '').trim();
      if (title && looksLikeTitle(title)) return withoutCompany(title, companies) || null;
    }
  }
  return null;
}
