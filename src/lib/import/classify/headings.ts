// What a heading is — the document's title, an objective, a part of one (its key results,
// initiatives, risks …), a key result, a team section or just a section — from its place (what is
// open above it, what its section holds) and its shape, by ordered rules. Each rule is a small
// function of the heading's place that decides with its evidence or passes; the first that decides
// wins. Pure: the reader (../read/headings.ts) applies the decision.
import type { SectionSummary, Lead } from '../outline.ts';
import { cleanTeamName } from '../teams.ts';
import { findPeriods, type PeriodPhrase } from '../values.ts';
import type { Classified, DocProfile } from './items.ts';
import { GOAL_VERB, headingRole, namesGoals, type Role } from './roles.ts';

/** A period a heading names ("## Q1 2027 — "Revenue Engine""), with the theme written after it. */
export interface HeadingPeriod {
  phrase: PeriodPhrase;
  theme?: string;
  /** Where the year of a quarter named without one ("## Q1 Objectives") came from. */
  yearFrom?: string;
}

/** The year known at a heading's place, for a quarter it names without one. */
export interface YearHint {
  year: number;
  fiscal: boolean;
  /** Where it was read ("the period 2019 above", "the file path"). */
  from: string;
}

/** Everything the rules may look at: the heading and a snapshot of its place. */
export interface HeadingPlace {
  text: string;
  lead: Lead;
  line: number;
  /** The heading's section in the outline (what it holds). */
  summary?: SectionSummary;
  /** An H1 and the document has no title yet. */
  firstTitle: boolean;
  /** The title of the objective open above the heading, if any. */
  parent?: string;
  /** The nearest enclosing "Key Results", "Initiatives" or detail section, and whether it is the direct parent and lists items itself. */
  within?: { role: 'key-results' | 'initiatives' | 'detail'; direct: boolean; listsItems: boolean };
  /** A period is known at this place (the title, a period heading above, front matter). */
  inPeriod: boolean;
  /** The period of this place (a period heading above, else the document's), if any. */
  enclosingPeriod?: string;
  /** The year of this place (its period, else the file path), for a quarter named without one. */
  year?: YearHint;
  /** Inside a section about a later period ("### 2020 goals" and what it holds). */
  inBeyond?: boolean;
  /** Inside a section about an earlier period ("## Q1 Objectives (review)" in Q2, and what it holds). */
  inEarlier?: boolean;
  /** Inside a retrospective ("## Retrospective" and the team sections under it). */
  inRetrospective?: boolean;
  /** Inside a section of examples ("## Examples" and what is under it). */
  inExamples?: boolean;
  /** The other headings of the same level under the same parent. */
  siblings?: readonly SectionSummary[];
  profile: DocProfile;
}

export type HeadingClass = { rule: string; period?: HeadingPeriod } & (
  | { role: 'title' }
  | { role: 'objective'; evidence?: Classified }
  /** A part of the document its words name: key results, initiatives, risks, a schedule … */
  | { role: 'part'; part: Role }
  /** Under "Initiatives": one of the objective's initiatives. */
  | { role: 'initiative' }
  /** Under a "Key Results" heading without a list, or labelled "KR": one of the objective's key results. */
  | { role: 'kr' }
  /** Under "Key Results" (or a detail): the detail of a key result, its lines are notes. */
  | { role: 'detail' }
  | { role: 'team'; team: string }
  /** "### 2. OKR: @lena": the OKRs of one person, whose objectives are theirs. */
  | { role: 'owner'; owner: string }
  | { role: 'section' }
);

type HeadingRule = (h: HeadingPlace, period: HeadingPeriod | undefined) => HeadingClass | undefined;

