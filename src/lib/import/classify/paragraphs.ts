// What a paragraph is — a bold line opening an objective, a statement of when the period runs, an
// introduction or a label over the list that follows — and what each of its lines is: a labelled
// key result, a field, a lone sentence under "Key Results", or text. Ordered rules of the
// paragraph's shape and place; the first that decides wins. A few decisions are offers the reader
// may decline (a period statement without dates, a field the content model has no place for);
// then the rules after it are tried. Pure.
import { countedLines, overNumbered, startsWithField, wordCount, type LeadLine, type Lead } from '../outline.ts';
import { ranked, type Classified, type DocProfile } from './items.ts';
import { announcesExample, headingRole, missionStatement, namesGoals, namesOkrs, type Role } from './roles.ts';

export interface ParagraphPlace {
  lines: readonly LeadLine[];
  /** The paragraph as plain text. */
  text: string;
  /** A list comes right after it (or a paragraph of lines numbered from 1: a list written as text). */
  listFollows: boolean;
  /** The list right after it labels its items as objectives ("- `O-1` …"): the line heads them, it is not one. */
  listOfObjectives?: boolean;
  /** A list comes within the next few blocks, before any heading (after a description, a "Key results" label). */
  listSoon?: boolean;
  /** An objective is open here. */
  objectiveOpen: boolean;
  /** A period is known here (a period heading above, the document's, --period or the path). */
  inPeriod?: boolean;
  /** The open objective was opened by a paragraph line, not a heading: a line like it starts the next one. */
  looseOpen?: boolean;
  /** The open objective was opened by a line just above and has nothing under it yet (this may be its description). */
  objectiveJustOpened?: boolean;
  /** Right under the open objective's "Key Results" heading. */
  underKrHeading?: boolean;
  /** A key-result table comes before the next heading. */
  krTableSoon?: boolean;
  /** The open objective is a heading's above the section the paragraph is in, which is not itself an objective. */
  objectiveAbove?: boolean;
  /** Bold labels ending in a colon over lists in this section that name no part ("**Grow the club:**"). */
  boldLabelsBeside?: number;
  /** The list right after it has no items nested in its items. */
  flatListFollows?: boolean;
  /** The open objective's key results were read from a list under a label or heading ("OKRs:", "Key Results"). */
  krsListed?: boolean;
  profile: DocProfile;
}

export type ParagraphClass = { rule: string; index: number } & (
  | { role: 'objective'; evidence: Classified }
  /** "**Mission: Every search finds it**" over a key-result table, no objective open: the objective it measures. */
  | { role: 'mission'; title: string }
  /** "KRs:⏎1.Lead time …⏎e.g. …⏎2. Deploys …": plain text numbering its key results line by line (the indexes of the numbered lines). */
  | { role: 'numbered lines'; numbered: number[]; titled?: boolean }
  /** "O1. …⏎O2. …": every line labels itself an objective — one objective per line. */
  | { role: 'objective lines' }
  /** "Grow adoption of the SDK⏎Key Results:" over a list: the objective, then the label of its key results. */
  | { role: 'objective over key results' }
  /** "This quarter runs from May 1 to July 31": the period's dates, if they can be read. */
  | { role: 'dates' }
  /** "Here's a summary of this team's objectives:" — the list after it holds the objectives. */
  | { role: 'objectives intro' }
  /** "OKRs:" alone over a flat list, no objective open: the list measures the objective the heading above names. */
  | { role: 'okrs label' }
  /** "**Not Included**" over a list: the list is what the label names (or nothing known). */
  | { role: 'label over list'; part?: Role; label: string }
  | { role: 'lines' }
);

/** Labels of meeting notes, not areas of goals ("**To do:**", "**Action items:**"). */
const MEETING_LABEL = /^(?:decided|decisions? made|to ?do|action items?|attendees|present|absent|minutes|follow[- ]ups?|open questions?)$/i;

type Decision = ParagraphClass extends infer T ? (T extends unknown ? Omit<T, 'rule' | 'index'> : never) : never;
type ParagraphRule = (p: ParagraphPlace) => Decision | undefined;

/** Where a line that may open an objective stands. */
interface LineContext {
  listFollows: boolean;
  /** "KR:" lines under it in the same paragraph. */
  krLines: number;
  /** A list comes within the next few blocks. */
  listSoon: boolean;
  /** Unlabelled bold lines may open objectives here (the document does not label its objectives, or none is open). */
  unlabelledOpen: boolean;
}

