// The shapes OKR documents come in, recognised on the Markdown tree (remark + remark-gfm): objective
// headings and bold lines, KR tables with any columns in any order, KR bullets, team and period
// sections, field lines (Owner, DRI, Priority, Type, Confidence, Ladders up to, …), initiatives,
// dependency and risk tables, check-in schedules and examples, grading scales, fiscal period
// statements and ```yaml blocks. Whatever is not recognised is reported with its lines.
import type { BlockContent, Code, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { nameId, slug } from './ids.ts';
import {
  definitionsOf,
  fieldLine,
  inlineText,
  lineOf,
  endLineOf,
  paragraphLines,
  parseMarkdown,
  wholeEmphasis,
  type InlineContext,
} from './markdown.ts';
import type { CheckinBlock, CheckinExtras, DocRecords, KrDraft, ObjectiveDraft, PeriodDraft, Report, Where } from './types.ts';
import {
  findPeriods,
  parseConfidence,
  parseDate,
  parseDateRange,
  parseGrade,
  parseObjectiveType,
  parsePriority,
  parseStatus,
  splitList,
  type DateRange,
  type PeriodPhrase,
} from './values.ts';
import { keyResultRows } from './kr-table.ts';
import { person, readYaml } from './yaml-doc.ts';
import {
  changeRows,
  dateInPeriod,
  dependencyRows,
  gradingRows,
  riskRows,
  scheduleRows,
  tableKind,
  type TableNote,
  type TableRows,
} from './tables.ts';
import { classifyHeading, classifyItem, profileOf, type Classified } from './classify.ts';
import {
  allItems,
  leadOf,
  outlineList,
  paragraphLeads,
  sectionsOf,
  type Lead,
  type LeadLine,
  type OutlineItem,
  type SectionSummary,
} from './outline.ts';

type Role =
  | 'title'
  | 'objective'
  | 'key-results'
  | 'initiatives'
  | 'dependencies'
  | 'risks'
  | 'checkins'
  | 'grading'
  | 'stage-gates'
  | 'changes'
  | 'control'
  | 'overview'
  | 'team'
  /** A heading under "Key Results" or "Initiatives" that details one of them: its lines are notes. */
  | 'detail'
  /** A list introduced as the objectives ("Here's a summary of this team's objectives:"). */
  | 'goals'
  | 'generic';

interface Section {
  /** The objective came from a bold line or a table row: it ends at the next heading. */
  loose?: boolean;
  depth: number;
  text: string;
  line: number;
  role: Role;
  period?: string;
  team?: string;
  objective?: ObjectiveDraft;
}

const OBJECTIVE_RE = /^(?:(?:objective|obj\.?)\s*#?\s*(\d+)?|O(\d+)?)\s*[:.)\-–—]\s*(\S.*)$/is;
const KR_RE = /^(?:KR|key result)\s*#?\s*(\d+(?:\.\d+)?)?\s*[:.)\-–—]\s*(\S.*)$/is;

/** A heading that names goals: "Goals", "Q3 goals", "Our objectives", "Company priorities for 2020". */
const GOALS_HEADING = /^(?:\d+\.\s*)?(?:[\w-]+\s+){0,2}(?:goals|objectives|priorities)(?:\s+(?:for|in|of)\b.*)?$/i;

/** Words that make a heading a section, not a team ("Framework", "Overview", …). */
const GENERIC = new Set(
  'a an and the of for to in on this page toc previous archive notes our okr okrs objective objectives key results result goals goal framework principles overview summary executive strategic strategy plan planning definitions definition section appendix themes theme quarterly annual yearly team teams level wide core components tools systems related artifacts best practices anti-patterns patterns alignment cascading tracking cadence process management guide review reviews metrics success quality gates implementation table contents version document control history integration references'.split(
    ' ',
  ),
);

export function cleanTeamName(text: string): string | undefined {
  // "3. Product Team" loses its section number; "2019 Q4" keeps its year.
  let s = text.replace(/^\d{1,2}(?:\.\d+)*\.?\s+/, '');
  for (const p of findPeriods(s, { years: true }).reverse()) s = s.slice(0, p.index) + s.slice(p.index + p.length);
  s = s
    .replace(/["“][^"”]*["”]/g, '')
    .replace(/\(\s*\)/g, '')
    .replace(/\b(?:OKRs?|Objectives?(?:\s+(?:and|&)\s+Key\s+Results)?|Key\s+Results|Goals)\b/gi, '')
    .replace(/[-\s]+(?:Level|Wide)\b/gi, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s:–—-]+|[\s:–—-]+$/g, '')
    .trim();
  if (!s) return undefined;
  if (/^(?:company|corporate|organi[sz]ation|org|company[- ]wide|whole company)$/i.test(s)) return 'Company';
  const words = s
    .replace(/\([^)]*\)/g, '')
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .filter(Boolean);
  if (!words.length || words.every((w) => GENERIC.has(w))) return undefined;
  return s;
}

export function teamId(name: string): string {
  if (/^company$/i.test(name)) return 'company';
  return nameId(name.replace(/\([^)]*\)/g, '').replace(/\bteam\b/gi, '')) || nameId(name) || 'team';
}

const periodName = (p: { id: string; kind: string; fiscal: boolean }) => {
  const m = /^(FY)?(\d+)(?:-Q([1-4]))?$/.exec(p.id);
  if (!m) return p.id;
  return m[3] ? (m[1] ? `FY${m[2]} Q${m[3]}` : `Q${m[3]} ${m[2]}`) : p.id;
};

function headingRole(full: string): Role | undefined {
  if (/^(?:key results?|krs)$/i.test(full)) return 'key-results';
  if (/^(?:\d+\.\s*)?(?:key\s+|our\s+)?(?:initiatives?|projects)\b/i.test(full)) return 'initiatives';
  // A role word names the section only near its start: "Improve the release schedule" is a goal, not a schedule.
  const text = full.split(/\s+/).slice(0, 5).join(' ');
  if (/dependenc|enablers?/i.test(text)) return 'dependencies';
  if (/^(?:\d+\.\s*)?(?:key\s+)?risks?(?:\s+(?:and|&)\s+mitigations?)?$/i.test(text) || /risk register/i.test(text)) return 'risks';
  if (/check-?ins?|cadence|schedule/i.test(text)) return 'checkins';
  if (/scoring|grading|score/i.test(text)) return 'grading';
  if (/stage[- ]gate/i.test(text)) return 'stage-gates';
  if (/change history|changelog|change log|revision history/i.test(text)) return 'changes';
  if (/document control/i.test(text)) return 'control';
  if (/^(?:\d+\.\s*)?overview$/i.test(text)) return 'overview';
  return undefined;
}

/** Read one Markdown document into records. `text` is already cleaned (see ./index.ts). */
export function readMarkdown(file: string, text: string, report: Report): DocRecords {
  const doc: DocRecords = {
    file,
    pillars: [],
    stageGates: [],
    redactions: new Map(),
    periods: new Map(),
    objectives: [],
    kpiGroups: [],
    dependencies: [],
    checkinBlocks: [],
    sourceNotes: [],
  };
  const where = (line: number, endLine?: number): Where => ({ file, line, ...(endLine && endLine !== line ? { endLine } : {}) });
  const unmapped = (line: number, endLine: number, message: string, excerpt?: string) =>
    report({
      kind: 'unmapped',
      ...where(line, endLine),
      message,
      ...(excerpt ? { excerpt: excerpt.length > 120 ? `${excerpt.slice(0, 117)}…` : excerpt } : {}),
    });
  const guess = (line: number, message: string) => report({ kind: 'guess', ...where(line), message });
  const note = (line: number, message: string) => report({ kind: 'note', ...where(line), message });

  // Front matter: read as YAML, blanked out so remark's line numbers stay the file's.
  let body = text;
  const fm = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (fm) body = '\n'.repeat(fm[0].split('\n').length - 1) + text.slice(fm[0].length);

  const root: Root = parseMarkdown(body);
  const definitions = definitionsOf(root);
  const ctx: InlineContext = { definitions, redactions: doc.redactions, usedDefinitions: new Set() };
  const usedLinkDefs = new Set<string>();
  const inline = (nodes: readonly PhrasingContent[]) => {
    const r = inlineText(nodes, ctx);
    for (const l of r.links) for (const [id, d] of definitions) if (d.url === l.url) usedLinkDefs.add(id);
    return r;
  };

  // The outline first: every heading's section, and the labels the document uses (./classify.ts).
  const render = (nodes: readonly PhrasingContent[]) => inlineText(nodes, ctx).text;
  const sectionAt = new Map<number, SectionSummary>();
  const leads: Lead[] = [];
  const walkSections = (ss: SectionSummary[]) => {
    for (const s of ss) {
      sectionAt.set(s.line, s);
      walkSections(s.sections);
    }
  };
  walkSections(sectionsOf(root, render));
  for (const n of root.children) {
    if (n.type === 'heading') leads.push(sectionAt.get(lineOf(n))?.lead ?? leadOf(render(n.children)));
    else if (n.type === 'list') for (const i of allItems(outlineList(n, render))) leads.push(i.lead, ...i.more.map((m) => m.lead));
    else if (n.type === 'paragraph') leads.push(...paragraphLeads(n, render).map((l) => l.lead));
  }
  const profile = profileOf(leads);
  /** The objective of the list item being read (nested OKR trees), before the sections' own. */
  let itemObjective: ObjectiveDraft | undefined;

  const stack: Section[] = [];
  let pendingList: { role: Role; line: number; label: string } | undefined;
  let asOf: { date: string; line: number } | undefined;
  const ordinals = new Map<string, number>();

  const top = () => stack.at(-1);
  const currentObjective = (): ObjectiveDraft | undefined => {
    if (itemObjective) return itemObjective;
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.objective) return stack[i]!.objective;
    return undefined;
  };
  const sectionPeriod = () => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.period) return stack[i]!.period;
    return undefined;
  };
  const sectionTeam = () => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.team) return stack[i]!.team;
    return undefined;
  };
  const inRole = (role: Role) => stack.some((s) => s.role === role);
  const h2 = () => stack.find((s) => s.depth === 2)?.text;

  const ensurePeriod = (p: Pick<PeriodPhrase, 'id' | 'kind' | 'fiscal'>): PeriodDraft => {
    let d = doc.periods.get(p.id);
    if (!d) {
      d = {
        id: p.id,
        kind: p.kind,
        fiscal: p.fiscal,
        name: periodName(p),
        checkins: [],
        risks: [],
        dependencies: [],
        receiptsRequired: [],
        changeLog: [],
      };
      doc.periods.set(p.id, d);
    }
    return d;
  };
  const docPeriod = (): PeriodDraft | undefined => {
    const id = sectionPeriod() ?? doc.period;
    return id ? doc.periods.get(id) : undefined;
  };
  const setDocPeriod = (p: PeriodPhrase, line: number, how: string) => {
    ensurePeriod(p);
    if (!doc.period) {
      doc.period = p.id;
      doc.periodWhere = where(line);
      note(line, `period ${p.id} from ${how}`);
    }
  };

  const newObjective = (
    title: string,
    label: string | undefined,
    line: number,
    endLine?: number,
    extra: { lead?: Lead; parent?: ObjectiveDraft; why?: Classified } = {},
  ): ObjectiveDraft => {
    const period = sectionPeriod();
    const team = sectionTeam();
    if (period) ensurePeriod(findPeriods(period, { years: true })[0] ?? { id: period, kind: 'quarter', fiscal: /^FY/.test(period) });
    const key = `${period ?? ''}|${team ?? ''}`;
    const ordinal = (ordinals.get(key) ?? 0) + 1;
    ordinals.set(key, ordinal);
    // "* VPE" over nested items: the owner is all the title there is.
    const named =
      title.replace(/\s*\.\s*$/, '').trim() || extra.lead?.owner || extra.lead?.raw.replace(/[:.\s]+$/, '') || `Objective ${ordinal}`;
    const o: ObjectiveDraft = {
      where: where(line, endLine),
      ...(label ? { label } : {}),
      ordinal,
      title: named,
      ...(period ? { period } : {}),
      ...(team ? { team } : {}),
      initiatives: [],
      dependencies: [],
      risks: [],
      keyResults: [],
    };
    const l = extra.lead;
    if (l?.owner) o.owner = person(l.owner);
    const pr = l?.priority && parsePriority(l.priority);
    if (pr) o.priority = pr;
    if (l?.outcome) o.outcome = l.outcome;
    if (extra.parent) o.parentDraft = extra.parent;
    if (extra.why?.guess) guess(line, `objective "${short(o.title)}": ${extra.why.evidence}`);
    doc.objectives.push(o);
    pendingList = undefined;
    return o;
  };

  const objectiveMatch = (t: string) => {
    const m = OBJECTIVE_RE.exec(t.trim());
    if (!m) return undefined;
    const n = m[1] ?? m[2];
    return { title: m[3]!.trim(), label: n ? `O${n}` : undefined };
  };

  // ── Blocks ────────────────────────────────────────────────────────────────────────────────────
  if (fm) frontMatter(fm[1]!);
  root.children.forEach((node, i) => block(node, root.children[i + 1]));
  finish();
  return doc;

  function block(node: RootContent, next?: RootContent) {
    switch (node.type) {
      case 'heading':
        return heading(node);
      case 'paragraph':
        return paragraph(node, next);
      case 'list':
        return list(node);
      case 'table':
        return table(node);
      case 'code':
        return code(node);
      case 'blockquote':
        return blockquote(node);
      case 'thematicBreak':
      case 'definition':
        return;
      case 'html':
        return unmapped(
          lineOf(node),
          endLineOf(node),
          /^<!--[\s\S]*-->$/.test(node.value.trim()) ? 'HTML comment not mapped' : 'HTML not mapped',
          node.value.trim(),
        );
      default:
        return unmapped(lineOf(node), endLineOf(node), `${node.type} not mapped`);
    }
  }

  function heading(h: Heading) {
    const text = inline(h.children).text;
    const line = lineOf(h);
    while (stack.length && top()!.depth >= h.depth) stack.pop();
    pendingList = undefined;
    itemObjective = undefined;
    // A bold-line objective ends at the next heading, unless that heading is one of its parts ("Key Results").
    const part = /^(?:key-results|initiatives|dependencies|risks)$/.test(headingRole(text) ?? '');
    for (const s of part ? [] : stack)
      if (s.loose) {
        delete s.objective;
        delete s.loose;
      }
    const summary = sectionAt.get(line);
    const lead = summary?.lead ?? leadOf(text);
    const parent = currentObjective();
    const sec: Section = { depth: h.depth, text, line, role: 'generic' };
    stack.push(sec);
    if (h.depth === 1 && !doc.title) {
      doc.title = text;
      sec.role = 'title';
      const p = findPeriods(text, { years: true })[0];
      if (p) setDocPeriod(p, line, `the title "${text}"`);
      return;
    }
    if (lead.label?.kind === 'objective' && lead.title) {
      sec.role = 'objective';
      sec.objective = newObjective(lead.title, lead.label.n ? `O${lead.label.n}` : undefined, line, undefined, {
        lead,
        ...(parent ? { parent } : {}),
      });
      return;
    }
    const role = headingRole(text);
    const okrish =
      /\b(?:OKRs?|objectives?|goals|plan|themes?|key results)\b/i.test(text) || /^(?:\d+\.\s*)?(?:Q[1-4]|FY|CY|\d{4})/i.test(text);
    const periods = findPeriods(text, { years: okrish });
    if (periods.length === 1) {
      const p = periods[0]!;
      const d = ensurePeriod(p);
      sec.period = p.id;
      note(line, `period ${p.id} from the heading "${short(text)}"`);
      const rest = text.slice(p.index + p.length);
      const theme =
        /["“]([^"”]+)["”]/.exec(rest)?.[1] ??
        (/^\s*[—–:-]\s*(.+)$/.exec(rest)?.[1] ?? '').replace(/\b(?:OKRs?|Objectives?)\b/gi, '').trim();
      if (theme && !cleanTeamName(theme.replace(/["“”]/g, ''))?.match(/^company$/i) && /["“]|[—–]/.test(rest)) d.theme ??= theme;
    }
    if (role) {
      sec.role = role;
      if (role === 'checkins') cadenceFrom(text, line);
      return;
    }
    // "##### P0: Mount" under "#### Initiatives" is an initiative; under "#### Key Results", the detail of one.
    const within = stack.slice(0, -1).findLast((x) => x.role === 'key-results' || x.role === 'initiatives' || x.role === 'detail');
    if (within && parent) {
      sec.role = 'detail';
      if (within.role === 'initiatives') parent.initiatives.push({ title: lead.title });
      // A "Key Results" heading with no list of its own lists them as its sub-headings.
      else if (within.role === 'key-results' && !sectionAt.get(within.line)?.items.length && within === stack.at(-2))
        krFromLine(parent, { line, lead, nodes: h.children });
      else note(line, `heading "${short(lead.title)}" details a key result of "${short(parent.title)}": its lines are not key results`);
      return;
    }
    // A heading the document does not label can still be an objective by its shape (./classify.ts).
    if (summary && !sec.period) {
      const c = classifyHeading(summary, { profile, inPeriod: Boolean(sectionPeriod() ?? doc.period) });
      if (c?.role === 'objective') {
        sec.role = 'objective';
        sec.objective = newObjective(lead.title, undefined, line, undefined, { lead, why: c, ...(parent ? { parent } : {}) });
        return;
      }
    }
    // "#### KR2: Cut churn to 3%" under an objective is one of its key results.
    if (lead.label?.kind === 'kr' && parent && lead.title) {
      sec.role = 'detail';
      krFromLine(parent, { line, lead, nodes: h.children });
      return;
    }
    // A team is a name ("Sales", "Platform Team"), not a sentence.
    const team = cleanTeamName(text);
    if (
      team &&
      team
        .replace(/\([^)]*\)/g, '')
        .trim()
        .split(/\s+/).length <= 5
    ) {
      sec.team = team;
      sec.role = 'team';
      return;
    }
    if (!sec.period) note(line, `heading "${short(text)}" read as a section only (not a period, team or objective)`);
  }

  function cadenceFrom(text: string, line: number) {
    const p = docPeriod();
    if (!p) return;
    const cad = /\bbi-?weekly\b/i.test(text)
      ? 'biweekly'
      : /\bweekly\b/i.test(text)
        ? 'weekly'
        : /\bmonthly\b/i.test(text)
          ? 'monthly'
          : undefined;
    const day = /\b(monday|tuesday|wednesday|thursday|friday)\b/i.exec(text)?.[1]?.toLowerCase() as PeriodDraft['checkinDay'];
    if (cad) p.checkinCadence ??= cad;
    if (day) p.checkinDay ??= day;
    if (cad || day) note(line, `check-in cadence ${[cad, day].filter(Boolean).join(', ')} for ${p.id}`);
  }

  function paragraph(p: Paragraph, next?: RootContent) {
    const line = lineOf(p);
    const ls = paragraphLeads(p, render);
    const first = ls[0];
    const krLines = ls.slice(1).filter((l) => l.lead.label?.kind === 'kr').length;
    const why = first ? objectiveLine(first.lead, next?.type === 'list', krLines) : undefined;
    if (first && why) {
      const sec = top();
      const o = newObjective(first.lead.title, first.lead.label?.n ? `O${first.lead.label.n}` : undefined, line, undefined, {
        lead: first.lead,
        why,
      });
      if (sec) Object.assign(sec, { objective: o, loose: true });
      else stack.push({ depth: 7, text: first.lead.title, line, role: 'objective', objective: o });
      linesInto(o, ls.slice(1));
      return;
    }
    if (!currentObjective() && periodStatement(render(p.children), line)) return;
    // "Here's a summary of this team's objectives:" over a list: the list is the objectives.
    if (first && next?.type === 'list' && /\b(?:objectives|goals|priorities)\b[^.]*:\s*$/i.test(render(p.children))) {
      pendingList = { role: 'goals', line, label: first.lead.raw };
      unmapped(line, line, 'introduction not mapped (the list after it is read as objectives)', first.lead.raw);
      return;
    }
    // "**Not Included**" over a list: a label, and the list under it is what it names, not key results.
    if (first && ls.length === 1 && first.lead.bold === 'whole' && next?.type === 'list' && first.lead.title.split(/\s+/).length <= 6) {
      const role = headingRole(first.lead.title.replace(/:$/, ''));
      pendingList = { role: role ?? 'generic', line, label: first.lead.title };
      if (!role) unmapped(line, line, 'label over a list not mapped', first.lead.raw);
      return;
    }
    const leftovers: { text: string; line: number }[] = [];
    for (const l of ls) {
      const o = currentObjective();
      if (o && l.lead.label?.kind === 'kr' && !inRole('detail')) {
        krFromLine(o, l);
        continue;
      }
      const f = fieldLine(l.nodes, ctx);
      if (f && field(f.label, f.value.text, l.line)) continue;
      // A sentence right under an objective's "Key Results" heading is one ("IPFS has shipped 0.5.0."); "By order of priority," is not.
      const krSection = top()?.role === 'key-results' ? sectionAt.get(top()!.line) : undefined;
      if (
        o &&
        krSection &&
        !krSection.items.length &&
        !krSection.sections.length &&
        l.lead.bold !== 'whole' &&
        !/[,:]\s*$/.test(l.lead.raw)
      ) {
        krFromLine(o, l);
        continue;
      }
      leftovers.push({ text: withUrls(inline(l.nodes)), line: l.line });
    }
    if (!leftovers.length) return;
    const text = leftovers.map((l) => l.text).join('\n');
    const o = currentObjective();
    if (o && !o.description && !inRole('checkins') && !inRole('grading')) {
      o.description = text;
      return;
    }
    for (const l of leftovers) unmapped(l.line, l.line, 'paragraph not mapped', l.text);
  }

  /** A line that opens an objective: labelled and bold, or bold over a list or "KR:" lines in a document that does not label objectives. */
  function objectiveLine(l: Lead, listFollows: boolean, krLines: number): Classified | undefined {
    // "_What is the main thing?_" asks; it does not name an objective.
    if (!l.title || /:\s*$/.test(l.raw) || /\?\s*$/.test(l.title)) return undefined;
    if (l.label?.kind === 'objective' && (l.bold === 'whole' || krLines || listFollows))
      return { role: 'objective', evidence: 'labelled "Objective"', guess: false };
    if (l.label || profile.labelledObjectives || l.bold !== 'whole') return undefined;
    if (krLines) return { role: 'objective', evidence: `bold line over ${krLines} "KR:" line${krLines === 1 ? '' : 's'}`, guess: false };
    if (listFollows) return { role: 'objective', evidence: 'bold line followed by a list', guess: true };
    return undefined;
  }

  /** The further lines of an objective's lead (joined by hard breaks): "KR:" lines, fields, else its description. */
  function linesInto(o: ObjectiveDraft, ls: readonly LeadLine[]) {
    for (const l of ls) {
      if (l.lead.label?.kind === 'kr') {
        krFromLine(o, l);
        continue;
      }
      const f = fieldLine(l.nodes, ctx);
      if (f && field(f.label, f.value.text, l.line)) continue;
      const t = withUrls(inline(l.nodes));
      if (!o.description) o.description = t;
      else unmapped(l.line, l.line, 'line not mapped', t);
    }
  }

  /** A key result from one lead line: its title without label, owner or outcome; redactions from its {n0} tokens. */
  function krFromLine(o: ObjectiveDraft, l: LeadLine, endLine?: number): KrDraft {
    const r = inline(l.nodes);
    const title = l.lead.title.replace(/\s+/g, ' ');
    const redactions = [...title.matchAll(/\{([a-z][a-z0-9-]*)\}/g)].map((m) => m[1]!).filter((id) => doc.redactions.has(id));
    const d: KrDraft = {
      where: where(l.line, endLine),
      ...(l.lead.label?.n ? { label: `KR${l.lead.label.n}` } : {}),
      title,
      fromTitle: true,
      redactions,
      ...(l.lead.owner ? { owner: l.lead.owner } : {}),
      ...(l.lead.outcome !== undefined ? { outcome: l.lead.outcome } : {}),
    };
    if (r.links.length) d.note = r.links.map((x) => `${x.text}: ${x.url}`).join('; ');
    o.keyResults.push(d);
    return d;
  }

  /** A "Label: value" line. Returns false when the label means nothing here. */
  function field(labelRaw: string, value: string, line: number): boolean {
    const label = labelRaw
      .replace(/\s*\([^)]*\)\s*$/, '')
      .trim()
      .toLowerCase();
    const o = currentObjective();
    const p = docPeriod();
    if (o) {
      if (/^(?:owner|objective owner|accountable|tracking manager)$/.test(label)) return ((o.owner = person(value)), true);
      if (/^(?:dri|directly responsible(?: individual)?)$/.test(label)) return ((o.dri = person(value)), true);
      if (label === 'priority') {
        const pr = parsePriority(value);
        if (pr) return ((o.priority = pr), true);
        unmapped(line, line, `priority "${value}" is not one the content model knows (P0–P3, critical/high/medium/low, tier 1–3)`);
        return true;
      }
      if (label === 'type') {
        const t = parseObjectiveType(value);
        if (t.type) o.type = t.type;
        if (t.note) o.typeNote = t.note;
        if (!t.type) unmapped(line, line, `objective type "${value}" is neither committed nor aspirational`);
        return true;
      }
      if (label === 'confidence') {
        const c = parseConfidence(value);
        if (c.value !== undefined) o.confidence = c.value;
        if (c.note) o.confidenceNote = c.note;
        return true;
      }
      if (label === 'status') {
        const s = parseStatus(value);
        if (s?.status) {
          o.declared = { ...o.declared, status: s.status, ...(s.note ? { statusNote: s.note } : {}) };
          if (s.guessed) guess(line, `objective "${o.title}": status ${s.status} read from the words "${value}"`);
        } else unmapped(line, line, `status "${value}" not recognised (use 🔴 🟡 🟢 or red/yellow/green)`);
        return true;
      }
      if (/^(?:grade|score)$/.test(label)) {
        const g = parseGrade(value);
        if (g !== undefined) return ((o.declared = { ...o.declared, grade: g }), true);
        return false;
      }
      if (/^(?:ladders? up to|parent|aligns? (?:to|with)|supports|contributes to|parent objective)$/.test(label)) {
        o.parentRef = { text: value, where: where(line) };
        return true;
      }
      if (/^(?:description|purpose|why|context)$/.test(label)) return ((o.description = value), true);
      if (/^(?:key )?initiatives?$|^projects$/.test(label)) {
        if (value) for (const t of splitList(value)) o.initiatives.push(initiative(t));
        else pendingList = { role: 'initiatives', line, label: labelRaw };
        return true;
      }
      if (/^(?:dependencies|depends on|dependency)$/.test(label)) {
        if (value) for (const t of splitList(value)) o.dependencies.push({ where: where(line), on: t });
        else pendingList = { role: 'dependencies', line, label: labelRaw };
        return true;
      }
      if (/^(?:risks?|key risks)$/.test(label)) {
        if (value) for (const t of splitList(value)) o.risks.push({ title: capital(t) });
        else pendingList = { role: 'risks', line, label: labelRaw };
        return true;
      }
      if (/^key results?$/.test(label)) {
        if (value) return false;
        pendingList = { role: 'key-results', line, label: labelRaw };
        return true;
      }
    }
    if (label === 'theme' && p) return ((p.theme = value), true);
    if (/^(?:big bets|pillars|strategic pillars|bets)$/.test(label) || /pillars/.test(labelRaw.toLowerCase())) {
      for (const t of splitList(value)) if (!doc.pillars.includes(t)) doc.pillars.push(t.replace(/\.$/, ''));
      return true;
    }
    if (/decision receipts?|receipts required/.test(label) && p) {
      const scopes = receiptScopes(value);
      if (scopes.length) {
        p.receiptsRequired.push(...scopes.filter((s) => !p.receiptsRequired.includes(s)));
        return true;
      }
      return false;
    }
    if (/^(?:purpose|summary)$/.test(label) && p) return ((p.summary ??= value), true);
    if (label === 'classification') {
      doc.classification = /public/i.test(value) ? 'public' : 'internal';
      if (!/^(?:public|internal)$/i.test(value.trim())) guess(line, `classification "${value}" read as ${doc.classification}`);
      return true;
    }
    if (
      /^(?:document version|version|last updated|updated|document owner|owner|review|document id|created(?: date)?|primary author|author|status)$/.test(
        label,
      )
    ) {
      doc.sourceNotes.push(`${labelRaw.replace(/\s*\([^)]*\)\s*$/, '')}: ${value}`);
      return true;
    }
    // "**Example Check-in**:" introduces the code block read by its own shape.
    if (/check-?in/.test(label) && !value) return true;
    if (/dependenc/.test(label) && !value) return true; // the table that follows is read by its header
    if (inRole('stage-gates') && value) {
      doc.stageGates.push({ name: labelRaw, description: value });
      return true;
    }
    return false;
  }

  function list(l: List) {
    const pending = pendingList;
    pendingList = undefined;
    const o = currentObjective();
    const role = pending?.role ?? (inRole('stage-gates') ? 'stage-gates' : !o && inRole('dependencies') ? 'dependencies' : undefined);
    if (role === 'goals') {
      walkItems(outlineList(l, render), { krList: false, underKr: false, goals: true });
      return;
    }
    if (role === 'generic' || inRole('detail')) {
      // Under a label or a detail heading: objectives only by their own shape, never key results by place.
      walkItems(outlineList(l, render), { krList: false, underKr: false });
      return;
    }
    if (role && role !== 'key-results') {
      for (const item of l.children) listItem(item, role, o);
      return;
    }
    const items = outlineList(l, render);
    walkItems(items, { ...(o ? { objective: o } : {}), krList: role === 'key-results' || inRole('key-results'), underKr: false });
  }

  /** List items by their outline shape (./classify.ts): objectives, key results, fields, and notes reported line by line. */
  function walkItems(
    items: readonly OutlineItem[],
    at: { objective?: ObjectiveDraft; krList: boolean; underKr: boolean; goals?: boolean },
  ) {
    const goals = Boolean(at.goals) || stack.some((s) => GOALS_HEADING.test(s.text.replace(/\([^)]*\)/g, '').trim()));
    // An objective that lists its key results under its own "Key Results" heading has none elsewhere.
    const home = stack.findLast((s) => s.objective === at.objective && s.role === 'objective');
    const krsElsewhere =
      !at.krList && Boolean(home && sectionAt.get(home.line)?.sections.some((x) => headingRole(x.lead.title) === 'key-results'));
    for (const item of items) {
      if (fieldItem(item, at.objective, at.underKr)) continue;
      const c = classifyItem(item, {
        profile,
        objective: Boolean(at.objective),
        krList: at.krList,
        krsElsewhere,
        goalsSection: goals,
        underKr: at.underKr,
        siblings: items,
      });
      const first: LeadLine = { line: item.line, lead: item.lead, nodes: item.leadNodes };
      if (c.role === 'objective') {
        const o = newObjective(item.lead.title, item.lead.label?.n ? `O${item.lead.label.n}` : undefined, item.line, item.endLine, {
          lead: item.lead,
          why: c,
          ...(at.objective ? { parent: at.objective } : {}),
        });
        const before = itemObjective;
        itemObjective = o;
        linesInto(o, item.more);
        walkItems(item.children, { objective: o, krList: false, underKr: false });
        for (const b of item.other) {
          if (b.type === 'paragraph') paragraphInto(o, b);
          else block(b);
        }
        itemObjective = before;
        continue;
      }
      if (c.role === 'kr' && at.objective) {
        krFromLine(at.objective, first, item.endLine);
        if (c.guess) guess(item.line, `key result "${short(item.lead.title)}": ${c.evidence}`);
        for (const m of item.more) unmapped(m.line, m.line, 'line under a key result not mapped', m.lead.raw);
        walkItems(item.children, { objective: at.objective, krList: false, underKr: true });
        for (const b of item.other) unmapped(lineOf(b), endLineOf(b), `${b.type} under a key result not mapped`);
        continue;
      }
      const why = c.role === 'kr' ? 'key result outside any objective' : c.evidence;
      unmapped(item.line, item.line, `list item not mapped (${why})`, item.lead.raw);
      for (const m of item.more) unmapped(m.line, m.line, 'list item line not mapped', m.lead.raw);
      walkItems(item.children, at);
      for (const b of item.other) block(b);
    }
  }

  /** "Owner: CEO", "**Key Results:**" over a nested list, "Priority: P1" as list items. */
  function fieldItem(item: OutlineItem, o: ObjectiveDraft | undefined, underKr = false): boolean {
    if (item.lead.label || !item.leadNodes.length) return false;
    const f = fieldLine(item.leadNodes, ctx);
    if (!f) return false;
    const before = itemObjective;
    if (o) itemObjective = o;
    const used = field(f.label, f.value.text, item.line);
    const pending = pendingList;
    pendingList = undefined;
    itemObjective = before;
    // "**Tracked:** Weekly" — a bold label is a field even when the content model has no place for it.
    const sentence = f.value.text.split(/\s+/).length >= 4;
    if (
      !used &&
      !underKr &&
      !(item.lead.owner && sentence) &&
      item.lead.bold === 'lead' &&
      f.label.split(/\s+/).length <= 4 &&
      !item.children.length
    ) {
      unmapped(item.line, item.line, `field "${f.label}" not mapped`, f.value.text);
      return true;
    }
    if (!used) return false;
    for (const m of item.more) unmapped(m.line, m.line, 'line not mapped', m.lead.raw);
    if (pending?.role === 'key-results') walkItems(item.children, { ...(o ? { objective: o } : {}), krList: true, underKr: false });
    else if (pending) for (const c of item.children) listItem(c.node, pending.role, o);
    else walkItems(item.children, { ...(o ? { objective: o } : {}), krList: false, underKr: false });
    for (const b of item.other) block(b);
    return true;
  }

  function itemParts(item: ListItem): { first?: Paragraph; rest: BlockContent[] } {
    const [first, ...rest] = item.children as BlockContent[];
    if (first?.type === 'paragraph') return { first, rest };
    return { rest: item.children as BlockContent[] };
  }

  function listItem(item: ListItem, role: Role | undefined, o: ObjectiveDraft | undefined) {
    const line = lineOf(item);
    const { first, rest } = itemParts(item);
    const text = first ? inline(first.children).text : '';
    if (role === 'initiatives' && o) {
      const links = first ? inline(first.children).links : [];
      o.initiatives.push({ ...initiative(text), ...(links[0] ? { link: links[0].url } : {}) });
      rest.forEach((b) => unmapped(lineOf(b), endLineOf(b), 'nested content under an initiative not mapped'));
      return;
    }
    if (role === 'risks') {
      const r = { title: capital(text.replace(/\.$/, '')) };
      if (o) o.risks.push(r);
      else docPeriod()?.risks.push(r) ?? unmapped(line, line, 'risk with no period', text);
      return;
    }
    if (role === 'dependencies' || (!o && inRole('dependencies'))) {
      if (o) o.dependencies.push({ where: where(line), on: text });
      else {
        const p = docPeriod();
        if (p) p.dependencies.push({ description: text });
        else unmapped(line, line, 'dependency with no period', text);
      }
      return;
    }
    if (role === 'stage-gates' && first) {
      const f = fieldLine(first.children, ctx);
      if (f) doc.stageGates.push({ name: f.label, description: f.value.text });
      else doc.stageGates.push({ name: text });
      return;
    }
    // An objective as a list item with its KRs nested ("1. **OBJECTIVE: …**" + "- KR: …").
    const obj = objectiveMatch(text);
    if (obj && first) {
      const objective = newObjective(obj.title, obj.label, line, endLineOf(item));
      for (const b of rest) {
        if (b.type === 'list') for (const kr of b.children) krItem(kr, objective, true);
        else if (b.type === 'paragraph') paragraphInto(objective, b);
        else unmapped(lineOf(b), endLineOf(b), `${b.type} inside an objective not mapped`);
      }
      return;
    }
    if (first) {
      const f = fieldLine(first.children, ctx);
      if (f && field(f.label, f.value.text, line)) {
        rest.forEach((b) => block(b as RootContent));
        return;
      }
    }
    if (o && (KR_RE.test(text) || role === 'key-results' || inRole('key-results'))) {
      krItem(item, o, role === 'key-results' || inRole('key-results'));
      return;
    }
    if (!o && KR_RE.test(text)) {
      unmapped(line, endLineOf(item), 'key result outside any objective not mapped', text);
      return;
    }
    unmapped(line, endLineOf(item), 'list item not mapped', text);
  }

  function paragraphInto(o: ObjectiveDraft, p: Paragraph) {
    for (const l of paragraphLines(p.children)) {
      const f = fieldLine(l.nodes, ctx);
      if (f && field(f.label, f.value.text, l.line)) continue;
      const t = withUrls(inline(l.nodes));
      if (!o.description) o.description = t;
      else unmapped(l.line, l.line, 'line not mapped', t);
    }
  }

  function krItem(item: ListItem, o: ObjectiveDraft, plainIsKr: boolean) {
    const line = lineOf(item);
    const { first, rest } = itemParts(item);
    if (!first) return unmapped(line, endLineOf(item), 'list item not mapped');
    const r = inline(first.children);
    const m = KR_RE.exec(r.text);
    if (!m && !plainIsKr) return unmapped(line, endLineOf(item), 'list item not mapped', r.text);
    const title = (m ? m[2]! : r.text).trim();
    const d: KrDraft = {
      where: where(line, endLineOf(first)),
      ...(m?.[1] ? { label: `KR${m[1]}` } : {}),
      title: title.replace(/\s+/g, ' '),
      fromTitle: true,
      redactions: r.redactions,
    };
    if (r.links.length) d.note = r.links.map((l) => `${l.text}: ${l.url}`).join('; ');
    // A link in a title reads better as its words: "(Developer Experience project tracker)".
    o.keyResults.push(d);
    for (const b of rest) unmapped(lineOf(b), endLineOf(b), `${b.type} under a key result not mapped`);
  }

  // ── Tables ────────────────────────────────────────────────────────────────────────────────────

  function table(t: Table) {
    const [head, ...rows] = t.children;
    if (!head) return;
    const headers = head.children.map((c) => inline(c.children).text);
    const norm = headers.map((h) =>
      h
        .toLowerCase()
        .replace(/\([^)]*\)/g, '')
        .replace(/[*_]/g, '')
        .trim(),
    );
    const cells = rows.map((r) => ({ line: lineOf(r), cells: r.children.map((c) => inline(c.children)) }));
    const has = (re: RegExp) => norm.findIndex((h) => re.test(h));
    const line = lineOf(t);
    const end = endLineOf(t);

    const objCol = has(/^objectives?$/);
    const krCol = has(/^(?:key results?|kr|krs|result|title|description|key result description|metric|measure)$/);
    const valueCols = [
      has(/^(?:baseline|start|starting(?: value| point)?|from|previous|initial)$/),
      has(/^(?:target|goal|to|target value)$/),
      has(/^(?:current|actual|now|progress|latest|current value|achieved)$/),
      has(/^(?:grade|score|scoring)$/),
      has(/^(?:status|rag|health|state)$/),
    ];
    const krLikeRows = cells.length > 0 && cells.every((r) => /^KR\s*\d+/i.test(r.cells[0]?.text ?? ''));
    // An "Objective | Key result | Owner" table needs no value columns to be an OKR table; nor does a
    // "Key result | Owner" table under an objective.
    const okrColumns = krCol >= 0 && (objCol >= 0 || (currentObjective() && has(/^(?:owner|dri|lead|status|notes?)$/) >= 0));
    if ((krCol >= 0 || krLikeRows) && (valueCols.some((i) => i >= 0) || krLikeRows || okrColumns)) {
      if (objCol >= 0) return flatOkrTable(headers, norm, cells, objCol, line);
      const o = currentObjective();
      if (!o) return unmapped(line, end, 'key result table outside any objective not mapped', headers.join(' | '));
      return krTable(o, headers, norm, cells, line);
    }
    const kind = tableKind(norm);
    if (kind && kind !== 'changes') return otherTable(kind, { file, headers, norm, rows: cells }, line, end);
    if (norm[0] === 'field' && norm[1] === 'value') return controlTable(cells);
    if (kind === 'changes') return otherTable(kind, { file, headers, norm, rows: cells }, line, end);
    if (scoringTable(t, headers, norm, cells)) return;
    unmapped(line, end, `table not mapped (${rows.length} row${rows.length === 1 ? '' : 's'})`, headers.join(' | '));
  }

  /**
   * A scoring sheet pasted as a table: bold rows alone in their first cell are objectives
   * ("**1 Finish the base use-case**"), the rows under them its key results, with priority, owner
   * and end-of-quarter score columns.
   */
  function scoringTable(
    t: Table,
    headers: string[],
    norm: string[],
    rows: { line: number; cells: ReturnType<typeof inline>[] }[],
  ): boolean {
    const body = t.children.slice(1);
    const isHeadRow = (i: number) => {
      const r = body[i]!;
      const first = r.children[0];
      return Boolean(
        first &&
        wholeEmphasis(first.children) &&
        rows[i]!.cells[0]!.text.replace(/[*\s]/g, '') &&
        // "*The following not likely to get done:*" introduces rows; it is not an objective.
        !/:\s*$/.test(rows[i]!.cells[0]!.text) &&
        rows[i]!.cells.slice(1).every((c) => !c.text),
      );
    };
    const heads = body.map((_, i) => isHeadRow(i)).filter(Boolean).length;
    if (heads < 1 || currentObjective()) return false;
    const col = (re: RegExp) => norm.findIndex((h) => re.test(h));
    const c = { priority: col(/priority/), owner: col(/owner|dri|lead/), score: col(/^(?:end[- ]?q(?:uarter)?|final|score|grade)$/) };
    let o: ObjectiveDraft | undefined;
    body.forEach((_, i) => {
      const r = rows[i]!;
      const text = r.cells[0]?.text.trim() ?? '';
      if (isHeadRow(i)) {
        const title = text.replace(/^\d+[.)]?\s+/, '');
        o = newObjective(title, undefined, r.line, undefined, {
          why: { role: 'objective', evidence: 'a bold row alone in a scoring table', guess: true },
        });
        return;
      }
      const label = /:\s*$/.test(text) && wholeEmphasis(body[i]!.children[0]?.children ?? []) && r.cells.slice(1).every((x) => !x.text);
      if (!o || !text || label) {
        r.cells.forEach((x, j) => {
          if (x.text && !/^[*\s]*$/.test(x.text)) unmapped(r.line, r.line, `cell in column "${headers[j] ?? j + 1}" not mapped`, x.text);
        });
        return;
      }
      const d = krFromLine(o, { line: r.line, lead: leadOf(text), nodes: body[i]!.children[0]!.children });
      const owner = c.owner >= 0 ? r.cells[c.owner]?.text : undefined;
      if (owner) d.owner = owner;
      const grade = c.score >= 0 ? parseGrade(r.cells[c.score]?.text ?? '') : undefined;
      if (grade !== undefined) d.declared = { grade };
      r.cells.forEach((x, j) => {
        if (j === 0 || j === c.owner || (j === c.score && grade !== undefined) || j === c.priority || !x.text) return;
        unmapped(r.line, r.line, `cell in column "${headers[j] ?? j + 1}" not mapped`, x.text);
      });
    });
    return true;
  }

  function krTable(
    o: ObjectiveDraft,
    headers: string[],
    norm: string[],
    rows: { line: number; cells: ReturnType<typeof inline>[] }[],
    line: number,
  ) {
    const r = keyResultRows(
      { file, headers, norm, rows },
      { line, year: yearOf(sectionPeriod() ?? doc.period), ...(asOf ? { asOf } : {}) },
    );
    if (r.asOf) asOf = r.asOf;
    o.keyResults.push(...r.keyResults);
    tableNotes(r.notes);
  }

  function flatOkrTable(
    headers: string[],
    norm: string[],
    rows: { line: number; cells: ReturnType<typeof inline>[] }[],
    objCol: number,
    line: number,
  ) {
    let o: ObjectiveDraft | undefined;
    const groups: { o: ObjectiveDraft; rows: typeof rows }[] = [];
    for (const r of rows) {
      const t = r.cells[objCol]?.text ?? '';
      if (t) {
        const m = objectiveMatch(t);
        o = newObjective(m?.title ?? t, m?.label, r.line);
        groups.push({ o, rows: [] });
      }
      if (!o) {
        unmapped(r.line, r.line, 'row before the first objective not mapped');
        continue;
      }
      groups.at(-1)!.rows.push(r);
    }
    const h = headers.filter((_, i) => i !== objCol);
    const n = norm.filter((_, i) => i !== objCol);
    for (const g of groups)
      krTable(
        g.o,
        h,
        n,
        g.rows.map((r) => ({ line: r.line, cells: r.cells.filter((_, i) => i !== objCol) })),
        line,
      );
  }

  function controlTable(rows: { line: number; cells: ReturnType<typeof inline>[] }[]) {
    for (const r of rows) {
      const k = (r.cells[0]?.text ?? '').replace(/[*_]/g, '').trim();
      const v = (r.cells[1]?.text ?? '').trim();
      const key = k.toLowerCase();
      if (/planning period|^period$|quarter|timeframe/.test(key)) {
        const p = findPeriods(v, { years: true })[0];
        if (p) {
          setDocPeriod(p, r.line, `"${k}: ${v}"`);
          const range = parseDateRange(v, p.year);
          if (range) datesFor(doc.periods.get(p.id)!, range, r.line);
          continue;
        }
      }
      const p = docPeriod();
      if (p && /mid[- ](?:quarter|period|year)|midpoint/.test(key)) {
        const d = dateInPeriod(v, p);
        if (d) {
          p.midReview = d.date;
          continue;
        }
      }
      if (p && /grading date|scoring date|final grading/.test(key)) {
        const d = parseDate(v, yearOf(p.id) ?? yearOf(p.end));
        if (d) {
          p.gradingDate = d.date;
          continue;
        }
      }
      if (p && /approv/.test(key)) {
        p.approvers = splitList(v);
        continue;
      }
      if (/classification/.test(key)) {
        field(k, v, r.line);
        continue;
      }
      if (/document id|status|created|author|owner|version|updated/.test(key)) {
        doc.sourceNotes.push(`${k}: ${v}`);
        continue;
      }
      unmapped(r.line, r.line, `document field "${k}" not mapped`, v);
    }
  }

  /** Attach what ./tables.ts read, and report the rows and cells it could not use. */
  function tableNotes(notes: readonly TableNote[]) {
    for (const n of notes)
      if (n.kind === 'guess') guess(n.line, n.message);
      else unmapped(n.line, n.line, n.message, n.excerpt);
  }

  function otherTable(kind: NonNullable<ReturnType<typeof tableKind>>, t: TableRows, line: number, end: number) {
    const o = currentObjective();
    const p = docPeriod();
    switch (kind) {
      case 'dependencies': {
        const r = dependencyRows(t);
        for (const dep of r.dependencies) (o && !dep.dependent ? o.dependencies : doc.dependencies).push(dep);
        return tableNotes(r.notes);
      }
      case 'risks': {
        const r = riskRows(t);
        for (const { line: at, ...risk } of r.risks)
          if (o) o.risks.push(risk);
          else if (p) p.risks.push(risk);
          else unmapped(at, at, 'risk with no period to attach to', risk.title);
        return tableNotes(r.notes);
      }
      case 'schedule': {
        if (!p) return unmapped(line, end, 'check-in schedule with no period to attach to');
        const r = scheduleRows(t, p, line);
        p.checkins.push(...r.checkins);
        return tableNotes(r.notes);
      }
      case 'grading': {
        const r = gradingRows(t);
        if (r.bands.length) doc.bands ??= { where: where(line, end), bands: r.bands };
        return tableNotes(r.notes);
      }
      case 'changes': {
        const r = changeRows(t, p);
        p?.changeLog.push(...r.changes);
        return tableNotes(r.notes);
      }
    }
  }

  // ── Code and quotes ───────────────────────────────────────────────────────────────────────────

  function code(c: Code) {
    const line = lineOf(c);
    const end = endLineOf(c);
    if (/^ya?ml$/i.test(c.lang ?? '')) {
      const r = readYaml(c.value, {
        file,
        lineOffset: line,
        period: sectionPeriod() ?? doc.period,
        team: sectionTeam(),
        section: h2(),
        report,
      });
      for (const o of r.objectives) {
        if (o.period) ensurePeriod(findPeriods(o.period, { years: true })[0] ?? { id: o.period, kind: 'year', fiscal: false });
        doc.objectives.push(o);
      }
      doc.kpiGroups.push(...r.kpiGroups);
      for (const [k, v] of r.meta) unmapped(v.where.line, v.where.line, `YAML "${k}" not mapped`, v.value);
      return;
    }
    const lines = c.value.split('\n');
    const okr = /^OKR:\s*(.+)$/i.exec(lines[0]?.trim() ?? '');
    if (okr && lines.some((l) => /^KR\s*\d+/i.test(l.trim()))) {
      doc.checkinBlocks.push(checkinBlock(okr[1]!.trim(), lines, line));
      return;
    }
    unmapped(line, end, `code block${c.lang ? ` (${c.lang})` : ''} not mapped`, lines[0]);
  }

  function checkinBlock(objective: string, lines: string[], line: number): CheckinBlock {
    const block: CheckinBlock = { where: where(line, line + lines.length + 1), objective, krs: [] };
    let cur: CheckinBlock['krs'][number] | undefined;
    lines.forEach((raw, i) => {
      const l = raw.trim();
      const ln = line + 1 + i;
      const kr = /^KR\s*(\d+)\b[^:]*:\s*(.*)$/i.exec(l);
      if (kr) {
        const [statusPart, ...valueParts] = kr[2]!.split(/\s+[-–—]\s+/);
        const s = parseStatus(statusPart ?? '');
        const extras: CheckinExtras = {};
        if (s?.status) extras.status = s.status;
        const value = valueParts.join(' - ').trim();
        if (value) extras.note = value;
        cur = { label: `KR${kr[1]}`, where: where(ln), extras, ...(value ? { value } : {}) };
        block.krs.push(cur);
        return;
      }
      const b = /^[-*•]\s*(.*)$/.exec(l);
      if (b && cur) {
        const f = /^(blockers?|asks?|risks?|mitigations?|decisions?)\s*:\s*(.+)$/i.exec(b[1]!);
        if (f) {
          const k = f[1]!.toLowerCase().replace(/s$/, '');
          const key = ({ blocker: 'blockers', ask: 'asks', risk: 'risks', mitigation: 'mitigations', decision: 'decisions' } as const)[
            k as 'blocker'
          ];
          (cur.extras[key] ??= []).push(f[2]!.trim());
        } else cur.extras.note = [cur.extras.note, b[1]].filter(Boolean).join('; ');
        return;
      }
      if (l && i > 0) unmapped(ln, ln, 'check-in line not mapped', l);
    });
    return block;
  }

  function blockquote(q: { children: RootContent[]; position?: Paragraph['position'] }) {
    const line = lineOf(q);
    for (const c of q.children) if (c.type !== 'paragraph') unmapped(lineOf(c), endLineOf(c), `${c.type} inside a quote not mapped`);
    const text = q.children
      .filter((c): c is Paragraph => c.type === 'paragraph')
      .map((c) => withUrls(inline(c.children)))
      .join('\n');
    const o = currentObjective();
    if (o) {
      if (!o.description) o.description = text;
      else unmapped(line, endLineOf(q), 'quote not mapped', text);
      return;
    }
    let used = false;
    const p = findPeriods(text, { years: false })[0];
    if (p && !doc.period) setDocPeriod(p, line, `"${short(text)}"`);
    const period = doc.period ? doc.periods.get(doc.period) : undefined;
    if (period) {
      const range = parseDateRange(text, yearOf(period.id));
      if (range) {
        datesFor(period, range, line);
        used = true;
      }
      // "NexusFlow Objectives and Key Results for Q2 2026", "Acme's OKRs for …"
      const org = /^([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}?)(?:\s+Objectives and Key Results|['’]s\s+(?:OKRs|Objectives))\b/.exec(text);
      if (org && !/^(?:These|Those|This|The|Our|Your|All|Company|Team|Quarterly|Annual)$/.test(org[1]!)) doc.orgName ??= org[1];
      if (!period.summary && (used || org || p)) {
        period.summary = text.replace(/\s+/g, ' ').trim();
        used = true;
      }
    }
    if (!used) unmapped(line, endLineOf(q), 'quote not mapped', text);
  }

  function datesFor(p: PeriodDraft, range: DateRange, line: number) {
    p.start = range.start;
    p.end = range.end;
    p.datesWhere = where(line);
    if (range.yearAssumed) guess(line, `dates of ${p.id} (${range.start} – ${range.end}): year assumed from the period`);
    for (const f of range.fixed ?? []) guess(line, `${f} (dates of ${p.id})`);
  }

  /** "This fiscal quarter will run from May 1, 2019 to July 31, 2019": the period's dates (and the period, if the text names one). */
  function periodStatement(text: string, line: number): boolean {
    if (!/\bruns?\b|\brunning\b|\bfrom\b.*\b(?:to|through|until)\b/i.test(text) || text.length > 300) return false;
    const named = findPeriods(text, { years: false })[0];
    if (named && !doc.period) setDocPeriod(named, line, `"${short(text)}"`);
    const period = docPeriod() ?? (doc.period ? doc.periods.get(doc.period) : undefined);
    if (!period) return false;
    const range = parseDateRange(text, yearOf(period.id));
    if (!range) return false;
    datesFor(period, range, line);
    note(line, `${period.id} runs ${range.start} – ${range.end} (from "${short(text)}")`);
    return true;
  }

  function frontMatter(yaml: string) {
    const r = readYaml(yaml, { file, lineOffset: 1, report });
    for (const [k, v] of r.meta) {
      const key = k.toLowerCase();
      if (key === 'title') {
        doc.title ??= v.value;
        const p = findPeriods(v.value, { years: true })[0];
        if (p) setDocPeriod(p, v.where.line, `the front matter title "${v.value}"`);
      } else if (key === 'classification') {
        doc.classification = /public/i.test(v.value) ? 'public' : 'internal';
        if (!/^(?:public|internal)$/i.test(v.value)) guess(v.where.line, `classification "${v.value}" read as ${doc.classification}`);
      } else if (key === 'period') {
        const p = findPeriods(v.value, { years: true })[0];
        if (p) setDocPeriod(p, v.where.line, 'the front matter');
        else unmapped(v.where.line, v.where.line, `front matter period "${v.value}" not recognised`);
      } else if (/^(?:version|owner|last_reviewed|last_updated|next_review|updated|author|status)$/.test(key))
        doc.sourceNotes.push(`${k}: ${v.value}`);
      else unmapped(v.where.line, v.where.line, `front matter "${k}" not mapped`, v.value);
    }
    doc.objectives.push(...r.objectives);
    doc.kpiGroups.push(...r.kpiGroups);
  }

  // ── After the last block ──────────────────────────────────────────────────────────────────────

  function finish() {
    for (const [id, d] of definitions)
      if (!ctx.usedDefinitions.has(id) && !usedLinkDefs.has(id)) unmapped(d.line, d.line, `link definition [${id}] not used`, d.url);
    // Check-in examples ("OKR: Accelerate Enterprise Acquisition") go to the objective they name.
    for (const b of doc.checkinBlocks) {
      const o = bestObjective(doc.objectives, b.objective);
      if (!o) {
        unmapped(b.where.line, b.where.endLine ?? b.where.line, `check-in for "${b.objective}" matches no objective`);
        continue;
      }
      report({ kind: 'guess', ...b.where, message: `check-in "${b.objective}" matched to objective "${o.title}"` });
      for (const k of b.krs) {
        const kr = o.keyResults.find((x) => x.label === k.label) ?? o.keyResults[Number(k.label.slice(2)) - 1];
        if (!kr) {
          unmapped(k.where.line, k.where.line, `check-in for ${k.label} matches no key result of "${o.title}"`);
          continue;
        }
        if (!kr.currentDate) {
          unmapped(
            k.where.line,
            k.where.line,
            `check-in for ${k.label} of "${o.title}" has no date (no "as of" date in its table)`,
            k.extras.note,
          );
          continue;
        }
        kr.checkin = k.extras;
      }
    }
  }
}

/** Inline text with each link's address after its words: "tracker (https://…)". */
const withUrls = (r: { text: string; links: { text: string; url: string }[] }) =>
  r.links.reduce((t, l) => (l.text && t.includes(l.text) && !t.includes(l.url) ? t.replace(l.text, `${l.text} (${l.url})`) : t), r.text);

const short = (s: string) => (s.length > 50 ? `${s.slice(0, 47)}…` : s);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const yearOf = (period: string | undefined): number | undefined => {
  const m = /^(\d{4})/.exec(period ?? '');
  return m ? Number(m[1]) : undefined;
};

/** "CRM Sync v2 (Integration Team)" → initiative of the Integration team; "(SAML, OIDC)" stays in the title. */
function initiative(text: string): { title: string; team?: string } {
  const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(text.trim());
  if (m && m[1] && /^[A-Z][\w&/-]*(?:\s+[A-Z][\w&/-]*){0,2}$/.test(m[2]!.trim()) && !m[2]!.includes(','))
    return { title: m[1].trim(), team: m[2]!.trim() };
  return { title: text.trim().replace(/\.$/, '') };
}

function receiptScopes(text: string): PeriodDraft['receiptsRequired'] {
  const out: PeriodDraft['receiptsRequired'] = [];
  const add = (re: RegExp, s: PeriodDraft['receiptsRequired'][number]) => {
    if (re.test(text)) out.push(s);
  };
  add(/kpi[- ]tree/i, 'kpi-tree');
  add(/\bokrs?\b/i, 'okrs');
  add(/budget/i, 'budget');
  add(/risk[- ]register/i, 'risk-register');
  add(/stage[- ]gate/i, 'stage-gate');
  return out;
}

/** The objective whose title shares the most words with `text` (at least half of them). */
export function bestObjective<T extends { title: string }>(objectives: T[], text: string): T | undefined {
  const words = (s: string) => new Set(slug(s, 50, 1000).split('-').filter(Boolean));
  const want = words(text);
  let best: T | undefined;
  let bestScore = 0;
  for (const o of objectives) {
    const have = words(o.title);
    const shared = [...want].filter((w) => have.has(w) || [...have].some((h) => h.startsWith(w) || w.startsWith(h))).length;
    const score = shared / Math.max(1, want.size);
    if (score > bestScore) [best, bestScore] = [o, score];
  }
  return bestScore >= 0.5 ? best : undefined;
}
