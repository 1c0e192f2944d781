// The preload's bundle: electron/preload.ts with its allowlist (the contract's channel names and their
// IPC names, the menu commands, the menu event) computed here from shared/contract.ts at build time and
// compiled in as a constant — so the contract stays the one source of channel names, and the preload
// carries a few KB of names instead of zod and every schema. Used by scripts/build-node.mjs and by
// test/unit/shell/preload.test.ts, which builds it the same way and checks it.
import path from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

/** Evaluates shared/contract.ts (bundled in memory) and returns what the preload lets through. */
export async function preloadAllowlist(root) {
  const result = await build({
    entryPoints: [path.join(root, 'shared', 'contract.ts')],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, createRequire(path.join(root, 'package.json')));
  const { CHANNELS, ipcChannel, MENU_COMMANDS, MENU_EVENT, DROP_FILES_CHANNEL } = module.exports;
  return {
    channels: Object.fromEntries(CHANNELS.map((channel) => [channel, ipcChannel(channel)])),
    menuCommands: [...MENU_COMMANDS],
    menuEvent: MENU_EVENT,
    dropFilesChannel: DROP_FILES_CHANNEL,
  };
}

/** esbuild options for the preload: one file (a sandboxed preload cannot require our modules). */
export function preloadBuildOptions(root, allowlist, outfile) {
  return {
    entryPoints: [path.join(root, 'electron', 'preload.ts')],
    outfile,
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    external: ['electron'],
    define: { __TEND_PRELOAD_ALLOWLIST__: JSON.stringify(allowlist) },
  };
}
