// Bullets indented eight spaces under a heading ("        - make £15,000 RR", "        -users can …")
// are an indented code block to Markdown, but a list to whoever wrote them. Before the outline is
// built, such blocks become the lists they were meant to be, each line an item at its own
// indentation level, with the lines they came from. Only indented blocks (never fenced ones) whose
// first line and most lines are bullets. The same inside a list item: "3. Build the toolkit" over
// "\t\ta. 4 runs completed", "\t\tb. 6 people attend" indented past the item's text.
import type { Code, ListItem, Nodes, Root, RootContent } from 'mdast';
import { endLineOf, lineOf, parseMarkdown } from '../markdown.ts';

const BULLET = /^[-*+](?=\s|\S)/;
/** "a. …", "b) …": lettered items, as bullets only inside a list item (at the top a letter starts a sentence too often). */
const LETTERED = /^[a-z][.)]\s+(?=\S)/;

/** Replace such code blocks in the tree by lists; returns the first line of each block replaced. */
export function relistIndentedBullets(root: Root): number[] {
  const lines: number[] = [];
  root.children = root.children.flatMap((node): RootContent[] => {
    if (node.type === 'list') for (const item of node.children) relistInItem(item, lines);
    if (node.type !== 'code') return [node];
    const list = asList(node, BULLET);
    if (!list) return [node];
    lines.push(lineOf(node));
    return list;
  });
  return lines;
}

function relistInItem(item: ListItem, lines: number[]) {
  item.children = item.children.flatMap((node): ListItem['children'] => {
    if (node.type === 'list') for (const i of node.children) relistInItem(i, lines);
    if (node.type !== 'code') return [node];
    const list = asList(node, BULLET) ?? asList(node, LETTERED);
    if (!list?.every((n) => n.type === 'list')) return [node];
    lines.push(lineOf(node));
    return list;
  });
}

function asList(c: Code, marker: RegExp): RootContent[] | undefined {
  const lines = c.value.split('\n');
  const filled = lines.filter((l) => l.trim());
  const indented = !c.lang && endLineOf(c) - lineOf(c) + 1 === lines.length;
  if (!indented || !marker.test(filled[0]?.trim() ?? '') || filled.filter((l) => marker.test(l.trim())).length * 2 <= filled.length)
    return undefined;
  const width = (l: string) => /^[ \t]*/.exec(l)![0].replace(/\t/g, '    ').length;
  const levels = [...new Set(filled.map(width))].sort((a, b) => a - b);
  const text = lines
    .map((l) => (l.trim() ? `${'  '.repeat(levels.indexOf(width(l)))}- ${l.trim().replace(marker, '').trim()}` : ''))
    .join('\n');
  const fragment = parseMarkdown(text);
  shiftLines(fragment, lineOf(c) - 1);
  return fragment.children;
}

/** Move a parsed fragment's positions to the lines it came from. */
function shiftLines(n: Nodes, by: number): void {
  if (n.position) {
    n.position.start.line += by;
    n.position.end.line += by;
  }
  if ('children' in n) for (const child of n.children) shiftLines(child, by);
}
