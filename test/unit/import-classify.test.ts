// The classification stage of the Markdown importer (src/lib/import/classify/): what a heading,
// paragraph, paragraph line, table or list is, from a snapshot of its place and its shape. Each
// rule list is tried in order; these tests pin one decision per rule.
import type { PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { classifyHeading, endsBefore, headingPeriod, startsAfter, type HeadingPlace } from '../../src/lib/import/classify/headings.ts';
import type { DocProfile } from '../../src/lib/import/classify/items.ts';
import { classifyLine, classifyParagraph, type ParagraphPlace } from '../../src/lib/import/classify/paragraphs.ts';
import { countedLines } from '../../src/lib/import/outline.ts';
import {
  announcesExample,
  classifyList,
  headingRole,
  missionStatement,
  namesGoals,
  namesOkrs,
  type Role,
} from '../../src/lib/import/classify/roles.ts';
import { classifyTable, type TablePlace } from '../../src/lib/import/classify/tables.ts';
import { parseMarkdown } from '../../src/lib/import/markdown.ts';
import { leadOf, paragraphLeads, sectionsOf } from '../../src/lib/import/outline.ts';

const plain = (nodes: readonly PhrasingContent[]): string =>
  nodes.map((n) => ('value' in n ? n.value : 'children' in n ? plain(n.children) : '')).join('');
const NONE: DocProfile = { labelledObjectives: 0, labelledKrs: 0 };

/** The place of the first heading of `md`, as the reader would see it with `over` around it. */
function heading(md: string, over: Partial<HeadingPlace> = {}): HeadingPlace {
  const s = sectionsOf(parseMarkdown(md), plain)[0]!;
  return {
    text: plain(s.heading.children),
    lead: s.lead,
    line: s.line,
    summary: s,
    firstTitle: false,
    inPeriod: true,
    profile: NONE,
    ...over,
  };
}

describe('headings', () => {
  it('the first H1 is the title, even when it reads like an objective', () => {
    expect(classifyHeading(heading('# Objective 1: Ship it\n', { firstTitle: true }))).toMatchObject({ role: 'title' });
  });
  it('a labelled objective is one, and its period words are left to its title', () => {
    const c = classifyHeading(heading('### Objective 2: Win 2027 Q3 deals\n'));
    expect(c).toMatchObject({ role: 'objective', rule: 'labelled objective' });
    expect(c.period).toBeUndefined();
  });
  it('a heading naming one period carries it with its theme, whatever else it is', () => {
    expect(headingPeriod('Q1 2027 — "Revenue Engine"')).toMatchObject({ phrase: { id: '2027-Q1' }, theme: 'Revenue Engine' });
    expect(classifyHeading(heading('## Q1 2027 — "Revenue Engine"\n'))).toMatchObject({
      role: 'section',
      period: { phrase: { id: '2027-Q1' } },
    });
    expect(headingPeriod('Q1 2027 and Q2 2027')).toBeUndefined();
    // A quarter without its year takes the year known at its place, and says where it came from.
    const year = { year: 2031, fiscal: false, from: 'the file path' };
    expect(headingPeriod('Q1 Objectives (Quarter End Review)', year)).toMatchObject({
      phrase: { id: '2031-Q1' },
      yearFrom: 'the file path',
    });
    expect(headingPeriod('Q2 Objectives', { ...year, year: 22, fiscal: true })).toMatchObject({ phrase: { id: 'FY22-Q2' } });
    expect(headingPeriod('Q2 Objectives')).toBeUndefined();
    expect(headingPeriod('Q1 and Q2 Objectives', year)).toBeUndefined();
  });
  it('words name the parts of an objective', () => {
    expect(classifyHeading(heading('#### Key Results\n'))).toMatchObject({ role: 'part', part: 'key-results' });
    expect(classifyHeading(heading('#### Risks and mitigations\n'))).toMatchObject({ role: 'part', part: 'risks' });
    expect(classifyHeading(heading('## Check-ins (weekly)\n'))).toMatchObject({ role: 'part', part: 'checkins' });
    // An OKR's id before the part's name: the part of that OKR.
    expect(classifyHeading(heading("#### '2033.P1' Key Results\n"))).toMatchObject({ role: 'part', part: 'key-results' });
    expect(classifyHeading(heading('#### `2033.P1` Initiatives\n'))).toMatchObject({ role: 'part', part: 'initiatives' });
  });
  it('a section of metrics tracked is not read for objectives', () => {
    expect(classifyHeading(heading('### Key Performance Indicators (KPIs)\n'))).toMatchObject({ role: 'part', part: 'metrics' });
    expect(classifyHeading(heading('### Baseline KPI Values\n'))).toMatchObject({ role: 'part', part: 'metrics' });
    expect(classifyList({ objectiveOpen: false, within: new Set<Role>(['metrics']) })).toEqual({ read: 'notes' });
  });
  it('an OKR named by its id is a section holding the objective, not a team', () => {
    expect(classifyHeading(heading(`### OKR '2033.P1': "Make the app the start"\n`))).toMatchObject({ role: 'section' });
  });
  it('under "Initiatives" a heading is an initiative; under a bare "Key Results" a key result; else a detail', () => {
    const under = (role: 'key-results' | 'initiatives', listsItems = false) =>
      classifyHeading(heading('##### Mount the drive\n', { parent: 'Ship storage', within: { role, direct: true, listsItems } })).role;
    expect(under('initiatives')).toBe('initiative');
    expect(under('key-results')).toBe('kr');
    expect(under('key-results', true)).toBe('detail');
  });
  it('a sentence heading over a list of leaves is an objective by shape; the same words naming a period are not', () => {
    const md = '## Data transfer is fast and efficient\n\n- Move 1TB in 48 hours\n- Cut duplicates by 75%\n';
    expect(classifyHeading(heading(md))).toMatchObject({ role: 'objective', rule: 'objective by shape' });
    expect(classifyHeading(heading(md, { inPeriod: false })).role).not.toBe('objective');
  });
  it('"KR2: …" under an objective is a key result; without one it is not', () => {
    const md = '#### KR2: Cut churn to 3%\n\nMeasured monthly.\n';
    expect(classifyHeading(heading(md, { parent: 'Keep customers' }))).toMatchObject({ role: 'kr' });
    expect(classifyHeading(heading(md)).role).not.toBe('kr');
  });
  it('a heading about a later period, and everything under a retrospective, is not read as objectives', () => {
    expect(classifyHeading(heading('### 2034 goals\n\n- a\n', { enclosingPeriod: '2033-Q3' }))).toMatchObject({ part: 'beyond' });
    expect(classifyHeading(heading('### 2033 goals\n\n- a\n', { enclosingPeriod: '2033-Q3' })).role).not.toBe('part');
    expect(classifyHeading(heading('## Retrospective\n'))).toMatchObject({ part: 'retrospective' });
    expect(classifyHeading(heading('### Storage\n\n* GOOD\n', { inRetrospective: true }))).toMatchObject({ part: 'retrospective' });
    expect([
      startsAfter('2020', '2019-Q4'),
      startsAfter('2019-Q4', '2019'),
      startsAfter('FY35', 'FY34-Q4'),
      startsAfter('FY35', '2034'),
    ]).toEqual([true, false, true, false]);
  });
  it('a heading about an earlier period (a review of last quarter), and what is under it, is not read as objectives', () => {
    const year = { year: 2033, fiscal: false, from: 'the file path' };
    const review = '## Q2 Objectives (Quarter-End Review)\n\n### [Objective] Ship it (0.5)\n';
    expect(classifyHeading(heading(review, { enclosingPeriod: '2033-Q3', year }))).toMatchObject({ part: 'earlier' });
    expect(classifyHeading(heading(review, { enclosingPeriod: '2033-Q2', year })).role).not.toBe('part');
    expect(classifyHeading(heading('### [Objective] Ship it (0.5)\n', { inEarlier: true }))).toMatchObject({ part: 'earlier' });
    expect([
      endsBefore('2033-Q1', '2033-Q2'),
      endsBefore('2033-Q2', '2033-Q2'),
      endsBefore('2032', '2033-Q1'),
      endsBefore('2033-Q4', '2033'),
      endsBefore('FY33-Q1', '2033-Q2'),
    ]).toEqual([true, false, true, false, false]);
  });
  it('a lead-in naming an example and ending in a colon announces made-up OKRs; a list it announces is notes', () => {
    expect(
      ['Using a made-up example:', 'Each month, compare. For example:', 'For instance:', 'Our examples are below.', 'Key results:'].map(
        announcesExample,
      ),
    ).toEqual([true, true, true, false, false]);
    expect(classifyList({ announced: 'examples', objectiveOpen: false, within: new Set() })).toEqual({ read: 'notes' });
  });
  it('a short heading beside sibling headings that are objectives is one too; a KR-labelled heading never is by its words', () => {
    const root = sectionsOf(parseMarkdown('## A\n\n### Improve stability of the engine\n\n- x\n\n### Online updates\n\n- y\n'), plain)[0]!;
    const stability = root.sections[0];
    expect(classifyHeading(heading('### Online updates\n\n- y\n', { siblings: [stability!] }))).toMatchObject({
      role: 'objective',
      rule: 'like its sibling objectives',
    });
    expect(classifyHeading(heading('### Online updates\n\n- y\n', { siblings: [] })).role).toBe('team');
    expect(classifyHeading(heading('#### KR2: Cut churn to 3%\n')).role).not.toBe('objective');
  });
  it('a short name is a team; a long sentence that is no objective is a section', () => {
    expect(classifyHeading(heading('## 3. Product Team OKRs\n'))).toMatchObject({ role: 'team', team: 'Product Team' });
    expect(classifyHeading(heading('## Notes on how we plan our quarters together\n'))).toMatchObject({ role: 'section' });
  });
});

function paragraph(md: string, over: Partial<ParagraphPlace> = {}): ParagraphPlace {
  const root = parseMarkdown(md);
  const p = root.children[0];
  if (p?.type !== 'paragraph') throw new Error('not a paragraph');
  return {
    lines: paragraphLeads(p, plain),
    text: plain(p.children),
    listFollows: root.children[1]?.type === 'list',
    objectiveOpen: false,
    profile: NONE,
    ...over,
  };
}

describe('paragraphs', () => {
  it('a bold line over a list, or over "KR:" lines, opens an objective', () => {
    expect(classifyParagraph(paragraph('**Make onboarding painless**\n\n- Cut setup to 5 minutes\n'))).toMatchObject({
      role: 'objective',
      evidence: { guess: true },
    });
    expect(classifyParagraph(paragraph('**Make onboarding painless**  \nKR: Cut setup to 5 minutes\n'))).toMatchObject({
      role: 'objective',
      evidence: { guess: false },
    });
    // Not where objectives are labelled (there it is a label over the list), and not a question.
    const labelled = { profile: { labelledObjectives: 2, labelledKrs: 0 } };
    expect(classifyParagraph(paragraph('**Make onboarding painless**\n\n- x\n', labelled)).role).toBe('label over list');
    expect(classifyParagraph(paragraph('**What matters most?**\n\n- x\n')).role).not.toBe('objective');
    expect(classifyParagraph(paragraph('**Key risks**\n\n- x\n'))).toMatchObject({ role: 'label over list', part: 'risks' });
    // A labelled objective whose label is emphasised opens one even with no list after it.
    expect(classifyParagraph(paragraph('*Objective:* Publish the card rules\n'))).toMatchObject({ role: 'objective' });
    expect(classifyParagraph(paragraph('Objective: publish the card rules\n')).role).not.toBe('objective');
  });
  it('a sentence about when the period runs offers its dates; declined, the later rules decide', () => {
    const p = paragraph('This quarter runs from May 1, 2019 to July 31, 2019.');
    const c = classifyParagraph(p);
    expect(c).toMatchObject({ role: 'dates' });
    expect(classifyParagraph(p, c.index + 1)).toMatchObject({ role: 'lines' });
    expect(classifyParagraph(paragraph('This quarter runs from May 1 to July 31.', { objectiveOpen: true })).role).toBe('lines');
  });
  it('an introduction ending "objectives:" and a short bold label announce the list after them', () => {
    expect(classifyParagraph(paragraph("Here is a summary of this team's objectives:\n\n- a\n"))).toMatchObject({
      role: 'objectives intro',
    });
    expect(classifyParagraph(paragraph('**Key risks:**\n\n- a\n'))).toMatchObject({ role: 'label over list', part: 'risks' });
    expect(classifyParagraph(paragraph('**Not included:**\n\n- a\n'))).toMatchObject({ role: 'label over list', label: 'Not included' });
  });
  it('plain lines numbered 1, 2, 3 in one paragraph are key results under an open objective or its label', () => {
    const text = 'KRs:\n1.Cut turnaround to 40 minutes\ne.g. at the scale\n2. Fewer trucks wait\n';
    expect(countedLines(paragraph(text).lines)).toEqual([1, 3]);
    expect(countedLines(paragraph('Costs fell by 2.\n3. Then rose.\n').lines)).toEqual([]);
    expect(classifyParagraph(paragraph(text, { objectiveOpen: true }))).toMatchObject({ role: 'numbered lines', numbered: [1, 3] });
    expect(classifyParagraph(paragraph(text)).role).not.toBe('numbered lines');
    expect(classifyParagraph(paragraph('Objective 3:\nSpeed: Leave sooner\n1.Turnaround\n2.Queue\n')).role).toBe('numbered lines');
  });
  it('a "Mission:" line over a key-result table, no objective open, states the objective the table measures', () => {
    expect(classifyParagraph(paragraph('**Mission: Every courier is paid the same day**\n', { krTableSoon: true }))).toMatchObject({
      role: 'mission',
      title: 'Every courier is paid the same day',
    });
    expect(classifyParagraph(paragraph('**使命：让每位骑手当天收款**\n', { krTableSoon: true }))).toMatchObject({
      title: '让每位骑手当天收款',
    });
    expect(classifyParagraph(paragraph('Mission: Every courier is paid the same day\n')).role).not.toBe('mission');
    expect(classifyParagraph(paragraph('Mission: Pay couriers\n', { krTableSoon: true, objectiveOpen: true })).role).not.toBe('mission');
    expect(missionStatement('Our mission: be there')).toBe('be there');
    expect(missionStatement('Missions completed: 3 of 4')).toBeUndefined();
  });
  it('lines: a "KR:" line under an objective, a field, a lone sentence under a bare "Key Results" heading, else text', () => {
    const line = leadLine('KR: Cut setup to 5 minutes');
    const base = { field: false, objectiveOpen: true, inDetail: false, underBareKrHeading: false };
    expect(classifyLine({ ...base, line })).toMatchObject({ role: 'kr' });
    expect(classifyLine({ ...base, line, inDetail: true }).role).toBe('text');
    expect(classifyLine({ ...base, line: leadLine('Owner: Ana'), field: true })).toMatchObject({ role: 'field' });
    const sentence = { ...base, line: leadLine('The editor shipped to everyone.'), underBareKrHeading: true };
    expect(classifyLine(sentence)).toMatchObject({ role: 'kr' });
    expect(classifyLine({ ...sentence, line: leadLine('By order of priority,') }).role).toBe('text');
  });
  it('a line ranked and graded before its text is a key result under an objective, not a "P0:" field', () => {
    const base = { field: true, objectiveOpen: true, inDetail: false, underBareKrHeading: false };
    for (const text of ['P0: 1.0: Land the changes in the main build', 'P1/2: 0.5: Run a webinar'])
      expect(classifyLine({ ...base, line: leadLine(text) })).toMatchObject({ role: 'kr', rule: 'ranked and graded line' });
    expect(leadOf('P1/2: 0.5: Run a webinar')).toMatchObject({ priority: 'P1', score: 0.5, title: 'Run a webinar' });
    expect(classifyLine({ ...base, line: leadLine('P0: 1.0: Land it'), objectiveOpen: false }).role).not.toBe('kr');
  });
});

const leadLine = (text: string) => ({ line: 1, lead: leadOf(text), nodes: [] });

function table(header: string[], rows: string[][], over: Partial<TablePlace> = {}): TablePlace {
  return {
    norm: header.map((h) => h.toLowerCase()),
    rows: rows.map((cells) => ({ cells, boldFirst: cells[0]?.startsWith('**') ?? false })),
    objectiveOpen: false,
    ...over,
  };
}

describe('tables', () => {
  it('key-result columns in any order; an Objective column makes a flat OKR table', () => {
    expect(classifyTable(table(['Target', 'Key Result', 'Current'], [['5', 'x', '2']]))).toMatchObject({ role: 'key results' });
    expect(classifyTable(table(['Objective', 'Key result', 'Owner'], [['a', 'b', 'c']]))).toMatchObject({
      role: 'flat okr',
      objectiveColumn: 0,
    });
    expect(classifyTable(table(['KR', 'Owner'], [['x', 'y']])).role).toBe('unknown');
    expect(classifyTable(table(['KR', 'Owner'], [['x', 'y']], { objectiveOpen: true })).role).toBe('key results');
  });
  it('records by their header: dependencies, risks, a schedule, a grading scale, change history, document control', () => {
    expect(classifyTable(table(['Dependent OKR', 'Depends on'], [])).role).toBe('dependencies');
    expect(classifyTable(table(['Risk', 'Likelihood', 'Mitigation'], [])).role).toBe('risks');
    expect(classifyTable(table(['Date', 'Type'], [])).role).toBe('schedule');
    expect(classifyTable(table(['Score', 'Meaning'], [])).role).toBe('grading');
    expect(classifyTable(table(['Date', 'Author', 'Changes'], [])).role).toBe('changes');
    expect(classifyTable(table(['Field', 'Value'], [])).role).toBe('document control');
  });
  it('a bold row alone in its first cell makes a scoring sheet, outside any objective', () => {
    const sheet = table(
      ['Priority', 'Owner', 'End Q'],
      [
        ['**1 Finish the base**', '', ''],
        ['Do x', 'ana', '0.5'],
      ],
    );
    sheet.rows = [{ cells: ['1 Finish the base', '', ''], boldFirst: true }, sheet.rows[1]!];
    expect(classifyTable(sheet).role).toBe('scoring sheet');
    expect(classifyTable({ ...sheet, objectiveOpen: true }).role).toBe('unknown');
  });
  it('rows marked "↳" under an unmarked row make an outline, with or without an objective open', () => {
    const rows = [
      ['Keep fit', '50%'],
      ['↳ Swim 40 lengths a week', '60%'],
      ['└─ Cycle 100 km a month', '20%'],
    ];
    expect(classifyTable(table(['OKR', 'Done'], rows)).role).toBe('outline');
    expect(classifyTable(table(['OKR', 'Done'], rows, { objectiveOpen: true })).role).toBe('outline');
    // A marked first row, or fewer children than heads, is not an outline.
    expect(classifyTable(table(['OKR', 'Done'], rows.slice(1))).role).toBe('unknown');
    expect(classifyTable(table(['OKR', 'Done'], [rows[0]!, ['Eat well', ''], ['Sleep more', ''], rows[1]!])).role).toBe('unknown');
    expect(classifyTable(table(['OKR', 'Done'], rows, { notesSection: 'retrospective' })).role).toBe('notes');
  });
});

describe('lists', () => {
  const list = (announced: Role | undefined, within: Role[] = [], objectiveOpen = true) =>
    classifyList({ ...(announced ? { announced } : {}), objectiveOpen, within: new Set(within) });
  it('reports every item of a list under a later period or a retrospective', () => {
    expect(list(undefined, ['beyond'])).toEqual({ read: 'notes' });
    expect(list('key-results', ['retrospective'])).toEqual({ read: 'notes' });
  });
  it('reads a list by what announced it and where it stands', () => {
    expect(list('goals')).toEqual({ read: 'goals' });
    expect(list('generic')).toEqual({ read: 'by shape' });
    expect(list(undefined, ['detail'])).toEqual({ read: 'by shape' });
    expect(list('risks')).toEqual({ read: 'records', part: 'risks' });
    expect(list(undefined, ['stage-gates'])).toEqual({ read: 'records', part: 'stage-gates' });
    expect(list(undefined, ['dependencies'], false)).toEqual({ read: 'records', part: 'dependencies' });
    expect(list('key-results')).toEqual({ read: 'items', krList: true });
    expect(list(undefined, ['objective'])).toEqual({ read: 'items', krList: false });
  });
});

describe('words that name a part', () => {
  it('"Objectives :" names goals; "Overall Key Results" names key results; a team\'s "Product Key Results" does not', () => {
    expect(namesGoals('Objectives :')).toBe(true);
    expect(namesGoals('Shared Objectives')).toBe(true);
    expect(headingRole('Overall Key Results')).toBe('key-results');
    expect(headingRole('Shared key results:')).toBe('key-results');
    expect(headingRole('Product Key Results')).toBeUndefined();
  });
  it('explainers of the method are process sections', () => {
    expect(headingRole('What is Key Result')).toBe('process');
    expect(headingRole('What is an Objective')).toBe('process');
    expect(headingRole('Key Result v.s. Initiative')).toBe('process');
    expect(headingRole('Output vs outcome')).toBe('process');
    expect(headingRole('How we set OKRs')).toBe('process');
    expect(headingRole('Why we use OKRs')).toBe('process');
    expect(headingRole('How to propose a goal')).toBe('process');
    // A plan's own heading is not one.
    expect(headingRole('How We Grow')).toBeUndefined();
  });
  it('a label naming the OKRs of a section', () => {
    for (const l of ['OKRs', 'OKR’s', '2036 OKRs:', '2036 OKRs (to be confirmed by the board):', 'Q3 OKRs'])
      expect(namesOkrs(l)).toBe(true);
    for (const l of ['Our OKRs for the year are ambitious.', 'Other plans', 'OKR review', 'Key results:']) expect(namesOkrs(l)).toBe(false);
  });
});

describe('headings written for a static site', () => {
  it("drops an id or class after a heading's text", () => {
    const root = parseMarkdown('## **Objective 1 - Run the fair** {#objective-1}\n\n### Notes {: .lead}\n\n### Cost {is high}\n');
    const texts = root.children.map((h) =>
      h.type === 'heading' ? h.children.map((c) => ('value' in c ? c.value : c.type === 'strong' ? 'S' : '')).join('') : '',
    );
    expect(texts).toEqual(['S', 'Notes', 'Cost {is high}']);
  });
});

describe('a theme before the objective label', () => {
  it('"Funding Objective - …" is labelled, its theme dropped; "Possible objective: …" and "Each Objective: …" are not', () => {
    expect(leadOf('Funding Objective - Secure the roof money.')).toMatchObject({
      label: { kind: 'objective' },
      title: 'Secure the roof money.',
    });
    expect(leadOf('Possible objective: "Open on Sundays"').label).toBeUndefined();
    expect(leadOf('Each Objective: has three key results at most.').label).toBeUndefined();
  });
});
