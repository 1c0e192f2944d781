// Portfolio at 10,000 accounts in real Chromium: builds a 10,000-account book (bench/generate-book.ts)
// with 12 weeks of health snapshots in a temp database, serves the built renderer with the app's CSP,
// bridges window.tend to the real router (as the e2e harness does), and measures:
//   - first render: navigation start → first table rows in the DOM (and → charts drawn), 3 loads;
//   - scrolling: requestAnimationFrame deltas while the table scrolls programmatically, at a steady
//     pace (60 px per frame) and as a fling (one screen per frame);
//   - a sort and a filter: click → rows re-rendered;
//   - the main-process side: accounts.list, portfolio.trends, metrics.month, settings.preview.
// Not a timed test: it prints figures. Run after `npm run build`:  npx tsx bench/portfolio-render.ts
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../electron/csp';
import { createRouter } from '../electron/router';
import { createServices } from '../electron/services';
import { systemClock } from '../electron/services/context';
import { addDays } from '../shared/dates';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { generateBook } from './generate-book';
import { openTempDatabase } from './temp-db';

const ACCOUNTS = Number(process.env.TEND_BENCH_ACCOUNTS ?? 10_000);
const AS_OF = '2026-11-24';
const RENDERER = path.resolve('dist/renderer');
const VIEWPORT = { width: Number(process.env.TEND_BENCH_WIDTH ?? 1280), height: Number(process.env.TEND_BENCH_HEIGHT ?? 800) };

const ms = (x: number) => `${x.toFixed(1)} ms`;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const median = (xs: number[]) => quantile([...xs].sort((a, b) => a - b), 0.5);

async function timed<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await fn();
  return [value, performance.now() - t];
}

function serve(): Promise<{ url: string; close(): void }> {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` first.');
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.resolve(RENDERER, `.${pathname === '/' ? '/index.html' : pathname}`);
    if (!file.startsWith(RENDERER + path.sep) || !fs.existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/index.html`, close: () => server.close() });
    }),
  );
}

