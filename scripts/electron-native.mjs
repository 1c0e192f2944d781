#!/usr/bin/env node
// Gets better-sqlite3 for Electron's ABI into .native/, leaving node_modules on Node's ABI for the
// tests and the CLI. Runs before `electron .` (npm start) and packaging (npm run dist); a no-op when
// the build for this better-sqlite3 version, Electron version, platform and arch already exists.
//
// In a temp copy of the module: first better-sqlite3's prebuilt binary for Electron's ABI
// (prebuild-install, a download — no compiler needed), then, only if that fails, a build from source
// with @electron/rebuild (Electron's headers + Python + a C++ toolchain). When both fail, it says
// which failed and why (scripts/native-build.mjs). `--force` builds again.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  ELECTRON_TOOLING_NODE,
  cacheKey,
  classifyFailure,
  copyFilter,
  failureReport,
  nodeRunsElectronTooling,
  telltaleLine,
} from './native-build.mjs';

if (!nodeRunsElectronTooling(process.versions.node)) {
  console.error(
    `npm start and npm run dist need Node ${ELECTRON_TOOLING_NODE} or newer (Electron 45's installer, @electron/get 5 and ` +
      `@electron/rebuild 4 require it); this is Node ${process.versions.node}. Install Node 22 LTS or newer (nvm install 22) and run ` +
      'npm ci again. The tests and the tend CLI run on Node 20.19 as well.',
  );
  process.exit(1);
}

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = require('electron/package.json').version;
const moduleRoot = path.dirname(require.resolve('better-sqlite3/package.json'));
const fromModule = createRequire(path.join(moduleRoot, 'package.json'));
const sqliteVersion = require('better-sqlite3/package.json').version;
const arch = process.env.TEND_NATIVE_ARCH || process.arch;
const platform = process.platform;
const build = { betterSqlite3: sqliteVersion, electron: electronVersion, platform, arch };
const abi = electronAbi();
const cached = path.join(root, '.native', cacheKey(build), 'better_sqlite3.node');
// The app reads this fixed folder (electron/native.ts in development, electron-builder.yml's
// extraResources for the package): the binary and what it was built for.
const published = path.join(root, '.native', 'electron');

if (!fs.existsSync(cached) || process.argv.includes('--force')) {
  const how = await obtain();
  if (!how) process.exit(1);
  fs.writeFileSync(path.join(path.dirname(cached), 'how.txt'), how);
}
fs.mkdirSync(published, { recursive: true });
fs.copyFileSync(cached, path.join(published, 'better_sqlite3.node'));
const howFile = path.join(path.dirname(cached), 'how.txt');
const how = fs.existsSync(howFile) ? fs.readFileSync(howFile, 'utf8') : 'unknown';
fs.writeFileSync(path.join(published, 'build.json'), `${JSON.stringify({ ...build, abi, how }, null, 2)}\n`);

/** Gets the binary into `cached`; returns how ('prebuilt' | 'source'), or null after saying why not. */
async function obtain() {
  console.log(`Getting better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch}, ABI ${abi}), once…`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-native-'));
  try {
    const copy = path.join(work, 'node_modules', 'better-sqlite3');
    fs.writeFileSync(
      path.join(work, 'package.json'),
      JSON.stringify({ name: 'tend-native', version: '1.0.0', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }),
    );
    fs.cpSync(moduleRoot, copy, { recursive: true, filter: copyFilter(moduleRoot) });
    // The machine's npm may point node-gyp at Node's own headers (nodedir); Electron needs its own.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'));
    const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');

    console.log('1. The prebuilt binary (prebuild-install)…');
    const prebuilt = await run(
      process.execPath,
      [fromModule.resolve('prebuild-install/bin.js'), '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, `--platform=${platform}`, '--tag-prefix=v'],
      copy,
      env,
    );
    if (prebuilt.code === 0 && fs.existsSync(built)) return keep(built, 'prebuilt');

    console.log('2. No prebuilt binary; building from source (@electron/rebuild)…');
    const rebuildCli = path.join(path.dirname(fileURLToPath(import.meta.resolve('@electron/rebuild'))), 'cli.js');
    const source = await run(
      process.execPath,
      [rebuildCli, '--version', electronVersion, '--arch', arch, '--module-dir', work, '--only', 'better-sqlite3', '--force', '--build-from-source'],
      root,
      env,
    );
    if (source.code === 0 && fs.existsSync(built)) return keep(built, 'source');

    console.error(
      `\n${failureReport({
        ...build,
        abi,
        prebuilt: { kind: classifyFailure(prebuilt.output), line: telltaleLine(prebuilt.output) },
        source: { kind: classifyFailure(source.output), line: telltaleLine(source.output) },
      })}`,
    );
    return null;
  } finally {
    // Windows may hold a lock on a build file for a moment (antivirus, mspdbsrv): never fail a build for it.
    try {
      fs.rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch (err) {
      console.warn(`Could not remove the temporary build folder ${work}: ${err.message}`);
    }
  }
}

function keep(built, how) {
  fs.mkdirSync(path.dirname(cached), { recursive: true });
  fs.copyFileSync(built, cached);
  console.log(`Got it (${how === 'prebuilt' ? 'prebuilt binary' : 'built from source'}): ${path.relative(root, cached)}`);
  return how;
}

/** Runs a command, showing its output as it comes and keeping it for the diagnosis. */
function run(command, args, cwd, env) {
  return new Promise((resolve) => {
    const chunks = [];
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        chunks.push(chunk);
        process.stderr.write(chunk);
      });
    }
    child.on('error', (err) => resolve({ code: -1, output: `${Buffer.concat(chunks)}\n${err.message}` }));
    child.on('close', (code) => resolve({ code, output: Buffer.concat(chunks).toString() }));
  });
}

/** Electron's NODE_MODULE_VERSION, from node-abi (what prebuild-install downloads by). */
function electronAbi() {
  try {
    const nodeAbi = createRequire(fromModule.resolve('prebuild-install/package.json'))('node-abi');
    return String(nodeAbi.getAbi(electronVersion, 'electron'));
  } catch {
    return 'unknown';
  }
}
