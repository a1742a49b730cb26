// The outline and classification stages of the Markdown importer (src/lib/import/outline.ts,
// classify/items.ts, classify/headings.ts): shapes of lead lines, and what list items and headings are by place and shape.
import { describe, expect, it } from 'vitest';
import { objectiveByShape } from '../../src/lib/import/classify/headings.ts';
import { classifyItem, profileOf } from '../../src/lib/import/classify/items.ts';
import { parseMarkdown } from '../../src/lib/import/markdown.ts';
import { leadOf, paragraphLeads, sectionsOf } from '../../src/lib/import/outline.ts';
import { itemContext, items, NONE, plain } from './import-items-helpers.ts';

const ctx = itemContext;

describe('lead lines', () => {
  const lineOf = (md: string) => {
    const p = parseMarkdown(md).children[0];
    if (p?.type !== 'paragraph') throw new Error('not a paragraph');
    return paragraphLeads(p, plain)[0]!.lead;
  };
  it('reads "OKR" alone before a linked title as the objective label, not as words of the title', () => {
    expect(lineOf('OKR [Keep the on-call load fair](https://t.example/w/420) => 30%')).toMatchObject({
      label: { kind: 'objective' },
      title: 'Keep the on-call load fair',
      raw: 'OKR Keep the on-call load fair => 30%',
    });
    expect(lineOf('OKR status is reviewed weekly').label).toBeUndefined();
  });
  it("reads a goal's kind written before it or in brackets after it, not as an owner", () => {
    expect(lineOf('STRETCH: Reach 1000 readers')).toMatchObject({ typeTag: 'aspirational', title: 'Reach 1000 readers' });
    expect(lineOf('Learning goal: Find out why trials stall')).toMatchObject({ typeTag: 'learning', title: 'Find out why trials stall' });
    expect(lineOf('Reach 1000 readers [stretch]')).toMatchObject({ typeTag: 'aspirational', title: 'Reach 1000 readers' });
    expect(lineOf('Reach 1000 readers [stretch]').owner).toBeUndefined();
    // "Learning:" alone labels a section's lines, not a kind.
    expect(lineOf('Learning: how readers find us').typeTag).toBeUndefined();
  });
  it('reads "(0.0 → 1.0)" ending a line as its baseline and target, and "CODE KR 1.2:" as a labelled key result', () => {
    expect(lineOf('Calendar shows every event (0.0 → 1.0)')).toMatchObject({
      title: 'Calendar shows every event',
      fields: [
        { label: 'Baseline', value: '0.0' },
        { label: 'Target', value: '1.0' },
      ],
    });
    expect(lineOf('LCW KR 1.2: Sign-up takes 2 minutes')).toMatchObject({ owner: 'LCW', label: { kind: 'kr', n: '1.2' } });
  });
  it('takes a bold role without a colon as the owner, and a tracker link at the end off the title', () => {
    expect(lineOf('**Senior Director, People** 5,000 certifications taken [Epic 38](https://e.x/38)')).toMatchObject({
      owner: 'Senior Director, People',
      title: '5,000 certifications taken',
      reference: { text: 'Epic 38', url: 'https://e.x/38' },
    });
    // A bold word that names no role stays in the title; a list of references stays too.
    expect(lineOf('**Increase** revenue by 10%').owner).toBeUndefined();
    expect(lineOf('Done in two steps: [MR1](https://e.x/1), [MR2](https://e.x/2)').title).toBe('Done in two steps: MR1, MR2');
    expect(lineOf('Got some nice [praise](https://e.x/p)').title).toBe('Got some nice praise');
    expect(leadOf('Chief Technology Officer:: Expand the team.')).toMatchObject({
      owner: 'Chief Technology Officer',
      title: 'Expand the team.',
    });
  });
  it('takes numbering, labels, owners and outcomes off the title', () => {
    expect(leadOf('1. CEO: Grow recurring revenue. => 60.5%')).toMatchObject({
      numbered: true,
      owner: 'CEO',
      outcome: '60.5%',
      title: 'Grow recurring revenue.',
    });
    expect(leadOf('Objective 2: Ship it')).toMatchObject({ label: { kind: 'objective', n: '2' }, title: 'Ship it' });
    expect(leadOf('Data team KR: Cut query time ==> done')).toMatchObject({ owner: 'Data team', label: { kind: 'kr' }, outcome: 'done' });
    // Objectives ranked by their ids: not one labelled objective.
    expect(leadOf('O1 Installs > O2 Content > O5 Referrals').label).toBeUndefined();
    expect(leadOf('O1: Grow (see O2)').label).toMatchObject({ kind: 'objective', n: '1' });
    // An organisation's numbered objective: its name is the owner, the rest a labelled objective.
    expect(leadOf('ACME Objective 2: Faster payouts.')).toMatchObject({
      owner: 'ACME',
      label: { kind: 'objective', n: '2' },
      title: 'Faster payouts.',
    });
    expect(leadOf('Run 5 user tests --> 3 conducted')).toMatchObject({ title: 'Run 5 user tests', outcome: '3 conducted' });
    // Labels in brackets are labels, not handles; other bracket tags name work, not goals.
    expect(leadOf('[Objective] Ship it')).toMatchObject({ label: { kind: 'objective' }, title: 'Ship it' });
    expect(leadOf('[Key Result] Close 3 deals')).toMatchObject({ label: { kind: 'kr' }, title: 'Close 3 deals' });
    expect(leadOf('[KeyResult] Close 3 deals').owner).toBeUndefined();
    expect(leadOf('[Activity] Run a workshop')).toMatchObject({ workTag: 'activity', title: 'Run a workshop' });
    expect(leadOf('[Activity] Run a workshop').owner).toBeUndefined();
    expect(leadOf('[momack2] Form 3 teams')).toMatchObject({ owner: '@momack2', title: 'Form 3 teams' });
  });
  it('reads a label misspelt by one letter as that label, keeping the spelling for the report', () => {
    expect(leadOf('[Ket Result] Hold 3 meetups')).toMatchObject({ label: { kind: 'kr', misspelt: 'Ket Result' }, title: 'Hold 3 meetups' });
    expect(leadOf('Objetive 2: Grow')).toMatchObject({ label: { kind: 'objective', n: '2', misspelt: 'Objetive' }, title: 'Grow' });
    expect(leadOf('Key Resutl: 10 users')).toMatchObject({ label: { kind: 'kr' }, title: '10 users' });
    expect(leadOf('[Objectve] Faster').owner).toBeUndefined();
    expect(leadOf('KR-1: Ship')).toMatchObject({ label: { kind: 'kr', n: '1' }, title: 'Ship' });
    expect(leadOf('Keyresult 3 - Ship').label).toEqual({ kind: 'kr', n: '3' });
    // Other words are not labels, however close: a plural heading word, an owner, a field.
    expect(leadOf('Objectives: foo').label).toBeUndefined();
    expect(leadOf('Key Results: foo').label).toBeUndefined();
    expect(leadOf('Object: foo').label).toBeUndefined();
    expect(leadOf('Kernel: upgrade to 6.1').label).toBeUndefined();
  });
  it('does not read a field label or a sentence before a colon as an owner', () => {
    expect(leadOf('Owner: Dana').owner).toBeUndefined();
    expect(leadOf('Strategic OKR achievement: >80% of key results').owner).toBeUndefined();
    expect(leadOf('We will do this: ship').owner).toBeUndefined();
  });
  it('reads "O2" alone as an objective label and "1.2 …" as numbered under objective 1, not a decimal', () => {
    expect(leadOf('O2')).toMatchObject({ label: { kind: 'objective', n: '2' }, title: '' });
    expect(leadOf('1.2 250 people join the study')).toMatchObject({ sub: { of: '1', n: '1.2' }, title: '250 people join the study' });
    expect(leadOf('2.5 million downloads').sub).toBeUndefined();
  });
});

