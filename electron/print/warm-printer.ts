// The CLI's side of the warm print server (print-server.ts): `tend brief|qbr|review … --out FILE.pdf`
// hands the document to a headless Chromium kept running between commands, so a brief before each
// call takes about a second instead of three to five (starting Chromium is most of a PDF's time).
//
// The first PDF starts the server (a detached `node dist/cli/print-server.js`), which writes where it
// listens to a state file in the user's own Tend folder and quits after a few idle minutes. Anything
// short of an answer from the server — none running, an older build, a refused connection — returns
// null and the CLI prints the document itself, as before. This module loads no browser code: the CLI
// stays as quick to start as its other commands.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Paper } from '../../shared/print';
import { TendError, type ErrorCode } from '../../shared/errors';

/** A document for the server: the book to open, the print route and where the PDF goes. */
export interface WarmPrintJob {
  dbFile: string;
  migrationsFolder: string;
  /** The CLI's --as-of, so the server's book reads the same day. */
  asOf?: string;
  route: string;
  file: string;
  paper: Paper;
}

/** What the server writes once it listens: its port, the token a request must carry, its pid and build. */
export interface PrintServerState {
  port: number;
  token: string;
  pid: number;
  build: string;
}

/**
 * The server's answer: the file, or why the document could not be made. HTTP 200 carries both (an
 * error there is about the document: no such book, a damaged one…); 503 says the server itself is
 * in trouble, and the CLI prints the document on its own instead.
 */
export type PrintAnswer = { file: string } | { error: { code: ErrorCode; message: string } };

/** The server took the job but did not answer in time: it may still write the file, so no retry. */
export class PrintTimeout extends Error {}

/** How long the CLI waits for a document (the server gives up on one after JOB_TIMEOUT_MS). */
export const JOB_TIMEOUT_MS = 90_000;
const ANSWER_TIMEOUT_MS = JOB_TIMEOUT_MS + 30_000;

/** The build of a server script (its content's hash): a rebuilt or upgraded Tend never talks to an older server. */
export function buildIdOf(script: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(script)).digest('hex').slice(0, 16);
}

export function readServerState(file: string): PrintServerState | null {
  try {
    const state = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<PrintServerState>;
    if (typeof state.port !== 'number' || typeof state.token !== 'string' || typeof state.pid !== 'number' || typeof state.build !== 'string') return null;
    return state as PrintServerState;
  } catch {
    return null;
  }
}

/** Written whole or not at all (rename), readable by the user only: the token lets a caller print. */
export function writeServerState(file: string, state: PrintServerState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  fs.rmSync(partial, { force: true });
  fs.writeFileSync(partial, JSON.stringify(state), { mode: 0o600, flag: 'wx' });
  fs.renameSync(partial, file);
}

/**
 * Asks the server at `state` for one document: its answer, or null when the server says it is in
 * trouble (503). Rejects when no server answers there, and with PrintTimeout when one took the job
 * and went quiet.
 */
export function postJob(state: PrintServerState, job: WarmPrintJob, timeoutMs = ANSWER_TIMEOUT_MS): Promise<PrintAnswer | null> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(job);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: state.port,
        path: '/print',
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Authorization: `Bearer ${state.token}` },
        timeout: timeoutMs,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          try {
            if (res.statusCode === 503) return resolve(null);
            if (res.statusCode !== 200) throw new Error(`print server answered ${res.statusCode}`);
            resolve(JSON.parse(text) as PrintAnswer);
          } catch (err) {
            reject(err);
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new PrintTimeout('the print server did not answer in time')));
    req.on('error', reject);
    req.end(body);
  });
}

export interface WarmPrintOptions {
  /** Where the server says where it listens (TEND_PRINT_STATE, else print-server.json in the user's Tend folder). */
  stateFile: string;
  /** dist/cli/print-server.js beside the running CLI. */
  serverScript: string;
  /** The environment the server starts with (TEND_RENDERER_DIR, CHROMIUM_PATH, TEND_PRINT_IDLE_MS). */
  env: NodeJS.ProcessEnv;
  /** How long to wait for a new server to listen (Chromium's start). */
  startTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Starts a server and waits until it has written its state; null when it does not come up. */
async function startServer(options: WarmPrintOptions, build: string): Promise<PrintServerState | null> {
  const child = spawn(process.execPath, [options.serverScript], {
    detached: true,
    stdio: 'ignore',
    windowsHide: true,
    // Not the command's folder: a server living for minutes must not hold it open (Windows).
    cwd: path.dirname(options.serverScript),
    env: { ...options.env, TEND_PRINT_STATE: options.stateFile },
  });
  child.unref();
  let exited = false;
  child.once('exit', () => (exited = true));
  child.once('error', () => (exited = true));
  const deadline = Date.now() + (options.startTimeoutMs ?? 20_000);
  while (Date.now() < deadline && !exited) {
    const state = readServerState(options.stateFile);
    if (state && state.pid === child.pid && state.build === build) return state;
    await sleep(25);
  }
  if (!exited && child.pid) {
    try {
      process.kill(child.pid);
    } catch {
      // already gone
    }
  }
  return null;
}

/** How the document was printed: on the warm server, or null (print it in a Chromium of your own). */
export type WarmPrintResult = { file: string; printedBy: 'print server' } | null;

/**
 * Prints `job` on the warm server, starting one when none answers. Null when no server could take
 * it (print it directly instead). A document the server could not make (no such book, a damaged
 * one) is an error, as it would be printed directly; so is a server that took the job and went
 * quiet (it may still write the file: printing again would race it).
 */
export async function printWithWarmChromium(job: WarmPrintJob, options: WarmPrintOptions): Promise<WarmPrintResult> {
  if (!fs.existsSync(options.serverScript)) return null;
  const build = buildIdOf(options.serverScript);
  const ask = async (state: PrintServerState): Promise<PrintAnswer | null | 'unreachable'> => {
    try {
      return await postJob(state, job);
    } catch (err) {
      if (err instanceof PrintTimeout) {
        throw new TendError('internal', `The print server took the document but did not finish it in ${ANSWER_TIMEOUT_MS / 1000} s. Try again, or set TEND_PRINT_SERVER=off to print without it.`);
      }
      return 'unreachable';
    }
  };
  const running = readServerState(options.stateFile);
  let answer = running && running.build === build ? await ask(running) : 'unreachable';
  if (answer === 'unreachable') {
    const started = await startServer(options, build);
    answer = started ? await ask(started) : 'unreachable';
  }
  if (answer === 'unreachable' || answer === null) return null;
  if ('error' in answer) throw new TendError(answer.error.code, answer.error.message);
  return { file: answer.file, printedBy: 'print server' };
}
