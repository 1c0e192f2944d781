// Each chart's accessible name states its numbers (issue 18.3).
import { describe, expect, it } from 'vitest';
import { healthDistributionSummary, labelledAmountsSummary, lineSummary, renewalsByMonthSummary } from '../../../renderer/components/charts/summaries';

describe('chart summaries', () => {
  it('counts the health distribution by band across its buckets', () => {
    const bucket = (healthy: number, watch: number, at_risk: number, no_data = 0) => ({ label: 'x', healthy, watch, at_risk, no_data });
    expect(healthDistributionSummary([bucket(0, 0, 0, 2), bucket(0, 0, 5), bucket(0, 12, 0), bucket(31, 0, 0)])).toBe(
      'Health distribution: 31 healthy, 12 watch, 5 at risk, 2 without enough data',
    );
    expect(healthDistributionSummary([bucket(3, 1, 0)])).toBe('Health distribution: 3 healthy, 1 watch, 0 at risk');
  });

  it('names amounts with their labels, and counts when given', () => {
    expect(labelledAmountsSummary('ARR by band', [{ label: 'Healthy', arr: 412_000_000 }, { label: 'At risk', arr: 60_000_000 }])).toBe('ARR by band: Healthy $4.1M, At risk $600k');
    expect(labelledAmountsSummary('Pipeline', [{ label: 'In triage', arr: 90_000, count: 1 }])).toBe('Pipeline: In triage $900 (1 account)');
    expect(labelledAmountsSummary('Pipeline', [])).toBe('Pipeline: nothing yet');
  });

  it('totals the renewals by month and names the biggest month', () => {
    const rows = [
      { month: '2026-12', label: 'Dec', arr: 10_000_000, count: 2 },
      { month: '2027-01', label: 'Jan', arr: 42_000_000, count: 3 },
    ];
    expect(renewalsByMonthSummary(rows)).toBe('Renewals by month, next 12 months: $520k across 5 renewals; most in Jan ($420k)');
    expect(renewalsByMonthSummary([{ month: '2026-12', label: 'Dec', arr: 0, count: 0 }])).toBe('Renewals by month, next 12 months: none due');
  });

  it('describes a line by its first and last known points, skipping gaps', () => {
    const points = [
      { date: '2026-06-01', value: null },
      { date: '2026-07-01', value: 58 },
      { date: '2026-08-01', value: 51 },
      { date: '2026-11-24', value: 72 },
    ];
    expect(lineSummary('Health trend', points)).toBe('Health trend: 58 on 2026-07-01, 72 on 2026-11-24 (low 51, high 72)');
    expect(lineSummary('MRR', [{ date: '2026-01-01', value: 100 }], (v) => `$${v / 100}`)).toBe('MRR: $1 on 2026-01-01, $1 on 2026-01-01 (low $1, high $1)');
    expect(lineSummary('NPS', [])).toBe('NPS: no data');
  });
});
