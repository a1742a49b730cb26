// Reading a paragraph by its class (../classify/paragraphs.ts): a bold line that opens an objective
// (with the "KR:" lines joined to it), a period's dates, an introduction or label over a list, or
// its lines one by one — key results, fields, the open objective's description, or report entries.
import type { ListItem, Paragraph, RootContent } from 'mdast';
import { classifyLine, classifyParagraph, type ParagraphClass, type ParagraphPlace } from '../classify/paragraphs.ts';
import { headingRole, ownerColumnLast, type Role } from '../classify/roles.ts';
import { endLineOf, fieldLine, lineOf } from '../markdown.ts';
import { countedFromOne, countedLines, joinWrappedSentences, paragraphLeads, type LeadLine, type SectionSummary } from '../outline.ts';
import type { KrDraft, ObjectiveDraft } from '../types.ts';
import { krNote, readField } from './fields.ts';
import { krFromLine, stateKr } from './key-results.ts';
import { periodStatement } from './periods.ts';
import { holdsKeyResults } from './table-class.ts';
import { short, withoutFullStop, withUrls } from './text.ts';
import {
  asMeasuredBy,
  currentObjective,
  guess,
  headingObjective,
  inline,
  inRole,
  newObjective,
  objectiveLabel,
  placed,
  render,
  sectionPeriod,
  top,
  unmapped,
  type ReadState,
  type Section,
} from './state.ts';

/**
 * An objective read from a heading above this section, not labelled as one ("## Serve the members" over "#### Boats"):
 * an "OKRs:" label here makes this section's heading an objective of its own. A labelled objective keeps its key results.
 */
function objectiveAbove(st: ReadState): boolean {
  const sec = top(st);
  const o = currentObjective(st);
  return Boolean(!st.itemObjective && sec && !sec.objective && AREA_ROLES.includes(sec.role) && o && !o.label);
}

/**
 * The open objective's key results were listed under a label ("OKRs:", "Key results:"): another plain label over a list
 * after them names another part of it ("Who is responsible:"), as a bold one does. A guess: it may add key results.
 */
function krsListedHere(st: ReadState): boolean {
  const o = currentObjective(st);
  return Boolean(o && st.krsListed.has(o));
}

const areaLabelCounts = new WeakMap<SectionSummary, number>();
/** How many bold labels over lists in a section name no part ("**Grow the club:**"), counted once per section. */
function areaLabels(sec: SectionSummary | undefined): number | undefined {
  if (!sec) return undefined;
  let n = areaLabelCounts.get(sec);
  if (n === undefined) areaLabelCounts.set(sec, (n = sec.listLabels.filter((t) => !headingRole(t)).length));
  return n;
}

/** Headings that may name an area whose OKRs follow under a label: a section, a team, "Projects". */
const AREA_ROLES: readonly Role[] = ['generic', 'team', 'initiatives'];

export function readParagraph(st: ReadState, p: Paragraph, after: readonly RootContent[]): void {
  const next = after[0];
  const heading = after.findIndex((b) => b.type === 'heading');
  const beforeHeading = heading < 0 ? after : after.slice(0, heading);
  const line = lineOf(p);
  if (st.awaitingTitle) return titleParagraph(st, st.awaitingTitle, p);
  if (st.awaitingKrTitle) {
    const kr = st.awaitingKrTitle;
    st.awaitingKrTitle = undefined;
    return stateKr(st, kr, p);
  }
  // "## Examples" holds OKRs written to show the method, not the team's own.
  if (inRole(st, 'examples'))
    return unmapped(st, line, endLineOf(p), 'paragraph not mapped (an example, not one of the OKRs)', render(st, p.children));
  const place: ParagraphPlace = {
    lines: paragraphLeads(p, (n) => render(st, n)),
    text: render(st, p.children),
    listFollows: next?.type === 'list' || (next?.type === 'paragraph' && countedFromOne(next, (n) => render(st, n))),
    listSoon: beforeHeading.some((b) => b.type === 'list'),
    listOfObjectives: next?.type === 'list' && next.children.some((i) => itemLabel(st, i) === 'objective'),
    objectiveOpen: Boolean(currentObjective(st)),
    objectiveJustOpened: justOpened(st),
    inPeriod: Boolean(sectionPeriod(st) ?? st.doc.period) || st.periodKnown,
    looseOpen: Boolean(top(st)?.loose),
    underKrHeading: top(st)?.role === 'key-results',
    krTableSoon: beforeHeading.some((b) => b.type === 'table' && holdsKeyResults(st, b)),
    objectiveAbove: objectiveAbove(st),
    boldLabelsBeside: areaLabels(top(st) ? st.sectionAt.get(top(st)!.line) : undefined),
    flatListFollows: next?.type === 'list' && next.children.every((i) => !i.children.some((c) => c.type === 'list')),
    krsListed: krsListedHere(st),
    profile: st.profile,
  };
  let c = classifyParagraph(place);
  // A statement whose dates cannot be read is not one: the rules after it decide.
  if (c.role === 'dates' && !periodStatement(st, place.text, line)) c = classifyParagraph(place, c.index + 1);
  applyParagraph(st, place, c, { line, end: endLineOf(p) });
}

