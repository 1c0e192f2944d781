// Value-aware mapping (shared/import/judge.ts), value maps (shared/import/value-maps.ts) and the new
// cell readers: pure functions, the same for the wizard and the CLI.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldSpec } from '../../../shared/import/fields';
import { describeSuggestion, describeVerdict, judgeMapping, judgeValues, mostlyNot } from '../../../shared/import/judge';
import { checkValueMap, parseValueOption } from '../../../shared/import/value-maps';
import {
  parseAccountStatus,
  parseChurnReason,
  parseDomains,
  parseEmployeeCount,
  parseMoney,
  parseStage,
  segmentForEmployees,
} from '../../../shared/import/values';

const EDGES = { midMarketFrom: 100, enterpriseFrom: 1000 };
const segment = fieldSpec('accounts', 'segment')!;

describe('judging a column by its values', () => {
  it('says how many values do not read as the field, and what they are', () => {
    const numbers = judgeValues(segment, ['198', '412', '', '1500']);
    expect(numbers).toMatchObject({ total: 3, reads: 0, shape: 'numbers', counts: true });
    expect(mostlyNot(numbers)).toBe(true);
    expect(describeVerdict('Size', segment, numbers, false)).toBe('Size: 3 of 3 values are numbers, not segments');
    expect(describeVerdict('Size', segment, numbers, true)).toBe('Size: 3 of 3 values in the first 2,000 rows are numbers, not segments');
    const words = judgeValues(segment, ['Gold', 'Silver', 'Gold', 'Bronze', 'SMB']);
    expect(describeVerdict('Tier', segment, words, false)).toBe('Tier: 4 of 5 values are not segments ("Gold", "Silver", "Bronze")');
  });

  it('keeps a column whose values mostly read — half or more — and counts value maps as reading', () => {
    expect(mostlyNot(judgeValues(segment, ['SMB', 'Gold']))).toBe(false);
    expect(mostlyNot(judgeValues(segment, ['SMB', 'Gold', 'Gold']))).toBe(true);
    expect(mostlyNot(judgeValues(segment, ['SMB', 'Gold', 'Gold'], { gold: 'enterprise' }))).toBe(false);
    expect(mostlyNot(judgeValues(segment, ['', '  ']))).toBe(false); // no evidence: the header decides
  });

  it('reads dates in either order, and money and numbers with either decimal separator', () => {
    const date = fieldSpec('accounts', 'renewalDate')!;
    expect(judgeValues(date, ['31/12/2024', '12/31/2024', '2024-12-31', '4 Mar 2025']).reads).toBe(4);
    expect(judgeValues(date, ['soon', '12/31/2024']).shape).toBe('words');
    const mrr = fieldSpec('accounts', 'mrr')!;
    expect(judgeValues(mrr, ['$1,200.50', '1.200,50', '1 200', '€5']).reads).toBe(4);
  });

  it('drops a suggested column whose values do not read, with the reason and the conversion on offer, unless the user chose it', () => {
    const headers = ['Name', 'Company Size', 'Segment code'];
    const sample = [
      ['Acme', '198', 'x1'],
      ['Globex', '1,500', 'x2'],
    ];
    const judged = judgeMapping('accounts', headers, { Name: 'name', 'Company Size': 'segment' }, sample, { edges: EDGES, sampled: false });
    expect(judged.mapping).toEqual({ Name: 'name' });
    expect(judged.suggestions).toEqual([
      {
        column: 'Company Size',
        field: 'segment',
        reason: 'Company Size: 2 of 2 values are numbers, not segments',
        offer: { field: 'employees', label: 'Read as employee counts → segment', detail: '< 100 smb, 100–999 mid_market, ≥ 1,000 enterprise; thresholds in Settings' },
      },
    ]);
    expect(describeSuggestion(judged.suggestions[0])).toBe(
      'Company Size: 2 of 2 values are numbers, not segments, so it was kept as a custom field; to read them as employee counts → segment (< 100 smb, 100–999 mid_market, ≥ 1,000 enterprise; thresholds in Settings), pass --map "Company Size=employees".',
    );
    const kept = judgeMapping('accounts', headers, { Name: 'name', 'Company Size': 'segment' }, sample, { edges: EDGES, sampled: false, keep: new Set(['Company Size']) });
    expect(kept.mapping).toEqual({ Name: 'name', 'Company Size': 'segment' });
  });

  it("offers Salesforce's NumberOfEmployees as the segment when no column gives one, and not when one does", () => {
    const headers = ['Name', 'NumberOfEmployees', 'Segment'];
    const sample = [['Acme', '577', 'SMB']];
    const without = judgeMapping('accounts', headers, { Name: 'name' }, sample, { edges: EDGES, sampled: false });
    expect(without.suggestions).toEqual([
      { column: 'NumberOfEmployees', field: null, reason: null, offer: expect.objectContaining({ field: 'employees' }) },
    ]);
    expect(describeSuggestion(without.suggestions[0])).toMatch(/^NumberOfEmployees looks like a count of employees; to read them as employee counts → segment/);
    expect(judgeMapping('accounts', headers, { Name: 'name', Segment: 'segment' }, sample, { edges: EDGES, sampled: false }).suggestions).toEqual([]);
  });
});

