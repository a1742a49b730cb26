// The live-numbers workflows: pull.yml reads the sources on a schedule and opens or updates one pull
// request described by okr diff; remind.yml posts okr remind to a webhook named by a secret. Both
// call the project's own commands, with the least privilege that does the job.
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
  jobs: Record<string, { steps: Step[]; env?: Record<string, string>; permissions?: unknown }>;
}

const load = (name: string) => parse(readFileSync(join(ROOT, '.github/workflows', name), 'utf8')) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);
const lines = (w: Workflow) =>
  steps(w).flatMap((s) =>
    (s.run ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
const uses = (w: Workflow, action: string) => steps(w).find((s) => s.uses?.startsWith(`${action}@`));

describe('.github/workflows/pull.yml', () => {
  const w = load('pull.yml');
  const run = lines(w);
  const at = (re: RegExp) => run.findIndex((l) => re.test(l));

  it('runs on a schedule and by hand, may push its branch and open a pull request, nothing more', () => {
    expect(Object.keys(w.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(w.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    expect(uses(w, 'actions/checkout')?.with).toMatchObject({ 'fetch-depth': 0, 'persist-credentials': false });
    expect(uses(w, 'actions/setup-node')?.with).toMatchObject({ 'node-version-file': '.nvmrc' });
  });

  it('installs, pulls, checks, describes the change with okr diff, then commits and opens or updates one pull request', () => {
    const order = [
      /^npm ci$/,
      /^npm run --silent okr -- pull \| tee okr-pull\.txt$/,
      /^npm run --silent okr -- check --format github$/,
      /^npm run --silent okr -- diff HEAD > okr-diff\.md$/,
      /^git push --force origin "\$BRANCH"$/,
      /^gh pr edit "\$number" --body "\$body"$/,
      /^gh pr create --head "\$BRANCH" --base "\$BASE" .*--body "\$body"$/,
    ];
    const found = order.map(at);
    expect(
      found.every((i) => i >= 0),
      JSON.stringify(run, null, 1),
    ).toBe(true);
    expect([...found].sort((a, b) => a - b)).toEqual(found);
    // The description is okr diff, then what okr pull read.
    expect(at(/^cat okr-diff\.md$/)).toBeLessThan(at(/^cat okr-pull\.txt$/));
    expect(run).toContain('body=$(head -c 60000 pr-body.md)');
    // One pull request: it is found by the workflow's own branch.
    expect(run.join('\n')).toMatch(/gh pr list --head "\$BRANCH" --base "\$BASE" --state open/);
    // Nothing from the event or secrets is spliced into a script: only environment variables.
    expect(run.join('\n')).not.toContain('${{');
  });

  it('commits only when the pull changed content, and only the token-holding step can push', () => {
    const publish = steps(w).filter(
      (s) => s.run?.includes('okr -- check') || s.run?.includes('okr -- diff') || s.run?.includes('git push'),
    );
    for (const s of publish) expect(s.if).toBe("steps.changes.outputs.changed == 'true'");
    const withToken = steps(w).filter((s) => s.env?.GH_TOKEN !== undefined);
    expect(withToken).toHaveLength(1);
    expect(withToken[0]!.run).toContain('git push');
    expect(steps(w).find((s) => s.run?.includes('okr -- pull'))!.env?.GH_TOKEN).toBeUndefined();
  });
});

describe('.github/workflows/remind.yml', () => {
  const w = load('remind.yml');
  it('runs weekly with read-only access and posts okr remind to the webhook in a secret', () => {
    expect(Object.keys(w.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const cron = (w.on.schedule as { cron: string }[])[0]!.cron.split(' ');
    expect(cron[4]).toMatch(/^[0-6]$/); // one day of the week
    expect(w.permissions).toEqual({ contents: 'read' });
    const run = lines(w);
    expect(run).toContain('npm ci');
    expect(run).toContain('npm run --silent okr -- remind --format "$FORMAT" > remind.json');
    expect(run.join('\n')).toMatch(/curl .*--data-binary @remind\.json "\$WEBHOOK"/);
    expect(run.join('\n')).not.toContain('${{');
    const post = steps(w).find((s) => s.run?.includes('curl'))!;
    expect(post.env).toEqual({ WEBHOOK: '${{ secrets.OKR_REMIND_WEBHOOK }}' });
  });
});
