// PDFs from the CLI (and the browser tests): headless Chromium loads the same print route the app
// prints, with window.tend bridged to this process's router, and page.pdf writes the file.
import path from 'node:path';
import { PDF_FOOTER_TEMPLATE, PDF_HEADER_TEMPLATE, type Paper } from '../../shared/print';
import { TendError } from '../../shared/errors';
import type { Router } from '../router';
import { bridgeRouter } from './browser-bridge';
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

/** One browser and one static server for several documents (a batch of PDFs, the tests). */
export interface Printer {
  print(route: string, file: string, paper: Paper): Promise<string>;
  close(): Promise<void>;
}

export async function openPrinter(job: Pick<PdfJob, 'router' | 'rendererDir'>): Promise<Printer> {
  const server = await serveFolder(job.rendererDir);
  let browser;
  try {
    browser = await launchChromium();
  } catch (err) {
    await server.close();
    throw err;
  }
  const opened = browser;
  return {
    async print(route, file, paper) {
      // A page per document: the print-ready mark belongs to one document.
      const page = await opened.newPage({ viewport: { width: 1100, height: 1400 } });
      try {
        await bridgeRouter(page, job.router);
        await page.goto(`${server.url}#${route}`);
        const state = await page
          .waitForFunction(
            () => document.body.dataset.printReady === 'true' || document.body.dataset.printError || null,
            undefined,
            { timeout: 30_000 },
          )
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
      } finally {
        await page.close();
      }
    },
    async close() {
      await opened.close();
      await server.close();
    },
  };
}
