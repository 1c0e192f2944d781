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
import path from 'node:path';
import { openDatabase } from '../db/open';
import { createRouter } from '../router';
import { createServices } from '../services';
import { systemClock } from '../services/context';
import { TendError } from '../../shared/errors';
import { isIsoDate } from '../../shared/dates';
import { openPrinter } from './pdf';
import { JOB_TIMEOUT_MS, readServerState, writeServerState, type PrintAnswer, type WarmPrintJob } from './warm-printer';

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
  // Only what the CLI sends: a print route, to a PDF file named in full.
  if (!job.route!.startsWith('/print/') || !path.isAbsolute(job.file!) || !/\.pdf$/i.test(job.file!) || !path.isAbsolute(job.dbFile!)) {
    throw new TendError('invalid_input', 'The print request names something other than a print route and a PDF file.');
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

/** A failure of the document (the book is missing or damaged, the request is wrong), not of the server. */
const aboutTheDocument = (err: unknown): err is TendError => err instanceof TendError && err.code !== 'internal';

const tokenMatches = (header: string | undefined, token: string): boolean => {
  const given = Buffer.from(header ?? '');
  const wanted = Buffer.from(`Bearer ${token}`);
  return given.length === wanted.length && crypto.timingSafeEqual(given, wanted);
};

/** `work`, or a rejection once `ms` have passed (the page is then replaced: it may be stuck). */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the document took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export async function runPrintServer(options: PrintServerOptions): Promise<void> {
  const printer = await openPrinter({ rendererDir: options.rendererDir });
  let page = await printer.reusablePage();
  const token = crypto.randomBytes(24).toString('hex');
  let busy = 0;
  let idle: NodeJS.Timeout | undefined;
  let stopping = false;

  const server = http.createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/print' || !tokenMatches(req.headers.authorization, token)) {
      res.writeHead(404).end();
      return;
    }
    if (stopping) {
      res.writeHead(503, { 'Content-Type': 'application/json' }).end('{}');
      return;
    }
    busy++;
    if (idle) clearTimeout(idle);
    void (async () => {
      let status = 200;
      let answer: PrintAnswer;
      const printing = page;
      try {
        const job = jobOf(JSON.parse(await readBody(req)));
        answer = { file: await within(printJob(job, (router) => printing.print(job.route, job.file, job.paper, router), options.version), JOB_TIMEOUT_MS) };
      } catch (err) {
        answer = { error: err instanceof TendError ? { code: err.code, message: err.message } : { code: 'internal', message: (err as Error)?.message ?? String(err) } };
        if (!aboutTheDocument(err)) {
          // The server's own trouble (a crashed or stuck page…): the page is closed, so it writes
          // nothing more, the CLI prints this document itself, and the next one gets a new page.
          status = 503;
          await printing.close().catch(() => {});
          page = await printer.reusablePage().catch(() => page);
        }
      }
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
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
    // A browser that does not close in a few seconds is left to the exit (Playwright kills it).
    await within(printer.close(), 5_000).catch(() => {});
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
  // A newer server took over (its state names another pid): this one stops once idle, not minutes later.
  const watch = setInterval(() => {
    if (readServerState(options.stateFile)?.pid !== process.pid && busy === 0) {
      clearInterval(watch);
      void stop();
    }
  }, 5_000);
  watch.unref();
  printer.onDisconnected(() => void stop());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop());
}
