// Where Tend keeps its files, computed without Electron so the CLI opens the same database the
// desktop app does. Mirrors Electron's app.getPath('userData') for the product name "Tend".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Tend';
/** electron-builder's appId (electron-builder.yml); Windows ties notifications to it (AppUserModelID). */
export const APP_ID = 'app.tend.desktop';
export const DATABASE_FILE_NAME = 'tend.db';

export function userDataFolder(platform = process.platform, env = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), PRODUCT_NAME);
}

export function defaultDatabaseFile(): string {
  return path.join(userDataFolder(), DATABASE_FILE_NAME);
}

/**
 * drizzle's migrations: beside the checkout (dev, CLI, tests) or in the packaged app's resources.
 * `from` is the folder of the running bundle (dist/cli, dist/electron). A packaged app runs only the
 * migrations it ships: environment overrides of code paths (TEND_MIGRATIONS) and the working folder
 * are for development and the CLI, never for an installed app.
 */
export function migrationsFolder(
  from: string,
  runtime: { packaged?: boolean; resourcesPath?: string; env?: Record<string, string | undefined>; cwd?: string } = {},
): string {
  const resourcesPath = runtime.resourcesPath ?? (process as { resourcesPath?: string }).resourcesPath;
  if (runtime.packaged) {
    if (!resourcesPath) throw new Error('A packaged app must have a resources folder.');
    return path.join(resourcesPath, 'drizzle');
  }
  const env = runtime.env ?? process.env;
  const candidates = [
    env.TEND_MIGRATIONS,
    path.join(from, '..', '..', 'drizzle'),
    resourcesPath ? path.join(resourcesPath, 'drizzle') : undefined,
    path.resolve(runtime.cwd ?? process.cwd(), 'drizzle'),
  ].filter((c): c is string => Boolean(c));
  return candidates.find((c) => fs.existsSync(path.join(c, 'meta', '_journal.json'))) ?? candidates[0];
}

/**
 * The import worker's script beside the running bundle (dist/electron/import-worker.js). In the
 * packaged app it is unpacked from the asar archive (electron-builder.yml), where a Worker can load it.
 */
export function importWorkerScript(from: string): string {
  return path.join(from, 'import-worker.js').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}