describe('list items', () => {
  it('joins a line an editor wrapped, but not onto a bold, owned or labelled line', () => {
    const [w] = items('- Move the nightly export to the new\n  storage bucket before May\n');
    expect(w!.lead.title).toBe('Move the nightly export to the new storage bucket before May');
    expect(w!.leadEnd).toBe(2);
    const [b] = items('- **Grow revenue**\n  raise monthly revenue to 10k\n');
    expect(b!.lead.title).toBe('Grow revenue');
    expect(b!.more.map((m) => m.lead.title)).toEqual(['raise monthly revenue to 10k']);
  });
  it('an item with nested items is an objective and its leaves are key results', () => {
    const [o] = items('1. **Bring search to big companies**\n   - Land 3 logos\n   - Ship SSO\n');
    expect(classifyItem(o!, ctx())).toMatchObject({ role: 'objective', guess: false });
    expect(classifyItem(o!.children[0]!, ctx({ objective: true }))).toMatchObject({ role: 'kr' });
  });
  it('a sibling shaped like a labelled objective is one too', () => {
    const list = items('1. **OBJECTIVE: One**\n   - KR: a\n1. **Two, unlabelled**\n   - KR: b\n');
    const profile = profileOf(list.flatMap((i) => [i.lead, ...i.children.map((c) => c.lead)]));
    expect(classifyItem(list[1]!, ctx({ profile, siblings: list }))).toMatchObject({ role: 'objective' });
    expect(classifyItem(list[1]!, ctx({ profile, siblings: list })).evidence).toMatch(/same shape as its sibling at line 1/);
  });
  it('a plain item under a heading named "Objectives" is one, where the document labels its objectives', () => {
    const [aim] = items('- Move the archive to the new site.\n');
    const labelled = { labelledObjectives: 2, labelledKrs: 3 };
    expect(classifyItem(aim!, ctx({ profile: labelled, goalsSection: true, objectivesHeading: true }))).toMatchObject({
      role: 'objective',
      guess: true,
    });
    expect(classifyItem(aim!, ctx({ profile: labelled, goalsSection: true })).role).toBe('note');
    // "ACME Objective 1:" names another organisation's objective: it does not make the document a labelling one.
    expect(profileOf([leadOf('ACME Objective 1: Better care'), leadOf('Objective 2: Faster')]).labelledObjectives).toBe(1);
  });
  it('"Objective: a question?" beside "Key Result: a question?" defines the terms: not an objective', () => {
    const list = items('- **Objective** : What do we want?\n- **Key Result** : How will we know?\n');
    expect(classifyItem(list[0]!, ctx({ siblings: list }))).toMatchObject({ role: 'note' });
    const real = items('- **Objective** : What do we want?\n  - KR: Ask 10 users\n');
    expect(classifyItem(real[0]!, ctx({ siblings: real }))).toMatchObject({ role: 'objective' });
  });
  it('links and tables of contents are notes, never objectives', () => {
    const [toc] = items('- [Goals](#goals)\n');
    expect(classifyItem(toc!, ctx({ objective: true }))).toMatchObject({ role: 'note' });
    // A link whose text carries a label is that labelled line.
    const [kr] = items('- [KR: Raise weekly use](https://tracker.example/1)\n');
    expect(kr!.lead).toMatchObject({ linkOnly: false, label: { kind: 'kr' }, title: 'Raise weekly use' });
    expect(classifyItem(kr!, ctx({ objective: true }))).toMatchObject({ role: 'kr' });
  });
  it('plain items under a Goals heading are objectives, as a guess', () => {
    const [g] = items('1. Make onboarding painless\n');
    expect(classifyItem(g!, ctx({ goalsSection: true }))).toMatchObject({ role: 'objective', guess: true });
    expect(classifyItem(g!, ctx())).toMatchObject({ role: 'note' });
    // Not where the document labels its objectives elsewhere.
    const labelled = { labelledObjectives: 2, labelledKrs: 0 };
    expect(classifyItem(g!, ctx({ goalsSection: true, profile: labelled }))).toMatchObject({ role: 'note' });
  });
  it('a retrospective list is notes; a plain item of a team section is an objective where other sections list objectives as items', () => {
    const retro = items('* GOOD\n  * Shipped on time\n* BAD\n  * Slow reviews\n');
    expect(classifyItem(retro[0]!, ctx({ siblings: retro }))).toMatchObject({ role: 'note', notesBelow: true });
    const [plainItem] = items('* Launch the hosted controller\n');
    const listing = { ...NONE, nestedItems: 3 };
    expect(classifyItem(plainItem!, ctx({ teamSection: true, profile: listing }))).toMatchObject({ role: 'objective', guess: true });
    expect(classifyItem(plainItem!, ctx({ teamSection: true })).role).toBe('note');
  });
  it('under a key result, an owned or nested item is an objective that contributes to it', () => {
    const [kr] = items('1. CEO KR: Pipeline ahead of plan\n    1. **CRO: Build pipeline**\n        1. CRO KR: 2x coverage\n');
    expect(classifyItem(kr!, ctx({ objective: true }))).toMatchObject({ role: 'kr' });
    expect(classifyItem(kr!.children[0]!, ctx({ objective: true, underKr: true }))).toMatchObject({ role: 'objective' });
  });
  it('under a key result, a name and a number alone are a share of it, not an objective', () => {
    const [kr] = items('1. `Run 3 open evenings`\n    * `Lars` : `0.6`\n    * Priya: 40%\n');
    for (const share of kr!.children)
      expect(classifyItem(share, ctx({ objective: true, underKr: true }))).toMatchObject({ role: 'note', guess: false });
  });
  it('where key results are ranked and graded, a ranked item with steps is one; an unranked one is a note or a group label', () => {
    const list = items(
      [
        '* P1 (LT) 1.0 Close the ballot comments',
        '* P0 (OD) 1.0 Agree the proposal',
        '    * P1 (OD) 0.8 Naming of namespaces',
        '* Side projects:',
        '    * P3 (OD) 0.0 Move the validator',
        '* Unplanned (LT): Reading group',
        '    * Weekly sessions',
        '',
      ].join('\n'),
    );
    const profile = { ...NONE, rankedLines: 4 };
    const at = (i: number) => classifyItem(list[i]!, ctx({ objective: true, profile, siblings: list }));
    expect(at(1)).toMatchObject({ role: 'kr', guess: true });
    expect(classifyItem(list[1]!.children[0]!, ctx({ objective: true, underKr: true, profile }))).toMatchObject({ role: 'note' });
    expect(at(2)).toMatchObject({ role: 'note' });
    expect(at(2).notesBelow).toBeFalsy();
    expect(at(3)).toMatchObject({ role: 'note', notesBelow: true });
    // A document that does not rank its key results this way reads the same items by their nesting.
    expect(classifyItem(list[3]!, ctx({ objective: true, siblings: list })).role).not.toBe('note');
  });
  it("a bold label after the objective's listed key results is another part of it, with its lines", () => {
    const [label] = items('- **Review Notes**\n    1. `KR#3: the quote came late`\n');
    expect(classifyItem(label!, ctx({ objective: true, krsListed: true }))).toMatchObject({ role: 'note', notesBelow: true });
    // Before the key results are listed, the same shape is still read by its nesting.
    expect(classifyItem(label!, ctx({ objective: true })).role).not.toBe('note');
  });
});

