// Which better-sqlite3 binary the desktop app loads: the Electron-ABI build that
// scripts/electron-native.mjs publishes in .native/electron/ (development) or that the package
// ships in resources/native/ — each with build.json, what it was built for. A missing or mismatched
// binary is said in words here (electron/shell/native-check.ts then loads it to be sure), never
// "could not open the database". Tests and the CLI never call this; they load node_modules' Node build.
import fs from 'node:fs';
import path from 'node:path';

export interface NativeBuildInfo {
  betterSqlite3: string;
  electron: string;
  platform: string;
  arch: string;
  abi?: string;
  how?: string;
}

export type NativeBinding = { file: string; problem: null } | { file: null; problem: string };

export const NATIVE_BUILD_COMMAND = 'node scripts/electron-native.mjs --force';

export function electronNativeBinding(opts: {
  appRoot: string;
  resourcesPath: string;
  isPackaged: boolean;
  electronVersion: string;
  platform: string;
  arch: string;
}): NativeBinding {
  const folder = opts.isPackaged ? path.join(opts.resourcesPath, 'native') : path.join(opts.appRoot, '.native', 'electron');
  const file = path.join(folder, 'better_sqlite3.node');
  const fix = opts.isPackaged
    ? 'Reinstall Tend (download the installer for this computer again).'
    : `Run "${NATIVE_BUILD_COMMAND}" in the checkout (npm start runs it without --force) and start Tend again.`;
  if (!fs.existsSync(file)) {
    return {
      file: null,
      problem: opts.isPackaged
        ? `This installation of Tend is incomplete: its database engine (${file}) is missing. ${fix}`
        : `better-sqlite3 has not been built for Electron yet (${file} is missing). ${fix}`,
    };
  }
  const info = readBuildInfo(folder);
  if (!info) return { file, problem: null }; // Built before build.json existed: loading it will tell.
  const running = `Electron ${opts.electronVersion} (${opts.platform}-${opts.arch})`;
  const builtFor = `Electron ${info.electron} (${info.platform}-${info.arch})`;
  if (info.electron !== opts.electronVersion || info.platform !== opts.platform || info.arch !== opts.arch) {
    return { file: null, problem: `Tend's database engine (${file}) was built for ${builtFor}, but this is ${running}. ${fix}` };
  }
  const installed = opts.isPackaged ? null : installedBetterSqlite3(opts.appRoot);
  if (installed && installed !== info.betterSqlite3) {
    return {
      file: null,
      problem: `Tend's database engine (${file}) is better-sqlite3 ${info.betterSqlite3}, but node_modules has better-sqlite3 ${installed}. ${fix}`,
    };
  }
  return { file, problem: null };
}

function readBuildInfo(folder: string): NativeBuildInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(path.join(folder, 'build.json'), 'utf8')) as Partial<NativeBuildInfo>;
    return info.electron && info.platform && info.arch && info.betterSqlite3 ? (info as NativeBuildInfo) : null;
  } catch {
    return null;
  }
}

function installedBetterSqlite3(appRoot: string): string | null {
  try {
    return (JSON.parse(fs.readFileSync(path.join(appRoot, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}
