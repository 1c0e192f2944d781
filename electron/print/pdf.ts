// PDFs from the CLI (and the browser tests): headless Chromium loads the same print route the app
// prints, with window.tend bridged to this process's router, and page.pdf writes the file.
import path from 'node:path';
import { PDF_FOOTER_TEMPLATE, PDF_HEADER_TEMPLATE, type Paper } from '../../shared/print';
import { TendError } from '../../shared/errors';
import type { Router } from '../router';
import type { Page } from 'playwright-core';
import { bridgeRouter, type BridgedRouter } from './browser-bridge';
import { launchChromium } from './chromium';
import { serveFolder } from './static-server';

export interface PdfJob {
  router: Router;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** A print route from shared/print.ts. */
  route: string;
  file: string;
  paper: Paper;
}

export async function printRouteWithChromium(job: PdfJob): Promise<string> {
  const printer = await openPrinter(job);
  try {
    return await printer.print(job.route, job.file, job.paper);
  } finally {
    await printer.close();
  }
}

/** One browser and one static server for several documents (a batch of PDFs, the tests, the warm print server). */
export interface Printer {
  /** A page of its own for this document, closed after it. */
  print(route: string, file: string, paper: Paper): Promise<string>;
  /**
   * One page kept for document after document (the warm print server): no renderer process to
   * start each time. Each document is a new load of the page (nothing carries over from the last
   * one), answered by its own router; documents are printed one at a time.
   */
  reusablePage(): Promise<{ print(route: string, file: string, paper: Paper, router: BridgedRouter): Promise<string>; close(): Promise<void> }>;
  /** Called when the browser goes away (it crashed or was killed). */
  onDisconnected(listener: () => void): void;
  close(): Promise<void>;
}

export async function openPrinter(job: Pick<PdfJob, 'rendererDir'> & { router?: Router }): Promise<Printer> {
  const server = await serveFolder(job.rendererDir);
  let browser;
  try {
    browser = await launchChromium();
  } catch (err) {
    await server.close();
    throw err;
  }
  const opened = browser;
  const newPage = () => opened.newPage({ viewport: { width: 1100, height: 1400 } });
  let loads = 0;

  /** Loads `route` as a new document (the query makes each load a real one) and prints it. */
  async function printOn(page: Page, route: string, file: string, paper: Paper): Promise<string> {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${server.url}?load=${++loads}#${route}`);
    const state = await page
      .waitForFunction(() => document.body.dataset.printReady === 'true' || document.body.dataset.printError || null, undefined, { timeout: 30_000 })
      .then((handle) => handle.jsonValue());
    if (typeof state === 'string') throw new TendError('internal', `The document could not be prepared: ${state}`);
    await page.emulateMedia({ media: 'print' });
    await page.pdf({
      path: path.resolve(file),
      format: paper === 'letter' ? 'Letter' : 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: PDF_HEADER_TEMPLATE,
      footerTemplate: PDF_FOOTER_TEMPLATE,
      margin: { top: '12mm', bottom: '15mm', left: '14mm', right: '14mm' },
    });
    return path.resolve(file);
  }

  return {
    async print(route, file, paper) {
      if (!job.router) throw new Error('openPrinter: print() needs the printer opened with a router');
      // A page per document: the print-ready mark belongs to one document.
      const page = await newPage();
      try {
        await bridgeRouter(page, job.router);
        return await printOn(page, route, file, paper);
      } finally {
        await page.close();
      }
    },
    async reusablePage() {
      const page = await newPage();
      let current: BridgedRouter | null = null;
      const answering = () => {
        if (!current) throw new Error('no document is being printed');
        return current;
      };
      await bridgeRouter(page, { invoke: (channel, input) => answering().invoke(channel, input), grantFile: (file) => answering().grantFile(file) });
      let queue: Promise<unknown> = Promise.resolve();
      return {
        print(route, file, paper, router) {
          const printed = queue.then(async () => {
            current = router;
            try {
              return await printOn(page, route, file, paper);
            } finally {
              current = null;
            }
          });
          queue = printed.catch(() => {});
          return printed;
        },
        /** Ends whatever this page was printing (a stuck document writes nothing). */
        close: () => page.close(),
      };
    },
    onDisconnected(listener) {
      opened.on('disconnected', listener);
    },
    async close() {
      await opened.close();
      await server.close();
    },
  };
}
