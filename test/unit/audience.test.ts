// The public projection (src/lib/audience.ts) on the canary fixture: what is dropped, what is unlinked,
// and that a public record's leaf is the same in the internal and the public build.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audienceFromEnv } from '../../src/lib/audience.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { ROOT } from '../helpers.ts';

const FIXTURE = join(ROOT, 'test/fixtures/canary');
const internal = computeHandbook(FIXTURE, { audience: 'internal' });
const pub = computeHandbook(FIXTURE, { audience: 'public' });
const h = pub.handbook!;

describe('the public projection', () => {
  it('keeps only public periods, objectives, key results, KPIs and guides', () => {
    expect(internal.ok && pub.ok).toBe(true);
    expect(h.audience).toBe('public');
    expect(h.periods.map((p) => p.id)).toEqual(['2030-Q1']);
    expect(h.objectives.map((o) => o.id)).toEqual(['public-growth']);
    expect(h.objectives[0]!.keyResults.map((k) => k.id)).toEqual(['kr1', 'kr3', 'kr4']);
    expect(h.model.kpiGroups.flatMap((g) => g.kpis.map((k) => k.id))).toEqual(['public-nps']);
    expect(h.guides.map((g) => g.slug)).toEqual(['public-guide']);
    expect(h.model.receipts).toEqual([]); // the 2030-Q1 receipt covers internal records
    expect(h.trust.receipts).toEqual([]);
  });
  it('unlinks internal records and keeps only the teams and people public records name', () => {
    const o = h.objectives[0]!;
    expect([o.parent, o.contributes, o.dependencies?.map((d) => d.description)]).toEqual([undefined, [], ['PUBLIC-DEPENDENCY-MARKER']]);
    expect(o.keyResults[0]!.kpi).toBeUndefined();
    expect(o.keyResults[2]!.kpi).toBe('public-nps');
    expect(h.periods[0]!.dependencies?.map((d) => d.description)).toEqual(['Public enabler']);
    expect(h.model.teams.map((t) => t.id)).toEqual(['company', 'growth']);
    expect(h.model.people.map((p) => p.id)).toEqual(['alice', 'ceo']);
  });
  it('drops redacted values: a redacted KR keeps its check-in dates and notes, not the numbers', () => {
    const kr3 = h.objectives[0]!.keyResults[1]!;
    expect(kr3.kind).toBe('redacted');
    expect('checkins' in kr3 && kr3.checkins?.map((c) => [c.date, c.value, c.note])).toEqual([
      ['2030-02-01', undefined, 'PUBLIC-REDACTED-CHECKIN-MARKER'],
    ]);
    expect(JSON.stringify(h.trust.trees.get('2030-Q1')!.records)).not.toMatch(/8675309/);
  });
  it("shows org.yaml's pillars, stage gates and redactions only through a public record that names them", () => {
    const all = internal.handbook!.model.org;
    expect([all.pillars.length, all.stageGates.length, all.redactions.length]).toEqual([1, 1, 1]);
    expect([h.model.org.pillars, h.model.org.stageGates, h.model.org.redactions.map((r) => r.id)]).toEqual([[], [], ['n1']]);
    // A redacted key result's wording of its values is dropped with the values, here and in its leaf.
    const kr3 = h.objectives[0]!.keyResults[1]!;
    expect(kr3.labels).toBeUndefined();
    expect(internal.handbook!.objectives.find((o) => o.id === 'public-growth')!.keyResults[2]!.labels).toEqual({
      target: 'CANARY-REDACTED-LABEL-5e5e',
    });
    expect(h.trust.trees.get('2030-Q1')!.byKey.get('keyResult/public-growth.kr3')!.canonical).not.toMatch(/CANARY/);
  });
  it('recomputes rollups from public key results only (no hidden influence, no revealing counts)', () => {
    expect(h.objectives[0]!.rollup.coverage.total).toBe(3);
    expect(internal.handbook!.objectives.find((o) => o.id === 'public-growth')!.rollup.coverage.total).toBe(4);
  });
  it('gives a public record the same leaf in both builds; only tree membership differs', () => {
    const a = internal.handbook!.trust.trees.get('2030-Q1')!;
    const b = h.trust.trees.get('2030-Q1')!;
    for (const r of b.records) expect(a.byKey.get(r.key)?.leaf, r.key).toBe(r.leaf);
    expect(a.treeSize).toBeGreaterThan(b.treeSize);
    expect(a.root).not.toBe(b.root);
    // The public objective's leaf names no internal record (parent, internal KR, internal KPI).
    expect(b.byKey.get('objective/public-growth')!.canonical).not.toMatch(/canary/);
    expect(b.byKey.get('keyResult/public-growth.kr1')!.canonical).not.toMatch(/canary/);
  });
  it('warns authors about the links the public build drops (okr check --audience public)', () => {
    const notes = pub.issues.filter((i) => i.severity === 'warning').map((i) => i.message);
    expect(notes).toEqual(
      expect.arrayContaining([
        "parent 'canary-obj-hidden-c4d2' is internal; the public build shows 'public-growth' without it",
        "KPI 'canary-kpi-77e0' is internal; the public build omits the link",
      ]),
    );
  });
  it('reads OKR_AUDIENCE and refuses a misspelt value', () => {
    expect(audienceFromEnv({})).toBe('internal');
    expect(audienceFromEnv({ OKR_AUDIENCE: 'public' })).toBe('public');
    expect(() => audienceFromEnv({ OKR_AUDIENCE: 'Public ' })).toThrow(/must be one of internal, public/);
  });
});
