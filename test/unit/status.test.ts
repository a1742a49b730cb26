// The one status model (docs/grading.md), table-driven: pace words, final bands, what has no status,
// parents that never hide a red child, declared statuses read in the same model, period states and
// freshness by the check-in schedule.
import { describe, expect, it } from 'vitest';
import { gradeAudit, statusAudit } from '../../src/lib/audit.ts';
import { formatGrade } from '../../src/lib/format.ts';
import { checkinSchedule, freshness } from '../../src/lib/freshness.ts';
import { computeKr } from '../../src/lib/key-results.ts';
import { paceOf } from '../../src/lib/pace.ts';
import { join } from 'node:path';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { archiveNote, periodState } from '../../src/lib/period-state.ts';
import { DEFAULT_BANDS, type Band } from '../../src/lib/schema/index.ts';
import {
  declaredLights,
  declaredWords,
  finalStatus,
  krStatus,
  MODEL_WORDS,
  PACE_WORD,
  paceAt,
  paceStatus,
  parentStatus,
  staleTag,
  staleWords,
  type Status,
} from '../../src/lib/status.ts';
import { krsWeakestFirst } from '../../src/lib/views/attention.ts';
import { copyContent, edit } from '../helpers.ts';
import { krEnv, krModel, Q1_2025 } from '../kr-env.ts';

describe('pace: the grade at a reading against the progress expected by its date, as displayed', () => {
  it.each([
    [0.47, 0.36, 'ahead'],
    [0.46, 0.36, 'on track'], // +0.10 exactly
    [0.36, 0.36, 'on track'],
    [0.26, 0.36, 'on track'], // −0.10 exactly
    [0.25, 0.36, 'behind'],
    [0.06, 0.36, 'behind'], // −0.30 exactly
    [0.05, 0.36, 'far behind'],
    [0, 0.9, 'far behind'],
    // Read from the numbers shown: 0.45 against 0.35 is +0.10, on track (unrounded it is +0.11).
    [0.4549, 0.3451, 'on track'],
  ])('%s against %s expected is %s', (grade, expected, pace) => expect(paceOf(grade, expected)).toBe(pace));

  it('words, lights and the numbers behind them', () => {
    expect(paceStatus(0.4167, 32 / 90, '2025-02-01')).toMatchObject({
      key: 'on track',
      word: 'On track',
      light: 'green',
      why: '0.42 at 2025-02-01; 0.36 expected by then (+0.06)',
    });
    expect(paceStatus(0.2, 0.36, '2025-02-01')).toMatchObject({
      word: 'Behind',
      light: 'yellow',
      why: '0.20 at 2025-02-01; 0.36 expected by then (−0.16)',
    });
    expect(paceStatus(0, 0.5, undefined)).toMatchObject({
      word: 'Far behind',
      light: 'red',
      why: '0.00 now (undated reading); 0.50 expected by then (−0.50)',
    });
  });
});

