// Reading a list: how its items are read comes from its place (../classify/roles.ts classifyList);
// each item is then a field, or what ../classify/items.ts says it is — an objective (with its
// nested items), a key result (with notes under it) or a line reported with each line nested under it.
import type { List, ListItem, Paragraph } from 'mdast';
import { classifyItem, type Classified } from '../classify/items.ts';
import { classifyList, headingRole, isNotesSection, namesGoals, namesOkrs, NOTES_WHY, type Role } from '../classify/roles.ts';
import { endLineOf, fieldLine, lineOf, paragraphLines } from '../markdown.ts';
import { allItems, leadOf, outlineList, paragraphLeads, type LeadLine, type OutlineItem } from '../outline.ts';
import type { KrDraft, ObjectiveDraft } from '../types.ts';
import { isKrFieldLabel, isKrOnlyLabel, isStatusLabel, krNote, labelledLine, readField } from './fields.ts';
import { krFromLine, krFromNamedLine, krItem, KR_RE, stateKr } from './key-results.ts';
import { fieldOrDescription, linesInto } from './paragraphs.ts';
import { capital, initiative, short } from './text.ts';
import {
  currentObjective,
  docPeriod,
  earlierObjective,
  guess,
  inline,
  inRole,
  newObjective,
  noteWrapped,
  objectiveLabel,
  placed,
  render,
  unmapped,
  where,
  type ReadState,
} from './state.ts';

/** Where a list's items are read: the objective open there, and whether plain items are key results. */
interface ItemsAt {
  objective?: ObjectiveDraft;
  krList: boolean;
  underKr: boolean;
  goals?: boolean;
  /** The list sits right under the heading of the objective it belongs to. */
  underHeading?: boolean;
  /** The bold line that grouped these key results under the "Key Results" heading, kept in their notes. */
  group?: string;
  /** The item these are nested under is an objective written wholly in bold, with no owner. */
  underBoldObjective?: boolean;
  /** The objective these are nested under ends with a colon ("Ship the first adapters for:"): they complete it. */
  enumerated?: boolean;
}

export function readList(st: ReadState, l: List): void {
  const announced = st.pending?.role;
  // "**Time with the children**" announcing key results, rather than "**Key Results:**": the name of their group.
  const label = st.pending?.label.replace(/:\s*$/, '').trim();
  const group = announced === 'key-results' && label && headingRole(label) !== 'key-results' && !namesOkrs(label) ? label : undefined;
  st.pending = undefined;
  const o = currentObjective(st);
  const c = classifyList({
    ...(announced ? { announced } : {}),
    objectiveOpen: Boolean(o),
    within: new Set(st.stack.map((s) => s.role)),
  });
  const outline = outlineList(l, (n) => render(st, n));
  noteWrapped(st, outline);
  const items = () => outline;
  const kr = st.lastKr;
  st.lastKr = undefined;
  if (kr && c.read === 'items' && krFieldList(st, items(), kr)) return;
  if (kr && c.read === 'items' && lineOf(l) === (kr.where.endLine ?? kr.where.line) + 1) return krDetailList(st, items(), kr);
  if (c.read === 'goals') return readItems(st, items(), { krList: false, underKr: false, goals: true });
  if (c.read === 'by shape') return readItems(st, items(), { krList: false, underKr: false });
  if (c.read === 'records') return readRecords(st, l, items(), c.part, o);
  if (c.read === 'notes') {
    const notes = (role: Role) => isNotesSection(role) || role === 'process' || role === 'measures';
    const role =
      announced === 'not-goals' || announced === 'examples'
        ? announced
        : (st.stack.findLast((s) => notes(s.role))?.role ?? (st.stack.some((s) => s.role === 'initiatives') ? 'initiatives' : undefined));
    const why = NOTES_WHY[role ?? 'beyond']!;
    for (const i of allItems(items())) unmapped(st, i.line, i.endLine, `list item not mapped (${why})`, i.lead.raw);
    return;
  }
  const top = st.stack.at(-1);
  const underHeading = Boolean(o && !st.itemObjective && top?.role === 'objective' && top.objective === o && !top.loose);
  readItems(st, items(), { ...(o ? { objective: o } : {}), krList: c.krList, underKr: false, underHeading, ...(group ? { group } : {}) });
}

