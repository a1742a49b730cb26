// What the build hands to the search index and to the browser: KPI records, and the chart data
// pages carry.
import { describe, expect, it } from 'vitest';
import { chartData, paceChart } from '../../src/lib/charts.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { searchRecords } from '../../src/lib/search-records.ts';

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

describe('chart data', () => {
  it('leaves the table to the page and rounds values to 4 decimals', () => {
    const spec = paceChart('KR1', [
      { date: '2026-04-15', grade: 1 / 3, expected: 0.16483516483516483 },
      { date: '2026-05-01', grade: null, expected: 1 / 7 },
    ]);
    const data = chartData(spec);
    expect(data).not.toHaveProperty('table');
    expect(data.series.map((s) => s.data)).toEqual([
      [0.3333, null],
      [0.1648, 0.1429],
    ]);
    expect(spec.table.rows[0]).toEqual(['2026-04-15', '0.33', '0.16']);
  });
});
