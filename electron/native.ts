// Which better-sqlite3 binary the desktop app loads: the Electron-ABI build made by
// scripts/electron-native.mjs (dev) or shipped in the packaged app's resources. Tests and the CLI
// never call this; they load node_modules' Node-ABI build.
import fs from 'node:fs';
import path from 'node:path';

export function electronNativeBinding(opts: {
  appRoot: string;
  resourcesPath: string;
  isPackaged: boolean;
  electronVersion: string;
  platform: string;
  arch: string;
}): string | undefined {
  const candidates = opts.isPackaged
    ? [path.join(opts.resourcesPath, 'native', 'better_sqlite3.node')]
    : [
        path.join(opts.appRoot, '.native', `electron-${opts.electronVersion}-${opts.platform}-${opts.arch}`, 'better_sqlite3.node'),
        path.join(opts.appRoot, '.native', 'electron', 'better_sqlite3.node'),
      ];
  return candidates.find((file) => fs.existsSync(file));
}