/** List items by their outline shape (../classify/items.ts): objectives, key results, fields, and notes reported line by line. */
function readItems(st: ReadState, items: readonly OutlineItem[], ctx: ItemsAt) {
  let at = ctx;
  // "# Objectives and Key Results" titles the whole document; "## Current goals" heads a list of them.
  const goals =
    Boolean(at.goals) || st.stack.some((s) => namesGoals(s.text) && !(s.role === 'title' && /\b(?:okrs?|key results)\b/i.test(s.text)));
  // An objective that lists its key results under its own "Key Results" heading has none elsewhere.
  const home = st.stack.findLast((s) => s.objective === at.objective && s.role === 'objective');
  const krsElsewhere =
    !at.krList && Boolean(home && st.sectionAt.get(home.line)?.sections.some((x) => headingRole(x.lead.title) === 'key-results'));
  const reportBeside = items.some((i) => {
    const f = i.lead.label ? undefined : labelledLine(i.leadNodes, st.ctx);
    return Boolean(f && (at.underKr ? isKrFieldLabel(f.label) : isStatusLabel(f.label)));
  });
  // The key result just read, and whether field items after it have begun ("- Measure: …", "- Target: ≥ 95%").
  let prev: { kr: KrDraft; fields: number } | undefined;
  // "- * [ ] Task": an item that only wraps another list stands for what it wraps.
  const unwrapped = items.flatMap((i) =>
    !i.lead.title && !i.lead.label && !i.more.length && !i.other.length && i.children.length ? i.children : [i],
  );
  // "- O: Ship it" then "- KR: …" beside it: in a flat list, the labelled key results after an objective
  // are its own. While such an objective is open, this is what the next objective sits under instead.
  let flatBase: ItemsAt | undefined;
  for (const [n, whole] of unwrapped.entries()) {
    // "- Key Result 1.2: …⏎Objective 2: …" with no blank line: Markdown joins the objective to the item
    // above (a lazy continuation), but it starts the next objective, and the items after it are its own.
    const lazy = whole.children.length || whole.other.length ? -1 : lazyObjective(whole.more);
    const item = lazy < 0 ? whole : { ...whole, more: whole.more.slice(0, lazy) };
    readItem(item, unwrapped[n + 1]);
    if (lazy < 0) continue;
    const { o, krLabel } = openLazyObjective(st, whole.more, lazy, at.objective);
    at = { ...at, objective: o, ...(krLabel ? { krList: true } : {}) };
    prev = undefined;
  }
  if (ctx.krList && ctx.objective && ctx.objective.keyResults.length) st.krsListed.add(ctx.objective);

  function readItem(item: OutlineItem, next: OutlineItem | undefined) {
    if (prev && siblingField(st, item, prev.kr, prev.fields > 0)) {
      prev.fields++;
      return;
    }
    prev = undefined;
    if (fieldItem(st, item, at.objective, at.underKr, at.krList)) return;
    const c = classifyItem(item, {
      profile: st.profile,
      objective: Boolean(at.objective),
      krList: at.krList,
      krsElsewhere,
      goalsSection: goals,
      objectivesHeading: objectivesHeading(st, item),
      underKr: at.underKr,
      underHeadingObjective: Boolean(at.underHeading),
      underBoldObjective: Boolean(at.underBoldObjective),
      enumerated: Boolean(at.enumerated),
      teamSection: !at.objective && st.stack.at(-1)?.role === 'team',
      siblings: items,
      reportBeside,
      krsListed: Boolean(at.objective && !at.krList && st.krsListed.has(at.objective)),
      restatesObjective: !at.objective && Boolean(earlierObjective(st, item.lead.title)),
    });
    if (c.role === 'objective') {
      const o = objectiveItem(st, item, flatBase ?? at, c);
      if (!item.children.length && item.lead.label?.kind === 'objective' && next?.lead.label?.kind === 'kr') {
        flatBase ??= at;
        at = { ...flatBase, objective: o };
      } else if (flatBase) at = flatBase;
    } else if (c.role === 'kr' && at.objective) {
      const kr = krItemOf(st, item, at.objective, c);
      if (at.group) kr.note = [`Group: ${at.group}`, kr.note].filter(Boolean).join('; ');
      prev = { kr, fields: 0 };
    } else if (c.ofKr && st.krScope) krNoteItem(st, item, st.krScope, c);
    else if (c.notesBelow)
      for (const i of allItems([item])) {
        unmapped(st, i.line, i.endLine, `list item not mapped (${c.evidence})`, i.lead.raw);
        for (const b of i.other) unmapped(st, lineOf(b), endLineOf(b), `${b.type} under a list item not mapped (${c.evidence})`);
      }
    else noteItem(st, item, at, c.role === 'kr' ? 'key result outside any objective' : c.evidence);
  }
}

