// Stage 2 of reading Markdown: what each list item is — objective, key result or a note — from
// its place and shape first, its words second. Each rule is a small function that either decides
// with its evidence or passes; the first rule that decides wins. A decision from weak evidence is
// a guess, and the import report lists it with what was assumed.
import type { PhrasingContent } from 'mdast';
import { ROLE_WORDS } from '../names.ts';
import { countedLines, overNumbered, type Lead, type OutlineItem } from '../outline.ts';
import { announcesExample, headingRole } from './roles.ts';

export interface DocProfile {
  /** How many lines label themselves as objectives ("Objective 1:", "O2:", "OBJECTIVE:"). */
  labelledObjectives: number;
  /** How many lines label themselves as key results ("KR:", "KR2:", "CEO KR:"). */
  labelledKrs: number;
  /** How many top-level list items have items nested under them (the shape of an objective over its key results). */
  nestedItems?: number;
  /** How many top-level items wholly in bold have items nested under them ("- __Ship the editor__" over its key results). */
  boldNestedItems?: number;
  /** How many top-level list items label themselves as key results ("1. **CTO KR**: …" right under an objective's heading). */
  topLevelKrs?: number;
  /** How many short plain lines stand alone right above a list ("Alpha release of the app (7/10)" over its key results). */
  plainLeads?: number;
  /** How many lines are ranked and graded before their text ("P1 (BP) 0.7 Draft the spec", "P0: 1.0: Ship it"). */
  rankedLines?: number;
}

export interface Classified {
  role: 'objective' | 'kr' | 'note';
  /** Why, in words the report can show ("bold numbered item with 3 nested items"). */
  evidence: string;
  /** True when the evidence is weak: the report lists the decision as a guess. */
  guess: boolean;
  /** A note whose nested items are notes too (a retrospective's "GOOD" / "BAD" / "TRY"). */
  notesBelow?: boolean;
  /** A note on the key result it is nested under ("**Next Steps:** …"): its text goes into that key result's note. */
  ofKr?: boolean;
  /** A key result whose nested lines complete it ("… including:" over them): they go into its note. */
  detailsBelow?: boolean;
}

export interface ItemContext {
  profile: DocProfile;
  /** The item's title repeats an objective already read that has no key results yet ("1. Get fitter" under "Objectives"). */
  restatesObjective?: boolean;
  /** An objective is open here (a heading, a bold line or the parent item). */
  objective: boolean;
  /** Under a "Key Results" heading or a "Key results:" label. */
  krList: boolean;
  /** The open objective lists its key results under its own "Key Results" heading, not here. */
  krsElsewhere?: boolean;
  /** Under a heading that names goals or objectives ("Goals", "Our objectives"). */
  goalsSection: boolean;
  /** Under a heading named "Objectives" ("### Objectives", "Yearly objectives"): the word the labels use, not "Goals". */
  objectivesHeading?: boolean;
  /** The open objective is a heading's, and this list sits right under it (not under a nested item). */
  underHeadingObjective?: boolean;
  /** The parent item is a key result. */
  underKr: boolean;
  /** The parent item is an objective written wholly in bold, with no owner: bold under it is emphasis, not rank. */
  underBoldObjective?: boolean;
  /** The parent item is an objective ending with a colon ("Ship the first adapters for:"): its items complete it, links too. */
  enumerated?: boolean;
  /** Directly under a team section ("### Product:"), with no objective open. */
  teamSection?: boolean;
  /** The other items of the same list. */
  siblings: readonly OutlineItem[];
  /** The open objective's key results were listed under its "Key Results:" label, and this list is not that one. */
  krsListed?: boolean;
  /**
   * A sibling states a field of what the list is under ("Status: …", "Progress: …", "Target: …"):
   * the list reports on that key result or objective, and its bold-labelled items are notes.
   */
  reportBeside?: boolean;
}

const nested = (item: OutlineItem) => item.children.filter((c) => !c.lead.linkOnly).length;

/** "P1 (BP) 0.7 Draft the spec": a priority and a score written before the text, the way a sheet of key results is kept. */
export const ranked = (l: Lead) => Boolean(l.priority) && l.score !== undefined;
/** A document that ranks and grades its key results line by line does so for three or more. */
const ranksItsKrs = (p: DocProfile) => (p.rankedLines ?? 0) >= 3;

