// The revenue ledger's pure rules (shared/money/ledger.ts) and money as typed (shared/money/input.ts).
import { describe, expect, it } from 'vitest';
import { addMonths, firstNegative, monthAfter, mrrAt, mrrChange, mrrSeries, renewalEvent, signedMrrDelta } from '../../../shared/money/ledger';
import { readMoney } from '../../../shared/money/input';

const events = [
  { date: '2026-01-10', kind: 'new' as const, mrrDeltaCents: 100_000 },
  { date: '2026-03-01', kind: 'expansion' as const, mrrDeltaCents: 20_000 },
  { date: '2026-03-01', kind: 'contraction' as const, mrrDeltaCents: -5_000 },
  { date: '2026-06-15', kind: 'churn' as const, mrrDeltaCents: -115_000 },
];

describe('the revenue ledger', () => {
  it('sums the deltas dated on or before a date, ignoring what has not happened yet', () => {
    expect(mrrAt(events, '2026-01-09')).toBe(0);
    expect(mrrAt(events, '2026-01-10')).toBe(100_000);
    expect(mrrAt(events, '2026-03-01')).toBe(115_000);
    expect(mrrAt(events, '2026-06-15')).toBe(0);
  });

  it('steps MRR once per date, oldest first, for the chart', () => {
    expect(mrrSeries(events)).toEqual([
      { date: '2026-01-10', mrrCents: 100_000 },
      { date: '2026-03-01', mrrCents: 115_000 },
      { date: '2026-06-15', mrrCents: 0 },
    ]);
  });

  it('finds the first date MRR would fall below zero (events of one date count together)', () => {
    expect(firstNegative(events)).toBeNull();
    expect(firstNegative([...events, { date: '2026-02-01', kind: 'contraction', mrrDeltaCents: -150_000 }])).toEqual({ date: '2026-02-01', mrrCents: -50_000 });
    expect(firstNegative([{ date: '2026-01-01', kind: 'contraction', mrrDeltaCents: -5 }, { date: '2026-01-01', kind: 'new', mrrDeltaCents: 5 }])).toBeNull();
  });

  it('signs a delta by its kind, whatever sign it was given; a renewal keeps its own', () => {
    expect(signedMrrDelta('expansion', -300)).toBe(300);
    expect(signedMrrDelta('contraction', 300)).toBe(-300);
    expect(signedMrrDelta('churn', 300)).toBe(-300);
    expect(signedMrrDelta('renewal', -300)).toBe(-300);
  });

  it('records an MRR edit as the kind the CSM chose, and refuses a choice the numbers contradict', () => {
    expect(mrrChange(100_000, 120_000, 'expansion')).toEqual({ kind: 'expansion', delta: 20_000 });
    expect(mrrChange(100_000, 80_000, 'contraction')).toEqual({ kind: 'contraction', delta: -20_000 });
    expect(mrrChange(100_000, 80_000, 'correction')).toEqual({ kind: 'correction', delta: -20_000 });
    expect(mrrChange(100_000, 80_000, 'expansion')).toEqual({ error: expect.stringContaining('that is a contraction') });
    expect(mrrChange(100_000, 120_000, 'contraction')).toEqual({ error: expect.stringContaining('that is an expansion') });
    expect(mrrChange(100_000, 0, 'contraction')).toEqual({ error: expect.stringContaining('move the account to churned') });
    expect(mrrChange(100_000, 100_000, 'expansion')).toEqual({ error: expect.stringContaining('nothing to record') });
  });

  it('writes a renewal 0 when flat, else an expansion or a contraction of the difference', () => {
    expect(renewalEvent(100_000, 100_000)).toEqual({ kind: 'renewal', delta: 0 });
    expect(renewalEvent(100_000, 130_000)).toEqual({ kind: 'expansion', delta: 30_000 });
    expect(renewalEvent(100_000, 90_000)).toEqual({ kind: 'contraction', delta: -10_000 });
  });

  it('adds calendar months with the day clamped to the month', () => {
    expect(addMonths('2026-11-24', 12)).toBe('2027-11-24');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(monthAfter('2026-11-24', 0)).toBe('2026-11');
    expect(monthAfter('2026-11-24', 2)).toBe('2027-01');
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('money as typed', () => {
  it('reads money like a CSV money cell', () => {
    expect(readMoney('1200', 'MRR')).toEqual({ cents: 120_000 });
    expect(readMoney('$1,200.50', 'MRR')).toEqual({ cents: 120_050 });
    expect(readMoney('€1.200,50', 'MRR')).toEqual({ cents: 120_050 });
    expect(readMoney('1,200', 'MRR', 'point')).toEqual({ cents: 120_000 });
    expect(readMoney('1,200', 'MRR', 'comma')).toEqual({ cents: 120 });
  });

  it('names the value and says what to write when it cannot read it', () => {
    expect(readMoney('twelve', '--mrr').error).toMatch(/^--mrr: "twelve" is not a number.*Write an amount such as 1200/);
    expect(readMoney('', 'Expected ARR').error).toBe('Expected ARR is empty: write an amount such as 1200 or 1,200.50.');
    expect(readMoney('-50', '--mrr').error).toBe('--mrr cannot be negative (got "-50").');
    expect(readMoney('-50', 'Amount', 'point', true)).toEqual({ cents: -5000 });
    expect(readMoney('12%', '--mrr').error).toMatch(/percentage/);
  });
});
