// What the Markdown reader knows at a point of the document: the sections open above it, the
// records read so far and where the report goes. One value per document, created by
// ./document.ts and passed explicitly to every reader; rules (../classify/) only see snapshots of it.
import type { PhrasingContent, RootContent } from 'mdast';
import type { DocProfile, Classified } from '../classify/items.ts';
import type { Role } from '../classify/roles.ts';
import { inlineText, type InlineContext, type InlineText } from '../markdown.ts';
import { allItems, leadOf, type Lead, type OutlineItem, type SectionSummary } from '../outline.ts';
import type { DocRecords, KrDraft, ObjectiveDraft, PeriodDraft, Report, Where } from '../types.ts';
import { emptyPeriod, objectiveDraft } from '../records.ts';
import { findPeriods, parsePriority, type PeriodPhrase } from '../values.ts';
import { person } from '../names.ts';
import type { PathFacts } from '../path-period.ts';
import { excerpt as cut, short, withoutFullStop } from './text.ts';

/** A heading (or a bold line standing in for one) that is open at the current point. */
export interface Section {
  /** The objective came from a bold line or a table row: it ends at the next heading. */
  loose?: boolean;
  depth: number;
  text: string;
  line: number;
  role: Role;
  period?: string;
  team?: string;
  /** "### OKR: @lena": the objectives in it are this person's, unless they name their own owner. */
  owner?: string;
  objective?: ObjectiveDraft;
  /** A key result's heading ("### Key Result 1.1: …"): the fields under it are its own. */
  kr?: KrDraft;
}

/** A label or field that announced what the next list holds ("**Key Results:**", "Initiatives:"). */
export interface PendingList {
  role: Role;
  line: number;
  label: string;
}

export interface ReadState {
  readonly file: string;
  readonly doc: DocRecords;
  readonly report: Report;
  readonly ctx: InlineContext;
  /** Link definitions whose URL some link used (the rest are reported as not used). */
  readonly usedLinkDefs: Set<string>;
  /** Each heading's outline section, by line. */
  readonly sectionAt: ReadonlyMap<number, SectionSummary>;
  /** The sections of each heading's level under the same parent (itself included), by line. */
  readonly siblingsAt: ReadonlyMap<number, readonly SectionSummary[]>;
  readonly profile: DocProfile;
  /** What the file's path names: a period ("acme-2019-Q2-team.md"), the document's unless it names its own, and a folder's year. */
  readonly path: PathFacts;
  /** A period is known before the document names one (--period, the file's path). */
  readonly periodKnown: boolean;
  /** The document's only OKRs are its samples ("### Sample Objective"): read them as its own (../index.ts decides). */
  readonly samplesAreOkrs?: boolean;
  /** The year guessed from the text, for quarters named without one when nothing else gives it. */
  readonly yearHint?: { year: number; fiscal: boolean; from: string };
  /** The last line of each list line the editor wrapped, by its first line (see noteWrapped). */
  readonly wrapped: Map<number, number>;
  /** Open sections, outermost first. */
  readonly stack: Section[];
  pending?: PendingList;
  /** An objective whose heading is its label alone ("### Objective"): the next paragraph is its title. */
  awaitingTitle?: ObjectiveDraft;
  /** A key result whose line is its label alone ("1. **Key Result**"): the next paragraph states it. */
  awaitingKrTitle?: KrDraft;
  /** The objective of the list item being read (nested OKR trees), before the sections' own. */
  itemObjective?: ObjectiveDraft;
  /** The key result whose nested items are being read: their fields are its own. */
  krScope?: KrDraft;
  /** The key result the block just read ended with: a list of fields right after it is its own. */
  lastKr?: KrDraft;
  /** "Current (as of 2025-02-01)" of the last key-result table, for check-in examples. */
  asOf?: { date: string; line: number };
  /** Objectives so far per period and team, for ordinals ("Company Objective 1"). */
  readonly ordinals: Map<string, number>;
  /** Objectives whose key results a "Key Results:" label listed: bold labels after that list name other parts of them. */
  readonly krsListed: Set<ObjectiveDraft>;
  /** Reads any block (./document.ts): lists and items hold blocks of every kind. */
  readonly readBlock: (st: ReadState, node: RootContent, after?: readonly RootContent[]) => void;
}

export const where = (st: ReadState, line: number, endLine?: number): Where => {
  // A line the editor wrapped ends where its last part does.
  const end = Math.max(endLine ?? line, st.wrapped.get(line) ?? line);
  return { file: st.file, line, ...(end !== line ? { endLine: end } : {}) };
};