function applyParagraph(st: ReadState, place: ParagraphPlace, c: ParagraphClass, at: { line: number; end: number }) {
  const { line, end } = at;
  const first = place.lines[0];
  switch (c.role) {
    case 'objective': {
      // "### O1 Build the platform" then "_Objective_: Design and run a platform that …": the heading names the
      // objective, the labelled line states it.
      const named = top(st)?.role === 'objective' && !top(st)!.loose ? top(st)!.objective : undefined;
      if (named && first!.lead.label?.kind === 'objective' && first!.lead.title && !named.keyResults.length && !named.description) {
        named.description = named.title;
        named.title = withoutFullStop(asMeasuredBy(first!.lead.title).title);
        placed(st, line, undefined, "the objective's statement (under the heading that names it)");
        return linesInto(st, named, place.lines.slice(1));
      }
      const o = newObjective(st, {
        title: first!.lead.title,
        label: objectiveLabel(first!.lead),
        line,
        lead: first!.lead,
        why: c.evidence,
      });
      openLoose(st, o, first!.lead.title, line);
      if (!first!.lead.title) st.awaitingTitle = o;
      return linesInto(st, o, place.lines.slice(1));
    }
    case 'mission': {
      const o = newObjective(st, { title: c.title, line, why: MISSION });
      return openLoose(st, o, c.title, line);
    }
    case 'numbered lines':
      return numberedLines(st, place.lines, c.numbered, c.titled);
    case 'objective lines': {
      let o: ObjectiveDraft | undefined;
      for (const l of place.lines) o = newObjective(st, { title: l.lead.title, label: objectiveLabel(l.lead), line: l.line, lead: l.lead });
      const sec = top(st);
      if (sec && o) Object.assign(sec, { objective: o, loose: true });
      return;
    }
    case 'objective over key results': {
      const o = newObjective(st, { title: first!.lead.title, line, lead: first!.lead, why: OVER_KR_LABEL });
      openLoose(st, o, first!.lead.title, line);
      const label = place.lines[1]!;
      st.pending = { role: 'key-results', line: label.line, label: label.lead.title };
      return placed(st, label.line, undefined, 'the label of its key-results');
    }
    case 'dates':
      return placed(st, line, end, "the period's dates");
    case 'objectives intro':
      st.pending = { role: 'goals', line, label: first!.lead.raw };
      return unmapped(st, line, end, 'introduction not mapped (the list after it is read as objectives)', first!.lead.raw);
    case 'okrs label': {
      // "#### Our projects" over "OKRs:": the label says the heading names an area with OKRs, not a list of projects.
      const o = headingObjective(st, 'a section heading over an "OKRs" label and its list, with no objective open', AREA_ROLES);
      st.pending = { role: 'key-results', line, label: first!.lead.raw };
      if (o) return placed(st, line, end, 'the label of its key results');
      return unmapped(st, line, end, 'label over a list not mapped (no objective to give its key results)', first!.lead.raw);
    }
    case 'label over list':
      st.pending = { role: c.part ?? 'generic', line, label: c.label };
      if (c.part) placed(st, line, end, `the label of its ${c.part}`);
      else unmapped(st, line, end, 'label over a list not mapped', first!.lead.raw);
      return;
    case 'lines':
      return readLines(st, place.lines);
  }
}

/**
 * Plain text numbering key results: an objective's label first opens it (its title on the next line when the label
 * stands alone), a "KRs:" label is placed, other lines before the first number describe the objective; each numbered
 * line is a key result and the lines under it ("e.g. …", "•Onboarding …") its note.
 */