describe('value maps', () => {
  it('reads --value "field:value=meaning", the value as written (spaces and colons inside it kept)', () => {
    expect(parseValueOption('stage:Closed Won=onboarding')).toEqual({ field: 'stage', from: 'Closed Won', to: 'onboarding' });
    expect(parseValueOption('segment:N/A=')).toEqual({ field: 'segment', from: 'N/A', to: '' });
    expect(parseValueOption('stage:Status: Won=adoption')).toEqual({ field: 'stage', from: 'Status: Won', to: 'adoption' });
    expect(parseValueOption('Customer=adoption')).toHaveProperty('error');
  });

  it('puts targets in their canonical form and refuses one that is no value of the field', () => {
    expect(checkValueMap(segment, { Gold: 'Enterprise', Bronze: 'small business', 'N/A': '' })).toEqual({ map: { Gold: 'enterprise', Bronze: 'smb', 'N/A': '' } });
    expect(checkValueMap(fieldSpec('contacts', 'strength')!, { Champion: 'very strong' })).toEqual({ map: { Champion: '4' } });
    expect(checkValueMap(segment, { Gold: 'platinum' })).toEqual({
      error: '"platinum" is not one of the segments: use enterprise, mid_market, smb (or nothing, to leave the cell empty)',
    });
    expect(checkValueMap(fieldSpec('accounts', 'name')!, { a: 'b' })).toHaveProperty('error');
  });
});

describe('the new readers', () => {
  it('reads statuses and stages that say an account churned', () => {
    expect(['Active', 'Paying customer', 'Churned', 'Cancelled', 'Inactive', 'Closed Lost'].map((t) => parseAccountStatus(t).value)).toEqual([
      'active',
      'active',
      'churned',
      'churned',
      'churned',
      'churned',
    ]);
    expect(['Inactive', 'Terminated', 'Closed Lost'].map((t) => parseStage(t).value)).toEqual(['churned', 'churned', 'churned']);
    expect(parseStage('Closed Won').error).toBe('"Closed Won" is not a lifecycle stage; use one of incubation, onboarding, adoption, expansion, triage, churned');
  });

  it('reads churn reasons the way CRMs write them', () => {
    expect(['Too expensive', 'Budget cuts', 'Acquired', 'Champion left', 'Low usage', 'Missing features', 'value_not_realised'].map((t) => parseChurnReason(t).value)).toEqual([
      'price',
      'budget',
      'acquired',
      'sponsor_lost',
      'low_adoption',
      'missing_features',
      'value_not_realised',
    ]);
  });

  it('reads employee counts (grouped, ranges by their lower edge) into segments at the thresholds', () => {
    expect(['250', '1,200', '1 200', '51-200', '10,001+'].map((t) => parseEmployeeCount(t).value)).toEqual([250, 1200, 1200, 51, 10001]);
    expect(parseEmployeeCount('many').error).toBe('"many" is not a number of employees; write a whole number such as 250');
    expect([0, 99, 100, 999, 1000].map((n) => segmentForEmployees(n, EDGES))).toEqual(['smb', 'smb', 'mid_market', 'mid_market', 'enterprise']);
  });

  it('reads e-mail domains from lists, addresses and URLs', () => {
    expect(parseDomains('acme.com; @acme.co.uk, https://www.Acme.io/about').value).toEqual(['acme.com', 'acme.co.uk', 'acme.io']);
    expect(parseDomains('not a domain').error).toMatch(/is not an e-mail domain/);
  });

  it('reads common money in one pass exactly as the general reader does', () => {
    const general = (text: string) => {
      // The general reader: the same text with a leading space, which the one-pass reader does not take.
      const parsed = parseMoney(` ${text}`, 'point');
      return parsed === 'needs-format' ? parsed : parsed.value?.cents ?? parsed.error;
    };
    const fast = (text: string) => {
      const parsed = parseMoney(text, 'point');
      return parsed === 'needs-format' ? parsed : parsed.value?.cents ?? parsed.error;
    };
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 2 }), (cents, dollar, grouped, decimals) => {
        const whole = Math.trunc(Math.abs(cents) / 100);
        const fraction = Math.abs(cents) % 100;
        const digits = grouped ? whole.toLocaleString('en-US') : String(whole);
        const tail = decimals === 0 ? '' : decimals === 1 ? `.${Math.trunc(fraction / 10)}` : `.${String(fraction).padStart(2, '0')}`;
        const text = `${cents < 0 ? '-' : ''}${dollar ? '$' : ''}${digits}${tail}`;
        expect(fast(text)).toEqual(general(text));
      }),
    );
    expect(parseMoney('$1,234.56', null)).toEqual({ value: { cents: 123456, currency: 'USD' } });
    expect(parseMoney('1,234', null)).toBe('needs-format'); // grouped without cents: the column decides
  });
});
