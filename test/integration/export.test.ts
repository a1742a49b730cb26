// `okr export`: the stable contract other tools read, checked on seed 001.
import { describe, expect, it } from 'vitest';
import { copyContent, edit, FISCAL, MAIN, runOkr } from '../helpers.ts';
import { join } from 'node:path';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { exportHandbook, exportJson, jsonText, periodExport } from '../../src/lib/export.ts';

const r = runOkr(['export', '--format', 'json'], { SOURCE_DATE_EPOCH: '1795392000' });
const data = JSON.parse(r.stdout);
type Kr = {
  id: string;
  grade: number | null;
  declaredGrade: number | null;
  gradeSource: string | null;
  derivation: string;
  status: string | null;
  declaredStatus: string | null;
  auditFlag: boolean;
  auditReason: string | null;
  title: string;
  kind: string;
};
const q1 = (data.objectives as { period: string; krs: Kr[] }[]).filter((o) => o.period === '2025-Q1').flatMap((o) => o.krs);

describe('okr export --format json', () => {
  it('exits 0 with the top-level contract', () => {
    expect(r.code).toBe(0);
    expect(Object.keys(data)).toEqual(expect.arrayContaining(['periods', 'teams', 'objectives', 'rollups']));
    const o = data.objectives[0];
    for (const k of ['id', 'period', 'team', 'title', 'owner', 'grade', 'coverage', 'status', 'parent', 'children', 'krs'])
      expect(o).toHaveProperty(k);
    for (const k of [
      'id',
      'title',
      'kind',
      'grade',
      'declaredGrade',
      'gradeSource',
      'derivation',
      'status',
      'declaredStatus',
      'auditFlag',
      'auditReason',
    ])
      expect(q1[0]).toHaveProperty(k);
    expect(data.rollups.teamPeriods.length).toBeGreaterThan(5);
    expect(data.rollups.companyPeriods.map((c: { period: string }) => c.period)).toContain('2025-Q1');
  });
  it('carries computed and declared grades for the 24 seed-001 KRs', () => {
    expect(q1).toHaveLength(24);
    const arr = q1.find((k) => k.id === '2025-q1-company-enterprise-acquisition.kr1')!;
    expect(arr).toMatchObject({ grade: 0.4167, declaredGrade: 0.42, gradeSource: 'computed', status: 'yellow', auditFlag: false });
    expect(arr.derivation).toBe('0.42 = (14.5 − 12) / (18 − 12)');
  });
  it('flags API p99 latency (declared 0.56, computed 0.63) without changing the declared value', () => {
    const lat = q1.find((k) => /p99 latency/.test(k.title))!;
    expect(lat).toMatchObject({ grade: 0.625, declaredGrade: 0.56, auditFlag: true });
    expect(lat.auditReason).toMatch(/declared grade 0\.56 differs from computed 0\.63/);
  });
  it('flags only disagreeing rows: grade flags exactly the latency row', () => {
    const gradeFlags = q1.filter((k) => k.auditReason?.includes('declared grade')).map((k) => k.id);
    expect(gradeFlags).toEqual(['2025-q1-engineering-scalable-infrastructure.kr1']);
  });
  it('is byte-identical across runs, time zones and locales', () => {
    const again = runOkr(['export', '--format', 'json'], {
      SOURCE_DATE_EPOCH: '1795392000',
      TZ: 'Pacific/Kiritimati',
      LANG: 'th_TH.UTF-8',
      LC_ALL: 'th_TH.UTF-8',
    });
    expect(again.stdout).toBe(r.stdout);
  });
  it('writes, one objective at a time, exactly JSON.stringify of the whole export', () => {
    for (const [dir, audience] of [
      [MAIN, 'internal'],
      [MAIN, 'public'],
      [FISCAL, 'internal'],
    ] as const) {
      const h = computeHandbook(dir, { audience, today: '2025-02-19' }).handbook!;
      expect(h.objectives.length).toBeGreaterThan(0);
      expect(exportJson(h).toString()).toBe(jsonText(exportHandbook(h)));
      const pieces = new Map<string, Uint8Array>();
      expect(exportJson(h, { pieces }).toString()).toBe(jsonText(exportHandbook(h)));
      expect(pieces.size).toBe(h.objectives.length);
      for (const p of h.periods) {
        expect(exportJson(h, { period: p.id }).toString()).toBe(jsonText(periodExport(h, p.id)));
        // A slice made from the whole export's pieces is the same, and takes its pieces out.
        expect(exportJson(h, { period: p.id, pieces }).toString()).toBe(jsonText(periodExport(h, p.id)));
      }
      expect(pieces.size).toBe(0);
    }
  });

  it('slices one period exactly as the whole export has it', () => {
    const h = computeHandbook(MAIN, { today: '2025-02-19' }).handbook!;
    const all = exportHandbook(h);
    const slice = periodExport(h, '2025-Q1');
    expect(slice.objectives).toEqual(all.objectives.filter((o) => o.period === '2025-Q1'));
    expect(slice.objectives.length).toBeGreaterThan(0);
    expect(slice.rollups.teamPeriods).toEqual(all.rollups.teamPeriods.filter((r) => r.period === '2025-Q1'));
  });

  it('works on the fiscal handbook with --content', () => {
    const f = runOkr(['export', '--content', FISCAL, '--format', 'json']);
    expect(f.code).toBe(0);
    expect(JSON.parse(f.stdout).objectives).toHaveLength(24);
  });
});

describe('okr export --format csv', () => {
  it('has one row per KR plus a header', () => {
    const csv = runOkr(['export', '--format', 'csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^period,team,objective,id,title,kind/);
    expect(lines).toHaveLength(1 + 104);
  });
  it('refuses to export invalid content and says why', () => {
    const dir = copyContent();
    edit(join(dir, 'teams.yaml'), '{ id: growth,', '{ id: support,');
    const bad = runOkr(['export', '--content', dir, '--format', 'csv']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/duplicate team id 'support'/);
  });
});
