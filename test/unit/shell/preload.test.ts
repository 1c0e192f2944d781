// The preload as it ships: built the way `npm run build` builds it (scripts/preload-bundle.mjs), then
// run against a stand-in for the few Electron calls it makes. Its allowlist is the contract's, it
// stays small (no zod), and it lets through only contract channels and menu commands.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { preloadAllowlist, preloadBuildOptions, type PreloadAllowlist } from '../../../scripts/preload-bundle.mjs';
import { contract, ipcChannel, MENU_COMMANDS, MENU_EVENT, type Channel } from '../../../shared/contract';
import type { TendApi } from '../../../shared/api';
import { tempDir } from '../../helpers';

const root = path.resolve('.');
let allowlist: PreloadAllowlist;
let bundle: string;

beforeAll(async () => {
  allowlist = await preloadAllowlist(root);
  const outfile = path.join(tempDir(), 'preload.js');
  await build({ ...preloadBuildOptions(root, allowlist, outfile), sourcemap: false });
  bundle = fs.readFileSync(outfile, 'utf8');
}, 60_000);

/** Runs the bundle with a stand-in `electron` module; returns what it exposed and what it sent. */
function loadPreload() {
  const invoked: [string, unknown][] = [];
  const listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
  const exposed: Record<string, unknown> = {};
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        invoked.push([channel, input]);
        return { ok: true, data: 'answered' };
      },
      on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
      removeListener: (channel: string, listener: unknown) => listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener)),
    },
  };
  const requireStandIn = (name: string) => {
    if (name !== 'electron') throw new Error(`The preload required ${name}; a sandboxed preload can only require electron.`);
    return electron;
  };
  const module = { exports: {} };
  new Function('module', 'exports', 'require', bundle)(module, module.exports, requireStandIn);
  const emit = (channel: string, ...args: unknown[]) => (listeners.get(channel) ?? []).forEach((l) => l({}, ...args));
  return { api: exposed.tend as TendApi, invoked, emit };
}

describe('the preload', () => {
  it('allows exactly the contract’s channels, by their IPC names, and the menu commands', () => {
    expect(Object.keys(allowlist.channels).sort()).toEqual(Object.keys(contract).sort());
    for (const [channel, ipcName] of Object.entries(allowlist.channels)) expect(ipcName).toBe(ipcChannel(channel as Channel));
    expect(allowlist.menuCommands).toEqual([...MENU_COMMANDS]);
    expect(allowlist.menuCommands).toContain('open:capture');
    expect(allowlist.menuEvent).toBe(MENU_EVENT);
  });

  it('is a few KB: no zod, no schemas', () => {
    expect(Buffer.byteLength(bundle)).toBeLessThanOrEqual(50 * 1024);
    expect(bundle).not.toMatch(/\bzod\b|ZodError|safeParse/);
  });

  it('passes a contract channel to its IPC channel and refuses anything else without sending it', async () => {
    const { api, invoked } = loadPreload();
    await expect(api.invoke('accounts.list', {} as never)).resolves.toEqual({ ok: true, data: 'answered' });
    expect(invoked).toEqual([['tend:accounts.list', {}]]);
    for (const channel of ['accounts.nuke', 'constructor', '__proto__', 'toString', 'tend:accounts.list']) {
      await expect(api.invoke(channel as Channel, {} as never)).resolves.toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
    expect(invoked).toHaveLength(1);
  });

  it('relays only known menu commands, until unsubscribed', () => {
    const { api, emit } = loadPreload();
    const heard: string[] = [];
    const unsubscribe = api.onMenu((command) => heard.push(command));
    emit(MENU_EVENT, 'open:capture');
    emit(MENU_EVENT, 'navigate:today');
    emit(MENU_EVENT, 'shell:run-anything');
    emit(MENU_EVENT, { command: 'navigate:today' });
    emit('tend:other', 'navigate:today');
    unsubscribe();
    emit(MENU_EVENT, 'navigate:portfolio');
    expect(heard).toEqual(['open:capture', 'navigate:today']);
  });
});
