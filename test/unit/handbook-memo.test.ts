// The build computes the handbook once per process, and lets it go when done with it.
import { describe, expect, it } from 'vitest';
import { getHandbookResult, releaseHandbook } from '../../src/lib/handbook.ts';
import { getHistory } from '../../src/lib/load/git-history.ts';
import { processMemo } from '../../src/lib/process-memo.ts';

describe('getHandbookResult', () => {
  it('computes once per content directory until released, then again on demand', () => {
    const first = getHandbookResult('content', 'internal');
    expect(getHandbookResult('content', 'internal')).toBe(first);
    expect(first.handbook!.objectives.length).toBeGreaterThan(0);
    releaseHandbook();
    const again = getHandbookResult('content', 'internal');
    expect(again).not.toBe(first);
    expect(again.handbook!.objectives.map((o) => o.id)).toEqual(first.handbook!.objectives.map((o) => o.id));
  });

  it('lets what was built on the handbook go with it: the git history and any other process memo', () => {
    const history = getHistory('content');
    expect(getHistory('content')).toBe(history);
    const pages = processMemo<string>('site');
    pages.set('', 'index');
    releaseHandbook();
    expect(pages.size).toBe(0);
    expect(getHistory('content')).not.toBe(history);
  });
});
