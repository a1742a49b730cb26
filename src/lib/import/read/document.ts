// Reading one Markdown document into records: parse it (remark), build its outline (../outline.ts)
// and the labels it uses, then read its blocks in order — each by its own reader, which classifies
// the block by its place (../classify/) and records what it is. Whatever is not recognised is
// reported with its lines. Pure: text in, records and report entries out.
import type { List, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { profileOf } from '../classify/items.ts';
import { headingRole } from '../classify/roles.ts';
import { isPlainLead } from '../classify/paragraphs.ts';
import { definitionsOf, endLineOf, inlineText, lineOf, parseMarkdown, type InlineContext } from '../markdown.ts';
import {
  allItems,
  countedFromOne,
  leadOf,
  outlineList,
  overNumbered,
  paragraphLeads,
  sectionsOf,
  type Lead,
  type OutlineItem,
  type SectionSummary,
} from '../outline.ts';
import type { PathFacts } from '../path-period.ts';
import { emptyDoc } from '../records.ts';
import type { DocRecords, Report } from '../types.ts';
import { readCode } from './code.ts';
import { relistIndentedBullets } from './indented-lists.ts';
import { componentHeadingsAsText, htmlHeadingsAsHeadings, summariesAsHeadings } from './html-blocks.ts';
import { htmlTablesAsTables } from './html-tables.ts';
import { finishDocument } from './finish.ts';
import { readHeading } from './headings.ts';
import { readList } from './lists.ts';
import { readParagraph } from './paragraphs.ts';
import { frontMatter, readQuote } from './periods.ts';
import { readTable } from './tables.ts';
import { guess, unmapped, type ReadState } from './state.ts';
import { pushAll } from '../../errors.ts';

/**
 * Read one Markdown document into records. `text` is already cleaned (see ../index.ts). With
 * `periodKnown`, the period is known before the document names one (--period, the file's path);
 * `yearHint` is the year of a quarter the document names without one ("## Shared Q2 goal").
 */
export function readMarkdown(
  file: string,
  text: string,
  report: Report,
  opts: { periodKnown?: boolean; path?: PathFacts; yearHint?: { year: number; from: string }; samplesAreOkrs?: boolean } = {},
): DocRecords {
  const doc = emptyDoc(file);
  // Front matter: read as YAML, blanked out so remark's line numbers stay the file's.
  const fm = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  const body = fm ? '\n'.repeat(fm[0].split('\n').length - 1) + text.slice(fm[0].length) : text;
  const root = parseMarkdown(body);
  const relisted = relistIndentedBullets(root);
  // Before the summaries: a summary's level follows the heading above it, an HTML one too.
  htmlHeadingsAsHeadings(root);
  summariesAsHeadings(root);
  htmlTablesAsTables(root);
  componentHeadingsAsText(root);
  const ctx: InlineContext = { definitions: definitionsOf(root), redactions: doc.redactions, usedDefinitions: new Set() };
  const { sectionAt, siblingsAt, leads, topItems, plainLeads } = outlineOf(
    root,
    (nodes) => inlineText(nodes, ctx).text,
    opts.samplesAreOkrs,
  );
  const st: ReadState = {
    file,
    doc,
    report,
    ctx,
    usedLinkDefs: new Set(),
    sectionAt,
    siblingsAt,
    profile: profileOf(leads, topItems, plainLeads),
    path: opts.path ?? {},
    periodKnown: Boolean(opts.periodKnown),
    ...(opts.samplesAreOkrs ? { samplesAreOkrs: true } : {}),
    ...(opts.yearHint ? { yearHint: { ...opts.yearHint, fiscal: false } } : {}),
    wrapped: new Map(),
    stack: [],
    ordinals: new Map(),
    krsListed: new Set(),
    readBlock,
  };
  for (const line of relisted)
    guess(st, line, 'bullets indented into a code block read as a list (each line an item at its indentation level)');
  if (fm) frontMatter(st, fm[1]!);
  root.children.forEach((node, i) => readBlock(st, node, root.children.slice(i + 1, i + 4)));
  finishDocument(st);
  return doc;
}

/** Every heading's section by line, and the lead of every heading, list item and paragraph line (for the labels the document uses). */
function outlineOf(root: Root, render: (nodes: readonly PhrasingContent[]) => string, samplesAreOkrs = false) {
  const sectionAt = new Map<number, SectionSummary>();
  const siblingsAt = new Map<number, SectionSummary[]>();
  const walk = (ss: SectionSummary[]) => {
    for (const s of ss) {
      sectionAt.set(s.line, s);
      siblingsAt.set(s.line, ss);
      walk(s.sections);
    }
  };
  walk(sectionsOf(root, render));
  const leads: Lead[] = [];
  const topItems: OutlineItem[] = [];
  let plainLeads = 0;
  root.children.forEach((n, i) => {
    const next = root.children[i + 1];
    if (n.type !== 'paragraph') return;
    const lines = paragraphLeads(n, render);
    // A plain line alone over a list (or lines numbered from 1), or over such lines in its own paragraph.
    const over = next?.type === 'list' || (next?.type === 'paragraph' && countedFromOne(next, render));
    const titled = overNumbered(lines.slice(1));
    if (((lines.length === 1 && over) || titled) && isPlainLead(lines[0]!.lead)) plainLeads++;
  });
  // Labels inside "## Examples" say nothing about how the document writes its own OKRs.
  let examples = 0;
  for (const n of root.children) {
    if (n.type === 'heading') {
      const lead = sectionAt.get(lineOf(n))?.lead ?? leadOf(render(n.children), { heading: true });
      if (examples && n.depth <= examples) examples = 0;
      if (!examples && !samplesAreOkrs && headingRole(lead.title) === 'examples') examples = n.depth;
      if (!examples) leads.push(lead);
    } else if (examples) continue;
    else if (n.type === 'list') {
      const items = outlineList(n, render);
      pushAll(topItems, items);
      for (const i of allItems(items)) leads.push(i.lead, ...i.more.map((m) => m.lead));
    } else if (n.type === 'paragraph')
      pushAll(
        leads,
        paragraphLeads(n, render).map((l) => l.lead),
      );
  }
  return { sectionAt, siblingsAt, leads, topItems, plainLeads };
}

/** The paragraph of a list's only item, when that is all the list holds. */
function loneParagraph(l: List): Paragraph | undefined {
  const [item, ...more] = l.children;
  const [p, ...rest] = item?.children ?? [];
  return !more.length && !rest.length && p?.type === 'paragraph' ? p : undefined;
}

/** Read one block; `after` holds the few blocks that follow it (a list soon after a line makes it a lead). */
function readBlock(st: ReadState, node: RootContent, after: readonly RootContent[] = []): void {
  // Only a list right after a key result can hold its fields; only a paragraph right after "### Objective" is its title.
  if (node.type !== 'list') st.lastKr = undefined;
  // "## Objective" then "- Build the fast encoder": a list of one line states it as a paragraph would.
  const lone = node.type === 'list' && st.awaitingTitle ? loneParagraph(node) : undefined;
  if (lone) return readParagraph(st, lone, after);
  if (node.type !== 'paragraph') {
    st.awaitingTitle = undefined;
    st.awaitingKrTitle = undefined;
  }
  switch (node.type) {
    case 'heading':
      return readHeading(st, node);
    case 'paragraph':
      return readParagraph(st, node, after);
    case 'list':
      return readList(st, node);
    case 'table':
      return readTable(st, node);
    case 'code':
      return readCode(st, node);
    case 'blockquote':
      return readQuote(st, node);
    case 'thematicBreak':
    case 'definition':
      return;
    case 'html': {
      const comment = /^<!--[\s\S]*-->$/.test(node.value.trim());
      return unmapped(st, lineOf(node), endLineOf(node), comment ? 'HTML comment not mapped' : 'HTML not mapped', node.value.trim());
    }
    default:
      return unmapped(st, lineOf(node), endLineOf(node), `${node.type} not mapped`);
  }
}
