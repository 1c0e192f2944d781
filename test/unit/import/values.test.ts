// The cell parsers: values read the way people write them (SPEC, the paragraph after "Import fields").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NEEDS_FORMAT,
  detectDateFormat,
  detectNumberFormat,
  parseBoolean,
  parseContactLevel,
  parseContactRole,
  parseCurrency,
  parseDate,
  parseDateTime,
  parseEmail,
  parseMetricKey,
  parseMoney,
  parseNumber,
  parseRevenueKind,
  parseSegment,
  parseSentiment,
  parseStage,
  parseStrength,
  parseSurveyKind,
  parseTouchType,
  signedMrrDelta,
  unescapeFormula,
} from '../../../shared/import/values';

const value = <T>(parsed: { value?: T; error?: string } | typeof NEEDS_FORMAT) => {
  if (parsed === NEEDS_FORMAT) throw new Error('needs a column format');
  if (parsed.error !== undefined) throw new Error(parsed.error);
  return parsed.value as T;
};
const error = (parsed: { value?: unknown; error?: string } | typeof NEEDS_FORMAT) => {
  if (parsed === NEEDS_FORMAT) throw new Error('needs a column format');
  return parsed.error;
};

describe('enumerations', () => {
  it('reads segments case-insensitively with the common spellings', () => {
    expect(['Enterprise', 'Mid-Market', 'mid market', 'MidMarket', 'SMB', 'small business'].map((t) => value(parseSegment(t)))).toEqual([
      'enterprise',
      'mid_market',
      'mid_market',
      'mid_market',
      'smb',
      'smb',
    ]);
  });

  it('reads contact levels including C-Level and VP', () => {
    expect(['C-Level', 'c level', 'VP', 'Vice President', 'Director', 'IC', 'Manager', 'CEO'].map((t) => value(parseContactLevel(t)))).toEqual([
      'c_level',
      'c_level',
      'vp',
      'vp',
      'director',
      'ic',
      'manager',
      'c_level',
    ]);
  });

  it('maps Upgrade and Downgrade to expansion and contraction', () => {
    expect(value(parseRevenueKind('Upgrade'))).toBe('expansion');
    expect(value(parseRevenueKind('Downgrade'))).toBe('contraction');
    expect(value(parseRevenueKind('New Business'))).toBe('new');
    expect(value(parseRevenueKind('Cancellation'))).toBe('churn');
  });

  it('applies the sign a revenue movement carries, whatever sign the file wrote', () => {
    expect(signedMrrDelta('contraction', 50000)).toBe(-50000);
    expect(signedMrrDelta('churn', 50000)).toBe(-50000);
    expect(signedMrrDelta('expansion', -50000)).toBe(50000);
    expect(signedMrrDelta('new', 50000)).toBe(50000);
    expect(signedMrrDelta('renewal', -100)).toBe(-100);
  });

  it('reads touch types, turning Other into a note and refusing Prep with the list of types', () => {
    expect(['Email', 'Call', 'Meeting', 'Other', 'QBR', 'Phone Call', 'Webinar'].map((t) => value(parseTouchType(t)))).toEqual([
      'email',
      'call',
      'meeting',
      'note',
      'qbr',
      'call',
      'event',
    ]);
    // Pipedrive's activity types and common meeting/chat words
    expect(['Lunch', 'Task', 'Deadline', 'Zoom', 'Outbound call', 'Chat'].map((t) => value(parseTouchType(t)))).toEqual(['meeting', 'note', 'note', 'meeting', 'call', 'email']);
    expect(error(parseTouchType('Prep'))).toBe('"Prep" is not a touch type; use one of email, call, meeting, qbr, support, event, note (Other → note)');
  });

  it('reads stages, roles and survey kinds', () => {
    expect(value(parseStage('At Risk'))).toBe('triage');
    expect(value(parseStage('Churned'))).toBe('churned');
    // CRM lifecycle stages, as HubSpot exports them (labels and internal values)
    expect(['customer', 'evangelist', 'Opportunity', 'marketingqualifiedlead', 'Sales Qualified Lead', 'lead'].map((t) => value(parseStage(t)))).toEqual([
      'adoption', 'expansion', 'incubation', 'incubation', 'incubation', 'incubation',
    ]);
    expect(value(parseContactRole('Decision Maker'))).toBe('decision_maker');
    expect(value(parseContactRole('Executive Sponsor'))).toBe('sponsor');
    expect(value(parseSurveyKind('NPS'))).toBe('nps');
    expect(value(parseSurveyKind('Customer Satisfaction'))).toBe('csat');
    expect(error(parseSegment('galactic'))).toMatch(/not a segment; use one of enterprise, mid_market, smb/);
  });
});

