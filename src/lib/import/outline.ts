// Stage 1 of reading Markdown: the document's outline. Headings nest by depth, list items by
// indentation; each node keeps the shape of its lead line (numbered, bold, an owner prefix such as
// "CEO:", a label such as "KR:" or "Objective 2:", an outcome after "=>", lines joined by hard
// breaks). Classification (./classify/) reads these shapes; nothing here decides what a node is.
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { endLineOf, lineOf, paragraphLines } from './markdown.ts';
import { ROLE_WORDS } from './names.ts';
import { pushAll } from '../errors.ts';

/** Plain text of inline nodes, as the caller renders it (links, redactions, subscripts). */
export type InlineRenderer = (nodes: readonly PhrasingContent[]) => string;

export interface Label {
  kind: 'objective' | 'kr';
  /** The number written with it ("O2", "KR 3" → "2", "3"). */
  n?: string;
  /** The label as written when it is misspelt ("Ket Result"): read as the label, reported as a guess. */
  misspelt?: string;
  /** "ACME Objective 1:": written after an organisation's name, not the document's own way of labelling. */
  owned?: true;
}

/** "(target: 25.0)" after a line: a field named and its value as written. */
export interface TrailingField {
  label: string;
  value: string;
}

/** "1.2": part `n` ("1.2") of the objective numbered `of` ("1"). */
export interface SubNumber {
  of: string;
  n: string;
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
  /** A grade from 0 to 1 in parentheses ending the line ("… (0.45)", "… -- (1)"): the line's score. */
  score?: number;
  /** "[Activity] …", "[Task] …": a tag naming the line as work toward a goal, not a goal or a measure. */
  workTag?: string;
  /** The owner was written after the text ("… (Max)", "… @ana"), not before it as a role ("CRO: …"). */
  ownerAtEnd?: boolean;
  /** "M1 — …", "G2: …", "A1. …": a short id naming the line, written before its text. */
  id?: string;
  /** "1.2 …": numbered as part 2 of objective 1. */
  sub?: SubNumber;
  /** "KR1 Activation: Raise …": the short name the key result goes by, between its label and its statement. */
  krName?: string;
  /** "(target: 25.0)", "- Current: 1.0" ending the line: its values, as fields. */
  fields?: TrailingField[];
  /** "[COMMITTED]", "(aspirational)": the kind of goal, written as a tag in the line. */
  typeTag?: 'committed' | 'aspirational' | 'learning';
  /** The line is nothing but a link (a table of contents, "see the spreadsheet"). */
  linkOnly: boolean;
  /** "[x]" / "[ ]" task items. */
  checked?: boolean;
  /** A link to a tracker item at the end ("… [Epic 720](…)"), taken off the title. */
  reference?: Reference;
}

/** A link to a tracker item: its text, and its address (or the reference to its definition). */
export interface Reference {
  text: string;
  url?: string;
  identifier?: string;
}

/** What the inline nodes of a line say beyond its text: emphasis, links. */
export interface LeadShape {
  bold?: 'whole' | 'lead';
  linkOnly?: boolean;
  checked?: boolean;
  /** The text of the bold run a line starts with ("**Senior Director, People**" …). */
  boldRun?: string;
  /** A link to a tracker item that ends the line ("Epic 720", "Issue 8303", "#123"). */
  reference?: Reference;
  /** The line is a heading's ("## 📌 Objective"). */
  heading?: boolean;
}

export interface OutlineItem {
  node: ListItem;
  line: number;
  endLine: number;
  ordered: boolean;
  lead: Lead;
  /** The inline nodes of the lead line (for links and redactions). */
  leadNodes: PhrasingContent[];
  /** The last line of the lead line when the editor wrapped it onto the lines after it. */
  leadEnd?: number;
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
  /** The one-line paragraphs wholly in bold it holds ("**Key Results:**", "**Ship the editor**"), as their titles. */
  boldLines: string[];
  /** Paragraphs it holds that label themselves as an objective ("**Objective:** …"). */
  objectiveLines: number;
  /** The one-line bold paragraphs ending in a colon right over a list ("**Grow the club:**"), as their titles. */
  listLabels: string[];
}

