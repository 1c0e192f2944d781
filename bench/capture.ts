// Issue 15's benchmark: a 10,000-message, ~100 MB mbox captured (read message by message with
// mbox-reader and postal-mime, matched against a 200-account book, landed as one batch and the
// touched accounts rescored) — target under 10 s — and the memory it takes while doing so, which
// must not grow with the file: the same 10,000 messages at a quarter of the size (short bodies)
// are read with the same peak. The whole `tend capture` command is timed too.
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

function writeMbox(file: string, messages: number, bodyLines: number): number {
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

/** Runs fn while sampling the heap and RSS; returns the peak growth over the start. */
async function withMemory<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; heapMb: number; rssMb: number }> {
  const start = process.memoryUsage();
  let heap = start.heapUsed;
  let rss = start.rss;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    heap = Math.max(heap, now.heapUsed);
    rss = Math.max(rss, now.rss);
  }, 20);
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  clearInterval(timer);
  return { value, ms, heapMb: (heap - start.heapUsed) / 2 ** 20, rssMb: (rss - start.rss) / 2 ** 20 };
}

export async function captureBench(report: Report, messages = 10_000): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-bench-capture-'));
  try {
    const big = path.join(folder, 'big.mbox');
    const small = path.join(folder, 'small.mbox');
    const bigSize = writeMbox(big, messages, 80);
    const smallSize = writeMbox(small, messages, 12);
    report.value('mailbox', `${messages.toLocaleString('en-US')} messages`, `${(bigSize / 2 ** 20).toFixed(1)} MiB (and the same messages with short bodies: ${(smallSize / 2 ** 20).toFixed(1)} MiB)`);

    // The small file first (it also warms the JIT), then the big one on a fresh book each.
    const a = await seedBook('capture-small.db');
    const smallRun = await withMemory(() => a.services.capture.run([{ path: small, name: 'small.mbox' }]));
    a.temp.dispose();
    const b = await seedBook('capture-big.db');
    const bigRun = await withMemory(() => b.services.capture.run([{ path: big, name: 'big.mbox' }]));
    const logged = bigRun.value.inserted;
    b.temp.dispose();

    report.time('capture of the 100 MB mbox (read, match, land, rescore)', bigRun.ms, `${logged.toLocaleString('en-US')} touches logged, ${Math.round(messages / (bigRun.ms / 1000)).toLocaleString('en-US')} messages/s`);
    report.target('10,000-message mbox captured in < 10 s', bigRun.ms < 10_000, `${(bigRun.ms / 1000).toFixed(2)} s`);
    report.value('peak heap growth, 100 MB mbox', `${bigRun.heapMb.toFixed(1)} MiB`, `RSS +${bigRun.rssMb.toFixed(1)} MiB`);
    report.value('peak heap growth, same messages at 1/4 size', `${smallRun.heapMb.toFixed(1)} MiB`, `RSS +${smallRun.rssMb.toFixed(1)} MiB; ${(smallRun.ms / 1000).toFixed(2)} s`);
    const ratio = bigRun.heapMb / Math.max(1, smallRun.heapMb);
    report.ratio('peak heap: 4× the file / 1× the file', ratio);
    report.target('memory does not grow with the file', ratio < 1.5, `${ratio.toFixed(2)}× the heap for ${(bigSize / smallSize).toFixed(1)}× the bytes (what grows is the preview: ~${Math.round((bigRun.heapMb * 2 ** 20) / messages)} B per message kept as an item)`);

    // The command a user runs: Node start-up, backup, capture, rescore.
    const c = await seedBook('capture-cli.db');
    const dbFile = c.temp.opened.file;
    c.temp.opened.close();
    const t0 = performance.now();
    const cli = spawnSync('node', ['dist/cli/tend.js', '--db', dbFile, '--as-of', AS_OF, '--json', 'capture', big], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const cliMs = performance.now() - t0;
    if (cli.status !== 0) report.note(`tend capture exited ${cli.status}: ${cli.stderr.slice(0, 300)}`);
    else report.time('tend capture big.mbox (the whole command)', cliMs, `${(JSON.parse(cli.stdout) as { inserted: number }).inserted.toLocaleString('en-US')} touches`);
    fs.rmSync(path.dirname(dbFile), { recursive: true, force: true });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
