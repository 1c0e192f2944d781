// Binds the router to ipcMain: one handler per contract channel, each checking that the request
// comes from our own top-level page (app://tend) before the router validates the input.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, ipcChannel } from '../shared/contract';
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
}
