// Tables that are not key results (src/lib/import/tables.ts): each reader returns its records and
// a note for every row or cell it could not use. Cells listing several key results (read/cell-lists.ts).
import type { Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/lib/import/markdown.ts';
import { listsInCellsAsRows } from '../../src/lib/import/read/cell-lists.ts';
import { changeRows, dependencyRows, gradingRows, riskRows, scheduleRows, tableKind, type TableRows } from '../../src/lib/import/tables.ts';
import type { PeriodDraft } from '../../src/lib/import/types.ts';

const cell = (text: string) => ({ text, links: [], redactions: [] });
function table(headers: string[], ...rows: string[][]): TableRows {
  return {
    file: 'doc.md',
    headers,
    norm: headers.map((h) => h.toLowerCase()),
    rows: rows.map((r, i) => ({ line: 10 + i, cells: r.map(cell) })),
  };
}
const period = (over: Partial<PeriodDraft> = {}): PeriodDraft => ({
  id: '2026-Q2',
  kind: 'quarter',
  fiscal: false,
  checkins: [],
  risks: [],
  dependencies: [],
  receiptsRequired: [],
  changeLog: [],
  ...over,
});

describe('table readers', () => {
  it('know a table by its headers', () => {
    expect(tableKind(['dependent okr', 'depends on', 'mitigation'])).toBe('dependencies');
    expect(tableKind(['risk', 'likelihood', 'impact'])).toBe('risks');
    expect(tableKind(['date', 'type', 'focus'])).toBe('schedule');
    expect(tableKind(['score', 'meaning'])).toBe('grading');
    expect(tableKind(['date', 'author', 'changes'])).toBe('changes');
    expect(tableKind(['practice', 'why it matters'])).toBeUndefined();
  });
  it('split a dependency on several targets and keep the risk level and its note', () => {
    const r = dependencyRows(
      table(['Dependent OKR', 'Depends On', 'Risk if Blocker', 'Owner'], ['Sales: 15 deals', 'SSO, RBAC', 'High - contingent', 'Dana']),
    );
    expect(r.dependencies.map((d) => [d.on, d.risk, d.riskNote])).toEqual([
      ['SSO', 'high', 'contingent'],
      ['RBAC', 'high', 'contingent'],
    ]);
    expect(r.notes).toEqual([{ kind: 'unmapped', line: 10, message: 'cell in column "Owner" not mapped', excerpt: 'Dana' }]);
  });
  it('read risks and report rows without one', () => {
    const r = riskRows(table(['Risk', 'Likelihood', 'Impact'], ['Budget cut', 'Low', 'High'], ['', 'High', '']));
    expect(r.risks).toEqual([{ line: 10, title: 'Budget cut', likelihood: 'low', impact: 'high' }]);
    expect(r.notes[0]).toMatchObject({ line: 11, message: 'risk row without a risk not mapped' });
  });
  it('place schedule dates without a year in the period, and say so', () => {
    const r = scheduleRows(table(['Date', 'Type'], ['April 7', 'Weekly'], ['soon', 'Weekly']), period(), 9);
    expect(r.checkins).toEqual([{ date: '2026-04-07', type: 'weekly' }]);
    expect(r.notes.map((n) => n.kind)).toEqual(['unmapped', 'guess']);
  });
  it('read grading bands and change history', () => {
    expect(gradingRows(table(['Score', 'Meaning'], ['0.7 - 1.0', 'Great'])).bands).toEqual([{ min: 0.7, label: 'Great' }]);
    const c = changeRows(table(['Date', 'Author', 'Changes'], ['2026-04-01', 'VP', 'Drafted'], ['x', '', '']), period());
    expect(c.changes).toEqual([{ date: '2026-04-01', author: 'VP', change: 'Drafted' }]);
    expect(c.notes).toHaveLength(1);
  });
});

describe('cells that list several things', () => {
  const rowsOf = (md: string) =>
    listsInCellsAsRows(parseMarkdown(md).children[0] as Table, 1).children.map((r) =>
      r.children.map((c) => c.children.map((n) => ('value' in n ? n.value : '')).join('')),
    );
  it('splits a row at line breaks when every part is numbered or bulleted; other cells stay on its first row', () => {
    const md =
      '| Objective | Key result | Owner |\n| --- | --- | --- |\n| Grow | 1. Reach 60 <br>2. Hold 4 days | Ana |\n| Keep | - Fix 3 roofs<br>- Paint 2 halls | Bo |\n';
    expect(rowsOf(md)).toEqual([
      ['Objective', 'Key result', 'Owner'],
      ['Grow', '1. Reach 60 ', 'Ana'],
      ['', '2. Hold 4 days', ''],
      ['Keep', 'Fix 3 roofs', 'Bo'],
      ['', 'Paint 2 halls', ''],
    ]);
  });
  it('leaves a cell whose lines are not all listed as it is', () => {
    const md = '| Key result | Notes |\n| --- | --- |\n| Reach 60 | First line<br>1. second |\n';
    expect(rowsOf(md)).toHaveLength(2);
  });
});