describe('headings', () => {
  const sections = (md: string) => sectionsOf(parseMarkdown(md), plain);
  it('where key results are labelled top-level items, an item outside any objective is not one', () => {
    const krs = items('1. **VP KR**: Forecast storage\n1. **VP KR**: Keep spare compute\n');
    const profile = profileOf(
      krs.map((i) => i.lead),
      krs,
    );
    expect(profile).toMatchObject({ labelledKrs: 2, topLevelKrs: 2 });
    const [step] = items('1. Ask for approval.\n    - Directors review with the VP\n');
    expect(classifyItem(step!, ctx())).toMatchObject({ role: 'objective' });
    expect(classifyItem(step!, ctx({ profile })).role).not.toBe('objective');
    const [field] = items('1. Title: leave the quarter out.\n');
    expect(classifyItem(field!, ctx({ profile: { ...profile, nestedItems: 2 }, teamSection: true })).role).not.toBe('objective');
  });
  it('where objectives are bold items over their key results, a sentence heading is not one by its words', () => {
    const list = items(
      '- __Make releases dull__\n    - 200 UI tests\n- __Start fast__\n    - Cold start under 900 ms\n- Plain over\n    - a line\n',
    );
    const profile = profileOf([], list);
    expect(profile).toMatchObject({ nestedItems: 3, boldNestedItems: 2 });
    const [s] = sections('## Keep the review concise and kind\n\n- Fit the change on one screen\n');
    expect(objectiveByShape(s!, { profile: NONE, inPeriod: true })).toMatchObject({ role: 'objective' });
    expect(objectiveByShape(s!, { profile, inPeriod: true })).toBeUndefined();
    const [plainItem] = items('- Fit the change on one screen\n');
    expect(classifyItem(plainItem!, ctx({ profile: { ...NONE, nestedItems: 3 }, teamSection: true }))).toMatchObject({ role: 'objective' });
    expect(classifyItem(plainItem!, ctx({ profile, teamSection: true })).role).not.toBe('objective');
  });
  it('a sentence heading over a list of leaves is an objective; a short name is not', () => {
    const [s] = sections('## Data transfer is fast and efficient\n\n- Move 1TB in 48 hours\n- Cut duplicates by 75%\n');
    expect(objectiveByShape(s!, { profile: NONE, inPeriod: true })).toMatchObject({ role: 'objective' });
    const [t] = sections('## Marketing\n\n- Something\n');
    expect(objectiveByShape(t!, { profile: NONE, inPeriod: true })).toBeUndefined();
    const [n] = sections('## Notes on how we plan\n\n- Something\n- Other\n');
    expect(objectiveByShape(n!, { profile: NONE, inPeriod: true })).toBeUndefined();
  });
  it('a grade in parentheses ending a line is its score; other numbers in parentheses are words', () => {
    expect(leadOf('Improve code quality -- (0.9)')).toMatchObject({ score: 0.9, title: 'Improve code quality' });
    expect(leadOf('[Key Result] User guide ( 0.8 )')).toMatchObject({ score: 0.8, title: 'User guide' });
    expect(leadOf('Litmus concepts (1)')).toMatchObject({ score: 1, title: 'Litmus concepts' });
    expect(leadOf('Hire engineers (2)').score).toBeUndefined();
    expect(leadOf('Ship v2 (0.9 beta)').score).toBeUndefined();
  });
  it('a heading owned by someone ("### 1. CEO: Revenue") is an objective', () => {
    const [s] = sections('### 1. CEO: Revenue\n\n1. VP Sales: Pipeline\n    1. Sales: 3x\n');
    expect(objectiveByShape(s!, { profile: NONE, inPeriod: true })).toMatchObject({ role: 'objective' });
  });
});
