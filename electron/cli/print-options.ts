// What the CLI and its warm print server share: Tend's version, where the server's state lives, and
// whether the CLI uses the server at all.
import fs from 'node:fs';
import path from 'node:path';
import { userDataFolder } from '../paths';

/** TEND_PRINT_STATE, else print-server.json in the user's own Tend folder (not a shared temp folder). */
export function printServerStateFile(env: NodeJS.ProcessEnv): string {
  return path.resolve(env.TEND_PRINT_STATE ?? path.join(userDataFolder(process.platform, env), 'print-server.json'));
}

/** TEND_PRINT_SERVER=off prints every PDF in a Chromium of its own, started and closed by the command. */
export const warmPrintingOff = (env: NodeJS.ProcessEnv): boolean => env.TEND_PRINT_SERVER === 'off';

/** The version in package.json, two folders above the running bundle (dist/cli). */
export function cliVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
