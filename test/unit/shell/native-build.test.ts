// The pure parts of getting better-sqlite3 for Electron (scripts/native-build.mjs): the copy into the
// work folder (on real files), the cache key, the Node floor, and reading a failed attempt's output.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cacheKey,
  classifyFailure,
  copyFilter,
  failureReport,
  nodeRunsElectronTooling,
  telltaleLine,
  toolchainHelp,
} from '../../../scripts/native-build.mjs';
import { tempDir } from '../../helpers';

// Output as prebuild-install 7, node-gyp 12 and compilers print it (the first two captured on this
// project's offline machine).
const PREBUILT_OFFLINE = [
  'prebuild-install info begin Prebuild-install version 7.1.3',
  'prebuild-install http request GET https://github.com/WiseLibs/better-sqlite3/releases/download/v12.11.1/better-sqlite3-v12.11.1-electron-v150-linux-x64.tar.gz',
  'prebuild-install warn install getaddrinfo ENOTFOUND github.com',
].join('\n');
const SOURCE_OFFLINE = [
  'Searching dependency tree',
  'Building modules: better-sqlite3',
  '',
  'Error: This is most likely not a problem with node-gyp or the package itself and',
  'is related to network connectivity. In most cases you are behind a proxy or have bad ',
  'network settings.',
  '    at go (/work/main/node_modules/node-gyp/lib/install.js:244:21)',
  '✖ Rebuild Failed',
].join('\n');
const PREBUILT_MISSING = 'prebuild-install warn install No prebuilt binaries found (target=45.4.1 runtime=electron arch=arm64 libc= platform=linux)';
const NO_PYTHON = [
  'gyp info using node-gyp@12.4.0',
  'gyp ERR! find Python',
  'gyp ERR! find Python Python is not set from command line or npm configuration',
  'gyp ERR! find Python You need to install the latest version of Python.',
  'gyp ERR! configure error',
  'gyp ERR! stack Error: Could not find any Python installation to use',
].join('\n');
const NO_VISUAL_STUDIO = [
  'gyp info find Python using Python version 3.12.4 found at "C:\\Python312\\python.exe"',
  'gyp ERR! find VS could not find a version of Visual Studio 2017 or newer to use',
  'gyp ERR! find VS You need to install the latest version of Visual Studio',
  'gyp ERR! find VS including the "Desktop development with C++" workload.',
].join('\n');
const NO_XCODE = "gyp info find Python using Python version 3.9.6\nxcrun: error: invalid active developer path (/Library/Developer/CommandLineTools), missing xcrun at: /Library/Developer/CommandLineTools/usr/bin/xcrun\ngyp: No Xcode or CLT version detected!";
const NO_GPP = 'gyp info find Python using Python version 3.12.3 found at "/usr/bin/python3"\n  CXX(target) Release/obj.target/better_sqlite3/src/better_sqlite3.o\nmake: g++: No such file or directory\nmake: *** [better_sqlite3.target.mk:120: Release/obj.target/better_sqlite3/src/better_sqlite3.o] Error 127';
const COMPILE_ERROR = 'gyp info find VS using VS2022 (17.10.35013.160) found at:\ngyp info find VS "C:\\Program Files\\Microsoft Visual Studio\\2022\\BuildTools"\n..\\src\\better_sqlite3.cpp(12): error C2065: undeclared identifier\ngyp ERR! build error';

describe('the copy of better-sqlite3 into the work folder', () => {
  it('copies everything but the module’s own build output, even from a checkout under a folder named build', () => {
    const root = path.join(tempDir(), 'build', 'tend', 'node_modules', 'better-sqlite3');
    for (const file of ['package.json', 'lib/index.js', 'src/better_sqlite3.cpp', 'deps/sqlite3/sqlite3.c', 'build/Release/better_sqlite3.node', 'prebuilds/linux-x64/node.napi.node']) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), file);
    }
    const copy = path.join(tempDir(), 'copy');
    fs.cpSync(root, copy, { recursive: true, filter: copyFilter(root) });
    const copied = (fs.readdirSync(copy, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(copy, f)).isFile()).sort();
    expect(copied).toEqual(['deps/sqlite3/sqlite3.c', 'lib/index.js', 'package.json', 'src/better_sqlite3.cpp'].map((f) => f.split('/').join(path.sep)));
  });

  it('judges Windows paths the same way', () => {
    const keep = copyFilter('C:\\build\\tend\\node_modules\\better-sqlite3', path.win32);
    expect(keep('C:\\build\\tend\\node_modules\\better-sqlite3\\lib\\index.js')).toBe(true);
    expect(keep('C:\\build\\tend\\node_modules\\better-sqlite3\\build\\Release\\better_sqlite3.node')).toBe(false);
    expect(keep('C:\\build\\tend\\node_modules\\better-sqlite3\\src\\build.cpp')).toBe(true);
  });
});

