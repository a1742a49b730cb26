// The grading specification (DESIGN.md "Grading specification", docs/grading.md) read rule by rule,
// independently of the implementation: each table row is a case the rule decides, with the answer
// the rule gives. Pure functions first; then a small handbook through the loader for what needs
// files, periods and `okr check`.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { remindInput } from '../../scripts/commands/remind.ts';
import { gradeAudit } from '../../src/lib/audit.ts';
import { formatGrade, formatNumber, roundHalfAway } from '../../src/lib/format.ts';
import { checkinSchedule, freshness } from '../../src/lib/freshness.ts';
import { bandOf, gradeKeyResult, gradeKr, type GradeContext, type GradeSource } from '../../src/lib/grading.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { computeKr } from '../../src/lib/key-results.ts';
import { expectedProgress } from '../../src/lib/pace.ts';
import { remindDigest } from '../../src/lib/remind.ts';
import { rollUp } from '../../src/lib/rollup.ts';
import { DEFAULT_BANDS, keyResult, type Band, type KeyResult } from '../../src/lib/schema/index.ts';
import { finalStatus, paceStatus, parentStatus, type Status } from '../../src/lib/status.ts';
import { recompute } from '../derivation.ts';
import { krEnv, krModel, Q1_2025 } from '../kr-env.ts';

const kr = (x: Record<string, unknown>): KeyResult => keyResult.parse({ id: 'kr', title: 't', ...x });
const open: GradeContext = { finalized: false };
const graded: GradeContext = { finalized: true };
/** Q1 2025: 90 days, 2025-01-01..2025-03-31; readings count until 2025-04-14 (14 days' grace). */
const Q1 = { start: '2025-01-01', end: '2025-03-31' };

/** [name, key result, expected grade (null: ungraded), source, derivation, exceeded, context] */
type Row = [string, Record<string, unknown>, number | null, GradeSource | null, RegExp | null, boolean, GradeContext?];

const kinds: Row[] = [
  // metric: (current − start) / (target − start), clamped; start defaults to the baseline
  ['metric, increasing', { kind: 'metric', baseline: 12, target: 18, current: 14.5 }, 5 / 12, 'computed', /^0\.42 = /, false],
  [
    'metric, decreasing (the sign cancels)',
    { kind: 'metric', baseline: 800, target: 400, current: 550 },
    0.625,
    'computed',
    /^0\.63 = /,
    false,
  ],
  [
    'metric, decreasing past the target: 1.00, exceeded',
    { kind: 'metric', baseline: 800, target: 400, current: 300 },
    1,
    'computed',
    /exceeded/,
    true,
  ],
  ['metric, decreasing and got worse: 0', { kind: 'metric', baseline: 800, target: 400, current: 900 }, 0, 'computed', null, false],
  ['metric, exactly at target: 1.00, not exceeded', { kind: 'metric', baseline: 12, target: 18, current: 18 }, 1, 'computed', null, false],
  [
    'metric, start given: measured from start, not baseline',
    { kind: 'metric', baseline: 100, start: 50, target: 150, current: 100 },
    0.5,
    'computed',
    /\(100 − 50\) \/ \(150 − 50\)/,
    false,
  ],
  ['metric, negative start', { kind: 'metric', baseline: -5, target: 5, current: 0 }, 0.5, 'computed', null, false],
  ['metric, missing current: ungraded, never 0', { kind: 'metric', baseline: 12, target: 18 }, null, null, /^ungraded: /, false],
  // count from zero: current / target, a baseline is context only
  [
    'count, "3 regions live" with 1 live at the start: 2 of 3',
    { kind: 'count', baseline: 1, target: 3, current: 2 },
    2 / 3,
    'computed',
    /2 \/ 3/,
    false,
  ],
  ['count, nothing yet is 0, not ungraded', { kind: 'count', target: 15, current: 0 }, 0, 'computed', null, false],
  ['count, beyond the target: 1.00, exceeded', { kind: 'count', baseline: 8, target: 15, current: 18 }, 1, 'computed', /exceeded/, true],
  ['count, missing current', { kind: 'count', baseline: 8, target: 15 }, null, null, /^ungraded: /, false],
  // milestone
  ['milestone, done: true', { kind: 'milestone', done: true }, 1, 'computed', null, false],
  ['milestone, done: true, period graded', { kind: 'milestone', done: true }, 1, 'computed', null, false, graded],
  ['milestone, "Launched"', { kind: 'milestone', current: 'Launched' }, 1, 'computed', null, false],
  ['milestone, "GA"', { kind: 'milestone', current: 'GA' }, 1, 'computed', null, false],
  [
    'milestone, current equals its own target text',
    { kind: 'milestone', target: 'Live in EU', current: 'live in eu' },
    1,
    'computed',
    null,
    false,
  ],
  ['milestone, "Shipping soon" is not done', { kind: 'milestone', current: 'Shipping soon' }, null, null, /^ungraded: /, false],
  [
    'milestone, not done, no judgement, period not graded: ungraded',
    { kind: 'milestone', current: 'In QA' },
    null,
    null,
    /^ungraded: /,
    false,
  ],
  [
    'milestone, not done, no judgement, period graded: 0',
    { kind: 'milestone', current: 'In QA' },
    0,
    'computed',
    /not done/,
    false,
    graded,
  ],
  ['milestone, no value at all, period graded: 0', { kind: 'milestone' }, 0, 'computed', null, false, graded],
  [
    'milestone, not done, judged: its manual grade',
    { kind: 'milestone', current: 'In QA', manualGrade: 0.6, rationale: 'In QA' },
    0.6,
    'manual',
    /In QA/,
    false,
  ],
  [
    'milestone, not done, judged, period graded: still its manual grade',
    { kind: 'milestone', current: 'In QA', manualGrade: 0.6, rationale: 'In QA' },
    0.6,
    'manual',
    null,
    false,
    graded,
  ],
  [
    'milestone, done though judged earlier: 1.00',
    { kind: 'milestone', current: 'Shipped', manualGrade: 0.6, rationale: 'In QA' },
    1,
    'computed',
    null,
    false,
  ],
  // manual: the given grade with its rationale
  [
    'manual, with rationale',
    { kind: 'manual', manualGrade: 0.35, rationale: 'Survey came back lukewarm' },
    0.35,
    'manual',
    /Survey came back lukewarm/,
    false,
  ],
  ['manual, 0 is a grade', { kind: 'manual', manualGrade: 0, rationale: 'Dropped' }, 0, 'manual', null, false],
  // compound: mean by default, min available; a part ungraded leaves it ungraded
  ...compoundRows(),
  // redacted: ungraded unless a grade is declared
  ['redacted, nothing declared', { kind: 'redacted', values: ['n1'] }, null, null, /redacted/, false],
  ['redacted, declared', { kind: 'redacted', values: ['n1'], declared: { grade: 0.45 } }, 0.45, 'declared', null, false],
  ['redacted, declared 0 is a grade', { kind: 'redacted', values: ['n1'], declared: { grade: 0 } }, 0, 'declared', null, false],
  ...thresholdRows(),
];

