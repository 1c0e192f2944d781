// Gives a Chromium page the same `window.tend` the preload gives the desktop window, wired to the
// router in this process with page.exposeBinding. Used by the browser tests and the CLI's PDFs.
import type { Page } from 'playwright-core';
import type { Router } from '../router';

export async function bridgeRouter(page: Pick<Page, 'exposeBinding' | 'addInitScript'>, router: Router): Promise<void> {
  await page.exposeBinding('__tendInvoke', (_source, channel: string, input: unknown) => router.invoke(channel, input));
  await page.addInitScript(() => {
    const bridge = (window as unknown as { __tendInvoke: (c: string, i: unknown) => Promise<unknown> }).__tendInvoke;
    (window as unknown as { tend: unknown }).tend = {
      invoke: (channel: string, input: unknown) => bridge(channel, input),
      onMenu: () => () => {},
    };
  });
}
