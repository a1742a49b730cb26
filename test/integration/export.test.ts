// `okr export`: the stable contract other tools read, checked on the demo's 2025-Q1 grading sheet.
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
  status: string;
  statusLight: string | null;
  declaredStatus: string | null;
  auditFlag: boolean;
  auditReason: string | null;
  statusAuditFlag: boolean;
  statusAuditReason: string | null;
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
      'statusAuditFlag',
      'statusAuditReason',
      'pace',
      'freshness',
    ])
      expect(q1[0]).toHaveProperty(k);
    expect(data.rollups.teamPeriods.length).toBeGreaterThan(5);
    expect(data.rollups.companyPeriods.map((c: { period: string }) => c.period)).toContain('2025-Q1');
  });
  it('carries computed and declared grades for the 24 key results of 2025-Q1', () => {
    expect(q1).toHaveLength(24);
    const arr = q1.find((k) => k.id === '2025-q1-company-enterprise-acquisition.kr1')!;
    // The quarter has ended (2026-11-23): the status is the final grade's band, read from "0.42".
    expect(arr).toMatchObject({
      grade: 0.4167,
      declaredGrade: 0.42,
      gradeSource: 'computed',
      status: 'Progressing',
      statusLight: 'yellow',
      auditFlag: false,
      statusAuditFlag: false,
    });
    expect(arr.derivation).toBe('0.42 = (14.5 − 12) / (18 − 12)');
  });
  it('flags API p99 latency (declared 0.56, computed 0.63) without changing the declared value', () => {
    const lat = q1.find((k) => /p99 latency/.test(k.title))!;
    expect(lat).toMatchObject({ grade: 0.625, declaredGrade: 0.56, auditFlag: true });
    expect(lat.auditReason).toBe('The document declares 0.56; the handbook computes 0.63 (0.63 = (550 − 800) / (400 − 800)).');
    // Its "🟡 On track" agrees with its pace at 2025-02-01 (ahead is on track or better): no status flag.
    expect(lat.statusAuditFlag).toBe(false);
  });
  it('auditFlag is the grade disagreement only: exactly the latency row; the status disagreements have their own fields', () => {
    expect(q1.filter((k) => k.auditFlag).map((k) => k.id)).toEqual(['2025-q1-engineering-scalable-infrastructure.kr1']);
    expect(q1.filter((k) => k.auditReason !== null)).toHaveLength(1);
    // The document's two "🟡 Behind" rows, whose own numbers are on or ahead of pace at their reading.
    expect(q1.filter((k) => k.statusAuditFlag).map((k) => k.id)).toEqual([
      '2025-q1-company-product-market-fit.kr2',
      '2025-q1-product-engagement.kr3',
    ]);
    for (const k of q1.filter((x) => x.statusAuditFlag))
      expect(k.statusAuditReason).toMatch(/^The document says “🟡 Behind” \(yellow\); by the handbook’s pace/);
  });
  it('mid-quarter, statuses are the pace words, with the numbers behind them', () => {
    const mid = JSON.parse(runOkr(['export', '--format', 'json'], { SOURCE_DATE_EPOCH: '1739923200' }).stdout);
    expect(mid.asOf).toBe('2025-02-19');
    expect(mid.periods.find((p: { id: string }) => p.id === '2025-Q1')).toMatchObject({
      state: 'in progress',
      stateLabel: 'In progress — week 8 of 13',
    });
    const krs = (mid.objectives as { period: string; krs: (Kr & { pace: { gap: number; expected: number } })[] }[])
      .filter((o) => o.period === '2025-Q1')
      .flatMap((o) => o.krs);
    const lat = krs.find((k) => k.id === '2025-q1-engineering-scalable-infrastructure.kr1')!;
    // Its check-in is overdue: 0.63 at 2025-02-01 is held against the 0.56 expected by today.
    expect(lat).toMatchObject({
      status: 'On track',
      statusLight: 'green',
      pace: { date: '2025-02-01', grade: 0.625, gap: 0.07, pace: 'on track', against: 'today' },
      declaredStatusText: 'Declared “On track” (yellow)',
    });
    expect(new Set(krs.map((k) => k.status))).toEqual(new Set(['Ahead', 'On track', 'Behind']));
    expect(krs.filter((k) => k.auditFlag)).toHaveLength(1);
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
