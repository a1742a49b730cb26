// Values as OKR documents write them (src/lib/import/values.ts): every example from issue 8.
import { describe, expect, it } from 'vitest';
import {
  findFromTo,
  findNumbers,
  findPeriods,
  findThresholds,
  parseConfidence,
  parseDate,
  parseDateRange,
  parseGrade,
  parseObjectiveType,
  parsePriority,
  parseStatus,
  parseValue,
  redactionPlaceholder,
} from '../../src/lib/import/values.ts';

describe('numbers with units and scales', () => {
  const cases: [string, number, string | undefined][] = [
    ['$12M', 12, '$M'],
    ['$14.5M', 14.5, '$M'],
    ['25K', 25, 'K'],
    ['99.9%', 99.9, '%'],
    ['120 days', 120, 'days'],
    ['800ms', 800, 'ms'],
    ['+35', 35, undefined],
    ['6.5/10', 6.5, '/10'],
    ['2.8x', 2.8, 'x'],
    ['1x/week', 1, 'x/week'],
    ['3,000', 3000, undefined],
    ['8 deals/qtr', 8, 'deals/qtr'],
    ['28% of churn', 28, '% of churn'],
    ['-20%', -20, '%'],
    ['4.2', 4.2, undefined],
    ['1.8 hours', 1.8, 'hours'],
  ];
  it.each(cases)('%s → %d %s', (raw, value, unit) => {
    const v = parseValue(raw);
    expect(v.type).toBe('number');
    if (v.type !== 'number') return;
    expect(v.value).toBe(value);
    expect(v.unit).toBe(unit);
    expect(v.operator).toBeUndefined();
    expect(v.raw).toBe(raw);
  });
  it('keeps an explicit sign, which can mean a change rather than a level', () => {
    expect(parseValue('+35')).toMatchObject({ signed: '+', value: 35 });
    expect(parseValue('-20%')).toMatchObject({ signed: '-', value: -20 });
    expect(parseValue('35')).not.toHaveProperty('signed');
  });
});

describe('references', () => {
  it('a number after "#" names something; it measures nothing', () => {
    expect(findNumbers('More renewals online (KPI #1b)')).toEqual([]);
    expect(findNumbers('Close issue #42 and 3 others').map((n) => n.value)).toEqual([3]);
    // A number that names or ranks something measures nothing.
    for (const t of ['Support day 2 ops', 'Deliver Phase 1', 'Pass the SOC 2 audit', 'Migrate to Python 3', 'Get our 1st customer'])
      expect(findNumbers(t)).toEqual([]);
    expect(findNumbers('Publish 4 posts in week 3').map((n) => n.value)).toEqual([4]);
  });
});

describe('thresholds', () => {
  const cases: [string, string, number, string | undefined][] = [
    ['≥ 55%', '>=', 55, '%'],
    ['< 1%', '<', 1, '%'],
    ['<1%', '<', 1, '%'],
    ['≤15 minutes', '<=', 15, 'minutes'],
    ['>4.5/5', '>', 4.5, '/5'],
    ['at least 10 customers', '>=', 10, 'customers'],
  ];
  it.each(cases)('%s → %s %d', (raw, op, value, unit) => {
    expect(parseValue(raw)).toMatchObject({ type: 'number', operator: op, value, unit });
  });
  it('finds thresholds in prose with their units', () => {
    const t = findThresholds('Multi-region SLOs (p99 latency < 250ms, 99.9% availability); DR with ≤15-minute RPO and ≤1-hour RTO');
    expect(t.map((m) => [m.operator, m.value, m.unit])).toEqual([
      ['<', 250, 'ms'],
      ['<=', 15, 'minutes'],
      ['<=', 1, 'hours'],
    ]);
  });
});

describe('from/to phrases in KR text', () => {
  it('reads "from 45% to 55%"', () => {
    const r = findFromTo('Increase activation rate from 45% to 55%')!;
    expect([r.from.value, r.from.unit, r.to.value, r.to.unit]).toEqual([45, '%', 55, '%']);
  });
  it('carries a unit written once to both ends ("from 12 to 6 days")', () => {
    const r = findFromTo('Reduce TTFV from 12 to 6 days')!;
    expect([r.from.value, r.from.unit, r.to.value, r.to.unit]).toEqual([12, 'days', 6, 'days']);
  });
  it('reads scales, signs and an operator on the target', () => {
    const a = findFromTo('Increase Enterprise ARR from $12M to $18M (+50%)')!;
    expect([a.from.value, a.from.unit, a.to.value]).toEqual([12, '$M', 18]);
    const b = findFromTo('Increase NPS from +35 to +50')!;
    expect([b.from.signed, b.to.value]).toEqual(['+', 50]);
    const c = findFromTo('Achieve <1% error rate (reduce from 2.5% to <1%)')!;
    expect([c.from.value, c.to.operator, c.to.value]).toEqual([2.5, '<', 1]);
  });
  it('ignores from/to without numbers', () => {
    expect(findFromTo('Reduce deployment frequency from weekly to daily')).toBeUndefined();
  });
});