/** The objective joined to an item's last lines (a lazy continuation): it opens, and stands for the open one from here on. */
function openLazyObjective(st: ReadState, more: readonly LeadLine[], lazy: number, open: ObjectiveDraft | undefined) {
  const m = more[lazy]!;
  const o = newObjective(st, { title: m.lead.title, label: objectiveLabel(m.lead), line: m.line, lead: m.lead, why: LAZY });
  // "Key Results:" right after it: the items that follow are its key results.
  const krLabel = isKrLabel(more[lazy + 1]);
  if (krLabel) placed(st, more[lazy + 1]!.line, undefined, 'the label of its key-results');
  linesInto(st, o, more.slice(lazy + (krLabel ? 2 : 1)));
  const sec = st.stack.at(-1);
  if (sec?.loose && sec.objective === open) sec.objective = o;
  return { o, krLabel };
}

/**
 * A part's list (initiatives, risks …) item by item. "• Last project⏎Grow the network⏎Key Results:" with no
 * blank line: the objective joined to a record starts the next objective, and the items after it are its own.
 */
function readRecords(st: ReadState, l: List, outline: readonly OutlineItem[], part: Role, o: ObjectiveDraft | undefined) {
  const cut = outline.findIndex((i) => !i.children.length && !i.other.length && lazyObjective(i.more) >= 0);
  for (const item of cut < 0 ? l.children : l.children.slice(0, cut)) recordItem(st, item, part, o);
  if (cut < 0) return;
  const whole = outline[cut]!;
  const lazy = lazyObjective(whole.more);
  recordItem(st, before(whole, lazy), part, o);
  const next = openLazyObjective(st, whole.more, lazy, o);
  readItems(st, outline.slice(cut + 1), { objective: next.o, krList: next.krLabel, underKr: false });
}

/** An item cut short before its `n`th joined line: the record it is without the lines that start an objective. */
function before(item: OutlineItem, n: number): ListItem {
  const nodes = [item.leadNodes, ...item.more.slice(0, n).map((m) => m.nodes)];
  const children = nodes.flatMap((ns, i) => (i ? [{ type: 'break' } as const, ...ns] : ns));
  const start = item.node.position!.start;
  const end = { line: item.more[n]!.line - 1, column: 1 };
  return { ...item.node, children: [{ type: 'paragraph', children, position: { start, end } }] };
}

/** Where an objective starts among the lines joined to an item: a labelled one, or a plain line over "Key Results:". */
function lazyObjective(more: readonly LeadLine[]): number {
  const labelled = more.findIndex((m) => m.lead.label?.kind === 'objective' && m.lead.title);
  if (labelled >= 0) return labelled;
  const label = more.findIndex((m, i) => i > 0 && isKrLabel(m));
  return label > 0 && !more[label - 1]!.lead.label && !/[:.]\s*$/.test(more[label - 1]!.lead.raw) ? label - 1 : -1;
}

const isKrLabel = (m: LeadLine | undefined) =>
  Boolean(m && /:\s*$/.test(m.lead.raw) && headingRole(m.lead.title.replace(/:$/, '')) === 'key-results');

const LAZY: Classified = {
  role: 'objective',
  evidence: 'an objective (labelled, or over "Key Results:") joined to the item above it (no blank line between)',
  guess: true,
};