/** Scrolls the table for `frames` animation frames, `step` px per frame; returns the frame deltas. */
function scrollFrames(page: Page, step: number, frames: number): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const body = document.querySelector('[data-testid="portfolio-scroll"]');
    body.scrollTop = 0;
    const deltas = [];
    let last = 0;
    let n = 0;
    const tick = (t) => {
      if (last) deltas.push(t - last);
      last = t;
      if (n++ >= ${frames}) return resolve(deltas);
      body.scrollTop = body.scrollTop + ${step} >= body.scrollHeight - body.clientHeight ? 0 : body.scrollTop + ${step};
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`) as Promise<number[]>;
}

function frameStats(deltas: number[]) {
  const sorted = [...deltas].sort((a, b) => a - b);
  return {
    frames: deltas.length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1],
    over16: deltas.filter((d) => d > 16.7 * 1.5).length, // a frame missed (>25 ms at 60 Hz)
    over50: deltas.filter((d) => d > 50).length,
  };
}

async function main() {
  const bench = await openTempDatabase('portfolio-10k.db');
  const { opened } = bench;
  console.log(`Portfolio at ${ACCOUNTS.toLocaleString('en-US')} accounts — Chromium ${VIEWPORT.width}×${VIEWPORT.height}`);
  const [, generateMs] = await timed(() => generateBook(opened.sqlite, { accounts: ACCOUNTS, asOf: AS_OF, seed: 7 }));
  const services = createServices(opened, systemClock(AS_OF));
  const [, historyMs] = await timed(() => {
    services.scoring.backfillHistory(addDays(AS_OF, -77), addDays(AS_OF, -7), 7);
    services.scoring.rescoreAll(AS_OF);
  });
  console.log(`setup: book ${ms(generateMs)}, 12 weekly snapshots + rescore ${ms(historyMs)}`);

  const router = createRouter(() => services, { version: 'bench' });
  const [list, listMs] = await timed(() => router.call('accounts.list', {}));
  const [, trendsMs] = await timed(() => router.call('portfolio.trends', {}));
  const [, metricsMs] = await timed(() => router.call('metrics.month', {}));
  const candidate = { ...DEFAULT_SETTINGS, weights: { ...DEFAULT_SETTINGS.weights, adoption: 10 } };
  const [preview, previewMs] = await timed(() => router.call('settings.preview', { settings: candidate }));
  console.log(
    `main process: accounts.list ${ms(listMs)} (${list.length} rows), portfolio.trends ${ms(trendsMs)}, ` +
      `metrics.month ${ms(metricsMs)}, settings.preview ${ms(previewMs)} (${preview.changedCount} change band)`,
  );

  const server = await serve();
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && fs.existsSync(p));
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    page.setDefaultTimeout(180_000);
    const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(`machine: ${(await import('node:os')).cpus().length} CPUs, load average ${load}`);
    page.on('console', (m) => m.type() === 'error' && console.error(`[page] ${m.text()}`));
    page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
    const trace = process.env.TEND_BENCH_TRACE === '1';
    await page.exposeBinding('__tendInvoke', async (_s, channel: string, input: unknown) => {
      const t = performance.now();
      const result = await router.invoke(channel, input);
      if (trace) console.log(`  [ipc] ${channel} ${ms(performance.now() - t)}`);
      return JSON.stringify(result); // as electron/print/browser-bridge.ts does
    });
    // In-page code is passed as strings: tsx's name helpers (__name) do not exist in the page.
    await page.addInitScript(`
      // Each call's start and end in page time, to tell the test bridge's transfer from our rendering.
      const calls = (window.__calls = []);
      window.tend = {
        invoke: (c, i) => {
          const call = { channel: c, start: performance.now(), end: 0 };
          calls.push(call);
          return window.__tendInvoke(c, i).then((r) => ((call.end = performance.now()), JSON.parse(r)));
        },
        onMenu: () => () => {},
      };
      // Timestamps (ms since navigation start) of the first rows, sparklines and drawn chart.
      const marks = (window.__marks = {});
      new MutationObserver(() => {
        if (!marks.rows && document.querySelector('.portfolio-table .table-body .table-row')) marks.rows = performance.now();
        if (!marks.charts && document.querySelector('.chart-card .recharts-bar-rectangle')) marks.charts = performance.now();
        if (!marks.sparklines && document.querySelector('.table-body .sparkline polyline')) marks.sparklines = performance.now();
      }).observe(document, { childList: true, subtree: true });
    `);

    const loads: { rows: number; sparklines: number; charts: number; domRows: number; listStart: number; listEnd: number }[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto('about:blank'); // a fresh document each time (a hash change would not reload)
      await page.goto(`${server.url}#/portfolio`);
      await page.waitForSelector('.portfolio-table .table-body .table-row');
      await page.waitForSelector('.table-body .sparkline polyline');
      await page.waitForSelector('.chart-card .recharts-bar-rectangle');
      const marks = (await page.evaluate('window.__marks')) as Record<string, number>;
      const domRows = await page.locator('.portfolio-table .table-body .table-row').count();
      const calls = (await page.evaluate('window.__calls')) as { channel: string; start: number; end: number }[];
      const list = calls.find((c) => c.channel === 'accounts.list')!;
      loads.push({ rows: marks.rows, sparklines: marks.sparklines, charts: marks.charts, domRows, listStart: list.start, listEnd: list.end });
    }
    console.log(
      `first render (navigation → rows visible), 3 loads: ${loads.map((l) => ms(l.rows)).join(', ')}; median ${ms(median(loads.map((l) => l.rows)))}`,
    );
    console.log(
      `  of which: app boot → accounts.list sent ${ms(median(loads.map((l) => l.listStart)))}, ` +
        `accounts.list round trip through the test bridge ${ms(median(loads.map((l) => l.listEnd - l.listStart)))}, ` +
        `data → rows painted in the DOM ${ms(median(loads.map((l) => l.rows - l.listEnd)))}`,
    );
    console.log(
      `  → sparklines ${ms(median(loads.map((l) => l.sparklines)))}, → charts ${ms(median(loads.map((l) => l.charts)))} (medians); ` +
        `${loads[0].domRows} rows in the DOM of ${list.length}`,
    );

    await page.waitForTimeout(500);
    // Main-thread work per frame from Chromium's own counters (less sensitive than frame deltas to
    // other processes competing for the CPU): script, style, layout and total task time.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const counters = async () => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
      return { task: get('TaskDuration'), script: get('ScriptDuration'), layout: get('LayoutDuration'), style: get('RecalcStyleDuration') };
    };
    for (const [label, step, frames] of [
      ['steady scroll (60 px/frame ≈ 3,600 px/s)', 60, 600],
      ['fling (one screen per frame)', 520, 300],
    ] as const) {
      const c0 = await counters();
      const s = frameStats(await scrollFrames(page, step, frames));
      const c1 = await counters();
      const per = (k: keyof typeof c0) => (c1[k] - c0[k]) / s.frames;
      console.log(
        `${label}: ${s.frames} frames, p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, max ${ms(s.max)}; ` +
          `${s.over16} frames > 25 ms, ${s.over50} > 50 ms\n` +
          `  main-thread work per frame: ${ms(per('task'))} (script ${ms(per('script'))}, style ${ms(per('style'))}, layout ${ms(per('layout'))})`,
      );
    }

    const firstName = async () => page.locator('.portfolio-table .table-body .table-row .name a').first().textContent();
    const before = await firstName();
    const [, sortMs] = await timed(async () => {
      await page.getByRole('button', { name: /^Health/ }).click();
      await page.waitForFunction(`document.querySelector('.portfolio-table .table-body .table-row .name a')?.textContent !== ${JSON.stringify(before)}`);
    });
    const [, filterMs] = await timed(async () => {
      await page.getByRole('button', { name: /^Segment:/ }).click();
      await page.getByRole('group', { name: 'Segment' }).getByRole('checkbox', { name: 'Enterprise' }).click();
      await page.waitForFunction(`/ of /.test(document.querySelector('[data-testid="portfolio-count"]')?.textContent ?? '')`);
    });
    console.log(`sort 10k by health (click → rows re-rendered): ${ms(sortMs)}; filter by segment: ${ms(filterMs)}`);
    await page.screenshot({ path: path.resolve('test-results', 'screens', 'portfolio-10k-1280-light.png') });
  } finally {
    await browser.close();
    server.close();
    bench.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