describe('values that are not numbers', () => {
  it.each([
    ['N/A', 'n/a'],
    ['n/a', 'n/a'],
    ['TBD', 'tbd'],
    ['-', 'dash'],
    ['—', 'dash'],
    ['', 'blank'],
  ])('%j is empty (%s)', (raw, why) => {
    expect(parseValue(raw)).toMatchObject({ type: 'empty', why });
  });
  it('knows done words', () => {
    expect(parseValue('Shipped')).toMatchObject({ type: 'text', done: true });
    expect(parseValue('GA')).toMatchObject({ type: 'text', done: true });
    expect(parseValue('In QA')).toMatchObject({ type: 'text', done: false });
    expect(parseValue('Type II')).toMatchObject({ type: 'text', text: 'Type II' });
  });
  it('keeps worded baselines as words, but "zero" is a number', () => {
    expect(parseValue('Single region').type).toBe('text');
    expect(parseValue('Zero incidents')).toMatchObject({ type: 'number', value: 0, unit: 'incidents' });
  });
});

describe('redacted placeholders', () => {
  it('reads N₀, N0 and flattened N<sub>14</sub>', () => {
    expect(redactionPlaceholder('N₀')).toEqual({ label: 'N₀', n: '0' });
    expect(redactionPlaceholder('N14')).toEqual({ label: 'N₁₄', n: '14' });
    expect(redactionPlaceholder('N₁₄')).toEqual({ label: 'N₁₄', n: '14' });
    expect(redactionPlaceholder('[redacted]')).toEqual({ label: 'redacted' });
    expect(redactionPlaceholder('Now')).toBeUndefined();
  });
});

describe('statuses', () => {
  it.each([
    ['🔴', 'red', undefined, false],
    ['🟡 On track', 'yellow', 'On track', false],
    ['🟢 Ahead', 'green', 'Ahead', false],
    ['🟢 Green', 'green', undefined, false],
    ['✅', 'green', undefined, false],
    ['Red', 'red', undefined, false],
    ['Amber', 'yellow', undefined, false],
    ['On track', 'green', 'On track', true],
    ['At risk', 'yellow', 'At risk', true],
    ['Off track', 'red', 'Off track', true],
  ])('%s → %s', (raw, status, note, guessed) => {
    const s = parseStatus(raw)!;
    expect(s.status).toBe(status);
    expect(s.note).toBe(note);
    expect(s.guessed).toBe(guessed);
  });
  it('leaves unknown words without a colour', () => {
    expect(parseStatus('Pending review')?.status).toBeUndefined();
  });
});

describe('grades, confidence, priority, type', () => {
  it('reads grades', () => {
    expect(parseGrade('0.42')).toBe(0.42);
    expect(parseGrade('42%')).toBe(0.42);
    expect(parseGrade('0.7/1.0')).toBe(0.7);
    expect(parseGrade('1.4')).toBeUndefined();
    expect(parseGrade('good')).toBeUndefined();
  });
  it('reads confidence with its note', () => {
    expect(parseConfidence('75% (moderate confidence; market conditions favorable)')).toEqual({
      value: 0.75,
      note: 'moderate confidence; market conditions favorable',
    });
    expect(parseConfidence('0.6')).toEqual({ value: 0.6 });
  });
  it('reads priorities and types', () => {
    expect(parsePriority('P0')).toBe('P0');
    expect(parsePriority('Critical')).toBe('critical');
    expect(parsePriority('Strategic Priority Tier 1')).toBe('tier-1');
    expect(parsePriority('whenever')).toBeUndefined();
    expect(parseObjectiveType('Committed (90%+ confidence)')).toEqual({ type: 'committed', note: '90%+ confidence' });
    expect(parseObjectiveType('Aspirational (60-70% confidence)').type).toBe('aspirational');
  });
});

describe('periods and dates', () => {
  it('finds calendar and fiscal period names', () => {
    expect(findPeriods('FY22-Q2 OKRs').map((p) => p.id)).toEqual(['FY22-Q2']);
    expect(findPeriods('Company-Level OKRs (Q1 2025)').map((p) => p.id)).toEqual(['2025-Q1']);
    expect(findPeriods('2025-Q1 review').map((p) => p.id)).toEqual(['2025-Q1']);
    // The year's last two digits after the quarter.
    expect(findPeriods('Q2-19 OKR Archive').map((p) => p.id)).toEqual(['2019-Q2']);
    expect(findPeriods("Goals for Q3 '35").map((p) => p.id)).toEqual(['2035-Q3']);
    expect(findPeriods('Q2-19-03 build').map((p) => p.id)).toEqual([]);
    expect(findPeriods('Q2 FY2022').map((p) => p.id)).toEqual(['FY22-Q2']);
    expect(findPeriods('2027 Quarterly Themes', { years: true }).map((p) => p.id)).toEqual(['2027']);
    expect(findPeriods('2027 Quarterly Themes')).toEqual([]);
  });
  it('reads a fiscal period statement', () => {
    expect(parseDateRange('which runs from 2021-05-01 to 2021-07-31')).toEqual({
      start: '2021-05-01',
      end: '2021-07-31',
      yearAssumed: false,
    });
  });
  it('reads month ranges with the year of the period', () => {
    expect(parseDateRange('Q1 2025 (Jan 1 - Mar 31)', 2025)).toEqual({ start: '2025-01-01', end: '2025-03-31', yearAssumed: true });
    expect(parseDateRange('Q2 2026 (April - June)', 2026)).toEqual({ start: '2026-04-01', end: '2026-06-30', yearAssumed: true });
  });
  it('reads dates without a year', () => {
    expect(parseDate('April 7', 2026)).toEqual({ date: '2026-04-07', yearAssumed: true });
    expect(parseDate('7 April 2026')).toEqual({ date: '2026-04-07', yearAssumed: false });
    expect(parseDate('February 30', 2026)).toBeUndefined();
  });
});
