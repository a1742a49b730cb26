// Stage 1 of reading Markdown: the document's outline. Headings nest by depth, list items by
// indentation; each node keeps the shape of its lead line (numbered, bold, an owner prefix such as
// "CEO:", a label such as "KR:" or "Objective 2:", an outcome after "=>", lines joined by hard
// breaks). Classification (./classify/) reads these shapes; nothing here decides what a node is.
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { endLineOf, lineOf, paragraphLines } from './markdown.ts';

/** Plain text of inline nodes, as the caller renders it (links, redactions, subscripts). */
export type InlineRenderer = (nodes: readonly PhrasingContent[]) => string;

export interface Label {
  kind: 'objective' | 'kr';
  /** The number written with it ("O2", "KR 3" → "2", "3"). */
  n?: string;
}

/** The shape of one lead line: what it says and how it is written. */
export interface Lead {
  /** The whole line as text. */
  raw: string;
  /** The title once numbering, label, owner and outcome are taken off. */
  title: string;
  /** "1." / "2)" written in the text itself (headings like "### 1. CEO: IACV"). */
  numbered: boolean;
  /** The whole line is bold or italic, or it starts with a bold run followed by more text. */
  bold?: 'whole' | 'lead';
  label?: Label;
  /** "CEO: …", "Marketing: …", "VP Engineering KR: …", "… @handle" — who owns the line. */
  owner?: string;
  /** "p0 - …", "[P1] …", "`PX` - …": the priority written before the line (PX: not yet set). */
  priority?: string;
  /** Text after "=>", "==>" or "-->": an outcome or a score, not a target. */
  outcome?: string;
  /** The line is nothing but a link (a table of contents, "see the spreadsheet"). */
  linkOnly: boolean;
  /** "[x]" / "[ ]" task items. */
  checked?: boolean;
}

export interface OutlineItem {
  node: ListItem;
  line: number;
  endLine: number;
  ordered: boolean;
  lead: Lead;
  /** The inline nodes of the lead line (for links and redactions). */
  leadNodes: PhrasingContent[];
  /** Further lines of the lead paragraph, split at hard line breaks ("KR: …" lines under a title). */
  more: LeadLine[];
  /** Nested list items (all nested lists, in order). */
  children: OutlineItem[];
  /** Blocks inside the item other than its lead paragraph and nested lists. */
  other: RootContent[];
}

/** What a heading's section holds directly, before the next heading of the same or a higher level. */
export interface SectionSummary {
  heading: Heading;
  line: number;
  depth: number;
  lead: Lead;
  /** Top-level list items directly in the section (not in a sub-section). */
  items: OutlineItem[];
  /** Direct sub-sections. */
  sections: SectionSummary[];
  tables: number;
  paragraphs: number;
}

