// Shared by the importer's item-classification tests: outline items from a Markdown snippet, and the
// place an item is classified in (src/lib/import/classify/items.ts).
import type { List, PhrasingContent } from 'mdast';
import type { DocProfile, ItemContext } from '../../src/lib/import/classify/items.ts';
import { parseMarkdown } from '../../src/lib/import/markdown.ts';
import { outlineList, type OutlineItem } from '../../src/lib/import/outline.ts';

/** Inline nodes as plain text, without the importer's link and redaction handling. */
export const plain = (nodes: readonly PhrasingContent[]): string =>
  nodes.map((n) => ('value' in n ? n.value : 'children' in n ? plain(n.children) : '')).join('');

/** The outline items of the first list in `md`. */
export const items = (md: string): OutlineItem[] => outlineList(parseMarkdown(md).children.find((n) => n.type === 'list') as List, plain);

export const NONE: DocProfile = { labelledObjectives: 0, labelledKrs: 0 };

/** An item's place: no labels in the document, no objective open unless `over` says so. */
export const itemContext = (over: Partial<ItemContext> = {}): ItemContext => ({
  profile: NONE,
  objective: false,
  krList: false,
  goalsSection: false,
  underKr: false,
  siblings: [],
  ...over,
});
