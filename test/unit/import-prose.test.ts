// Values as people write them in a key result's sentence, and what came of it after "=>"
// (src/lib/import/prose.ts).
import { describe, expect, it } from 'vitest';
import { proseShape, readOutcome } from '../../src/lib/import/prose.ts';

const before = (t: string) => proseShape(t, 'before');

describe('ceilings, tolerances and floors', () => {
  it.each([
    ['Keep spend within +/- 25% of plan', '<=', 25, '% deviation from plan'],
    ['Forecast accuracy ±10 %', '<=', 10, '% deviation'],
    ['Median build time 5.5-hours or less', '<=', 5.5, 'hours'],
    ['Answer every escalation within 1 business day', '<=', 1, 'business days'],
    ['Security reviews completed in 5 business days', '<=', 5, 'business days'],
    ['Onboard 4+ design partners', '>=', 4, 'design partners'],
    ['5+ teams adopt the new pipeline', '>=', 5, 'teams'],
  ])('%s → %s %s %s', (text, operator, target, unit) => {
    expect(before(text)).toMatchObject({ kind: 'threshold', operator, target, unit });
  });
  it('says when the direction is inferred rather than stated', () => {
    expect(before('Security reviews completed in 5 business days')!.guess).toBe(true);
    expect(before('Median build time 5.5-hours or less')!.guess).toBe(false);
  });
  it('leaves sentences with several numbers to the compound reader', () => {
    expect(before('First reply within 4 hours for 95% of tickets')).toBeUndefined();
  });
});

describe('a value something is moved to', () => {
  it.each([
    ['Reduce p95 latency to 200ms', '<=', 200, 'ms'],
    ['Bring churn down to 3%', '<=', 3, '%'],
    ['Cut onboarding time to 2 days', '<=', 2, 'days'],
    ['Improve median build time to 8 minutes', '<=', 8, 'minutes'],
    ['Grow weekly actives to 5,000', '>=', 5000, undefined],
    ['Raise NPS to 45 across both products', '>=', 45, undefined],
    ['Increase paid workspaces to 1.2k', '>=', 1.2, 'K'],
    ['Improve activation to above 40%', '>=', 40, '%'],
  ])('%s → %s %s %s', (text, operator, target, unit) => {
    const shape = before(text);
    expect(shape).toMatchObject({ kind: 'threshold', operator, target });
    expect(shape!.unit).toBe(unit);
  });
  it('reports the direction as a guess unless a bound is written', () => {
    expect(before('Reduce p95 latency to 200ms')!.guess).toBe(true);
    expect(before('Improve activation to above 40%')!.guess).toBe(false);
  });
  it('leaves "from A to B" and words after "to" to other readers', () => {
    expect(before('Cut build time from 20 to 10 minutes')).toBeUndefined();
    expect(before('Move the docs to Docusaurus 2')).toBeUndefined();
  });
});

describe('amounts and counted things', () => {
  it('keeps currency and magnitude as the unit, the words as the label', () => {
    expect(proseShape('Reach $5.9m in new bookings', 'after')).toMatchObject({ target: 5.9, unit: '$M', labels: { target: '$5.9m' } });
    expect(proseShape('Grow weekly readers to 200k', 'after')).toMatchObject({ target: 200, unit: 'K' });
  });
  it('counts things named after a number', () => {
    expect(proseShape('Speak at 10 confs', 'last')).toMatchObject({ kind: 'count', target: 10, unit: 'confs' });
    expect(proseShape('Hire +1 PM', 'last')).toMatchObject({ kind: 'count', target: 1, unit: 'PM' });
  });
});

describe('outcomes after =>', () => {
  it('reads a bare percentage as a score unless the key result is a percentage', () => {
    expect(readOutcome('78%', 'demos', true)).toMatchObject({ grade: 0.78 });
    expect(readOutcome('73%', '%', true)).toMatchObject({ current: 73 });
  });
  it('reads a reading, never a target', () => {
    expect(readOutcome('3 user tests conducted', 'user tests', true)).toMatchObject({ current: 3 });
    expect(readOutcome('+0', 'PM', true)).toMatchObject({ current: 0 });
  });
  it('reads done words and keeps other words as they are', () => {
    expect(readOutcome('DONE', undefined, false)).toMatchObject({ done: true });
    expect(readOutcome('Just starting (heavier lift than planned)', undefined, false)).toMatchObject({
      raw: 'Just starting (heavier lift than planned)',
    });
  });
});