/** Remember the lines of these items (and their further lines) that the editor wrapped onto the lines after them. */
export function noteWrapped(st: ReadState, items: readonly OutlineItem[]): void {
  for (const i of allItems(items)) {
    if (i.leadEnd) st.wrapped.set(i.line, i.leadEnd);
    for (const m of i.more) if (m.endLine) st.wrapped.set(m.line, m.endLine);
  }
}

export function unmapped(st: ReadState, line: number, endLine: number, message: string, excerpt?: string): void {
  st.report({
    kind: 'unmapped',
    ...where(st, line, endLine),
    message,
    ...(excerpt ? { excerpt: cut(excerpt) } : {}),
  });
}

export const guess = (st: ReadState, line: number, message: string) => st.report({ kind: 'guess', ...where(st, line), message });
/** Lines that became a record or a field (`what` says which). */
export const placed = (st: ReadState, line: number, endLine: number | undefined, what: string) =>
  st.report({ kind: 'placed', ...where(st, line, endLine), message: what });
export const note = (st: ReadState, line: number, message: string) => st.report({ kind: 'note', ...where(st, line), message });

/** Inline text, remembering which link definitions were used. */
export function inline(st: ReadState, nodes: readonly PhrasingContent[]): InlineText {
  const r = inlineText(nodes, st.ctx);
  for (const l of r.links) for (const [id, d] of st.ctx.definitions) if (d.url === l.url) st.usedLinkDefs.add(id);
  return r;
}

/** Inline text for reading shapes (links are not counted as used). */
export const render = (st: ReadState, nodes: readonly PhrasingContent[]) => inlineText(nodes, st.ctx).text;

export const top = (st: ReadState) => st.stack.at(-1);

export function currentObjective(st: ReadState): ObjectiveDraft | undefined {
  return st.itemObjective ?? st.stack.findLast((s) => s.objective)?.objective;
}
/** The key result fields read here belong to: the item being read, else a key result's heading. */
export const currentKr = (st: ReadState): KrDraft | undefined => st.krScope ?? st.stack.findLast((s) => s.kr)?.kr;
export const sectionPeriod = (st: ReadState) => st.stack.findLast((s) => s.period)?.period;
export const sectionTeam = (st: ReadState) => st.stack.findLast((s) => s.team)?.team;
export const inRole = (st: ReadState, role: Role) => st.stack.some((s) => s.role === role);
/** The enclosing H2's text (a KPI catalogue's section). */
export const h2 = (st: ReadState) => st.stack.find((s) => s.depth === 2)?.text;

const periodName = (p: { id: string }) => {
  const m = /^(FY)?(\d+)(?:-Q([1-4]))?$/.exec(p.id);
  if (!m) return p.id;
  return m[3] ? (m[1] ? `FY${m[2]} Q${m[3]}` : `Q${m[3]} ${m[2]}`) : p.id;
};

export function ensurePeriod(st: ReadState, p: Pick<PeriodPhrase, 'id' | 'kind' | 'fiscal'>): PeriodDraft {
  let d = st.doc.periods.get(p.id);
  if (!d) {
    d = emptyPeriod({ ...p, name: periodName(p) });
    st.doc.periods.set(p.id, d);
  }
  return d;
}

/** The period of the current place: the enclosing period section's, else the document's. */
export function docPeriod(st: ReadState): PeriodDraft | undefined {
  const id = sectionPeriod(st) ?? st.doc.period;
  return id ? st.doc.periods.get(id) : undefined;
}

/** The document's own period, the first time one is found. */
export function setDocPeriod(st: ReadState, p: PeriodPhrase, line: number, how: string): void {
  ensurePeriod(st, p);
  if (st.doc.period) return;
  st.doc.period = p.id;
  st.doc.periodWhere = where(st, line);
  note(st, line, `period ${p.id} from ${how}`);
}

export interface NewObjective {
  title: string;
  label?: string;
  line: number;
  endLine?: number;
  lead?: Lead;
  parent?: ObjectiveDraft;
  why?: Classified;
}

/** "Ship the beta, as measured by:" / "Ship the beta. As measured by 4 key results …": the objective, and how it is measured (said below). */
export function asMeasuredBy(text: string): { title: string; measure?: string } {
  const m = /^(.{12,}?)[,.]?\s+as measured by\b(.*)$/is.exec(text);
  if (!m) return { title: text };
  const rest = m[2]!.replace(/[:.\s]+$/, '').trim();
  return { title: m[1]!, ...(rest ? { measure: `As measured by ${rest}` } : {}) };
}

