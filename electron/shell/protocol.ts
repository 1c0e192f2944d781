// The app://tend protocol handler's logic, as plain WHATWG Request → Response (electron/window.ts
// registers it with protocol.handle; test/unit/shell/protocol.test.ts runs it under Node). Serves
// only files inside the built renderer, each with its type from the one MIME table, and the
// Content-Security-Policy and nosniff on every response, errors included.
import fs from 'node:fs';
import path from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from '../csp';
import { mimeTypeFor } from './mime';

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

/**
 * Encoded dots, separators and NUL never name a renderer file (vite names them plainly); refusing
 * them before decoding closes the usual traversal tricks (`%2e%2e`, `%2f`, `%5c`, `%00`).
 */
const FORBIDDEN_ENCODED = /%(2e|2f|5c|00)/i;

/**
 * The file inside `root` a URL path names, or null: nothing outside the folder (`..`, encoded
 * separators, backslashes, NUL, a drive letter, a symlink that leads out), no folders, nothing missing.
 * `/` is index.html. Also used by the static server (electron/print/static-server.ts).
 */
export function resolveRendererFile(root: string, pathname: string): string | null {
  if (FORBIDDEN_ENCODED.test(pathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // A malformed escape.
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, segments.length ? segments.join('/') : 'index.html');
  if (!file.startsWith(base + path.sep)) return null;
  try {
    if (!fs.statSync(file).isFile()) return null;
    if (!fs.realpathSync(file).startsWith(fs.realpathSync(base) + path.sep)) return null;
  } catch {
    return null;
  }
  return file;
}

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS, ...extra } });
}

/** Answers one app:// request from the built renderer in `root`. */
export async function serveAppRequest(request: Request, root: string): Promise<Response> {
  const url = new URL(request.url);
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not found');
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed', { Allow: 'GET, HEAD' });
  const file = resolveRendererFile(root, url.pathname);
  if (!file) return plain(404, 'Not found');
  const body = request.method === 'HEAD' ? null : new Uint8Array(await fs.promises.readFile(file));
  return new Response(body, {
    status: 200,
    headers: { 'Content-Type': mimeTypeFor(file), 'Cache-Control': 'no-cache', ...SECURITY_HEADERS },
  });
}