function numberedLines(st: ReadState, lines: readonly LeadLine[], numbered: readonly number[], underTitle = false) {
  let i = 0;
  let o = currentObjective(st);
  const first = lines[0]!;
  if (underTitle) {
    o = newObjective(st, { title: first.lead.title, line: first.line, lead: first.lead, why: OVER_NUMBERED });
    openLoose(st, o, first.lead.title, first.line);
    i = 1;
  }
  if (first.lead.label?.kind === 'objective') {
    // "Objective 3:" alone, "Efficiency: Enable teams …" on the next line: all of that line is the title.
    const titled = first.lead.title ? first : numbered[0]! > 1 ? lines[1] : undefined;
    const title = titled === first ? first.lead.title : (titled?.lead.raw.replace(/[.\s]+$/, '') ?? '');
    o = newObjective(st, { title, label: objectiveLabel(first.lead), line: first.line, lead: first.lead });
    openLoose(st, o, title, first.line);
    if (titled && titled !== first) placed(st, titled.line, undefined, "the objective's title (under its label)");
    i = titled && titled !== first ? 2 : 1;
    if (!title) st.awaitingTitle = o;
  }
  if (!o) return readLines(st, lines);
  let kr: KrDraft | undefined;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (numbered.includes(i)) {
      kr = krFromLine(st, o, l);
      continue;
    }
    if (kr) {
      const t = withUrls(inline(st, l.nodes)).replace(/^[•◦▪‣∙●○■□]\s*/, '');
      kr.note = [kr.note, t].filter(Boolean).join('; ');
      placed(st, l.line, undefined, 'a note of the key result above it');
    } else if (/:\s*$/.test(l.lead.raw) && headingRole(l.lead.title) === 'key-results')
      placed(st, l.line, undefined, 'the label of its key results');
    else fieldOrDescription(st, o, l);
  }
  // An indented list right under the last numbered line is that key result's detail (../read/lists.ts).
  st.lastKr = kr && numbered.at(-1) === lines.length - 1 ? kr : undefined;
}

/** A paragraph line by line: key results and fields where they belong; the rest describes the open objective or is reported. */
function readLines(st: ReadState, lines: readonly LeadLine[]) {
  const leftovers: { text: string; line: number }[] = [];
  for (const l of lines) if (!readLine(st, l)) leftovers.push({ text: withUrls(inline(st, l.nodes)), line: l.line });
  if (!leftovers.length) return;
  // Under a key result's own heading ("### KR 1.1: …"), what is said is about that key result.
  const k = top(st)?.kr;
  if (k) {
    for (const l of leftovers) krNote(st, k, '', l.text, l.line);
    return;
  }
  const o = currentObjective(st);
  if (o && !o.description && !inRole(st, 'checkins') && !inRole(st, 'grading')) {
    o.description = leftovers.map((l) => l.text).join('\n');
    for (const l of leftovers) placed(st, l.line, undefined, "the objective's description");
    return;
  }
  for (const l of leftovers) unmapped(st, l.line, l.line, 'paragraph not mapped', l.text);
}

const OVER_NUMBERED = { role: 'objective', evidence: 'a plain line over lines numbered from 1', guess: true } as const;
const MISSION = { role: 'objective', evidence: 'a mission line over a key-result table, with no objective open', guess: true } as const;
const OVER_KR_LABEL = { role: 'objective', evidence: 'a plain line over a "Key Results:" label and its list', guess: true } as const;

/** A line (not a heading) opened this objective: it stays open for the blocks after it, until the next heading. */
function openLoose(st: ReadState, o: ObjectiveDraft, text: string, line: number): void {
  const sec = top(st);
  if (sec) Object.assign(sec, { objective: o, loose: true });
  else st.stack.push({ depth: 7, text, line, role: 'objective', objective: o, loose: true });
}

/** One line as an objective, a key result or a field; false when it is text. */
function readLine(st: ReadState, l: LeadLine): boolean {
  // "Hi all⏎Here are our OKRs:⏎Objective 1: …" — a labelled objective on a line of its own opens it, whatever came before.
  if (l.lead.label?.kind === 'objective' && l.lead.title) {
    const o = newObjective(st, { title: l.lead.title, label: objectiveLabel(l.lead), line: l.line, lead: l.lead });
    openLoose(st, o, l.lead.title, l.line);
    return true;
  }
  const o = currentObjective(st);
  const sec = top(st);
  const krHeading = sec?.role === 'key-results' ? st.sectionAt.get(sec.line) : undefined;
  const f = fieldLine(l.nodes, st.ctx);
  const place = {
    line: l,
    field: Boolean(f),
    objectiveOpen: Boolean(o),
    inDetail: inRole(st, 'detail'),
    underBareKrHeading: Boolean(krHeading && !krHeading.items.length && !krHeading.sections.length),
    ...(o?.label ? { objectiveNumber: o.label.replace(/^O/, '') } : {}),
  };
  let c = classifyLine(place);
  // A field the content model has no place for is not one here: the rules after it decide.
  if (c.role === 'field' && !readField(st, f!.label, f!.value.text, l.line)) c = classifyLine(place, c.index + 1);
  if (c.role === 'kr') st.lastKr = krFromLine(st, o!, ownerFromColumn(st, asLabelled(l), sec));
  return c.role !== 'text';
}

