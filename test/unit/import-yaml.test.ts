// The YAML reader of the importer (src/lib/import/yaml/): objectives and KPI groups by their shape,
// values as written, and every mapping or field it does not place reported with its line.
import { describe, expect, it } from 'vitest';
import { readYamlDocument } from '../../src/lib/import/yaml/document.ts';
import { readYaml } from '../../src/lib/import/yaml/read.ts';
import type { ReportEntry } from '../../src/lib/import/types.ts';

const read = (text: string, lineOffset = 0) => {
  const entries: ReportEntry[] = [];
  const r = readYaml(text, { file: 'x.yaml', lineOffset, report: (e) => (e.kind === 'placed' ? undefined : entries.push(e)) });
  return { ...r, entries };
};

describe('YAML objectives', () => {
  it('a mapping with key results is an objective, whatever its key names', () => {
    const r = read(
      [
        'Company_OKRs_2026:',
        '  objective_1_growth:',
        '    statement: Grow revenue',
        '    owner: Ana Lopes (CRO)',
        '    krs:',
        '      kr1: { title: New ARR, target: $2M, baseline: $1.2M }',
        '      kr2: Launch the partner program',
      ].join('\n'),
    );
    expect(r.objectives).toHaveLength(1);
    const o = r.objectives[0]!;
    expect(o).toMatchObject({ title: 'Grow revenue', label: 'objective_1_growth', period: '2026', team: 'Company' });
    expect(o.owner).toEqual({ name: 'Ana Lopes', role: 'CRO' });
    expect(o.keyResults.map((k) => [k.label, k.title, k.target?.type])).toEqual([
      ['kr1', 'New ARR', 'number'],
      ['kr2', 'Launch the partner program', undefined],
    ]);
  });
  it('a target written as a sentence is read from its words', () => {
    const r = read('- title: Be trusted\n  key_results:\n    - target: 100% regulatory compliance in all markets\n');
    expect(r.objectives[0]!.keyResults[0]).toMatchObject({
      title: '100% regulatory compliance in all markets',
      fromTitle: true,
      measureText: '100% regulatory compliance in all markets',
    });
  });
  it('reports every field it does not place, at its line (after the lines before the block)', () => {
    const r = read('- title: Grow\n  mood: sunny\n  key_results:\n    - title: x\n      colour: blue\n', 10);
    expect(r.entries.map((e) => `${e.line} ${e.message}`)).toEqual([
      '15 key result "x": field "colour" not mapped',
      '12 objective "Grow": field "mood" not mapped',
    ]);
  });
  it('says when the YAML cannot be read, and reads nothing of it', () => {
    const r = read('a: [1, 2\nb: c\n');
    expect(r.ok).toBe(false);
    expect(r.entries[0]!.message).toMatch(/^YAML could not be read/);
  });
});

describe('YAML KPI groups and documents', () => {
  it('a mapping whose leaves have metric and target is a KPI group, directly or by category', () => {
    const r = read(
      'customer_kpis:\n  retention:\n    nrr: { metric: Net revenue retention, target: ">110%" }\n    odd: 3\n  csat: { metric: CSAT, target: "4.5", owner: Ana }\n',
    );
    expect(r.kpiGroups[0]!.kpis.map((k) => [k.category, k.key, k.metric])).toEqual([
      ['retention', 'nrr', 'Net revenue retention'],
      [undefined, 'csat', 'CSAT'],
    ]);
    expect(r.entries.map((e) => e.message)).toEqual(['KPI group "customer_kpis": "retention.odd" not mapped']);
  });
  it('a whole document: title, period, team and organisation at the top; a period record for each period named', () => {
    const entries: ReportEntry[] = [];
    const d = readYamlDocument(
      'okrs.yaml',
      'title: Platform OKRs\nperiod: Q3 2026\nteam: Platform\norg: Acme\nmood: sunny\nobjectives:\n  - title: Be fast\n    key_results: [p95 under 200ms]\n',
      (e) => (e.kind === 'placed' ? undefined : entries.push(e)),
    );
    expect(d).toMatchObject({ title: 'Platform OKRs', period: '2026-Q3', orgName: 'Acme' });
    expect(d.objectives[0]).toMatchObject({ title: 'Be fast', team: 'Platform' });
    expect([...d.periods.keys()]).toEqual(['2026-Q3']);
    expect(entries.map((e) => e.message)).toEqual(['YAML "mood" not mapped']);
  });
});
