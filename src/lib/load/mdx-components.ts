// The components an MDX page (a narrative or a guide) uses, read with the MDX parser the build uses
// (satteri, through @astrojs/mdx): `okr check` then reports what would otherwise break or empty the
// build — a syntax error, an unknown component, a key result, period or team that does not exist.
import { mdxToMdast, type MdastNode } from 'satteri';
import type { ContentIssue } from '../errors.ts';
import type { ComponentUse } from '../source/content.ts';

/** The page's components (capitalised JSX elements) and its syntax error, if any; `imports`: it has its own. */
export function mdxComponents(file: string, text: string): { uses: ComponentUse[]; imports: boolean; issues: ContentIssue[] } {
  let tree: MdastNode;
  try {
    tree = mdxToMdast(text);
  } catch (e) {
    const m = /^(\d+):(\d+): ([\s\S]*)$/.exec((e as Error).message);
    const issue: ContentIssue = {
      file,
      line: m ? Number(m[1]) : 0,
      column: m ? Number(m[2]) : 0,
      path: '',
      message: `MDX syntax: ${m ? m[3] : (e as Error).message}`,
      hint: 'MDX reads < and { as the start of a component or an expression: close it, or write &lt; and \\{ for the characters',
      severity: 'error',
    };
    return { uses: [], imports: false, issues: [issue] };
  }
  const uses: ComponentUse[] = [];
  let imports = false;
  const walk = (node: MdastNode) => {
    if (node.type === 'mdxjsEsm') imports = true;
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name)) {
      const attributes: Record<string, string | null> = {};
      for (const a of node.attributes)
        if (a.type === 'mdxJsxAttribute') attributes[a.name] = typeof a.value === 'string' ? a.value : a.value === null ? '' : null;
      uses.push({ name: node.name, attributes, line: node.position?.start.line ?? 0, column: node.position?.start.column ?? 0 });
    }
    if ('children' in node) for (const child of node.children as MdastNode[]) walk(child);
  };
  walk(tree);
  return { uses, imports, issues: [] };
}
