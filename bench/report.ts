// Timing and printing for `npm run bench`. A benchmark reports, it never fails: targets are printed
// as met / not met. Each part of the bench is a `section(name, fn)`; a new benchmark (e.g. the CSV
// importer) adds its own section in bench/bench.ts and reuses `measure` and the Report methods.
import { performance } from 'node:perf_hooks';

export interface Timing {
  /** Milliseconds. */
  median: number;
  min: number;
  max: number;
  /** Every measured run, in order (warm-up runs excluded). */
  runs: number[];
}

export interface MeasureOptions {
  /** Untimed runs first, so the JIT, SQLite's page cache and prepared statements are warm. */
  warmup?: number;
  runs?: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export function timingOf(runs: number[]): Timing {
  return { median: median(runs), min: Math.min(...runs), max: Math.max(...runs), runs };
}

/** Milliseconds one call of fn takes, and what it returned. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

/** Runs fn `warmup` times untimed, then `runs` times timed; fn receives the run's index. */
export function measure(fn: (run: number) => void, { warmup = 1, runs = 5 }: MeasureOptions = {}): Timing {
  for (let i = 0; i < warmup; i++) fn(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(timed(() => fn(i)).ms);
  return timingOf(times);
}

/**
 * Interleaved measurement: each round runs every step once, in order, so all steps see the same
 * machine conditions (a busy machine slows a whole round, not one figure). Steps get the round's
 * index (0-based, warm-up rounds included); the first `warmup` rounds are not recorded.
 */
export function measureRounds<K extends string>(
  steps: Record<K, (round: number) => void>,
  { warmup = 1, runs = 5 }: MeasureOptions = {},
): Record<K, Timing> {
  const names = Object.keys(steps) as K[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < warmup + runs; round++) {
    for (const name of names) {
      const { ms } = timed(() => steps[name](round));
      if (round >= warmup) times[name].push(ms);
    }
  }
  return Object.fromEntries(names.map((name) => [name, timingOf(times[name])])) as Record<K, Timing>;
}

/** Median over rounds of a[i] / b[i]: steadier than a ratio of medians when the machine is noisy. */
export function roundRatio(a: Timing, b: Timing): number {
  return median(a.runs.map((x, i) => x / b.runs[i]));
}

/** Median over rounds of a[i] − Σ parts[i] (e.g. persist = rescore − load − scoring). */
export function roundRemainder(a: Timing, ...parts: Timing[]): Timing {
  return timingOf(a.runs.map((x, i) => Math.max(0, x - parts.reduce((sum, p) => sum + p.runs[i], 0))));
}

export interface TargetResult {
  section: string;
  label: string;
  met: boolean;
  detail: string;
}

const targets: TargetResult[] = [];
const LABEL_WIDTH = 46;

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) + ' ms';
const row = (label: string, value: string, note = ''): void =>
  console.log(`  ${label.padEnd(LABEL_WIDTH)} ${value.padStart(12)}${note ? `   ${note}` : ''}`);

export interface Report {
  /** A free-form figure: `label  value  note`. */
  value(label: string, value: string | number, note?: string): void;
  /** A timing: its median, with min–max and the number of runs. */
  time(label: string, timing: Timing | number, note?: string): void;
  /** A ratio printed as "2.14×" (see roundRatio); with a target, also whether it is met. */
  ratio(label: string, ratio: number, target?: { max: number }): number;
  /** A time against a target ("< 5 ms"): prints and records met / not met. */
  target(label: string, met: boolean, detail: string): void;
  note(text: string): void;
}

function reporter(sectionName: string): Report {
  const report: Report = {
    value: (label, value, note) => row(label, typeof value === 'number' ? value.toLocaleString('en-US') : value, note),
    time: (label, timing, note) => {
      if (typeof timing === 'number') return row(label, ms(timing), note ?? '1 run');
      const spread = `min ${ms(timing.min)}, max ${ms(timing.max)}, median of ${timing.runs.length}`;
      row(label, ms(timing.median), note ? `${note}; ${spread}` : spread);
    },
    ratio: (label, ratio, target) => {
      row(label, `${ratio.toFixed(2)}×`, target ? `target ≤ ${target.max}×` : '');
      if (target) report.target(label, ratio <= target.max, `${ratio.toFixed(2)}× (target ≤ ${target.max}×)`);
      return ratio;
    },
    target: (label, met, detail) => {
      targets.push({ section: sectionName, label, met, detail });
      row(`→ ${label}`, met ? 'MET' : 'NOT MET', detail);
    },
    note: (text) => console.log(`  ${text}`),
  };
  return report;
}

/** Runs one named part of the benchmark, printing a heading, its figures and its own wall time. */
export async function section(name: string, fn: (report: Report) => void | Promise<void>): Promise<void> {
  console.log(`\n== ${name} ${'='.repeat(Math.max(0, 70 - name.length))}`);
  const { ms: elapsed } = await timedAsync(() => fn(reporter(name)));
  console.log(`  (section took ${(elapsed / 1000).toFixed(1)} s)`);
}

async function timedAsync(fn: () => void | Promise<void>): Promise<{ ms: number }> {
  const start = performance.now();
  await fn();
  return { ms: performance.now() - start };
}

/** Every target recorded so far, for the summary at the end. */
export function targetResults(): readonly TargetResult[] {
  return targets;
}
