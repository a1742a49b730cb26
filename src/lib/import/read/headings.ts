// Reading a heading: close the sections it ends, classify it by its place (../classify/headings.ts)
// and open its section — a period, an objective, a part of one, a team — recording what it names.
import type { Heading } from 'mdast';
import {
  classifyHeading,
  headingPeriod,
  type HeadingClass,
  type HeadingPeriod,
  type HeadingPlace,
  type YearHint,
} from '../classify/headings.ts';
import { headingRole, isObjectivePart, namesGoals } from '../classify/roles.ts';
import { endLineOf, lineOf } from '../markdown.ts';
import { leadOf, type Lead, type SectionSummary } from '../outline.ts';
import type { ObjectiveDraft, PeriodDraft } from '../types.ts';
import { findPeriods } from '../values.ts';
import { krFromLine } from './key-results.ts';
import { excerpt, short } from './text.ts';
import {
  currentObjective,
  docPeriod,
  ensurePeriod,
  guess,
  inline,
  newObjective,
  note,
  objectiveLabel,
  placed,
  sectionPeriod,
  setDocPeriod,
  type ReadState,
  type Section,
} from './state.ts';

export function readHeading(st: ReadState, h: Heading): void {
  // "Key&nbsp;Results": a no-break space is a space.
  const written = inline(st, h.children).text.replace(/\u00a0/g, ' ');
  // "### Sample Objective" where the samples are all the OKRs there are: an objective's heading.
  const text = st.samplesAreOkrs ? written.replace(SAMPLE_WORD, '') || written : written;
  const line = lineOf(h);
  // "### Objective" then "### Key Results" at the same level: the key results are that objective's; so are
  // they when a line opened the objective ("OKR 1: …" then "# Key Results").
  const before =
    st.stack.findLast((s) => s.depth === h.depth)?.objective ?? st.stack.findLast((s) => s.depth > h.depth && s.loose)?.objective;
  const objectiveWasOpen = Boolean(currentObjective(st));
  const listed = listedBefore(st, h.depth);
  closeSections(st, h.depth, text);
  const summary = st.sectionAt.get(line);
  const lead = text === written ? (summary?.lead ?? leadOf(text, { heading: true })) : leadOf(text, { heading: true });
  const parent = currentObjective(st);
  const sec: Section = { depth: h.depth, text, line, role: 'generic' };
  st.stack.push(sec);
  const c = classifyHeading(placeOf(st, { text, line, lead, depth: h.depth, afterObjective: objectiveWasOpen }));
  if (c.period) periodSection(st, sec, c.period);
  // "## Key Results" after other sections, in a document with one objective so far: that objective's.
  const only = st.doc.objectives.length === 1 && c.role === 'part' && c.part === 'key-results' ? st.doc.objectives[0] : undefined;
  if (c.role === 'part' && isObjectivePart(c.part) && (before ?? only) && !parent) sec.objective = before ?? only;
  else if (c.role === 'part' && c.part === 'key-results' && listed.length && !parent && !groupsItsItems(summary)) {
    // "#### Objectives" over a list, then "#### Key Results": the key results measure those objectives; the
    // content model gives each key result one objective, so with several listed they go to the last.
    sec.objective = listed.at(-1)!;
    if (listed.length > 1)
      guess(st, line, `key results listed after ${listed.length} objectives under "${listed.at(-1)!.title}", the last of them`);
  }
  applyHeading(st, h, c, { sec, lead, parent });
  // "Title⏎===": the underline of a setext heading is part of it.
  const end = endLineOf(h);
  if (end > line) placed(st, line + 1, end, 'the underline of its heading');
}

/** "### Key Results" over "1. Grow the club" over its own items, every item so: the items restate the objectives. */
const groupsItsItems = (s: SectionSummary | undefined) => Boolean(s?.items.length && s.items.every((i) => i.children.length));

/** The objectives a list under the heading just before this one, at its level, named ("#### Objectives"). */
function listedBefore(st: ReadState, depth: number): readonly ObjectiveDraft[] {
  const sibling = st.stack.findLast((s) => s.depth === depth);
  if (!sibling || sibling.objective || !namesGoals(sibling.text)) return [];
  return st.doc.objectives.filter((o) => o.where.line > sibling.line && !o.keyResults.length);
}

const SAMPLE_WORD = /^(?:an?\s+)?(?:samples?|examples?)(?:\s+of)?\s+(?=\S)/i;

