// The grading specification, table-driven: every kind and edge, and every row of the demo's 2025-Q1
// grading sheet (a quarter's OKRs with the grade and status the document declared for each).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bandOf, gradeKeyResult, gradeKr, thresholdReading, type GradeSource } from '../../src/lib/grading.ts';
import { formatGrade, roundHalfAway } from '../../src/lib/format.ts';
import { rollUp } from '../../src/lib/rollup.ts';
import { PACE_WORD, paceStatus } from '../../src/lib/status.ts';
import { expectedProgress, paceOf } from '../../src/lib/pace.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { DEFAULT_BANDS, keyResult, type KeyResult } from '../../src/lib/schema/index.ts';
import { recompute } from '../derivation.ts';
import { FISCAL, MAIN } from '../helpers.ts';
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
  // threshold, "hold": the baseline already meets the condition — 1 while it holds, 0 when it fails, never a backwards progress
  [
    'hold: ≥ 55 with a baseline of 60 that fell to 50 grades 0',
    { kind: 'threshold', operator: '>=', target: 55, baseline: 60, current: 50 },
    0,
    'computed',
    /^0\.00: 50 ≥ 55 does not hold \(held: the baseline 60 already met ≥ 55/,
  ],
  [
    'hold: ≥ 55 with a baseline of 60 now at 57 grades 1',
    { kind: 'threshold', operator: '>=', target: 55, baseline: 60, current: 57 },
    1,
    'computed',
    /held/,
  ],
  [
    'hold: < 1% with a baseline of 0.8 that rose to 1.2 grades 0',
    { kind: 'threshold', operator: '<', target: 1, baseline: 0.8, current: 1.2, unit: '%' },
    0,
    'computed',
    /1\.2% < 1% does not hold \(held/,
  ],
  [
    'hold: < 1% is strict — exactly 1% fails',
    { kind: 'threshold', operator: '<', target: 1, baseline: 0.8, current: 1 },
    0,
    'computed',
    /held/,
  ],
  [
    'hold: ≤ 1% is inclusive — exactly 1% holds',
    { kind: 'threshold', operator: '<=', target: 1, baseline: 0.8, current: 1 },
    1,
    'computed',
    /held/,
  ],
  [
    'reach: a reading worse than the baseline floors at 0',
    { kind: 'threshold', operator: '<', target: 1, baseline: 2.5, current: 3 },
    0,
    'computed',
    /below start: floored at 0/,
  ],
  [
    'reach: < with baseline equal to the threshold has nothing to measure',
    { kind: 'threshold', operator: '<', target: 1, baseline: 1, current: 1.5 },
    0,
    'computed',
    /no baseline to measure progress from/,
  ],
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

describe('rounding and bands: read from the grade as displayed', () => {
  it('rounds half away from zero for display', () => {
    expect(formatGrade(0.4167)).toBe('0.42');
    expect(formatGrade(0.125)).toBe('0.13');
    expect(formatGrade(0.145)).toBe('0.15');
    expect(roundHalfAway(-0.125)).toBe(-0.13);
    expect(formatGrade(null)).toBe('—');
  });
  it.each([
    [0.39, 'red'],
    [0.3949, 'red'],
    // Shown as "0.40": never red.
    [0.395, 'yellow'],
    [0.4, 'yellow'],
    [0.69, 'yellow'],
    // Shown as "0.70": never yellow.
    [0.695, 'green'],
    [0.7, 'green'],
  ])('default bands: %s is %s', (grade, band) => {
    expect(bandOf(grade, DEFAULT_BANDS)?.id).toBe(band);
  });
  it('an ungraded grade has no band', () => expect(bandOf(null, DEFAULT_BANDS)).toBeNull());
});

describe('thresholds: which reading a threshold has', () => {
  it.each([
    [{ operator: '>=', target: 55, baseline: 60 }, 'hold'],
    [{ operator: '>=', target: 55, baseline: 55 }, 'hold'],
    [{ operator: '>', target: 55, baseline: 55 }, 'reach'],
    [{ operator: '<', target: 1, baseline: 0.8 }, 'hold'],
    [{ operator: '<', target: 1, baseline: 2.5 }, 'reach'],
    [{ operator: '<', target: 1 }, 'reach'],
  ])('%o reads as %s', (t, reading) => expect(thresholdReading(t)).toBe(reading));
});

describe('rollups: weighted mean, coverage by count and by weight, reproducible derivations', () => {
  const child = (id: string, grade: number | null, weight?: number) => ({
    id,
    grade,
    weight,
    status: paceStatus(grade ?? 0, 0.5, '2025-02-01'),
  });
  it('objective rollup: weighted mean of graded KRs', () => {
    const r = rollUp([child('a', 1, 3), child('b', 0.2, 1), { ...child('c', null, 2) }], DEFAULT_BANDS, 'key results', 'in progress');
    expect(r.grade).toBeCloseTo(0.8, 6);
    expect(r.coverage).toEqual({ graded: 2, total: 3, gradedWeight: 4, totalWeight: 6 });
    expect(r.band).toBe('green');
    expect(r.derivation).toBe('0.80 = (3×1.00 + 1×0.20) / 4 — 1 of 3 key results ungraded and left out');
  });
  it('a rollup with nothing graded is ungraded, not 0', () => {
    const r = rollUp([child('a', null)], DEFAULT_BANDS, 'key results', 'in progress');
    expect(r.grade).toBeNull();
    expect(r.coverage).toEqual({ graded: 0, total: 1, gradedWeight: 0, totalWeight: 1 });
  });
  it('a period that has not started is not rolled up', () => {
    const r = rollUp([], DEFAULT_BANDS, 'objectives', 'upcoming');
    expect(r.grade).toBeNull();
    expect(r.derivation).toBe('ungraded: the period has not started');
    expect(r.status.key).toBe('not started');
  });
  it('prints terms precise enough that the arithmetic lands on the grade shown', () => {
    // 0.4167 and 0.625 average 0.5208 ("0.52"); their two-decimal forms 0.42 and 0.63 would give 0.53.
    const r = rollUp([child('a', 5 / 12), child('b', 0.625)], DEFAULT_BANDS, 'key results', 'in progress');
    expect(formatGrade(r.grade)).toBe('0.52');
    expect(r.derivation).toBe('0.52 = (0.4167 + 0.6250) / 2');
  });
});

describe('each check-in is graded with its own values', () => {
  const q1 = { finalized: false, period: { start: '2025-01-01', end: '2025-03-31' } };
  const history = (input: Record<string, unknown>, ctx = q1) => {
    const g = gradeKeyResult(kr(input), ctx);
    return { grade: g.grade, date: g.date, points: g.history().map((h) => [h.reading.date, h.grade.value, h.counts]) };
  };
  const parts = [
    { id: 'a', title: 'a', kind: 'count', target: 4 },
    { id: 'b', title: 'b', kind: 'metric', baseline: 0, target: 10 },
  ];
  it('compound: parts per check-in, a part not given keeps its last value', () => {
    const r = history({
      kind: 'compound',
      parts,
      checkins: [
        { date: '2025-01-15', parts: { a: 1 } },
        { date: '2025-02-01', parts: { a: 2, b: 5 } },
        { date: '2025-03-01', parts: { b: 10 } },
      ],
    });
    expect(r.points).toEqual([
      ['2025-01-15', null, true],
      ['2025-02-01', 0.5, true],
      ['2025-03-01', 0.75, true],
    ]);
    expect(r.grade.value).toBe(0.75);
    expect(r.grade.derivation).toBe('0.75 = mean(a 0.50, b 1.00)');
  });
  it('a milestone judged red at an earlier check-in stays red there; today’s judgement grades the latest reading only', () => {
    const r = history({
      kind: 'milestone',
      manualGrade: 0.6,
      rationale: 'Feature complete, in QA',
      checkins: [
        { date: '2025-01-20', value: 'In design', grade: 0.2, note: 'Slipping: design review failed' },
        { date: '2025-02-10', value: 'In build' },
        { date: '2025-03-01', value: 'In QA' },
      ],
    });
    expect(r.points).toEqual([
      ['2025-01-20', 0.2, true],
      ['2025-02-10', 0.2, true],
      ['2025-03-01', 0.6, true],
    ]);
    expect(r.grade.derivation).toMatch(/^0\.60: judged while not done — Feature complete/);
  });
  it('a dated judgement applies from its date; a later check-in judgement replaces it', () => {
    const r = history({
      kind: 'manual',
      manualGrade: 0.5,
      rationale: 'Survey',
      asOf: '2025-02-15',
      checkins: [
        { date: '2025-02-01', grade: 0.3 },
        { date: '2025-03-01', note: 'no change' },
        { date: '2025-03-20', grade: 0.8, note: 'Second survey' },
      ],
    });
    expect(r.points.map((p) => p[1])).toEqual([0.3, 0.5, 0.8]);
    expect(r.grade.value).toBe(0.8);
  });
  it('a dated judgement newer than every reading is the latest word', () => {
    const r = history({
      kind: 'manual',
      manualGrade: 0.5,
      rationale: 'Survey',
      asOf: '2025-03-10',
      checkins: [{ date: '2025-02-01', grade: 0.3 }],
    });
    expect(r.points.map((p) => p[1])).toEqual([0.3]);
    expect([r.grade.value, r.date]).toEqual([0.5, '2025-03-10']);
  });
  it.each([
    // 14 days' grace after the end: a reading on 2025-04-14 still grades Q1, one on 2025-04-15 does not.
    ['2025-04-14', undefined, 0.9, true],
    ['2025-04-15', undefined, 0.5, false],
    // A later grading date extends the grace to itself.
    ['2025-04-18', '2025-04-20', 0.9, true],
    ['2025-06-30', '2025-04-20', 0.5, false],
  ])('a reading on %s (grading date %s) grades the period: %s', (date, gradingDate, grade, counts) => {
    const g = gradeKeyResult(
      kr({
        kind: 'metric',
        baseline: 0,
        target: 10,
        checkins: [
          { date: '2025-03-20', value: 5 },
          { date, value: 9 },
        ],
      }),
      { finalized: false, period: { ...q1.period, gradingDate } },
    );
    expect(g.grade.value).toBe(grade);
    expect(g.history()[1]!.counts).toBe(counts);
  });
});

describe('derivations reproduce, digit for digit, the grade printed beside them (every key result and rollup)', () => {
  // The demo mid-quarter and after it, the fiscal example, and a synthetic handbook of every kind with many check-ins.
  const synthetic = mkdtempSync(join(tmpdir(), 'okr-derivations-'));
  generate(synthetic, { teams: 4, periods: 2, objectives: 3, krs: 4, checkins: 3 }, { history: false });
  // [name, content, today, at least this many formulas]: the fiscal example's grades are all judged or declared.
  const handbooks: [string, string, string, number][] = [
    ['the demo', MAIN, '2025-02-19', 20],
    ['the demo', MAIN, '2026-11-23', 20],
    ['the fiscal example', FISCAL, '2026-11-23', 0],
    ['a synthetic handbook', synthetic, BUILD_DATE, 50],
  ];
  for (const [name, dir, today, formulas] of handbooks) {
    const h = computeHandbook(dir, { today }).handbook!;
    const rows = [
      ...h.objectives.flatMap((o) => o.keyResults.map((k) => [k.uid, k.grade.value, k.grade.derivation] as const)),
      ...h.objectives.map((o) => [o.id, o.rollup.grade, o.rollup.derivation] as const),
      ...h.teamPeriods.map((t) => [`${t.period}/${t.team}`, t.grade, t.derivation] as const),
      ...h.companyPeriods.map((c) => [c.period, c.grade, c.derivation] as const),
    ];
    it(`${name} as of ${today}: ${rows.length} derivations`, () => {
      let recomputed = 0;
      for (const [id, grade, derivation] of rows) {
        if (grade === null) {
          expect(derivation, id).toMatch(/^ungraded: /);
          continue;
        }
        expect(derivation.startsWith(formatGrade(grade)), `${id}: ${derivation}`).toBe(true);
        const value = recompute(derivation);
        if (value === undefined) continue;
        recomputed++;
        expect(formatGrade(value), `${id}: ${derivation}`).toBe(formatGrade(grade));
      }
      // Every formula was recomputed (the rest state their number: "1.00: … holds", "0.60: judged …").
      expect(recomputed).toBe(rows.filter(([, , d]) => /^\d\.\d\d = /.test(d)).length);
      expect(recomputed).toBeGreaterThanOrEqual(formulas);
    });
  }
});

describe('the trend: every check-in against the pace expected by its date, graded once', () => {
  it('holds for a synthetic handbook with many check-ins', () => {
    // The bench's synthetic handbook: the demo handbooks have no key result with two check-ins.
    const dir = mkdtempSync(join(tmpdir(), 'okr-trend-'));
    generate(dir, { teams: 3, periods: 1, objectives: 2, krs: 3, checkins: 3 }, { history: false });
    const h = computeHandbook(dir, { today: BUILD_DATE }).handbook!;
    const krs = h.objectives.flatMap((o) =>
      o.keyResults.map((k) => ({ k, period: h.periods.find((p) => p.id === o.period)!, scale: o.type === 'aspirational' ? 0.7 : 1 })),
    );
    const charted = krs.filter(({ k }) => k.checkins.length >= 2);
    expect(charted.length).toBeGreaterThan(5);
    for (const { k, period, scale } of charted) {
      // Read twice: the same points, graded once.
      expect(k.trend).toBe(k.trend);
      expect(k.trend.map((t) => [t.date, t.value])).toEqual(k.checkins.map((c) => [c.date, c.value]));
      expect(k.trend.map((t) => t.checkin)).toEqual(k.checkins);
      for (const t of k.trend) {
        expect(t.expected).toBeCloseTo(expectedProgress(period, t.date) * scale, 10);
        expect(t.pace).toBe(t.grade === null ? null : paceOf(t.grade, t.expected));
      }
    }
    // Spread and JSON see the trend as any other field.
    const { k } = charted[0]!;
    expect({ ...k }.trend).toEqual(k.trend);
    expect(JSON.parse(JSON.stringify(k)).trend).toEqual(JSON.parse(JSON.stringify(k.trend)));
  });
});

describe('2025-Q1 grading sheet: every row against its declared grade and status', () => {
  const latency = '2025-q1-engineering-scalable-infrastructure.kr1';
  // The two rows the document calls "🟡 Behind" while its own numbers are on or ahead of pace.
  const behind = ['2025-q1-company-product-market-fit.kr2', '2025-q1-product-engagement.kr3'];
  for (const today of ['2025-02-19', '2026-11-23']) {
    const h = computeHandbook(MAIN, { today }).handbook!;
    const objectives = h.objectives.filter((o) => o.period === '2025-Q1');
    const krs = objectives.flatMap((o) => o.keyResults);
    describe(`as of ${today}`, () => {
      it('has 24 rows, all with a declared grade', () => {
        expect(krs).toHaveLength(24);
        for (const k of krs) expect(k.declared?.grade, k.uid).toBeTypeOf('number');
      });
      it.each(krs.map((k) => [k.uid, k] as const))('%s', (_uid, k) => {
        expect(k.grade.value).not.toBeNull();
        const agrees = Math.abs(k.grade.value! - k.declared!.grade!) <= 0.01 + 1e-9;
        expect(agrees, `${k.uid}: computed ${k.grade.value} vs declared ${k.declared!.grade}`).toBe(k.uid !== latency);
        expect(k.audit.grade !== null).toBe(k.uid === latency);
        // "🟢 Ahead" is a pace statement: it agrees with the pace at the reading it describes, even after the quarter.
        expect(k.audit.status !== null, `${k.uid}: ${k.audit.status?.reason}`).toBe(behind.includes(k.uid));
      });
      it('flags exactly one grade: the p99 latency, declared 0.56 vs computed 0.63', () => {
        const flagged = objectives.flatMap((o) => [o, ...o.keyResults]).filter((x) => x.audit.grade);
        expect(flagged).toHaveLength(1);
        const k = krs.find((x) => x.uid === latency)!;
        expect(k.audit.grade).toMatchObject({ declared: '0.56', computed: '0.63' });
        expect(k.audit.grade!.reason).toBe('The document declares 0.56; the handbook computes 0.63 (0.63 = (550 − 800) / (400 − 800)).');
        expect(k.declared!.grade).toBe(0.56);
        expect(k.grade.value).toBeCloseTo(0.625, 6);
      });
      it('says why a status differs in words', () => {
        const k = krs.find((x) => x.uid === '2025-q1-product-engagement.kr3')!;
        expect(k.audit.status!.reason).toBe(
          'The document says “🟡 Behind” (yellow); by the handbook’s pace the key result is On track (green): 0.40 at 2025-02-01; 0.36 expected by then (+0.04).',
        );
      });
    });
  }
  it('mid-quarter, every status is the pace and agrees with the numbers beside it', () => {
    const h = computeHandbook(MAIN, { today: '2025-02-19' }).handbook!;
    const krs = h.objectives.filter((o) => o.period === '2025-Q1').flatMap((o) => o.keyResults);
    // At their reading of 2025-02-01 (what the document's statuses speak of): 21 ahead, 3 on track.
    const then = krs.map((k) => k.statusAtReading.word);
    expect(then.filter((w) => w === 'Ahead')).toHaveLength(21);
    expect(then.filter((w) => w === 'On track')).toHaveLength(3);
    // Every check-in is 16 days overdue on 2025-02-19, so each is held against today's 0.56: 3 are behind.
    const words = krs.map((k) => k.status.word);
    expect([words.filter((w) => w === 'Ahead').length, words.filter((w) => w === 'On track').length]).toEqual([7, 14]);
    expect(words.filter((w) => w === 'Behind')).toHaveLength(3);
    for (const k of krs) {
      expect([k.pace!.date, k.pace!.against]).toEqual(['2025-02-01', 'today']);
      expect(k.status.word).toBe(PACE_WORD[paceOf(k.pace!.grade, k.pace!.expected)]);
      expect(k.status.why).toBe(
        `${formatGrade(k.grade.value)} at 2025-02-01, no check-in since; ${formatGrade(k.pace!.expected)} expected by today, 2025-02-19 (${k.pace!.gap > 0 ? '+' : k.pace!.gap < 0 ? '−' : '±'}${Math.abs(k.pace!.gap).toFixed(2)})`,
      );
    }
  });
});
