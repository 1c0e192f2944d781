// Which better-sqlite3 binary the desktop app loads (electron/native.ts) and the check before any
// database is opened (electron/shell/native-check.ts): a missing, mismatched or unloadable binary is
// said as exactly that, with what to do — on real files, loading real binaries.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { electronNativeBinding, NATIVE_BUILD_COMMAND } from '../../../electron/native';
import { checkNativeBinding, describeLoadFailure } from '../../../electron/shell/native-check';
import { StartupError } from '../../../electron/shell/startup';
import { tempDir } from '../../helpers';

const NODE_BUILD = path.join(path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
const RUNNING = { electronVersion: '45.4.1', platform: 'linux', arch: 'x64' };

/** A checkout with node_modules/better-sqlite3 at `installed` and, optionally, a published Electron build. */
function checkout(installed: string, built?: Record<string, string>) {
  const appRoot = tempDir();
  fs.mkdirSync(path.join(appRoot, 'node_modules', 'better-sqlite3'), { recursive: true });
  fs.writeFileSync(path.join(appRoot, 'node_modules', 'better-sqlite3', 'package.json'), JSON.stringify({ version: installed }));
  if (built) {
    const folder = path.join(appRoot, '.native', 'electron');
    fs.mkdirSync(folder, { recursive: true });
    fs.copyFileSync(NODE_BUILD, path.join(folder, 'better_sqlite3.node'));
    fs.writeFileSync(path.join(folder, 'build.json'), JSON.stringify(built));
  }
  return { appRoot, resourcesPath: path.join(appRoot, 'resources'), isPackaged: false, ...RUNNING };
}

const BUILT = { betterSqlite3: '12.11.1', electron: '45.4.1', platform: 'linux', arch: 'x64', abi: '150', how: 'prebuilt' };

describe('the desktop app’s better-sqlite3 binary', () => {
  it('is the one published in .native/electron when it was built for this Electron and this better-sqlite3', () => {
    const opts = checkout('12.11.1', BUILT);
    expect(electronNativeBinding(opts)).toEqual({ file: path.join(opts.appRoot, '.native', 'electron', 'better_sqlite3.node'), problem: null });
  });

  it('says it has not been built yet, and the command that builds it', () => {
    const result = electronNativeBinding(checkout('12.11.1'));
    expect(result.file).toBeNull();
    expect(result.problem).toMatch(/^better-sqlite3 has not been built for Electron yet \(.*better_sqlite3\.node is missing\)\./);
    expect(result.problem).toContain(NATIVE_BUILD_COMMAND);
  });

  it('says it was built for another Electron, platform or processor', () => {
    expect(electronNativeBinding(checkout('12.11.1', { ...BUILT, electron: '44.0.0' })).problem).toContain(
      'was built for Electron 44.0.0 (linux-x64), but this is Electron 45.4.1 (linux-x64).',
    );
    expect(electronNativeBinding(checkout('12.11.1', { ...BUILT, arch: 'arm64' })).problem).toContain('built for Electron 45.4.1 (linux-arm64)');
  });

  it('says when better-sqlite3 was upgraded since it was built', () => {
    expect(electronNativeBinding(checkout('12.12.0', BUILT)).problem).toContain('is better-sqlite3 12.11.1, but node_modules has better-sqlite3 12.12.0.');
  });

  it('in an installed app, is the one in resources/native, or says the installation is incomplete', () => {
    const root = tempDir();
    const result = electronNativeBinding({ appRoot: path.join(root, 'app.asar'), resourcesPath: root, isPackaged: true, ...RUNNING });
    expect(result.problem).toMatch(/^This installation of Tend is incomplete: its database engine \(.*native.better_sqlite3\.node\) is missing\. Reinstall Tend/);
    fs.mkdirSync(path.join(root, 'native'));
    fs.copyFileSync(NODE_BUILD, path.join(root, 'native', 'better_sqlite3.node'));
    fs.writeFileSync(path.join(root, 'native', 'build.json'), JSON.stringify(BUILT));
    expect(electronNativeBinding({ appRoot: path.join(root, 'app.asar'), resourcesPath: root, isPackaged: true, ...RUNNING }).file).toBe(path.join(root, 'native', 'better_sqlite3.node'));
  });
});

describe('the check before any database is opened', () => {
  it('loads a good binary and hands it on', () => {
    expect(checkNativeBinding({ file: NODE_BUILD, problem: null }, false)).toBe(NODE_BUILD);
  });

  it('turns a known problem into a start-up error with its own title', () => {
    const error = (() => {
      try {
        checkNativeBinding({ file: null, problem: 'better-sqlite3 has not been built for Electron yet' }, false);
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(StartupError);
    expect(error).toMatchObject({ title: 'Tend’s database engine could not be loaded', message: 'better-sqlite3 has not been built for Electron yet' });
  });

  it('says a binary for another platform or processor is that, not "could not open the database"', () => {
    const bogus = path.join(tempDir(), 'better_sqlite3.node');
    fs.writeFileSync(bogus, 'this is not a shared library, it is text '.repeat(20));
    expect(() => checkNativeBinding({ file: bogus, problem: null }, true)).toThrow(
      /^Tend’s database engine \(.*better_sqlite3\.node\) could not be loaded: it was built for another operating system or processor\. Reinstall Tend/,
    );
  });

  it('reads the loader’s words for another Electron version, a missing file and missing symbols', () => {
    const abi =
      "The module '/app/.native/electron/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 150. Please try re-compiling or re-installing\nthe module (for instance, using `npm rebuild` or `npm install`).";
    expect(describeLoadFailure(abi)).toBe('it was built for another version of Electron or Node (module version 115; this Tend needs 150)');
    expect(describeLoadFailure("Cannot find module '/app/native/better_sqlite3.node'")).toBe('the file is missing');
    expect(describeLoadFailure('/app/native/better_sqlite3.node: undefined symbol: _ZN2v87Isolate')).toBe('it does not match this version of Electron');
    expect(describeLoadFailure('something else\nmore')).toBe('it could not be loaded (something else)');
  });
});