function compoundRows(): Row[] {
  const a = { id: 'a', title: 'a', kind: 'count', target: 4, current: 1 };
  const b = { id: 'b', title: 'b', kind: 'metric', baseline: 0, target: 10, current: 5 };
  const c = { id: 'c', title: 'c', kind: 'threshold', operator: '<=', target: 2, current: 1 };
  return [
    [
      'compound, mean of three',
      { kind: 'compound', parts: [a, b, c] },
      (0.25 + 0.5 + 1) / 3,
      'computed',
      /^0\.58 = mean\(a 0\.25, b 0\.50, c 1\.00\)/,
      false,
    ],
    ['compound, min', { kind: 'compound', combine: 'min', parts: [a, b, c] }, 0.25, 'computed', /^0\.25 = min\(/, false],
    ['compound, mean with a part ungraded', { kind: 'compound', parts: [a, { ...b, current: undefined }] }, null, null, /'b'/, false],
    [
      'compound, min with a part ungraded (not its 0)',
      { kind: 'compound', combine: 'min', parts: [a, { ...b, current: undefined }] },
      null,
      null,
      /'b'/,
      false,
    ],
    [
      'compound, a milestone part done: true',
      { kind: 'compound', parts: [a, { id: 'm', title: 'm', kind: 'milestone', done: true }] },
      0.625,
      'computed',
      /mean\(a 0\.25, m 1\.00\)/,
      false,
    ],
    [
      'compound, a part past its target does not make a 0.63 "exceeded"',
      {
        kind: 'compound',
        parts: [
          { ...a, current: 6 },
          { ...b, current: 2.5 },
        ],
      },
      0.625,
      'computed',
      null,
      false,
    ],
    [
      'compound, every part met and one past it: 1.00, exceeded',
      {
        kind: 'compound',
        parts: [
          { ...a, current: 6 },
          { ...b, current: 10 },
        ],
      },
      1,
      'computed',
      null,
      true,
    ],
  ];
}

/**
 * Thresholds, for each operator: "reach" when the baseline fails the condition (1 once it holds, else
 * linear progress from the baseline, never full marks while it fails; 0 without a baseline), "hold"
 * when the baseline meets it (1 while it holds, 0 when it fails). The threshold is 10 throughout.
 */
function thresholdRows(): Row[] {
  const rows: Row[] = [];
  for (const op of ['<', '<=', '≤', '>', '>=', '≥']) {
    const below = op.startsWith('<') || op === '≤';
    const strict = op === '<' || op === '>';
    // Toward the threshold from the side that fails it; "past" meets it, "short" is halfway there.
    const [failing, meeting, past, short, worse, broken] = below ? [20, 5, 8, 15, 25, 12] : [0, 15, 12, 5, -5, 8];
    const t = (x: Record<string, unknown>) => ({ kind: 'threshold', operator: op, target: 10, ...x });
    const name = (s: string) => `threshold ${op}: ${s}`;
    rows.push(
      [name('reach, met'), t({ baseline: failing, current: past }), 1, 'computed', /holds$/, false],
      [name('reach, halfway from the baseline'), t({ baseline: failing, current: short }), 0.5, 'computed', /does not hold yet/, false],
      [name('reach, worse than the baseline'), t({ baseline: failing, current: worse }), 0, 'computed', null, false],
      [
        name(`reach, exactly at the threshold: ${strict ? 'not met (strict), below full marks' : 'met'}`),
        t({ baseline: failing, current: 10 }),
        strict ? 0.99 : 1,
        'computed',
        strict ? /does not hold/ : /holds$/,
        false,
      ],
      [name('reach without a baseline, not met: 0'), t({ current: short }), 0, 'computed', /does not hold/, false],
      [name('reach without a baseline, met: 1'), t({ current: past }), 1, 'computed', null, false],
      [name(`reach without a baseline, at the threshold: ${strict ? 0 : 1}`), t({ current: 10 }), strict ? 0 : 1, 'computed', null, false],
      [name('hold, still holds'), t({ baseline: meeting, current: past }), 1, 'computed', /held/, false],
      [
        name('hold, fails: 0, never a backwards progress'),
        t({ baseline: meeting, current: broken }),
        0,
        'computed',
        /does not hold \(held/,
        false,
      ],
      [name('hold, far past failing: 0'), t({ baseline: meeting, current: worse }), 0, 'computed', /held/, false],
      [
        name(`hold, exactly at the threshold: ${strict ? 0 : 1}`),
        t({ baseline: meeting, current: 10 }),
        strict ? 0 : 1,
        'computed',
        /held/,
        false,
      ],
      [name('missing current'), t({ baseline: failing }), null, null, /^ungraded: /, false],
    );
  }
  return rows;
}

describe('every kind of key result, graded by the specification', () => {
  it.each(kinds)('%s', (_name, input, value, source, derivation, exceeded, ctx = open) => {
    const g = gradeKr(kr(input), ctx);
    if (value === null) expect(g.value).toBeNull();
    else expect(g.value).toBeCloseTo(value, 10);
    expect(g.source).toBe(source);
    expect(g.exceeded).toBe(exceeded);
    if (derivation) expect(g.derivation).toMatch(derivation);
    // A number formula recomputes to the grade shown beside it; a stated number is that grade.
    if (value === null) expect(g.derivation).toMatch(/^ungraded: /);
    else {
      expect(g.derivation.startsWith(formatGrade(g.value))).toBe(true);
      const again = recompute(g.derivation);
      if (again !== undefined) expect(formatGrade(again)).toBe(formatGrade(g.value));
    }
  });

  it('a reach not yet met never shows full marks, however close', () => {
    const g = gradeKr(kr({ kind: 'threshold', operator: '<', target: 10, baseline: 20, current: 10.001 }), open);
    expect(formatGrade(g.value)).toBe('0.99');
  });
  it('a threshold that holds is met, not "exceeded"', () => {
    expect(gradeKr(kr({ kind: 'threshold', operator: '>', target: 10, baseline: 0, current: 50 }), open)).toMatchObject({
      value: 1,
      exceeded: false,
    });
  });

  it.each([
    ['a manual key result without a rationale', { kind: 'manual', manualGrade: 0.5 }],
    ['a non-numeric current on a metric', { kind: 'metric', baseline: 1, target: 2, current: 'about 1.5' }],
    ['a non-numeric current on a count', { kind: 'count', target: 2, current: 'one' }],
    ['a non-numeric current on a threshold', { kind: 'threshold', operator: '<', target: 2, current: 'low' }],
    ['a grade above 1', { kind: 'manual', manualGrade: 1.2, rationale: 'r' }],
  ])('%s is rejected by the schema', (_name, input) => {
    expect(keyResult.safeParse({ id: 'kr', title: 't', ...input }).success).toBe(false);
  });
});

describe('rounding for display: two decimals, half away from zero', () => {
  it.each([
    [0.4167, '0.42'],
    [0.125, '0.13'],
    [0.135, '0.14'],
    [0.005, '0.01'],
    [0.0049, '0.00'],
    [0.015, '0.02'], // stored as 0.01499999…
    [0.285, '0.29'],
    [0.575, '0.58'],
    [0.995, '1.00'],
    [0, '0.00'],
    [1, '1.00'],
  ])('%s shows as %s', (x, shown) => expect(formatGrade(x)).toBe(shown));

  it('negative numbers round away from zero too; a negative zero never prints a sign', () => {
    expect(roundHalfAway(-0.125)).toBe(-0.13);
    expect(roundHalfAway(-0.005)).toBe(-0.01);
    expect(roundHalfAway(1.005)).toBe(1.01);
    expect(formatGrade(-0)).toBe('0.00');
    expect(formatGrade(-0.001)).toBe('0.00');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-0.00001)).toBe('0');
  });

  it('a gap that rounds to nothing is ±0.00, not −0.00', () => {
    // 0.3551 and 0.3599 both show as 0.36.
    expect(paceStatus(0.3551, 0.3599, '2025-02-01').why).toBe('0.36 at 2025-02-01; 0.36 expected by then (±0.00)');
    expect(paceStatus(0.3549, 0.3551, '2025-02-01').why).toBe('0.35 at 2025-02-01; 0.36 expected by then (−0.01)');
  });
});