describe('booleans, strength and sentiment', () => {
  it('reads yes/no, true/false, y/n and 1/0', () => {
    expect(['yes', 'Y', 'TRUE', '1', 'no', 'n', 'false', '0'].map((t) => value(parseBoolean(t)))).toEqual([true, true, true, true, false, false, false, false]);
    expect(error(parseBoolean('maybe'))).toMatch(/not yes or no/);
  });

  it('reads strength as 0–4 or its words', () => {
    expect(['0', '4', 'none', 'weak', 'Medium', 'strong', 'Very Strong'].map((t) => value(parseStrength(t)))).toEqual([0, 4, 0, 1, 2, 3, 4]);
    expect(error(parseStrength('5'))).toMatch(/not a relationship strength/);
  });

  it('reads the CSM pulse −2…+2 as numbers or words', () => {
    expect(['-2', '+1', '0', '2', '−1', 'very negative', 'Positive', 'neutral'].map((t) => value(parseSentiment(t)))).toEqual([-2, 1, 0, 2, -1, -2, 1, 0]);
    expect(error(parseSentiment('3'))).toMatch(/not a sentiment/);
  });
});

describe('money', () => {
  const cents = (text: string, format: 'point' | 'comma' | null = null) => value(parseMoney(text, format)).cents;

  it('reads 1200, 1,200.50 and $1,200.50 as integer cents', () => {
    expect(cents('1200')).toBe(120000);
    expect(cents('1,200.50')).toBe(120050);
    expect(cents('$1,200.50')).toBe(120050);
    expect(value(parseMoney('$1,200.50', null)).currency).toBe('USD');
  });

  it('reads the European €1.200,50 and 1 200,50 EUR, and says which currency the cell wrote', () => {
    expect(value(parseMoney('€1.200,50', null))).toEqual({ cents: 120050, currency: 'EUR' });
    expect(value(parseMoney('1 200,50 EUR', null))).toEqual({ cents: 120050, currency: 'EUR' });
    expect(cents('1.200.000')).toBe(120000000);
    expect(cents('12,5')).toBe(1250);
  });

  it('reads negatives written with a minus, in parentheses, or with a trailing minus', () => {
    expect(cents('-500')).toBe(-50000);
    expect(cents('($1,200.00)')).toBe(-120000);
    expect(cents('1.200,50-')).toBe(-120050);
    expect(cents('-$5')).toBe(-500);
  });

  it('rounds fractions of a cent half away from zero', () => {
    expect(cents('0.125')).toBe(13);
    expect(cents('-0.125')).toBe(-13);
    expect(cents('0.124')).toBe(12);
  });

  it('leaves 1,200 and 1.200 to the column: English reads 1,200 = 1200, European reads 1.200 = 1200', () => {
    expect(parseMoney('1,200', null)).toBe(NEEDS_FORMAT);
    expect(parseMoney('1.200', null)).toBe(NEEDS_FORMAT);
    expect(cents('1,200', 'point')).toBe(120000);
    expect(cents('1.200', 'point')).toBe(120);
    expect(cents('1.200', 'comma')).toBe(120000);
    expect(cents('1,200', 'comma')).toBe(120);
  });

  it('decides a column’s decimal separator from the values that tell, else the fallback', () => {
    expect(detectNumberFormat(['1,200', '99.95', '5'])).toBe('point');
    expect(detectNumberFormat(['1.200', '99,95'])).toBe('comma');
    expect(detectNumberFormat(['1.200.000', '1.200'])).toBe('comma');
    expect(detectNumberFormat(['1,200'], 'comma')).toBe('comma');
    expect(detectNumberFormat(['1,200'])).toBe('point');
  });

  it('refuses text, percentages and spreadsheet scientific notation with a reason', () => {
    expect(error(parseMoney('lots', null))).toMatch(/not a number/);
    expect(error(parseMoney('12%', null))).toMatch(/percentage/);
    expect(error(parseMoney('1.2E+05', null))).toMatch(/scientific notation/);
  });

  it('turns any amount written with two decimals back into the same cents (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), fc.boolean(), (c, european) => {
        const abs = Math.abs(c);
        const whole = Math.floor(abs / 100)
          .toString()
          .replace(/\B(?=(\d{3})+(?!\d))/g, european ? '.' : ',');
        const text = `${c < 0 ? '-' : ''}${whole}${european ? ',' : '.'}${String(abs % 100).padStart(2, '0')}`;
        expect(cents(text)).toBe(c === 0 ? 0 : c);
      }),
    );
  });
});

describe('numbers', () => {
  it('reads counts and percentages with the same separators as money', () => {
    expect(value(parseNumber('1,234', 'point'))).toBe(1234);
    expect(value(parseNumber('85%', null))).toBe(85);
    expect(value(parseNumber('7,5', null))).toBe(7.5);
    expect(error(parseNumber('$5', null))).toMatch(/money/);
  });
});

