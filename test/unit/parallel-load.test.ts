// A large handbook's key-result files are parsed on two threads (src/lib/load/parallel.ts): the
// results must be exactly what parsing them one by one gives, problems included.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInParallel, parseJob, type ParseJob } from '../../src/lib/load/parallel.ts';

describe('parsing on two threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okr-parallel-'));
  mkdirSync(join(dir, 'okrs/2025-Q1'), { recursive: true });
  const jobs: ParseJob[] = Array.from({ length: 240 }, (_, i) => {
    const abs = join(dir, `okrs/2025-Q1/team-${i}.yaml`);
    // Every 7th file has a mistake (a misspelt field), every 11th is not valid YAML.
    const kr = i % 7 === 0 ? 'tagret: 10' : 'target: 10';
    const text =
      i % 11 === 0
        ? 'period: 2025-Q1\nobjectives: [\n'
        : `period: 2025-Q1\nteam: team-${i}\nobjectives:\n  - id: o-${i}\n    title: Objective ${i} — ünïcødé\n    keyResults:\n      - id: kr1\n        title: Reach ten\n        kind: metric\n        baseline: 0\n        ${kr}\n`;
    writeFileSync(abs, text);
    return { abs, file: `okrs/2025-Q1/team-${i}.yaml`, kind: 'okr' };
  });

  it('gives every file the result a single thread gives', () => {
    const parallel = parseInParallel(jobs);
    expect(parallel.size).toBe(jobs.length);
    for (const job of jobs) expect(parallel.get(job.abs), job.file).toEqual(parseJob(job));
    const withProblems = jobs.filter((j) => parallel.get(j.abs)!.issues.some((i) => i.severity === 'error'));
    expect(withProblems.length).toBe(jobs.filter((_, i) => i % 7 === 0 || i % 11 === 0).length);
  });

  it('leaves small handbooks to the caller (a second thread would cost more than it saves)', () => {
    expect(parseInParallel(jobs.slice(0, 20)).size).toBe(0);
  });
});