/**
 * "- Measure: Number of sessions per week", "- Target: ≥ 95%" right after a key-result item, in the same
 * list: that key result's fields, not more key results. The first must name a field only key results
 * have (Target, Measure, Baseline …); once they have begun, any "Label: value" line that names no owner
 * ("Tracking support: …") is one too, kept in its note.
 */
function siblingField(st: ReadState, item: OutlineItem, kr: KrDraft, begun: boolean): boolean {
  const f = item.lead.label ? undefined : labelledLine(item.leadNodes, st.ctx);
  if (!f || (f.wholeBold && !isKrFieldLabel(f.label))) return false;
  const known = begun ? isKrFieldLabel(f.label) : isKrOnlyLabel(f.label);
  if (!known && !(begun && f.value.text && !item.lead.owner)) return false;
  const outer = st.krScope;
  st.krScope = kr;
  if (!(known && readField(st, f.label, f.value.text, item.line))) krNote(st, kr, f.label, f.value.text, item.line);
  st.krScope = outer;
  reportUnder(st, item, 'a key result field', 'line not mapped');
  return true;
}

/** "**Next Steps:** …" under a key result: said about it, kept in its note; what is nested under it is reported. */
function krNoteItem(st: ReadState, item: OutlineItem, kr: KrDraft, c: Classified) {
  const f = labelledLine(item.leadNodes, st.ctx);
  if (f?.value.text) krNote(st, kr, f.label, f.value.text, item.line);
  else unmapped(st, item.line, item.line, `list item not mapped (${c.evidence})`, item.lead.raw);
  reportUnder(st, item, 'a note on a key result');
}

function objectiveItem(st: ReadState, item: OutlineItem, at: ItemsAt, why: Classified) {
  const o = newObjective(st, {
    title: item.lead.title,
    label: objectiveLabel(item.lead),
    line: item.line,
    endLine: item.endLine,
    lead: item.lead,
    why,
    ...(at.objective ? { parent: at.objective } : {}),
  });
  const before = st.itemObjective;
  st.itemObjective = o;
  linesInto(st, o, item.more);
  const underBoldObjective = item.lead.bold === 'whole' && !item.lead.owner;
  const enumerated = /:\s*$/.test(item.lead.raw);
  readItems(st, item.children, { objective: o, krList: false, underKr: false, underBoldObjective, enumerated });
  for (const b of item.other) {
    if (b.type === 'paragraph') paragraphInto(st, o, b);
    else st.readBlock(st, b);
  }
  st.itemObjective = before;
  return o;
}

function krItemOf(st: ReadState, item: OutlineItem, o: ObjectiveDraft, c: Classified): KrDraft {
  // "**KR1 — Normalization Dataset**" then, after a line break, "Build … 20+ … <10% …": the bold line names
  // the key result, the sentence under it states it.
  const statement = namedStatement(st, item);
  const kr = statement
    ? krFromNamedLine(st, o, { line: item.line, lead: item.lead, nodes: item.leadNodes }, statement, item.endLine)
    : krFromLine(st, o, { line: item.line, lead: item.lead, nodes: item.leadNodes }, item.endLine);
  if (c.guess) guess(st, item.line, `key result "${short(kr.title)}": ${c.evidence}`);
  // Lines and items under it that are its fields ("Target: 5", "**Status:** 🟡") are its own.
  const outer = st.krScope;
  st.krScope = kr;
  for (const m of item.more.slice(statement ? 1 : 0))
    if (!krFieldLine(st, m)) unmapped(st, m.line, m.line, 'line under a key result not mapped', m.lead.raw);
  // "Plan the trip including:" over "- 2 towns …": the lines complete the key result, in its note.
  if (c.detailsBelow) for (const d of item.children) krNote(st, kr, '', inline(st, d.leadNodes).text, d.line);
  else readItems(st, item.children, { objective: o, krList: false, underKr: true });
  let others = item.other;
  if (!item.lead.title) {
    // "1. **Key Result**" then its statement: in the item, else in the paragraph after the list.
    const statement = others[0]?.type === 'paragraph' ? others[0] : undefined;
    if (statement) {
      stateKr(st, kr, statement);
      others = others.slice(1);
    } else st.awaitingKrTitle = kr;
  }
  for (const b of others)
    if (b.type !== 'paragraph') unmapped(st, lineOf(b), endLineOf(b), `${b.type} under a key result not mapped`);
    else
      for (const l of paragraphLeads(b, (n) => render(st, n)))
        if (!krFieldLine(st, l)) unmapped(st, l.line, l.line, 'line under a key result not mapped', l.lead.raw);
  st.krScope = outer;
  return kr;
}

