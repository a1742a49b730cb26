// The one rule set for narratives and guides, applied by `okr check` (through the loader) and, on its
// own parse, by the build's renderer (./render.ts): a page is Markdown, the handbook's components
// and the harmless HTML elements of ./allowlist.ts — no imports or exports, no expressions, no
// other HTML, no links that run code, no images from other hosts.
import {
  allowedAttribute,
  COMPONENTS,
  isAllowedElement,
  isSafeLink,
  isSiteImage,
  MARKDOWN_ELEMENTS,
  MAX_NESTING,
  URL_PROPERTIES,
  urlScheme,
} from './allowlist.ts';
import type { ProseAttribute, ProseFormat, ProseNode, ProseProblem } from './parse.ts';

/** One `<Component … />` of a page, with its attributes (all written as strings: the rules refuse the rest). */
export interface ProseComponent {
  name: string;
  attributes: Record<string, string>;
  line: number;
  column: number;
}

const HTML_HINT = 'see docs/content-model.md for the elements and attributes a page may use';
const isJsx = (n: ProseNode) => n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement';
const isComponentName = (name: string) => /^[A-Z]/.test(name);
/** An HTML comment: harmless in a Markdown page, and not rendered. */
export const isComment = (n: ProseNode) => n.type === 'comment' || (n.type === 'raw' && /^<!--[\s\S]*-->$/.test(String(n.value).trim()));

/** Every problem of a parsed page, and the components it uses. */
export function proseProblems(tree: ProseNode, format: ProseFormat): { problems: ProseProblem[]; components: ProseComponent[] } {
  const problems: ProseProblem[] = [];
  const components: ProseComponent[] = [];
  // Depth-first, without recursion: a tree can be deep (MAX_NESTING is checked here too).
  const stack: { node: ProseNode; depth: number; top: boolean }[] = [{ node: tree, depth: 0, top: false }];
  while (stack.length) {
    const { node, depth, top } = stack.pop()!;
    const at = node.position?.start ?? { line: 1, column: 1 };
    const report = (message: string, hint: string) => problems.push({ line: at.line, column: at.column, message, hint });
    if (depth > MAX_NESTING) {
      report(`the page nests more than ${MAX_NESTING} levels deep here`, 'prose needs only a few levels of lists, quotes and emphasis');
      continue;
    }
    const found = judge(node, format, top);
    for (const p of found) report(p.message, p.hint);
    if (!found.length && isJsx(node) && isComponentName(node.name ?? '')) components.push(componentUse(node, at));
    if (found.length && (node.type === 'mdxjsEsm' || node.type.endsWith('Expression'))) continue;
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: depth + 1, top: node.type === 'root' });
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { problems, components };
}

type Problem = { message: string; hint: string };

/** What is wrong with one node (its children are judged on their own): nothing when it is allowed. */
export function judge(node: ProseNode, format: ProseFormat, topLevel: boolean): Problem[] {
  const one = judgeNode(node, format, topLevel);
  return one === undefined ? [] : Array.isArray(one) ? one : [one];
}

function judgeNode(node: ProseNode, _format: ProseFormat, topLevel: boolean): Problem | Problem[] | undefined {
  switch (node.type) {
    case 'root':
    case 'text':
      return undefined;
    case 'element':
      return markdownElement(node);
    case 'mdxjsEsm':
      return {
        message: `pages cannot import or export code (${firstLine(node.value)})`,
        hint: `pages are Markdown plus the handbook's components (${Object.keys(COMPONENTS).join(', ')}), which need no import; remove the line`,
      };
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return {
        message: `pages cannot hold expressions ({${firstLine(node.value)}})`,
        hint: 'write the text itself; for the characters { and } write \\{ and \\}',
      };
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return jsxElement(node, topLevel);
    default:
      if (isComment(node)) return undefined;
      if (node.type === 'raw')
        return {
          message: `raw HTML is not allowed in a Markdown page (${firstLine(node.value)})`,
          hint: `write it in Markdown, or rename the page to .mdx, where a few harmless elements are allowed (${HTML_HINT})`,
        };
      return { message: `this kind of content (${node.type}) is not allowed in a page`, hint: HTML_HINT };
  }
}

/** An element made by Markdown syntax: only its links and images can carry a problem. */
function markdownElement(node: ProseNode): Problem | undefined {
  const tag = node.tagName ?? '';
  const allowed = MARKDOWN_ELEMENTS[tag];
  if (!allowed) return { message: `Markdown produced an element this handbook does not render (<${tag}>)`, hint: HTML_HINT };
  for (const [name, value] of Object.entries(node.properties ?? {})) {
    if (!allowed.includes(name)) return { message: `<${tag}> may not carry '${name}'`, hint: HTML_HINT };
    const problem = urlProblem(tag, name, value);
    if (problem) return problem;
  }
  return undefined;
}

