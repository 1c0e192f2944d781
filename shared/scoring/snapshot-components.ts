// How a health snapshot stores its component breakdown (health_snapshots.components), compactly:
// every account gets a snapshot a day, so a 200,000-account import writes 200,000 of them and their
// size is most of the rescore's cost (issue 14: profiled, the JSON objects with their repeated keys and
// 17-digit floats were ~40 % of the bytes an import's rescore wrote).
//
// Stored as one JSON array in COMPONENTS order, each entry null (no data) or
//   [score, weight, contribution, inputDate, detail]
// with score and contribution rounded to 4 decimals (the app shows whole points). Rows written before
// this encoding hold the object form {"adoption": {...} | null, …}; decodeComponents reads both.
// Every reader of the column goes through decodeComponents; the scoring service writes through
// encodeComponents (and compares stored text with it to skip unchanged snapshots).
import { COMPONENTS, type ComponentName } from '../domain';
import type { ComponentResult } from './types';

type Entry = [score: number, weight: number, contribution: number, inputDate: string | null, detail: string] | null;

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * The stored text of a snapshot's components: the same text JSON.stringify gives the array of
 * entries, written directly (a full rescore encodes one per account).
 */
export function encodeComponents(components: Partial<Record<ComponentName, ComponentResult | null>>): string {
  let text = '[';
  for (let i = 0; i < COMPONENTS.length; i++) {
    const c = components[COMPONENTS[i]];
    if (i > 0) text += ',';
    text += c
      ? `[${number(round4(c.score))},${number(c.weight)},${number(round4(c.contribution))},${c.inputDate === null ? 'null' : JSON.stringify(c.inputDate)},${JSON.stringify(c.detail)}]`
      : 'null';
  }
  return text + ']';
}

/** A number as JSON writes it (JSON has no NaN or Infinity: null). */
const number = (x: number) => (Number.isFinite(x) ? String(x) : 'null');

/** A snapshot's components from their stored text (the compact array, or the older object form). */
export function decodeComponents(text: string): Partial<Record<ComponentName, ComponentResult | null>> {
  const parsed = JSON.parse(text) as unknown;
  if (!Array.isArray(parsed)) return (parsed ?? {}) as Partial<Record<ComponentName, ComponentResult | null>>;
  const out: Partial<Record<ComponentName, ComponentResult | null>> = {};
  COMPONENTS.forEach((name, i) => {
    const entry = parsed[i] as Entry | undefined;
    out[name] = entry ? { score: entry[0], weight: entry[1], contribution: entry[2], inputDate: entry[3], detail: entry[4] } : null;
  });
  return out;
}