/** The sentence on the line after a wholly bold short name (joined by a hard break), when it is not a field or a label. */
function namedStatement(st: ReadState, item: OutlineItem): LeadLine | undefined {
  const next = item.more[0];
  if (item.lead.bold !== 'whole' || !next || next.lead.label || next.lead.bold === 'whole') return undefined;
  if (fieldLine(next.nodes, st.ctx)) return undefined;
  const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
  return words(next.lead.title) > Math.max(words(item.lead.title), 3) ? next : undefined;
}

/** A "Label: value" line read as a field of the key result in scope; false when it is not one. */
function krFieldLine(st: ReadState, l: LeadLine): boolean {
  const f = fieldLine(l.nodes, st.ctx);
  return Boolean(f && isKrFieldLabel(f.label) && readField(st, f.label, f.value.text, l.line));
}

/** A list right after a key result whose items are all its fields ("- Baseline: 12", "- **Owner:** Ana"). */
function krFieldList(st: ReadState, items: readonly OutlineItem[], kr: KrDraft): boolean {
  const fields = items.map((i) => (i.lead.label ? undefined : fieldLine(i.leadNodes, st.ctx)));
  if (!items.length || !fields.every((f) => f && isKrFieldLabel(f.label))) return false;
  const outer = st.krScope;
  st.krScope = kr;
  items.forEach((item, i) => {
    if (!readField(st, fields[i]!.label, fields[i]!.value.text, item.line))
      unmapped(st, item.line, item.line, `field "${fields[i]!.label}" not mapped`, fields[i]!.value.text);
    reportUnder(st, item, 'a key result field', 'line not mapped');
  });
  st.krScope = outer;
  return true;
}

/** A top-level item of the innermost heading, which names objectives by that word alone ("### Objectives", "Yearly objectives"). */
function objectivesHeading(st: ReadState, item: OutlineItem): boolean {
  const sec = st.stack.at(-1);
  if (!sec || sec.depth > 6 || sec.objective || !/^(?:[\p{L}-]+\s+)?objectives:?$/iu.test(sec.text.trim())) return false;
  return Boolean(st.sectionAt.get(sec.line)?.items.some((x) => x.line === item.line));
}

/**
 * "P0: 0.75: Deploy a reference server to⏎- accept calls⏎- send notifications": a list that starts on the
 * line right after a key-result line, with no blank line between, details that key result: its items go
 * into the key result's note; anything nested deeper is reported.
 */
function krDetailList(st: ReadState, items: readonly OutlineItem[], kr: KrDraft) {
  for (const item of items) {
    krNote(st, kr, '', inline(st, item.leadNodes).text, item.line);
    reportUnder(st, item, 'a detail of a key result');
  }
}

/** What an item holds besides its lead line, each line reported as under `what` (its joined lines as `moreWhy`). */
function reportUnder(st: ReadState, item: OutlineItem, what: string, moreWhy = `line under ${what} not mapped`) {
  for (const m of item.more) unmapped(st, m.line, m.line, moreWhy, m.lead.raw);
  for (const c of allItems(item.children)) unmapped(st, c.line, c.endLine, `line under ${what} not mapped`, c.lead.raw);
  for (const b of item.other) unmapped(st, lineOf(b), endLineOf(b), `${b.type} under ${what} not mapped`);
}

/** An item that is neither: reported, and each line nested under it read (or reported) in turn. */
function noteItem(st: ReadState, item: OutlineItem, at: ItemsAt, why: string) {
  unmapped(st, item.line, item.line, `list item not mapped (${why})`, item.lead.raw);
  for (const m of item.more) unmapped(st, m.line, m.line, 'list item line not mapped', m.lead.raw);
  readItems(st, item.children, at);
  for (const b of item.other) st.readBlock(st, b);
}