describe('bands are read from the grade as displayed, at every edge', () => {
  const fourBands: Band[] = [
    { id: 'missed', label: 'Missed', min: 0, status: 'red' },
    { id: 'partial', label: 'Partial', min: 0.3, status: 'yellow' },
    { id: 'met', label: 'Met', min: 0.6, status: 'green' },
    { id: 'stretch', label: 'Stretch met', min: 0.9, status: 'green' },
  ];
  it.each<[number, Band[], string, string, string]>([
    [0, DEFAULT_BANDS, 'red', 'Off track', 'red'],
    [0.3949, DEFAULT_BANDS, 'red', 'Off track', 'red'],
    [0.395, DEFAULT_BANDS, 'yellow', 'Progressing', 'yellow'],
    [0.3999, DEFAULT_BANDS, 'yellow', 'Progressing', 'yellow'],
    [0.4, DEFAULT_BANDS, 'yellow', 'Progressing', 'yellow'],
    [0.6949, DEFAULT_BANDS, 'yellow', 'Progressing', 'yellow'],
    [0.695, DEFAULT_BANDS, 'green', 'On target', 'green'],
    [0.7, DEFAULT_BANDS, 'green', 'On target', 'green'],
    [1, DEFAULT_BANDS, 'green', 'On target', 'green'],
    [0.2949, fourBands, 'missed', 'Missed', 'red'],
    [0.295, fourBands, 'partial', 'Partial', 'yellow'],
    [0.595, fourBands, 'met', 'Met', 'green'],
    [0.8949, fourBands, 'met', 'Met', 'green'],
    [0.895, fourBands, 'stretch', 'Stretch met', 'green'],
  ])('%s → %s', (grade, bands, band, word, light) => {
    expect(bandOf(grade, bands)?.id).toBe(band);
    const s = finalStatus(grade, bands);
    expect([s.word, s.light]).toEqual([word, light]);
    // The words beside the band quote the grade as shown, the one the band was read from.
    expect(s.why).toContain(`final grade ${formatGrade(grade)}, in the “${word}” band`);
  });
});

