#!/usr/bin/env node
// Runs @doyensec/electronegativity over electron/ and fails on any HIGH finding. The tool itself
// exits 0 whatever it finds, so its CSV output is parsed here.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tend-en-')), 'findings.csv');
const bin = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');

execFileSync(process.execPath, [bin, '-i', 'electron', '-e', electronVersion, '-o', out, '-r', '-v', 'false'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (!fs.existsSync(out)) {
  console.error('electronegativity wrote no report; treating that as a failure.');
  process.exit(1);
}
const [, ...rows] = fs.readFileSync(out, 'utf8').trim().split('\n');
const findings = rows.map((line) => {
  const [issue, severity, confidence, file, location] = line.split(',').map((cell) => cell.replace(/^"|"$/g, ''));
  return { issue, severity, confidence, file, location };
});
for (const f of findings) console.log(`electronegativity: ${f.severity.padEnd(13)} ${f.issue} ${f.file}:${f.location}`);
const high = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'CRITICAL');
if (high.length) {
  console.error(`electronegativity: ${high.length} HIGH finding(s) — fix them before shipping.`);
  process.exit(1);
}
console.log(`electronegativity: ${findings.length} finding(s), none HIGH.`);
