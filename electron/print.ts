// PDFs in the desktop app: a hidden window — with the main window's hardened preferences and the same
// lockdown (navigation, redirects, new windows, webviews; permissions are denied session-wide) —
// loads a print route, waits until the page says it is ready, and Electron's printToPDF writes the file.
import fs from 'node:fs';
import { BrowserWindow } from 'electron';
import { PDF_FOOTER_TEMPLATE, PDF_HEADER_TEMPLATE, type Paper } from '../shared/print';
import { TendError } from '../shared/errors';
import { APP_ORIGIN } from './csp';
import { lockDown } from './shell/lockdown';

const READY_TIMEOUT_MS = 30_000;

async function waitForPrintReady(window: BrowserWindow): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < READY_TIMEOUT_MS) {
    const state = (await window.webContents.executeJavaScript(
      '({ ready: document.body.dataset.printReady === "true", error: document.body.dataset.printError || null })',
    )) as { ready: boolean; error: string | null };
    if (state.error) throw new TendError('internal', `The document could not be prepared: ${state.error}`);
    if (state.ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new TendError('internal', 'The document took too long to prepare. Try again, or export a shorter period.');
}

export async function printRouteToPdf(route: string, file: string, paper: Paper, preload: string): Promise<string> {
  const window = new BrowserWindow({
    show: false,
    width: 1100,
    height: 1400,
    // Written out here (not spread from a constant) so electronegativity can read them.
    webPreferences: {
      preload,
      // A hidden window still has to draw the charts before printing.
      backgroundThrottling: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: false,
    },
  });
  lockDown(window.webContents);
  try {
    await window.loadURL(`${APP_ORIGIN}/index.html#${route}`);
    await waitForPrintReady(window);
    const pdf = await window.webContents.printToPDF({
      pageSize: paper === 'letter' ? 'Letter' : 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: PDF_HEADER_TEMPLATE,
      footerTemplate: PDF_FOOTER_TEMPLATE,
      margins: { top: 0.5, bottom: 0.6, left: 0.55, right: 0.55 },
    });
    fs.writeFileSync(file, pdf);
    return file;
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}