describe('a key result’s status', () => {
  const bands = DEFAULT_BANDS;
  const base = { grade: 0.42, date: '2025-02-01', expected: 0.36, hasReading: true } as const;
  it.each<[string, Parameters<typeof krStatus>[0], string, string | null]>([
    ['during the period: its pace', { ...base, phase: 'in progress' }, 'On track', 'green'],
    [
      'during, aspirational (expected scaled to 0.7 × elapsed = 0.25)',
      { ...base, expected: 0.7 * 0.36, phase: 'in progress' },
      'Ahead',
      'green',
    ],
    ['after the period: its final grade’s band', { ...base, phase: 'ended' }, 'Progressing', 'yellow'],
    ['graded: the band of the grade as displayed (0.695 shows 0.70)', { ...base, grade: 0.695, phase: 'graded' }, 'On target', 'green'],
    ['graded: 0.395 shows 0.40, never red', { ...base, grade: 0.395, phase: 'graded' }, 'Progressing', 'yellow'],
    ['a reading after the end (in its grace) is final', { ...base, phase: 'in progress', final: true }, 'Progressing', 'yellow'],
    ['no reading', { ...base, grade: null, hasReading: false, phase: 'in progress' }, 'No reading', null],
    ['a reading that cannot be graded', { ...base, grade: null, phase: 'in progress' }, 'Ungraded', null],
    ['a period that has not started', { ...base, phase: 'upcoming', startsOn: '2099-01-01' }, 'Not started', null],
  ])('%s', (_name, input, word, light) => {
    const s = krStatus(input, bands);
    expect([s.word, s.light]).toEqual([word, light]);
  });

  const [q1, model, env] = [Q1_2025, krModel, krEnv];
  const latency = model({
    kind: 'metric',
    baseline: 800,
    target: 400,
    declared: { grade: 0.56, status: 'yellow', statusNote: 'On track' },
    checkins: [{ date: '2025-02-01', value: 550 }],
  });

  it('mid-quarter: stale by the weekly schedule, so held against the progress expected today', () => {
    const k = computeKr(latency, env('2025-02-19'));
    expect(k.status).toMatchObject({
      word: 'On track',
      why: '0.63 at 2025-02-01, no check-in since; 0.56 expected by today, 2025-02-19 (+0.07)',
      stale: { krs: 1, days: 16 },
    });
    expect(k.pace).toMatchObject({ date: '2025-02-01', gap: 0.07, pace: 'on track', against: 'today' });
    // What the document's "On track" is compared with: the pace at its reading.
    expect(k.statusAtReading).toMatchObject({ word: 'Ahead', why: '0.63 at 2025-02-01; 0.36 expected by then (+0.27)' });
    expect(staleTag(k.status)).toBe('stale');
    expect(k.expectedNow).toBeCloseTo(50 / 90, 10);
    expect(k.freshness).toMatchObject({ last: '2025-02-01', daysSince: 18, nextDue: '2025-02-03', stale: true, overdueDays: 16 });
    expect(k.freshness.label).toBe('Last check-in 18 days ago (2025-02-01); due 2025-02-03, 16 days overdue');
  });
  it('the day a check-in is due it is not stale yet; after the period nothing is stale', () => {
    expect(computeKr(latency, env('2025-02-03')).freshness.stale).toBe(false);
    expect(computeKr(latency, env('2025-05-01')).freshness.stale).toBe(false);
    expect(computeKr(latency, env('2025-05-01')).status.word).toBe('Progressing');
  });
  it('an aspirational objective’s key result is paced against 0.7 of the elapsed fraction', () => {
    const k = computeKr(
      model({ kind: 'metric', baseline: 0, target: 10, checkins: [{ date: '2025-02-14', value: 3 }] }),
      env('2025-02-17', q1, 0.7),
    );
    expect(k.pace!.expected).toBeCloseTo((45 / 90) * 0.7, 10);
    expect(k.status.word).toBe('On track');
  });
  it('a period that has not started is not graded, whatever is pre-filled', () => {
    const future = { ...q1, id: '2099-Q1', start: '2099-01-01', end: '2099-03-31' };
    const k = computeKr(model({ kind: 'metric', baseline: 0, target: 10, current: 4 }), env('2026-12-07', future));
    expect(k.grade).toMatchObject({ value: null, derivation: 'ungraded: the period has not started (it starts on 2099-01-01)' });
    expect(k.status.word).toBe('Not started');
    expect(k.audit).toEqual({ grade: null, status: null });
  });
  it('a declared status is compared with the status at the reading it describes, after the period too', () => {
    const ahead = model({
      kind: 'metric',
      baseline: 120,
      target: 90,
      declared: { status: 'green', statusNote: 'Ahead' },
      checkins: [{ date: '2025-02-01', value: 105 }],
    });
    for (const today of ['2025-02-19', '2026-11-23']) expect(computeKr(ahead, env(today)).audit.status).toBeNull();
    // After the quarter its status is the final band (0.50: Progressing), yet "Ahead" spoke of 2025-02-01.
    expect(computeKr(ahead, env('2026-11-23')).status.word).toBe('Progressing');
  });
});

