#!/usr/bin/env node
// Measures what `npm run dist` would ship, without Electron's binary (which cannot be downloaded on
// every machine): electron-builder packs the app exactly as electron-builder.yml says (`files`,
// `asarUnpack`, `extraResources`) into an unpacked Linux folder (`--dir`), with `electronDist`
// pointing at a stand-in Electron folder and fuses off (flipping fuses needs the real binary).
// Prints the sizes of app.asar, app.asar.unpacked and resources/native, and what the asar holds.
// Run after `npm run build`: `npm run measure:package`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { build, Platform } = require('electron-builder');
const asar = require('@electron/asar');

if (!fs.existsSync(path.join(root, 'dist', 'electron', 'main.js'))) {
  console.error('Run "npm run build" first: the package is made from dist/.');
  process.exit(1);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-measure-'));
const stub = path.join(work, 'electron-stand-in');
fs.mkdirSync(path.join(stub, 'resources'), { recursive: true });
fs.writeFileSync(path.join(stub, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
fs.writeFileSync(path.join(stub, 'version'), require('electron/package.json').version);

// The Electron build of better-sqlite3 is made by scripts/electron-native.mjs (needs Electron's
// headers or a prebuilt download); without it, the Node build stands in (same size class).
const config = { extends: null, electronDist: stub, electronFuses: null, directories: { output: path.join(work, 'out') } };
if (!fs.existsSync(path.join(root, '.native', 'electron', 'better_sqlite3.node'))) {
  console.log('(.native/electron/better_sqlite3.node is missing: the Node build stands in for resources/native)');
  fs.mkdirSync(path.join(work, 'native'), { recursive: true });
  fs.copyFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), path.join(work, 'native', 'better_sqlite3.node'));
  fs.writeFileSync(path.join(work, 'native', 'build.json'), '{}');
  config.extraResources = [
    { from: 'drizzle', to: 'drizzle' },
    { from: path.join(work, 'native'), to: 'native', filter: ['better_sqlite3.node', 'build.json'] },
  ];
}

await build({ projectDir: root, targets: Platform.LINUX.createTarget('dir'), config, publish: 'never' });

const resources = path.join(work, 'out', 'linux-unpacked', 'resources');
const size = (target) => {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(target).reduce((sum, name) => sum + size(path.join(target, name)), 0);
};
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB (${bytes.toLocaleString('en-US')} bytes)`;
const archive = path.join(resources, 'app.asar');
const entries = asar.listPackage(archive, { isPack: false });
const packages = [...new Set(entries.map((e) => e.split(/[\\/]/).filter(Boolean)).filter((p) => p[0] === 'node_modules' && p.length > (p[1]?.startsWith('@') ? 2 : 1)).map((p) => (p[1].startsWith('@') ? `${p[1]}/${p[2]}` : p[1])))];
const files = entries.filter((e) => !asar.statFile(archive, e.replace(/^[\\/]/, ''), false).files);

console.log(`app.asar:           ${mib(size(archive))}`);
console.log(`app.asar.unpacked:  ${mib(size(path.join(resources, 'app.asar.unpacked')))}`);
console.log(`resources/native:   ${mib(size(path.join(resources, 'native')))}`);
console.log(`resources/drizzle:  ${mib(size(path.join(resources, 'drizzle')))}`);
console.log(`files in the asar:  ${files.length}; node_modules packages: ${packages.length ? packages.join(', ') : 'none'}`);
console.log(`unpacked files:     ${listFiles(path.join(resources, 'app.asar.unpacked')).join(', ') || 'none'}`);
fs.rmSync(work, { recursive: true, force: true });

function listFiles(folder, prefix = '') {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}
