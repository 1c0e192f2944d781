// WCAG 2.1 AA contrast as a property of the design tokens (issue 18.2): every text colour on every
// background it is drawn on reads at 4.5:1, a field's edge and the focus ring at 3:1 — in the light
// theme, the dark theme and the print palette. The tokens are read from the stylesheets themselves.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function tokens(css: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of css.matchAll(/(--[\w-]+):\s*(#[0-9a-fA-F]{6})\b/g)) out[m[1]] = m[2].toLowerCase();
  return out;
}

const styles = fs.readFileSync(path.resolve('renderer/styles.css'), 'utf8');
const darkStart = styles.indexOf('@media (prefers-color-scheme: dark)');
const light = tokens(styles.slice(0, darkStart));
const dark = { ...light, ...tokens(styles.slice(darkStart, styles.indexOf('}\n}', darkStart))) };
const print = { ...light, ...tokens(fs.readFileSync(path.resolve('renderer/screens/Report/print.css'), 'utf8').split('}')[0]) };

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** [foreground, background, minimum]: where the app draws one token on another. */
const TEXT_PAIRS: [string, string][] = [
  ...['--text', '--muted', '--accent'].flatMap((fg) => ['--bg', '--surface', '--surface-2', '--selected'].map((bg) => [fg, bg] as [string, string])),
  ['--accent-text', '--accent'],
  ['--healthy', '--healthy-bg'],
  ['--healthy', '--surface'],
  ['--watch', '--watch-bg'],
  ['--watch', '--surface'],
  ['--at-risk', '--at-risk-bg'],
  ['--at-risk', '--surface'],
  ['--at-risk', '--bg'],
  ['--low', '--low-bg'],
  ['--medium', '--medium-bg'],
  ['--high', '--high-bg'],
  ['--emergency', '--emergency-bg'],
  ['--bg', '--text'], // the toast: page colour on text colour
];
const EDGE_PAIRS: [string, string][] = [
  ['--control-border', '--surface'],
  ['--control-border', '--bg'],
  ['--focus', '--surface'],
  ['--focus', '--bg'],
  ['--focus', '--surface-2'],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s theme', (_name, t) => {
  it.each(TEXT_PAIRS)('draws %s on %s at 4.5:1 or more', (fg, bg) => {
    expect(t[fg], fg).toMatch(/^#/);
    expect(t[bg], bg).toMatch(/^#/);
    expect(contrast(t[fg], t[bg])).toBeGreaterThanOrEqual(4.5);
  });
  it.each(EDGE_PAIRS)('draws the edge %s on %s at 3:1 or more', (fg, bg) => {
    expect(contrast(t[fg], t[bg])).toBeGreaterThanOrEqual(3);
  });
});

describe('the print palette', () => {
  it.each([
    ['--text', '--surface-2'],
    ['--muted', '--surface-2'],
    ['--muted', '--bg'],
    ['--accent', '--bg'],
    ['--healthy', '--healthy-bg'],
    ['--watch', '--watch-bg'],
    ['--at-risk', '--at-risk-bg'],
  ])('draws %s on %s at 4.5:1 or more', (fg, bg) => {
    expect(contrast(print[fg], print[bg])).toBeGreaterThanOrEqual(4.5);
  });
});

it('reads the tokens it checks (a renamed token fails here, not silently)', () => {
  expect(Object.keys(light).length).toBeGreaterThan(20);
  expect(dark['--bg']).not.toBe(light['--bg']);
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrast('#2e7d4f', '#e3f3e8')).toBeCloseTo(4.38, 2); // the healthy badge the issue measured
});
