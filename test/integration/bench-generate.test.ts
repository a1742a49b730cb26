// The bench's synthetic handbook (scripts/bench/generate.ts): valid content, and a git history like a
// real handbook's, so the bench's builds read change history as real ones do.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_DATE, generate } from '../../scripts/bench/generate.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { readGitHistory } from '../../src/lib/load/git-history.ts';

describe('bench content', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okr-bench-gen-'));
  const size = { teams: 6, periods: 2, objectives: 2, krs: 3, checkins: 3 };
  const gen = generate(dir, size);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

  it('is valid: okr check finds no errors', () => {
    const result = computeHandbook(dir, { today: BUILD_DATE });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.handbook!.objectives.length).toBeGreaterThan(size.teams * size.periods);
  });

  it('is committed: set up once, then each quarter as planned and after each round of check-ins', () => {
    expect(git('status', '--porcelain')).toBe('');
    const subjects = git('log', '--format=%s').split('\n');
    expect(subjects).toHaveLength(1 + size.periods * (size.checkins + 1));
    expect(gen.counts.commits).toBe(subjects.length);
    expect(subjects.at(-1)).toBe('Handbook set-up');
    expect(subjects.at(-2)).toMatch(/^\d{4}-Q\d: OKRs planned$/);
    expect(subjects[0]).toMatch(/^\d{4}-Q\d: check-in round 3$/);
  });

  it('gives each team-quarter file a version per round, with one check-in more each time', () => {
    const history = readGitHistory(dir);
    if (!history.available) throw new Error(history.reason);
    const teamFile = [...history.files].find((f) => !f.file.endsWith('company.yaml'))!;
    expect(teamFile.versions).toHaveLength(size.checkins + 1);
    const checkins = teamFile.versions.map((v) =>
      v.records!.objectives.flatMap((o) => (o.keyResults ?? []).map((k) => ((k.checkins as unknown[] | undefined) ?? []).length)),
    );
    // Newest first: the last round has every check-in, the plan none.
    expect(Math.max(...checkins[0]!)).toBe(size.checkins);
    expect(Math.max(...checkins.at(-1)!)).toBe(0);
  });
});
