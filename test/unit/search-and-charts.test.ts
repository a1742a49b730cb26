// What the build hands to the search index and to the browser: KPI records, and the chart data
// pages carry.
import { describe, expect, it } from 'vitest';
import { chartData, krProgressChart, teamHistoryChart } from '../../src/lib/charts.ts';
import { expectedProgress } from '../../src/lib/pace.ts';
import { hasUnspacedScript, spaceWords } from '../../src/lib/search-text.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { krSearchMeta, objectiveStatusFilter, searchRecords } from '../../src/lib/search-records.ts';

describe('search records', () => {
  it('are the KPIs of the catalogue, each with its kind filter; key results are sections of their objective page', () => {
    const h = computeHandbook('content', { today: '2026-05-01' }).handbook!;
    const records = searchRecords(h, { kpi: (id) => `/kpis/#kpi-${id}` });
    const kpis = h.model.kpiGroups.flatMap((g) => g.kpis);
    expect(records).toHaveLength(kpis.length);
    expect(records.length).toBeGreaterThan(100);
    expect(records[0]).toMatchObject({ url: `/kpis/#kpi-${kpis[0]!.id}`, meta: { kind: 'KPI' }, filters: { kind: ['KPI'] } });
    expect(records[0]!.content).toContain(kpis[0]!.name);
  });
});

describe('the status filter offers the status model’s words, and a key result carries its own', () => {
  const objective = (today: string, id: string) => computeHandbook('content', { today }).handbook!.objectives.find((o) => o.id === id)!;
  it.each<[string, string, string[], [string, string]]>([
    // Mid-quarter, every check-in overdue: the objective's words, each key result's, and Stale.
    ['2025-02-19', '2025-q1-company-enterprise-acquisition', ['Behind', 'On track', 'Stale'], ['kr-kr1', '0.42|Behind|Stale']],
    // After the quarter: the final bands only (On target is offered though no objective is On target).
    ['2026-12-07', '2025-q1-engineering-scalable-infrastructure', ['On target', 'Progressing'], ['kr-kr1', '0.63|Progressing']],
    ['2026-12-07', '2026-q2-company-activation', ['No reading'], ['kr-kr1', '|No reading']],
  ])('on %s, %s', (today, id, words, first) => {
    const o = objective(today, id);
    expect([...objectiveStatusFilter(o)].sort()).toEqual(words);
    expect(objectiveStatusFilter(o)[0]).toBe(o.status.word);
    expect(krSearchMeta(o)[0]).toEqual(first);
  });
});

describe('chart data', () => {
  it('leaves the table to the page and rounds values to 4 decimals', () => {
    const spec = teamHistoryChart([
      { period: 'Q1', grade: 1 / 3 },
      { period: 'Q2', grade: null },
    ]);
    const data = chartData(spec);
    expect(data).not.toHaveProperty('table');
    expect(data.series.at(-1)!.data).toEqual([0.3333, null]);
    expect(spec.table.rows[0]).toEqual(['Q1', '0.33']);
  });
});

describe("a key result's chart", () => {
  const quarter = { start: '2025-01-01', end: '2025-03-31' };
  const chart = (readings: { date: string; value: number }[], today = '2025-02-19') =>
    krProgressChart({
      title: 'KR1: Grow ARR',
      unit: '$M',
      period: quarter,
      today,
      from: 12,
      target: 18,
      expectedAt: (date) => expectedProgress(quarter, date),
      readings,
    });

  it('plots the value itself on a time axis, from the baseline at the period start, with target, pace and today', () => {
    const spec = chart([
      { date: '2025-01-10', value: 13 },
      { date: '2025-02-01', value: 14.5 },
    ]);
    const [value, target, pace, today] = chartData(spec).series;
    // Days since 1970: the points are spaced by the days between them, not evenly.
    expect(value!.points!.map((p) => p.x)).toEqual([20089, 20098, 20120]);
    expect(value!.points!.map((p) => p.y)).toEqual([12, 13, 14.5]);
    expect(target!.points!.map((p) => p.y)).toEqual([18, 18]);
    // The pace line runs from the baseline to the target over the period.
    expect(pace!.points![0]!.y).toBeCloseTo(12.07, 2);
    expect(pace!.points![1]!.y).toBe(18);
    expect(today).toMatchObject({ label: 'Today (2025-02-19)', points: [{ x: 20138 }, { x: 20138 }] });
    expect(chartData(spec).span).toEqual({ from: 20089, to: 20178 });
    expect(spec.table.rows[0]).toEqual(['2025-01-01 (baseline)', '$12M', '$12.07M', '$18M']);
    expect(spec.table.rows[2]![1]).toBe('$14.5M');
  });

  it('draws one reading and the baseline as two points, and no today line outside the period', () => {
    const spec = chart([{ date: '2025-02-01', value: 14.5 }], '2026-12-07');
    expect(spec.series.map((x) => x.label)).toEqual(['Value', 'Target', 'Expected pace']);
    expect(spec.series[0]!.points).toHaveLength(2);
  });
});

describe('words of scripts written without spaces', () => {
  it('are split as the search page splits a query, leaving other text as it is', () => {
    const sentence = 'KPIs และ OKRs ที่สอดคล้องกับ Business Priority';
    expect(hasUnspacedScript(sentence)).toBe(true);
    expect(hasUnspacedScript('Business Priority Framework')).toBe(false);
    const spaced = spaceWords(sentence);
    expect(spaced.startsWith('KPIs และ OKRs ')).toBe(true);
    expect(spaced.endsWith(' Business Priority')).toBe(true);
    // A word from the middle of the run stands on its own, as the query "สอดคล้อง" does after the same split.
    expect(spaced.split(' ')).toContain(spaceWords('สอดคล้อง'));
    expect(spaceWords('Speed vs Quality')).toBe('Speed vs Quality');
  });
});
