// okr check on readings (src/lib/validate/readings.ts, scale.ts, thresholds.ts): each rule on an
// edited copy of the demo, with the file and line it names.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { copyContent, edit, runOkr } from '../helpers.ts';

const ENG = 'okrs/2025-Q1/engineering.yaml';
const LATENCY = '          - { date: 2025-02-01, value: 550, status: yellow, statusNote: On track }';

/** The issues of a copy of the demo with one edit, and the line the edit starts on. */
function checkWith(file: string, find: string, replace: string) {
  const dir = copyContent();
  const line = edit(join(dir, file), find, replace);
  const r = computeHandbook(dir, { today: '2025-02-19' });
  return { line, issues: r.issues.filter((i) => i.file.endsWith(file)), ok: r.ok };
}

describe('okr check: readings against their key result and period', () => {
  it.each([
    [
      'a percentage written as a fraction (70 → 90 % given 0.82)',
      '          - { date: 2025-02-01, value: 82, status: green, statusNote: On track }',
      '          - { date: 2025-02-01, value: 0.82, status: green, statusNote: On track }',
      'warning',
      /0\.82 reads as 0\.82% against baseline 70 and target 90 \(in %\)/,
    ],
    [
      'a reading two orders of magnitude below baseline and target (ms typed as s)',
      LATENCY,
      '          - { date: 2025-02-01, value: 0.55, status: yellow, statusNote: On track }',
      'warning',
      /0\.55 is 100× or more below both baseline 800 and target 400 \(ms\)/,
    ],
    [
      'a reading two orders of magnitude above',
      LATENCY,
      '          - { date: 2025-02-01, value: 550000, status: yellow, statusNote: On track }',
      'warning',
      /550000 is 100× or more above both/,
    ],
    [
      'a check-in three months after the period: warned, and it does not grade it',
      LATENCY,
      `          - { date: 2025-06-30, value: 420 }`,
      'warning',
      /check-in 2025-06-30 is after Q1 2025 ended \(2025-03-31\) and its grading cutoff \(2025-04-14\): it does not grade Q1 2025/,
    ],
    [
      'a check-in dated after today (the build date): warned, and it grades nothing until then',
      LATENCY,
      `          - { date: 2025-03-10, value: 400 }`,
      'warning',
      /check-in 2025-03-10 is dated after today \(2025-02-19\): it grades nothing until then/,
    ],
    [
      'a check-in before the period starts',
      LATENCY,
      '          - { date: 2024-12-20, value: 550 }',
      'warning',
      /check-in 2024-12-20 is before Q1 2025 starts/,
    ],
    [
      'a judgement grade on a metric check-in',
      LATENCY,
      '          - { date: 2025-02-01, value: 550, grade: 0.9 }',
      'error',
      /a metric key result is graded from its values, not a judgement grade/,
    ],
    [
      'parts on a key result that has none',
      LATENCY,
      '          - { date: 2025-02-01, value: 550, parts: { a: 1 } }',
      'error',
      /only a compound key result's check-ins have 'parts'/,
    ],
  ])('%s', (_name, find, replace, severity, message) => {
    const r = checkWith(ENG, find, replace);
    const hit = r.issues.find((i) => message.test(i.message));
    expect(hit, JSON.stringify(r.issues, null, 1)).toBeDefined();
    expect(hit!.severity).toBe(severity);
    expect(hit!.line).toBe(r.line);
  });

  it('a start on the far side of the target from the baseline is an error at start (it grades a shortfall as exceeded)', () => {
    const dir = copyContent();
    const line = edit(join(dir, ENG), '        baseline: 800\n', '        baseline: 800\n        start: 300\n') + 1;
    const r = computeHandbook(dir, { today: '2025-02-19' });
    expect(r.issues.find((i) => i.file.endsWith(ENG) && /start 300 and baseline 800 are on opposite sides/.test(i.message))).toMatchObject({
      severity: 'error',
      line,
    });
    // On the baseline's side it is where progress is measured from, as before.
    const ok = copyContent();
    edit(join(ok, ENG), '        baseline: 800\n', '        baseline: 800\n        start: 700\n');
    expect(computeHandbook(ok, { today: '2025-02-19' }).issues.filter((i) => /opposite sides/.test(i.message))).toEqual([]);
  });

  it('the percentage slip: 40 → 60 % given 0.5 is warned (it would grade 0)', () => {
    const dir = copyContent();
    const file = join(dir, ENG);
    edit(file, '        baseline: 70\n        target: 90\n', '        baseline: 40\n        target: 60\n');
    const line = edit(file, 'value: 82, status: green', 'value: 0.5, status: green');
    const r = computeHandbook(dir, { today: '2025-02-19' });
    expect(r.issues.find((i) => i.file.endsWith(ENG) && i.line === line)).toMatchObject({
      severity: 'warning',
      message: '0.5 reads as 0.5% against baseline 40 and target 60 (in %): a fraction written for a percentage?',
      hint: 'write 50 for 50%',
    });
    const kr = r
      .handbook!.objectives.find((o) => o.id === '2025-q1-engineering-developer-velocity')!
      .keyResults.find((k) => k.id === 'kr4')!;
    expect(kr.grade.value).toBe(0);
  });

  it('a `current` with an `asOf` outside its period', () => {
    const dir = copyContent();
    const file = join(dir, ENG);
    edit(file, `        checkins:\n${LATENCY}\n`, '        current: 550\n        asOf: 2025-07-01\n');
    const line = edit(file, 'asOf: 2025-07-01', 'asOf: 2025-07-01');
    const issues = computeHandbook(dir, { today: '2025-02-19' }).issues.filter((i) => i.file.endsWith(ENG));
    expect(issues.find((i) => /'current' as of 2025-07-01 is after Q1 2025 ended/.test(i.message))).toMatchObject({
      line,
      severity: 'warning',
      path: expect.stringMatching(/asOf$/),
    });
  });

  it('a compound check-in gives each part by id; one number would grade nothing', () => {
    const file = 'okrs/2027-Q1/company.yaml';
    const find = '            unit: "% of ARR"\n';
    const dir = copyContent();
    edit(
      join(dir, file),
      find,
      `${find}        checkins:\n          - { date: 2027-01-15, value: 1.2 }\n          - { date: 2027-02-15, parts: { net-churm: 1.2, expansion-bookings: high } }\n`,
    );
    const issues = computeHandbook(dir, { today: '2027-02-19' }).issues.filter((i) => i.file.endsWith(file));
    const messages = issues.map((i) => `${i.severity}: ${i.message}${i.hint ? ` (${i.hint})` : ''}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^error: a compound key result's check-in gives each part's value under 'parts', not one 'value'.*parts: \{ net-churn: …, expansion-bookings: … \}/,
        ),
        expect.stringMatching(/^error: part 'net-churm' not found in this key result \(did you mean 'net-churn'\?\)/),
        expect.stringMatching(/^error: part 'expansion-bookings' is a threshold and needs a number, not "high"/),
      ]),
    );
  });

  it('says which reading a threshold has when the baseline already meets it (a note, not a problem)', () => {
    const r = checkWith(ENG, '        baseline: 2.5\n', '        baseline: 0.8\n');
    const note = r.issues.find((i) => i.severity === 'note');
    expect(note).toMatchObject({
      line: r.line,
      message:
        'threshold read as "hold": the baseline 0.8 already meets < 1, so it grades 1 while the reading stays < 1 and 0 when it does not',
    });
    expect(r.ok).toBe(true);
  });

  it('okr check counts each reading and prints the hold at its line, exiting 0', () => {
    const dir = copyContent();
    const line = edit(join(dir, ENG), '        baseline: 2.5\n', '        baseline: 0.8\n');
    const r = runOkr(['check', '--content', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`${ENG.replace(/\//g, '\\/')}:${line}:\\d+ note threshold read as "hold"`));
    expect(r.stdout).toMatch(/0 errors, \d+ warnings \(1 note\)/);
    expect(r.stdout).toMatch(/Thresholds: \d+ to reach, 1 to hold\.$/m);
  });
});
