#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .native/, leaving node_modules on Node's ABI for the
// tests and the CLI. Runs before `electron .` (npm start) and packaging (npm run dist); a no-op when
// the build for this Electron version, platform and arch already exists. Needs internet the first
// time (Electron's headers or better-sqlite3's prebuilt binary).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = require('electron/package.json').version;
const sqliteVersion = require('better-sqlite3/package.json').version;
const arch = process.env.TEND_NATIVE_ARCH || process.arch;
const platform = process.platform;
const versioned = path.join(root, '.native', `electron-${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
// The packaged app reads this fixed path (electron-builder.yml extraResources).
const current = path.join(root, '.native', 'electron', 'better_sqlite3.node');

function publish() {
  fs.mkdirSync(path.dirname(current), { recursive: true });
  fs.copyFileSync(versioned, current);
}

if (fs.existsSync(versioned)) {
  publish();
  process.exit(0);
}

console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch}), once…`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-native-'));
try {
  fs.writeFileSync(
    path.join(work, 'package.json'),
    JSON.stringify({ name: 'tend-native', version: '1.0.0', dependencies: { 'better-sqlite3': sqliteVersion } }),
  );
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  fs.cpSync(source, path.join(work, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (file) => !file.includes(`${path.sep}build${path.sep}`) && !file.endsWith(`${path.sep}build`),
  });
  // The machine's npm may point node-gyp at Node's own headers (nodedir); Electron needs its own.
  for (const key of Object.keys(process.env)) if (key.toLowerCase() === 'npm_config_nodedir') delete process.env[key];
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: work, electronVersion, arch, onlyModules: ['better-sqlite3'], force: true });
  const built = path.join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  fs.mkdirSync(path.dirname(versioned), { recursive: true });
  fs.copyFileSync(built, versioned);
  publish();
  console.log(`Built ${path.relative(root, versioned)}`);
} catch (err) {
  console.error(
    `Could not build better-sqlite3 for Electron ${electronVersion}: ${err?.message ?? err}\n` +
      'This step downloads Electron headers or a prebuilt binary, so it needs internet the first time. ' +
      'Tests and the tend CLI do not need it (they use the Node build in node_modules).',
  );
  process.exitCode = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