/** The period a heading names, if it names exactly one (years count only in headings about OKRs or starting with one). */
export function headingPeriod(text: string, year?: YearHint): HeadingPeriod | undefined {
  const okrish =
    /\b(?:OKRs?|objectives?|goals|plan|themes?|key results)\b/i.test(text) || /^(?:\d+\.\s*)?(?:Q[1-4]|FY|CY|\d{4})/i.test(text);
  const periods = findPeriods(text, { years: okrish });
  if (!periods.length && year && okrish) return bareQuarter(text, year);
  if (periods.length !== 1) return undefined;
  const phrase = periods[0]!;
  const rest = text.slice(phrase.index + phrase.length);
  const theme =
    /["“]([^"”]+)["”]/.exec(rest)?.[1] ?? (/^\s*[—–:-]\s*(.+)$/.exec(rest)?.[1] ?? '').replace(/\b(?:OKRs?|Objectives?)\b/gi, '').trim();
  const isTheme = theme && !cleanTeamName(theme.replace(/["“”]/g, ''))?.match(/^company$/i) && /["“]|[—–]/.test(rest);
  return { phrase, ...(isTheme ? { theme } : {}) };
}

/** "## Q1 Objectives (Quarter End Review)" under a known year: that year's quarter. */
function bareQuarter(text: string, y: YearHint): HeadingPeriod | undefined {
  const qs = [...text.matchAll(/\bQ([1-4])\b/gi)];
  if (qs.length !== 1) return undefined;
  const q = qs[0]!;
  const id = y.fiscal ? `FY${String(y.year).padStart(2, '0')}-Q${q[1]}` : `${y.year}-Q${q[1]}`;
  const phrase: PeriodPhrase = {
    id,
    kind: 'quarter',
    fiscal: y.fiscal,
    year: y.year,
    quarter: Number(q[1]),
    index: q.index,
    length: q[0].length,
  };
  return { phrase, yearFrom: y.from };
}

/** The rules for headings, in the order they are tried. A new shape is a new rule here. */
export const HEADING_RULES: readonly { name: string; rule: HeadingRule }[] = [
  { name: 'document title', rule: (h) => (h.firstTitle ? { rule: 'document title', role: 'title' } : undefined) },
  {
    // "### OKR '2022.C1': "Validate the vision"" over "**Objective: …**": the OKR's name and id, a
    // section holding the objective as its lines state it — not a team.
    name: 'OKR named by its id',
    rule: (h, period) =>
      /^OKR\s+['"‘’`]?[\w.-]*\d[\w.-]*['"‘’`]?\s*[:.\-–—]/i.test(h.text)
        ? { rule: 'OKR named by its id', role: 'section', ...(period ? { period } : {}) }
        : undefined,
  },
  {
    // "### 2020 goals" inside 2019 Q4: plans beyond the period, not its objectives (nor a period of their own).
    name: 'beyond this period',
    rule: (h, period) =>
      h.inBeyond || (period && h.enclosingPeriod && !h.inRetrospective && startsAfter(period.phrase.id, h.enclosingPeriod))
        ? { rule: 'beyond this period', role: 'part', part: 'beyond' }
        : undefined,
  },
  {
    // "## Q1 Objectives (Quarter-End Review)" at the end of the Q2 page: the earlier quarter scored,
    // not this period's objectives (nor imported as that period's: a review, kept in the report).
    name: 'before this period',
    rule: (h, period) =>
      h.inEarlier || (period && h.enclosingPeriod && !h.inRetrospective && endsBefore(period.phrase.id, h.enclosingPeriod))
        ? { rule: 'before this period', role: 'part', part: 'earlier' }
        : undefined,
  },
  {
    // "### Frontend" under "## Retrospective": what went well and what did not, not objectives.
    name: 'inside a retrospective',
    rule: (h) => (h.inRetrospective ? { rule: 'inside a retrospective', role: 'part', part: 'retrospective' } : undefined),
  },
  {
    // "### Objective 1: …" under "## Examples": written to show the method, not one of the OKRs.
    name: 'inside examples',
    rule: (h) => (h.inExamples ? { rule: 'inside examples', role: 'part', part: 'examples' } : undefined),
  },
  {
    // "## From 12/04/2035 To 12/06/2035": when the work runs, a section over the objectives, not one of them.
    name: 'date range',
    rule: (h, period) =>
      DATE_RANGE.test(h.text.trim()) ? { rule: 'date range', role: 'section', ...(period ? { period } : {}) } : undefined,
  },
  {
    // "### Objective 1: Ship it"; "### Objective" alone takes its title from the paragraph after it.
    name: 'labelled objective',
    rule: (h) => (h.lead.label?.kind === 'objective' ? { rule: 'labelled objective', role: 'objective' } : undefined),
  },
  {
    name: 'part named by its words',
    rule: (h, period) => {
      const part = headingRole(h.text);
      return part ? { rule: 'part named by its words', role: 'part', part, ...(period ? { period } : {}) } : undefined;
    },
  },
  {
    name: 'under key results or initiatives',
    rule: (h, period) => {
      if (!h.within || h.parent === undefined) return undefined;
      const p = { rule: 'under key results or initiatives', ...(period ? { period } : {}) };
      if (h.within.role === 'initiatives') return { ...p, role: 'initiative' };
      // A "Key Results" heading with no list of its own lists them as its sub-headings, unless an
      // unlabelled sub-heading holds a table of them: a group of key results ("#### Detection").
      if (h.within.role === 'key-results' && !h.within.listsItems && h.within.direct)
        return h.summary?.tables && !h.lead.label ? { ...p, role: 'part', part: 'key-results' } : { ...p, role: 'kr' };
      return { ...p, role: 'detail' };
    },
  },
  {
    // "### 2. OKR: @lena", "## OKRs — Lena Park": a heading that is only "OKR" and a person after it heads that
    // person's OKRs ("### Sales: OKRs" names a team, read by the team rule).
    name: "a person's OKRs",
    rule: (h) =>
      h.lead.owner &&
      h.lead.ownerAtEnd &&
      !h.lead.label &&
      /^(?:okrs?|objectives?(?: (?:and|&) key results)?|goals)[\s:–—-]*$/i.test(h.lead.title)
        ? { rule: "a person's OKRs", role: 'owner', owner: h.lead.owner }
        : undefined,
  },
  {
    name: 'objective by shape',
    rule: (h, period) => {
      if (!h.summary || period) return undefined;
      const c = objectiveByShape(h.summary, h);
      return c?.role === 'objective' ? { rule: 'objective by shape', role: 'objective', evidence: c } : undefined;
    },
  },
  {
    // "## M1 — Soft launch" beside "## M2 — Public launch": headings named by ids, each over its own
    // items or table, are the document's objectives.
    name: 'named by an id',
    rule: (h, period) => {
      if (period || !h.lead.id || h.lead.label || !h.lead.title || !h.summary) return undefined;
      const twins = (h.siblings ?? []).filter((s) => s.lead.id && !s.lead.label).length;
      const holds = h.summary.items.length + h.summary.tables + h.summary.sections.length;
      if (!twins && !holds) return undefined;
      const evidence = `a heading named by the id "${h.lead.id}"${twins ? ` beside ${twins} sibling${twins === 1 ? '' : 's'} named the same way` : ''}`;
      return { rule: 'named by an id', role: 'objective', evidence: { role: 'objective', evidence, guess: true } };
    },
  },
  {
    // "### Online updates" beside "### Improve stability", "### Make enterprise friendly": a short
    // name among sibling headings that are objectives, over a list of its own, is one too.
    name: 'like its sibling objectives',
    rule: (h, period) => {
      const items = h.summary?.items.filter((i) => !i.lead.linkOnly).length ?? 0;
      // "## Rebuild the admin screens" over paragraphs only, beside objectives: one too, its key results not written.
      const prose =
        !items && Boolean(h.summary?.paragraphs) && !h.summary?.sections.length && !h.summary?.tables && GOAL_VERB.test(h.lead.title);
      if (period || h.lead.label || !(items || prose) || !h.siblings?.length || h.lead.linkOnly || aboutTheDocument(h.lead.title))
        return undefined;
      // "## Goals" beside them heads more of them; it is not one.
      if (namesGoals(h.text)) return undefined;
      const others = h.siblings.filter((s) => !s.lead.linkOnly && !headingRole(s.lead.title));
      const objectives = others.filter((s) => s.lead.label?.kind === 'objective' || objectiveByShape(s, h)?.role === 'objective').length;
      if (!objectives || objectives * 2 <= others.length) return undefined;
      const over = prose ? 'a goal-like heading over prose' : `a heading over ${items} item${items === 1 ? '' : 's'}`;
      const evidence = `${over} beside ${others.length} sibling heading${others.length === 1 ? '' : 's'}, ${objectives} of them objective${objectives === 1 ? '' : 's'}`;
      return { rule: 'like its sibling objectives', role: 'objective', evidence: { role: 'objective', evidence, guess: true } };
    },
  },
  {
    // "### Gather testers" over "- Run 3 interviews", "- Open a sign-up page": in a period, where nothing
    // is labelled and no list nests objectives over key results, a short heading over plain items (some
    // of them, here or under a sibling, with nothing nested) names an objective and the items are its key results.
    name: 'area over its key results',
    rule: (h, period) => {
      if (period || h.lead.label || h.parent !== undefined || h.within || !h.inPeriod || !h.summary || !plainArea(h.summary))
        return undefined;
      const p = h.profile;
      if (p.labelledObjectives || p.labelledKrs || (p.boldNestedItems ?? 0) >= 2 || (p.topLevelKrs ?? 0) > 0) return undefined;
      // "### Product:" reads as a label: a team's section over its objectives; so does "### Platform" beside it.
      if (
        /:\s*$/.test(h.text) ||
        (h.siblings ?? []).some((s) => /:\s*$/.test(s.lead.raw)) ||
        namesGoals(h.text) ||
        aboutTheDocument(h.lead.title) ||
        h.lead.linkOnly ||
        h.lead.title.split(/\s+/).length > 6
      )
        return undefined;
      const leaves = (s: SectionSummary) => s.items.some((i) => !i.children.length);
      if (!leaves(h.summary) && !(h.siblings ?? []).some((s) => plainArea(s) && leaves(s))) return undefined;
      const n = h.summary.items.length;
      const evidence = `a short heading over ${n} plain item${n === 1 ? '' : 's'}, nothing labelled in the document: an objective over its key results`;
      return { rule: 'area over its key results', role: 'objective', evidence: { role: 'objective', evidence, guess: true } };
    },
  },
  {
    name: 'labelled key result',
    rule: (h, period) =>
      h.lead.label?.kind === 'kr' && h.parent !== undefined
        ? { rule: 'labelled key result', role: 'kr', ...(period ? { period } : {}) }
        : undefined,
  },
  {
    name: 'team name',
    rule: (h, period) => {
      // "## Current OKRs" heads the objectives; it names no team.
      if (namesGoals(h.text)) return undefined;
      // A team is a name ("Sales", "Platform Team"), not a sentence; a quarter named without its year is no part of it.
      const at = period?.yearFrom ? period.phrase : undefined;
      const team = cleanTeamName(at ? h.text.slice(0, at.index) + h.text.slice(at.index + at.length) : h.text);
      if (
        !team ||
        team
          .replace(/\([^)]*\)/g, '')
          .trim()
          .split(/\s+/).length > 5
      )
        return undefined;
      return { rule: 'team name', role: 'team', team, ...(period ? { period } : {}) };
    },
  },
];

/** What a heading is. Falls back to a section (listed in the report when it names no period either). */
export function classifyHeading(h: HeadingPlace): HeadingClass {
  // The title and a labelled objective are read before any period the heading names.
  const period = h.firstTitle || (h.lead.label?.kind === 'objective' && h.lead.title) ? undefined : headingPeriod(h.text, h.year);
  for (const { rule } of HEADING_RULES) {
    const c = rule(h, period);
    if (c) return c;
  }
  return { rule: 'section', role: 'section', ...(period ? { period } : {}) };
}

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
const DATE = String.raw`(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2}\s+${MONTH}(?:\s+\d{4})?|${MONTH}\s+\d{1,2}(?:,?\s+\d{4})?)`;
/** "From 12/04/2035 To 12/06/2035", "1 March – 30 April 2035": a heading that is only the dates work runs between. */
const DATE_RANGE = new RegExp(String.raw`^(?:from\s+)?${DATE}\s*(?:to|until|through|till|[-–—])\s*${DATE}$`, 'i');

/** Words that make a heading a section about the document, not a goal. */
const SECTION_WORDS =
  /\b(?:notes?|previous|archive[sd]?|table of contents|contents|on this page|toc|overview|summary|appendix|references?|process|planning|guide|template|faq|glossary|background|introduction|retrospective|learnings?|changelog|history|links?|resources|tracking|schedule|cadence|scoring|grading|methodology|principles|definitions?)\b/i;
/** Not-goals, whatever their length: "Anti-goals", "Non-goals", "Out of scope". */
const NOT_GOALS = /\b(?:anti-?goals?|non-?goals?|out of scope|not doing|won['’]t do|will not do)\b/i;
/**
 * A heading about the document rather than a goal: a section word leading it ("Notes on …",
 * "Previous quarters") or in a short one ("Tracking", "Useful links"). In a longer sentence the
 * word is the goal's ("Make the error tracking docs even better", "Even better SDK reference docs").
 */
export function aboutTheDocument(title: string): boolean {
  const words = title.split(/\s+/);
  // "Where we stand (Background)": a remark naming the section's kind.
  const remark = /\(([^)]*)\)\s*$/.exec(title)?.[1] ?? '';
  return (
    NOT_GOALS.test(title) ||
    SECTION_WORDS.test(words.slice(0, 2).join(' ')) ||
    (words.length <= 3 && SECTION_WORDS.test(title)) ||
    (remark.split(/\s+/).length <= 2 && SECTION_WORDS.test(remark))
  );
}

const TEAMISH = /\b(?:team|group|department|squad|guild|wg|working group|okrs?)$/i;

/** Whether an unlabelled heading is an objective by its shape: an owner prefix, or a goal-like sentence heading a list of leaves. */
export function objectiveByShape(s: SectionSummary, ctx: { profile: DocProfile; inPeriod: boolean }): Classified | undefined {
  const l = s.lead;
  if (l.label?.kind === 'objective') return decided(`heading labelled "Objective"`);
  // "#### KR2: Cut churn to 3%" is a key result whatever its words.
  if (l.label?.kind === 'kr') return undefined;
  // "Current quarter objectives" heads the objectives; it is not one.
  if (namesGoals(l.title)) return undefined;
  // "**We'll know we're successful when:**" over a list right under it: the heading is the objective those are the key results of
  // (unless a line under it states the objective).
  const krLabel = s.boldLines.find((t) => headingRole(t) === 'key-results');
  const stated = s.objectiveLines > 0 || s.boldLines.some((t) => !headingRole(t));
  // Its own success criteria outweigh a section word in it ("Changelog podcasts").
  if (krLabel && s.items.length && !stated && !l.linkOnly && !l.id && !NOT_GOALS.test(l.title))
    return decided(`heading over its own key results ("${krLabel}")`);
  // "## Team collaboration" over "### What we want to do" and "### Key results": a name is enough.
  const krHeading = s.sections.find((x) => headingRole(x.lead.title) === 'key-results');
  const objectivesBelow = s.sections.some((x) => x.lead.label || namesGoals(x.lead.title));
  if (krHeading && !stated && !objectivesBelow && !l.linkOnly && !l.id && !l.label && !NOT_GOALS.test(l.title) && !namesGoals(l.title))
    return decided(`heading over its own "${krHeading.lead.title}" sub-heading`);
  if (ctx.profile.labelledObjectives) return undefined;
  const items = s.items.filter((i) => !i.lead.linkOnly);
  if (l.owner && (items.length || s.sections.length || l.numbered))
    return decided(`heading owned by "${l.owner}"${l.numbered ? ', numbered' : ''}`);
  if (!ctx.inPeriod || l.linkOnly) return undefined;
  // Where the document writes its objectives as bold items over their key results, a heading is not one
  // by its sentence: it groups them, or it is a section of another kind (duties, guidelines).
  if ((ctx.profile.boldNestedItems ?? 0) >= 2) return undefined;
  const words = l.title
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\d]/u.test(w));
  const verb = GOAL_VERB.test(l.title);
  if (
    words.length < (verb ? 2 : 3) ||
    aboutTheDocument(l.title) ||
    /^(?:how|why|what|about|when|where|who)\b/i.test(l.title) ||
    TEAMISH.test(l.title.replace(/\([^)]*\)/g, '').trim())
  )
    return undefined;
  // Items that are objectives themselves (nested, bold, labelled) make this a section over them, not one.
  const objectiveItems = items.filter((i) => i.children.length || i.lead.bold === 'whole' || i.lead.label?.kind === 'objective');
  if (items.length && objectiveItems.length < items.length)
    return decided(`sentence heading over a list of ${items.length} item${items.length === 1 ? '' : 's'}`, items.length < 2);
  if (!items.length && s.sections.length && !s.tables)
    return decided(`sentence heading over ${s.sections.length} sub-heading${s.sections.length === 1 ? '' : 's'}`, true);
  // "## Being a better company to work at" with nothing under it yet: an objective without key results.
  if (!items.length && !s.sections.length && !s.tables && !s.paragraphs && (verb || words.length >= 4))
    return decided('sentence heading with nothing under it: an objective without key results', true);
  return undefined;
}