describe('rollups: weighted mean of what is graded, unrounded, with coverage by count and by weight', () => {
  const child = (id: string, grade: number | null, weight?: number, status: Status = paceStatus(grade ?? 0, 0.5, '2025-02-01')) => ({
    id,
    grade,
    weight,
    status,
  });
  it('uses the unrounded grades: 0.125 and 0.124 average 0.1245, shown 0.12 (their shown 0.13 and 0.12 would give 0.13)', () => {
    const r = rollUp([child('a', 0.125), child('b', 0.124)], DEFAULT_BANDS, 'key results', 'in progress');
    expect(formatGrade(r.grade)).toBe('0.12');
    expect(formatGrade(recompute(r.derivation))).toBe('0.12');
  });
  it('weights the graded children, leaves the ungraded out and says so by count and by weight', () => {
    const r = rollUp([child('a', 0.9, 2), child('b', 0.3), child('c', null, 3)], DEFAULT_BANDS, 'key results', 'in progress');
    expect(r.grade).toBeCloseTo((2 * 0.9 + 0.3) / 3, 12);
    expect(r.coverage).toEqual({ graded: 2, total: 3, gradedWeight: 3, totalWeight: 6 });
    expect(r.derivation).toMatch(/^0\.70 = \(2×0\.90 \+ 1×0\.30\) \/ 3 — 1 of 3 key results ungraded and left out$/);
    expect(formatGrade(recompute(r.derivation))).toBe('0.70');
    expect(r.band).toBe('green');
  });
  it('a red child is never hidden: a green mean over a far-behind key result is Far behind', () => {
    const kids = [0.9, 0.9, 0.9].map((g, i) => child(`kr${i + 1}`, g)).concat(child('kr4', 0));
    const r = rollUp(kids, DEFAULT_BANDS, 'key results', 'in progress');
    expect(formatGrade(r.grade)).toBe('0.68');
    expect([r.status.word, r.status.light, r.status.weakest]).toEqual(['Far behind', 'red', 'kr4']);
    // One level up: a team whose other objectives are ahead is still red.
    const team = parentStatus(
      [
        { id: 'o1', status: r.status },
        { id: 'o2', status: paceStatus(0.9, 0.5, '2025-02-01') },
      ],
      'objectives',
      'in progress',
    );
    expect([team.word, team.light, team.weakest]).toEqual(['Far behind', 'red', 'o1']);
  });
  it('after the period, the weakest band: a 0.80 objective with a 0.20 key result is red', () => {
    const kids = [1, 1, 1, 0.2].map((g, i) => child(`kr${i + 1}`, g, 1, finalStatus(g, DEFAULT_BANDS)));
    const r = rollUp(kids, DEFAULT_BANDS, 'key results', 'ended');
    expect(r.band).toBe('green');
    expect([r.status.word, r.status.light]).toEqual(['Off track', 'red']);
  });
});

