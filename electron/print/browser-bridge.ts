// Gives a Chromium page the same `window.tend` the preload gives the desktop window, wired to the
// router in this process with page.exposeBinding. Used by the browser tests and the CLI's PDFs.
// Results cross as one JSON string: Playwright's own value serialisation walks every nested value
// and is ~20× slower on a 10,000-account list (Electron's IPC uses structured clone, no such cost).
import type { Page } from 'playwright-core';
import type { Router } from '../router';

export async function bridgeRouter(page: Pick<Page, 'exposeBinding' | 'addInitScript'>, router: Router): Promise<void> {
  await page.exposeBinding('__tendInvoke', async (_source, channel: string, input: unknown) => JSON.stringify(await router.invoke(channel, input)));
  await page.addInitScript(() => {
    const bridge = (window as unknown as { __tendInvoke: (c: string, i: unknown) => Promise<string> }).__tendInvoke;
    (window as unknown as { tend: unknown }).tend = {
      invoke: async (channel: string, input: unknown) => JSON.parse(await bridge(channel, input)),
      onMenu: () => () => {},
    };
  });
}
