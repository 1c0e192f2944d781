// The compact stored form of a health snapshot's components (shared/scoring/snapshot-components.ts,
// issue 14's import speed): what is decoded is what was scored, rows written in the older object form
// still read, and the text is a fraction of the object form's.
import { describe, expect, it } from 'vitest';
import { COMPONENTS } from '../../../shared/domain';
import { decodeComponents, encodeComponents } from '../../../shared/scoring/snapshot-components';
import type { ComponentResults } from '../../../shared/scoring/types';

const components: ComponentResults = {
  adoption: { score: 62.5, weight: 25, contribution: 21.739130434782606, inputDate: '2026-11-01', detail: 'adoption 62.5 % (sample 23 days old)' },
  relationships: { score: 30, weight: 20, contribution: 8.695652173913043, inputDate: null, detail: '0 of 2 strong executives, 1 of 2 strong users' },
  engagement: { score: 100, weight: 15, contribution: 21.73913043478261, inputDate: '2026-11-20', detail: 'last touch 4 days ago; cadence 14 days' },
  sentiment: null,
  survey: { score: 90, weight: 15, contribution: 19.565217391304348, inputDate: '2026-10-02', detail: 'NPS 9' },
  support: null,
  financial: { score: 100, weight: 10, contribution: 14.492753623188406, inputDate: '2026-11-01', detail: 'no overdue invoices' },
};

describe('snapshot components', () => {
  it('decode what was encoded, contributions to four decimals, every component named', () => {
    const decoded = decodeComponents(encodeComponents(components));
    expect(Object.keys(decoded)).toEqual([...COMPONENTS]);
    for (const name of COMPONENTS) {
      const original = components[name];
      if (original === null) expect(decoded[name]).toBeNull();
      else expect(decoded[name]).toEqual({ ...original, contribution: Math.round(original.contribution * 1e4) / 1e4 });
    }
  });

  it('encode exactly what JSON.stringify writes for the entries', () => {
    const entries = COMPONENTS.map((name) => {
      const c = components[name];
      return c ? [Math.round(c.score * 1e4) / 1e4, c.weight, Math.round(c.contribution * 1e4) / 1e4, c.inputDate, c.detail] : null;
    });
    expect(encodeComponents(components)).toBe(JSON.stringify(entries));
    const odd = { ...components, survey: { score: Number.NaN, weight: 15, contribution: 0, inputDate: null, detail: 'a "quoted"\nline' } };
    expect(JSON.parse(encodeComponents(odd))[4]).toEqual([null, 15, 0, null, 'a "quoted"\nline']);
  });

  it('read rows written in the older object form', () => {
    expect(decodeComponents(JSON.stringify(components))).toEqual(components);
    expect(decodeComponents('{}')).toEqual({});
  });

  it('store well under two thirds of the text of the object form', () => {
    expect(encodeComponents(components).length / JSON.stringify(components).length).toBeLessThan(0.6);
    const empty = Object.fromEntries(COMPONENTS.map((c) => [c, null])) as ComponentResults;
    expect(encodeComponents(empty)).toBe('[null,null,null,null,null,null,null]');
  });
});
