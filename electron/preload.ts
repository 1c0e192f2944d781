// The preload: exposes `window.tend` (shared/api.ts) with contextBridge — never raw ipcRenderer.
// Only the contract's channels can be invoked and only menu commands can come back. Bundled into one
// file by scripts/preload-bundle.mjs, which computes the allowlist from shared/contract.ts at build
// time: the preload carries channel names, not zod and the schemas (≤ 50 KB; the router validates).
import { contextBridge, ipcRenderer } from 'electron';
import type { TendApi } from '../shared/api';
import type { MenuCommand } from '../shared/contract';

declare const __TEND_PRELOAD_ALLOWLIST__: {
  /** Contract channel → the IPC channel name Electron sees (`tend:<channel>`). */
  channels: Record<string, string>;
  menuCommands: string[];
  menuEvent: string;
};

const ipcNames = new Map<string, string>(Object.entries(__TEND_PRELOAD_ALLOWLIST__.channels));
const commands = new Set<string>(__TEND_PRELOAD_ALLOWLIST__.menuCommands);
const menuEvent = __TEND_PRELOAD_ALLOWLIST__.menuEvent;

const api: TendApi = {
  invoke: (channel, input) => {
    const ipcName = typeof channel === 'string' ? ipcNames.get(channel) : undefined;
    return ipcName
      ? ipcRenderer.invoke(ipcName, input)
      : Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: `Unknown request "${String(channel)}".` } });
  },
  onMenu(listener) {
    const relay = (_event: unknown, command: unknown) => {
      if (typeof command === 'string' && commands.has(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(menuEvent, relay);
    return () => ipcRenderer.removeListener(menuEvent, relay);
  },
  // Extension point for files dropped on the window (capture from calendar/mail files): a sandboxed
  // page's File has no path, so the preload is the only place that can ask for it —
  // `webUtils.getPathForFile(file)` (import webUtils from 'electron'). Add a `droppedFiles(files)`
  // member to TendApi (shared/api.ts) that maps each File to its path here and sends the paths on
  // its own ipcRenderer.invoke channel, which the main process turns into FileGrants tokens
  // (electron/platform.ts) after checking each path, so the renderer still never names a path.
};

contextBridge.exposeInMainWorld('tend', api);
