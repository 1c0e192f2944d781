import { describe, expect, it } from 'vitest';
import { fuzzyScore, matchRank } from '../../../renderer/overlays/fuzzy';

describe('palette ranking', () => {
  it('puts a name equal to the query above a name that merely contains or starts with it', () => {
    const exact = matchRank('dana whitaker', 'Dana Whitaker')!;
    const containing = matchRank('dana whitaker', 'Dana Whitaker Consulting')!;
    const inside = matchRank('dana whitaker', 'The Dana Whitaker Foundation')!;
    expect(exact).toBeGreaterThan(containing);
    expect(containing).toBeGreaterThan(inside);
    expect(matchRank('  DANA WHITAKER ', 'dana whitaker')).toBe(exact);
  });

  it('keeps fuzzy matches and misses as before', () => {
    expect(matchRank('hbf', 'Harborview Freight')).toBe(fuzzyScore('hbf', 'Harborview Freight'));
    expect(matchRank('zzz', 'Harborview Freight')).toBeNull();
  });
});
