// The assemble stage of the importer (src/lib/import/assemble/): records of several documents to
// one handbook — periods and the fiscal calendar, teams and people, parents and dependencies.
import { describe, expect, it } from 'vitest';
import { fiscalCalendar, fitDates } from '../../src/lib/import/assemble/calendar.ts';
import { buildObjectives } from '../../src/lib/import/assemble/objectives.ts';
import { ImportError } from '../../src/lib/import/assemble/options.ts';
import { linkParents, objectivesOf } from '../../src/lib/import/assemble/parents.ts';
import { assignPeriods, collectPeriods } from '../../src/lib/import/assemble/periods.ts';
import { addPerson, addTeam, findTeam, newRegistry } from '../../src/lib/import/assemble/registry.ts';
import { emptyDoc, emptyPeriod, objectiveDraft } from '../../src/lib/import/records.ts';
import type { DocRecords, ObjectiveDraft, ReportEntry } from '../../src/lib/import/types.ts';

function doc(file: string, objectives: ObjectiveDraft[], period?: string): DocRecords {
  const d = emptyDoc(file);
  d.objectives.push(...objectives);
  if (period) {
    d.period = period;
    d.periods.set(period, emptyPeriod({ id: period, kind: 'quarter', fiscal: period.startsWith('FY') }));
  }
  return d;
}
const objective = (title: string, over: Partial<ObjectiveDraft> = {}): ObjectiveDraft => ({
  ...objectiveDraft({ where: { file: 'a.md', line: 1 }, ordinal: 1, title }),
  ...over,
});

describe('periods and the fiscal calendar', () => {
  it('--period replaces a document period, and moves its objectives', () => {
    const entries: ReportEntry[] = [];
    const d = doc('a.md', [objective('Grow', { period: '2026-Q1' })], '2026-Q1');
    const periods = collectPeriods([d], { period: '2026-Q2' }, (e) => entries.push(e));
    expect([...periods.all.keys()]).toEqual(['2026-Q2']);
    expect(d.objectives[0]!.period).toBe('2026-Q2');
    expect(entries.map((e) => e.message)).toEqual(["period 2026-Q2 from --period instead of 2026-Q1 (the document's)"]);
  });
  it('an objective without a period in a document without one is an error that asks for --period', () => {
    const d = doc('a.md', [objective('Grow')]);
    expect(() =>
      assignPeriods(
        [d],
        collectPeriods([d], {}, () => {}),
      ),
    ).toThrow(ImportError);
  });
  it('derives the first month of a fiscal year from stated dates, and drops dates that do not fit', () => {
    const entries: ReportEntry[] = [];
    const d = doc('a.md', [], 'FY22-Q1');
    const q2 = emptyPeriod({ id: 'FY22-Q2', kind: 'quarter', fiscal: true });
    Object.assign(d.periods.get('FY22-Q1')!, { start: '2021-02-01', end: '2021-04-30' });
    d.periods.set('FY22-Q2', Object.assign(q2, { start: '2021-06-01', end: '2021-07-31' }));
    const periods = collectPeriods([d], {}, () => {});
    const fy = fiscalCalendar(periods.all, [d], (e) => entries.push(e));
    expect(fy).toEqual({ startMonth: 2, naming: 'fiscal' });
    fitDates(periods.all, fy, (e) => entries.push(e));
    expect(periods.all.get('FY22-Q2')!.start).toBeUndefined();
    expect(entries.map((e) => e.kind)).toEqual(['note', 'unmapped']);
  });
  it('refuses fiscal and calendar periods in one handbook', () => {
    const periods = collectPeriods([doc('a.md', [], 'FY22-Q1'), doc('b.md', [], '2022-Q1')], {}, () => {});
    expect(() => fiscalCalendar(periods.all, [], () => {})).toThrow(/both fiscal \(FY22-Q1\) and calendar \(2022-Q1\)/);
  });
});

describe('teams and people', () => {
  it('knows a team by any way it is written, and reports a team made for a reference', () => {
    const entries: ReportEntry[] = [];
    const reg = newRegistry('Acme', (e) => entries.push(e));
    expect(addTeam(reg, 'Platform Team')).toBe('platform');
    expect(findTeam(reg, 'platform')).toBe('platform');
    expect(addTeam(reg, 'Data', { file: 'a.md', line: 3, what: 'the dependency "Data: x"' })).toBe('data');
    expect(entries.map((e) => e.message)).toEqual(['team "Data" (data) created for the dependency "Data: x"']);
  });
  it("keeps a role as the owner's role only for a person's name", () => {
    const reg = newRegistry('Acme', () => {});
    expect(addPerson(reg, { name: 'Sofia Martinez', role: 'VP Customer Success' })).toEqual({
      id: 'sofia-martinez',
      role: 'VP Customer Success',
    });
    expect(addPerson(reg, { name: 'CEO', role: 'Chief Executive' })).toEqual({ id: 'ceo' });
    expect([...reg.people.values()].map((p) => p.title)).toEqual(['VP Customer Success', 'Chief Executive']);
  });
});

describe('parents', () => {
  const build = (docs: DocRecords[]) => {
    const entries: ReportEntry[] = [];
    const reg = newRegistry('Acme', (e) => entries.push(e));
    assignPeriods(
      docs,
      collectPeriods(docs, {}, () => {}),
    );
    const built = buildObjectives(docs, {}, reg, (e) => entries.push(e));
    linkParents(
      objectivesOf(built),
      (n) => findTeam(reg, n),
      (e) => entries.push(e),
    );
    return { built, entries };
  };
  it('a nested objective ladders up to the one it is written under; "Ladders up to: O1" to the labelled one', () => {
    const top = objective('Grow revenue', { label: 'O1' });
    const nested = objective('Build pipeline', { parentDraft: top, ordinal: 2 });
    const ref = objective('Hire sellers', { ordinal: 3, team: 'Sales', parentRef: { text: 'O1', where: { file: 'a.md', line: 9 } } });
    const { built } = build([doc('a.md', [top, nested, ref], '2026-Q1')]);
    expect(built.map((b) => b.rec.parent)).toEqual([undefined, built[0]!.id, built[0]!.id]);
  });
  it('a team objective with the title of a company objective ladders up to it, as a guess', () => {
    const company = objective('Make the product valuable to every customer', { team: 'Company' });
    const team = objective('Make the product valuable to every customer', { team: 'Sales', ordinal: 2 });
    const { built, entries } = build([doc('a.md', [company, team], '2026-Q1')]);
    expect(built[1]!.rec.parent).toBe(built[0]!.id);
    expect(entries.filter((e) => e.kind === 'guess')).toHaveLength(1);
  });
  it('a reference that names nothing is reported', () => {
    const o = objective('Grow', { parentRef: { text: 'Company Objective 7 (Moonshots)', where: { file: 'a.md', line: 4 } } });
    const { entries } = build([doc('a.md', [o], '2026-Q1')]);
    expect(entries.find((e) => e.kind === 'unmapped')).toMatchObject({ line: 4, message: expect.stringContaining('matches no objective') });
  });
});
