// The header vocabulary of key-result tables, and ids in their cells.
import { describe, expect, it } from 'vitest';
import { classifyTable } from '../../src/lib/import/classify/tables.ts';
import { cellValue, keyResultRows, valueParts } from '../../src/lib/import/kr-table.ts';
import type { TableRows } from '../../src/lib/import/tables.ts';
import { fieldColumn, headerKey } from '../../src/lib/import/table-headers.ts';
import { idAndName, idColumnShape, idLabel, idOnly } from '../../src/lib/import/table-ids.ts';

describe('key-result table headers', () => {
  it('compare without case, spaces, remarks or a trailing colon', () => {
    expect(headerKey('**Current** (as of May 1)')).toBe('current');
    expect(headerKey('当前（3月）')).toBe('当前');
    expect(headerKey('子 OKR：')).toBe('子okr');
  });
  it('name the same fields in English and Chinese', () => {
    const zh = ['子 OKR', '基线', '当前', '目标', '期限', '负责人', '状态', '进度', '备注'];
    expect(['kr', 'baseline', 'current', 'target', 'due', 'owner', 'status', 'notes'].map((f) => fieldColumn(zh, f as never))).toEqual([
      0, 1, 2, 3, 4, 5, 6, 8,
    ]);
    expect(fieldColumn(['KR', 'Current', 'Target', 'Deadline'], 'due')).toBe(3);
  });
  it('read a first-column "Goal" or 目标 before a key-result column as the objective, else as the target', () => {
    expect(fieldColumn(['目标', '关键结果', '负责人'], 'objective')).toBe(0);
    expect(fieldColumn(['目标', '关键结果', '负责人'], 'target')).toBe(-1);
    expect(fieldColumn(['KR', '当前', '目标'], 'target')).toBe(2);
    expect(fieldColumn(['KR', '当前', '目标'], 'objective')).toBe(-1);
    expect(fieldColumn(['Goal', 'Key result'], 'objective')).toBe(0);
    expect(fieldColumn(['Goal', 'Owner'], 'target')).toBe(0);
  });
  it('name them in other languages too, one list of words per language', () => {
    expect(fieldColumn(['Resultado clave', 'Línea base', 'Meta', 'Responsable'], 'target')).toBe(2);
    expect(fieldColumn(['主要な結果', '現状', '目標', '担当者'], 'current')).toBe(1);
    expect(fieldColumn(['主要な結果', '現状', '目標', '担当者'], 'target')).toBe(2);
    expect(fieldColumn(['Ziel', 'Schlüsselergebnis', 'Verantwortlich'], 'objective')).toBe(0);
    expect(fieldColumn(['關鍵結果', '當前', '目標值', '負責人'], 'owner')).toBe(3);
  });
  it('read a qualified header by its last word, the final score before a mid-period or projected one', () => {
    const h = ['Key Result', 'Assignee', 'Priority', 'Midpoint Score', 'Expected Score', 'Final Score'];
    expect(fieldColumn(h, 'grade')).toBe(5);
    expect(fieldColumn(h, 'owner')).toBe(1);
    expect(fieldColumn(['Key Result', 'Q2 Score'], 'grade')).toBe(1);
    expect(fieldColumn(['Key Result', 'KR Owner', 'Current Status'], 'status')).toBe(2);
    // A header's last word of two letters ("Moves to") names nothing.
    expect(fieldColumn(['Key Result', 'Moves to'], 'target')).toBe(-1);
    // Words that name something else do not qualify: a parent's goal, a business owner.
    expect(fieldColumn(['Key Result', 'Parent Goal'], 'target')).toBe(-1);
    expect(fieldColumn(['Key Result', 'Business Owner', 'Tech Lead'], 'owner')).toBe(-1);
  });
  it('name the parent key result a row serves', () => {
    expect(fieldColumn(['子 OKR', '当前', '目标', '对应总 KR'], 'parent')).toBe(3);
    expect(fieldColumn(['KR', 'Target', 'Parent KR'], 'parent')).toBe(2);
  });
  it('leave a key-result table under "Success Metrics" or a retrospective to what the heading says', () => {
    const t = { norm: ['metric', 'target'], rows: [{ cells: ['Uptime', '99%'], boldFirst: false }], objectiveOpen: true };
    expect(classifyTable(t).role).toBe('key results');
    expect(classifyTable({ ...t, notesSection: 'metrics' })).toMatchObject({ role: 'notes', section: 'metrics' });
    expect(classifyTable({ ...t, norm: ['risk', 'impact'], notesSection: 'metrics' }).role).toBe('risks');
  });
});

