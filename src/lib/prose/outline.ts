// A page's sections, for its "On this page" list: its second-level headings with the ids the
// renderer (./render.ts) gives them — the heading's own id, else a GitHub-style slug of its text,
// counted over every heading in document order as the renderer counts them.
import GithubSlugger from 'github-slugger';
import { scalarText } from '../format.ts';
import { parseProse, type ProseFormat, type ProseNode } from './parse.ts';
import { isComment } from './rules.ts';

interface ProseSection {
  id: string;
  label: string;
}

/** The page's `##` sections; none when the page cannot be parsed (the renderer reports that). */
export function proseSections(text: string, format: ProseFormat): ProseSection[] {
  const parsed = parseProse(text, format);
  if ('problem' in parsed) return [];
  const slugger = new GithubSlugger();
  const sections: ProseSection[] = [];
  // Depth-first without recursion, in document order (a page may nest deeply).
  const stack: ProseNode[] = [...(parsed.tree.children ?? [])].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'mdxJsxFlowElement' && /^[A-Z]/.test(node.name ?? '')) continue;
    const level = node.type === 'element' ? /^h([1-6])$/.exec(node.tagName ?? '')?.[1] : undefined;
    if (level) {
      const label = textOf(node);
      const own = node.properties?.id;
      const id = own === undefined ? slugger.slug(label) : scalarText(own);
      if (level === '2' && label.trim()) sections.push({ id, label: label.trim() });
      continue;
    }
    for (const child of [...(node.children ?? [])].reverse()) stack.push(child);
  }
  return sections;
}

function textOf(node: ProseNode): string {
  if (isComment(node)) return '';
  if (node.type === 'text') return scalarText(node.value ?? '');
  return (node.children ?? []).map(textOf).join('');
}
