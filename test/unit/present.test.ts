// What the home page calls the period it features (src/lib/present.ts).
import { describe, expect, it } from 'vitest';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { currentOrLatest } from '../../src/lib/present.ts';
import { MAIN } from '../helpers.ts';

describe('the featured period is "current" while it runs and "latest" once it has ended', () => {
  it('on the demo handbook, in its first quarter and after its last started quarter', () => {
    for (const [today, id, word] of [
      ['2025-02-19', '2025-Q1', 'current'],
      // The 2027 quarters have not started: the featured period is 2026-Q2, which ended on 2026-06-30.
      ['2026-12-01', '2026-Q2', 'latest'],
    ] as const) {
      const h = computeHandbook(MAIN, { today }).handbook!;
      const featured = h.periods.find((p) => p.id === h.currentPeriod)!;
      expect([featured.id, currentOrLatest(featured, today)]).toEqual([id, word]);
    }
  });
});
