// One temporary folder per `npm test` run, shared by the suites through inject('okrRunDir'): the
// browser suites build each site they need once into it (test/e2e/browser.ts) instead of once per file.
// It is also the run's TMPDIR, so every temporary copy, build and repository the suites and the
// processes they start make (os.tmpdir()) goes in it and is removed with it: a run leaves nothing behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  interface ProvidedContext {
    okrRunDir: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'okr-test-run-'));
  project.provide('okrRunDir', dir);
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
