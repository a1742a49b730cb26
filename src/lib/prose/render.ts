// The build's renderer for narratives and guides. A page is never compiled as code: it is parsed
// into a tree (./parse.ts), judged by the same rules as `okr check` (./rules.ts), and then only the
// nodes ./allowlist.ts lists are turned into HTML — anything else stops the build, even if the
// check missed it. The handbook's components come back as their own segments, for the page to render.
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Properties, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { scalarText } from '../format.ts';
import {
  allowedAttribute,
  COMPONENTS,
  isAllowedElement,
  isSafeLink,
  isSiteImage,
  MARKDOWN_ELEMENTS,
  MAX_NESTING,
  URL_PROPERTIES,
} from './allowlist.ts';
import { parseProse, type ProseFormat, type ProseNode, type ProseProblem } from './parse.ts';
import { isComment, proseProblems } from './rules.ts';

/** A run of rendered HTML, or one of the handbook's components with its attributes. */
export type ProseSegment = { html: string } | { component: string; props: Record<string, string> };

/** A page the renderer will not render; `okr check` reports the same problem with its hint. */
export class ProseRefused extends Error {}

/**
 * Where a page sits inside another: its top heading level becomes `headingsFrom` (the others keep
 * their distance from it, h6 at most), and its heading ids start with `idPrefix` — so a narrative's
 * "## Risks" under the page's own h2 neither ranks with the page's headings nor takes their id.
 */
export interface ProseNesting {
  headingsFrom?: number;
  idPrefix?: string;
}

/** Render a page's text (front matter included) to HTML segments; throws ProseRefused on anything not allowed. */
export function renderProse(file: string, text: string, format: ProseFormat, nesting: ProseNesting = {}): ProseSegment[] {
  const parsed = parseProse(text, format);
  if ('problem' in parsed) throw refused(file, parsed.problem);
  const { problems } = proseProblems(parsed.tree, format);
  if (problems.length) throw refused(file, problems[0]!);
  const top = topHeading(parsed.tree);
  const shift = nesting.headingsFrom && top ? Math.max(0, nesting.headingsFrom - top) : 0;
  const emit = emitter(file, shift, nesting.idPrefix ?? '');
  const segments: ProseSegment[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    const html = toHtml({ type: 'root', children: run } satisfies Root).trim();
    if (html) segments.push({ html });
    run = [];
  };
  for (const child of parsed.tree.children ?? []) {
    if (child.type === 'mdxJsxFlowElement' && /^[A-Z]/.test(child.name ?? '')) {
      flush();
      segments.push(component(file, child));
      continue;
    }
    const out = emit(child, 1);
    if (out) run.push(out);
  }
  flush();
  return segments;
}

function refused(file: string, p: ProseProblem): ProseRefused {
  return new ProseRefused(`${file}:${p.line}:${p.column} refused to render: ${p.message} (hint: ${p.hint})`);
}

function component(file: string, node: ProseNode): ProseSegment {
  const name = node.name!;
  const spec = COMPONENTS[name];
  const at = node.position?.start;
  const fail = (why: string) => new ProseRefused(`${file}:${at?.line ?? 1}:${at?.column ?? 1} refused to render <${name}>: ${why}`);
  if (!spec) throw fail('no such component');
  const props: Record<string, string> = {};
  for (const a of node.attributes ?? []) {
    const attr = a.name ?? '';
    if (a.type !== 'mdxJsxAttribute' || typeof a.value !== 'string') throw fail('attributes must be text');
    if (!spec.required.includes(attr) && !spec.optional.includes(attr)) throw fail(`no attribute '${attr}'`);
    props[attr] = a.value;
  }
  for (const r of spec.required) if (!(r in props)) throw fail(`needs ${r}="…"`);
  return { component: name, props };
}

