// Serves the built renderer (dist/renderer) on 127.0.0.1 with the app's Content-Security-Policy —
// for the browser tests and for the CLI's headless-Chromium PDFs. (The desktop app uses app://.)
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { mimeTypeFor } from '../shell/mime';
import { resolveRendererFile } from '../shell/protocol';

export interface StaticServer {
  /** URL of index.html. */
  url: string;
  close(): Promise<void>;
}

export function serveFolder(folder: string): Promise<StaticServer> {
  const root = path.resolve(folder);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`The built renderer is missing (${root}/index.html). Run "npm run build" first.`);
  }
  const server = http.createServer((req, res) => {
    // The same files, types and refusals as the desktop app's app:// handler (electron/shell/protocol.ts).
    const file = resolveRendererFile(root, new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!file) {
      res
        .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' })
        .end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': mimeTypeFor(file),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}/index.html`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