describe('a parent’s status is its weakest child’s: a red child is never hidden', () => {
  const s = (word: string) =>
    ({
      Ahead: paceStatus(0.9, 0.5, 'd'),
      'On track': paceStatus(0.5, 0.5, 'd'),
      Behind: paceStatus(0.3, 0.5, 'd'),
      'Far behind': paceStatus(0, 0.5, 'd'),
    })[word]!;
  const none = (key: 'no reading' | 'ungraded'): Status =>
    krStatus({ phase: 'in progress', grade: null, date: undefined, expected: 0.5, hasReading: key === 'ungraded' }, DEFAULT_BANDS);
  it.each<[string, { id: string; status: Status }[], string, string | null]>([
    [
      'one far-behind child among good ones',
      [
        { id: 'KR1', status: s('Ahead') },
        { id: 'KR2', status: s('Far behind') },
        { id: 'KR3', status: s('On track') },
      ],
      'Far behind',
      'KR2',
    ],
    [
      'behind beats on track',
      [
        { id: 'KR1', status: s('On track') },
        { id: 'KR2', status: s('Behind') },
      ],
      'Behind',
      'KR2',
    ],
    [
      'children without a status do not count',
      [
        { id: 'KR1', status: none('no reading') },
        { id: 'KR2', status: s('Ahead') },
      ],
      'Ahead',
      'KR2',
    ],
    [
      'final bands: the lowest band',
      [
        { id: 'KR1', status: finalStatus(0.9, DEFAULT_BANDS) },
        { id: 'KR2', status: finalStatus(0.2, DEFAULT_BANDS) },
      ],
      'Off track',
      'KR2',
    ],
    ['none has a reading', [{ id: 'KR1', status: none('no reading') }], 'No reading', null],
    ['a reading that cannot be graded', [{ id: 'KR1', status: none('ungraded') }], 'Ungraded', null],
    ['no children', [], 'No reading', null],
  ])('%s', (_name, children, word, weakest) => {
    const p = parentStatus(children, 'key results', 'in progress');
    expect([p.word, p.weakest]).toEqual([word, weakest]);
  });
  it('says in words that no child has a reading or a grade, one child or many', () => {
    expect(parentStatus([{ id: 'KR1', status: none('no reading') }], 'key results', 'ended').why).toBe(
      'its only key result has no reading',
    );
    expect(parentStatus([{ id: 'O1', status: none('ungraded') }], 'objectives', 'ended').why).toBe('its only objective has no grade');
    const two = [
      { id: 'KR1', status: none('no reading') },
      { id: 'KR2', status: none('no reading') },
    ];
    expect(parentStatus(two, 'key results', 'ended').why).toBe('none of its 2 key results has a reading');
  });
  it('says which child set it, and counts stale key results below', () => {
    const stale = { ...s('Ahead'), stale: { krs: 1, days: 16 } };
    const p = parentStatus(
      [
        { id: 'KR1', status: stale },
        { id: 'KR2', status: s('Behind') },
      ],
      'key results',
      'in progress',
    );
    expect(p.why).toBe(
      'the weakest of its 2 key results with a status (a parent takes its weakest child’s status, so a weak one is never hidden behind a good average): KR2: 0.30 at d; 0.50 expected by then (−0.20)',
    );
    expect(p.stale).toEqual({ krs: 1, days: 16 });
    expect(p.counts).toEqual({ Ahead: 1, Behind: 1 });
  });
  it('ties go to the child further behind (gap, or final grade), named by title', () => {
    const p = parentStatus(
      [
        { id: 'KR1', name: 'KR1 “Grow ARR”', status: finalStatus(0.42, DEFAULT_BANDS) },
        { id: 'KR2', name: 'KR2 “Cut churn”', status: finalStatus(0.4, DEFAULT_BANDS) },
      ],
      'key results',
      'ended',
    );
    expect([p.weakest, p.via]).toEqual(['KR2', 'KR2 “Cut churn”: final grade 0.40, in the “Progressing” band (0.40 up to 0.70)']);
    const team = parentStatus(
      [
        { id: 'o1', name: '“Retain customers”', status: p },
        { id: 'o2', name: '“Win deals”', status: finalStatus(0.5, DEFAULT_BANDS) },
      ],
      'objectives',
      'ended',
    );
    expect(team.why).toBe(
      'the weakest of its 2 objectives with a status (a parent takes its weakest child’s status, so a weak one is never hidden behind a good average): “Retain customers”, at KR2 “Cut churn”: final grade 0.40, in the “Progressing” band (0.40 up to 0.70)',
    );
    const during = parentStatus(
      [
        { id: 'KR1', status: paceStatus(0.3, 0.36, 'd') },
        { id: 'KR2', status: paceStatus(0.27, 0.36, 'd') },
      ],
      'key results',
      'in progress',
    );
    expect([during.word, during.weakest]).toEqual(['On track', 'KR2']);
  });
  it('a period that has not started: not started', () => {
    expect(parentStatus([], 'objectives', 'upcoming').word).toBe('Not started');
  });
});

