// The pure record comparison behind okr diff and the change history.
import { describe, expect, it } from 'vitest';
import { describeChange, diffRecords, mdEscape, revisionCovers } from '../../src/lib/diff.ts';

const period = { id: '2025-Q1', lockDate: '2025-01-15' };
const objective = (krs: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
  objectives: [{ id: 'o', period: '2025-Q1', title: 'O', ...extra, keyResults: krs.map((k) => ({ id: 'kr1', title: 'K', ...k })) }],
  periods: [period],
});

describe('diffRecords', () => {
  it('withholds the values of redacted key results', () => {
    const [c] = diffRecords(
      objective([{ kind: 'redacted', checkins: [{ date: '2025-02-01', value: 7 }] }]),
      objective([
        {
          kind: 'redacted',
          checkins: [
            { date: '2025-02-01', value: 7 },
            { date: '2025-03-01', value: 9 },
          ],
        },
      ]),
    );
    expect(c).toMatchObject({ field: 'checkins', from: null, to: null, redacted: true });
    expect(describeChange(c!)).toBe('check-ins changed (values redacted)');
    expect(JSON.stringify(c)).not.toMatch(/[79]/);
  });

  it('uses the earlier lock date when a change moves it, so moving the lock cannot unlock a target', () => {
    const base = objective([{ kind: 'metric', baseline: 1, target: 2 }]);
    const head = { ...objective([{ kind: 'metric', baseline: 1, target: 3 }]), periods: [{ id: '2025-Q1', lockDate: '2025-03-01' }] };
    const target = diffRecords(base, head, { changeDate: '2025-02-01' }).find((c) => c.field === 'target');
    expect(target).toMatchObject({ afterLock: true, severity: 'error', revised: false });
  });

  it('does not flag progress (check-ins, current) after lock', () => {
    const changes = diffRecords(
      objective([{ kind: 'count', target: 5, current: 1 }]),
      objective([{ kind: 'count', target: 5, current: 2 }]),
      {
        changeDate: '2025-02-01',
      },
    );
    expect(changes).toEqual([expect.objectContaining({ field: 'current', from: 1, to: 2 })]);
    expect(changes[0]!.afterLock).toBeUndefined();
  });

  it('does not flag setting the lock date or finalizing the period as changes after lock, but does a new theme', () => {
    const unlocked = { objectives: [], periods: [{ id: '2025-Q1', theme: 'Grow' }] };
    const locked = { objectives: [], periods: [{ id: '2025-Q1', theme: 'Focus', lockDate: '2025-01-15', finalized: true }] };
    const changes = diffRecords(unlocked, locked, { changeDate: '2025-04-02' });
    expect(changes.map((c) => [c.field, c.afterLock ?? false])).toEqual([
      ['finalized', false],
      ['lockDate', false],
      ['theme', true],
    ]);
    // Moving or removing the lock, or un-finalizing, is flagged: later edits would go unflagged.
    const loosened = diffRecords(
      locked,
      { objectives: [], periods: [{ id: '2025-Q1', theme: 'Focus', lockDate: '2025-12-31' }] },
      { changeDate: '2025-04-02' },
    );
    expect(loosened.map((c) => [c.field, c.afterLock ?? false])).toEqual([
      ['finalized', true],
      ['lockDate', true],
    ]);
  });
});

describe('revisionCovers', () => {
  const revs = [
    { field: 'target', from: 10, to: 12 },
    { field: 'baseline', from: 1, to: 2 },
    { field: 'target', from: 12, to: 15 },
  ];
  it('follows a chain of revisions of the same field', () => {
    expect(revisionCovers(revs, 'target', 10, 15)).toBe(true);
    expect(revisionCovers(revs, 'target', 12, 15)).toBe(true);
    expect(revisionCovers(revs, 'target', 10, 14)).toBe(false);
    expect(revisionCovers(revs, 'baseline', 10, 15)).toBe(false);
    expect(revisionCovers(undefined, 'target', 10, 15)).toBe(false);
  });
});

describe('mdEscape', () => {
  it('makes content inert in GitHub Markdown', () => {
    expect(mdEscape('<script>x</script> | *a* [l](u) @org\nnext')).toBe(
      '&lt;script&gt;x&lt;/script&gt; \\| \\*a\\* \\[l\\](u) @\u200borg next',
    );
  });
});
