// The app:// protocol handler (electron/shell/protocol.ts) under Node 20 with real WHATWG Request and
// Response objects, on a real folder of files: types from the one MIME table, the CSP and nosniff on
// every response, 404s, and every traversal trick refused. The static server the browser tests and
// the CLI use (electron/print/static-server.ts) answers with the same types.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp';
import { serveFolder, type StaticServer } from '../../../electron/print/static-server';
import { MIME_TYPES } from '../../../electron/shell/mime';
import { resolveRendererFile, serveAppRequest } from '../../../electron/shell/protocol';
import { tempDir } from '../../helpers';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const FILES: Record<string, string | Buffer> = {
  'index.html': '<!doctype html><title>Tend</title><script type="module" src="/assets/index.js"></script>',
  'assets/index.js': 'export const tend = 1;',
  'assets/index.css': 'body { margin: 0 }',
  'assets/inter-latin-400-normal.woff2': Buffer.from('774f463200010000', 'hex'),
  'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'assets/logo.png': PNG,
  'assets/data.bin': Buffer.from([1, 2, 3]),
};
const EXPECTED_TYPES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'assets/index.js': 'text/javascript; charset=utf-8',
  'assets/index.css': 'text/css; charset=utf-8',
  'assets/inter-latin-400-normal.woff2': 'font/woff2',
  'icon.svg': 'image/svg+xml',
  'assets/logo.png': 'image/png',
  'assets/data.bin': 'application/octet-stream',
};

let root: string;
beforeAll(() => {
  const outside = tempDir();
  root = path.join(outside, 'renderer');
  for (const [name, content] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  // What a traversal would be after: a file beside the renderer folder, and a link out of it.
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'the secret');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});

const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), root);

function expectLockedDown(response: Response) {
  expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('the app:// protocol handler', () => {
  it('serves each file with its type from the MIME table, its bytes, the CSP and nosniff', async () => {
    for (const [name, type] of Object.entries(EXPECTED_TYPES)) {
      const response = await get(`app://tend/${name}`);
      expect(response.status, name).toBe(200);
      expect(response.headers.get('content-type'), name).toBe(type);
      expectLockedDown(response);
      expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(FILES[name])), name).toBe(true);
    }
  });

  it('serves index.html at the root, ignores the query and hash, and answers HEAD without a body', async () => {
    const index = await get('app://tend/?x=1#/accounts/3');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toBe(FILES['index.html']);
    const head = await get('app://tend/assets/index.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await head.text()).toBe('');
  });

  it('answers 404, with the CSP and nosniff, for what is missing, a folder, or another host', async () => {
    for (const url of ['app://tend/missing.js', 'app://tend/assets', 'app://tend/assets/', 'app://evil/index.html', 'app://tend.example/index.html']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expectLockedDown(response);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await get('app://tend/index.html', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expectLockedDown(response);
  });

  it('refuses every traversal: %2e%2e, %2f, %5c, %00, backslashes, drive letters and links out of the folder', async () => {
    const attempts = [
      'app://tend/%2e%2e/secret.txt',
      'app://tend/%2E%2E/%2E%2E/secret.txt',
      'app://tend/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://tend/..%2fsecret.txt',
      'app://tend/assets/..%2F..%2Fsecret.txt',
      'app://tend/..%5csecret.txt',
      'app://tend/assets/..%5C..%5Csecret.txt',
      'app://tend/index.html%00.png',
      'app://tend/assets/../../secret.txt',
      `app://tend/${encodeURIComponent(path.resolve(root, '..', 'secret.txt'))}`,
      'app://tend/assets/link.txt',
    ];
    for (const url of attempts) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('secret');
      expectLockedDown(response);
    }
  });

  it('refuses the raw tricks itself, whatever URL normalisation the caller did', () => {
    for (const pathname of ['/%2e%2e/secret.txt', '/.%2e/secret.txt', '/../secret.txt', '/assets/../../secret.txt', '/..\\secret.txt', '/%E0%A4%A', '/C:/Windows/win.ini']) {
      expect(resolveRendererFile(root, pathname), pathname).toBeNull();
    }
    expect(resolveRendererFile(root, '/assets/index.js')).toBe(path.join(root, 'assets', 'index.js'));
  });
});

describe('the static server of the browser tests and the CLI', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveFolder(root);
  });
  afterAll(() => server.close());

  it('answers with the same types from the same table, and refuses the same traversal', async () => {
    for (const name of Object.keys(EXPECTED_TYPES)) {
      const response = await fetch(new URL(`/${name}`, server.url));
      expect(response.headers.get('content-type'), name).toBe((await get(`app://tend/${name}`)).headers.get('content-type'));
      expectLockedDown(response);
    }
    const traversal = await fetch(new URL('/assets/..%2f..%2fsecret.txt', server.url));
    expect(traversal.status).toBe(404);
    expectLockedDown(traversal);
    expect(Object.keys(MIME_TYPES)).toEqual(expect.arrayContaining(['.html', '.js', '.css', '.woff2', '.svg', '.png']));
  });
});