/** A line that opens an objective: labelled and bold, or bold over a list or "KR:" lines where unlabelled lines may open one. */
export function objectiveLine(l: Lead, { listFollows, krLines, listSoon, unlabelledOpen }: LineContext): Classified | undefined {
  // "_What is the main thing?_" asks; it does not name an objective; "**Key risks**" names a part of one.
  if (!l.title || /\?\s*$/.test(l.title) || headingRole(l.title) || (!l.label && startsWithField(l.raw))) return undefined;
  // "**Key results:**" labels what follows; "**Build a planning tool for the field team**:" is a sentence all the same.
  if (/:\s*$/.test(l.raw) && (l.bold !== 'whole' || l.title.split(/\s+/).length < 6)) return undefined;
  // "*Objective:* Build the catalogue" with no list after it: an objective without key results yet.
  if (l.label?.kind === 'objective' && (l.bold || krLines || listFollows))
    return { role: 'objective', evidence: 'labelled "Objective"', guess: false };
  if (l.label || !unlabelledOpen || l.bold !== 'whole') return undefined;
  if (krLines) return { role: 'objective', evidence: `bold line over ${krLines} "KR:" line${krLines === 1 ? '' : 's'}`, guess: false };
  if (listFollows) return { role: 'objective', evidence: 'bold line followed by a list', guess: true };
  // "**Help every agent reach every customer**", a description, then "We'll know …:" over a list.
  if (listSoon && l.title.split(/\s+/).length >= 3)
    return { role: 'objective', evidence: 'bold line with a list soon after it (past a description or a label)', guess: true };
  return undefined;
}

/** A short plain line that could name an objective: no emphasis, label or closing punctuation, not a part's name. */
export function isPlainLead(l: Lead): boolean {
  const words = wordCount(l.title);
  return (
    !l.bold &&
    !l.label &&
    !l.linkOnly &&
    words >= 2 &&
    words <= 16 &&
    !/[.:?!;,]\s*$/.test(l.raw) &&
    !headingRole(l.title) &&
    !namesGoals(l.title)
  );
}