describe('the cache key', () => {
  const base = { betterSqlite3: '12.11.1', electron: '45.4.1', platform: 'linux', arch: 'x64' };
  it('names every input that changes the binary, so an upgrade of better-sqlite3 builds again', () => {
    expect(cacheKey(base)).toBe('better-sqlite3-12.11.1-electron-45.4.1-linux-x64');
    const variants = [base, { ...base, betterSqlite3: '12.12.0' }, { ...base, electron: '45.5.0' }, { ...base, platform: 'darwin' }, { ...base, arch: 'arm64' }];
    expect(new Set(variants.map(cacheKey)).size).toBe(variants.length);
  });
});

describe('the Node floor of Electron’s tooling', () => {
  it('is 22.12', () => {
    expect(['20.20.2', 'v22.11.0', '21.7.3'].map(nodeRunsElectronTooling)).toEqual([false, false, false]);
    expect(['22.12.0', 'v22.20.1', '24.0.0'].map(nodeRunsElectronTooling)).toEqual([true, true, true]);
  });
});

describe('a failed attempt', () => {
  it('is read as no network, no prebuilt binary, no Python, no toolchain, or another failure', () => {
    expect(classifyFailure(PREBUILT_OFFLINE)).toBe('offline');
    expect(classifyFailure(SOURCE_OFFLINE)).toBe('offline');
    expect(classifyFailure(PREBUILT_MISSING)).toBe('no-prebuilt');
    expect(classifyFailure(NO_PYTHON)).toBe('no-python');
    expect(classifyFailure(NO_VISUAL_STUDIO)).toBe('no-toolchain');
    expect(classifyFailure(NO_XCODE)).toBe('no-toolchain');
    expect(classifyFailure(NO_GPP)).toBe('no-toolchain');
    // A compiler that ran and failed is not "no toolchain", though its output names Visual Studio.
    expect(classifyFailure(COMPILE_ERROR)).toBe('failed');
  });

  it('quotes the line that shows why', () => {
    expect(telltaleLine(PREBUILT_OFFLINE)).toBe('prebuild-install warn install getaddrinfo ENOTFOUND github.com');
    expect(telltaleLine(SOURCE_OFFLINE)).toBe('is related to network connectivity. In most cases you are behind a proxy or have bad network settings.');
    expect(telltaleLine(NO_PYTHON)).toBe('gyp ERR! stack Error: Could not find any Python installation to use');
    expect(telltaleLine(NO_GPP)).toBe('make: g++: No such file or directory');
    expect(telltaleLine(COMPILE_ERROR)).toBe('..\\src\\better_sqlite3.cpp(12): error C2065: undeclared identifier');
  });

  const target = { betterSqlite3: '12.11.1', electron: '45.4.1', abi: '150', arch: 'x64' };
  it('says which way failed and why, and to go online when the machine is offline', () => {
    const report = failureReport({
      ...target,
      platform: 'linux',
      prebuilt: { kind: 'offline', line: telltaleLine(PREBUILT_OFFLINE) },
      source: { kind: 'offline', line: telltaleLine(SOURCE_OFFLINE) },
    });
    expect(report).toContain('Could not get better-sqlite3 12.11.1 for Electron 45.4.1 (linux-x64, ABI 150).');
    expect(report).toContain('1. The prebuilt binary could not be downloaded from GitHub (no network): prebuild-install warn install getaddrinfo ENOTFOUND github.com');
    expect(report).toContain("2. The build from source could not download Electron's headers (no network)");
    expect(report).toContain('What to do: connect to the internet and run it again');
    expect(report).not.toContain('build-essential');
  });

  it('names the toolchain to install on each OS when there is no prebuilt binary and no compiler', () => {
    const on = (platform: string, source: { kind: 'no-python' | 'no-toolchain'; line: string }) =>
      failureReport({ ...target, platform, prebuilt: { kind: 'no-prebuilt', line: telltaleLine(PREBUILT_MISSING) }, source });
    const windows = on('win32', { kind: 'no-toolchain', line: telltaleLine(NO_VISUAL_STUDIO) });
    expect(windows).toContain('1. The prebuilt binary is not published for this Electron version and platform');
    expect(windows).toContain(
      '2. The build from source found no C++ compiler or build tools: gyp ERR! find VS could not find a version of Visual Studio 2017 or newer to use',
    );
    expect(windows).toContain('"Desktop development with C++" workload');
    expect(windows).not.toContain('connect to the internet');
    expect(on('darwin', { kind: 'no-toolchain', line: telltaleLine(NO_XCODE) })).toContain('xcode-select --install');
    const linux = on('linux', { kind: 'no-python', line: telltaleLine(NO_PYTHON) });
    expect(linux).toContain('2. The build from source found no Python 3 (node-gyp needs it)');
    expect(linux).toContain('sudo apt install build-essential python3');
    expect(toolchainHelp('linux')).toContain('sudo dnf install gcc-c++ make python3');
  });
});
