// HTML that structures a Markdown page. "<details><summary>Ship the handbook</summary> … </details>":
// a disclosure is a section whose title is its summary. Before the outline is built, each summary becomes a heading one level below the
// heading it sits under, so the rules read what it holds like any section; the bare <details> and
// </details> lines carry nothing (see DECORATION in ../summary.ts).
import type { Heading, PhrasingContent, Root, RootContent } from 'mdast';
import { endLineOf } from '../markdown.ts';

const SUMMARY = /^\s*(?:<details\b[^>]*>\s*)?<summary\b[^>]*>([\s\S]*?)<\/summary>\s*$/i;
const WRAPPER = /^\s*(?:<\/?details\b[^>]*>\s*)+$/i;

/** Replace disclosure summaries by headings and drop bare <details> wrappers. */
export function summariesAsHeadings(root: Root): void {
  let depth = 1;
  root.children = root.children.flatMap((node): RootContent[] => {
    if (node.type === 'heading') depth = node.depth;
    if (node.type !== 'html') return [node];
    if (WRAPPER.test(node.value)) return [];
    const m = SUMMARY.exec(node.value);
    const text = m?.[1]!
      .replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!text) return [node];
    const heading: Heading = {
      type: 'heading',
      depth: Math.min(depth + 1, 6) as Heading['depth'],
      children: [{ type: 'text', value: text, position: node.position! }],
      position: { start: { ...node.position!.start, line: endLineOf(node) }, end: node.position!.end },
    };
    return [heading];
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
