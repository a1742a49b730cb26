// okr remind on a handbook: the overdue check-ins come from the period's schedule, the key results
// behind pace from the status model, grouped by owner; every format is what its webhook takes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyContent, edit, ROOT, runOkr } from '../helpers.ts';

const FIXTURE = join(ROOT, 'test/fixtures/live');
/** 2030-02-15T06:00:00Z: 2030-Q1's check-ins were due on 01-15, 02-01 and 02-15. */
const AT = { SOURCE_DATE_EPOCH: '1897365600' };

describe('okr remind', () => {
  const dir = copyContent(FIXTURE);
  // NPS was checked in yesterday, far behind its pace: fresh, but behind.
  edit(join(dir, 'okrs/2030-Q1/company.yaml'), 'checkins: []', 'checkins: [{ date: 2030-02-14, value: 31 }]');

  it('lists per owner the key results overdue by the schedule and those behind pace', () => {
    const r = runOkr(['remind', '--content', dir, '--format', 'json'], AT);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as {
      periods: string[];
      owners: { owner: string; overdue: { keyResult: string; overdueDays: number }[]; behind: { keyResult: string; status: string }[] }[];
    };
    expect(d.periods).toEqual(['2030-Q1']);
    const of = (owner: string) => d.owners.find((o) => o.owner === owner)!;
    // ARR (owned by the CFO) was last checked in on 01-20: the 02-01 check-in is 14 days overdue.
    expect(of('cfo').overdue).toContainEqual(expect.objectContaining({ keyResult: '2030-q1-company-growth.arr', overdueDays: 14 }));
    // Deals (the objective's owner, the CEO) has never been checked in: overdue since 01-15.
    expect(of('ceo').overdue).toContainEqual(expect.objectContaining({ keyResult: '2030-q1-company-growth.deals', overdueDays: 31 }));
    expect(of('ceo').overdue.map((i) => i.keyResult)).not.toContain('2030-q1-company-growth.nps');
    expect(of('ceo').behind).toContainEqual(expect.objectContaining({ keyResult: '2030-q1-company-growth.nps', status: 'Far behind' }));
  });

  it('writes Markdown by default and webhook payloads for Slack and Teams', () => {
    const md = runOkr(['remind', '--content', dir], AT);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^## Check-in reminders for 2030-02-15\n/);
    expect(md.stdout).toContain('**Grace Hopper** (`cfo`)');
    expect(JSON.parse(runOkr(['remind', '--content', dir, '--format', 'slack'], AT).stdout).blocks[0].type).toBe('header');
    expect(JSON.parse(runOkr(['remind', '--content', dir, '--format', 'teams'], AT).stdout).attachments[0].content.type).toBe(
      'AdaptiveCard',
    );
    expect(runOkr(['remind', '--content', dir, '--format', 'xml'], AT).code).toBe(2);
  });

  it('has nothing to say when no period is in progress', () => {
    const r = runOkr(['remind', '--content', dir], { SOURCE_DATE_EPOCH: '1902895200' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No period is in progress on 2030-04-20: nothing to remind.');
  });
});