/** Sections of the same or a deeper level end here; a bold-line objective ends unless this heading is one of its parts. */
function closeSections(st: ReadState, depth: number, text: string) {
  while (st.stack.length && st.stack.at(-1)!.depth >= depth) st.stack.pop();
  st.pending = undefined;
  st.itemObjective = undefined;
  if (isObjectivePart(headingRole(text))) return;
  for (const s of st.stack)
    if (s.loose) {
      delete s.objective;
      delete s.loose;
    }
}

/** A snapshot of the heading's place for the rules (the heading's own section is not yet open). */
function placeOf(st: ReadState, h: { text: string; line: number; lead: Lead; depth: number; afterObjective?: boolean }): HeadingPlace {
  const parent = currentObjective(st);
  const above = st.stack.slice(0, -1);
  const within = above.findLast((x) => x.role === 'key-results' || x.role === 'initiatives' || x.role === 'detail');
  const summary = st.sectionAt.get(h.line);
  const enclosing = sectionPeriod(st) ?? st.doc.period ?? st.path.period?.phrase.id;
  return {
    text: h.text,
    lead: h.lead,
    line: h.line,
    ...(summary ? { summary } : {}),
    // An H1 repeating the front matter's title is the title still.
    // An H1 after an objective has opened, or labelled as one ("# Objective 1 - …"), is not the document's title.
    firstTitle:
      h.depth === 1 &&
      !h.afterObjective &&
      h.lead.label?.kind !== 'objective' &&
      (!st.doc.title || (st.doc.title === h.text.trim() && !st.doc.titleHeading)),
    ...(parent ? { parent: parent.title } : {}),
    ...(within
      ? {
          within: {
            role: within.role as 'key-results' | 'initiatives' | 'detail',
            direct: within === above.at(-1),
            listsItems: Boolean(st.sectionAt.get(within.line)?.items.length),
          },
        }
      : {}),
    inPeriod: Boolean(sectionPeriod(st) ?? st.doc.period) || st.periodKnown,
    ...(enclosing ? { enclosingPeriod: enclosing } : {}),
    ...yearAt(st, enclosing),
    ...(above.some((s) => s.role === 'beyond') ? { inBeyond: true } : {}),
    ...(above.some((s) => s.role === 'earlier') ? { inEarlier: true } : {}),
    ...(above.some((s) => s.role === 'retrospective') ? { inRetrospective: true } : {}),
    ...(above.some((s) => s.role === 'examples') ? { inExamples: true } : {}),
    siblings: (st.siblingsAt.get(h.line) ?? []).filter((s) => s.line !== h.line),
    profile: st.profile,
  };
}

/** The year of a place: its period's, else one the file path names ("objectives/2019/Q2/…"), else the period named last above. */
function yearAt(st: ReadState, enclosing: string | undefined): { year?: YearHint } {
  const yearOf = (id: string | undefined) => (id ? /^(FY)?(\d{2,4})(?:-Q[1-4])?$/.exec(id) : undefined);
  const m = yearOf(enclosing);
  if (m) return { year: { year: Number(m[2]), fiscal: Boolean(m[1]), from: `the period ${enclosing} it is in` } };
  if (st.path.year) return { year: { ...st.path.year, from: 'the file path' } };
  const p = st.path.period?.phrase;
  if (p) return { year: { year: p.year, fiscal: p.fiscal, from: `the period ${p.id} its file path names` } };
  const last = [...st.doc.periods.keys()].at(-1);
  const l = yearOf(last);
  if (l) return { year: { year: Number(l[2]), fiscal: Boolean(l[1]), from: `the period ${last} named above it` } };
  return st.yearHint ? { year: st.yearHint } : {};
}

/** "# Q2 Objectives" in a folder named for its year: the document's period, its year guessed. */
function titleQuarter(st: ReadState, sec: Section, line: number) {
  const q = headingPeriod(sec.text, yearAt(st, undefined).year);
  if (!q?.yearFrom) return;
  setDocPeriod(st, q.phrase, line, `the title "${sec.text}"`);
  guess(st, line, `period ${q.phrase.id}: the title names quarter ${q.phrase.quarter}, its year from ${q.yearFrom}`);
}

function periodSection(st: ReadState, sec: Section, p: HeadingPeriod) {
  const d = ensurePeriod(st, p.phrase);
  sec.period = p.phrase.id;
  note(st, sec.line, `period ${p.phrase.id} from the heading "${short(sec.text)}"`);
  if (p.yearFrom) guess(st, sec.line, `period ${p.phrase.id}: the heading names quarter ${p.phrase.quarter}, its year from ${p.yearFrom}`);
  if (p.theme) d.theme ??= p.theme;
}