/** The rules for paragraphs, in the order they are tried. */
export const PARAGRAPH_RULES: readonly { name: string; rule: ParagraphRule }[] = [
  {
    name: 'mission over a key-result table',
    rule: (p) => {
      const first = p.lines[0];
      if (p.lines.length !== 1 || !first || p.objectiveOpen || !p.krTableSoon || first.lead.label) return undefined;
      const title = missionStatement(first.lead.raw.replace(/[*_]/g, ''));
      return title ? { role: 'mission', title } : undefined;
    },
  },
  {
    name: 'objective over a key results label',
    rule: (p) => {
      const [first, label, ...rest] = p.lines;
      if (!first || !label || rest.length || !p.listFollows || p.profile.labelledObjectives) return undefined;
      const named = /:\s*$/.test(label.lead.raw) && headingRole(label.lead.title.replace(/:$/, '')) === 'key-results';
      return named && isPlainLead(first.lead) ? { role: 'objective over key results' } : undefined;
    },
  },
  {
    // Under an open objective, or after its label: "KRs:" then "1.Lead time …", "e.g. …", "2. Deploys …".
    name: 'numbered lines',
    rule: (p) => {
      const numbered = countedLines(p.lines);
      if (!numbered.length || numbered.some((i) => p.lines[i]!.lead.label?.kind === 'objective')) return undefined;
      if (p.objectiveOpen || p.lines[0]!.lead.label?.kind === 'objective') return { role: 'numbered lines', numbered };
      // "Raise the team's delivery speed⏎1、…⏎2、…": a plain line over lines numbered from 1 states the objective they measure.
      const first = p.lines[0]!.lead;
      const titled =
        overNumbered(p.lines.slice(1)) && !first.numbered && !first.label && !first.bold && first.title && !/[:：]\s*$/.test(first.raw);
      return titled ? { role: 'numbered lines', numbered, titled: true } : undefined;
    },
  },
  {
    name: 'objective lines',
    rule: (p) =>
      p.lines.length > 1 && p.lines.every((l) => l.lead.label?.kind === 'objective' && l.lead.title)
        ? { role: 'objective lines' }
        : undefined,
  },
  {
    // "**Objective:**" alone, the objective's text in the paragraph after it.
    name: 'objective label alone',
    rule: (p) => {
      const first = p.lines[0];
      return p.lines.length === 1 && first?.lead.label?.kind === 'objective' && !first.lead.title
        ? {
            role: 'objective',
            evidence: { role: 'objective', evidence: 'labelled "Objective", its text in the paragraph after it', guess: false },
          }
        : undefined;
    },
  },
  {
    // "**Time with the children**" over bullets under an objective's "Key Results" heading: a group of its
    // key results (its name kept in their notes), not an objective.
    name: 'group of key results',
    rule: (p) => {
      const first = p.lines[0];
      if (!p.underKrHeading || !p.objectiveOpen || !p.listFollows || p.lines.length !== 1 || !first) return undefined;
      const l = first.lead;
      // "**Initiatives**" names a part of the objective, read by the label rule below.
      return l.bold === 'whole' && !l.label && !headingRole(l.title.replace(/:\s*$/, '')) && l.title.split(/\s+/).length <= 8
        ? { role: 'label over list', part: 'key-results', label: l.title }
        : undefined;
    },
  },
  {
    name: 'objective line',
    rule: (p) => {
      const first = p.lines[0];
      if (p.listOfObjectives && !first?.lead.label) return undefined;
      const krLines = p.lines.slice(1).filter((l) => l.lead.label?.kind === 'kr').length;
      const soon = Boolean(p.listSoon && !p.objectiveJustOpened);
      // Where no objective is open (or only one a line like this opened), a bold line over a list opens one even in a
      // document that labels its objectives elsewhere ("### Q3" → "**Grow the clubs**" → "- Have 200 clubs").
      // After a line like it opened the objective above, two words are enough ("**Secure funding**").
      const sentence = first && first.lead.title.split(/\s+/).length >= (p.looseOpen ? 2 : 3) && !/[:：]\s*$/.test(first.lead.raw);
      const free = p.listFollows && p.inPeriod && sentence && (!p.objectiveOpen || (p.looseOpen && !p.objectiveJustOpened));
      const unlabelledOpen = Boolean(free) || !p.profile.labelledObjectives;
      const evidence = first
        ? objectiveLine(first.lead, { listFollows: p.listFollows, krLines, listSoon: soon, unlabelledOpen })
        : undefined;
      return evidence ? { role: 'objective', evidence } : undefined;
    },
  },
  {
    // Under a period, "Alpha release of the app (7/10)" over a list: an objective over its key results,
    // where the document writes its objectives that way more than once; alone, one without them yet.
    name: 'plain line over a list',
    rule: (p) => {
      const first = p.lines[0];
      if (p.lines.length !== 1 || !first || !p.inPeriod || p.profile.labelledObjectives || (p.objectiveOpen && !p.looseOpen))
        return undefined;
      if (!isPlainLead(first.lead) || (p.profile.plainLeads ?? 0) < 2) return undefined;
      if (p.listFollows)
        return { role: 'objective', evidence: { role: 'objective', evidence: 'a short plain line over a list, in a period', guess: true } };
      return first.lead.title.split(/\s+/).length <= 12
        ? {
            role: 'objective',
            evidence: { role: 'objective', evidence: 'a short plain line among objectives written the same way', guess: true },
          }
        : undefined;
    },
  },
  {
    name: 'period statement',
    rule: (p) =>
      !p.objectiveOpen && /\bruns?\b|\brunning\b|\bfrom\b.*\b(?:to|through|until)\b/i.test(p.text) && p.text.length <= 300
        ? { role: 'dates' }
        : undefined,
  },
  {
    // "Using a hypothetical example:" (or "… the example above … might look like this:") over a list: the
    // list shows the method with made-up OKRs, not the team's own.
    name: 'example announced',
    rule: (p) =>
      p.lines[0] && p.listFollows && !p.objectiveOpen && announcesExample(p.text)
        ? { role: 'label over list', part: 'examples', label: p.lines.at(-1)!.lead.raw }
        : undefined,
  },
  {
    name: 'objectives introduction',
    rule: (p) =>
      p.lines[0] && p.listFollows && /\b(?:objectives|goals|priorities)\b[^.]*:\s*$/i.test(p.text)
        ? { role: 'objectives intro' }
        : undefined,
  },
  {
    // "#### Rowing" ⏎ "2036 OKRs (to be agreed):" ⏎ a flat list, no objective open in that section: the key results
    // of the objective the heading names. Over a list of nested items, "OKRs:" heads objectives, not key results.
    name: 'OKRs label over a flat list',
    rule: (p) => {
      const first = p.lines[0];
      if (!first || p.lines.length !== 1 || !p.flatListFollows || (p.objectiveOpen && !p.objectiveAbove)) return undefined;
      return namesOkrs(first.lead.raw) ? { role: 'okrs label' } : undefined;
    },
  },
  {
    // "**Grow the club:**" over bullets beside "**Keep the boats afloat:**" over bullets, in a document that labels no
    // objective: short bold labels naming areas, each the objective its bullets measure (a guess). One alone is a label.
    name: 'bold area labels over lists',
    rule: (p) => {
      const first = p.lines[0];
      if (!first || p.lines.length !== 1 || !p.listFollows || (p.objectiveOpen && !p.looseOpen)) return undefined;
      const l = first.lead;
      if (l.bold !== 'whole' || l.label || !/[:：]\s*$/.test(l.raw) || p.profile.labelledObjectives || (p.boldLabelsBeside ?? 0) < 2)
        return undefined;
      const words = l.title.split(/\s+/).length;
      if (headingRole(l.title) || words < 2 || words > 6 || startsWithField(l.raw) || MEETING_LABEL.test(l.title)) return undefined;
      const evidence = `a bold label over a list, beside ${(p.boldLabelsBeside ?? 0) - 1} more written the same way`;
      return { role: 'objective', evidence: { role: 'objective', evidence, guess: true } };
    },
  },
  {
    // "Other plans" or "What the group looks after" over a list, after the open objective's key results were listed
    // under their own label: another list of the section, not more key results.
    name: 'label after the listed key results',
    rule: (p) => {
      const first = p.lines[0];
      if (!first || p.lines.length !== 1 || !p.listFollows || !p.objectiveOpen || !p.krsListed) return undefined;
      const words = first.lead.title.split(/\s+/).length;
      if (first.lead.label || first.lead.owner || words > 8 || /[.!?]\s*$/.test(first.lead.raw)) return undefined;
      const part = headingRole(first.lead.title.replace(/:$/, ''));
      if (part === 'key-results') return undefined;
      return { role: 'label over list', label: first.lead.title, ...(part ? { part } : {}) };
    },
  },
  {
    name: 'label over a list',
    rule: (p) => {
      const first = p.lines[0];
      if (!first || p.lines.length !== 1 || !p.listFollows || first.lead.title.split(/\s+/).length > 6) return undefined;
      // "Initiatives:" in plain text labels the list as much as "**Initiatives**" does.
      if (first.lead.bold !== 'whole' && !(/:\s*$/.test(first.lead.raw) && headingRole(first.lead.title.replace(/:$/, ''))))
        return undefined;
      const part = headingRole(first.lead.title.replace(/:$/, ''));
      return { role: 'label over list', label: first.lead.title, ...(part ? { part } : {}) };
    },
  },
];