const LABEL_OBJECTIVE =
  /^(?:(?:objective|obj\.?)\s*#?\s*O?(\d+(?:\.\d+)?)?|O(?:-(?=\d))?(\d+)?|OKR\s*#?\s*(\d+))(?:\s*(?:[:)\-–—｜]|\.(?=\s|$))|(?<=\d)\s+(?=\S))\s*/i;
/**
 * "Funding Objective - …", "TECH OBJECTIVE: …": one capitalised word naming a theme, the label, a dash or colon.
 * Not a word that hedges ("Possible Objective:", "Draft Objective -": a candidate, not one of the objectives), nor a
 * determiner ("Each Objective: has three key results" states a rule).
 */
const THEMED_OBJECTIVE =
  /^(?!(?:Possible|Proposed|Potential|Draft|Example|Sample|Candidate|Alternative|Old|Previous|Former|Rejected|Suggested|The|An?|Each|Every|Any|Our|Your|My|Its|Their|This|That|One|No|Main|Key)\s)\p{Lu}[\p{L}&-]{1,24}\s+(?:Objective|OBJECTIVE)\s*[-–—:：]\s+(?=\S)/u;
/** Further objective ids in a line ("… > O2 … > O5 …"). */
const OTHER_OBJECTIVE_IDS = /(?<![\p{L}\d])O\d+(?![\p{L}\d])/gu;
/** "### Objective", "### Objective 2", "### Goal 1:", "### O2": the label alone, its text on the lines after it. */
const BARE_OBJECTIVE = /^(?:(?:objective|obj\.|goal)\s*#?\s*O?(\d+(?:\.\d+)?)?|O(\d+)?)\s*[:.]?$/i;
/** "M1 — …", "G2: …", "A1. …": a short id (letters and a number, not a quarter, half or fiscal year) before the text. */
const ID_FIRST = /^(?!(?:Q|H|FY|CY)\d)([A-Z]{1,3}-?\d+(?:\.\d+)*[a-z]?)\s*(?:[—–:]|-(?=\s)|\.(?=\s))\s*(?=\S)/;
/** "1.2 Publish …", "2.3 4 networks …": a number under a numbered objective, then text that does not continue a decimal. */
const SUB_NUMBER = /^(\d{1,2})\.(\d{1,2})\s+(?=[\p{Lu}\d$£€"“‘'(])/u;
const LABEL_KR =
  /^(?:KR|key\s+result)\s*(?:#\s*|[-_](?=\d)|-(?=[A-Z]\b))?(\d+(?:[.-]\d+)*|(?<=-)[A-Z]\b)?(?:\s*(?:[:)\-–—｜]|\.(?=\s|$))|(?<=\d)\s+(?=\S))\s*/i;
/** A word or two before a separator, or in brackets: a label when it is "Objective" or "Key Result" misspelt by one letter. */
const LABEL_LIKE = /^([A-Za-z]{3,}(?: [A-Za-z]{4,})?)\s*#?\s*(\d+(?:\.\d+)?)?\s*[:.)\-–—]\s*/;
const BRACKET_LIKE = /^\[\s*([A-Za-z]{3,}(?: [A-Za-z]{4,})?)\s*#?\s*(\d+(?:\.\d+)?)?\s*\]\s*[:.\-–—]?\s*/;
/** The same labels in brackets: "[Objective] …", "[Key Result] …", "[KeyResult] …", "[KR2] …". */
const BRACKET_OBJECTIVE = /^\[\s*(?:objective|obj|O)\s*#?\s*(\d+(?:\.\d+)?)?\s*\]\s*[:.\-–—]?\s*/i;
const BRACKET_KR = /^\[\s*(?:KR|key\s*result)\s*#?\s*(\d+(?:\.\d+)?)?\s*\]\s*[:.\-–—]?\s*/i;
/** "[Activity] …", "[Initiative] …", "[Task] …": work toward a goal, tagged as such. */
const WORK_TAG = /^\[\s*(activity|activities|initiative|task|action(?:\s+item)?|project|deliverable|todo)\s*\]\s*[:.\-–—]?\s*/i;
/** "… (0.45)", "… -- (1)", "… ( 0.8 )": a grade written in parentheses at the end of the line. */
const SCORE = /\s*(?:--|[-–—])?\s*\(\s*(0|1|0?\.\d+|1\.0+)\s*\)\s*$/;
/** "(Actual: $189K) ✅", "( Actual: 405 )", "(Launched 1/2… more to come!)": an outcome in parentheses ending the line. */
const OUTCOME_IN_PARENS =
  /\s*\(\s*((?:actual|actually|result|results|achieved|complete[d]?|done|launched|shipped|missed|reached|hit|status|progress|update|outcome|delivered|finished|partially|not (?:done|met|started|achieved)|met|exceeded|dropped|deferred|cancell?ed)\b[^()]*)\)\s*((?:[✅❌✔☑⚠🟢🟡🔴🟠]\uFE0F?)*)\s*$/iu;
/** "… ✅", "… ❌": a status mark ending the line. */
const STATUS_MARK = /\s+()([✅❌✔☑🟢🟡🔴🟠][\uFE0F]?)\s*$/u;
/** "(target: 25.0)" or " - Current: 1.0" ending a line: a value field of the line. */
const TRAILING_FIELD =
  /\s*\(\s*(target|current|baseline|actual|due|deadline)\s*:\s*([^()]+?)\s*\)\s*$|\s+[-–—]\s+(target|current|baseline|actual|due|deadline)\s*:\s*([^()\s][^()]*?)\s*$/i;
/** "… (0.0 → 1.0)", "… (40% -> 60%)": a number to a number in parentheses ending the line. */
const FROM_TO = /\s*\(\s*([$€£]?\d[\d.,]*\s*[%kKmM]?)\s*(?:→|->|⟶|⇒)\s*([$€£]?\d[\d.,]*\s*[%kKmM]?)\s*\)\s*$/;
/** "… (70%)": how far the line got, in parentheses ending it. */
const PROGRESS_IN_PARENS = /\s*[(（]\s*(\d{1,3}(?:\.\d+)?)\s*[%％]\s*[)）]\s*$/;
/** "… [2/5]", "… [30%]": progress written in brackets ending the line. */
const PROGRESS_IN_BRACKETS = /\s*\[\s*(\d+\s*\/\s*\d+|\d+(?:\.\d+)?\s*%)\s*\]\s*$/;
/** "… (2/6)": a count done out of a count to do, ending the line. */
const COUNT_OF_TARGET = /\s*\(\s*(\d+)\s*\/\s*(\d+)\s*\)\s*$/;
/** "… (7/10)", "… (3 / 5)": a score out of a scale, ending the line. */
const SCORE_OUT_OF = /\s*(?:--|[-–—])?\s*\(\s*(\d+(?:\.\d+)?)\s*\/\s*(5|10|100)\s*\)\s*$/;
// "P1/2: …": a priority between two, read as the higher (P1).
const PRIORITY = /^(?:\[(P[0-4X])\]|`?(P[0-4X])(?:\/[0-4])?`?\s*[-–—:])\s*/i;
/** "1. ", "2.3) ", "a. "; and "1.Lead time" — a number and a dot typed against a capitalised word. */
/** "1. ", "2) ", "a. ", "1.Text", and "1、" / "1．" (the enumeration marks of Chinese and Japanese, no space needed). */
const NUMBERING = /^\s*(?:(?:\d+(?:\.\d+)*[.)]|[A-Za-z][.)])\s+|\d{1,2}\.(?=\p{Lu})|\d{1,2}[、．]\s*)/u;
const OUTCOME = /\s*(?:={1,2}>|-->|⇒|→)\s*(.*)$/;
/** "CEO:", "VP Engineering:", "Director of Product, Dev:", "Data team KR:" — a short name before a colon. */
const OWNER = /^([A-Z][\p{L}\d&/.,'’() -]{0,60}?)(\s+KRs?(?:\s*#?\s*(\d+(?:\.\d+)*))?|\s+[Oo]bjective\s*#?\s*(\d+))?\s*:{1,2}\s+(?=\S)/u;
/** Names before a colon that are fields or prose, not owners. */
const NOT_OWNER =
  /^(?:owner|dri|status|priority|type|confidence|target|baseline|current|grade|score|note|notes|example|why|how|what|when|where|who|description|purpose|context|risks?|dependencies|initiatives?|key results?|krs?|objective|result|results|outcome|progress|deadline|due|timeline|tracked|tracking|active from|measurement|theme|summary|update|updates|blocker|blockers|ask|asks|mitigation|decision|format|agenda|features|tip|warning|important|goal|goals|ref|see|source|link|links|tbd|todo|done|wip|version|date|period|quarter|planning period|approvers?|author|classification|last updated|document [a-z ]+|big bets.*|pillars|stage gate.*|decision receipts?|reasoning|rationale|motivation|justification|explanation|comments?|details?|hint|implementation hint|evidence|assumptions?|questions?|answer|learnings?|next steps?|results?|caveats?|examples?|e\.g|i\.e|aka)$/i;

const GOAL_NOUN = String.raw`(?:goals?|krs?|key results?|okrs?|objectives?)`;
/** The words that name a goal's kind ("learning" only with a noun after it, as a prefix). */
const KIND_WORD = String.raw`committed|commit|aspirational|aspiration|stretch|moonshot|roofshot`;
const TYPE_WORD = String.raw`${KIND_WORD}|learning`;
/** "[COMMITTED]", "(aspirational)", "[Stretch]", "(stretch KR)": a goal's kind written as a tag. */
const TYPE_TAG = new RegExp(String.raw`\s*[[(]\s*(${TYPE_WORD})(?:\s+(?:krs?|key results?))?\s*[\])]`, 'i');
/** "STRETCH: …", "Learning goal: …": a goal's kind written before it, not an owner. */
const TYPE_PREFIX = new RegExp(String.raw`^(?:(${KIND_WORD})(?:\s+${GOAL_NOUN})?|(learning)\s+${GOAL_NOUN})\s*:\s+(?=\S)`, 'i');

/** "STRETCH: Grow …", "Learning goal: …" written before a line: its kind and the line without it. */
export function kindPrefix(text: string): { typeTag: 'committed' | 'aspirational' | 'learning'; rest: string } | undefined {
  const m = TYPE_PREFIX.exec(text);
  return m ? { typeTag: typeOf((m[1] ?? m[2])!), rest: text.slice(m[0].length) } : undefined;
}

/** A key result's kind has no field of its own: its note keeps it in these words. */
export const kindNote = (typeTag: string) => `Kind: ${typeTag}.`;

const typeOf = (word: string) => {
  const w = word.toLowerCase();
  return w.startsWith('commit') ? 'committed' : w.startsWith('learn') ? 'learning' : 'aspirational';
};

/** Words written in parentheses after a line that qualify it rather than name its owner. */
const QUALIFIER =
  /^(?:stretch|optional|beta|alpha|draft|done|committed|aspirational|learning|wip|tbd|tba|new|ongoing|continued|carryover|carried over|blocked|paused|dropped|cancell?ed|complete|completed|deferred|moved|partial|partially|achieved|missed|met|delayed|planned|proposed|pending|stretch goal|internal|public|mandatory|required|nice to have|bonus|maybe|later|again|revised|updated|estimate|approx|approximately|yes|no|ok|high|medium|low|critical|urgent|hard|easy|big|small|monthly|weekly|quarterly|daily|annual|yearly|baseline|target|current|actual|company|team|global|core|main|primary|secondary|other|misc|various|ongoing work|in progress|not started|on track|off track|at risk|background|context|notes?|summary|overview|example|examples|optional reading)$/i;

/** "Owner: …", "Status: …", "Target: …": a line that starts with a field's name before a colon. */
export function startsWithField(raw: string): boolean {
  const name = /^\s*([^:]{1,40}?)\s*:{1,2}/.exec(raw.replace(/[*_`]/g, ''))?.[1];
  return Boolean(name && NOT_OWNER.test(name));
}

/** A lead line being read: the text left, and the markers taken off it so far. */
interface Reading {
  t: string;
  owner?: string;
  priority?: string;
  label?: Label;
  outcome?: string;
  score?: number;
  workTag?: string;
  id?: string;
  sub?: SubNumber;
  krName?: string;
  typeTag?: 'committed' | 'aspirational' | 'learning';
  ownerAtEnd?: boolean;
  reference?: Reference;
  fields?: TrailingField[];
}

/**
 * The markers a lead line may carry, taken off in this order: each step reads one marker from the
 * text left and returns the reading without it, or nothing when the marker is not there. A new
 * marker is a new step.
 */
const LEAD_MARKERS: readonly { name: string; take: (r: Reading, shape: LeadShape) => Reading | undefined }[] = [
  {
    // "… Run GitLab.com more efficiently. [Issue 8303](…)": the tracker link is a reference, not title words.
    name: 'tracker link at the end',
    take: (r, shape) => {
      const ref = shape.reference;
      const rest = ref && r.t.endsWith(ref.text) ? r.t.slice(0, -ref.text.length).trim() : '';
      // "…: MR1, MR2" lists references; only one that ends a sentence is taken off.
      if (!ref || !rest || /(?:[,:&]|\band)$/i.test(rest)) return undefined;
      return { ...r, reference: ref, t: rest };
    },
  },
  {
    // "… (target: 25.0) - Current: 1.0": a key result's values written after it, not title words.
    name: 'fields at the end',
    take: (r) => {
      const fields: TrailingField[] = [];
      let t = r.t;
      // "… (0.0 → 1.0)": where the key result starts and where it should end.
      const span = FROM_TO.exec(t);
      if (span && span.index > 0) {
        fields.push({ label: 'Baseline', value: span[1]!.trim() }, { label: 'Target', value: span[2]!.trim() });
        t = t.slice(0, span.index).trimEnd();
      }
      for (let m = TRAILING_FIELD.exec(t); m && m.index > 0; m = TRAILING_FIELD.exec(t)) {
        fields.unshift({ label: (m[1] ?? m[3])!, value: (m[2] ?? m[4])!.trim() });
        t = t.slice(0, m.index).trimEnd();
      }
      return fields.length ? { ...r, fields, t } : undefined;
    },
  },
  {
    name: 'outcome after =>',
    take: (r) => {
      const oc = OUTCOME.exec(r.t);
      if (!oc || oc.index === 0) return undefined;
      const before = r.t.slice(0, oc.index);
      // "(--> 3 hours a week)": an arrow inside parentheses is part of the sentence.
      const open = (before.match(/\(/g)?.length ?? 0) - (before.match(/\)/g)?.length ?? 0);
      // "the 2.0 → 3.1 engine", "1.81% → 4.0%", "800/month → 20,000/month": from a number to a number is
      // a change the line names; "visits→installs" (no space around the arrow) is a name. Neither is an outcome.
      const arrow = /[→⇒]/.test(oc[0]);
      const change = arrow && /\d[\d,.]*\s*(?:%|\/\p{L}{1,8}|[^\s\d]{1,3})?$/u.test(before) && /^\d/.test(oc[1]!);
      const glued =
        arrow && /[\p{L}\d]$/u.test(before) && !/^\s/.test(oc[0]) && /[\p{L}\d]/u.test(r.t[oc.index + oc[0].length - oc[1]!.length] ?? '');
      return open <= 0 && !change && !glued ? { ...r, outcome: oc[1]!.trim(), t: before.trim() } : undefined;
    },
  },
  {
    // "… (Actual: $189K) ✅", "… (Launched 1/2)", "… ✅": what came of it, written after the line in a review.
    name: 'outcome in parentheses at the end',
    take: (r) => {
      if (r.outcome !== undefined) return undefined;
      const p = PROGRESS_IN_BRACKETS.exec(r.t);
      if (p && p.index > 0) return { ...r, outcome: p[1]!.replace(/\s+/g, ''), t: r.t.slice(0, p.index).trim() };
      // "Try 6 new recipes (2/6)": so many done of the number the line names.
      const f = COUNT_OF_TARGET.exec(r.t);
      if (f && f.index > 0 && new RegExp(String.raw`(?<![\d.])${f[2]}(?![\d.])`).test(r.t.slice(0, f.index)))
        return { ...r, outcome: `${f[1]}/${f[2]}`, t: r.t.slice(0, f.index).trim() };
      const m = OUTCOME_IN_PARENS.exec(r.t) ?? STATUS_MARK.exec(r.t);
      if (!m || m.index === 0) return undefined;
      const outcome = [m[1], m[2]].filter(Boolean).join(' ').trim();
      return outcome ? { ...r, outcome, t: r.t.slice(0, m.index).trim() } : undefined;
    },
  },
  {
    // "Setup the BDD tests (0.5)", "Improve code quality -- (0.9)": a quarter-end review's score.
    name: 'score in parentheses at the end',
    take: (r) => {
      const s = SCORE.exec(r.t);
      if (s && s.index > 0 && r.outcome === undefined) return { ...r, score: Number(s[1]), t: r.t.slice(0, s.index).trim() };
      const o = SCORE_OUT_OF.exec(r.t);
      const score = o ? Number(o[1]) / Number(o[2]) : NaN;
      return o && o.index > 0 && r.outcome === undefined && score <= 1 ? { ...r, score, t: r.t.slice(0, o.index).trim() } : undefined;
    },
  },
  {
    // "p0 - …", "`PX` - @??? - …", "[P1] …": a priority first, then perhaps a handle.
    name: 'priority first',
    take: (r) => {
      const pr = PRIORITY.exec(r.t);
      if (pr) {
        // "P0: 1.0: Ship it": a score may follow the priority.
        const rest = r.t.slice(pr[0].length);
        const sc = /^(0|1|0?\.\d+|1\.0+)\s*:\s+(?=\S)/.exec(rest);
        return {
          ...r,
          priority: (pr[1] ?? pr[2])!.toUpperCase(),
          ...(sc ? { score: Number(sc[1]) } : {}),
          t: sc ? rest.slice(sc[0].length) : rest,
        };
      }
      // "P1 (BP) 0.7 Draft the spec", "P0 (GC) 0.5 (nearing snapshot) Publish …": priority, owner's initials, score, status.
      const row = /^(P[0-9X])\s+(?:\((@?[A-Za-z][\w.-]{0,15})\)\s+)?(?:(0|1|0?\.\d+|1\.0+)\s+)?(?:\(([^)]{1,80})\)\s+)?(?=\S)/.exec(r.t);
      if (!row || (!row[2] && !row[3])) return undefined;
      return {
        ...r,
        priority: row[1]!.toUpperCase(),
        ...(row[2] ? { owner: row[2] } : {}),
        ...(row[3] ? { score: Number(row[3]) } : {}),
        ...(row[4] ? { outcome: row[4] } : {}),
        t: r.t.slice(row[0].length),
      };
    },
  },
  {
    name: '@handle first',
    take: (r) => {
      // "@ana (?) finish …": a handle with a doubt, no separator.
      const h = /^@([\w?-]+)(?:\s*[-–—:]|\s+\(\?\)\s*[-–—:]?)\s+/.exec(r.t);
      // "OWNER - …", "TBD - …" after a priority: the owner's place, not yet filled.
      const blank = r.priority && !r.owner ? /^(?:OWNER|TBD|TBA|\?{2,})\s*[-–—:]\s+/.exec(r.t) : null;
      if (blank) return { ...r, t: r.t.slice(blank[0].length) };
      if (!h) return undefined;
      return { ...r, ...(/^\?+$/.test(h[1]!) ? {} : { owner: `@${h[1]}` }), t: r.t.slice(h[0].length) };
    },
  },
  {
    name: 'work tag first',
    take: (r) => {
      const w = WORK_TAG.exec(r.t);
      return w ? { ...r, workTag: w[1]!.toLowerCase(), t: r.t.slice(w[0].length) } : undefined;
    },
  },
  {
    // "[momack2] Form 3+ …": a handle in brackets first.
    name: '[handle] first',
    take: (r) => {
      const b =
        r.owner || r.workTag || BRACKET_OBJECTIVE.test(r.t) || BRACKET_KR.test(r.t) || misspeltLabel(r)
          ? null
          : /^\[(@?[A-Za-z][\w.-]*)\]\s+(?=\S)/.exec(r.t);
      return b ? { ...r, owner: b[1]!.startsWith('@') ? b[1]! : `@${b[1]}`, t: r.t.slice(b[0].length) } : undefined;
    },
  },
  {
    // "… [benjhayden] 0.3", "… [kojii, eae]": owners in brackets at the end, perhaps with the score after them.
    name: '[handle] and score at the end',
    take: (r) => {
      const m = r.owner ? null : /\s+\[\s*(@?[a-z][\w.-]*(?:\s*,\s*@?[a-z][\w.-]*)*)\s*\](?:\s+(0|1|0?\.\d+|1\.0+))?\s*$/.exec(r.t);
      // "… [stretch]": the goal's kind (a type tag), not a handle.
      if (!m || m.index === 0 || TYPE_TAG.test(m[0])) return undefined;
      const owner = m[1]!.split(/\s*,\s*/)[0]!;
      return {
        ...r,
        owner: owner.startsWith('@') ? owner : `@${owner}`,
        ...(m[2] ? { score: Number(m[2]) } : {}),
        t: r.t.slice(0, m.index).trim(),
      };
    },
  },
  {
    // "… [P0][DP][PRODUCT]": priority and team tags at the end.
    name: 'tags at the end',
    take: (r) => {
      const tags = /(?:\s*\[(?:P[0-4?X]|[A-Z][A-Z0-9&-]{1,14})\])+\s*$/.exec(r.t);
      if (!tags || tags.index === 0) return undefined;
      const p = /\[(P[0-4X])\]/i.exec(tags[0]);
      return { ...r, ...(p && !r.priority ? { priority: p[1]!.toUpperCase() } : {}), t: r.t.slice(0, tags.index) };
    },
  },
  {
    // "… [@alanshaw](https://github.com/alanshaw)" or "… @alanshaw" at the end: who owns it.
    name: '@handle at the end',
    take: (r) => {
      const tail = r.owner ? null : /\s+\(?@([\w-]+)\)?\s*$/.exec(r.t);
      return tail ? { ...r, owner: `@${tail[1]}`, ownerAtEnd: true, t: r.t.slice(0, tail.index) } : undefined;
    },
  },
  {
    // "… (Phil)", "… (Ana Ruiz)": a name in parentheses ending the line is who owns it.
    name: 'name in parentheses at the end',
    take: (r) => {
      // "… (Max & Zach)", "… (Max, Zach)": the first named owns it.
      const m = r.owner
        ? null
        : /\s+\(([A-Z][a-z]{1,11}(?: [A-Z][a-z]{1,11})?)((?:\s*(?:&|,|and)\s*[A-Z][a-z]{1,11}(?: [A-Z][a-z]{1,11})?){0,3})\)\s*$/.exec(r.t);
      return m && !QUALIFIER.test(m[1]!) ? { ...r, owner: m[1]!, ownerAtEnd: true, t: r.t.slice(0, m.index) } : undefined;
    },
  },
  { name: 'label', take: (r, shape) => takeLabel(r, shape.boldRun) },
  {
    // "Goal: run 4 user interviews": the word says what the line is, and its place says which kind.
    name: 'goal word first',
    take: (r) => {
      const g = r.label ? null : /^goal\s*:\s+(?=\S)/i.exec(r.t);
      return g ? { ...r, t: r.t.slice(g[0].length) } : undefined;
    },
  },
  {
    // "Objective 1: Improve Go skills (70%)", "Read 2 books and 100 blogs (100%)": how far it got. A line with no
    // number of its own keeps it ("Raise test coverage (80%)" states its target).
    name: 'progress in parentheses at the end',
    take: (r) => {
      const m = r.outcome === undefined ? PROGRESS_IN_PARENS.exec(r.t) : null;
      if (!m || m.index === 0 || !(r.label?.kind === 'objective' || /\d/.test(r.t.slice(0, m.index)))) return undefined;
      return { ...r, outcome: `${m[1]}%`, t: r.t.slice(0, m.index).trim() };
    },
  },
  {
    name: 'id first',
    take: (r) => {
      const m = r.label || r.owner ? null : ID_FIRST.exec(r.t);
      return m ? { ...r, id: m[1]!, t: r.t.slice(m[0].length) } : undefined;
    },
  },
  {
    // "1.2 250 people take part …" under "OKR 1: …": numbered as a part of objective 1. Only the place
    // decides it is a key result ("2.5 million" starts lowercase after the number and is not taken).
    name: 'sub-number first',
    take: (r) => {
      const m = r.label || r.owner || r.id ? null : SUB_NUMBER.exec(r.t);
      return m ? { ...r, sub: { of: m[1]!, n: `${m[1]}.${m[2]}` }, t: r.t.slice(m[0].length) } : undefined;
    },
  },
  {
    // "CEO: …", "Data team KR: …", and then perhaps a label ("CEO: Objective: …").
    name: 'owner before a colon',
    take: (r) => {
      if (r.label || r.owner || TYPE_PREFIX.test(r.t)) return undefined;
      const ow = OWNER.exec(r.t);
      const name = ow?.[1]?.trim();
      if (!ow || !name || !isOwnerName(name)) return undefined;
      // "ACME Objective 1: …": an organisation's objective, numbered, like "Data team KR:" and "Data team KR 1.2:".
      const label: Label | undefined = ow[4]
        ? { kind: 'objective', n: ow[4], owned: true }
        : ow[2]
          ? { kind: 'kr', ...(ow[3] ? { n: ow[3] } : {}) }
          : undefined;
      const owned: Reading = { ...r, owner: name, ...(label ? { label } : {}), t: r.t.slice(ow[0].length) };
      const again = takeLabel(owned);
      return again ? { ...again, label: { kind: again.label!.kind } } : owned;
    },
  },
  {
    // "**Senior Director, People Success** 5,000 certifications …": a role in bold, without a colon.
    name: 'owner in bold without a colon',
    take: (r, shape) => {
      const run = shape.boldRun?.trim();
      if (r.label || r.owner || !run || /:\s*$/.test(run) || !r.t.startsWith(run) || !ROLE_WORDS.test(run) || !isOwnerName(run))
        return undefined;
      const rest = r.t.slice(run.length);
      if (!/^\s+[-–—]?\s*\S/.test(rest) || /^\s*:/.test(rest)) return undefined;
      return { ...r, owner: run, t: rest.replace(/^\s+[-–—]?\s*/, '') };
    },
  },
  {
    // "Ticket volume [ASPIRATIONAL]: …", "… (committed)", "STRETCH: …": the kind of goal, not title words (taken last, so
    // "Ticket volume:" is never read as an owner).
    name: 'type tag',
    take: (r) => {
      const m = TYPE_TAG.exec(r.t) ?? TYPE_PREFIX.exec(r.t);
      if (!m) return undefined;
      const typeTag = typeOf((m[1] ?? m[2])!);
      return { ...r, typeTag, t: (r.t.slice(0, m.index) + r.t.slice(m.index + m[0].length)).replace(/\s+([:.,])/, '$1').trim() };
    },
  },
];

function takeLabel(r: Reading, boldRun?: string): Reading | undefined {
  // "1. **Key Result**" with its text on the lines after it.
  // "#### O1KR2": the key result's id alone, its statement after it.
  const bareKr = /^(?:key\s*result|KR)\s*#?\s*(\d+(?:\.\d+)*)?\s*[:.]?$/i.exec(r.t) ?? /^O\d+\s*KR\s*(\d+)\s*[:.]?$/i.exec(r.t);
  if (bareKr) return { ...r, label: { kind: 'kr', ...(bareKr[1] ? { n: bareKr[1] } : {}) }, t: '' };
  const bare = BARE_OBJECTIVE.exec(r.t);
  if (bare) {
    const n = bare[1] ?? bare[2];
    return { ...r, label: { kind: 'objective', ...(n ? { n } : {}) }, t: '' };
  }
  // "Funding Objective - Secure the roof money": a one-word theme, then the label (the theme is not title words).
  const themed = THEMED_OBJECTIVE.exec(r.t);
  if (themed) return { ...r, label: { kind: 'objective' }, t: r.t.slice(themed[0].length) };
  const ob = LABEL_OBJECTIVE.exec(r.t) ?? BRACKET_OBJECTIVE.exec(r.t);
  // "O1 Installs > O2 Content > O5 Referrals": objectives ranked by their ids, not one of them.
  if (ob && (r.t.slice(ob[0].length).match(OTHER_OBJECTIVE_IDS) ?? []).length >= 2) return undefined;
  if (ob) {
    const n = ob[1] ?? ob[2] ?? ob[3];
    // "OKR 1: THOUGHT LEADERSHIP: Test our theory …": a theme in capitals before the objective's text.
    const t = r.t.slice(ob[0].length).replace(/^[A-Z][A-Z&/ -]{4,40}:\s+(?=\S)/, '');
    return { ...r, label: { kind: 'objective', ...(n ? { n } : {}) }, t };
  }
  const kr = LABEL_KR.exec(r.t) ?? BRACKET_KR.exec(r.t);
  if (kr) {
    const rest = r.t.slice(kr[0].length);
    // "**KR1 Activation:** Raise weekly users to 500": a short name in bold with the label, then the statement.
    const name = /^([^:：]{1,40}?)\s*[:：]\s*(?=\S)/.exec(rest);
    const inBold = Boolean(boldRun && /[:：]\s*$/.test(boldRun.trim()) && name && boldRun.includes(name[1]!.trim()));
    const named =
      name &&
      inBold &&
      !/[:：.)\-–—]\s*$/.test(kr[0]) &&
      wordCount(name[1]!) <= 4 &&
      !NOT_OWNER.test(name[1]!.trim()) &&
      // and a statement follows that is longer than the name.
      rest.length > name[0].length + name[1]!.length;
    return {
      ...r,
      label: { kind: 'kr', ...(kr[1] ? { n: kr[1] } : {}) },
      ...(named ? { krName: name[1]!.trim() } : {}),
      t: named ? rest.slice(name[0].length) : rest,
    };
  }
  return misspeltLabel(r);
}

/** "[Ket Result] …", "Objetive 2: …", "Keyresult 3 -": a label one letter away from a real one. */
function misspeltLabel(r: Reading): Reading | undefined {
  const m = LABEL_LIKE.exec(r.t) ?? BRACKET_LIKE.exec(r.t);
  if (!m) return undefined;
  const word = m[1]!.toLowerCase().replace(' ', '');
  // "Key Results:" and "Objectives:" name a list of them, not one.
  if (/s$/.test(word) && /^(?:keyresult|objective)$/.test(word.slice(0, -1))) return undefined;
  const kind = word === 'keyresult' || oneEditAway(word, 'keyresult') ? 'kr' : oneEditAway(word, 'objective') ? 'objective' : undefined;
  if (!kind) return undefined;
  const misspelt = word === 'keyresult' ? {} : { misspelt: m[1]! };
  return { ...r, label: { kind, ...(m[2] ? { n: m[2] } : {}), ...misspelt }, t: r.t.slice(m[0].length) };
}

/** One letter added, dropped, changed or two swapped (not the same word). */
function oneEditAway(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const rest = (x: number, y: number) => a.slice(i + x) === b.slice(i + y);
  return rest(1, 1) || rest(1, 0) || rest(0, 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(2, 2));
}

/** "## 📌 Objective", "## 🎯 Key Results": pictographs before the words decorate them. */
const PICTOGRAPHS = /^(?:\p{Extended_Pictographic}[\uFE0F\u200D]*\s*)+/u;
export const undecorated = (text: string) => text.replace(PICTOGRAPHS, '');

/** Read the shape of a line of text (already rendered as plain text). */
export function leadOf(raw: string, opts: LeadShape = {}): Lead {
  // "O1：…", "负责人：…": a full-width colon separates a label or an owner like an ASCII one.
  const text = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*：\s*/g, ': ')
    // "→ Raise 150K in grants": an arrow opening a line is a bullet, not words.
    .replace(/^[→➔➜➝▶►]\s*/, '');
  const numbered = NUMBERING.test(text);
  let r: Reading = { t: numbered ? text.replace(NUMBERING, '') : text };
  // "## 📌 Objective", "**🔑 Key Result 1.1**: …": a pictograph before a label decorates it (on a line that is not a heading,
  // only when the label has text after it: "⚡ Objective" alone there heads a column); before a title it is kept.
  const plain = undecorated(r.t);
  const label = plain !== r.t ? takeLabel({ t: plain }) : undefined;
  if (label && (opts.heading || label.t.trim())) r = { t: plain };
  for (const m of LEAD_MARKERS) r = m.take(r, opts) ?? r;
  return {
    raw: raw.trim(),
    title: r.t.replace(/\s*:\s*$/, '').trim(),
    numbered,
    ...(opts.bold ? { bold: opts.bold } : {}),
    ...(r.label ? { label: r.label } : {}),
    ...(r.owner ? { owner: r.owner } : {}),
    ...(r.priority ? { priority: r.priority } : {}),
    ...(r.outcome !== undefined ? { outcome: r.outcome } : {}),
    ...(r.score !== undefined ? { score: r.score } : {}),
    ...(r.workTag ? { workTag: r.workTag } : {}),
    ...(r.id ? { id: r.id } : {}),
    ...(r.sub ? { sub: r.sub } : {}),
    ...(r.krName ? { krName: r.krName } : {}),
    ...(r.fields ? { fields: r.fields } : {}),
    ...(r.typeTag ? { typeTag: r.typeTag } : {}),
    ...(r.ownerAtEnd ? { ownerAtEnd: true } : {}),
    // "[KR: Increase usage](…)": a labelled line whose text is a link is that line, the link its note.
    linkOnly: Boolean(opts.linkOnly) && !r.label,
    ...(opts.checked !== undefined ? { checked: opts.checked } : {}),
    ...(r.reference ? { reference: r.reference } : {}),
  };
}

/** A line's lead from its inline nodes: its text and what its emphasis and links say. */
export function leadOfNodes(
  nodes: readonly PhrasingContent[],
  render: InlineRenderer,
  extra: Pick<LeadShape, 'checked' | 'heading'> = {},
): Lead {
  const bold = emphasisOf(nodes);
  const real = nodes.filter((n) => !(n.type === 'text' && n.value.trim() === '') && n.type !== 'break');
  const first = real[0];
  const last = real.at(-1);
  const boldRun = bold === 'lead' && first && (first.type === 'strong' || first.type === 'emphasis') ? render(first.children) : undefined;
  const link = last && real.length > 1 && (last.type === 'link' || last.type === 'linkReference') ? last : undefined;
  const linkText = link ? render(link.children).trim() : '';
  const reference: Reference | undefined =
    link && TRACKER_REF.test(linkText)
      ? { text: linkText, ...(link.type === 'link' ? { url: link.url } : { identifier: link.identifier.toLowerCase() }) }
      : undefined;
  // "OKR [Reduce churn](…/work_items/12) => 61%": the word before the linked title labels the line an objective.
  const text = render(nodes);
  const okrWord = first?.type === 'text' && OKR_BEFORE_LINK.test(first.value) && real[1]?.type === 'link';
  const lead = leadOf(okrWord ? text.replace(/^\s*OKR\s*[:\-–—]?\s*/i, 'Objective: ') : text, {
    ...(bold ? { bold } : {}),
    linkOnly: isLinkOnly(nodes),
    ...extra,
    ...(boldRun ? { boldRun } : {}),
    ...(reference ? { reference } : {}),
  });
  return linkWithColumns(real, render, extra) ?? (okrWord ? { ...lead, raw: text.trim() } : lead);
}

/** "OKR " alone before a link: the label of a tracker's objective ("OKR [title](url)"). */
const OKR_BEFORE_LINK = /^\s*OKR\s*[:\-–—]?\s*$/i;

/**
 * "[Ship the cache to beta](#o0r0) leviw, ojan 0.60": a table flattened into a list — the link is
 * the line's text, the words after it its owners' handles and its score.
 */
function linkWithColumns(real: readonly PhrasingContent[], render: InlineRenderer, extra: Pick<LeadShape, 'checked'>): Lead | undefined {
  const [first, ...rest] = real;
  if (!first || first.type !== 'link' || !rest.length || !rest.every((n) => n.type === 'text')) return undefined;
  const tail = /^\s*((?:@?[a-z][\w.-]*\s*,\s*)*@?[a-z][\w.-]*)?,?\s*(0|1|0?\.\d+|1\.0+)?\s*$/.exec(
    rest
      .map((n) => (n as { value: string }).value)
      .join(' ')
      .replace(/[[\]]/g, '')
      .replace(/\s+/g, ' '),
  );
  if (!tail || (!tail[1] && !tail[2]) || (tail[1] && tail[1].split(/[\s,]+/).some((w) => STOP_WORDS.test(w)))) return undefined;
  const lead = leadOf(render(first.children), extra);
  const owner = tail[1]?.split(/\s*,\s*/)[0];
  return {
    ...lead,
    ...(owner && !lead.owner ? { owner: owner.startsWith('@') ? owner : `@${owner}` } : {}),
    ...(tail[2] ? { score: Number(tail[2]) } : {}),
  };
}

/**
 * "Move the nightly export to the new" wrapped onto "storage bucket before May": a sentence an editor
 * broke at its width is one line. A soft-wrapped line continues the one above when it starts in lower
 * case, and that line does not end a sentence or (unless it is a short label) introduce a list.
 */
export function joinWrappedSentences(p: Paragraph, leads: LeadLine[], render: InlineRenderer, checked?: boolean): LeadLine[] {
  const lines = paragraphLines(p.children);
  if (lines.length !== leads.length || lines.length < 2) return leads;
  // A line wholly in bold, owned or labelled ("**Grow revenue**") ends there: what follows is its text.
  const out: { nodes: PhrasingContent[]; line: number; endLine?: number; whole?: boolean }[] = [];
  for (const [i, l] of lines.entries()) {
    const prev = out.at(-1);
    if (prev && l.soft && !prev.whole && continues(render(prev.nodes), render(l.nodes), leads[i]!.lead)) {
      prev.nodes = [...prev.nodes, { type: 'text', value: ' ' }, ...l.nodes];
      prev.endLine = l.line;
    } else {
      const lead = leads[i]!.lead;
      out.push({ nodes: [...l.nodes], line: l.line, whole: lead.bold === 'whole' || Boolean(lead.owner || lead.label) });
    }
  }
  if (out.length === leads.length) return leads;
  return out.map(({ whole: _, ...l }, i) => ({
    ...l,
    lead: leadOfNodes(l.nodes, render, i === 0 && checked !== undefined ? { checked } : {}),
  }));
}

function continues(above: string, text: string, lead: Lead): boolean {
  const a = above.trim();
  // "… every crash reported by" ⏎ "[the fuzzer](…) is triaged": a line ending in a word that needs more.
  if (OPEN_ENDED.test(a) && !lead.label && !startsWithField(text)) return true;
  if (!/^\p{Ll}/u.test(text.trim()) || lead.label || startsWithField(text)) return false;
  if (/[.!?]$/.test(a)) return false;
  return !/:$/.test(a) || a.split(/\s+/).length <= 4;
}

const OPEN_ENDED = /\s(?:from|and|or|the|a|an|to|of|in|on|for|with|by|at|via|than|that|which|as|into|onto|is|are|be)$/i;

/** "[Ship the cache](#o1r0)" with "leviw 0.60" wrapped onto the next line: one line still. */
function joinWrappedColumns(leads: LeadLine[], render: InlineRenderer, checked?: boolean): LeadLine[] {
  const [a, b, ...rest] = leads;
  const startsWithLink = a?.nodes.find((n) => !(n.type === 'text' && !n.value.trim()))?.type === 'link';
  if (!a || !b || !startsWithLink || !b.nodes.every((n) => n.type === 'text')) return leads;
  const nodes = [...a.nodes, { type: 'text', value: ' ' } as PhrasingContent, ...b.nodes];
  const real = nodes.filter((n) => !(n.type === 'text' && n.value.trim() === '') && n.type !== 'break');
  const lead = linkWithColumns(real, render, checked !== undefined ? { checked } : {});
  return lead ? [{ line: a.line, nodes, lead }, ...rest] : leads;
}

/** Words that are prose, not handles, after a link ("[the guide](…) and more"). */
const STOP_WORDS = /^(?:and|or|the|a|an|to|of|in|on|for|with|see|via|from|by|is|are|was|at|as|this|that|more|here|etc)$/i;

/** Link texts that name a tracker item rather than say anything: "Epic 720", "Issue 8303", "#123", "MR !42", "JIRA-12". */
const TRACKER_REF =
  /^(?:(?:epic|issue|meta[- ]issue|tracking issue|milestone|ticket|mr|merge request|pr|pull request|story|task)\s*[#!]?\s*\d[\w.-]*|[#!]\d+|[A-Z][A-Z0-9]+-\d+)$/i;

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
  // "**Build a planning tool**:" is wholly bold: punctuation outside the emphasis does not count.
  const real = nodes.filter((n) => !(n.type === 'text' && /^[\s:.!,;]*$/.test(n.value)) && n.type !== 'break');
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
  /** The last source line of a line the editor wrapped (see joinWrappedSentences), when it is not `line`. */
  endLine?: number;
  lead: Lead;
  nodes: PhrasingContent[];
}

/** The lead of a paragraph's first line and the leads of its further lines. */
export function paragraphLeads(p: Paragraph, render: InlineRenderer, checked?: boolean): LeadLine[] {
  return paragraphLines(p.children).map((l, i) => ({
    line: l.line,
    nodes: l.nodes,
    lead: leadOfNodes(l.nodes, render, i === 0 && checked !== undefined ? { checked } : {}),
  }));
}

/** A list as outline items (recursively). */
export function outlineList(list: List, render: InlineRenderer): OutlineItem[] {
  return list.children.map((item) => outlineItem(item, Boolean(list.ordered), render));
}

function outlineItem(item: ListItem, ordered: boolean, render: InlineRenderer): OutlineItem {
  const [first, ...rest] = item.children;
  const checked = typeof item.checked === 'boolean' ? item.checked : undefined;
  const leads =
    first?.type === 'paragraph'
      ? joinWrappedColumns(joinWrappedSentences(first, paragraphLeads(first, render, checked), render, checked), render, checked)
      : [];
  const lead = leads[0]?.lead ?? leadOf('', checked !== undefined ? { checked } : {});
  const children: OutlineItem[] = [];
  const other: RootContent[] = [];
  for (const b of first?.type === 'paragraph' ? rest : item.children) {
    if (b.type === 'list') pushAll(children, outlineList(b, render));
    else other.push(b);
  }
  return {
    node: item,
    line: lineOf(item),
    endLine: first?.type === 'paragraph' ? endLineOf(first) : lineOf(item),
    ordered,
    lead,
    leadNodes: leads[0]?.nodes ?? [],
    ...(leads[0]?.endLine ? { leadEnd: leads[0].endLine } : {}),
    more: leads.slice(1),
    children,
    other,
  };
}

/** Every heading's section: what it holds directly, and its sub-sections. */
export function sectionsOf(root: Root, render: InlineRenderer): SectionSummary[] {
  const top: SectionSummary[] = [];
  const stack: SectionSummary[] = [];
  for (const [i, n] of root.children.entries()) {
    if (n.type === 'heading') {
      while (stack.length && stack.at(-1)!.depth >= n.depth) stack.pop();
      const s: SectionSummary = {
        heading: n,
        line: lineOf(n),
        depth: n.depth,
        lead: leadOfNodes(n.children, render, { heading: true }),
        items: [],
        sections: [],
        tables: 0,
        paragraphs: 0,
        boldLines: [],
        objectiveLines: 0,
        listLabels: [],
      };
      (stack.at(-1)?.sections ?? top).push(s);
      stack.push(s);
      continue;
    }
    const s = stack.at(-1);
    if (!s) continue;
    if (n.type === 'list') pushAll(s.items, outlineList(n, render));
    else if (n.type === 'table') s.tables++;
    else if (n.type === 'paragraph') {
      s.paragraphs++;
      const lines = paragraphLeads(n, render);
      if (lines.length === 1 && lines[0]!.lead.bold === 'whole') {
        s.boldLines.push(lines[0]!.lead.title);
        if (/[:：]\s*$/.test(lines[0]!.lead.raw) && root.children[i + 1]?.type === 'list') s.listLabels.push(lines[0]!.lead.title);
      }
      if (lines[0]?.lead.label?.kind === 'objective') s.objectiveLines++;
    }
  }
  return top;
}

/** All items of a list tree, depth first. */
export function allItems(items: readonly OutlineItem[]): OutlineItem[] {
  return items.flatMap((i) => [i, ...allItems(i.children)]);
}

/**
 * The lines of a paragraph numbered 1, 2, 3 … in order ("1.Lead time", "2. Deploys"), where Markdown saw no list
 * (no space after the dot, or the list would not start at 1): their indexes, or none.
 */
export function countedLines(lines: readonly LeadLine[]): number[] {
  const at: number[] = [];
  lines.forEach((l, i) => {
    const n = l.lead.numbered ? /^\s*(\d{1,2})[.)、．]/.exec(l.lead.raw)?.[1] : undefined;
    if (n && Number(n) === at.length + 1) at.push(i);
  });
  return at.length >= 2 ? at : [];
}

/** Words in a line, counting two Chinese or Japanese characters as one (they are written without spaces). */
export function wordCount(text: string): number {
  const han = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const rest = text
    .replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\d]/u.test(w)).length;
  return rest + Math.ceil(han / 2);
}

/** Lines that start numbering from 1 right away ("1、…", "2、…" under the line they measure). */
export const overNumbered = (lines: readonly LeadLine[]): boolean => countedLines(lines)[0] === 0;

/** A paragraph that is a list written as plain text: every line numbered, from 1 ("1、…", "2、…"). */
export function countedFromOne(p: Paragraph, render: InlineRenderer): boolean {
  const lines = paragraphLeads(p, render);
  return countedLines(lines).length === lines.length;
}
