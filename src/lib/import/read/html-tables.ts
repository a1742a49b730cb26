// HTML tables in a Markdown page (a README generated from data often writes its OKRs as
// "<table><tr><td><strong>Objective</strong></td>…"): an HTML block holding a table is parsed as
// HTML and turned into Markdown nodes — the table as a Markdown table, a disclosure's summary as a
// heading, any text around them as paragraphs — so the table rules read it like a pipe table.
// Positions stay the file's, so the report cites the lines the cells are on.
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Heading, Html, Nodes, Root, RootContent, Table } from 'mdast';
import { pushAll } from '../../errors.ts';

type Point = NonNullable<Html['position']>['start'];

const TABLE = /<table\b/i;

const TABLE_END = /<\/table\s*>/i;
/** Browsers cap a cell's span near here; a larger one only costs time. */
const MAX_SPAN = 50;

/** Replace each HTML block that holds a table by the Markdown nodes it stands for. */
export function htmlTablesAsTables(root: Root): void {
  let depth = 1;
  const out: RootContent[] = [];
  const nodes = root.children;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'heading') depth = node.depth;
    if (node.type !== 'html' || !TABLE.test(node.value) || !node.position) {
      out.push(node);
      continue;
    }
    // A blank line inside the table ends Markdown's HTML block: the blocks after it, up to "</table>", are the table's.
    let block = node;
    while (!TABLE_END.test(block.value) && nodes[i + 1]?.type === 'html' && nodes[i + 1]!.position)
      block = joined(block, nodes[++i] as Html);
    pushAll(out, blockAsMarkdown(block, Math.min(depth + 1, 6) as Heading['depth']));
  }
  root.children = out;
}

/** Two HTML blocks as one, the blank lines between them kept so positions stay the file's. */
function joined(a: Html, b: Html): Html {
  const gap = b.position!.start.line - a.position!.end.line;
  return { ...a, value: a.value + '\n'.repeat(Math.max(1, gap)) + b.value, position: { start: a.position!.start, end: b.position!.end } };
}

function blockAsMarkdown(node: Html, summaryDepth: Heading['depth']): RootContent[] {
  const hast = fromHtml(node.value, { fragment: true });
  summariesAsHeadingElements(hast, summaryDepth);
  visitElements(hast, (e) => {
    for (const key of ['colSpan', 'rowSpan'] as const) if (Number(e.properties[key]) > MAX_SPAN) e.properties[key] = MAX_SPAN;
  });
  visitElements(hast, (e) => e.tagName === 'table' && spreadHeaderSpans(e));
  const md = toMdast(hast) as Root;
  const start = node.position!.start;
  for (const child of md.children) shift(child, start);
  for (const child of md.children) if (child.type === 'table') rowsAtTheirText(child);
  return md.children.map((child) => (child.type === 'table' ? withHeader(child) : child)).filter((c) => !isEmptyTable(c));
}

/** A table written with "<td>" cells only: the converter adds an empty header row; its first row is the header. */
function withHeader(t: Table): Table {
  const [head, ...body] = t.children;
  const empty = head && head.children.every((c) => !c.children.length);
  return empty && body.length ? { ...t, children: body, position: { start: body[0]!.position!.start, end: t.position!.end } } : t;
}

const isEmptyTable = (n: RootContent) => n.type === 'table' && n.children.every((r) => r.children.every((c) => !c.children.length));

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
    const span = c.type === 'element' && c.tagName === 'th' ? Number(c.properties.colSpan ?? 1) : 1;
    if (c.type !== 'element' || !(span > 1)) return [c];
    const one = { ...c, properties: { ...c.properties, colSpan: 1 } };
    return Array.from({ length: span }, () => one);
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
