// The ready-made GitHub workflows call the project's own commands (not ad-hoc scripts), with the
// settings those commands need: full history for okr diff / check --base and the change history,
// Node from .nvmrc, a Pages artifact of the built site.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers.ts';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string; environment?: unknown; permissions?: Record<string, string>; if?: string }>;
}

const load = (name: string) => parse(readFileSync(join(ROOT, '.github/workflows', name), 'utf8')) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);
const runs = (w: Workflow) =>
  steps(w).flatMap((s) =>
    (s.run ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
const uses = (w: Workflow, action: string) => steps(w).find((s) => s.uses?.startsWith(`${action}@`));
const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;

describe('.github/workflows/pr.yml', () => {
  const w = load('pr.yml');
  const lines = runs(w);
  const index = (re: RegExp) => lines.findIndex((l) => re.test(l));

  it('runs on pull requests; grants nothing by default', () => {
    expect(Object.keys(w.on)).toEqual(['pull_request']);
    expect(w.permissions).toEqual({});
  });

  it("builds the pull request's content read-only, with no credentials left in the checkout", () => {
    const check = w.jobs.check!;
    expect(check.permissions).toEqual({ contents: 'read' });
    const checkout = check.steps.find((s) => s.uses?.startsWith('actions/checkout@'))!;
    expect(checkout.with).toMatchObject({ 'fetch-depth': 0, 'persist-credentials': false });
    expect(check.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with).toMatchObject({ 'node-version-file': '.nvmrc' });
    // Every command of the pull request runs in this job, and only here.
    expect(check.steps.some((s) => s.run === 'npm run build')).toBe(true);
  });

  it('posts the comment from a job that may write to pull requests but runs nothing of the pull request', () => {
    const comment = w.jobs.comment!;
    expect(comment.needs).toBe('check');
    expect(comment.permissions).toEqual({ 'pull-requests': 'write' });
    // No checkout, no install, no run step: only the artifact `check` made, and a script that reads it as text.
    expect(comment.steps.map((s) => s.uses?.replace(/@.*/, ''))).toEqual(['actions/download-artifact', 'actions/github-script']);
    expect(comment.steps.every((s) => s.run === undefined)).toBe(true);
    const upload = w.jobs.check!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    const download = comment.steps[0]!;
    expect(upload.with).toMatchObject({ name: 'okr-diff', path: 'okr-diff.md' });
    expect(download.with).toMatchObject({ name: 'okr-diff' });
  });

  it('installs, checks with annotations (lock rules against the base), builds, then diffs against the base', () => {
    const order = [
      /^npm ci$/,
      /^npm run --silent okr -- check --format github --base "origin\/\$BASE_REF" --cache$/,
      /^npm run build$/,
      /^npm run --silent okr -- diff "origin\/\$BASE_REF" HEAD --cache > okr-diff\.md$/,
    ];
    const at = order.map(index);
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(lines),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // The base branch comes from the event through an environment variable, never spliced into the script.
    expect(lines.join('\n')).not.toContain('${{');
    expect(scripts.okr).toBe('node scripts/okr.ts');
    expect(scripts.build).toBe('node scripts/build.ts');
  });

  it("restores main's build cache after npm ci, before the check (--cache) and the build, and saves none", () => {
    const all = steps(w);
    const restore = uses(w, 'actions/cache/restore')!;
    expect(restore.with).toMatchObject({ path: 'node_modules/.cache', 'restore-keys': 'okr-build-' });
    expect(all.indexOf(restore)).toBeGreaterThan(all.findIndex((s) => s.run === 'npm ci'));
    expect(all.indexOf(restore)).toBeLessThan(all.findIndex((s) => s.run?.includes('okr -- check')));
    expect(uses(w, 'actions/cache')).toBeUndefined();
  });

  it('posts the diff as a pull request comment that it updates', () => {
    const comment = uses(w, 'actions/github-script')!;
    const script = String(comment.with?.script);
    expect(script).toContain("readFileSync('okr-diff.md'");
    expect(script).toMatch(/updateComment/);
    expect(script).toMatch(/createComment/);
    expect(w.jobs.check!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!.if).toContain(
      "steps.diff.outcome == 'success'",
    );
  });
});

describe('.github/workflows/pages.yml', () => {
  const w = load('pages.yml');
  it('builds main with the project commands and deploys to GitHub Pages', () => {
    expect(w.on).toHaveProperty('push', { branches: ['main'] });
    expect(w.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    const lines = runs(w);
    expect(lines).toEqual(['npm ci', 'npm run --silent okr -- check --format github --cache', 'npm run build']);
    expect(uses(w, 'actions/checkout')?.with).toMatchObject({ 'fetch-depth': 0, 'persist-credentials': false });
    expect(uses(w, 'actions/setup-node')?.with).toMatchObject({ 'node-version-file': '.nvmrc' });
    expect(uses(w, 'actions/upload-pages-artifact')?.with).toMatchObject({ path: 'dist' });
    expect(uses(w, 'actions/deploy-pages')).toBeDefined();
    expect(w.jobs.deploy!.needs).toBe('build');
  });
  it('keeps the OG images, the change history and the parsed files cached between builds, restored after npm ci', () => {
    const cache = uses(w, 'actions/cache')!;
    expect(cache.with).toMatchObject({ path: 'node_modules/.cache', 'restore-keys': 'okr-build-' });
    expect(String(cache.with!.key)).toMatch(/^okr-build-\$\{\{ github\.sha \}\}$/);
    const all = steps(w);
    expect(all.indexOf(cache)).toBeGreaterThan(all.findIndex((s) => s.run === 'npm ci'));
    expect(all.indexOf(cache)).toBeLessThan(all.findIndex((s) => s.run?.includes('okr -- check')));
    // Where they are kept by default (src/integrations/og-images.ts, src/lib/load/history-cache.ts, parse-cache.ts).
    expect(readFileSync(join(ROOT, 'src/integrations/og-images.ts'), 'utf8')).toContain("'node_modules/.cache/okr-og'");
    expect(readFileSync(join(ROOT, 'src/lib/load/history-cache.ts'), 'utf8')).toContain("'node_modules/.cache/okr-history'");
    expect(readFileSync(join(ROOT, 'src/lib/load/parse-cache.ts'), 'utf8')).toContain("'node_modules/.cache/okr-parse'");
  });
  it('publishes the public projection unless the repository opts in to the internal handbook', () => {
    const build = steps(w).find((s) => s.run === 'npm run build')!;
    expect(build.env).toMatchObject({ OKR_AUDIENCE: "${{ vars.OKR_AUDIENCE || 'public' }}" });
  });
});
