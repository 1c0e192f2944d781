// Contact cards (.vcf, vCard 2.1/3.0/4.0 from Apple Contacts, Google Contacts, Outlook) with
// ical.js's vCard support. A file of many cards that fails as a whole is read card by card, so one
// broken card is reported and the rest still land.
import ICAL from 'ical.js';
import { normalizeEmail } from '../../../shared/capture/addresses';
import type { CapturedCard, CaptureProblem } from '../../../shared/capture/types';
import { decodeWindows1252 } from '../importer/read';

type Component = InstanceType<typeof ICAL.Component>;

const textOf = (value: unknown): string | null => {
  if (Array.isArray(value)) return value.filter(Boolean).join(', ') || null;
  return typeof value === 'string' && value.trim() ? value.trim() : null;
};

function cardOf(component: Component, n: number): CapturedCard | { problem: string; label: string } {
  const fn = textOf(component.getFirstPropertyValue('fn'));
  const parts = component.getFirstPropertyValue('n');
  const fromN = Array.isArray(parts) ? [parts[1], parts[0]].filter((p) => typeof p === 'string' && p.trim()).join(' ') : null;
  const name = fn ?? (fromN || null);
  const label = `card ${n}${name ? ` “${name}”` : ''}`;
  const props = component.getAllProperties('email');
  // Work addresses first: they are the ones that identify the account.
  const ranked = props
    .map((p) => {
      const types = ([] as unknown[]).concat(p.getParameter('type') ?? []).map((t) => String(t).toLowerCase());
      return { email: normalizeEmail(String(p.getFirstValue() ?? '')), rank: types.includes('work') ? 0 : types.includes('home') ? 2 : 1 };
    })
    .filter((e): e is { email: string; rank: number } => !!e.email)
    .sort((a, b) => a.rank - b.rank);
  const emails = [...new Set(ranked.map((e) => e.email))];
  if (!name && !emails.length) return { problem: 'it has neither a name nor an e-mail address', label };
  return {
    label,
    name: name ?? emails[0],
    emails,
    title: textOf(component.getFirstPropertyValue('title')),
    org: textOf(Array.isArray(component.getFirstPropertyValue('org')) ? (component.getFirstPropertyValue('org') as string[])[0] : component.getFirstPropertyValue('org')),
    url: textOf(component.getFirstPropertyValue('url')),
  };
}

/** Quoted-printable bytes ('M=C3=BCller') in a charset, as text. */
function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '=' && /^[0-9A-F]{2}$/i.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(value.charCodeAt(i) & 0xff);
  }
  try {
    const text = new TextDecoder(charset || 'utf-8').decode(new Uint8Array(bytes));
    // Node's decoder reads 0x80–0x9F of Windows-1252 as Latin-1 controls (the importer's fix).
    return /^(windows-1252|cp1252|iso-8859-1|latin1)$/i.test(charset) ? decodeWindows1252(text) : text;
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

/**
 * vCard 2.1 (what Outlook's "Save as vCard" writes) names parameter values bare ("TEL;WORK;VOICE:")
 * and may quote-print values, which ical.js (vCard 3.0/4.0) refuses. Its lines are rewritten to the
 * 3.0 spelling ("TEL;TYPE=WORK,VOICE:") with quoted-printable values decoded; 3.0/4.0 cards are left
 * as they are.
 */
export function upgradeVcard21(text: string): string {
  if (!/^VERSION:2\.1\s*$/im.test(text)) return text;
  // A quoted-printable value ending in '=' continues on the next line.
  const lines = text.replace(/=\r?\n/g, '').split(/\r?\n/);
  return lines
    .map((line) => {
      const colon = line.indexOf(':');
      if (colon < 0) return line;
      const [name, ...params] = line.slice(0, colon).split(';');
      if (!params.length) return line;
      let value = line.slice(colon + 1);
      const types: string[] = [];
      const kept: string[] = [];
      let encoding = '';
      let charset = '';
      for (const param of params) {
        const eq = param.indexOf('=');
        const key = eq < 0 ? '' : param.slice(0, eq).toUpperCase();
        const val = eq < 0 ? param : param.slice(eq + 1);
        if (key === 'ENCODING' || /^(QUOTED-PRINTABLE|BASE64|7BIT|8BIT)$/i.test(param)) encoding = val.toUpperCase();
        else if (key === 'CHARSET') charset = val;
        else if (key === 'TYPE' || eq < 0) types.push(val);
        else kept.push(param);
      }
      if (encoding === 'QUOTED-PRINTABLE') value = decodeQuotedPrintable(value, charset);
      if (types.length) kept.unshift(`TYPE=${types.join(',')}`);
      return [name, ...kept].join(';') + ':' + value;
    })
    .join('\r\n')
    .replace(/^VERSION:2\.1$/gim, 'VERSION:3.0');
}

function parseCards(text: string): Component[] {
  const parsed = ICAL.parse(upgradeVcard21(text));
  const roots = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  return roots.map((jcard) => new ICAL.Component(jcard as never)).filter((c) => c.name === 'vcard');
}

export function readVcf(text: string, file: string): { cards: CapturedCard[]; problems: CaptureProblem[] } {
  const problems: CaptureProblem[] = [];
  const cards: CapturedCard[] = [];
  let components: (Component | { error: string; line: number })[];
  try {
    components = parseCards(text);
  } catch {
    // Card by card: each BEGIN:VCARD … END:VCARD block on its own.
    const blocks = [...text.matchAll(/BEGIN:VCARD[\s\S]*?(?:END:VCARD|(?=BEGIN:VCARD)|$)/gi)];
    components = blocks.map((block) => {
      const line = text.slice(0, block.index).split(/\r?\n/).length;
      try {
        return parseCards(block[0].trim().endsWith('END:VCARD') ? block[0] : `${block[0].trim()}\r\nEND:VCARD`)[0] ?? { error: 'no card', line };
      } catch (err) {
        return { error: (err as Error).message, line };
      }
    });
  }
  if (!components.length) {
    problems.push({ file, item: '', reason: 'it holds no contact card (BEGIN:VCARD). Export the contacts again as vCard (.vcf)' });
  }
  components.forEach((component, i) => {
    if ('error' in component) {
      problems.push({ file, item: `card ${i + 1} (line ${component.line})`, reason: `it cannot be read (${component.error})` });
      return;
    }
    const card = cardOf(component, i + 1);
    if ('problem' in card) problems.push({ file, item: card.label, reason: card.problem });
    else cards.push(card);
  });
  return { cards, problems };
}
