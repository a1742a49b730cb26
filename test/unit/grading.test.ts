// The grading specification, table-driven: every kind and edge, and every row of seed 001.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bandOf, gradeKr, type GradeSource } from '../../src/lib/grading.ts';
import { formatGrade, roundHalfAway } from '../../src/lib/format.ts';
import { rollUp } from '../../src/lib/rollup.ts';
import { expectedProgress, paceOf } from '../../src/lib/pace.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { DEFAULT_BANDS, keyResult, type KeyResult } from '../../src/lib/schema/index.ts';
import { MAIN } from '../helpers.ts';
import { BUILD_DATE, generate } from '../../scripts/bench/generate.ts';

const kr = (x: Record<string, unknown>): KeyResult => keyResult.parse({ id: 'kr', title: 't', ...x });
const open = { finalized: false };
const closed = { finalized: true };

type Row = [string, Record<string, unknown>, number | null, GradeSource | null, RegExp?, typeof open?];
const rows: Row[] = [
  // metric
  [
    'metric increasing',
    { kind: 'metric', baseline: 12, target: 18, current: 14.5 },
    0.4167,
    'computed',
    /^0\.42 = \(14\.5 − 12\) \/ \(18 − 12\)$/,
  ],
  ['metric decreasing', { kind: 'metric', baseline: 120, target: 90, current: 105 }, 0.5, 'computed', /\(105 − 120\) \/ \(90 − 120\)/],
  ['metric overshoot clamps to 1 and says exceeded', { kind: 'metric', baseline: 0, target: 10, current: 13 }, 1, 'computed', /exceeded/],
  ['metric below start floors at 0', { kind: 'metric', baseline: 50, target: 100, current: 40 }, 0, 'computed', /below start/],
  ['metric decreasing below start (got worse)', { kind: 'metric', baseline: 5, target: 3, current: 6 }, 0, 'computed'],
  ['metric with explicit start', { kind: 'metric', baseline: 8, start: 0, target: 15, current: 6 }, 0.4, 'computed'],
  ['metric missing current is ungraded, never 0', { kind: 'metric', baseline: 1, target: 2 }, null, null, /no current value/],
  [
    'metric latest check-in is the current value',
    {
      kind: 'metric',
      baseline: 0,
      target: 10,
      checkins: [
        { date: '2025-01-10', value: 2 },
        { date: '2025-02-10', value: 6 },
      ],
    },
    0.6,
    'computed',
  ],
  ['metric target equal to start is ungraded', { kind: 'metric', baseline: 5, target: 5, current: 5 }, null, null, /target equals start/],
  // count from zero
  ['count ignores the baseline', { kind: 'count', baseline: 8, target: 15, current: 6 }, 0.4, 'computed', /6 \/ 15/],
  ['count overshoot', { kind: 'count', target: 3, current: 4 }, 1, 'computed', /exceeded/],
  ['count missing current', { kind: 'count', target: 3 }, null, null],
  // threshold
  ['threshold < met', { kind: 'threshold', operator: '<', target: 1, current: 0.8 }, 1, 'computed', /holds/],
  [
    'threshold < strict at exactly the threshold, no baseline',
    { kind: 'threshold', operator: '<', target: 1, current: 1 },
    0,
    'computed',
    /does not hold/,
  ],
  ['threshold <= inclusive at exactly the threshold', { kind: 'threshold', operator: '<=', target: 1, current: 1 }, 1, 'computed'],
  ['threshold ≥ (unicode) inclusive', { kind: 'threshold', operator: '≥', target: 55, current: 55 }, 1, 'computed'],
  [
    'threshold > strict at exactly the threshold',
    { kind: 'threshold', operator: '>', target: 4.5, current: 4.5, baseline: 4.2 },
    0.99,
    'computed',
    /capped at 0\.99/,
  ],
  [
    'threshold not met with baseline: linear progress',
    { kind: 'threshold', operator: '<', target: 1, baseline: 2.5, current: 1.3 },
    0.8,
    'computed',
    /\(1\.3 − 2\.5\) \/ \(1 − 2\.5\)/,
  ],
  ['threshold not met without baseline: 0', { kind: 'threshold', operator: '>=', target: 95, current: 90 }, 0, 'computed'],
  ['threshold missing current', { kind: 'threshold', operator: '>=', target: 95 }, null, null],
  // milestone
  ['milestone done', { kind: 'milestone', done: true }, 1, 'computed'],
  ['milestone current "Shipped" counts as done', { kind: 'milestone', current: 'Shipped' }, 1, 'computed'],
  [
    'milestone not done with a judged grade',
    { kind: 'milestone', current: 'In QA', manualGrade: 0.6, rationale: 'Feature complete, in QA' },
    0.6,
    'manual',
  ],
  ['milestone not done, declared grade', { kind: 'milestone', current: 'In QA', declared: { grade: 0.6 } }, 0.6, 'declared'],
  ['milestone not done, open period: ungraded', { kind: 'milestone', current: 'In QA' }, null, null],
  ['milestone not done, graded period: 0', { kind: 'milestone', current: 'In QA' }, 0, 'computed', /not done/, closed],
  // manual
  ['manual with rationale', { kind: 'manual', manualGrade: 0.7, rationale: 'Survey results' }, 0.7, 'manual', /Survey results/],
  // compound
  [
    'compound mean',
    {
      kind: 'compound',
      parts: [
        { id: 'a', title: 'a', kind: 'count', target: 4, current: 2 },
        { id: 'b', title: 'b', kind: 'threshold', operator: '<=', target: 1.5, current: 1 },
      ],
    },
    0.75,
    'computed',
    /mean\(a 0\.50, b 1\.00\)/,
  ],
  [
    'compound min',
    {
      kind: 'compound',
      combine: 'min',
      parts: [
        { id: 'a', title: 'a', kind: 'count', target: 4, current: 2 },
        { id: 'b', title: 'b', kind: 'threshold', operator: '<=', target: 1.5, current: 1 },
      ],
    },
    0.5,
    'computed',
    /min\(/,
  ],
  [
    'compound with an ungraded part is ungraded',
    {
      kind: 'compound',
      parts: [
        { id: 'a', title: 'a', kind: 'count', target: 4, current: 2 },
        { id: 'b', title: 'b', kind: 'threshold', operator: '<=', target: 1.5 },
      ],
    },
    null,
    null,
    /'b'/,
  ],
  // redacted
  ['redacted without declared grade', { kind: 'redacted', values: ['n1'] }, null, null, /redacted/],
  ['redacted with declared grade', { kind: 'redacted', values: ['n1'], declared: { grade: 0.5 } }, 0.5, 'declared'],
];

describe('KR grades', () => {
  it.each(rows)('%s', (_name, input, value, source, derivation, ctx = open) => {
    const g = gradeKr(kr(input), ctx);
    if (value === null) expect(g.value).toBeNull();
    else expect(g.value).toBeCloseTo(value, 4);
    expect(g.source).toBe(source);
    if (derivation) expect(g.derivation).toMatch(derivation);
  });
});

describe('rounding, bands, rollups and pace', () => {
  it('rounds half away from zero for display', () => {
    expect(formatGrade(0.4167)).toBe('0.42');
    expect(formatGrade(0.125)).toBe('0.13');
    expect(formatGrade(0.145)).toBe('0.15');
    expect(roundHalfAway(-0.125)).toBe(-0.13);
    expect(formatGrade(null)).toBe('—');
  });
  it('default bands: red < 0.4 ≤ yellow < 0.7 ≤ green', () => {
    expect(bandOf(0.39, DEFAULT_BANDS)?.id).toBe('red');
    expect(bandOf(0.4, DEFAULT_BANDS)?.id).toBe('yellow');
    expect(bandOf(0.69, DEFAULT_BANDS)?.id).toBe('yellow');
    expect(bandOf(0.7, DEFAULT_BANDS)?.id).toBe('green');
    expect(bandOf(null, DEFAULT_BANDS)).toBeNull();
  });
  it('objective rollup: weighted mean of graded KRs, with coverage and the weakest child', () => {
    const r = rollUp(
      [
        { id: 'a', grade: 1, weight: 3, status: 'green' },
        { id: 'b', grade: 0.2, weight: 1, status: 'red' },
        { id: 'c', grade: null, status: null },
      ],
      DEFAULT_BANDS,
      'key results',
    );
    expect(r.grade).toBeCloseTo(0.8, 6);
    expect(r.coverage).toEqual({ graded: 2, total: 3 });
    expect(r.band).toBe('green');
    expect(r.status).toBe('red');
    expect(r.derivation).toMatch(/0\.80 = \(3×1\.00 \+ 1×0\.20\) \/ 4/);
  });
  it('a rollup with nothing graded is ungraded, not 0', () => {
    const r = rollUp([{ id: 'a', grade: null, status: null }], DEFAULT_BANDS, 'key results');
    expect(r.grade).toBeNull();
    expect(r.coverage).toEqual({ graded: 0, total: 1 });
  });
  it('pace: expected progress is the elapsed fraction of the period', () => {
    const q = { start: '2025-01-01', end: '2025-03-31' };
    expect(expectedProgress(q, '2025-01-01')).toBeCloseTo(1 / 90, 6);
    expect(expectedProgress(q, '2025-03-31')).toBe(1);
    expect(expectedProgress(q, '2024-12-01')).toBe(0);
    expect(paceOf(0.5, 0.35)).toBe('ahead');
    expect(paceOf(0.4, 0.35)).toBe('on track');
    expect(paceOf(0.1, 0.35)).toBe('behind');
  });
  it('a key result’s trend grades every check-in against the pace expected by its date, once', () => {
    // The bench's synthetic handbook: the demo handbooks have no key result with two check-ins.
    const dir = mkdtempSync(join(tmpdir(), 'okr-trend-'));
    generate(dir, { teams: 3, periods: 1, objectives: 2, krs: 3, checkins: 3 }, { history: false });
    const h = computeHandbook(dir, { today: BUILD_DATE }).handbook!;
    const krs = h.objectives.flatMap((o) => o.keyResults.map((k) => ({ k, period: h.periods.find((p) => p.id === o.period)! })));
    const charted = krs.filter(({ k }) => 'checkins' in k && (k.checkins?.length ?? 0) >= 2);
    expect(charted.length).toBeGreaterThan(5);
    for (const { k, period } of charted) {
      const checkins = (k as { checkins: { date: string; value?: number | string }[] }).checkins;
      // Read twice: the same points, graded once.
      expect(k.trend).toBe(k.trend);
      expect(k.trend.map((t) => [t.date, t.value])).toEqual(checkins.map((c) => [c.date, c.value]));
      for (const t of k.trend) {
        expect(t.expected).toBeCloseTo(expectedProgress(period, t.date), 10);
        expect(t.pace).toBe(t.grade === null ? null : paceOf(t.grade, t.expected));
      }
      // The latest reading is graded as the key result is.
      const last = k.trend.at(-1)!;
      if (last.value === k.reading?.value && last.grade !== null) expect(last.grade).toBeCloseTo(k.grade.value!, 10);
    }
    // Spread and JSON see the trend as any other field.
    const { k } = charted[0]!;
    expect({ ...k }.trend).toEqual(k.trend);
    expect(JSON.parse(JSON.stringify(k)).trend).toEqual(JSON.parse(JSON.stringify(k.trend)));
  });
});

describe('seed 001: every row against its declared grade', () => {
  const h = computeHandbook(MAIN, { today: '2026-11-23' }).handbook!;
  const krs = h.objectives.filter((o) => o.period === '2025-Q1').flatMap((o) => o.keyResults);
  const flagged = new Set(['2025-q1-engineering-scalable-infrastructure.kr1']);

  it('has 24 rows, all with a declared grade', () => {
    expect(krs).toHaveLength(24);
    for (const k of krs) expect(k.declared?.grade, k.uid).toBeTypeOf('number');
  });
  it.each(krs.map((k) => [k.uid, k] as const))('%s', (_uid, k) => {
    const agrees = Math.abs(k.grade.value! - k.declared!.grade!) <= 0.01 + 1e-9;
    expect(k.grade.value).not.toBeNull();
    if (flagged.has(k.uid)) {
      expect(agrees).toBe(false);
      expect(k.audit.flag).toBe(true);
      expect(k.audit.reasons.join()).toMatch(/declared grade 0\.56 differs from computed 0\.63/);
    } else {
      expect(agrees, `${k.uid}: computed ${k.grade.value} vs declared ${k.declared!.grade}`).toBe(true);
    }
  });
  it('never overwrites the declared value', () => {
    const latency = krs.find((k) => k.uid === '2025-q1-engineering-scalable-infrastructure.kr1')!;
    expect(latency.declared!.grade).toBe(0.56);
    expect(latency.grade.value).toBeCloseTo(0.625, 6);
  });
});