describe('declared statuses in the model’s terms, and the audit comparing like with like', () => {
  it.each([
    [{ status: 'yellow', statusNote: 'On track' }, ['green', 'yellow']], // a pace word, and the emoji's colour
    [{ status: 'green', statusNote: 'Ahead' }, ['green']],
    [{ status: 'yellow', statusNote: 'Behind' }, ['yellow']],
    [{ status: 'red', statusNote: 'Behind' }, ['yellow', 'red']],
    [{ status: 'yellow', statusNote: 'At risk' }, ['yellow']],
    [{ statusNote: 'Off track' }, ['red']],
    [{ status: 'red' }, ['red']],
    [{ status: 'yellow', statusNote: 'Waiting on legal' }, ['yellow']],
    [{ statusNote: 'Waiting on legal' }, []],
  ] as const)('%o allows %o', (d, lights) => expect(declaredLights(d)).toEqual(lights));

  it('grade: beyond the tolerance only, never against a declared source', () => {
    const computed = { value: 0.625, source: 'computed' as const, derivation: '0.63 = (550 − 800) / (400 − 800)' };
    expect(gradeAudit(0.56, computed, 0.01)?.reason).toBe(
      'The document declares 0.56; the handbook computes 0.63 (0.63 = (550 − 800) / (400 − 800)).',
    );
    expect(gradeAudit(0.42, { ...computed, value: 5 / 12 }, 0.01)).toBeNull();
    expect(gradeAudit(0.6, { ...computed, value: 0.6, source: 'declared' }, 0.01)).toBeNull();
    expect(gradeAudit(undefined, computed, 0.01)).toBeNull();
  });
  it('status: a pace statement against the pace; a colour against the final band', () => {
    expect(statusAudit({ status: 'green', statusNote: 'Ahead' }, paceStatus(0.5, 0.36, '2025-02-01'), 'key result')).toBeNull();
    expect(statusAudit({ status: 'yellow', statusNote: 'On track' }, paceStatus(0.5, 0.36, '2025-02-01'), 'key result')).toBeNull();
    expect(statusAudit({ status: 'yellow', statusNote: 'Behind' }, paceStatus(0.4, 0.36, '2025-02-01'), 'key result')?.reason).toBe(
      'The document says “🟡 Behind” (yellow); by the handbook’s pace the key result is On track (green): 0.40 at 2025-02-01; 0.36 expected by then (+0.04).',
    );
    expect(statusAudit({ status: 'red', statusNote: 'Behind' }, paceStatus(0, 0.36, '2025-02-01'), 'key result')).toBeNull();
    expect(statusAudit({ status: 'green' }, finalStatus(0.3, DEFAULT_BANDS), 'key result')?.reason).toBe(
      'The document says “🟢 green” (green); by its final grade the key result is Off track (red): final grade 0.30, in the “Off track” band (below 0.40).',
    );
  });
});

describe('period state', () => {
  const q1 = { start: '2025-01-01', end: '2025-03-31' };
  it.each([
    ['2024-12-31', q1, 'upcoming', 'Upcoming — starts 2025-01-01'],
    ['2025-01-01', q1, 'in progress', 'In progress — week 1 of 13'],
    ['2025-02-19', q1, 'in progress', 'In progress — week 8 of 13'],
    ['2025-03-31', q1, 'in progress', 'In progress — week 13 of 13'],
    ['2025-04-01', q1, 'ended', 'Ended 2025-03-31, not graded yet'],
    ['2025-04-01', { ...q1, finalized: true }, 'graded', 'Graded (ended 2025-03-31)'],
    // A grading date that has passed on a period not graded is flagged; the day itself is not late yet.
    ['2025-04-05', { ...q1, gradingDate: '2025-04-05' }, 'ended', 'Ended 2025-03-31, not graded yet'],
    ['2026-12-07', { ...q1, gradingDate: '2025-04-05' }, 'ended', 'Ended 2025-03-31, not graded yet — grading was due 2025-04-05'],
    ['2026-12-07', { ...q1, gradingDate: '2025-04-05', finalized: true }, 'graded', 'Graded (ended 2025-03-31)'],
  ])('on %s: %s', (today, period, phase, label) => {
    expect(periodState(period, today)).toMatchObject({ phase, label });
  });

  it.each([
    ['2025-02-19', {}, undefined],
    ['2026-12-07', {}, 'This period has ended and is not graded yet: its grades may still change until it is.'],
    [
      '2026-12-07',
      { gradingDate: '2025-04-05' },
      'This period has ended and is not graded yet (grading was due 2025-04-05): its grades may still change until it is.',
    ],
    ['2026-12-07', { finalized: true }, 'This period is graded: its grades are final, a record rather than the current plan.'],
  ])('"graded" means final grades, nothing else: on %s, %o → %s', (today, extra, note) => {
    expect(archiveNote(periodState({ ...q1, ...extra }, today))).toBe(note);
  });
});

