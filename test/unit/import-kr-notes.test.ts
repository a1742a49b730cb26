// What is nested under and beside key results (src/lib/import/classify/items.ts, read/fields.ts):
// bold-labelled status and notes under a key result, field bullets right after it, and details that
// complete it — read as the key result's own, never as sub-objectives or more key results.
import { describe, expect, it } from 'vitest';
import { boldLabelOf, classifyItem, type ItemContext } from '../../src/lib/import/classify/items.ts';
import { classifyParagraph, type ParagraphPlace } from '../../src/lib/import/classify/paragraphs.ts';
import { isKrOnlyLabel, isStatusLabel, labelledLine } from '../../src/lib/import/read/fields.ts';
import { parseMarkdown, type InlineContext } from '../../src/lib/import/markdown.ts';
import { paragraphLeads } from '../../src/lib/import/outline.ts';
import { itemContext, items, NONE, plain } from './import-items-helpers.ts';

const ctx = (over: Partial<ItemContext> = {}): ItemContext => itemContext({ objective: true, ...over });
const INLINE: InlineContext = { definitions: new Map(), redactions: new Map(), usedDefinitions: new Set() };

describe('bold labels', () => {
  it('reads the label of "**Label:** …", "**Label**: …", "**Label: value**" and a label alone', () => {
    const [a, b, c, d, e, f] = items(
      [
        '- **Next Steps:** Port the code',
        '- **Results**: 2 ms per call',
        '- **Status: ACHIEVED ✅**',
        '- **Results by Sensor (on 250 readings):**',
        '- **Ship the new pump** by June',
        '- **a very long bold lead that goes on and on:** text',
      ].join('\n'),
    );
    expect([a, b, c, d].map((i) => boldLabelOf(i!))).toEqual(['Next Steps', 'Results', 'Status', 'Results by Sensor (on 250 readings)']);
    expect(boldLabelOf(e!)).toBeUndefined();
    expect(boldLabelOf(f!)).toBeUndefined();
  });
  it('reads a field written wholly in bold, and says so', () => {
    const [s, n] = items('- **Status: PARTIALLY ACHIEVED 🟠**\n- Measure: Quiz scores\n');
    expect(labelledLine(s!.leadNodes, INLINE)).toMatchObject({
      label: 'Status',
      value: { text: 'PARTIALLY ACHIEVED 🟠' },
      wholeBold: true,
    });
    expect(labelledLine(n!.leadNodes, INLINE)).toMatchObject({ label: 'Measure', value: { text: 'Quiz scores' } });
    expect(labelledLine(n!.leadNodes, INLINE)?.wholeBold).toBeUndefined();
  });
  it('tells fields only key results have from status labels', () => {
    expect(['Target', 'Measure', 'Baseline', 'Due'].every(isKrOnlyLabel)).toBe(true);
    expect(['Status', 'Owner', 'Tracking support'].some(isKrOnlyLabel)).toBe(false);
    expect(['Status', 'Progress'].every(isStatusLabel)).toBe(true);
    expect(isStatusLabel('Next Steps')).toBe(false);
  });
});

describe('under a key result', () => {
  it('a bold-labelled line beside its fields is a note on it, not an objective', () => {
    const [kr] = items('- **KR1: Collect 1,500 readings**\n    - **Status: ACHIEVED ✅**\n    - **Next Steps:** Write it up\n');
    const under = kr!.children;
    expect(classifyItem(under[1]!, ctx({ underKr: true, siblings: under, reportBeside: true }))).toMatchObject({
      role: 'note',
      ofKr: true,
    });
    // Without the fields beside it, a bold owner with a sentence stays an owner's objective (owner trees).
    expect(classifyItem(under[1]!, ctx({ underKr: true, siblings: under }))).toMatchObject({ role: 'objective' });
  });
  it('a bold label alone over lines is a note unless it names a role', () => {
    const [kr] = items('- KR: Compare the methods\n  - **Strengths:**\n    - Easy to explain\n  - **CRO:**\n    - Close 5 deals\n');
    const [strengths, cro] = kr!.children;
    expect(classifyItem(strengths!, ctx({ underKr: true }))).toMatchObject({ role: 'note', ofKr: true });
    expect(classifyItem(cro!, ctx({ underKr: true })).role).toBe('objective');
  });
});

describe('beside an objective', () => {
  it('a bold-labelled report over lines beside its status is notes', () => {
    const list = items('- **Status: NOT STARTED ⚪**\n- **Next Steps:** Write the report. It will cover:\n  - **Choice:** which method\n');
    expect(classifyItem(list[1]!, ctx({ siblings: list, reportBeside: true }))).toMatchObject({ role: 'note', notesBelow: true });
    expect(classifyItem(list[1]!, ctx({ siblings: list })).role).not.toBe('note');
  });
  it('a key result ending in "including:", or over numbered options, is one key result with its details', () => {
    const [trip] = items('- Plan and run a spring cycling trip including:\n  - 2 towns\n  - 1 rest day\n');
    expect(classifyItem(trip!, ctx({ krList: true, siblings: [trip!] }))).toMatchObject({ role: 'kr', detailsBelow: true, guess: false });
    const list = items('- Describe 3 ways to fund it\n  1. Classes\n  1. A grant\n- Hold 10 calls\n');
    expect(classifyItem(list[0]!, ctx({ siblings: list }))).toMatchObject({ role: 'kr', detailsBelow: true, guess: true });
    // A bare label over lines ("Notes:") is not a key result's statement.
    const [notes] = items('- Open questions:\n  - who pays\n');
    expect(classifyItem(notes!, ctx({ siblings: [notes!] })).detailsBelow).toBeUndefined();
  });
});

describe('under a "Key Results" heading', () => {
  const place = (md: string, over: Partial<ParagraphPlace> = {}): ParagraphPlace => {
    const p = parseMarkdown(md).children[0];
    if (p?.type !== 'paragraph') throw new Error('not a paragraph');
    return { lines: paragraphLeads(p, plain), text: plain(p.children), listFollows: true, objectiveOpen: true, profile: NONE, ...over };
  };
  it('a bold line over a list is a group of key results, not an objective', () => {
    expect(classifyParagraph(place('**Mornings with the children**', { underKrHeading: true }))).toMatchObject({
      rule: 'group of key results',
      role: 'label over list',
      part: 'key-results',
      label: 'Mornings with the children',
    });
    // A bold line naming a part is that part's label.
    expect(classifyParagraph(place('**Initiatives**', { underKrHeading: true }))).toMatchObject({ part: 'initiatives' });
    // Elsewhere the same line still opens an objective.
    expect(classifyParagraph(place('**Mornings with the children**')).role).toBe('objective');
  });
});
