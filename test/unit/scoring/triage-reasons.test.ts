// Why an account is in triage, in words (issue 17.6): the firing emergency/high flags first, then an
// at-risk score, then stage triage; nothing for medium or low flags alone.
import { describe, expect, it } from 'vitest';
import { triageReasons } from '../../../shared/scoring/triage-reasons';

describe('triageReasons', () => {
  it('puts the most severe flag first and leaves medium and low flags out', () => {
    const reasons = triageReasons(
      { score: 85, band: 'healthy' },
      [
        { rule: 'single_threaded', severity: 'medium', reason: 'Only one strong contact' },
        { rule: 'renewal_exec_silence', severity: 'high', reason: 'No executive touch in 52 days; renewal in 48 days' },
        { rule: 'overdue_invoice', severity: 'emergency', reason: '2 overdue invoices' },
      ],
      'adoption',
    );
    expect(reasons).toEqual([
      { kind: 'flag', rule: 'overdue_invoice', severity: 'emergency', reason: '2 overdue invoices' },
      { kind: 'flag', rule: 'renewal_exec_silence', severity: 'high', reason: 'No executive touch in 52 days; renewal in 48 days' },
    ]);
  });

  it('names an at-risk score and stage triage', () => {
    expect(triageReasons({ score: 31, band: 'at_risk' }, [], 'triage')).toEqual([
      { kind: 'score', score: 31, band: 'at_risk' },
      { kind: 'stage' },
    ]);
    expect(triageReasons({ score: 70, band: 'watch' }, [{ rule: 'detractor', severity: 'low', reason: 'x' }], 'adoption')).toEqual([]);
  });
});
