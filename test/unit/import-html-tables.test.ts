// HTML tables in Markdown become Markdown tables at the file's lines (src/lib/import/read/html-tables.ts).
import type { Heading, Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/lib/import/markdown.ts';
import { htmlTablesAsTables } from '../../src/lib/import/read/html-tables.ts';

const cellTexts = (t: Table) =>
  t.children.map((r) => r.children.map((c) => c.children.map((n) => ('value' in n ? n.value : n.type)).join('')));

describe('HTML tables', () => {
  const md = [
    '## Goals',
    '',
    '<details>',
    '  <summary>Q2 2036</summary>',
    '  <table>',
    '    <tr><th>Goal</th><th colspan="2">Done</th></tr>',
    '    <tr>',
    '      <td><strong>Keep fit</strong></td>',
    '      <td>50%</td>',
    '      <td>▰▰▱</td>',
    '    </tr>',
    '  </table>',
    '  <p>Kept weekly.</p>',
    '</details>',
  ].join('\n');

  it('a block holding a table becomes its summary as a heading, the table, and the text around it', () => {
    const root = parseMarkdown(md);
    htmlTablesAsTables(root);
    expect(root.children.map((n) => n.type)).toEqual(['heading', 'heading', 'table', 'paragraph']);
    const summary = root.children[1] as Heading;
    expect(summary.depth).toBe(3);
    expect(summary.position?.start.line).toBe(4);
    const table = root.children[2] as Table;
    // A header spanning two columns names both; bold stays bold.
    expect(cellTexts(table)).toEqual([
      ['Goal', 'Done', 'Done'],
      ['strong', '50%', '▰▰▱'],
    ]);
    // A row over several lines is read at its first cell; the table starts at its header row.
    expect(table.position?.start.line).toBe(6);
    expect(table.children[1]!.position?.start.line).toBe(8);
    expect(table.children[1]!.position?.end.line).toBe(11);
    expect(root.children[3]!.position?.start.line).toBe(13);
  });

  it('a table of <td> cells only takes its first row as the header; a blank line inside it does not split it', () => {
    const root = parseMarkdown(
      ['<table>', '<tr><td>Goal</td><td>Done</td></tr>', '', '<tr><td>Keep fit</td><td>50%</td></tr>', '</table>'].join('\n'),
    );
    htmlTablesAsTables(root);
    expect(root.children.map((n) => n.type)).toEqual(['table']);
    const table = root.children[0] as Table;
    expect(cellTexts(table)).toEqual([
      ['Goal', 'Done'],
      ['Keep fit', '50%'],
    ]);
    expect(table.children[1]!.position?.start.line).toBe(4);
  });

  it('caps a huge span', () => {
    const root = parseMarkdown('<table><tr><th colspan="100000">Goal</th></tr><tr><td colspan="100000">x</td></tr></table>\n');
    htmlTablesAsTables(root);
    expect((root.children[0] as Table).children[0]!.children.length).toBeLessThanOrEqual(50);
  });

  it('leaves HTML without a table alone', () => {
    const root = parseMarkdown('<p>Just a note.</p>\n');
    htmlTablesAsTables(root);
    expect(root.children.map((n) => n.type)).toEqual(['html']);
  });
});