/** An element or component written in MDX. */
function jsxElement(node: ProseNode, topLevel: boolean): Problem | Problem[] | undefined {
  const name = node.name;
  if (!name) return { message: 'fragments (<>…</>) are not allowed', hint: 'remove the <> and </>' };
  if (isComponentName(name)) return componentProblem(node, name, topLevel);
  if (!isAllowedElement(name))
    return {
      message: `the HTML element <${name}> is not allowed in a page`,
      hint: /^(script|style|iframe|object|embed|form|input|button|base|meta|link|svg|math|frame|frameset|template|textarea|select|video|audio|source|track|canvas|dialog|portal)$/i.test(
        name,
      )
        ? `pages cannot run code, load, embed, submit or style anything; ${HTML_HINT}`
        : HTML_HINT,
    };
  // Every attribute that is not allowed, each its own problem.
  return (node.attributes ?? []).flatMap((a) => attributeProblem(name, a) ?? []);
}

function componentProblem(node: ProseNode, name: string, topLevel: boolean): Problem | undefined {
  const spec = COMPONENTS[name];
  if (!spec) return undefined; // validateComponents() names it, with a "did you mean"
  const example = `e.g. ${spec.example}`;
  if (!topLevel || node.type !== 'mdxJsxFlowElement')
    return {
      message: `<${name}> must stand on its own line, outside other elements`,
      hint: `put it on a line of its own, with blank lines around it; ${example}`,
    };
  if ((node.children ?? []).length > 0) return { message: `<${name}> takes no content`, hint: `close it at once: ${example}` };
  for (const a of node.attributes ?? []) {
    if (a.type !== 'mdxJsxAttribute') return { message: `<${name}> cannot spread an expression into its attributes`, hint: example };
    if (typeof a.value !== 'string') return { message: `<${name} ${a.name}> needs a value written as text`, hint: example };
  }
  return undefined;
}

function attributeProblem(name: string, a: ProseAttribute): Problem | undefined {
  if (a.type !== 'mdxJsxAttribute')
    return { message: `<${name}> cannot spread an expression into its attributes`, hint: 'write each attribute as name="text"' };
  const attr = a.name ?? '';
  const property = allowedAttribute(name, attr);
  if (property === undefined)
    return {
      message: `<${name}> may not carry the attribute '${attr}'`,
      hint: /^on/i.test(attr)
        ? 'pages cannot run code: event handlers are never allowed'
        : attr === 'style' || attr === 'class' || attr === 'className' || attr === 'id'
          ? `pages take the site's own styles; ${attr} is not allowed (${HTML_HINT})`
          : HTML_HINT,
    };
  if (a.value !== null && typeof a.value !== 'string')
    return { message: `<${name} ${attr}={…}> is an expression`, hint: `write the value as text: ${attr}="…"` };
  return urlProblem(name, property, a.value);
}

function urlProblem(tag: string, property: string, value: unknown): Problem | undefined {
  const kind = URL_PROPERTIES[property];
  if (!kind || typeof value !== 'string') return undefined;
  if (kind === 'link' && !isSafeLink(value))
    return {
      message: `a link to '${truncate(value)}' is not allowed: only http, https, mailto, tel and relative links`,
      hint: 'links cannot run code (javascript:, data:, vbscript:); link to a page instead',
    };
  if (kind !== 'image' || isSiteImage(value)) return undefined;
  const scheme = urlScheme(value);
  return scheme && scheme !== 'http' && scheme !== 'https'
    ? {
        message: `the image '${truncate(value)}' is a ${scheme}: URL, not a file of the site`,
        hint: 'images must come from the site itself (a path such as /images/chart.png)',
      }
    : {
        message: `the image '${truncate(value)}' comes from another host`,
        hint: `images must come from the site itself (a path such as /images/chart.png); link to the other host instead of <${tag}>`,
      };
}

function componentUse(node: ProseNode, at: { line: number; column: number }): ProseComponent {
  const attributes: Record<string, string> = {};
  for (const a of node.attributes ?? []) if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string') attributes[a.name!] = a.value;
  return { name: node.name!, attributes, line: at.line, column: at.column };
}

const truncate = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
const firstLine = (v: unknown) => truncate(String(v).trim().split('\n')[0]!);