describe('dates', () => {
  const date = (text: string, order: 'dmy' | 'mdy' | 'ambiguous' | null = null) => value(parseDate(text, order));

  it('reads ISO dates always, with slashes or dots too', () => {
    expect(date('2024-03-04')).toBe('2024-03-04');
    expect(date('2024/3/4')).toBe('2024-03-04');
    expect(date('2024.03.04')).toBe('2024-03-04');
  });

  it('reads Salesforce timestamps as their UTC date', () => {
    expect(date('2024-01-19T09:42:24.000+0000')).toBe('2024-01-19');
    expect(date('2024-01-19T23:30:00-0500')).toBe('2024-01-20');
    expect(date('2024-01-19 08:00')).toBe('2024-01-19');
  });

  it('keeps a touch’s time of day as a UTC timestamp', () => {
    expect(value(parseDateTime('2024-01-19T09:42:24.000+0100', null))).toBe('2024-01-19T08:42:24Z');
    expect(value(parseDateTime('2024-01-19', null))).toBe('2024-01-19');
    expect(value(parseDateTime('19/01/2024 2:30 PM', 'dmy'))).toBe('2024-01-19T14:30:00Z');
  });

  it('reads numeric dates in the column’s order and asks for it when unknown', () => {
    expect(parseDate('03/04/2024', null)).toBe(NEEDS_FORMAT);
    expect(date('03/04/2024', 'dmy')).toBe('2024-04-03');
    expect(date('03/04/2024', 'mdy')).toBe('2024-03-04');
    expect(date('3.4.24', 'dmy')).toBe('2024-04-03');
    expect(date('03-04-1999', 'mdy')).toBe('1999-03-04');
  });

  it('names both readings of an ambiguous date', () => {
    expect(error(parseDate('03/04/2024', 'ambiguous'))).toBe('"03/04/2024" could be 3 April 2024 or 4 March 2024; choose day-first or month-first for this column');
  });

  it('reports a date that does not fit the column’s order', () => {
    expect(error(parseDate('12/25/2024', 'dmy'))).toMatch(/not a real date when read day-first/);
  });

  it('reads month names both ways round', () => {
    expect(date('4 Mar 2024')).toBe('2024-03-04');
    expect(date('04-Mar-24')).toBe('2024-03-04');
    expect(date('March 4, 2024')).toBe('2024-03-04');
    expect(date('Mon, 4 March 2024')).toBe('2024-03-04');
  });

  it('refuses impossible dates, spreadsheet serial numbers and words with a reason', () => {
    expect(error(parseDate('2024-02-30', null))).toMatch(/not a real date/);
    expect(error(parseDate('45321', null))).toMatch(/serial number/);
    expect(error(parseDate('next Tuesday', null))).toMatch(/not a date/);
    expect(error(parseDate('0024-01-01', null))).toMatch(/year 24/);
  });

  it('decides day-first or month-first once per column from all its values', () => {
    expect(detectDateFormat(['03/04/2024', '25/04/2024', '01/02/2024'])).toBe('dmy');
    expect(detectDateFormat(['03/04/2024', '04/25/2024'])).toBe('mdy');
    expect(detectDateFormat(['03/04/2024', '05/06/2024'])).toBe('ambiguous');
    expect(detectDateFormat(['2024-03-04', '4 Mar 2024', ''])).toBe('iso');
    expect(detectDateFormat(['03.04.2024', '05.06.2024'])).toBe('dmy');
    expect(detectDateFormat(['13/01/2024', '14/01/2024', '01/13/2024'])).toBe('dmy');
  });

  it('reads back any date written day-first in a day-first column (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2150-12-31'), noInvalidDate: true }), fc.constantFrom('/', '.', '-'), (d, sep) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        expect(date(`${day}${sep}${m}${sep}${y}`, 'dmy')).toBe(iso);
        expect(date(`${m}${sep}${day}${sep}${y}`, 'mdy')).toBe(iso);
      }),
    );
  });
});

describe('text values', () => {
  it('checks e-mail addresses', () => {
    expect(value(parseEmail(' Ana@Example.com '))).toBe('Ana@Example.com');
    expect(error(parseEmail('not-an-email'))).toMatch(/not an e-mail/);
  });

  it('turns metric names into keys, knowing the ones scoring reads', () => {
    expect(value(parseMetricKey('Active Users'))).toBe('active_users');
    expect(value(parseMetricKey('MAU'))).toBe('active_users');
    expect(value(parseMetricKey('Open Tickets'))).toBe('open_tickets');
    expect(value(parseMetricKey('NPS (trailing 90d)'))).toBe('nps_trailing_90d');
  });

  it('reads currency codes and symbols', () => {
    expect(value(parseCurrency('eur'))).toBe('EUR');
    expect(value(parseCurrency('£'))).toBe('GBP');
    expect(error(parseCurrency('euros'))).toMatch(/3-letter code/);
  });

  it('removes the apostrophe an export puts before a formula, and nothing else', () => {
    expect(unescapeFormula("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unescapeFormula("'-5")).toBe('-5');
    expect(unescapeFormula("'twas")).toBe("'twas");
  });
});
