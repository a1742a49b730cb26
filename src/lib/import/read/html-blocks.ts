// HTML that structures a Markdown page: "<h2>Key result: …</h2>" is a heading like "## Key result: …".
// "<details><summary>Ship the handbook</summary> … </details>":
// a disclosure is a section whose title is its summary. Before the outline is built, each summary becomes a heading one level below the
// heading it sits under, so the rules read what it holds like any section; the bare <details> and
// </details> lines carry nothing (see DECORATION in ../summary.ts).
import type { Heading, Html, PhrasingContent, Root, RootContent } from 'mdast';

const SUMMARY = /<summary\b[^>]*>([\s\S]*?)<\/summary>/gi;
const DETAILS = /<\/?details\b[^>]*>/gi;

/**
 * Replace disclosure summaries by headings and drop bare <details> wrappers. "</details>⏎<details>⏎<summary>…"
 * with no blank line is one HTML block, and so are several disclosures in a row: each summary is a heading.
 */
export function summariesAsHeadings(root: Root): void {
  let depth = 1;
  root.children = root.children.flatMap((node): RootContent[] => {
    if (node.type === 'heading') depth = node.depth;
    if (node.type !== 'html') return [node];
    const summaries = [...node.value.matchAll(SUMMARY)];
    if (node.value.replace(SUMMARY, '').replace(DETAILS, '').trim()) return [node];
    const level = Math.min(depth + 1, 6) as Heading['depth'];
    const headings = summaries.flatMap((m) => summaryHeading(node, m, level));
    return headings.length || !summaries.length ? headings : [node];
  });
}

/** The heading a summary stands for, on the summary's own line (none for an empty summary). */
function summaryHeading(node: Html, m: RegExpMatchArray, depth: Heading['depth']): Heading[] {
  const text = tagText(m[1]!);
  if (!text) return [];
  const line = node.position!.start.line + node.value.slice(0, m.index! + m[0].length).split('\n').length - 1;
  return [headingNode(text, depth, { start: { line, column: 1 }, end: { line, column: m[0].length + 1 } })];
}

/** The text inside an element: its tags dropped, its spaces and line breaks one space each. */
const tagText = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

function headingNode(text: string, depth: Heading['depth'], position: NonNullable<Heading['position']>): Heading {
  return { type: 'heading', depth, children: [{ type: 'text', value: text, position }], position };
}

const HEADING_TAG = /^\s*<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>[ \t]*(?:\n|$)/i;

/**
 * "<h2>⏎  Key result: Swim 40 lengths a week⏎</h2>": an HTML heading that opens a block is a heading at its
 * level; what follows it in the block stays HTML (and is reported).
 */
export function htmlHeadingsAsHeadings(root: Root): void {
  root.children = root.children.flatMap((node): RootContent[] => {
    const m = node.type === 'html' ? HEADING_TAG.exec(node.value) : null;
    if (!m || node.type !== 'html' || !node.position) return [node];
    const text = tagText(m[2]!);
    if (!text) return [node];
    // From its opening tag's line to its closing tag's, as a setext heading spans its underline.
    const start = node.position.start.line;
    const end = start + m[0].trimEnd().split('\n').length - 1;
    const heading = headingNode(text, Number(m[1]) as Heading['depth'], {
      start: { line: start, column: 1 },
      end: { line: end, column: 1 },
    });
    const rest = node.value.slice(m[0].length);
    if (!rest.trim()) return [heading];
    const restStart = start + m[0].split('\n').length - 1;
    return [heading, { ...node, value: rest, position: { start: { line: restStart, column: 1 }, end: node.position.end } }];
  });
}

/** `### <TeamMember name="Ada Lane" />`: a heading that is only a component names what its name attribute says. */
export function componentHeadingsAsText(root: Root): void {
  for (const node of root.children) {
    if (node.type !== 'heading' || !node.children.length || !node.children.every(isComponent)) continue;
    const html = node.children.map((c) => (c.type === 'html' ? c.value : '')).join(' ');
    const attr = /\b(?:name|title|label)\s*=\s*\{?\s*(["'])(.*?)\1/i.exec(html);
    const name = attr?.[2]?.trim();
    if (name) node.children = [{ type: 'text', value: name, position: node.children[0]!.position! }];
  }
}

const isComponent = (c: PhrasingContent) => c.type === 'html' || (c.type === 'text' && !c.value.trim());