/** The highest heading level the page uses (1 for h1), or undefined without headings. */
function topHeading(node: ProseNode): number | undefined {
  const tag = node.type === 'element' ? node.tagName : node.name;
  const own = tag && /^h[1-6]$/.test(tag) ? Number(tag.slice(1)) : undefined;
  const levels = (node.children ?? []).map(topHeading).filter((l): l is number => l !== undefined);
  return levels.length || own ? Math.min(own ?? 6, ...levels) : undefined;
}

/** Turns allowed nodes into hast, headings `shift` levels lower and their ids prefixed; throws on any other. */
function emitter(file: string, shift: number, idPrefix: string) {
  const slugger = new GithubSlugger();
  const fail = (node: ProseNode, why: string) => {
    const at = node.position?.start;
    return new ProseRefused(`${file}:${at?.line ?? 1}:${at?.column ?? 1} refused to render: ${why}`);
  };
  /** A heading `shift` levels lower (h6 at most); any other element as it is. */
  const nest = (el: Element): Element => {
    if (/^h[1-6]$/.test(el.tagName)) el.tagName = `h${Math.min(6, Number(el.tagName.slice(1)) + shift)}`;
    return el;
  };
  const emit = (node: ProseNode, depth: number): ElementContent | undefined => {
    if (depth > MAX_NESTING) throw fail(node, 'nested too deeply');
    if (node.type === 'text') return { type: 'text', value: scalarText(node.value ?? '') };
    if (isComment(node)) return undefined;
    const children = () => (node.children ?? []).flatMap((c) => emit(c, depth + 1) ?? []);
    if (node.type === 'element') {
      const el: Element = { type: 'element', tagName: node.tagName ?? '', properties: markdownProperties(node), children: children() };
      if (/^h[1-6]$/.test(el.tagName)) {
        nest(el);
        el.properties.id ??= `${idPrefix}${slugger.slug(textOf(el))}`;
      }
      // Framed as every table of the site is: a wide one scrolls sideways in its frame, never the page.
      if (el.tagName === 'table')
        return { type: 'element', tagName: 'div', properties: { className: ['table-wrap', 'prose-table'] }, children: [el] };
      return el;
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && isAllowedElement(node.name))
      return nest({ type: 'element', tagName: node.name, properties: jsxProperties(node), children: children() });
    throw fail(node, `${node.type}${node.name ? ` <${node.name}>` : ''} is not allowed`);
  };
  /** A Markdown element's properties: only those its syntax makes; table alignment as a class, not a style. */
  const markdownProperties = (node: ProseNode): Properties => {
    const tag = node.tagName ?? '';
    const allowed = MARKDOWN_ELEMENTS[tag];
    if (!allowed) throw fail(node, `<${tag}> is not allowed`);
    const out: Properties = {};
    for (const [name, value] of Object.entries(node.properties ?? {})) {
      if (!allowed.includes(name)) throw fail(node, `<${tag} ${name}> is not allowed`);
      if (name === 'style') {
        const align = /^text-align:\s*(left|center|right)$/.exec(String(value).trim());
        if (!align) throw fail(node, `<${tag} style="${String(value)}"> is not allowed`);
        out.className = [`align-${align[1]}`];
        continue;
      }
      checkUrl(node, name, value);
      out[name] = value as Properties[string];
    }
    return out;
  };
  const jsxProperties = (node: ProseNode): Properties => {
    const out: Properties = {};
    for (const a of node.attributes ?? []) {
      const property = a.type === 'mdxJsxAttribute' ? allowedAttribute(node.name!, a.name ?? '') : undefined;
      if (property === undefined || (a.value !== null && typeof a.value !== 'string'))
        throw fail(node, `<${node.name} ${a.name ?? '{…}'}> is not allowed`);
      checkUrl(node, property, a.value);
      out[property] = a.value === null ? true : a.value;
    }
    return out;
  };
  const checkUrl = (node: ProseNode, property: string, value: unknown) => {
    const kind = URL_PROPERTIES[property];
    if (!kind || typeof value !== 'string') return;
    if (kind === 'link' ? !isSafeLink(value) : !isSiteImage(value)) throw fail(node, `the URL '${value}' is not allowed`);
  };
  return emit;
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}
