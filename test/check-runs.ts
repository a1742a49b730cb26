// `okr check --format json` run as users run it, many content folders at a time: what the bad-input and
// hostile corpora share (test/integration/bad-input.test.ts, hostile-corpus.test.ts).
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.ts';

export interface CheckRun {
  code: number | null;
  /** Set when the check was killed: it crashed, or hung past the timeout. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** One problem of `okr check --format json`. */
export interface CheckIssue {
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
  severity: string;
}

/** `okr check --content DIR --format json` and `extra` arguments (and `env`), killed after `timeoutMs`. */
export function checkJson(dir: string, timeoutMs: number, extra: string[] = [], env: Record<string, string> = {}): Promise<CheckRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/okr.ts'), 'check', '--content', dir, '--format', 'json', ...extra], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', ...env },
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** `check(dir)` for each folder, as many at a time as the machine has cores (at least two). */
export async function checkAll(dirs: string[], check: (dir: string) => Promise<CheckRun>): Promise<CheckRun[]> {
  const results: CheckRun[] = new Array(dirs.length);
  let next = 0;
  const lane = async () => {
    while (next < dirs.length) {
      const i = next++;
      results[i] = await check(dirs[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(2, availableParallelism()), dirs.length) }, lane));
  return results;
}
