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
  const server = await serveFolder(job.rendererDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    await bridgeRouter(page, job.router);
    await page.goto(`${server.url}#${job.route}`);
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
      path: path.resolve(job.file),
      format: job.paper === 'letter' ? 'Letter' : 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: PDF_HEADER_TEMPLATE,
      footerTemplate: PDF_FOOTER_TEMPLATE,
      margin: { top: '12mm', bottom: '15mm', left: '14mm', right: '14mm' },
    });
    return path.resolve(job.file);
  } finally {
    await browser.close();
    await server.close();
  }
}