/** Count the labels a document uses, to know whether unlabelled shapes need more evidence. */
export function profileOf(leads: readonly Lead[], topItems: readonly OutlineItem[] = [], plainLeads = 0): DocProfile {
  return {
    plainLeads,
    // "CTO Objective 1: …" in an example does not make the document one that labels its objectives.
    labelledObjectives: leads.filter((l) => l.label?.kind === 'objective' && !l.label.owned).length,
    labelledKrs: leads.filter((l) => l.label?.kind === 'kr').length,
    nestedItems: topItems.filter((i) => nested(i) > 0 && i.lead.label?.kind !== 'kr').length,
    boldNestedItems: topItems.filter((i) => nested(i) > 0 && i.lead.bold === 'whole' && i.lead.label?.kind !== 'kr').length,
    topLevelKrs: topItems.filter((i) => i.lead.label?.kind === 'kr').length,
    rankedLines: leads.filter(ranked).length,
  };
}

type ItemRule = (item: OutlineItem, ctx: ItemContext) => Classified | undefined;

const decided = (role: Classified['role'], evidence: string, guess = false): Classified => ({ role, evidence, guess });
const shapeOf = (i: OutlineItem) => `${i.ordered}|${i.lead.bold ?? ''}|${nested(i) > 0}`;
const describe = (i: OutlineItem) =>
  [i.lead.bold ? 'bold' : '', i.ordered || i.lead.numbered ? 'numbered' : '', 'item', i.lead.owner ? `owned by "${i.lead.owner}"` : '']
    .filter(Boolean)
    .join(' ');

const plainText = (nodes: readonly PhrasingContent[]): string =>
  nodes.map((n) => ('value' in n ? n.value : 'children' in n ? plainText(n.children) : '')).join('');

/**
 * The label of an item written as a bold label — "**Next Steps:** …", "**Results**: …",
 * "**Status: ACHIEVED ✅**", "**Evaluation Results (on 200 records):**" — without its colon; else
 * undefined. A label is short: a few words, a remark in parentheses aside.
 */
export function boldLabelOf(item: Pick<OutlineItem, 'leadNodes'>): string | undefined {
  const real = item.leadNodes.filter((n) => !(n.type === 'text' && n.value.trim() === '') && n.type !== 'break');
  const first = real[0];
  if (first?.type !== 'strong') return undefined;
  const inside = plainText(first.children).trim();
  const after = real[1];
  let label: string | undefined;
  if (/:$/.test(inside)) label = inside.slice(0, -1);
  else if (after?.type === 'text' && /^\s*:/.test(after.value)) label = inside;
  else if (real.length === 1) label = /^([^:]{1,60}):\s*\S/.exec(inside)?.[1];
  const bare = label?.replace(/\s*\([^)]*\)\s*$/, '').trim();
  return bare && /^\p{Lu}/u.test(bare) && bare.split(/\s+/).length <= 5 ? label!.trim() : undefined;
}

/** Whether a bold label says nothing after it ("**Rule-Based Strengths:**" over its own lines). */
const labelOnly = (i: OutlineItem) => /:\s*$/.test(i.lead.raw);

