// The part of a document a heading or a bold label names by its words: a "Key Results" list, the
// objective's initiatives, risks, dependencies, a check-in schedule, a grading scale … Pure.

import { undecorated } from '../outline.ts';

export type Role =
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
  /** Goals for a later period than the one being read ("### 2020 goals" inside 2019 Q4): notes, not objectives. */
  | 'beyond'
  /** Objectives of an earlier period than the one being read (a review of last quarter): notes, not objectives. */
  | 'earlier'
  /** A retrospective ("## Retrospective", "### What went well"): notes, not objectives. */
  | 'retrospective'
  /** How the team works ("How we set objectives", "Process", "FAQ"): its lists are notes, not objectives. */
  | 'process'
  /** "### Metrics" right under an objective's heading: the rows of its table are the key results; its lists are notes. */
  | 'measures'
  /** Examples of OKRs ("## Examples", "Example OKRs"): not the team's own; notes. */
  | 'examples'
  /** What the team will not do ("Anti-goals", "Non-goals", "Out of scope"): notes, not objectives. */
  | 'not-goals'
  /** The metrics a product tracks ("### Key Performance Indicators (KPIs)", "### Baseline KPI Values"): notes, not objectives. */
  | 'metrics'
  | 'generic';

/** "We'll know we're successful when", "Success criteria", "Success looks like", "Measured by": the key results. */
const SUCCESS =
  /^(?:(?:we['’]ll|we will|you['’]ll|you will) know (?:we['’]re|we are|we['’]ve|we have|it['’]s|it is|this is) (?:successful|succeeded|done|winning)(?: (?:when|if))?|how (?:we['’]ll|we will) (?:know|measure)(?: (?:success|it|we['’]ve succeeded))?|success (?:criteria|looks like|means|measures?|is)|measures? of success|definition of success|measured by|key results? (?:are|will be)|results we expect|expected (?:results|outcomes))$/i;
/** "What we'll ship", "Deliverables", "How we'll get there": the work toward the objective. */
const DELIVERABLES =
  /^(?:what (?:we['’]ll|we will|we['’]re going to|we plan to) (?:ship|build|do|deliver)|deliverables|how (?:we['’]ll|we will) (?:get there|do it|achieve it)|planned work|work items|activities)$/i;

/** "How we set objectives quarterly", "Why OKRs", "Process", "FAQ", "Glossary": about how the team works, not its goals. */
const PROCESS =
  /^(?:\d+\.\s*)?(?:(?:how|why) (?:(?:we|do we)\s+(?:set|write|use|run|grade|score|track|review|plan|work|measure|choose|pick|define|create|manage|do|think|approach|okr)|to|does|our|the|this|okrs?)\b|about (?:okrs?|this|the|our)\b|what (?:are|is) (?:an? )?(?:okrs?|objectives?|key results?|initiatives?)\b|(?:okrs?|objectives?|key results?|initiatives?|kpis?|outputs?|outcomes?) +(?:vs\.?|v\.s\.?|versus) |(?:our |the )?(?:okr )?(?:process|faq|glossary|methodology|background|definitions|principles|guidelines|template|resources|references|further reading)\s*$)/i;

/**
 * "Success indicators for outcome 1", "Key results for objective 2", "Indicators of success": the key results,
 * named for their objective. Not "Success metrics": beside a "Key Results" heading those restate them.
 */
const INDICATORS =
  /^(?:success indicators?|indicators? of success|key results?|measures? of success)(?:\s+(?:for|of)\s+(?:outcome|objective|goal)\b.*)?$/i;

/** "Key Results KR Lead", "Key results Owner Status": a table's header row flattened into a line. */
const KR_COLUMNS =
  /^key results?(?:\s+(?:KR|key result))?(?:\s+(?:lead|owners?|responsible|DRI|status|score|progress|target|due|notes?))+$/i;

/** "Key Results KR Lead": the flattened header's last column names who owns each row. */
export const ownerColumnLast = (heading: string) =>
  KR_COLUMNS.test(heading.trim()) && /\b(?:lead|owners?|responsible|DRI)$/i.test(heading.trim());

/** Verbs goals start with ("Improve infrastructure", "Ship the editor"): a two-word heading that starts with one is a goal, not a team. */
export const GOAL_VERB =
  /^(?:improve|increase|reduce|grow|launch|ship|build|make|deliver|release|create|establish|expand|drive|enable|achieve|bring|get|keep|scale|support|advance|become|define|develop|ensure|implement|invest|lower|maximi[sz]e|minimi[sz]e|optimi[sz]e|prepare|promote|provide|raise|run|simplify|store|strengthen|win|accelerate|automate|cut|double|halve|finish|complete|migrate|moderni[sz]e|hire|land|close|reach|protect|secure|stabili[sz]e|streamline|redesign|rework|rewrite|refactor|replace|remove|adopt|publish|redefine|introduce|extend|consolidate)\b/i;

/** The role a heading's (or bold label's) words give it, if any. */
export function headingRole(heading: string): Role | undefined {
  // "'2022.C1' Key Results", "`2022.C1` Initiatives": the part of the OKR the id names.
  const full = undecorated(heading).replace(/^['"‘’`]?(?=[\w.-]*\d)[\w.-]+['"‘’`]?\s+(?=\S)/, '');
  const bare = full.replace(/[:.]\s*$/, '').trim();
  // "Shared key results", "Overall Key Results": a word saying whose or which, then the part's name.
  if (
    /^(?:(?:our|the|shared|overall|ultimate|main|top-level|company|team|quarterly|annual)\s+)?(?:key results?|krs?)$/i.test(bare) ||
    SUCCESS.test(bare) ||
    KR_COLUMNS.test(bare) ||
    INDICATORS.test(bare)
  )
    return 'key-results';
  if (
    /^(?:\d+\.\s*)?(?:(?:key|our|important|related|supporting|major)\s+){0,2}(?:initiatives?|projects)\b/i.test(full) ||
    DELIVERABLES.test(bare)
  )
    return 'initiatives';
  // A role word names the section only near its start: "Improve the release schedule" is a goal, not a schedule.
  const text = full.split(/\s+/).slice(0, 5).join(' ');
  // "Build smart booking and scoring tools": a goal that names a part, not the part.
  if (GOAL_VERB.test(full) && full.split(/\s+/).length > 3) return PROCESS.test(full) ? 'process' : undefined;
  if (/dependenc|enablers?/i.test(text)) return 'dependencies';
  if (/^(?:\d+\.\s*)?(?:key\s+)?risks?(?:\s+(?:and|&)\s+mitigations?)?$/i.test(text) || /risk register/i.test(text)) return 'risks';
  if (/check-?ins?|cadence|schedule/i.test(text)) return 'checkins';
  if (/scoring|grading|score/i.test(text)) return 'grading';
  if (/stage[- ]gate/i.test(text)) return 'stage-gates';
  // "Changelog" names the document's history; "Changelog podcasts" is a goal about one.
  if (/^(?:\d+\.\s*)?(?:document\s+)?(?:change history|changelog|change log|revision history)\s*(?:\([^)]*\))?$/i.test(text))
    return 'changes';
  if (/document control/i.test(text)) return 'control';
  if (/^(?:\d+\.\s*)?overview$/i.test(text)) return 'overview';
  if (PROCESS.test(full)) return 'process';
  if (
    /^(?:\d+\.\s*)?(?:an? |some )?(?:examples?|sample)(?: okrs?| objectives?)?\b(?:\s*\([^)]*\))?\s*:?$|^(?:\d+\.\s*)?example okrs?\b/i.test(
      text,
    )
  )
    return 'examples';
  if (
    /^(?:\d+\.\s*)?(?:anti-?goals?|non-?goals?|out of scope|not doing|what we(?:['’]re| are)(?: not|n['’]t) doing|what we won['’]t do)\b/i.test(
      text,
    )
  )
    return 'not-goals';
  if (
    /^(?:\d+\.\s*)?(?:key performance indicators|(?:baseline\s+|success\s+)?kpis?(?:\s+values?)?|(?:success\s+|key\s+)?metrics)\b(?:\s*\([^)]*\))?$/i.test(
      text,
    )
  )
    return 'metrics';
  if (
    /^(?:\d+\.\s*)?(?:retrospective|retro|lessons learned|what went well|what (?:didn['’]?t|did not) go well|(?:good|bad|try)(?:\s*[/,&]\s*(?:good|bad|try))*)s?:?$/i.test(
      text,
    )
  )
    return 'retrospective';
  return undefined;
}

/** Why what a section of notes holds is reported rather than imported, by the section's role. */
/** Sections whose lists and tables are reported, not imported, wherever they stand. */
const NOTES_SECTIONS = ['retrospective', 'metrics', 'beyond', 'earlier', 'not-goals', 'examples'] as const;
export type NotesSection = (typeof NOTES_SECTIONS)[number];
export const isNotesSection = (role: string): role is NotesSection => (NOTES_SECTIONS as readonly string[]).includes(role);

export const NOTES_WHY: Readonly<Partial<Record<Role, string>>> = {
  retrospective: 'a retrospective, not an OKR',
  metrics: 'a metric tracked, not an OKR',
  beyond: 'a goal beyond the period being read',
  earlier: 'under an earlier period than the one being read',
  'not-goals': 'named as not a goal',
  process: 'about how the team works, not an OKR',
  examples: 'an example, not one of the OKRs',
  measures: 'said about the measures, not one of them',
  initiatives: 'a step of an initiative, not an OKR',
};

/** A lead-in that names an example and ends in a colon: what follows illustrates, it is not the document's own. */
export const announcesExample = (text: string): boolean =>
  /[:：]\s*$/.test(text) && /\b(?:examples?|for instance|hypothetical|illustrat(?:e|es|ion|ive))\b/i.test(text);

/** Roles that are parts of an objective: a heading naming one does not end a bold-line objective. */
export const isObjectivePart = (role: Role | undefined) =>
  role === 'key-results' || role === 'initiatives' || role === 'dependencies' || role === 'risks';

/** A heading that names goals: "Goals", "Q3 goals", "Our objectives", "Company priorities for 2020". */
const GOALS_HEADING = /^(?:\d+\.\s*)?(?:[\w-]+\s+){0,2}(?:goals|objectives|priorities)(?:\s+(?:for|in|of)\b.*)?$/i;
/** "Current OKRs", "Our Objective and Key Results" — not "Product Team OKRs", which names a team. */
const OKRS_HEADING =
  /^(?:\d+\.\s*)?(?:(?:current|our|the|this|latest|active|quarterly|annual)\s+){0,2}(?:okrs|objectives? (?:and|&) key results)(?:\s+(?:for|in|of)\b.*)?$/i;
export const namesGoals = (heading: string) => {
  // "Objectives :" — a colon after the name, spaced or not, is not part of it.
  const text = heading
    .replace(/\([^)]*\)/g, '')
    .replace(/\s*[:：]\s*$/, '')
    .trim();
  return GOALS_HEADING.test(text) || OKRS_HEADING.test(text);
};

/** "OKRs", "OKR’s:", "2036 OKRs (to be agreed):": a label naming the OKRs of a section. */
const OKRS_LABEL = /^(?:(?:\d{4}|Q[1-4]|H[12])\s+)*OKR['’]?s?\s*[:：]?\s*$/i;
export const namesOkrs = (label: string) => OKRS_LABEL.test(label.replace(/\([^)]*\)/g, '').trim());

/** "Mission: …", "使命：…": what a section is for, in a sentence — its objective where a key-result table follows. */
const MISSION = /^(?:(?:our\s+)?mission(?:\s+statement)?|使命)\s*[:：]\s*(\S.*)$/i;
export const missionStatement = (line: string): string | undefined => MISSION.exec(line.trim())?.[1]?.trim();

/** Where a list stands: what announced it and which parts are open around it. */
export interface ListPlace {
  /** The role a label or field just before it announced ("**Key Results:**", "Initiatives:", "our objectives:"). */
  announced?: Role;
  objectiveOpen: boolean;
  /** Roles of the sections open around the list. */
  within: ReadonlySet<Role>;
}

export type ListClass =
  /** Plain items are objectives (a goals list). */
  | { read: 'goals' }
  /** Every item is reported as a note (goals beyond the period being read). */
  | { read: 'notes' }
  /** Items are objectives only by their own shape, never key results by place (under a label or a detail heading). */
  | { read: 'by shape' }
  /** Items are records of a part: initiatives, risks, dependencies, stage gates … */
  | { read: 'records'; part: Role }
  /** Items by their outline shape; under "Key Results" plain items are key results. */
  | { read: 'items'; krList: boolean };

/** How a list's items are read, from what announced it and where it stands. */
export function classifyList(l: ListPlace): ListClass {
  const part =
    l.announced ??
    (l.within.has('stage-gates') ? 'stage-gates' : !l.objectiveOpen && l.within.has('dependencies') ? 'dependencies' : undefined);
  if (
    [...l.within].some(isNotesSection) ||
    (l.within.has('process') && !l.objectiveOpen) ||
    (l.within.has('initiatives') && l.within.has('detail')) ||
    l.within.has('measures') ||
    part === 'not-goals' ||
    part === 'examples'
  )
    return { read: 'notes' };
  if (part === 'goals') return { read: 'goals' };
  // A list under "### Initiatives" (not under one initiative's own heading) lists the initiatives.
  if (!part && l.within.has('initiatives') && !l.within.has('key-results')) return { read: 'records', part: 'initiatives' };
  if (part === 'generic' || l.within.has('detail')) return { read: 'by shape' };
  if (part && part !== 'key-results') return { read: 'records', part };
  return { read: 'items', krList: part === 'key-results' || l.within.has('key-results') };
}