describe('pace: the grade at its reading against the progress expected by that date', () => {
  const model = krModel;
  const env = (today: string, expectedFinal = 1, period = Q1_2025) => krEnv(today, period, expectedFinal);
  const at = (date: string, value: number) => model({ kind: 'metric', baseline: 0, target: 100, checkins: [{ date, value }] });

  it('expected progress is the elapsed fraction, by inclusive days', () => {
    expect(expectedProgress(Q1, '2025-01-01')).toBeCloseTo(1 / 90, 12);
    expect(expectedProgress(Q1, '2025-02-01')).toBeCloseTo(32 / 90, 12);
    expect(expectedProgress(Q1, '2025-03-31')).toBe(1);
    expect(expectedProgress(Q1, '2024-12-15')).toBe(0);
    expect(expectedProgress(Q1, '2025-04-10')).toBe(1);
  });

  it.each<[string, string, number, number, string]>([
    // 2025-03-31: the whole quarter elapsed; committed expects 1.00, aspirational 0.70.
    ['committed, at 0.90 on the last day: −0.10', '2025-03-31', 90, 1, 'On track'],
    ['committed, at 0.89 on the last day: −0.11', '2025-03-31', 89, 1, 'Behind'],
    ['committed, at 0.70 on the last day: −0.30', '2025-03-31', 70, 1, 'Behind'],
    ['committed, at 0.69 on the last day: −0.31', '2025-03-31', 69, 1, 'Far behind'],
    ['aspirational, at 0.60 on the last day (0.70 expected): −0.10', '2025-03-31', 60, 0.7, 'On track'],
    ['aspirational, at 0.81 on the last day: +0.11', '2025-03-31', 81, 0.7, 'Ahead'],
    ['aspirational, at 0.80 on the last day: +0.10', '2025-03-31', 80, 0.7, 'On track'],
    ['aspirational, at 0.39 on the last day: −0.31', '2025-03-31', 39, 0.7, 'Far behind'],
    // 2025-02-14: 45 of 90 days; aspirational expects 0.35.
    ['aspirational, mid-quarter at 0.46: +0.11', '2025-02-14', 46, 0.7, 'Ahead'],
    ['committed, mid-quarter at 0.46 (0.50 expected): −0.04', '2025-02-14', 46, 1, 'On track'],
    ['a reading before the period starts expects nothing yet', '2024-12-20', 0, 1, 'On track'],
  ])('%s → %s', (_name, date, value, expectedFinal, word) => {
    // The pace at the reading (on the last day the status itself; earlier readings are stale by then).
    const k = computeKr(at(date, value), env('2025-03-31', expectedFinal));
    expect(k.statusAtReading.word).toBe(word);
    expect(k.pace!.date).toBe(date);
  });

  it('a stale reading is held against today’s expectation: an early reading on pace then is far behind now', () => {
    const k = computeKr(at('2025-01-15', 15), env('2025-03-20'));
    expect(k.status.word).toBe('Far behind');
    expect(k.status.why).toBe('0.15 at 2025-01-15, no check-in since; 0.88 expected by today, 2025-03-20 (−0.73)');
    expect(k.pace).toMatchObject({ date: '2025-01-15', gap: -0.73, against: 'today' });
    // The document's status speaks of its reading: the pace then is still on track.
    expect(k.statusAtReading.why).toBe('0.15 at 2025-01-15; 0.17 expected by then (−0.02)');
    expect(k.status.stale).toMatchObject({ krs: 1 });
    // Not stale yet (the day a check-in is due), it is read at its reading.
    const due = computeKr(at('2025-01-17', 15), env('2025-01-20'));
    expect([due.status.word, due.pace!.against]).toEqual(['On track', 'reading']);
  });

  it('a redacted key result without a declared grade is Ungraded (its values are never read here), not waiting for a reading', () => {
    const k = computeKr(model({ kind: 'redacted', values: ['n1'] }), env('2025-02-19'));
    expect([k.grade.value, k.status.word, k.status.why]).toEqual([null, 'Ungraded', 'the values are redacted and no grade is declared']);
    expect(computeKr(model({ kind: 'redacted', values: ['n1'], declared: { grade: 0.3 } }), env('2025-05-01')).status.word).toBe(
      'Off track',
    );
  });

  it('after the period, the final band; a reading in the grace after the end is final too', () => {
    expect(computeKr(at('2025-02-01', 42), env('2025-05-01')).status.word).toBe('Progressing');
    expect(computeKr(at('2025-04-10', 42), env('2025-04-12')).status.word).toBe('Progressing');
  });

  it('a milestone not done grades 0 only once its period is graded, not while it runs', () => {
    const finalized = { ...Q1_2025, finalized: true };
    const milestone = model({ kind: 'milestone', checkins: [{ date: '2025-02-01', value: 'In QA' }] });
    const during = computeKr(milestone, env('2025-02-19', 1, finalized));
    expect([during.grade.value, during.status.word]).toEqual([null, 'Ungraded']);
    const after = computeKr(milestone, env('2025-05-01', 1, finalized));
    expect([after.grade.value, after.status.word, after.status.light]).toEqual([0, 'Off track', 'red']);
  });
});