function applyHeading(
  st: ReadState,
  h: Heading,
  c: HeadingClass,
  at: { sec: Section; lead: Lead; parent: ReturnType<typeof currentObjective> },
) {
  const { sec, lead, parent } = at;
  const line = sec.line;
  switch (c.role) {
    case 'title': {
      st.doc.title = sec.text;
      st.doc.titleHeading = true;
      placed(st, line, undefined, 'the document title');
      sec.role = 'title';
      const p = findPeriods(sec.text, { years: true })[0];
      if (p) setDocPeriod(st, p, line, `the title "${sec.text}"`);
      else titleQuarter(st, sec, line);
      return;
    }
    case 'objective':
      sec.role = 'objective';
      sec.objective = newObjective(st, {
        title: lead.title,
        ...(c.evidence ? {} : { label: objectiveLabel(lead) }),
        line,
        lead,
        ...(c.evidence ? { why: c.evidence } : {}),
        ...(parent ? { parent } : {}),
      });
      // "### Objective" alone: the paragraph right after it states the objective.
      if (!lead.title) st.awaitingTitle = sec.objective;
      return;
    case 'part':
      // "## 2. Grow the community" → "### Metrics" over a table of goals: the objective's own measures, its key results.
      if (c.part === 'metrics' && parent && st.stack.at(-2)?.objective === parent) {
        sec.role = 'measures';
        return placed(st, line, undefined, 'the heading of its key-results (the metrics of its objective)');
      }
      sec.role = c.part;
      if (c.part === 'beyond')
        return note(
          st,
          line,
          `heading "${short(sec.text)}" names a later period than the one read here: what it holds is reported, not imported`,
        );
      if (c.part === 'earlier')
        return note(
          st,
          line,
          `heading "${short(sec.text)}" names an earlier period than the one read here (a review of it): what it holds is reported, not imported`,
        );
      if (c.part === 'retrospective')
        return note(st, line, `heading "${short(sec.text)}" is a retrospective: what it holds is reported, not imported`);
      if (c.part === 'examples' && st.samplesAreOkrs) {
        sec.role = 'generic';
        return note(st, line, `heading "${short(sec.text)}" gives samples, the only OKRs the document has: read as its own`);
      }
      if (c.part === 'examples') {
        st.doc.exampleHeadings = (st.doc.exampleHeadings ?? 0) + 1;
        return note(st, line, `heading "${short(sec.text)}" gives examples: what it holds is reported, not imported`);
      }
      if (c.part === 'process')
        return note(st, line, `heading "${short(sec.text)}" is about how the team works: what it holds is reported, not imported`);
      if (c.part === 'not-goals')
        return note(st, line, `heading "${short(sec.text)}" names what is not a goal: what it holds is reported, not imported`);
      if (c.part === 'metrics')
        return note(st, line, `heading "${short(sec.text)}" lists metrics tracked: what it holds is reported, not imported as OKRs`);
      placed(st, line, undefined, `the heading of its ${c.part}`);
      if (c.part === 'checkins') cadenceFrom(st, sec.text, line);
      return;
    case 'initiative':
      sec.role = 'detail';
      parent!.initiatives.push({ title: lead.title });
      placed(st, line, undefined, 'an initiative');
      return;
    case 'kr':
      sec.role = 'detail';
      sec.kr = krFromLine(st, parent!, { line, lead, nodes: h.children });
      // "#### O1KR2" alone: the paragraph after it states the key result.
      if (!lead.title) st.awaitingKrTitle = sec.kr;
      return;
    case 'detail':
      sec.role = 'detail';
      note(st, line, `heading "${short(lead.title)}" details a key result of "${short(parent!.title)}": its lines are not key results`);
      return;
    case 'team':
      sec.team = c.team;
      sec.role = 'team';
      placed(st, line, undefined, `team ${c.team}`);
      return;
    case 'owner':
      sec.owner = c.owner;
      placed(st, line, undefined, `the OKRs of ${c.owner}`);
      return;
    case 'section':
      // The whole heading (as long as an excerpt), so a goal read as a section can be found again from the report.
      if (!sec.period) note(st, line, `heading "${excerpt(sec.text)}" read as a section only (not a period, team or objective)`);
  }
}

/** "Check-ins (weekly, Mondays)": the period's cadence and day. */
function cadenceFrom(st: ReadState, text: string, line: number) {
  const p = docPeriod(st);
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
  if (cad || day) note(st, line, `check-in cadence ${[cad, day].filter(Boolean).join(', ')} for ${p.id}`);
}
