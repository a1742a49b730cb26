// A large handbook's key-result files are parsed on two threads (src/lib/load/parallel.ts): the
// results must be exactly what parsing them one by one gives, problems included.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInParallel, readJob, type ParseJob } from '../../src/lib/load/parallel.ts';
import { parseWorkerReady, prestartParseWorker, takeParseWorker } from '../../src/lib/load/parse-thread.ts';

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

  const sameAsOneThread = (parallel: Map<string, unknown>) => {
    expect(parallel.size).toBe(jobs.length);
    for (const job of jobs) expect(parallel.get(job.abs), job.file).toEqual(readJob(job));
  };

  it('gives every file the result a single thread gives', () => {
    const { files: parallel } = parseInParallel(jobs);
    sameAsOneThread(parallel);
    const withProblems = jobs.filter((j) => parallel.get(j.abs)!.issues.some((i) => i.severity === 'error'));
    expect(withProblems.length).toBe(jobs.filter((_, i) => i % 7 === 0 || i % 11 === 0).length);
  });

  it('hands files to a worker started ahead (okr check starts it before it loads its own modules)', async () => {
    // The worker loads its modules meanwhile, as it does while okr check loads the command's.
    await parseWorkerReady(prestartParseWorker());
    const { files, byWorker } = parseInParallel(jobs);
    sameAsOneThread(files);
    expect(byWorker, 'files the worker parsed').toBeGreaterThan(0);
    expect(takeParseWorker(), 'a worker started ahead is used once').toBeUndefined();
  });

  it('leaves small handbooks to the caller (a second thread would cost more than it saves), ending a worker started ahead', async () => {
    const exited = new Promise((resolve) => prestartParseWorker().once('exit', resolve));
    const { files, byWorker } = parseInParallel(jobs.slice(0, 20));
    expect(files.size).toBe(0);
    expect(byWorker).toBe(0);
    await exited;
    expect(takeParseWorker()).toBeUndefined();
  });
});
