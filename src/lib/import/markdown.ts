// Markdown through a real parser (remark + remark-gfm): the tree, and plain text of inline content
// with links kept aside and redacted placeholders (N₀ linking to a private document) turned into
// {n0} tokens the content model understands.
import type { Nodes, PhrasingContent, Root } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { redactionPlaceholder, toSubscript } from './values.ts';

const processor = remark().use(remarkGfm);

export function parseMarkdown(text: string): Root {
  const root = processor.parse(text);
  headingAttributesDropped(root);
  return root;
}

/** "{#objective-1}", "{: .lead}", "{.unnumbered}" ending a heading: a static site's id or class for it, not its words. */
const ATTRIBUTES = /\s*\{:?\s*[#.][^{}]*\}\s*$/;

function headingAttributesDropped(root: Root): void {
  for (const node of root.children) {
    const last = node.type === 'heading' ? node.children.at(-1) : undefined;
    if (last?.type === 'text' && ATTRIBUTES.test(last.value)) last.value = last.value.replace(ATTRIBUTES, '');
  }
}

/** Link reference definitions ([n0]: https://…), by normalised identifier. */
export function definitionsOf(root: Root): Map<string, { url: string; line: number }> {
  const out = new Map<string, { url: string; line: number }>();
  const walk = (n: Nodes) => {
    if (n.type === 'definition') out.set(n.identifier.toLowerCase(), { url: n.url, line: n.position?.start.line ?? 0 });
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(root);
  return out;
}

export interface InlineContext {
  definitions: Map<string, { url: string; line: number }>;
  /** Redactions found so far (id → label, link), shared by the whole document. */
  redactions: Map<string, { label: string; link?: string }>;
  /** Definitions used by a redaction (so the report does not list them as unmapped). */
  usedDefinitions: Set<string>;
}

export interface InlineText {
  text: string;
  links: { text: string; url: string }[];
  /** Redaction ids in the text, in order. */
  redactions: string[];
}

const idOf = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Plain text of inline content. Emphasis is dropped, <sub>digits</sub> become subscripts, <br> a newline. */
export function inlineText(nodes: readonly (PhrasingContent | Nodes)[], ctx: InlineContext): InlineText {
  const links: InlineText['links'] = [];
  const redactions: string[] = [];
  let sub = false;
  const redact = (placeholder: string, ref: string | undefined, url: string | undefined): string | undefined => {
    const p = redactionPlaceholder(placeholder);
    if (!p) return undefined;
    const id =
      (ref && /^[a-z][a-z0-9-]*$/.test(idOf(ref)) ? idOf(ref) : undefined) ??
      (p.n !== undefined ? `n${p.n}` : `redacted-${ctx.redactions.size + 1}`);
    const known = ctx.redactions.get(id);
    ctx.redactions.set(id, { label: known?.label ?? p.label, ...((url ?? known?.link) ? { link: url ?? known?.link } : {}) });
    redactions.push(id);
    return `{${id}}`;
  };
  const flat = (ns: readonly Nodes[]): string => {
    let out = '';
    for (const n of ns) {
      switch (n.type) {
        case 'text':
          out += sub ? n.value.replace(/\d+/g, toSubscript) : n.value;
          break;
        case 'inlineCode':
          out += n.value;
          break;
        case 'break':
          out += '\n';
          break;
        case 'html':
          if (/^<sub>$/i.test(n.value)) sub = true;
          else if (/^<\/sub>$/i.test(n.value)) sub = false;
          else if (/^<br\s*\/?>$/i.test(n.value)) out += '\n';
          break;
        case 'image':
          out += n.alt ?? '';
          break;
        case 'footnoteReference':
          break;
        case 'link': {
          const t = flat(n.children);
          const token = redact(t, undefined, n.url);
          if (token) out += token;
          else {
            out += t;
            if (n.url && n.url !== t) links.push({ text: t, url: n.url });
          }
          break;
        }
        case 'linkReference': {
          const t = flat(n.children);
          const def = ctx.definitions.get(n.identifier.toLowerCase());
          const token = redact(t, n.identifier, def?.url);
          if (token) {
            out += token;
            ctx.usedDefinitions.add(n.identifier.toLowerCase());
          } else {
            out += t;
            if (def) links.push({ text: t, url: def.url });
          }
          break;
        }
        default:
          if ('children' in n) out += flat(n.children as Nodes[]);
          else if ('value' in n && typeof n.value === 'string') out += n.value;
      }
    }
    return out;
  };
  let text = flat(nodes);
  // A placeholder whose reference has no definition stays literal: "[N₁₄][n14]".
  text = text.replace(/\[\s*([$€£¥]?(?:N\s?[₀-₉]+|[NPXYZ])%?)\s*\]\[([A-Za-z0-9_-]+)\]/g, (m, ph: string, ref: string) => {
    const def = ctx.definitions.get(ref.toLowerCase());
    if (def) ctx.usedDefinitions.add(ref.toLowerCase());
    return redact(ph, ref, def?.url) ?? m;
  });
  // A placeholder written without a link: "$N₇ in pipeline", "grows to N₁₂ customers".
  text = text.replace(/(?<![\w{$€£¥])([$€£¥]?N[₀-₉]+%?)(?![\w₀-₉])/g, (m, ph: string) => redact(ph, undefined, undefined) ?? m);
  return { text: text.replace(/[ \t]+\n/g, '\n').trim(), links, redactions };
}

export const lineOf = (n: { position?: { start: { line: number } } }) => n.position?.start.line ?? 0;
export const endLineOf = (n: { position?: { end: { line: number } } }) => n.position?.end.line ?? 0;

/**
 * Split a paragraph into its lines ("**Owner**: CEO\n**Priority**: P0") as inline node groups,
 * so field lines can be read one by one with their own line numbers.
 */
export function paragraphLines(children: readonly PhrasingContent[]): { nodes: PhrasingContent[]; line: number; soft?: boolean }[] {
  const lines: { nodes: PhrasingContent[]; line: number; soft?: boolean }[] = [];
  let cur: PhrasingContent[] = [];
  let line = children[0] ? lineOf(children[0]) : 0;
  // Whether the line being collected began after a plain newline (a soft break), not a hard one.
  let soft = false;
  const push = () => {
    if (cur.length) lines.push({ nodes: cur, line, ...(soft ? { soft } : {}) });
    cur = [];
  };
  for (const n of children) {
    if (n.type === 'break') {
      push();
      line = lineOf(n) + 1;
      soft = false;
      continue;
    }
    if (n.type === 'text' && n.value.includes('\n')) {
      const parts = n.value.split('\n');
      parts.forEach((p, i) => {
        if (i > 0) {
          push();
          line = lineOf(n) + i;
          soft = true;
        }
        if (p)
          cur.push({
            type: 'text',
            value: p,
            position: { start: { line: lineOf(n) + i, column: 1 }, end: { line: lineOf(n) + i, column: 1 } },
          });
      });
      continue;
    }
    if (!cur.length) line = lineOf(n);
    cur.push(n);
  }
  push();
  return lines;
}

/** A field line: "**Owner**: CEO", "Owner: CEO", "*Last Updated: January 2026*". */
export function fieldLine(nodes: readonly PhrasingContent[], ctx: InlineContext): { label: string; value: InlineText } | undefined {
  const first = nodes[0];
  // **Label**: value   /   **Label:** value
  if (first && first.type === 'strong') {
    const label = inlineText(first.children, ctx).text;
    const rest = inlineText(nodes.slice(1), ctx);
    const labelColon = /:\s*$/.test(label);
    // "**Initiatives** (How we'll achieve these KRs):" — a remark between the label and its colon.
    const restText = labelColon ? rest.text : rest.text.replace(/^\s*\([^)]*\)\s*(?=:)/, '');
    if (labelColon || /^\s*:/.test(restText)) {
      return { label: label.replace(/:\s*$/, '').trim(), value: { ...rest, text: restText.replace(/^\s*:\s*/, '').trim() } };
    }
    return undefined;
  }
  const all = inlineText(nodes, ctx);
  const m = /^([A-Z][A-Za-z /&()-]{1,40}?):\s+(.+)$/s.exec(all.text);
  if (m) return { label: m[1]!.trim(), value: { ...all, text: m[2]!.trim() } };
  return undefined;
}

/** The whole inline content is bold or italic ("**Objective 1: …**"). */
export function wholeEmphasis(nodes: readonly PhrasingContent[]): PhrasingContent[] | undefined {
  const real = nodes.filter((n) => !(n.type === 'text' && n.value.trim() === ''));
  if (real.length === 1 && (real[0]!.type === 'strong' || real[0]!.type === 'emphasis')) return real[0].children;
  return undefined;
}
