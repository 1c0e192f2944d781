// Gives a Chromium page the same `window.tend` the preload gives the desktop window, wired to the
// router in this process with page.exposeBinding. Used by the browser tests and the CLI's PDFs.
// Results cross as one JSON string: Playwright's own value serialisation walks every nested value
// and is ~20× slower on a 10,000-account list (Electron's IPC uses structured clone, no such cost).
//
// Dropped files: a browser page cannot know a dropped file's path (the preload asks Electron's
// webUtils), so the bridge sends the File's bytes across, writes them to a temp folder under the
// file's name and grants that — the renderer's own drop handling is the same code as in the app.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Router } from '../router';

let dropFolder: string | null = null;

function writeDropped(name: string, base64: string): string {
  dropFolder ??= fs.mkdtempSync(path.join(os.tmpdir(), 'tend-dropped-'));
  const folder = fs.mkdtempSync(path.join(dropFolder, 'f-'));
  const file = path.join(folder, path.basename(name) || 'dropped');
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
}

/** What the bridge uses of a router. */
export type BridgedRouter = Pick<Router, 'invoke' | 'grantFile'>;

export async function bridgeRouter(page: Pick<Page, 'exposeBinding' | 'addInitScript'>, router: BridgedRouter): Promise<void> {
  await page.exposeBinding('__tendInvoke', async (_source, channel: string, input: unknown) => JSON.stringify(await router.invoke(channel, input)));
  await page.exposeBinding('__tendDrop', async (_source, files: { name: string; base64: string }[]) =>
    files.map(({ name, base64 }) => router.grantFile(writeDropped(name, base64))),
  );
  await page.addInitScript(() => {
    const bridge = (window as unknown as { __tendInvoke: (c: string, i: unknown) => Promise<string> }).__tendInvoke;
    const drop = (window as unknown as { __tendDrop: (f: { name: string; base64: string }[]) => Promise<{ token: string; fileName: string }[]> }).__tendDrop;
    const base64 = async (file: File) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    };
    (window as unknown as { tend: unknown }).tend = {
      invoke: async (channel: string, input: unknown) => JSON.parse(await bridge(channel, input)),
      onMenu: () => () => {},
      dropFiles: async (files: File[]) => drop(await Promise.all(Array.from(files, async (file) => ({ name: file.name, base64: await base64(file) })))),
    };
  });
}
