// One temporary folder per `npm test` run, shared by the suites through inject('okrRunDir'): the
// browser suites build each site they need once into it (test/e2e/browser.ts) instead of once per file.
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
  return () => rmSync(dir, { recursive: true, force: true });
}