describe('readings belong to their period', () => {
  const period = { ...Q1 };
  const ctx: GradeContext = { finalized: false, period };
  const history = (x: Record<string, unknown>) => {
    const g = gradeKeyResult(kr(x), ctx);
    return { grade: g.grade, date: g.date, points: g.history().map((h) => [h.grade.value, h.counts]) };
  };
  it('a compound check-in after the grace does not grade the period', () => {
    const r = history({
      kind: 'compound',
      parts: [
        { id: 'a', title: 'a', kind: 'count', target: 4 },
        { id: 'b', title: 'b', kind: 'count', target: 4 },
      ],
      checkins: [
        { date: '2025-03-20', parts: { a: 2, b: 2 } },
        { date: '2025-04-20', parts: { a: 4, b: 4 } },
      ],
    });
    expect([r.grade.value, r.date]).toEqual([0.5, '2025-03-20']);
    expect(r.points).toEqual([
      [0.5, true],
      [1, false],
    ]);
  });
  it('a milestone shipped after the grace is not done in the period', () => {
    const r = history({
      kind: 'milestone',
      checkins: [
        { date: '2025-03-20', value: 'In QA' },
        { date: '2025-05-02', value: 'Shipped' },
      ],
    });
    expect(r.grade.value).toBeNull();
    expect(
      gradeKeyResult(kr({ kind: 'milestone', checkins: [{ date: '2025-05-02', value: 'Shipped' }] }), { finalized: true, period }).grade
        .value,
    ).toBe(0);
  });
  it('a judgement dated after the grace does not grade the period either', () => {
    const late = history({ kind: 'manual', manualGrade: 0.8, rationale: 'Q2 review', asOf: '2025-06-30' });
    expect(late.grade.value).toBeNull();
    expect(late.grade.derivation).toBe(
      "ungraded: its judgement of 2025-06-30 is after the period's grading cutoff (2025-04-14): it does not grade the period",
    );
    // An earlier judgement at a check-in still stands.
    const earlier = history({
      kind: 'manual',
      manualGrade: 0.8,
      rationale: 'Q2 review',
      asOf: '2025-06-30',
      checkins: [{ date: '2025-03-15', grade: 0.4, note: 'Q1 review' }],
    });
    expect([earlier.grade.value, earlier.date]).toEqual([0.4, '2025-03-15']);
    // Within the grace it does.
    expect(history({ kind: 'manual', manualGrade: 0.8, rationale: 'Final review', asOf: '2025-04-10' }).grade.value).toBe(0.8);
  });
  it('a reading dated after today grades nothing until that day, and says so when it is the only one', () => {
    const today = { ...ctx, today: '2025-02-19' };
    const g = gradeKeyResult(
      kr({
        kind: 'metric',
        baseline: 0,
        target: 10,
        checkins: [
          { date: '2025-02-01', value: 4 },
          { date: '2025-03-10', value: 10 },
        ],
      }),
      today,
    );
    expect([g.grade.value, g.date]).toEqual([0.4, '2025-02-01']);
    expect(g.history().map((h) => h.counts)).toEqual([true, false]);
    const only = gradeKeyResult(kr({ kind: 'metric', baseline: 0, target: 10, current: 10, asOf: '2025-03-10' }), today).grade;
    expect([only.value, only.derivation]).toEqual([
      null,
      'ungraded: its reading of 2025-03-10 is dated after today (2025-02-19): it counts from that day',
    ]);
    // On that day it counts.
    expect(
      gradeKeyResult(kr({ kind: 'metric', baseline: 0, target: 10, current: 10, asOf: '2025-03-10' }), { ...ctx, today: '2025-03-10' })
        .grade.value,
    ).toBe(1);
  });
  it('a key result whose only reading is too late says so, rather than "no value yet"', () => {
    const r = history({ kind: 'metric', baseline: 0, target: 10, current: 9, asOf: '2025-06-30' });
    expect(r.grade.value).toBeNull();
    expect(r.grade.derivation).toBe(
      "ungraded: its reading of 2025-06-30 is after the period's grading cutoff (2025-04-14): it does not grade the period",
    );
    // A reading in time that cannot be graded keeps its own reason.
    expect(
      history({
        kind: 'milestone',
        checkins: [
          { date: '2025-03-01', value: 'In QA' },
          { date: '2025-05-01', value: 'Shipped' },
        ],
      }).grade.derivation,
    ).toBe('ungraded: milestone not done yet and no grade given');
  });
  it('a check-in judgement after the grace is shown, not counted', () => {
    const r = history({
      kind: 'milestone',
      checkins: [
        { date: '2025-03-01', value: 'In build', grade: 0.3, note: 'slipping' },
        { date: '2025-05-01', value: 'In QA', grade: 0.7, note: 'better' },
      ],
    });
    expect(r.grade.value).toBe(0.3);
    expect(r.points).toEqual([
      [0.3, true],
      [0.7, false],
    ]);
  });
});

describe('stale by the period’s schedule', () => {
  const base = { ...Q1 };
  it.each<[string, Record<string, unknown>, (string | undefined)[], string, boolean, number | null, string | null]>([
    // monthly on Mondays: 2025-01-06, 2025-02-03, 2025-03-03
    [
      'monthly: due the first Monday after the last check-in',
      { checkinCadence: 'monthly' },
      ['2025-01-10'],
      '2025-02-04',
      true,
      1,
      '2025-02-03',
    ],
    ['monthly: not due until then', { checkinCadence: 'monthly' }, ['2025-01-10'], '2025-02-03', false, null, '2025-02-03'],
    // biweekly on Thursdays from 2025-01-02: 01-02, 01-16, 01-30, 02-13 …
    ['biweekly on Thursdays', { checkinCadence: 'biweekly', checkinDay: 'thursday' }, ['2025-01-16'], '2025-02-05', true, 6, '2025-01-30'],
    [
      'listed dates',
      {
        checkins: [
          { date: '2025-02-15', type: 'biweekly' },
          { date: '2025-01-15', type: 'biweekly' },
        ],
      },
      ['2025-01-15'],
      '2025-02-20',
      true,
      5,
      '2025-02-15',
    ],
    ['no check-in yet: due on the first scheduled day', { checkinCadence: 'weekly' }, [], '2025-01-20', true, 14, '2025-01-06'],
    ['an undated reading is no check-in', { checkinCadence: 'weekly' }, [undefined], '2025-01-08', true, 2, '2025-01-06'],
    ['no schedule: never stale', {}, ['2025-01-02'], '2025-03-20', false, null, null],
  ])('%s', (_name, schedule, dates, today, stale, overdue, nextDue) => {
    const f = freshness(dates, base, checkinSchedule({ ...base, ...schedule }), today, true);
    expect([f.stale, f.overdueDays, f.nextDue]).toEqual([stale, overdue, nextDue]);
  });
});

describe('declared against computed grade: a disagreement is more than 0.01 apart', () => {
  const computed = (value: number) => ({ value, source: 'computed' as const, derivation: `${formatGrade(value)} = …` });
  it.each([
    [0.56, 0.57, false],
    [0.56, 0.55, false],
    [0.56, 0.56, false],
    [0.56, 0.5701, true],
    [0.56, 0.5499, true],
    [0.56, 0.625, true],
    [0.3, 0.29, false],
  ])('declared %s, computed %s: flagged %s', (declared, value, flagged) => {
    expect(gradeAudit(declared, computed(value), 0.01) !== null).toBe(flagged);
  });
  it('a disagreement just past the tolerance prints enough digits to show it', () => {
    expect(gradeAudit(0.56, computed(0.5701), 0.01)).toMatchObject({
      declared: '0.5600',
      computed: '0.5701',
      reason: 'The document declares 0.5600; the handbook computes 0.5701 (0.57 = …).',
    });
    expect(gradeAudit(0.56, computed(0.625), 0.01)).toMatchObject({ declared: '0.56', computed: '0.63' });
  });
  it('a grade that is the declaration itself is never compared with itself', () => {
    expect(gradeAudit(0.2, { value: 0.9, source: 'declared', derivation: '0.90: declared' }, 0.01)).toBeNull();
  });
});

