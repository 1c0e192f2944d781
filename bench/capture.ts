// Issue 15's benchmark: a 10,000-message, ~100 MB mbox captured (read message by message with
// mbox-reader and postal-mime, matched against a 200-account book, landed as one batch and the
// touched accounts rescored) — target under 10 s — and the memory it takes while doing so, which
// must not grow with the file: the whole `tend capture` command, run in its own process on the
// 100 MB mailbox and on the same 10,000 messages with short bodies (a fifth of the bytes), peaks at
// the same resident memory. Wall-clock and CPU time are both printed: the machine is shared.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServices } from '../electron/services';
import { systemClock } from '../electron/services/context';
import type { Report } from './report';
import { openTempDatabase } from './temp-db';

const ACCOUNTS = 200;
const AS_OF = '2026-11-24';
const FILLER = 'We went through the rollout plan line by line; the warehouse team wants the batch view before the peak season. ';

function message(i: number, bodyLines: number): string {
  const account = i % ACCOUNTS;
  const kind = i % 10; // 0–3 from a customer, 4–6 to a customer, 7–8 internal, 9 a newsletter
  const customer = `person${i % 7}@customer${account}.com`;
  const [from, to] =
    kind <= 3 ? [customer, 'sam.lee@brightloop.io'] : kind <= 6 ? ['sam.lee@brightloop.io', customer] : kind <= 8 ? ['sam.lee@brightloop.io', 'jo.park@brightloop.io'] : [`news${i % 50}@newsletter${i % 50}.io`, 'sam.lee@brightloop.io'];
  const date = new Date(Date.UTC(2026, 0, 1) + (i * 7919 % 320) * 86_400_000 + (i % 600) * 60_000);
  const text = Array.from({ length: bodyLines }, (_, l) => `${FILLER.slice(0, 40 + ((i + l) % 60))}${l}`).join('\n');
  const html = `<html><body>${text.split('\n').map((l) => `<p>${l}</p>`).join('')}</body></html>`;
  const boundary = `b${i}`;
  return [
    `From ${from} ${date.toUTCString()}`,
    `Received: from mail.example.net (mail.example.net [192.0.2.${i % 250}]) by mx.brightloop.io with ESMTPS id ${i}; ${date.toUTCString()}`,
    `From: Person ${i % 7} <${from}>`,
    `To: <${to}>`,
    `Subject: Re: rollout update ${i}`,
    `Date: ${date.toUTCString()}`,
    `Message-ID: <bench-${i}@mail.example.net>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    text.replace(/^From /gm, '>From '),
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    '',
    html,
    `--${boundary}--`,
    '',
  ].join('\n');
}

export function writeMbox(file: string, messages: number, bodyLines: number): number {
  const fd = fs.openSync(file, 'w');
  let chunk = '';
  for (let i = 0; i < messages; i++) {
    chunk += message(i, bodyLines);
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  return fs.statSync(file).size;
}

async function seedBook(dbFile: string) {
  const temp = await openTempDatabase(dbFile);
  const services = createServices(temp.opened, systemClock(AS_OF));
  temp.opened.sqlite.transaction(() => {
    for (let a = 0; a < ACCOUNTS; a++) {
      const account = services.accounts.create({ name: `Customer ${a}`, segment: 'mid_market', stage: 'adoption', mrrCents: 100_000, domains: [`customer${a}.com`] });
      for (let p = 0; p < 5; p++) services.contacts.create({ accountId: account.id, name: `Person ${p}`, email: `person${p}@customer${a}.com`, strength: 2 });
    }
  })();
  services.capture.saveSettings({ myDomains: ['brightloop.io'], keepBody: false, timeZone: 'UTC' });
  return { temp, services };
}

/**
 * Runs `tend capture` as a user does, in its own Node process, and reads that process's peak
 * resident memory (maxRSS) as it exits: a figure no earlier work in this process can blur.
 */
function captureCommand(dbFile: string, mbox: string): { ms: number; cpuMs: number; maxRssMb: number; inserted: number | null; error: string | null } {
  const cli = path.resolve('dist/cli/tend.js');
  const script = `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('MAXRSS ' + u.maxRSS + ' CPU ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); }); require(${JSON.stringify(cli)});`;
  const t0 = performance.now();
  const run = spawnSync('node', ['-e', script, 'tend', '--db', dbFile, '--as-of', AS_OF, '--json', 'capture', mbox], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  const maxRss = Number(/MAXRSS (\d+)/.exec(run.stderr)?.[1] ?? NaN);
  const cpuMs = Number(/CPU (\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1000;
  const ok = run.status === 0;
  return { ms, cpuMs, maxRssMb: maxRss / 1024, inserted: ok ? (JSON.parse(run.stdout) as { inserted: number }).inserted : null, error: ok ? null : run.stderr.slice(0, 300) };
}

export async function captureBench(report: Report, messages = 10_000): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-bench-capture-'));
  try {
    const big = path.join(folder, 'big.mbox');
    const small = path.join(folder, 'small.mbox');
    const bigSize = writeMbox(big, messages, 64);
    const smallSize = writeMbox(small, messages, 10);
    report.value('mailbox', `${messages.toLocaleString('en-US')} messages`, `${(bigSize / 2 ** 20).toFixed(1)} MiB (and the same messages with short bodies: ${(smallSize / 2 ** 20).toFixed(1)} MiB)`);

    // In process: read, match, land, rescore — the time the app's preview + Log take.
    const b = await seedBook('capture-big.db');
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = await b.services.capture.run([{ path: big, name: 'big.mbox' }]);
    const inProcess = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    b.temp.dispose();
    report.time('capture of the mbox (read, match, land, rescore)', inProcess, `${result.inserted.toLocaleString('en-US')} touches logged, ${Math.round(messages / (inProcess / 1000)).toLocaleString('en-US')} messages/s; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`);
    report.target(`${messages.toLocaleString('en-US')}-message mbox captured in < 10 s`, inProcess < 10_000, `${(inProcess / 1000).toFixed(2)} s`);

    // The command a user runs (Node start-up, backup, capture, rescore), on each file in its own
    // process: the peak memory must not follow the file's size.
    const runs: Record<'big' | 'small', ReturnType<typeof captureCommand>> = {} as never;
    for (const [name, file] of [['small', small], ['big', big]] as const) {
      const c = await seedBook(`capture-cli-${name}.db`);
      const dbFile = c.temp.opened.file;
      c.temp.opened.close();
      runs[name] = captureCommand(dbFile, file);
      fs.rmSync(path.dirname(dbFile), { recursive: true, force: true });
      if (runs[name].error) report.note(`tend capture (${name}) failed: ${runs[name].error}`);
    }
    report.time('tend capture, the whole command (100 MB)', runs.big.ms, `${runs.big.inserted?.toLocaleString('en-US')} touches; CPU ${(runs.big.cpuMs / 1000).toFixed(2)} s; peak RSS ${runs.big.maxRssMb.toFixed(0)} MiB`);
    report.time('tend capture, the same messages at 1/5 the size', runs.small.ms, `CPU ${(runs.small.cpuMs / 1000).toFixed(2)} s; peak RSS ${runs.small.maxRssMb.toFixed(0)} MiB`);
    const ratio = report.ratio('peak memory, big file / small file', runs.big.maxRssMb / runs.small.maxRssMb);
    report.target('memory does not grow with the file', ratio < 1.25, `peak RSS ${ratio.toFixed(2)}× for ${(bigSize / smallSize).toFixed(1)}× the bytes (${runs.big.maxRssMb.toFixed(0)} vs ${runs.small.maxRssMb.toFixed(0)} MiB)`);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