/** An objective of this period read earlier, with no key results or description yet, whose title this one repeats. */
export function earlierObjective(st: ReadState, title: string): ObjectiveDraft | undefined {
  const period = sectionPeriod(st);
  const t = withoutFullStop(title);
  return t ? st.doc.objectives.find((o) => o.period === period && !o.keyResults.length && !o.description && o.title === t) : undefined;
}

/** A new objective in the current period and team section; its lead gives owner, priority and outcome. */
export function newObjective(st: ReadState, n: NewObjective): ObjectiveDraft {
  const period = sectionPeriod(st);
  const team = sectionTeam(st);
  // "#### Scale the platform" after a summary list naming "**Scale the platform**": the same objective, now with its detail.
  const again = earlierObjective(st, n.title);
  if (again) {
    note(st, n.line, `objective "${short(again.title)}" again (first at line ${again.where.line}): read as that one`);
    placed(st, n.line, n.endLine, 'objective');
    st.pending = undefined;
    return again;
  }
  if (period) ensurePeriod(st, findPeriods(period, { years: true })[0] ?? { id: period, kind: 'quarter', fiscal: /^FY/.test(period) });
  const key = `${period ?? ''}|${team ?? ''}`;
  const ordinal = (st.ordinals.get(key) ?? 0) + 1;
  st.ordinals.set(key, ordinal);
  const l = n.lead;
  // "* VPE" over nested items: the owner is all the title there is.
  const measured = asMeasuredBy(n.title);
  const title = withoutFullStop(measured.title) || l?.owner || l?.raw.replace(/[:.\s]+$/, '') || `Objective ${ordinal}`;
  const o = objectiveDraft({ where: where(st, n.line, n.endLine), label: n.label, ordinal, title, period, team });

  const owner = l?.owner ?? st.stack.findLast((s) => s.owner)?.owner;
  if (owner) o.owner = person(owner);
  if (measured.measure) o.description = measured.measure;
  if (l?.typeTag === 'committed' || l?.typeTag === 'aspirational') o.type = l.typeTag;
  const pr = l?.priority && parsePriority(l.priority);
  if (pr) o.priority = pr;
  if (l?.outcome) o.outcome = l.outcome;
  if (l?.score !== undefined) {
    o.declared = { ...o.declared, grade: l.score };
    guess(st, n.line, `objective "${short(o.title)}": (${l.score}) at the end of the line read as its score (declared grade)`);
  }
  // "… [Epic 720](…)" at the end of an objective's line: the tracker item of its work.
  const ref = l?.reference;
  const url = ref?.url ?? (ref?.identifier ? st.ctx.definitions.get(ref.identifier)?.url : undefined);
  if (ref?.identifier && url) st.usedLinkDefs.add(ref.identifier);
  if (ref && url) o.initiatives.push({ title: ref.text, link: url });
  if (n.parent) o.parentDraft = n.parent;
  if (n.why?.guess) guess(st, n.line, `objective "${short(o.title)}": ${n.why.evidence}`);
  if (l?.label?.misspelt) guess(st, n.line, `objective "${short(o.title)}": "${l.label.misspelt}" read as the label "Objective"`);
  placed(st, n.line, n.endLine, 'objective');
  st.doc.objectives.push(o);
  st.pending = undefined;
  return o;
}

/** "O2" from a lead's label number. */
export const objectiveLabel = (l: Lead | undefined) => (l?.label?.n ? `O${l.label.n}` : undefined);

/**
 * "### Module A: Search" over a key-result table, or "#### Rowing" over "OKRs:" and a list, no objective open: the
 * heading names the objective they measure (a guess); a team's heading, the team's objective. Not a period's heading,
 * nor a part's.
 */
export function headingObjective(
  st: ReadState,
  evidence: string,
  roles: readonly Role[] = ['generic', 'team'],
): ObjectiveDraft | undefined {
  const sec = top(st);
  if (!sec || sec.loose || !roles.includes(sec.role) || sec.period || sec.depth > 6) return undefined;
  const title = leadOf(sec.text).title;
  if (!title) return undefined;
  const o = newObjective(st, { title, line: sec.line, why: { role: 'objective', evidence, guess: true } });
  sec.objective = o;
  return o;
}
