import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  isIsoMonth,
  monthBounds,
  previousMonth,
  toDayNumber,
  toIsoDate,
} from '../../../shared/dates';

describe('calendar dates', () => {
  it('counts days from the Unix epoch', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
  });

  it('agrees with Date.UTC on every day from 1900 to 2100 and round-trips', () => {
    const start = Date.UTC(1900, 0, 1) / 86_400_000;
    const end = Date.UTC(2100, 11, 31) / 86_400_000;
    for (let day = start; day <= end; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (toDayNumber(iso) !== day || fromDayNumber(day) !== iso) throw new Error(`mismatch on ${iso}`);
    }
  });

  it('rejects text that is not a real calendar date', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-01', '24-01-01', '', 'abcd-ef-gh', '2024-01-011']) {
      expect(toDayNumber(bad), bad).toBeNaN();
      expect(isIsoDate(bad), bad).toBe(false);
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate(20240229)).toBe(false);
  });

  it('reads the calendar date of a full ISO timestamp', () => {
    expect(toDayNumber('2024-03-01T23:59:59.999Z')).toBe(toDayNumber('2024-03-01'));
    expect(toDayNumber('2024-03-01 08:00')).toBe(toDayNumber('2024-03-01'));
    expect(toIsoDate('2024-03-01T10:00:00Z')).toBe('2024-03-01');
    // A timestamp is readable but is not itself a calendar date.
    expect(isIsoDate('2024-03-01T10:00:00Z')).toBe(false);
  });

  it('measures whole days between two dates, later minus earlier', () => {
    expect(daysBetween('2024-01-01', '2024-03-01')).toBe(60); // leap February
    expect(daysBetween('2023-01-01', '2023-03-01')).toBe(59);
    expect(daysBetween('2024-03-01', '2024-01-01')).toBe(-60);
    expect(daysBetween('2024-03-01T23:00:00Z', '2024-03-02T01:00:00Z')).toBe(1);
    expect(daysBetween('nope', '2024-01-01')).toBeNaN();
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2024-06-30', 90)).toBe('2024-09-28');
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
  });

  it('gives the first and last day of a month', () => {
    expect(monthBounds('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(monthBounds('2023-02')).toEqual({ first: '2023-02-01', last: '2023-02-28' });
    expect(monthBounds('2024-12')).toEqual({ first: '2024-12-01', last: '2024-12-31' });
    expect(monthBounds('2024-04').last).toBe('2024-04-30');
    expect(() => monthBounds('2024-13')).toThrow(RangeError);
    expect(() => monthBounds('2024-1')).toThrow(RangeError);
  });

  it('steps back one month, across a year boundary', () => {
    expect(previousMonth('2024-01')).toBe('2023-12');
    expect(previousMonth('2024-03')).toBe('2024-02');
    expect(previousMonth('2024-10')).toBe('2024-09');
    expect(isIsoMonth('2024-00')).toBe(false);
    expect(isIsoMonth('2024-12')).toBe(true);
  });
});
