// The demo handbooks hold exactly what the documents they were transcribed from state
// (docs/transcription-rules.md).
import { describe, expect, it } from 'vitest';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { FISCAL, MAIN } from '../helpers.ts';

const main = computeHandbook(MAIN, { today: '2026-11-23' });
const fiscal = computeHandbook(FISCAL, { today: '2026-11-23' });

const count = (h: NonNullable<typeof main.handbook>, periods: string[]) => {
  const objs = h.objectives.filter((o) => periods.includes(o.period));
  return { objectives: objs.length, krs: objs.reduce((n, o) => n + o.keyResults.length, 0) };
};

describe('demo handbook', () => {
  it('loads without errors', () => {
    expect(main.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(main.handbook).toBeDefined();
  });
  it('has the periods 2025-Q1, 2025, 2026-Q2, 2027 and its four quarters', () => {
    expect(main.handbook!.periods.map((p) => p.id).sort()).toEqual([
      '2025',
      '2025-Q1',
      '2026-Q2',
      '2027',
      '2027-Q1',
      '2027-Q2',
      '2027-Q3',
      '2027-Q4',
    ]);
  });
  it('2027 annual plan → 8 objectives / 24 KRs', () =>
    expect(count(main.handbook!, ['2027', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4'])).toEqual({ objectives: 8, krs: 24 }));
  it('2025-Q1 grading sheet → 6 objectives / 24 KRs', () => expect(count(main.handbook!, ['2025-Q1'])).toEqual({ objectives: 6, krs: 24 }));
  it('2025 plan with its KPI catalogue → 4 objectives / 16 KRs and 124 KPIs in 13 groups', () => {
    expect(count(main.handbook!, ['2025'])).toEqual({ objectives: 4, krs: 16 });
    const groups = main.handbook!.model.kpiGroups;
    expect(groups).toHaveLength(13);
    expect(groups.reduce((n, g) => n + g.kpis.length, 0)).toBe(124);
  });
  it('2026-Q2 plan with check-in calendar → 10 objectives / 40 KRs', () =>
    expect(count(main.handbook!, ['2026-Q2'])).toEqual({ objectives: 10, krs: 40 }));
  it('keeps the 2025 narrative (with its Thai text)', () => {
    const narrative = main.handbook!.periods.find((p) => p.id === '2025')!.narrative;
    expect(narrative).toBeDefined();
  });
  it('2025-Q1 transcribed faithfully: API p99 latency keeps its declared 0.56', () => {
    const kr = main
      .handbook!.objectives.flatMap((o) => o.keyResults)
      .find((k) => /p99 latency/.test(k.title) && k.uid.startsWith('2025-q1'))!;
    expect(kr.declared?.grade).toBe(0.56);
    expect(kr.kind).toBe('metric');
  });
});

describe('fiscal handbook (quarters named by fiscal year)', () => {
  it('loads without errors', () => expect(fiscal.issues.filter((i) => i.severity === 'error')).toEqual([]));
  it('has FY22-Q2 = 2021-05-01..2021-07-31 from its fiscal calendar', () => {
    const p = fiscal.handbook!.periods.find((x) => x.id === 'FY22-Q2')!;
    expect([p.start, p.end]).toEqual(['2021-05-01', '2021-07-31']);
  });
  it('has 7 teams, 24 objectives, 77 KRs', () => {
    expect(fiscal.handbook!.model.teams).toHaveLength(7);
    expect(count(fiscal.handbook!, ['FY22-Q2'])).toEqual({ objectives: 24, krs: 77 });
  });
  it('models shared objectives as alignment, not unlinked copies', () => {
    const company = fiscal.handbook!.objectives.filter((o) => o.team === 'company');
    const linked = company.flatMap((o) => o.alignment.children);
    expect(linked.length).toBeGreaterThanOrEqual(6);
  });
  it('keeps redacted N-values as redacted values with label and private link', () => {
    const org = fiscal.handbook!.model.org;
    const n1 = org.redactions.find((r) => r.id === 'n1')!;
    expect(n1.label).toBe('N₁');
    expect(n1.link).toMatch(/^https:\/\/docs\.google\.com\//);
    const redacted = fiscal.handbook!.objectives.flatMap((o) => o.keyResults).filter((k) => k.kind === 'redacted');
    expect(redacted.length).toBeGreaterThanOrEqual(15);
    for (const kr of redacted) expect(kr.grade.value).toBeNull();
  });
});