/** A name ending a row under "Key Results KR Lead": the flattened table's last column, its owner (a guess). */
function ownerFromColumn(st: ReadState, l: LeadLine, sec: Section | undefined): LeadLine {
  if (!sec || sec.role !== 'key-results' || !ownerColumnLast(sec.text) || l.lead.owner) return l;
  const m = TRAILING_NAME.exec(l.lead.title);
  if (!m || m.index === 0) return l;
  const owner = m[1]!;
  const title = l.lead.title.slice(0, m.index).trim();
  guess(
    st,
    l.line,
    `KR "${short(title)}": "${owner}" at the end of the line read as its owner (the header "${short(sec.text)}" names that column last)`,
  );
  return { ...l, lead: { ...l.lead, title, owner } };
}
/** "… with the harbour office Maya Orr", "… J Paul Serra": a first and last name (an initial before them) ending the line. */
const TRAILING_NAME = /\s+((?:[A-Z]\.?\s+)?[A-Z][\p{Ll}'’-]+\s+[A-Z][\p{Ll}'’-]+)\s*$/u;

/** "1.2 …" read as a key result is labelled by its number ("KR1.2"). */
function asLabelled(l: LeadLine): LeadLine {
  const sub = l.lead.sub;
  return sub && !l.lead.label ? { ...l, lead: { ...l.lead, label: { kind: 'kr', n: sub.n } } } : l;
}

/** The further lines of an objective's lead (joined by hard breaks): "KR:" lines, fields, else its description. */
export function linesInto(st: ReadState, o: ObjectiveDraft, lines: readonly LeadLine[]): void {
  // "1、…", "2、…" joined to the objective's line: its key results, counted.
  const counted = new Set(countedLines(lines));
  for (const [i, l] of lines.entries()) {
    if (l.lead.label?.kind === 'kr' || counted.has(i)) {
      st.lastKr = krFromLine(st, o, l);
      continue;
    }
    fieldOrDescription(st, o, l);
  }
}

/** A line of an objective's text: a field it names, else the objective's description, else reported. */
export function fieldOrDescription(st: ReadState, o: ObjectiveDraft, l: Pick<LeadLine, 'nodes' | 'line'>): void {
  const f = fieldLine(l.nodes, st.ctx);
  if (f && readField(st, f.label, f.value.text, l.line)) return;
  const t = withUrls(inline(st, l.nodes));
  if (o.description) unmapped(st, l.line, l.line, 'line not mapped', t);
  else {
    o.description = t;
    placed(st, l.line, undefined, "the objective's description");
  }
}

/** The paragraph under "### Objective": its first line is the objective's title, the rest its text. */
function titleParagraph(st: ReadState, o: ObjectiveDraft, p: Paragraph): void {
  st.awaitingTitle = undefined;
  // A title the editor wrapped onto the next line is one line.
  const [first, ...rest] = joinWrappedSentences(
    p,
    paragraphLeads(p, (n) => render(st, n)),
    (n) => render(st, n),
  );
  if (!first) return;
  for (const l of rest) if (l.endLine) st.wrapped.set(l.line, l.endLine);
  const measured = asMeasuredBy(first.lead.title);
  o.title = withoutFullStop(measured.title) || o.title;
  if (measured.measure) o.description ??= measured.measure;
  if (first.lead.score !== undefined) o.declared = { ...o.declared, grade: first.lead.score };
  placed(st, first.line, rest[0] ? rest[0].line - 1 : endLineOf(p), "the objective's title (under its label heading)");
  linesInto(st, o, rest);
}

/** The open objective is a bold line's, with no key result, initiative or description under it yet. */
function justOpened(st: ReadState): boolean {
  const sec = top(st);
  const o = sec?.loose ? sec.objective : undefined;
  return Boolean(o && !o.keyResults.length && !o.initiatives.length && !o.description);
}

/** The kind of label a list item's first line carries ("- O2: …" → objective), if any. */
function itemLabel(st: ReadState, item: ListItem): 'objective' | 'kr' | undefined {
  const first = item.children[0];
  return first?.type === 'paragraph' ? paragraphLeads(first, (n) => render(st, n))[0]?.lead.label?.kind : undefined;
}
