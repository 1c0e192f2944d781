// E-mail addresses and domains as capture compares them (SPEC "Capture …"): people are matched by
// e-mail case-insensitively with a `+tag` ignored; an address's domain identifies an account only
// when it is not a public mail domain; the CSM's own domains (Settings → My domains) mark a
// meeting or message as internal. Pure: no I/O, no clock.

/**
 * Mail providers anyone can sign up with: an address there says nothing about the company. Never
 * used to find an account (a contact with such an address is still matched by the address itself).
 */
export const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'live.com', 'live.co.uk',
  'msn.com', 'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'ymail.com', 'rocketmail.com', 'icloud.com', 'me.com',
  'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'pm.me', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 't-online.de',
  'mail.com', 'zoho.com', 'zohomail.com', 'fastmail.com', 'fastmail.fm', 'hey.com', 'tutanota.com', 'tuta.io',
  'yandex.com', 'yandex.ru', 'mail.ru', 'qq.com', '163.com', '126.com', 'naver.com', 'orange.fr', 'free.fr', 'laposte.net',
  'libero.it', 'virgilio.it', 'btinternet.com', 'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'seznam.cz',
  'wp.pl', 'o2.pl', 'rediffmail.com', 'bigpond.com', 'shaw.ca', 'rogers.com', 'uol.com.br', 'bol.com.br',
]);

/** Automated senders and mailboxes: a message only from them is not a customer interaction. */
const AUTOMATED_LOCAL = /^(no-?reply|do-?not-?reply|donotreply|mailer-daemon|postmaster|bounces?|notifications?|notify|calendar-notification|invitations?)([+._-]|$)/i;

const ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/**
 * The address as capture compares it: trimmed, without `mailto:` and angle brackets, lower-cased,
 * with a `+tag` dropped from the local part (dana+crm@acme.com → dana@acme.com). Null when it is
 * not an e-mail address.
 */
export function normalizeEmail(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let s = raw.trim().replace(/^mailto:/i, '').replace(/^<|>$/g, '').trim().toLowerCase();
  if (!ADDRESS.test(s)) return null;
  const at = s.lastIndexOf('@');
  const plus = s.indexOf('+');
  if (plus > 0 && plus < at) s = s.slice(0, plus) + s.slice(at);
  return s;
}

/** The domain of a normalised address ('acme.com'). */
export const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1);

export const isPublicDomain = (domain: string): boolean => PUBLIC_MAIL_DOMAINS.has(domain.toLowerCase());

export const isAutomatedAddress = (email: string): boolean => AUTOMATED_LOCAL.test(email.slice(0, email.lastIndexOf('@')));

/**
 * The domain and its parents down to two labels: 'eu.mail.acme.com' → ['eu.mail.acme.com',
 * 'mail.acme.com', 'acme.com'], so an account's 'acme.com' also covers its subdomains.
 */
export function domainAndParents(domain: string): string[] {
  const labels = domain.toLowerCase().split('.');
  const out: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) out.push(labels.slice(i).join('.'));
  return out;
}

/** Whether `domain` is one of `domains` or a subdomain of one. */
export function inDomains(domain: string, domains: ReadonlySet<string>): boolean {
  return domainAndParents(domain).some((d) => domains.has(d));
}

/**
 * A domain as a user may type it or a website holds it: 'https://www.Acme.com/about' → 'acme.com',
 * '@acme.com' → 'acme.com'. Null when nothing like a domain is left.
 */
export function normalizeDomain(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let s = raw.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^@/, '');
  s = s.split(/[/?#:]/)[0].replace(/^www\d?\./, '').replace(/\.$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/.test(s) ? s : null;
}

/**
 * A person's name as mail clients write it, tidied: quotes dropped, "Ruiz, Dana" → "Dana Ruiz"; an
 * address alone gives a name from its local part ("dana.ruiz@…" → "Dana Ruiz").
 */
export function displayName(name: string | null | undefined, email: string): string {
  let n = (name ?? '').replace(/^["'\s]+|["'\s]+$/g, '').replace(/\s+/g, ' ').trim();
  if (n.includes('@')) n = '';
  const comma = /^([^,]+),\s*([^,]+)$/.exec(n);
  if (comma && !/\b(inc|llc|ltd|gmbh|jr|sr)\b/i.test(n)) n = `${comma[2]} ${comma[1]}`;
  if (n) return n;
  const local = email.slice(0, email.lastIndexOf('@')).replace(/\d+$/, '');
  const words = local.split(/[._-]+/).filter(Boolean);
  return words.length ? words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') : email;
}