/** "Owner: CEO", "**Key Results:**" over a nested list, "Priority: P1", "**Status: ACHIEVED ✅**" as list items. */
function fieldItem(st: ReadState, item: OutlineItem, o: ObjectiveDraft | undefined, underKr: boolean, krList = false): boolean {
  if (item.lead.label || !item.leadNodes.length) return false;
  const f = labelledLine(item.leadNodes, st.ctx);
  if (!f) return false;
  const before = st.itemObjective;
  if (o) st.itemObjective = o;
  const used = readField(st, f.label, f.value.text, item.line);
  const pending = st.pending;
  st.pending = undefined;
  st.itemObjective = before;
  // A line wholly in bold ("**CRO: Build pipeline**") is a field only when its label names one.
  if (!used && f.wholeBold) return false;
  if (!used && o && item.children.length && headingRole(f.label) === 'key-results') {
    keyResultsSaid(st, item, f.value.text, o);
    return true;
  }
  // "**Tracked:** Weekly" — a bold label is a field even when the content model has no place for it.
  const sentence = f.value.text.split(/\s+/).length >= 4;
  const boldLabel = item.lead.bold === 'lead' && f.label.split(/\s+/).length <= 4 && !item.children.length;
  if (!used && !underKr && !(item.lead.owner && sentence) && boldLabel) {
    // "**Adoption Age** : System versions are at most 6 months old" in a key-results list: a key result named by its label.
    if (krList && o && sentence && !item.more.length && !item.other.length) {
      const kr = krFromLine(st, o, { line: item.line, lead: leadOf(f.value.text), nodes: [] });
      kr.note = [f.label, kr.note].filter(Boolean).join('; ');
      return true;
    }
    unmapped(st, item.line, item.line, `field "${f.label}" not mapped`, f.value.text);
    return true;
  }
  if (!used) return false;
  for (const m of item.more) unmapped(st, m.line, m.line, 'line not mapped', m.lead.raw);
  const at = { ...(o ? { objective: o } : {}), underKr: false };
  if (pending?.role === 'key-results') readItems(st, item.children, { ...at, krList: true });
  else if (pending) for (const c of item.children) recordItem(st, c.node, pending.role, o);
  // "**Progress:**" over lines under a key result: details of its field, not more key results.
  else if (underKr)
    for (const c of allItems(item.children)) unmapped(st, c.line, c.endLine, 'line under a key result field not mapped', c.lead.raw);
  else readItems(st, item.children, { ...at, krList: false });
  for (const b of item.other) st.readBlock(st, b);
  return true;
}

/**
 * "**Key Results:** Ana and Raj" over a numbered list: the items nested under the label are the key
 * results; what follows the label (who answers for them, a remark) says something of them all and is reported.
 */
function keyResultsSaid(st: ReadState, item: OutlineItem, said: string, o: ObjectiveDraft) {
  unmapped(st, item.line, item.line, 'said of the key results listed under it, not mapped', said);
  for (const m of item.more) unmapped(st, m.line, m.line, 'line not mapped', m.lead.raw);
  readItems(st, item.children, { objective: o, krList: true, underKr: false });
  for (const b of item.other) st.readBlock(st, b);
}

/** The lines of a paragraph inside an objective's item: fields, else its description. */
function paragraphInto(st: ReadState, o: ObjectiveDraft, p: Paragraph) {
  for (const l of paragraphLines(p.children)) fieldOrDescription(st, o, l);
}