/** What a paragraph is, trying the rules from `from` on (after a declined offer). Falls back to its lines, read one by one. */
export function classifyParagraph(p: ParagraphPlace, from = 0): ParagraphClass {
  for (let index = from; index < PARAGRAPH_RULES.length; index++) {
    const { name, rule } = PARAGRAPH_RULES[index]!;
    const c = rule(p);
    if (c) return { ...c, rule: name, index };
  }
  return { role: 'lines', rule: 'lines', index: PARAGRAPH_RULES.length };
}

/** One line of a paragraph read line by line, and where it stands. */
export interface LinePlace {
  line: LeadLine;
  /** The line is a "Label: value" field. */
  field: boolean;
  objectiveOpen: boolean;
  /** Inside a heading that details a key result (its lines are notes). */
  inDetail: boolean;
  /** Right under the objective's "Key Results" heading, which holds no list or sub-headings. */
  underBareKrHeading: boolean;
  /** The number of the open objective ("1" for "OKR 1: …"), if it has one. */
  objectiveNumber?: string;
}

export type LineClass = { rule: string; index: number; role: 'kr' | 'field' | 'text' };

/** The rules for paragraph lines, in the order they are tried. */
export const LINE_RULES: readonly { name: string; rule: (l: LinePlace) => LineClass['role'] | undefined }[] = [
  { name: 'labelled key result', rule: (l) => (l.objectiveOpen && l.line.lead.label?.kind === 'kr' && !l.inDetail ? 'kr' : undefined) },
  {
    // "1.2 250 people take part …" under "OKR 1: …": numbered as part of the open objective.
    name: 'numbered as part of its objective',
    rule: (l) =>
      l.objectiveOpen && !l.inDetail && l.objectiveNumber !== undefined && l.line.lead.sub?.of === l.objectiveNumber ? 'kr' : undefined,
  },
  {
    // "P0: 1.0: Merge the changes …" under an objective: ranked and graded like a key result ("P0:" is no field).
    name: 'ranked and graded line',
    rule: (l) => (l.objectiveOpen && !l.inDetail && ranked(l.line.lead) ? 'kr' : undefined),
  },
  { name: 'field', rule: (l) => (l.field ? 'field' : undefined) },
  {
    // "IPFS has shipped 0.5.0." alone under "Key Results" is one; "By order of priority," is not.
    name: 'sentence under a bare "Key Results" heading',
    rule: (l) =>
      l.objectiveOpen && l.underBareKrHeading && l.line.lead.bold !== 'whole' && !/[,:]\s*$/.test(l.line.lead.raw) ? 'kr' : undefined,
  },
];

/** What one paragraph line is, from rule `from` on; text (a description or a report entry) when no rule decides. */
export function classifyLine(l: LinePlace, from = 0): LineClass {
  for (let index = from; index < LINE_RULES.length; index++) {
    const role = LINE_RULES[index]!.rule(l);
    if (role) return { rule: LINE_RULES[index]!.name, index, role };
  }
  return { rule: 'text', index: LINE_RULES.length, role: 'text' };
}
