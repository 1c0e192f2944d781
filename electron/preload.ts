// The preload: exposes `window.tend` (shared/api.ts) with contextBridge — never raw ipcRenderer.
// Only the contract's channels can be invoked and only menu commands can come back. Bundled into one
// file by scripts/build-node.mjs because a sandboxed preload cannot require our modules.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { TendApi } from '../shared/api';
import { CHANNELS, DROP_FILES_CHANNEL, ipcChannel, MENU_COMMANDS, MENU_EVENT, type Channel, type MenuCommand } from '../shared/contract';

const allowed = new Set<string>(CHANNELS);
const commands = new Set<string>(MENU_COMMANDS);

const api: TendApi = {
  invoke: (channel, input) =>
    allowed.has(channel)
      ? ipcRenderer.invoke(ipcChannel(channel as Channel), input)
      : Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: `Unknown request "${String(channel)}".` } }),
  onMenu(listener) {
    const relay = (_event: unknown, command: unknown) => {
      if (typeof command === 'string' && commands.has(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_EVENT, relay);
    return () => ipcRenderer.removeListener(MENU_EVENT, relay);
  },
  // Only the paths of files really dropped (a File made by the page has none) go to the main
  // process, which hands back tokens; the page never learns a path.
  async dropFiles(files) {
    const paths = Array.from(files, (file) => (file instanceof File ? webUtils.getPathForFile(file) : '')).filter(Boolean);
    return paths.length ? ipcRenderer.invoke(DROP_FILES_CHANNEL, paths) : [];
  },
};

contextBridge.exposeInMainWorld('tend', api);
