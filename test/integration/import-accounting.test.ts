// Nothing an import reads is dropped silently: every line of every fixture, variant and seed that
// could carry content is either placed in the content (a record or a field) or has its own report
// entry — checked line by line. A line no rule read would be reported as "not read"; none may be.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocuments } from '../../src/lib/import/index.ts';
import { account } from '../../src/lib/import/summary.ts';
import type { ReportEntry } from '../../src/lib/import/types.ts';
import { ROOT } from '../helpers.ts';

const FIX = join(ROOT, 'test/fixtures/import');
const SEEDS = join(ROOT, '../shared/seeds');
const docs = [
  ...['shapes', 'variants', 'seeds'].flatMap((dir) =>
    readdirSync(join(FIX, dir))
      .filter((f) => /\.(?:md|ya?ml)$/.test(f))
      .map((f) => join(FIX, dir, f)),
  ),
  ...(existsSync(SEEDS) ? readdirSync(SEEDS).map((f) => join(SEEDS, f)) : []),
];

/** Lines that carry nothing: blank, rules, a table's separator or empty row, code fences, a disclosure's bare <details> tags. */
const carriesNothing = (l: string) =>
  /^\s*(?:$|[-*_](?:\s*[-*_]){2,}\s*$|\|[\s|:-]*\|?\s*$|```|~~~|(?:<\/?(?:details|table|thead|tbody|tfoot|tr|div)\b[^>]*>\s*)+$)/.test(l);

function linesOf(entries: readonly ReportEntry[], kinds: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const e of entries) if (kinds.includes(e.kind)) for (let n = e.line; n <= (e.endLine ?? e.line); n++) out.add(n);
  return out;
}

describe.each(docs.map((d) => [d.slice(ROOT.length + 1).replace(/^\.\.\//, ''), d]))('%s', (_, path) => {
  const text = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
  const expect_ = /\.(?:md|ya?ml)$/.test(path) ? path.replace(/\.(?:md|ya?ml)$/, '.expect.json') : '';
  const options = existsSync(expect_) ? (JSON.parse(readFileSync(expect_, 'utf8')) as { options?: { period?: string } }).options : {};
  const r = importDocuments([{ file: path, bytes: readFileSync(path) }], { ...options, org: 'Fixture Co' });
  it('places or reports every line that carries content, each on its own', () => {
    const placed = linesOf(r.placed, ['placed']);
    const reported = linesOf(r.entries, ['unmapped', 'note']);
    const silent = text
      .split('\n')
      .map((l, i) => ({ n: i + 1, l }))
      .filter(({ n, l }) => !carriesNothing(l) && !placed.has(n) && !reported.has(n))
      .map(({ n, l }) => `${n}: ${l}`);
    expect(silent).toEqual([]);
    expect(r.summaries[0]!.unread).toEqual([]);
  });
});

describe('the accounting', () => {
  it('reports a line nothing placed or reported as not read, one entry per line', () => {
    const sources = new Map([['a.md', ['# Title', '', '- placed', '- forgotten', '| | |', '- reported']]]);
    const entries: ReportEntry[] = [
      { kind: 'placed', file: 'a.md', line: 1, endLine: 3, message: 'title and item' },
      { kind: 'unmapped', file: 'a.md', line: 6, message: 'list item not mapped' },
    ];
    const a = account(entries, sources);
    expect(a.unread.get('a.md')).toEqual([4]);
    expect(a.entries.map((e) => `${e.kind} ${e.line} ${e.excerpt ?? ''}`)).toEqual(['unmapped 6 ', 'unmapped 4 forgotten']);
    expect(a.placed).toHaveLength(1);
  });
});
