import { describe, expect, it } from 'vitest';
import { defaultQbrPeriod, lastFullQuarter, periodLabel, quarterToDate } from '../../../shared/report-period';

describe('the QBR period', () => {
  it('covers the quarter to date once the quarter is three weeks old (2 December: October to 2 December)', () => {
    expect(defaultQbrPeriod('2026-12-02')).toEqual({ from: '2026-10-01', to: '2026-12-02' });
    expect(periodLabel('2026-10-01', '2026-12-02', '2026-12-02')).toBe('Q4 2026 to date');
  });

  it('covers the quarter just ended while the new one is under three weeks old', () => {
    expect(defaultQbrPeriod('2026-10-01')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(defaultQbrPeriod('2026-10-21')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(defaultQbrPeriod('2026-10-22')).toEqual({ from: '2026-10-01', to: '2026-10-22' });
    expect(defaultQbrPeriod('2027-01-05')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('names full quarters, quarters to date and other spans', () => {
    expect(lastFullQuarter('2026-02-10')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(quarterToDate('2026-05-17')).toEqual({ from: '2026-04-01', to: '2026-05-17' });
    expect(periodLabel('2026-07-01', '2026-09-30')).toBe('Q3 2026');
    expect(periodLabel('2026-04-01', '2026-05-17', '2026-05-17')).toBe('Q2 2026 to date');
    expect(periodLabel('2026-04-01', '2026-05-17', '2026-06-01')).toBe('2026-04-01 – 2026-05-17');
    expect(periodLabel('2026-07-15', '2026-10-14')).toBe('2026-07-15 – 2026-10-14');
  });
});
