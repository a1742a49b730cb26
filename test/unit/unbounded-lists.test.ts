// Lists of any length: no step spreads one into a call's arguments (past ~100,000 items that
// overflows the stack), a file's problems are listed up to a limit and the rest counted, and text
// printed to a terminal shows control characters instead of obeying them.
import { describe, expect, it } from 'vitest';
import { krProgressChart } from '../../src/lib/charts.ts';
import { capPerFile, fileIssue, formatPretty, MAX_ISSUES_PER_FILE, type ContentIssue } from '../../src/lib/errors.ts';
import { maxOf, minOf } from '../../src/lib/extremes.ts';
import { printable } from '../../src/lib/printable.ts';

const MANY = 200_000;

describe('lists of any length', () => {
  it('minOf and maxOf take any number of values, as Math.min and Math.max do for a few', () => {
    const xs = Array.from({ length: MANY }, (_, i) => (i * 7919) % MANY);
    expect([minOf(xs), maxOf(xs)]).toEqual([0, MANY - 1]);
    expect([minOf([]), maxOf([])]).toEqual([Infinity, -Infinity]);
    expect(minOf([1, NaN])).toBeNaN();
  });

  it("a key result's chart takes 150,000 readings", () => {
    const readings = Array.from({ length: 150_000 }, (_, i) => ({ date: '2030-02-01', value: i % 100 }));
    const chart = krProgressChart({
      title: 'KR1',
      period: { start: '2030-01-01', end: '2030-03-31' },
      today: '2030-02-15',
      from: 0,
      target: 50,
      expectedAt: () => 0.5,
      readings,
    });
    expect(chart.series[0]!.points).toHaveLength(150_001); // and the baseline
  });

  it("a file's problems are listed up to the limit, then one line counts the rest", () => {
    const issues: ContentIssue[] = [
      ...Array.from({ length: MAX_ISSUES_PER_FILE + 250 }, (_, i) => ({ ...fileIssue('a.yaml', `problem ${i}`), line: i + 1 })),
      fileIssue('b.yaml', 'one problem', 'fix it', 'warning'),
    ];
    const capped = capPerFile(issues);
    expect(capped).toHaveLength(MAX_ISSUES_PER_FILE + 2);
    const more = capped[MAX_ISSUES_PER_FILE]!;
    expect(more).toMatchObject({ file: 'a.yaml', line: MAX_ISSUES_PER_FILE, severity: 'error' });
    expect(more.message).toBe('… and 250 more in this file, not listed (250 errors)');
    expect(capped.at(-1)!.message).toBe('one problem');
    // The count line stays after the last problem listed when the output is sorted again.
    const lines = formatPretty(capped).split('\n');
    expect(lines.findIndex((l) => l.startsWith('a.yaml:100:0 error … and 250 more'))).toBe(
      lines.findIndex((l) => l.startsWith('b.yaml')) - 2,
    );
  });
});

describe('control characters on a terminal', () => {
  it('are written out, tab and line feed kept', () => {
    expect(printable('a\x1b[2Jb\x00c\x9bd\te\nf')).toBe('a\\u{1b}[2Jb\\u{0}c\\u{9b}d\te\nf');
    const out = formatPretty([{ ...fileIssue('x\x1b.yaml', "unknown field '\x1b[31mred'", 'remove \x07 it'), line: 1, column: 1 }]);
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(out).toContain("x\\u{1b}.yaml:1:1 error unknown field '\\u{1b}[31mred'");
  });
});
