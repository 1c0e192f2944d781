// Binds the router to ipcMain: one handler per contract channel, each checking that the request
// comes from our own top-level page (app://tend) before the router validates the input.
import fs from 'node:fs';
import path from 'node:path';
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, DROP_FILES_CHANNEL, ipcChannel } from '../shared/contract';
import { isTrustedFrame } from './sender';
import type { Router } from './router';

export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  return isTrustedFrame(event.senderFrame);
}

export function registerIpc(router: Router): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcChannel(channel), (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'invalid_input', message: 'Refused a request from a page that is not Tend.' } };
      }
      return router.invoke(channel, input);
    });
  }
  // Files dropped on the window: the preload sends their paths (from webUtils); tokens come back.
  ipcMain.handle(DROP_FILES_CHANNEL, (event, paths: unknown) => {
    if (!isTrustedSender(event) || !Array.isArray(paths)) return [];
    return paths
      .slice(0, 500)
      .filter((p): p is string => typeof p === 'string' && p.length < 4096 && path.isAbsolute(p) && fs.existsSync(p))
      .map((p) => router.grantFile(p));
  });
}
