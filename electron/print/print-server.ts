// The warm print server (see warm-printer.ts): one headless Chromium and one static server of the
// built renderer, kept between `tend … --out FILE.pdf` commands. Each request names a book; the
// server opens it (the CLI has already migrated it), prints the route exactly as the CLI would —
// openPrinter's page, bridged to a router over that book — closes it and answers with the file.
//
// Listens on 127.0.0.1 only and answers only requests that carry the token it wrote, with its port,
// to the state file (mode 0600, in the user's own Tend folder). Quits after `idleMs` without a
// request, when its browser goes away, or when the state file names another server.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { openDatabase } from '../db/open';
import { createRouter } from '../router';
import { createServices } from '../services';
import { systemClock } from '../services/context';
import { TendError } from '../../shared/errors';
import { isIsoDate } from '../../shared/dates';
import { openPrinter } from './pdf';
import { readServerState, writeServerState, type PrintAnswer, type WarmPrintJob } from './warm-printer';

export interface PrintServerOptions {
  stateFile: string;
  rendererDir: string;
  idleMs: number;
  /** buildIdOf(this script): clients of another build start their own server. */
  build: string;
  version: string;
}

const MAX_BODY = 64 * 1024;

/** A request's job, checked field by field: the server trusts the token, not the shape. */
function jobOf(value: unknown): WarmPrintJob {
  const job = value as Partial<WarmPrintJob>;
  const text = (x: unknown) => typeof x === 'string' && x.length > 0;
  if (!text(job.dbFile) || !text(job.migrationsFolder) || !text(job.route) || !text(job.file) || (job.paper !== 'a4' && job.paper !== 'letter')) {
    throw new TendError('invalid_input', 'The print request is missing its book, route, file or paper.');
  }
  if (job.asOf !== undefined && !isIsoDate(job.asOf)) throw new TendError('invalid_input', `--as-of must be a date as YYYY-MM-DD (got "${job.asOf}").`);
  return job as WarmPrintJob;
}

async function printJob(job: WarmPrintJob, print: (router: ReturnType<typeof createRouter>) => Promise<string>, version: string): Promise<string> {
  // The CLI has opened (and migrated) the book; a file gone since is not made anew here.
  if (!fs.existsSync(job.dbFile)) throw new TendError('file_not_found', `There is no database at ${job.dbFile}.`);
  const opened = await openDatabase(job.dbFile, { migrationsFolder: job.migrationsFolder, quickCheck: false });
  try {
    const services = createServices(opened, systemClock(job.asOf));
    return await print(createRouter(() => services, { version }));
  } finally {
    opened.close();
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > MAX_BODY) req.destroy(new Error('request too large'));
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

export async function runPrintServer(options: PrintServerOptions): Promise<void> {
  const printer = await openPrinter({ rendererDir: options.rendererDir });
  const page = await printer.reusablePage();
  const token = crypto.randomBytes(24).toString('hex');
  let busy = 0;
  let idle: NodeJS.Timeout | undefined;
  let stopping = false;

  const server = http.createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/print' || req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(404).end();
      return;
    }
    busy++;
    if (idle) clearTimeout(idle);
    void (async () => {
      let answer: PrintAnswer;
      try {
        const job = jobOf(JSON.parse(await readBody(req)));
        answer = { file: await printJob(job, (router) => page.print(job.route, job.file, job.paper, router), options.version) };
      } catch (err) {
        answer = { error: err instanceof TendError ? { code: err.code, message: err.message } : { code: 'internal', message: (err as Error).message ?? String(err) } };
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
      busy--;
      if (busy === 0) armIdle();
    })();
  });

  async function stop(): Promise<void> {
    if (stopping) return;
    stopping = true;
    if (idle) clearTimeout(idle);
    // Another server may have taken over the state file: leave it to that one.
    if (readServerState(options.stateFile)?.pid === process.pid) fs.rmSync(options.stateFile, { force: true });
    server.close();
    await printer.close().catch(() => {});
    process.exit(0);
  }

  function armIdle(): void {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => {
      if (busy === 0) void stop();
    }, options.idleMs);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  writeServerState(options.stateFile, { port, token, pid: process.pid, build: options.build });
  armIdle();
  // A newer server took over (its state names another pid): this one stops at once, not when idle.
  const watch = setInterval(() => {
    const state = readServerState(options.stateFile);
    if (state?.pid !== process.pid && busy === 0) {
      clearInterval(watch);
      void stop();
    }
  }, 5_000);
  watch.unref();
  printer.onDisconnected(() => void stop());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop());
}
