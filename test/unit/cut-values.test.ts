// okr check's warning for a plain value cut short by " #" (src/lib/load/cut-values.ts).
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cutValues } from '../../src/lib/load/cut-values.ts';

describe('a plain value cut short by " #"', () => {
  it('is reported where the comment starts, with its field and the text that was kept', () => {
    const text = 'objectives:\n  - id: a\n    description: This is our #1 priority.\n    title: Grow #2\n    tags:\n      - Ship it #now\n';
    // What YAML makes of it: the warning is about a real loss.
    expect(parse(text).objectives[0].description).toBe('This is our');
    expect(cutValues('f.yaml', text, 1)).toEqual([
      {
        file: 'f.yaml',
        line: 4,
        column: 30,
        path: 'objectives[0].description',
        message: `'description' ends at "This is our": " #1 priority." is read as a YAML comment`,
        hint: 'put the whole value in quotes: "This is our #1 priority."',
        severity: 'warning',
      },
      expect.objectContaining({
        line: 5,
        column: 17,
        path: 'objectives[0].title',
        message: `'title' ends at "Grow": " #2" is read as a YAML comment`,
      }),
      expect.objectContaining({
        line: 7,
        path: 'objectives[0].tags[0]',
        message: `the value ends at "Ship it": " #now" is read as a YAML comment`,
      }),
    ]);
    expect(text.split('\n')[2]!.slice(30 - 1)).toMatch(/^#1/);
  });

  it('leaves alone comments written as comments, quoted and block text, numbers, dates and ids', () => {
    const text = [
      'classification: internal # the seed is marked CONFIDENTIAL',
      'title: "Resolve a #rfh issue"',
      "note: 'our #1'",
      'link: https://example.com/page#section',
      'description: |',
      '  Our #1 goal: ship',
      '  kept: as text #too',
      'steps:',
      '  - |',
      '    Step 1: ship #2',
      'tagged: !!str |',
      '  Ours #3',
      'quoted: "one',
      '  #1 in market"',
      'target: 100 #stretch',
      'start: 2025-01-01 #kickoff',
      'id: kr1 #old',
      'after: fine',
    ].join('\n');
    expect(cutValues('f.yaml', text)).toEqual([]);
  });

  it('reports nothing for text YAML cannot read (the parser reports that)', () => {
    expect(cutValues('f.yaml', 'a: [unclosed #x\n')).toEqual([]);
  });
});
