// HTML tables in a Markdown page (a README generated from data often writes its OKRs as
// "<table><tr><td><strong>Objective</strong></td>…"): an HTML block holding a table is parsed as
// HTML and turned into Markdown nodes — the table as a Markdown table, a disclosure's summary as a
// heading, any text around them as paragraphs — so the table rules read it like a pipe table.
// Positions stay the file's, so the report cites the lines the cells are on.
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Heading, Html, Nodes, Root, RootContent, Table } from 'mdast';

type Point = NonNullable<Html['position']>['start'];

const TABLE = /<table\b/i;

/** Replace each HTML block that holds a table by the Markdown nodes it stands for. */
export function htmlTablesAsTables(root: Root): void {
  let depth = 1;
  root.children = root.children.flatMap((node): RootContent[] => {
    if (node.type === 'heading') depth = node.depth;
    if (node.type !== 'html' || !TABLE.test(node.value) || !node.position) return [node];
    return blockAsMarkdown(node, Math.min(depth + 1, 6) as Heading['depth']);
  });
}

function blockAsMarkdown(node: Html, summaryDepth: Heading['depth']): RootContent[] {
  const hast = fromHtml(node.value, { fragment: true });
  summariesAsHeadingElements(hast, summaryDepth);
  visitElements(hast, (e) => e.tagName === 'table' && spreadHeaderSpans(e));
  const md = toMdast(hast) as Root;
  const start = node.position!.start;
  for (const child of md.children) shift(child, start);
  for (const child of md.children) if (child.type === 'table') rowsAtTheirText(child);
  return md.children;
}

function visitElements(node: HastRoot | Element, visit: (e: Element) => void): void {
  for (const child of node.children as HastContent[])
    if (child.type === 'element') {
      visit(child);
      visitElements(child, visit);
    }
}

/** "<th colspan="2">Progress</th>": each column under a spanning header is named by it, as the report names a cell by its column. */
function spreadHeaderSpans(table: Element): void {
  let row: Element | undefined;
  visitElements(table, (e) => {
    if (!row && e.tagName === 'tr') row = e;
  });
  if (!row) return;
  row.children = row.children.flatMap((c) => {
    const span = c.type === 'element' ? Number(c.properties.colSpan ?? 1) : 1;
    if (c.type !== 'element' || !(span > 1)) return [c];
    const one = { ...c, properties: { ...c.properties, colSpan: 1 } };
    return Array.from({ length: Math.min(span, 50) }, () => one);
  });
}

/** "<summary>Q4 2035</summary>": a disclosure's title is a heading one level below the one above it. */
function summariesAsHeadingElements(node: HastRoot | Element, depth: Heading['depth']): void {
  for (const child of node.children as HastContent[]) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'summary') child.tagName = `h${depth}`;
    else summariesAsHeadingElements(child, depth);
  }
}

/** Positions in the block are relative to it: move them to the file's lines and columns. */
function shift(node: Nodes, start: Point): void {
  const at = (p: Point): Point => ({
    line: p.line + start.line - 1,
    column: p.line === 1 ? p.column + start.column - 1 : p.column,
  });
  if (node.position) node.position = { start: at(node.position.start), end: at(node.position.end) };
  if ('children' in node) for (const c of node.children) shift(c, start);
}

/**
 * A row written over several lines ("<tr>⏎<td>…</td>⏎<td>…</td>⏎</tr>") is read at its first cell
 * with text, as a pipe table's row is read at its line; the table starts where its first row does.
 */
function rowsAtTheirText(t: Table): void {
  for (const row of t.children) {
    const first = row.children.find((c) => c.children.length && c.position)?.position;
    if (first && row.position) row.position = { start: first.start, end: row.position.end };
  }
  const head = t.children[0]?.position;
  if (head && t.position) t.position = { start: head.start, end: t.position.end };
}
