// The preload: exposes `window.tend` (shared/api.ts) with contextBridge — never raw ipcRenderer.
// Only the contract's channels can be invoked and only menu commands can come back. Bundled into one
// file by scripts/preload-bundle.mjs, which computes the allowlist from shared/contract.ts at build
// time: the preload carries channel names, not zod and the schemas (≤ 50 KB; the router validates).
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { TendApi } from '../shared/api';
import type { MenuCommand } from '../shared/contract';

declare const __TEND_PRELOAD_ALLOWLIST__: {
  /** Contract channel → the IPC channel name Electron sees (`tend:<channel>`). */
  channels: Record<string, string>;
  menuCommands: string[];
  menuEvent: string;
  /** Where the paths of files dropped on the window go (electron/ipc.ts turns them into tokens). */
  dropFilesChannel: string;
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
  // Only the paths of files really dropped (a File made by the page has none) go to the main
  // process, which hands back tokens; the page never learns a path.
  async dropFiles(files) {
    const paths = Array.from(files, (file) => (file instanceof File ? webUtils.getPathForFile(file) : '')).filter(Boolean);
    return paths.length ? ipcRenderer.invoke(__TEND_PRELOAD_ALLOWLIST__.dropFilesChannel, paths) : [];
  },
};

contextBridge.exposeInMainWorld('tend', api);
