// OKR blocks at any depth of a YAML document (src/lib/import/yaml/nested.ts): the period a key
// names, the owner or team the enclosing Name gives, and empty blocks reported, not invented.
import { describe, expect, it } from 'vitest';
import type { ReportEntry } from '../../src/lib/import/types.ts';
import { keyPeriod, withKeyPeriod } from '../../src/lib/import/yaml/nested.ts';
import { readYaml } from '../../src/lib/import/yaml/read.ts';
import { readYamlDocument } from '../../src/lib/import/yaml/document.ts';

const read = (text: string) => {
  const entries: ReportEntry[] = [];
  const r = readYaml(text, { file: 'x.yaml', lineOffset: 0, report: (e) => (e.kind === 'placed' ? undefined : entries.push(e)) });
  return { ...r, entries };
};

describe('keys naming periods', () => {
  it('reads a key that is nothing but a period, and a quarter without its year', () => {
    expect(keyPeriod('2031-Q2')).toEqual({ period: '2031-Q2' });
    expect(keyPeriod('Q2_2031')).toEqual({ period: '2031-Q2' });
    expect(keyPeriod('FY31')).toEqual({ period: 'FY31', year: { year: 31, fiscal: true } });
    expect(keyPeriod('2031')).toEqual({ period: '2031', year: { year: 2031, fiscal: false } });
    expect(keyPeriod('Q4')).toEqual({ quarter: 4 });
    expect(keyPeriod('Projects')).toBeUndefined();
    expect(keyPeriod('Goals 2031')).toBeUndefined();
  });
  it('dates a bare quarter by the year named above it, else leaves it to the document', () => {
    expect(withKeyPeriod({ year: { year: 2031, fiscal: false } }, 'Q3')).toMatchObject({ period: '2031-Q3' });
    expect(withKeyPeriod({ period: 'FY31' }, 'Q1')).toMatchObject({ period: 'FY31-Q1' });
    expect(withKeyPeriod({ team: 'Ops' }, 'Q2')).toEqual({ team: 'Ops', period: undefined, quarter: 2 });
    expect(withKeyPeriod({ team: 'Ops' }, 'OKR')).toEqual({ team: 'Ops' });
  });
});

describe('OKR blocks at any depth', () => {
  const text = [
    'Name: Lantern Co-op',
    'OKR:',
    '  Q1:',
    '    Objective: Light the north wing',
    '    KeyResults:',
    '      - Metric: Fit 30 lamps',
    'Units:',
    '  - Name: Glassworks',
    '    OKR:',
    '      2031:',
    '        Q2: { objective: Blow new shades, krs: [Make 50 shades] }',
    '    Members:',
    '      - Name: Noor Haddad',
    '        OKR:',
    '          Q1:',
    '            Objective: Teach two apprentices',
    '            KeyResults:',
    '              - Metric: ""',
    '      - Name: Piet Vos',
    '        OKR: { Q1: {} }',
  ].join('\n');
  const r = read(text);
  it('finds each objective, with the nearest Name as its team or (in a list of members) its owner', () => {
    expect(r.objectives.map((o) => [o.title, o.team, o.owner?.name, o.period, o.quarter])).toEqual([
      ['Light the north wing', undefined, undefined, undefined, 1],
      ['Blow new shades', 'Glassworks', undefined, '2031-Q2', undefined],
      ['Teach two apprentices', 'Glassworks', 'Noor Haddad', undefined, 1],
    ]);
  });
  it('reports an empty key result and an empty block, inventing neither', () => {
    expect(r.objectives[2]!.keyResults).toEqual([]);
    expect(r.entries.map((e) => `${e.line} ${e.message}`)).toEqual([
      '18 objective "Teach two apprentices": key result 1 is empty, not imported',
      '19 YAML "Units[1](Glassworks).Members[2](Piet Vos)" (no objective, only empty blocks: OKR.Q1) not mapped (Name, OKR)',
    ]);
  });
});

describe('a whole document written as JSON', () => {
  it('reads year and quarter together as its period, and places the brackets around it', () => {
    const entries: ReportEntry[] = [];
    const text = JSON.stringify(
      { year: 2033, quarter: 'Q2', objectives: [{ text: 'Ship the kiosk', krs: [{ desc: 'Open 4 kiosks' }] }] },
      null,
      2,
    );
    const doc = readYamlDocument('okrs.json', text, (e) => entries.push(e));
    expect(doc.period).toBe('2033-Q2');
    expect(doc.objectives.map((o) => [o.title, o.keyResults.map((k) => k.title)])).toEqual([['Ship the kiosk', ['Open 4 kiosks']]]);
    const lines = text.split('\n').length;
    const placed = entries.filter((e) => e.kind === 'placed').map((e) => e.line);
    expect(placed).toEqual(expect.arrayContaining([1, lines]));
    expect(entries.filter((e) => e.kind === 'unmapped')).toEqual([]);
  });
});
