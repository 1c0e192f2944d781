// Headless Chromium for the CLI's PDFs (playwright-core): CHROMIUM_PATH, then /usr/bin/chromium,
// else Playwright's own browser if one is installed.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { TendError } from '../../shared/errors';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath(env = process.env): string | undefined {
  return [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && fs.existsSync(p));
}

export async function launchChromium(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  } catch (err) {
    throw new TendError(
      'internal',
      `Could not start Chromium to make the PDF (${(err as Error).message.split('\n')[0]}). Install Chromium or set CHROMIUM_PATH to its executable.`,
    );
  }
}
