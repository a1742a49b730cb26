// The last stage of an import: the report line by line and a summary per document. Every source
// line that did not become a field has its own report entry with its text; each document gets its
// counts (objectives, key results, lines unmapped, guesses) and the share of its lines that was
// mapped, which decides the exit status. Pure.
import type { DocRecords, ReportEntry } from './types.ts';

export interface DocSummary {
  file: string;
  objectives: number;
  keyResults: number;
  kpis: number;
  /** Lines that could carry content (not blank, not a rule, a table's separator row or a code fence). */
  candidates: number;
  unmappedLines: number;
  guesses: number;
  /** Share of candidate lines mapped, 0–1. */
  mapped: number;
  /** Candidate lines no rule placed or reported: each is reported as "not read" (none, when the rules cover the document). */
  unread: number[];
}

/** Lines that carry nothing: blank, a thematic break, a table's separator row or empty row, a code fence, front matter fences, a line of bare structural HTML tags (a disclosure's <details>, a table's <tr>). */
const DECORATION =
  /^\s*(?:$|\|(?:\s*\|)+\s*$|[-*_](?:\s*[-*_]){2,}\s*$|\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$|```|~~~|<!--\s*$|-->\s*$|(?:<\/?(?:details|h[1-6]|table|thead|tbody|tfoot|tr|th|td|div|center)\b[^>]*>\s*)+$)/;

const isCandidate = (line: string) => !DECORATION.test(line);

/** Markdown markers taken off a line for the report: "  1. **KR:** x" → "KR: x". */
const bare = (line: string) =>
  line
    .trim()
    .replace(/^(?:>\s*)+/, '')
    .replace(/^(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '')
    .replace(/^#{1,6}\s+/, '')
    .replace(/\*\*|__/g, '')
    .trim();

/**
 * One entry per source line: an entry that spans lines ("table not mapped", a YAML mapping, a
 * list item with nested lines) becomes one entry for each candidate line, quoting that line.
 */
export function perLine(entries: readonly ReportEntry[], sources: ReadonlyMap<string, readonly string[]>): ReportEntry[] {
  const out: ReportEntry[] = [];
  for (const e of entries) {
    const lines = sources.get(e.file);
    if (e.kind !== 'unmapped' || !lines || !e.line) {
      out.push(e);
      continue;
    }
    const end = Math.max(e.line, e.endLine ?? e.line);
    for (let n = e.line; n <= end; n++) {
      const text = lines[n - 1] ?? '';
      if (n > e.line && !isCandidate(text)) continue;
      const { endLine: _drop, ...rest } = e;
      const excerpt = n === e.line && e.excerpt ? e.excerpt : bare(text);
      out.push({ ...rest, line: n, ...(excerpt ? { excerpt: excerpt.length > 160 ? `${excerpt.slice(0, 157)}…` : excerpt } : {}) });
    }
  }
  return out;
}

/** The candidate lines of each file some entry of `kinds` covers (an entry with an end line covers its range). */
function covered(entries: readonly ReportEntry[], sources: ReadonlyMap<string, readonly string[]>, kinds: readonly ReportEntry['kind'][]) {
  const out = new Map<string, Set<number>>();
  for (const e of entries) {
    if (!kinds.includes(e.kind) || !e.line) continue;
    const set = out.get(e.file) ?? new Set<number>();
    for (let n = e.line; n <= Math.max(e.line, e.endLine ?? e.line); n++) set.add(n);
    out.set(e.file, set);
  }
  return out;
}

/**
 * Every candidate line is accounted for: placed in the content (a record or a field) or reported.
 * A line that is neither — no rule read it — is reported as not read, so nothing is dropped
 * silently; `unread` lists those lines per file. `placed` entries themselves are not printed.
 */
export function account(
  entries: readonly ReportEntry[],
  sources: ReadonlyMap<string, readonly string[]>,
): { entries: ReportEntry[]; placed: ReportEntry[]; unread: Map<string, number[]> } {
  const placed = covered(entries, sources, ['placed']);
  const reported = covered(entries, sources, ['unmapped', 'note']);
  const out = entries.filter((e) => e.kind !== 'placed');
  const unread = new Map<string, number[]>();
  for (const [file, lines] of sources) {
    const missed = lines.flatMap((text, i) =>
      isCandidate(text) && !placed.get(file)?.has(i + 1) && !reported.get(file)?.has(i + 1) ? [i + 1] : [],
    );
    unread.set(file, missed);
    for (const line of missed)
      out.push({ kind: 'unmapped', file, line, message: 'line not read (no rule placed it)', excerpt: bare(lines[line - 1]!) });
  }
  return { entries: out, placed: entries.filter((e) => e.kind === 'placed'), unread };
}

/** Counts per document, from its records and its report entries. */
export function summarise(
  docs: readonly DocRecords[],
  entries: readonly ReportEntry[],
  sources: ReadonlyMap<string, readonly string[]>,
  files: readonly string[],
  unread: ReadonlyMap<string, number[]> = new Map(),
): DocSummary[] {
  return files.map((file) => {
    const ds = docs.filter((d) => d.file === file);
    const lines = sources.get(file) ?? [];
    const candidates = lines.filter(isCandidate).length;
    const mine = entries.filter((e) => e.file === file);
    const unmapped = new Set(
      mine.filter((e) => e.kind === 'unmapped' && e.line > 0 && isCandidate(lines[e.line - 1] ?? 'x')).map((e) => e.line),
    );
    const objectives = ds.reduce((n, d) => n + d.objectives.length, 0);
    return {
      file,
      objectives,
      keyResults: ds.reduce((n, d) => n + d.objectives.reduce((k, o) => k + o.keyResults.length, 0), 0),
      kpis: ds.reduce((n, d) => n + d.kpiGroups.reduce((k, g) => k + g.kpis.length, 0), 0),
      candidates,
      unmappedLines: unmapped.size,
      guesses: mine.filter((e) => e.kind === 'guess').length,
      mapped: candidates ? (candidates - unmapped.size) / candidates : 0,
      unread: unread.get(file) ?? [],
    };
  });
}

/** Why the import is incomplete, if it is: a document that yielded nothing, or one mapped below `minMapped`. */
export function shortfall(summaries: readonly DocSummary[], minMapped: number): string | undefined {
  const empty = summaries.filter((s) => !s.objectives && !s.kpis);
  if (empty.length) return `${empty.map((s) => s.file).join(', ')} yielded no objectives, key results or KPIs`;
  const low = summaries.filter((s) => s.mapped < minMapped);
  if (low.length)
    return `${low.map((s) => `${s.file} (${pct(s.mapped)} of its lines mapped)`).join(', ')}: below the ${pct(minMapped)} asked for`;
  return undefined;
}

export const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** The per-document table that ends the report. */
export function summaryTable(summaries: readonly DocSummary[]): string[] {
  const rows = summaries.map(
    (s) =>
      `| ${s.file} | ${s.objectives} | ${s.keyResults} | ${s.kpis} | ${s.unmappedLines} of ${s.candidates} | ${s.guesses} | ${pct(s.mapped)} |`,
  );
  return [
    '## Per document',
    '',
    '| document | objectives | key results | KPIs | lines not mapped | guesses | lines mapped |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ];
}