/** Labels of a retrospective's lists. */
export const RETROSPECTIVE =
  /^(?:good|bad|try|keep|stop|start|wins?|losses|went well|what went well|what (?:didn['’]?t|did not) go well|(?:things )?to improve|lessons learned|learnings?|challenges|highlights|lowlights|retro(?:spective)?)[:.]?$/i;

/** The rules for list items, in the order they are tried. A new shape is a new rule here. */
export const ITEM_RULES: readonly { name: string; rule: ItemRule }[] = [
  {
    // "- [`csv-adapter`](…)" under "Ship the first adapters for:": a thing the objective names, linked; elsewhere a link is a reference.
    name: 'link',
    rule: (i, c) =>
      i.lead.linkOnly && !nested(i) && !(c.enumerated && c.objective) ? decided('note', 'a link, not an OKR line') : undefined,
  },
  { name: 'empty', rule: (i) => (!i.lead.title && !i.lead.label && !nested(i) ? decided('note', 'an empty item') : undefined) },
  {
    // "- **Initiatives**" over the work, "- Risks:" over risks: a label naming a part of the objective, not a goal.
    name: 'label naming a part',
    rule: (i) => {
      // "P1 (BP) 0.0 Material on dependency management" is ranked and graded work, not a label.
      const role = i.lead.label || ranked(i.lead) ? undefined : headingRole(i.lead.title.replace(/:\s*$/, ''));
      return role && role !== 'key-results' && (nested(i) || i.other.length)
        ? { ...decided('note', `a label naming the ${role}, not a goal`), notesBelow: true }
        : undefined;
    },
  },
  {
    // "- Score each month on its own. For example:" over made-up numbers: the lines under it illustrate, they set no goal.
    name: 'example announced',
    rule: (i) =>
      !i.lead.label && nested(i) && announcesExample(i.lead.raw)
        ? { ...decided('note', 'a line introducing an example, not a goal'), notesBelow: true }
        : undefined,
  },
  // "**More ideas?**", "Should we vote on it?": a question asks; it sets no goal. A goal may end by asking
  // what it means ("Agree the offer - what do we sell?"): its first words are not the question's.
  {
    name: 'question',
    rule: (i) =>
      /\?\s*$/.test(i.lead.title) && !i.lead.label && !nested(i) && !/\s[-–—:]\s/.test(i.lead.title)
        ? decided('note', 'a question, not a goal')
        : undefined,
  },
  {
    // "* GOOD" / "* BAD" / "* TRY" over what happened: a retrospective, not objectives and key results.
    name: 'retrospective',
    rule: (i, c) =>
      [i, ...c.siblings].some((s) => RETROSPECTIVE.test(s.lead.title))
        ? { ...decided('note', 'a retrospective, not an OKR'), notesBelow: true }
        : undefined,
  },
  {
    // "- **Objective**: Where do we want to go?" beside "- **Key Result**: How will we know?": the terms defined, not OKRs.
    name: 'labels defined by questions',
    rule: (i, c) => {
      const question = (x: OutlineItem) => !nested(x) && !x.more.length && /\?\s*$/.test(x.lead.title);
      if (i.lead.label?.kind !== 'objective' || !question(i)) return undefined;
      const pair = c.siblings.some((s) => s !== i && s.lead.label?.kind === 'kr' && question(s));
      return pair ? decided('note', 'a label defined by a question beside the other label defined so: what the terms mean') : undefined;
    },
  },
  {
    name: 'labelled objective',
    rule: (i) =>
      i.lead.label?.kind === 'objective'
        ? decided('objective', `labelled "Objective"${i.lead.owner ? `, owner "${i.lead.owner}"` : ''}`)
        : undefined,
  },
  {
    name: 'title over "KR:" lines',
    rule: (i) => {
      const krs = i.more.filter((m) => m.lead.label?.kind === 'kr').length;
      return krs && !i.lead.label
        ? decided('objective', `${describe(i)} over ${krs} "KR:" line${krs === 1 ? '' : 's'} joined by line breaks`)
        : undefined;
    },
  },
  {
    name: 'labelled key result',
    rule: (i) => (i.lead.label?.kind === 'kr' ? decided('kr', `labelled "${i.lead.owner ? `${i.lead.owner} KR` : 'KR'}"`) : undefined),
  },
  {
    // "- [Activity] Facilitate a hackathon" beside "- [Key Result] …": the work, not a measure of it.
    name: 'tagged as work',
    rule: (i) =>
      i.lead.workTag && !i.lead.label
        ? decided('note', `tagged "[${i.lead.workTag}]": work toward the objective, not a key result`)
        : undefined,
  },
  {
    // "- [x] AI: Pushed unfinished tasks to Q2" beside "- [Key Result] …" lines: an action item of the review.
    name: 'action item beside labelled key results',
    rule: (i, c) =>
      i.lead.checked !== undefined &&
      !i.lead.label &&
      c.profile.labelledKrs > 0 &&
      c.siblings.some((s) => s !== i && (s.lead.label?.kind === 'kr' || s.lead.checked === undefined))
        ? { ...decided('note', 'a task item beside labelled key results: an action item, not a key result'), notesBelow: true }
        : undefined,
  },
  {
    // "- **Final Score**" over a table, "- **Tracking Notes**" over remarks, after the objective's "**Key
    // Results:**" list: a bold label naming another part of the objective; it and its lines are notes.
    name: 'bold label after the listed key results',
    rule: (i, c) =>
      c.krsListed && !c.krList && !c.underKr && !i.lead.label && i.lead.bold === 'whole'
        ? {
            ...decided('note', "a bold label after the objective's listed key results: another part of it, not a key result"),
            notesBelow: true,
          }
        : undefined,
  },
  {
    name: 'key results list',
    rule: (i, c) => (c.krList && !nested(i) ? decided('kr', 'an item of a "Key results" list') : undefined),
  },
  {
    name: 'sibling of a labelled objective',
    rule: (i, c) => {
      const twin = c.siblings.find((s) => s !== i && s.lead.label?.kind === 'objective' && shapeOf(s) === shapeOf(i));
      return twin && !i.lead.label
        ? decided('objective', `same shape as its sibling at line ${twin.line}, a labelled objective (${describe(i)})`)
        : undefined;
    },
  },
  {
    // "**Next Steps:** …", "**Evaluation Results:**" over lines, beside "**Status: ACHIEVED ✅**" under a key
    // result: what is said about it, not an objective that contributes to it. A bold label over lines
    // that names no role ("**Strengths:**") is one too; "**CRO:** …" with key results under it stays an owner's objective.
    name: 'bold-labelled note on a key result',
    rule: (i, c) => {
      const label = c.underKr && !i.lead.label ? boldLabelOf(i) : undefined;
      if (!label || i.children.some((ch) => ch.lead.label)) return undefined;
      if (c.reportBeside) return { ...decided('note', `"${label}:" beside the key result's own fields: a note on it`), ofKr: true };
      if (labelOnly(i) && nested(i) && !ROLE_WORDS.test(label))
        return { ...decided('note', `"${label}:" over lines under a key result: a note on it`), ofKr: true };
      return undefined;
    },
  },
  {
    name: 'objective under a key result',
    rule: (i, c) => {
      if (!c.underKr) return undefined;
      // "P1 (GC) 0.8 Draft the naming proposal" under a key result ranked the same way: a step of it, not an objective.
      if (ranked(i.lead) && !i.lead.bold && !i.lead.label)
        return { ...decided('note', 'a ranked and graded line under a key result: a step of it, not an objective'), notesBelow: true };
      // "`Ana` : `0.75`" under a key result: a person's share of it (or score), with no words to be a goal.
      if (i.lead.owner && !nested(i) && !/\p{L}/u.test(i.lead.title))
        return decided('note', `"${i.lead.owner}" and a number under a key result: a share of it, not an objective`);
      // "How to measure this is still TBD. Would likely include:" over lines: an explanation of the key result.
      if (!i.lead.bold && !i.lead.owner && !i.lead.label && /:\s*$/.test(i.lead.raw))
        return { ...decided('note', 'a line under a key result introducing the lines under it'), notesBelow: true };
      // "**CRO:** Sell more" under "CEO KR: …" contributes to it; "10 recorded (Max)" is the key result's own detail.
      if (i.lead.bold || (i.lead.owner && !i.lead.ownerAtEnd))
        return decided('objective', `${describe(i)} under a key result: an objective that contributes to it`);
      // Plain steps under a key result, with their own sub-steps: the work toward it, not objectives.
      if (nested(i)) return { ...decided('note', 'a line under a key result, with steps under it'), notesBelow: true };
      return decided('note', 'a line under a key result');
    },
  },
  {
    // "**Next Steps:** … Key points will include:" over lines, beside the objective's "Status:": a report on
    // the objective, not a sub-objective or a key result; the lines under it are its notes.
    name: 'bold-labelled report beside a status',
    rule: (i, c) =>
      c.objective && !c.underKr && !c.krList && c.reportBeside && nested(i) && !i.lead.label && boldLabelOf(i)
        ? { ...decided('note', `"${boldLabelOf(i)!}:" beside the objective's status: a report on it, not an objective`), notesBelow: true }
        : undefined,
  },
  {
    // "Plan the summer trip, including:" or "Describe 3 funding methods" over a numbered list of options,
    // among the objective's key results: one key result whose nested lines detail it, not a sub-objective.
    name: 'key result with its details',
    rule: (i, c) => {
      if (!(c.objective || c.krList) || c.underKr || !nested(i) || i.lead.bold || i.lead.owner || i.lead.label) return undefined;
      const plainLeaves = i.children.every((ch) => !nested(ch) && !ch.lead.bold && !ch.lead.owner && !ch.lead.label);
      if (!plainLeaves) return undefined;
      // A sentence ending in a colon ("… including:"), not a bare label ("Notes:", "Open questions:").
      const intro = /:\s*$/.test(i.lead.raw) && i.lead.title.split(/\s+/).length >= 4;
      const options = i.children.every((ch) => ch.ordered) && c.siblings.every((s) => s === i || !nested(s));
      if (!intro && !options) return undefined;
      const weak = c.profile.labelledKrs > 0 || !intro;
      const why = intro ? 'introducing the lines under it' : 'over a numbered list of options';
      return { ...decided('kr', `${describe(i)} ${why}: a key result with its details`, weak), detailsBelow: true };
    },
  },
  {
    // "### Key Results" with no objective open, over "1. Grow the club" over its own items, each item of the list
    // so, restating an objective listed above ("### Objectives" ⏎ "1. Grow the club"): that objective's key results.
    name: 'objective over its key results in a key results list',
    rule: (i, c) =>
      c.krList && !c.objective && !c.underKr && c.restatesObjective && c.siblings.every((s) => nested(s)) && i.lead.label?.kind !== 'kr'
        ? decided('objective', `${describe(i)} in a "Key results" list, restating an objective listed above, over items of its own`)
        : undefined,
  },
  {
    // "_Key results:_" over "- Events" over "- 10 recorded & tracked (Max)": under a key-results label, an item
    // with lines under it is a key result whose lines detail it (unless it is an owner's bold goal).
    name: 'key result with details in a key results list',
    rule: (i, c) =>
      c.krList && nested(i) && !c.underKr && !i.lead.label && !(i.lead.owner && i.lead.bold)
        ? decided('kr', `${describe(i)} in a "Key results" list, with lines under it`, true)
        : undefined,
  },
  {
    // Where key results are ranked and graded line by line ("P0 (GC) 1.0 Build the demo"), an item written that
    // way beside them is one too, its nested lines its details; an unranked item among them ("Unplanned (JM): …",
    // "Side projects:") is not: a note, and a label grouping the ranked lines under it when they are.
    name: 'among ranked and graded key results',
    rule: (i, c) => {
      if (!c.objective || c.underKr || c.krList || i.lead.label || !ranksItsKrs(c.profile)) return undefined;
      const others = c.siblings.filter((s) => s !== i && ranked(s.lead));
      if (!others.length) return undefined;
      if (ranked(i.lead))
        return nested(i) ? decided('kr', 'ranked and graded like the key results beside it, with its details under it', true) : undefined;
      if (i.lead.priority || i.lead.score !== undefined) return undefined;
      const groups = i.children.some((ch) => ranked(ch.lead));
      return groups
        ? decided('note', 'an unranked label over ranked and graded key results: their group, not an objective')
        : { ...decided('note', 'an unranked line among ranked and graded key results: not one of them'), notesBelow: true };
    },
  },
  {
    name: 'item with nested items',
    rule: (i, c) => {
      const n = nested(i);
      if (!n) return undefined;
      // Where the key results are labelled items standing at the top of their lists (their objectives are the
      // headings or lines above them), an unlabelled item over others outside any objective is not one.
      if (!c.objective && !i.lead.label && krsAtTop(c.profile)) return undefined;
      // A document that labels its objectives needs more than nesting to call an unlabelled item one.
      if (c.profile.labelledObjectives && !i.lead.bold) return undefined;
      // "- **Build the merit system**" under "- **Build a reward system**", no owners: bold all the way down is emphasis.
      if (c.objective && c.underBoldObjective && !i.lead.owner && !i.lead.label)
        return decided('kr', `${describe(i)} under a bold objective without owners: a key result with notes under it`, true);
      // Among plain siblings under an objective, nested lines are notes on a key result, not a sub-objective.
      // An owner on a prioritised row ("P1 (BP) 0.7 …") marks a key result's, not a sub-objective's.
      if (c.objective && (!i.lead.owner || i.lead.priority) && i.lead.bold !== 'whole') {
        const leaves = c.siblings.filter((s) => !nested(s)).length;
        // Right under an objective's heading, an item over plain lines (no owners, no labels) is a key result with notes.
        const plainBelow = i.children.every((ch) => !ch.lead.owner && !ch.lead.label && !ch.lead.bold);
        if (leaves * 2 > c.siblings.length)
          return decided(
            'kr',
            `${describe(i)} among ${leaves} plain sibling${leaves === 1 ? '' : 's'} under an objective: a key result with notes under it`,
            true,
          );
        if (c.underHeadingObjective && plainBelow)
          return decided(
            'kr',
            `${describe(i)} right under its objective's heading, over plain lines: a key result with notes under it`,
            true,
          );
      }
      return decided('objective', `${describe(i)} with ${n} nested item${n === 1 ? '' : 's'}`);
    },
  },
  {
    name: 'owner goal where key results are labelled',
    rule: (i, c) => {
      // "CEO KR: …" lines are the key results here; "CTO: Run the platform for less." beside them is the CTO's own goal.
      if (!c.objective || nested(i) || !i.lead.owner || i.lead.label || c.profile.labelledKrs === 0 || c.profile.labelledObjectives)
        return undefined;
      return decided('objective', `${describe(i)}, unlabelled where key results are labelled "KR"`, true);
    },
  },
  {
    name: 'leaf under an objective',
    rule: (i, c) => {
      if (!c.objective || nested(i)) return undefined;
      if (c.krsElsewhere) return decided('note', 'a line about the objective, whose key results are under its "Key Results" heading');
      // The document labels its key results ("KR: …") and this line does not: still the objective's, but a guess.
      const weak = c.profile.labelledKrs > 0;
      return decided('kr', `${describe(i)} under an objective${weak ? ', though unlabelled where others say "KR"' : ''}`, weak);
    },
  },
  {
    // "### Product:" over "- Launch the hosted playground": where other sections list objectives as
    // items over their key results, a plain item of a team section is an objective without them.
    name: 'goal of a team section',
    rule: (i, c) =>
      !c.objective &&
      !nested(i) &&
      c.teamSection &&
      (c.profile.nestedItems ?? 0) >= 2 &&
      !c.profile.labelledObjectives &&
      !i.lead.label &&
      !(i.lead.bold !== 'whole' && boldObjectives(c.profile)) &&
      !krsAtTop(c.profile)
        ? decided(
            'objective',
            `${describe(i)} of a team section, where the document lists objectives as items over their key results`,
            true,
          )
        : undefined,
  },
  {
    // "- Make the editor fast⏎1、Open any file in 1 s⏎2、…": the item's own lines, numbered
    // from 1 where Markdown saw no list, are the key results of the objective it states.
    name: 'line over its numbered lines',
    rule: (i, c) =>
      !c.objective && !nested(i) && !i.lead.label && overNumbered(i.more)
        ? decided('objective', `${describe(i)} over ${countedLines(i.more).length} lines numbered from 1`, true)
        : undefined,
  },
  {
    name: 'goal without an objective',
    rule: (i, c) => {
      if (c.objective || nested(i)) return undefined;
      // "Objective 1: …" elsewhere, then plain items under "### Objectives": the heading names them as the labels do.
      if (c.objectivesHeading && c.profile.labelledObjectives && !i.lead.label)
        return decided('objective', `${describe(i)} under a heading named "Objectives", in a document labelling its objectives so`, true);
      if (c.profile.labelledObjectives && !i.lead.bold) return undefined;
      // Where the key results are labelled items right under their objectives, the objectives are not items.
      if (krsAtTop(c.profile) && !i.lead.label) return undefined;
      // Where the document labels its objectives, a "User Goals" list beside them is not more of them.
      // Nor, where it writes them in bold over their key results, a plain list under a heading that names goals.
      if (c.goalsSection && !c.profile.labelledObjectives && !(i.lead.bold !== 'whole' && boldObjectives(c.profile)))
        return decided('objective', `${describe(i)} under a heading that names goals`, true);
      if (i.lead.owner && !c.profile.labelledObjectives)
        return decided('objective', `${describe(i)}: an owner's goal with no key results listed`, true);
      if (i.lead.bold === 'whole' && !c.profile.labelledObjectives)
        return decided('objective', `${describe(i)} outside any objective`, true);
      return undefined;
    },
  },
];

/** The document writes its objectives as items wholly in bold over their key results: most items with items under them are bold. */
const boldObjectives = (p: DocProfile) => (p.boldNestedItems ?? 0) >= 2 && (p.boldNestedItems ?? 0) * 2 > (p.nestedItems ?? 0);

/** The document's key results are labelled top-level items (most of its labelled ones): its objectives are not list items. */
const krsAtTop = (p: DocProfile) => (p.topLevelKrs ?? 0) >= 2 && (p.topLevelKrs ?? 0) * 2 > p.labelledKrs;

/** What a list item is. Falls back to a note (reported, never dropped). */
export function classifyItem(item: OutlineItem, ctx: ItemContext): Classified {
  for (const { rule } of ITEM_RULES) {
    const c = rule(item, ctx);
    if (c) return c;
  }
  return decided('note', `${describe(item)} that is neither an objective nor a key result here`);
}