const LABEL_OBJECTIVE = /^(?:(?:objective|obj\.?)\s*#?\s*(\d+(?:\.\d+)?)?|O(\d+)?)\s*[:.)\-–—]\s*/i;
const LABEL_KR = /^(?:KR|key\s+result)\s*#?\s*(\d+(?:\.\d+)?)?\s*[:.)\-–—]\s*/i;
const PRIORITY = /^(?:\[(P[0-4X])\]|`?(P[0-4X])`?\s*[-–—:])\s*/i;
const NUMBERING = /^\s*(?:\d+(?:\.\d+)*[.)]|[A-Za-z][.)])\s+/;
const OUTCOME = /\s*(?:={1,2}>|-->|⇒|→)\s*(.*)$/;
/** "CEO:", "VP Engineering:", "Director of Product, Dev:", "Data team KR:" — a short name before a colon. */
const OWNER = /^([A-Z][\p{L}\d&/.,'’() -]{0,60}?)(\s+KRs?)?\s*:\s+(?=\S)/u;
/** Names before a colon that are fields or prose, not owners. */
const NOT_OWNER =
  /^(?:owner|dri|status|priority|type|confidence|target|baseline|current|grade|score|note|notes|example|why|how|what|when|where|who|description|purpose|context|risks?|dependencies|initiatives?|key results?|krs?|objective|result|results|outcome|progress|deadline|due|timeline|tracked|tracking|active from|measurement|theme|summary|update|updates|blocker|blockers|ask|asks|mitigation|decision|format|agenda|features|tip|warning|important|goal|goals|ref|see|source|link|links|tbd|todo|done|wip|version|date|period|quarter|planning period|approvers?|author|classification|last updated|document [a-z ]+|big bets.*|pillars|stage gate.*|decision receipts?)$/i;

/** Read the shape of a line of text (already rendered as plain text). */
export function leadOf(raw: string, opts: { bold?: 'whole' | 'lead'; linkOnly?: boolean; checked?: boolean } = {}): Lead {
  let t = raw.replace(/\s+/g, ' ').trim();
  const numbered = NUMBERING.test(t);
  if (numbered) t = t.replace(NUMBERING, '');
  let outcome: string | undefined;
  const oc = OUTCOME.exec(t);
  if (oc && oc.index > 0) {
    outcome = oc[1]!.trim();
    t = t.slice(0, oc.index).trim();
  }
  let owner: string | undefined;
  let label: Label | undefined;
  // "p0 - …", "`PX` - @??? - …", "[P1] …": a priority first, then perhaps a handle.
  let priority: string | undefined;
  const pr = PRIORITY.exec(t);
  if (pr) {
    priority = (pr[1] ?? pr[2])!.toUpperCase();
    t = t.slice(pr[0].length);
  }
  const handle = /^@([\w?-]+)\s*[-–—:]\s+/.exec(t);
  if (handle) {
    if (!/^\?+$/.test(handle[1]!)) owner = `@${handle[1]}`;
    t = t.slice(handle[0].length);
  }
  // "[momack2] Form 3+ …": a handle in brackets first.
  const bracket = /^\[(@?[A-Za-z][\w.-]*)\]\s+(?=\S)/.exec(t);
  if (bracket && !owner) {
    owner = bracket[1]!.startsWith('@') ? bracket[1]! : `@${bracket[1]}`;
    t = t.slice(bracket[0].length);
  }
  // "… [P0][DP][PRODUCT]": priority and team tags at the end.
  const tags = /(?:\s*\[(?:P[0-4?X]|[A-Z][A-Z0-9&-]{1,14})\])+\s*$/.exec(t);
  if (tags && tags.index > 0) {
    const p = /\[(P[0-4X])\]/i.exec(tags[0]);
    if (p && !priority) priority = p[1]!.toUpperCase();
    t = t.slice(0, tags.index);
  }
  // "… [@alanshaw](https://github.com/alanshaw)" or "… @alanshaw" at the end: who owns it.
  const tail = /\s+\(?@([\w-]+)\)?\s*$/.exec(t);
  if (tail && !owner) {
    owner = `@${tail[1]}`;
    t = t.slice(0, tail.index);
  }
  const ob = LABEL_OBJECTIVE.exec(t);
  const kr = ob ? null : LABEL_KR.exec(t);
  if (ob) {
    label = { kind: 'objective', ...((ob[1] ?? ob[2]) ? { n: ob[1] ?? ob[2] } : {}) };
    t = t.slice(ob[0].length);
  } else if (kr) {
    label = { kind: 'kr', ...(kr[1] ? { n: kr[1] } : {}) };
    t = t.slice(kr[0].length);
  } else {
    const ow = owner ? null : OWNER.exec(t);
    const name = ow?.[1]?.trim();
    if (ow && name && isOwnerName(name)) {
      owner = name;
      if (ow[2]) label = { kind: 'kr' };
      t = t.slice(ow[0].length);
      // "CEO: Objective: …" / "Marketing: KR: …"
      const again = LABEL_OBJECTIVE.exec(t) ?? LABEL_KR.exec(t);
      if (again) {
        label = LABEL_OBJECTIVE.test(t) ? { kind: 'objective' } : { kind: 'kr' };
        t = t.slice(again[0].length);
      }
    }
  }
  const title = t.replace(/\s*:\s*$/, '').trim();
  return {
    raw: raw.trim(),
    title,
    numbered,
    ...(opts.bold ? { bold: opts.bold } : {}),
    ...(label ? { label } : {}),
    ...(owner ? { owner } : {}),
    ...(priority ? { priority } : {}),
    ...(outcome !== undefined ? { outcome } : {}),
    linkOnly: Boolean(opts.linkOnly),
    ...(opts.checked !== undefined ? { checked: opts.checked } : {}),
  };
}

function isOwnerName(name: string): boolean {
  if (NOT_OWNER.test(name)) return false;
  const words = name.split(/\s+/);
  if (words.length > 8) return false;
  // A sentence before a colon ("We will do this: …") is not a name: names have few lowercase words.
  const lower = words.filter((w) => /^[a-z]/.test(w) && !/^(?:of|and|the|for|to|on|in|team|teams|&|de|du)$/.test(w));
  return lower.length === 0 && !/\d{3,}/.test(name);
}

/** Emphasis shape of inline content: all bold/italic, or a bold run first. */
function emphasisOf(nodes: readonly PhrasingContent[]): 'whole' | 'lead' | undefined {
  const real = nodes.filter((n) => !(n.type === 'text' && n.value.trim() === '') && n.type !== 'break');
  if (!real.length) return undefined;
  const strong = (n: PhrasingContent) => n.type === 'strong' || n.type === 'emphasis';
  if (real.every((n) => strong(n) || n.type === 'link' || n.type === 'linkReference') && real.some(strong)) return 'whole';
  if (strong(real[0]!)) return 'lead';
  return undefined;
}

function isLinkOnly(nodes: readonly PhrasingContent[]): boolean {
  const real = nodes.filter((n) => !(n.type === 'text' && /^[\s,;:.()[\]–—-]*$/.test(n.value)));
  return real.length > 0 && real.every((n) => n.type === 'link' || n.type === 'linkReference');
}

export interface LeadLine {
  line: number;
  lead: Lead;
  nodes: PhrasingContent[];
}

/** The lead of a paragraph's first line and the leads of its further lines. */
export function paragraphLeads(p: Paragraph, render: InlineRenderer, checked?: boolean): LeadLine[] {
  return paragraphLines(p.children).map((l, i) => ({
    line: l.line,
    nodes: l.nodes,
    lead: leadOf(render(l.nodes), {
      ...(emphasisOf(l.nodes) ? { bold: emphasisOf(l.nodes)! } : {}),
      linkOnly: isLinkOnly(l.nodes),
      ...(i === 0 && checked !== undefined ? { checked } : {}),
    }),
  }));
}

/** A list as outline items (recursively). */
export function outlineList(list: List, render: InlineRenderer): OutlineItem[] {
  return list.children.map((item) => outlineItem(item, Boolean(list.ordered), render));
}

function outlineItem(item: ListItem, ordered: boolean, render: InlineRenderer): OutlineItem {
  const [first, ...rest] = item.children;
  const checked = typeof item.checked === 'boolean' ? item.checked : undefined;
  const leads = first?.type === 'paragraph' ? paragraphLeads(first, render, checked) : [];
  const lead = leads[0]?.lead ?? leadOf('', checked !== undefined ? { checked } : {});
  const children: OutlineItem[] = [];
  const other: RootContent[] = [];
  for (const b of first?.type === 'paragraph' ? rest : item.children) {
    if (b.type === 'list') children.push(...outlineList(b, render));
    else other.push(b as RootContent);
  }
  return {
    node: item,
    line: lineOf(item),
    endLine: first?.type === 'paragraph' ? endLineOf(first) : lineOf(item),
    ordered,
    lead,
    leadNodes: leads[0]?.nodes ?? [],
    more: leads.slice(1),
    children,
    other,
  };
}

/** Every heading's section: what it holds directly, and its sub-sections. */
export function sectionsOf(root: Root, render: InlineRenderer): SectionSummary[] {
  const top: SectionSummary[] = [];
  const stack: SectionSummary[] = [];
  for (const n of root.children) {
    if (n.type === 'heading') {
      while (stack.length && stack.at(-1)!.depth >= n.depth) stack.pop();
      const s: SectionSummary = {
        heading: n,
        line: lineOf(n),
        depth: n.depth,
        lead: leadOf(render(n.children), {
          ...(emphasisOf(n.children) ? { bold: emphasisOf(n.children)! } : {}),
          linkOnly: isLinkOnly(n.children),
        }),
        items: [],
        sections: [],
        tables: 0,
        paragraphs: 0,
      };
      (stack.at(-1)?.sections ?? top).push(s);
      stack.push(s);
      continue;
    }
    const s = stack.at(-1);
    if (!s) continue;
    if (n.type === 'list') s.items.push(...outlineList(n, render));
    else if (n.type === 'table') s.tables++;
    else if (n.type === 'paragraph') s.paragraphs++;
  }
  return top;
}

/** All items of a list tree, depth first. */
export function allItems(items: readonly OutlineItem[]): OutlineItem[] {
  return items.flatMap((i) => [i, ...allItems(i.children)]);
}