const OBJECTIVE_RE = /^(?:(?:objective|obj\.?)\s*#?\s*(\d+)?|O(\d+)?)\s*[:.)\-–—]\s*(\S.*)$/is;

/** "Objective 2: …", "O1: …" → its title and label. */
export function objectiveMatch(t: string): { title: string; label?: string } | undefined {
  const m = OBJECTIVE_RE.exec(t.trim());
  if (!m) return undefined;
  const n = m[1] ?? m[2];
  return { title: m[3]!.trim(), ...(n ? { label: `O${n}` } : {}) };
}

/** An item of a list that names a part: an initiative, a risk, a dependency, a stage gate; else a labelled objective or key result, or a field. */
function recordItem(st: ReadState, item: ListItem, role: Role, o: ObjectiveDraft | undefined) {
  const line = lineOf(item);
  const [head, ...tail] = item.children;
  const first = head?.type === 'paragraph' ? head : undefined;
  const rest = first ? tail : item.children;
  const text = first ? inline(st, first.children).text : '';
  // "- * [ ] Task": an item that only wraps another list stands for what it wraps.
  if (!first && rest.length && rest.every((b) => b.type === 'list')) {
    for (const b of rest) for (const i of b.children) recordItem(st, i, role, o);
    return;
  }
  if (role === 'initiatives' && o) {
    const links = first ? inline(st, first.children).links : [];
    o.initiatives.push({ ...initiative(text), ...(links[0] ? { link: links[0].url } : {}) });
    return recordPlaced(st, first, rest, 'an initiative');
  }
  if (role === 'risks') {
    const r = { title: capital(text.replace(/\.$/, '')) };
    const to = o?.risks ?? docPeriod(st)?.risks;
    if (!to) return unmapped(st, line, endLineOf(item), 'risk with no period', text);
    to.push(r);
    return recordPlaced(st, first, rest, 'a risk');
  }
  if (role === 'dependencies' || (!o && inRole(st, 'dependencies'))) {
    if (dependencyItem(st, o, line, text)) recordPlaced(st, first, rest, 'a dependency');
    else rest.forEach((b) => unmapped(st, lineOf(b), endLineOf(b), `${b.type} under a dependency not mapped`));
    return;
  }
  if (role === 'stage-gates' && first) {
    const f = fieldLine(first.children, st.ctx);
    st.doc.stageGates.push(f ? { name: f.label, description: f.value.text } : { name: text });
    return recordPlaced(st, first, rest, 'a stage gate');
  }
  otherItem(st, { item, first, rest, text, line }, role, o);
}

/** The item's own lines became the record; anything nested under it is reported. */
function recordPlaced(st: ReadState, first: Paragraph | undefined, rest: ListItem['children'], what: string) {
  if (first) placed(st, lineOf(first), endLineOf(first), what);
  rest.forEach((b) => unmapped(st, lineOf(b), endLineOf(b), `${b.type} under ${what} not mapped`));
}

function dependencyItem(st: ReadState, o: ObjectiveDraft | undefined, line: number, text: string): boolean {
  if (o) o.dependencies.push({ where: where(st, line), on: text });
  else if (docPeriod(st)) docPeriod(st)!.dependencies.push({ description: text });
  else unmapped(st, line, line, 'dependency with no period', text);
  return Boolean(o ?? docPeriod(st));
}

/** An item of a part's list that is not one of its records. */
function otherItem(
  st: ReadState,
  i: { item: ListItem; first?: Paragraph; rest: ListItem['children']; text: string; line: number },
  role: Role,
  o: ObjectiveDraft | undefined,
) {
  const { item, first, rest, text, line } = i;
  // An objective as a list item with its KRs nested ("1. **OBJECTIVE: …**" + "- KR: …").
  const obj = objectiveMatch(text);
  if (obj && first) {
    const objective = newObjective(st, { title: obj.title, label: obj.label, line, endLine: endLineOf(item) });
    for (const b of rest) {
      if (b.type === 'list') for (const kr of b.children) krItem(st, kr, objective, true);
      else if (b.type === 'paragraph') paragraphInto(st, objective, b);
      else unmapped(st, lineOf(b), endLineOf(b), `${b.type} inside an objective not mapped`);
    }
    return;
  }
  const f = first ? fieldLine(first.children, st.ctx) : undefined;
  if (f && readField(st, f.label, f.value.text, line)) {
    rest.forEach((b) => st.readBlock(st, b));
    return;
  }
  const krs = role === 'key-results' || inRole(st, 'key-results');
  if (o && (KR_RE.test(text) || krs)) return krItem(st, item, o, krs);
  if (!o && KR_RE.test(text)) return unmapped(st, line, endLineOf(item), 'key result outside any objective not mapped', text);
  unmapped(st, line, endLineOf(item), 'list item not mapped', text);
}
