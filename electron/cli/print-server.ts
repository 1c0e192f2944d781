// Entry of the warm print server (dist/cli/print-server.js), which `tend … --out FILE.pdf` starts
// detached (electron/print/warm-printer.ts). TEND_PRINT_STATE names its state file; it quits after
// TEND_PRINT_IDLE_MS (5 minutes by default) without a document.
import path from 'node:path';
import { runPrintServer } from '../print/print-server';
import { buildIdOf } from '../print/warm-printer';
import { cliVersion, printServerStateFile } from './print-options';

runPrintServer({
  stateFile: printServerStateFile(process.env),
  rendererDir: process.env.TEND_RENDERER_DIR ?? path.join(__dirname, '..', 'renderer'),
  idleMs: Number(process.env.TEND_PRINT_IDLE_MS) > 0 ? Number(process.env.TEND_PRINT_IDLE_MS) : 5 * 60_000,
  build: buildIdOf(__filename),
  version: cliVersion(),
}).catch((err: unknown) => {
  // Nobody reads this process's output: the CLI that started it prints the document itself.
  process.stderr.write(`tend print server: ${(err as Error)?.message ?? String(err)}\n`);
  process.exit(1);
});