describe('one vocabulary: a word means one thing on every page, export and filter', () => {
  it('pace words are not band labels: the worst pace is "Far behind", a default band "Off track"', () => {
    expect(Object.values(PACE_WORD)).toEqual(['Ahead', 'On track', 'Behind', 'Far behind']);
    for (const b of DEFAULT_BANDS) expect(MODEL_WORDS.map((w) => w.toLowerCase())).not.toContain(b.label.toLowerCase());
  });

  it.each([
    ['Far behind', 1],
    ['on track', 1],
    ['No reading', 1],
    ['Off track', 0],
    ['Missed', 0],
  ])('okr check warns when a band is labelled "%s": %s warning', (label, n) => {
    const dir = copyContent();
    edit(join(dir, 'org.yaml'), 'label: Progressing', `label: ${label}`);
    const issues = computeHandbook(dir, { today: '2025-02-19' }).issues.filter((i) => /status model's words/.test(i.message));
    expect(issues.length).toBe(n);
    if (n) expect(issues[0]).toMatchObject({ severity: 'warning', path: 'grading.bands[1].label' });
  });

  it.each<[Parameters<typeof declaredWords>[0], string | null]>([
    [{ status: 'yellow', statusNote: 'On Track' }, 'Declared “On track” (yellow)'],
    [{ status: 'yellow', statusNote: 'on-track' }, 'Declared “On track” (yellow)'],
    [{ status: 'green', statusNote: 'Ahead' }, 'Declared “Ahead” (green)'],
    [{ status: 'green' }, 'Declared Green'],
    [{ status: 'red' }, 'Declared Red'],
    [{ statusNote: 'Waiting on Legal' }, 'Declared “Waiting on Legal”'],
    [{}, null],
    [undefined, null],
  ])('a declared status is shown as declared, spelled once: %o → %s', (d, words) => expect(declaredWords(d)).toBe(words));

  it.each([
    ['ahead', '2025-02-01', 'Ahead at 2025-02-01'],
    ['far behind', '2025-03-03', 'Far behind at 2025-03-03'],
  ] as const)('a check-in’s pace is dated, never a status of today: %s at %s', (pace, date, words) =>
    expect(paceAt(pace, date)).toBe(words),
  );

  const fourBands: Band[] = [
    { id: 'missed', label: 'Missed', min: 0, status: 'red' },
    { id: 'partial', label: 'Partial', min: 0.3, status: 'yellow' },
    { id: 'met', label: 'Met', min: 0.7, status: 'green' },
  ];
  it.each<[number, readonly Band[], string]>([
    [0.63, DEFAULT_BANDS, 'final grade 0.63, in the “Progressing” band (0.40 up to 0.70)'],
    [0.2, DEFAULT_BANDS, 'final grade 0.20, in the “Off track” band (below 0.40)'],
    [0.9, DEFAULT_BANDS, 'final grade 0.90, in the “On target” band (0.70 and above)'],
    [0.3, fourBands, 'final grade 0.30, in the “Partial” band (0.30 up to 0.70)'],
  ])('a final status in plain words: %s', (grade, bands, why) => expect(finalStatus(grade, bands).why).toBe(why));
});

describe('a final grade that rests on an early reading says so, by the period’s schedule', () => {
  const at = (date: string) => krModel({ kind: 'metric', baseline: 0, target: 100, checkins: [{ date, value: 50 }] });
  it.each<[string, string, string]>([
    // Q1 2025 checks in on Mondays; its last is 2025-03-31, its last day.
    [
      '2025-02-01',
      'final, from the reading of 2025-02-01 — 8 weeks before the end',
      'from the reading of 2025-02-01 — 8 weeks before the end',
    ],
    [
      '2025-03-28',
      'final, from the reading of 2025-03-28 — 3 days before the end',
      'from the reading of 2025-03-28 — 3 days before the end',
    ],
    ['2025-03-31', '', ''],
    ['2025-04-03', '', ''], // in the grace after the end
  ])('last reading %s: %s', (date, note, why) => {
    const k = computeKr(at(date), krEnv('2025-05-01'));
    expect(k.status.key).toBe('final');
    expect(staleWords(k.status)).toBe(note);
    expect(staleTag(k.status)).toBe(note ? 'early reading' : '');
    if (why) expect(k.status.why).toContain(why);
    else expect(k.status.why).not.toMatch(/from the reading/);
  });
  it('a period without a schedule flags nothing', () => {
    const q1 = { ...Q1_2025, checkinCadence: undefined, checkinDay: undefined } as typeof Q1_2025;
    expect(computeKr(at('2025-02-01'), krEnv('2025-05-01', q1)).status.early).toBeNull();
  });
  it('a parent sums them', () => {
    const p = parentStatus(
      ['2025-02-01', '2025-03-03', '2025-03-31'].map((d, i) => ({ id: `KR${i}`, status: computeKr(at(d), krEnv('2025-05-01')).status })),
      'key results',
      'ended',
    );
    expect(staleWords(p, true)).toBe('2 key results final from readings up to 8 weeks before the end');
  });
  it('an ended period ranks by band, then final grade — not by the pace at the last reading', () => {
    // 0.60 read early (ahead of pace then) and 0.45 read on the last day (behind pace then).
    const early = computeKr(
      krModel({ kind: 'metric', baseline: 0, target: 100, checkins: [{ date: '2025-01-20', value: 60 }] }),
      krEnv('2025-05-01'),
    );
    const late = computeKr(
      krModel({ kind: 'metric', baseline: 0, target: 100, checkins: [{ date: '2025-03-31', value: 45 }] }),
      krEnv('2025-05-01'),
    );
    const red = computeKr(
      krModel({ kind: 'metric', baseline: 0, target: 100, checkins: [{ date: '2025-03-31', value: 39 }] }),
      krEnv('2025-05-01'),
    );
    expect(early.pace!.gap).toBeGreaterThan(late.pace!.gap);
    expect(krsWeakestFirst([early, late, red].map((k, i) => ({ ...k, uid: `o.kr${i}` }))).map((k) => formatGrade(k.grade.value))).toEqual([
      '0.39',
      '0.45',
      '0.60',
    ]);
    // During the period the same three rank by their gap against pace.
    const during = [early, late, red].map((k, i) => ({ ...k, uid: `o.kr${i}`, status: k.statusAtReading }));
    expect(krsWeakestFirst(during).map((k) => k.uid)).toEqual(['o.kr2', 'o.kr1', 'o.kr0']);
  });
});

describe('freshness by the period’s check-in schedule', () => {
  const q1 = { start: '2025-01-01', end: '2025-03-31' };
  it.each([
    [{ checkinCadence: 'weekly', checkinDay: 'monday' }, 13, '2025-01-06', 'weekly on Mondays (first 2025-01-06)'],
    [{ checkinCadence: 'biweekly', checkinDay: 'friday' }, 7, '2025-01-03', 'biweekly on Fridays (first 2025-01-03)'],
    [{ checkinCadence: 'monthly' }, 3, '2025-01-06', 'monthly on Mondays (the first of each month)'],
    [
      {
        checkins: [
          { date: '2025-02-15', type: 'mid-period' },
          { date: '2025-01-10', type: 'weekly' },
        ],
      },
      2,
      '2025-01-10',
      'on 2 scheduled dates',
    ],
  ] as const)('%o', (schedule, count, first, label) => {
    const s = checkinSchedule({ ...q1, ...schedule } as Parameters<typeof checkinSchedule>[0])!;
    expect([s.dates.length, s.dates[0], s.label]).toEqual([count, first, label]);
  });
  it('no schedule: never stale, still says when the last check-in was', () => {
    const f = freshness(['2025-01-10'], q1, checkinSchedule(q1), '2025-03-01', true);
    expect(f).toMatchObject({
      stale: false,
      schedule: null,
      nextDue: null,
      daysSince: 50,
      label: 'Last check-in 50 days ago (2025-01-10)',
    });
  });
  it('no check-in at all: due on the first scheduled day', () => {
    const f = freshness([], q1, checkinSchedule({ ...q1, checkinCadence: 'weekly' }), '2025-01-20', true);
    expect(f).toMatchObject({
      last: null,
      nextDue: '2025-01-06',
      stale: true,
      overdueDays: 14,
      label: 'No check-in yet; due 2025-01-06, 14 days overdue',
    });
  });
});