describe('ids in key-result cells', () => {
  it('know a cell that is only an id', () => {
    expect(['KR 1', 'KR2', 'M1.1', 'A1.', '#3', '1.2'].map(idOnly)).toEqual(['KR1', 'KR2', 'M1.1', 'A1', 'KR3', 'KR1.2']);
    expect(idOnly('Ship it')).toBeUndefined();
    expect(idLabel('KR-4')).toBe('KR4');
  });
  it('split an id from a short name: a KR id always, another id only when the whole column is so written', () => {
    expect(idAndName('KR1.1 Soft launch done', false)).toEqual({ label: 'KR1.1', name: 'Soft launch done' });
    expect(idAndName('A1. 搜索准确率', false)).toBeUndefined();
    expect(idAndName('A1. 搜索准确率', true)).toEqual({ label: 'A1', name: '搜索准确率' });
    expect(idAndName('100 new users', true)).toBeUndefined();
    expect(idAndName('3. Cut costs', true)).toEqual({ label: 'KR3', name: 'Cut costs' });
  });
  it('read the shape of a whole column, so one odd cell makes no id', () => {
    expect(idColumnShape(['KR 1', 'KR 2', ''])).toBe('ids');
    expect(idColumnShape(['B1. Count', 'B2. Rate'])).toBe('ids and names');
    expect(idColumnShape(['Q3 revenue up', 'Hire two people'])).toBeUndefined();
  });
});

describe('value cells', () => {
  it('keep a remark or a mark beside a number apart from the value', () => {
    expect(valueParts('1（GitHub 自然流量）')).toEqual({ value: '1', remark: 'GitHub 自然流量' });
    expect(valueParts('50 ✅')).toEqual({ value: '50', mark: 'green' });
    expect(valueParts('5 ✅ 达标')).toEqual({ value: '5', remark: '达标', mark: 'green' });
    expect(valueParts('✅ 完成')).toEqual({ value: '✅ 完成' });
    expect(valueParts('Shipped (beta)')).toEqual({ value: 'Shipped (beta)' });
  });
  it('read "50+" as at least 50, and words for "unknown" in another language as empty', () => {
    expect(cellValue('100,000+')).toMatchObject({ type: 'number', value: 100000, operator: '>=' });
    expect(cellValue('100,000+')).not.toHaveProperty('unit');
    expect(cellValue('未知')).toMatchObject({ type: 'empty' });
    expect(cellValue('N/A')).toMatchObject({ type: 'empty', why: 'n/a' });
  });
});

const rows = (headers: string[], ...cells: string[][]): TableRows => ({
  file: 'doc.md',
  headers,
  norm: headers.map((h) => h.toLowerCase()),
  rows: cells.map((r, i) => ({ line: i + 3, cells: r.map((text) => ({ text, links: [], redactions: [] })) })),
});

describe('key-result rows', () => {
  it('take the text from the Target column when the KR column holds only ids, and read values from it', () => {
    const r = keyResultRows(rows(['KR', 'Target', 'Status'], ['M1.1', 'Ship 3 connectors to the new API', 'On branch']), { line: 1 });
    expect(r.keyResults[0]).toMatchObject({ label: 'M1.1', title: 'Ship 3 connectors to the new API', fromTitle: true });
    expect(r.keyResults[0]).not.toHaveProperty('target');
    expect(r.keyResults[0]!.declared).toEqual({ statusNote: 'On branch' });
  });
  it('keep a Target of numbers as the target, and not take a named column ("Team") as the text', () => {
    const r = keyResultRows(rows(['#', 'Team', 'Target'], ['1', 'Platform', '40%']), { line: 1 });
    expect(r.keyResults[0]?.title).not.toBe('Platform');
  });
  it('split ids from names when the whole column is so written', () => {
    const r = keyResultRows(rows(['子 OKR', '当前', '目标'], ['A1. 搜索准确率', '未知', '>80%'], ['A2. 安装步骤', '3步', '≤2步']), {
      line: 1,
    });
    expect(r.keyResults.map((k) => [k.label, k.title])).toEqual([
      ['A1', '搜索准确率'],
      ['A2', '安装步骤'],
    ]);
    expect(r.keyResults[0]!.current).toMatchObject({ type: 'empty' });
  });
});