const decided = (evidence: string, guess = false): Classified => ({ role: 'objective', evidence, guess });

/** A section holding two or more plain list items (unlabelled, not bold, not links, a few words each) and no sub-sections. */
function plainArea(s: SectionSummary): boolean {
  const items = s.items.filter((i) => !i.lead.linkOnly);
  return (
    items.length >= 2 &&
    !s.sections.length &&
    !s.tables &&
    !s.boldLines.length &&
    !s.objectiveLines &&
    items.every((i) => !i.lead.label && !i.lead.bold && !i.lead.owner && i.lead.title.split(/\s+/).length >= 2) &&
    // "- conduct research monthly," "- in a deliberate way,": one sentence broken into items, not results.
    !items.some((i) => /[,;]\s*$/.test(i.lead.raw)) &&
    items.every((i) => i.children.every((c) => !c.children.length && !c.lead.label))
  );
}

/** "2020" starts after "2019-Q4" ends (both fiscal or both calendar; years and quarters). */
export function startsAfter(id: string, other: string): boolean {
  const a = quarterSpan(id);
  const b = quarterSpan(other);
  return Boolean(a && b && a.fiscal === b.fiscal && a.start > b.end);
}

/** Whether period `id` ends before `other` starts ("2019-Q1" before "2019-Q2"; "2019-Q4" not before "2019"). */
export function endsBefore(id: string, other: string): boolean {
  const a = quarterSpan(id);
  const b = quarterSpan(other);
  return Boolean(a && b && a.fiscal === b.fiscal && a.end < b.start);
}

/** A year or quarter id as its first and last quarter, counted from year 0. */
function quarterSpan(id: string): { fiscal: boolean; start: number; end: number } | undefined {
  const m = /^(FY)?(\d+)(?:-Q([1-4]))?$/.exec(id);
  if (!m) return undefined;
  const year = Number(m[2]!.length === 2 ? `20${m[2]}` : m[2]);
  const q = m[3] ? Number(m[3]) - 1 : undefined;
  return { fiscal: Boolean(m[1]), start: year * 4 + (q ?? 0), end: year * 4 + (q ?? 3) };
}