describe('a small handbook through the loader', () => {
  /** A handbook of two teams, Q1 2025 checking in weekly and a quarter far ahead, with these key results. */
  function handbook(companyKrs: string, engKrs = ''): string {
    const dir = mkdtempSync(join(tmpdir(), 'okr-grading-spec-'));
    const write = (path: string, text: string) => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    write('org.yaml', 'name: Spec Co\n');
    write(
      'teams.yaml',
      'teams:\n  - { id: company, name: Spec Co, lead: ceo }\n  - { id: eng, name: Engineering, parent: company, lead: cto }\n',
    );
    write(
      'people.yaml',
      'people:\n  - { id: ceo, name: Ada, title: CEO, team: company }\n  - { id: cto, name: Grace, title: CTO, team: eng }\n',
    );
    write('periods/2025-Q1.yaml', 'id: 2025-Q1\nkind: quarter\ncheckinCadence: weekly\n');
    write('periods/2099-Q1.yaml', 'id: 2099-Q1\nkind: quarter\n');
    write(
      'okrs/2025-Q1/company.yaml',
      `period: 2025-Q1\nteam: company\nobjectives:\n  - id: grow\n    title: Grow\n    owner: ceo\n    weight: 3\n    keyResults:\n${companyKrs}`,
    );
    if (engKrs)
      write(
        'okrs/2025-Q1/eng.yaml',
        `period: 2025-Q1\nteam: eng\nobjectives:\n  - id: ship\n    title: Ship\n    owner: cto\n    parent: grow\n    type: aspirational\n    keyResults:\n${engKrs}`,
      );
    write(
      'okrs/2099-Q1/company.yaml',
      `period: 2099-Q1\nteam: company\nobjectives:\n  - id: later\n    title: Later\n    owner: ceo\n    keyResults:\n      - { id: kr1, title: pre-filled, kind: metric, baseline: 0, target: 10, current: 4 }\n`,
    );
    return dir;
  }
  const krs = (...lines: string[]) => lines.map((l) => `      - ${l}\n`).join('');

  it.each([
    ['a non-numeric current on a metric', '{ id: kr1, title: a, kind: metric, baseline: 0, target: 10, current: about five }', /current/],
    [
      'a non-numeric check-in on a count',
      '{ id: kr1, title: a, kind: count, target: 10, checkins: [{ date: 2025-02-01, value: n/a }] }',
      /numeric check-in value, not "n\/a"/,
    ],
    ['a milestone’s manual grade without a rationale', '{ id: kr1, title: a, kind: milestone, manualGrade: 0.5 }', /rationale/],
  ])('%s is an error at its line', (_name, line, message) => {
    const r = computeHandbook(handbook(krs(line)), { today: '2025-02-19' });
    expect(r.ok).toBe(false);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.file.endsWith('okrs/2025-Q1/company.yaml'), i.line])).toEqual([[true, 9]]);
    expect(errors[0]!.message).toMatch(message);
  });

  it.each([
    [
      '40 → 60 % given 0.5',
      true,
      '{ id: kr1, title: a, kind: metric, unit: "%", baseline: 40, target: 60, current: 0.5, asOf: 2025-02-01 }',
    ],
    // "Reduce errors from 2.5% to < 1%": 0.8% is a reading, not a slip.
    [
      '< 1 % from 2.5 % given 0.8',
      false,
      '{ id: kr1, title: a, kind: threshold, operator: "<", unit: "%", baseline: 2.5, target: 1, current: 0.8, asOf: 2025-02-01 }',
    ],
    [
      '5 % → 0.5 % given 0.8',
      false,
      '{ id: kr1, title: a, kind: metric, unit: "%", baseline: 5, target: 0.5, current: 0.8, asOf: 2025-02-01 }',
    ],
  ])('a percentage written as a fraction is read against the target: %s, warned %s', (_name, warned, line) => {
    const issues = computeHandbook(handbook(krs(line)), { today: '2025-02-19' }).issues;
    expect(issues.filter((i) => /a fraction written for a percentage/.test(i.message)).length).toBe(warned ? 1 : 0);
  });

  it('a judgement dated outside its period is warned about with its line, like any reading', () => {
    const dir = handbook(krs('{ id: kr1, title: a, kind: manual, manualGrade: 0.5, rationale: Q2 review, asOf: 2025-06-30 }'));
    const r = computeHandbook(dir, { today: '2025-02-19' });
    const w = r.issues.filter((i) => i.severity === 'warning' && i.file.endsWith('company.yaml'));
    expect(w.map((i) => [i.line, i.message])).toEqual([
      [
        9,
        'the judgement as of 2025-06-30 is after 2025-Q1 ended (2025-03-31) and its grading cutoff (2025-04-14): it does not grade 2025-Q1',
      ],
    ]);
    const k = r.handbook!.objectives.find((o) => o.id === 'grow')!.keyResults[0]!;
    expect([k.grade.value, k.status.word]).toEqual([null, 'Ungraded']);
  });

  const mixed = handbook(
    krs(
      '{ id: kr1, title: ahead, kind: metric, baseline: 0, target: 10, checkins: [{ date: 2025-02-01, value: 9 }] }',
      '{ id: kr2, title: off, kind: metric, baseline: 0, target: 10, weight: 2, checkins: [{ date: 2025-02-01, value: 0 }] }',
      '{ id: kr3, title: no reading, kind: count, target: 3 }',
      '{ id: kr4, title: parts, kind: compound, asOf: 2025-02-01, parts: [{ id: sso, title: SSO, kind: milestone, done: true }, { id: deals, title: deals, kind: count, target: 4, current: 1 }] }',
    ),
    krs('{ id: kr1, title: eng, kind: metric, baseline: 0, target: 10, checkins: [{ date: 2025-02-01, value: 3 }] }'),
  );

  it('mid-quarter: pace per key result, the weakest child for parents, coverage by count and weight', () => {
    const h = computeHandbook(mixed, { today: '2025-02-19' }).handbook!;
    const grow = h.objectives.find((o) => o.id === 'grow')!;
    expect(grow.keyResults.map((k) => [k.id, formatGrade(k.grade.value), k.status.word])).toEqual([
      ['kr1', '0.90', 'Ahead'],
      ['kr2', '0.00', 'Far behind'],
      ['kr3', '—', 'No reading'],
      // 0.63 was ahead of 2025-02-01's 0.36; its check-in overdue, it is held against today's 0.56.
      ['kr4', '0.63', 'On track'],
    ]);
    expect(grow.rollup.grade).toBeCloseTo((0.9 + 0 + 0.625) / 4, 12);
    expect(grow.rollup.coverage).toEqual({ graded: 3, total: 4, gradedWeight: 4, totalWeight: 5 });
    expect([grow.status.word, grow.status.light, grow.status.weakest]).toEqual(['Far behind', 'red', 'KR2']);
    // Engineering's aspirational objective: 0.30 at 2025-02-01 against 0.7 × 32/90 = 0.25 then, and,
    // its check-in overdue, against 0.7 × 50/90 = 0.39 today.
    const ship = h.objectives.find((o) => o.id === 'ship')!;
    expect(ship.keyResults[0]!.statusAtReading.why).toBe('0.30 at 2025-02-01; 0.25 expected by then (+0.05)');
    expect(ship.keyResults[0]!.status.why).toBe('0.30 at 2025-02-01, no check-in since; 0.39 expected by today, 2025-02-19 (−0.09)');
    // Team-period: each team's own objectives; company-period: the root team's objectives only.
    const team = (id: string) => h.teamPeriods.find((t) => t.period === '2025-Q1' && t.team === id)!;
    expect(team('eng').grade).toBeCloseTo(0.3, 12);
    expect(team('company').grade).toBeCloseTo(grow.rollup.grade!, 12);
    const company = h.companyPeriods.find((c) => c.period === '2025-Q1')!;
    expect(company.objectives).toEqual(['grow']);
    expect([company.status.word, company.status.light]).toEqual(['Far behind', 'red']);
    // Every derivation reproduces the grade printed beside it.
    for (const d of [
      grow.rollup,
      team('eng'),
      company,
      ...grow.keyResults.map((k) => ({ grade: k.grade.value, derivation: k.grade.derivation })),
    ]) {
      if (d.grade === null) continue;
      const again = recompute(d.derivation);
      if (again !== undefined) expect(formatGrade(again), d.derivation).toBe(formatGrade(d.grade));
    }
  });

  it('a period that has not started is neither graded nor rolled up, whatever is pre-filled', () => {
    const h = computeHandbook(mixed, { today: '2025-02-19' }).handbook!;
    const later = h.objectives.find((o) => o.id === 'later')!;
    expect([later.keyResults[0]!.grade.value, later.keyResults[0]!.status.word]).toEqual([null, 'Not started']);
    expect([later.rollup.grade, later.status.word]).toEqual([null, 'Not started']);
    const company = h.companyPeriods.find((c) => c.period === '2099-Q1')!;
    expect([company.grade, company.status.word, company.derivation]).toEqual([null, 'Not started', 'ungraded: the period has not started']);
    expect(h.teamPeriods.find((t) => t.period === '2099-Q1')!.grade).toBeNull();
  });

  it('okr remind lists every key result behind pace and every overdue check-in, per owner', () => {
    const h = computeHandbook(mixed, { today: '2025-02-19' }).handbook!;
    const digest = remindDigest(remindInput(h));
    expect(digest.periods).toEqual(['2025-Q1']);
    const behind = h.objectives
      .filter((o) => o.period === '2025-Q1')
      .flatMap((o) => o.keyResults)
      .filter((k) => k.status.key === 'behind' || k.status.key === 'far behind')
      .map((k) => k.uid);
    expect(behind).toEqual(['grow.kr2']);
    expect(digest.owners.flatMap((o) => o.behind.map((i) => i.keyResult))).toEqual(behind);
    const stale = h.objectives.flatMap((o) => o.keyResults).filter((k) => k.freshness.stale).length;
    expect(digest.totals.overdue).toBe(stale);
    expect(stale).toBe(5);
    // After the quarter: nothing is in progress, nothing to remind.
    expect(remindDigest(remindInput(computeHandbook(mixed, { today: '2025-05-01' }).handbook!)).totals).toEqual({
      overdue: 0,
      behind: 0,
      noReading: 0,
    });
  });
});
