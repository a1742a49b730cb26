// `okr new PERIOD --from PERIOD`: dates from the fiscal calendar, unfinished OKRs carried over with
// links to their originals, and never an overwrite without --force.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyContent, edit, FISCAL, runOkr } from '../helpers.ts';
import { DIFF_FIXTURE } from '../git-helpers.ts';

type Kr = Record<string, unknown> & { id: string };
type Objective = Record<string, unknown> & { id: string; keyResults: Kr[] };

describe('okr new 2025-Q2 --from 2025-Q1', () => {
  const dir = copyContent(DIFF_FIXTURE);
  // Revenue KR2 reaches its target (grade 1.0): it stays behind while KR1 (0.5) is carried.
  edit(join(dir, 'okrs/2025-Q1/company.yaml'), 'current: 4', 'current: 10');
  const r = runOkr(['new', '2025-Q2', '--from', '2025-Q1', '--content', dir]);
  const read = (p: string) => parse(readFileSync(join(dir, p), 'utf8'));
  const objectives = (team: string) => read(`okrs/2025-Q2/${team}.yaml`).objectives as Objective[];

  it('writes the period with its dates from the fiscal calendar, and a file per team', () => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(read('periods/2025-Q2.yaml')).toEqual({ id: '2025-Q2', kind: 'quarter', start: '2025-04-01', end: '2025-06-30' });
    expect(r.stdout).toMatch(/carried over 3 objectives and 4 key results from 2025-Q1/);
    expect(readFileSync(join(dir, 'okrs/2025-Q2/company.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/public\/schema\/okr-file\.schema\.json\n/,
    );
  });

  it('carries unfinished objectives and key results (grade < 1.0 or ungraded) with new ids and links to the originals', () => {
    const company = objectives('company');
    expect(company.map((o) => [o.id, o.carriedFrom])).toEqual([
      // Ungraded (a milestone not done) counts as unfinished; hiring (1.0) stays behind.
      ['2025-q2-company-legacy', '2025-q1-company-legacy'],
      ['2025-q2-company-revenue', '2025-q1-company-revenue'],
    ]);
    const revenue = company[1]!;
    expect(revenue.keyResults.map((k) => [k.id, k.carriedFrom])).toEqual([['kr1', '2025-q1-company-revenue.kr1']]);
    expect(r.stdout).toContain('1 finished key result of 2025-q1-company-revenue left behind');
  });

  it('leaves progress behind and starts metrics from their last reading', () => {
    const [kr1] = objectives('company').find((o) => o.id === '2025-q2-company-revenue')!.keyResults;
    expect(kr1).toEqual({
      id: 'kr1',
      carriedFrom: '2025-q1-company-revenue.kr1',
      title: 'Grow ARR to $20M',
      kind: 'metric',
      unit: '$M',
      baseline: 15,
      target: 20,
    });
  });

  it('points parent links at the carried-over objective', () => {
    const [reliability] = objectives('engineering');
    expect(reliability).toMatchObject({ id: '2025-q2-engineering-reliability', parent: '2025-q2-company-revenue' });
    expect(reliability!.keyResults.map((k) => [k.id, k.baseline, k.current])).toEqual([
      ['kr1', 99.7, undefined],
      ['kr2', 300, undefined],
    ]);
  });

  it('produces content that passes okr check', () => {
    const check = runOkr(['check', '--content', dir]);
    expect(check.stdout).toContain('No problems found.');
    expect(check.code).toBe(0);
  });

  it('refuses to overwrite existing files without --force and writes nothing', () => {
    const before = readFileSync(join(dir, 'okrs/2025-Q2/company.yaml'), 'utf8');
    edit(join(dir, 'okrs/2025-Q2/company.yaml'), 'title: Grow revenue', 'title: Grow revenue in Q2');
    const again = runOkr(['new', '2025-Q2', '--from', '2025-Q1', '--content', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/would overwrite .*okrs\/2025-Q2\/company\.yaml.*; nothing was written/);
    expect(again.stderr).toContain('--force');
    expect(readFileSync(join(dir, 'okrs/2025-Q2/company.yaml'), 'utf8')).toContain('title: Grow revenue in Q2');
    const forced = runOkr(['new', '2025-Q2', '--from', '2025-Q1', '--content', dir, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'okrs/2025-Q2/company.yaml'), 'utf8')).toBe(before);
    // The existing period file is kept as it is.
    expect(forced.stdout).toContain('periods/2025-Q2.yaml exists and is kept as it is');
    expect(readdirTmp(dir)).toEqual([]);
  });

  it('rejects a period id outside the calendar and an unknown --from', () => {
    expect(runOkr(['new', '2025-Q5', '--content', dir]).stderr).toMatch(/'2025-Q5' is not a period id .* \(write it as 2025-Q1 or 2025\)/);
    const unknown = runOkr(['new', '2025-Q3', '--from', '2024-Q4', '--content', dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/period '2024-Q4' not found/);
    expect(existsSync(join(dir, 'periods/2025-Q3.yaml'))).toBe(false);
    // Carrying over goes forward: not into an earlier period.
    const backwards = runOkr(['new', '2024-Q4', '--from', '2025-Q1', '--content', dir]);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toMatch(
      /--from 2025-Q1 starts on 2025-01-01, not before 2024-Q4 \(2024-10-01\) \(carry over from an earlier period\)/,
    );
    expect(existsSync(join(dir, 'periods/2024-Q4.yaml'))).toBe(false);
  });
});

describe('okr new in a fiscal-year handbook', () => {
  it('derives the dates from a fiscal year that starts in February', () => {
    const dir = copyContent(FISCAL);
    const r = runOkr(['new', 'FY23-Q1', '--content', dir]);
    expect(r.code).toBe(0);
    expect(parse(readFileSync(join(dir, 'periods/FY23-Q1.yaml'), 'utf8'))).toEqual({
      id: 'FY23-Q1',
      kind: 'quarter',
      start: '2022-02-01',
      end: '2022-04-30',
    });
  });
});

/** Temporary files left behind by the atomic writes (there must be none). */
function readdirTmp(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp'));
}
