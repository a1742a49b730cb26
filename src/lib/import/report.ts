// The import report: what was read, what was guessed, what could not be placed. Markdown, sorted
// by file and line, identical for identical input.
import type { ImportStats } from './assemble/index.ts';
import { summaryTable, type DocSummary } from './summary.ts';
import type { ReportEntry } from './types.ts';

const SECTIONS: { kind: ReportEntry['kind']; title: string; intro: string }[] = [
  {
    kind: 'unmapped',
    title: 'Not mapped',
    intro: 'Read but not placed in the content model. Copy what matters by hand, or leave it out on purpose.',
  },
  {
    kind: 'guess',
    title: 'Guessed',
    intro: 'Values the document does not state outright. Check them; edit the files where the guess is wrong.',
  },
  { kind: 'repair', title: 'Repaired before reading', intro: 'Text the importer changed before reading it.' },
  { kind: 'note', title: 'Mapped', intro: 'Where some content went, when that is not obvious.' },
];

const where = (e: ReportEntry) => `${e.file}${e.line ? `:${e.line}${e.endLine && e.endLine !== e.line ? `–${e.endLine}` : ''}` : ''}`;
const clean = (s: string) => s.replace(/\s+/g, ' ').replace(/`/g, "'").trim();

/** Sort entries by file and line, keeping the order they were found in otherwise. */
export function sortEntries(entries: readonly ReportEntry[]): ReportEntry[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.file < b.e.file ? -1 : a.e.file > b.e.file ? 1 : 0) || a.e.line - b.e.line || a.i - b.i)
    .map((x) => x.e);
}

export function formatReport(
  entries: readonly ReportEntry[],
  stats: ImportStats | undefined,
  files: readonly string[],
  inputs: readonly string[],
  summaries: readonly DocSummary[] = [],
): string {
  const out: string[] = ['# Import report', ''];
  out.push(`Read ${inputs.length} document${inputs.length === 1 ? '' : 's'}: ${inputs.join(', ')}.`);
  if (stats) {
    out.push(
      `Imported ${stats.objectives} objective${stats.objectives === 1 ? '' : 's'} with ${stats.keyResults} key result${stats.keyResults === 1 ? '' : 's'} in ${stats.periods} period${stats.periods === 1 ? '' : 's'}, ${stats.teams} team${stats.teams === 1 ? '' : 's'}, ${stats.people} ${stats.people === 1 ? 'person' : 'people'}` +
        (stats.kpis ? `, ${stats.kpis} KPIs in ${stats.kpiGroups} group${stats.kpiGroups === 1 ? '' : 's'}` : '') +
        (stats.redactions ? `, ${stats.redactions} redacted value${stats.redactions === 1 ? '' : 's'}` : '') +
        '.',
    );
  }
  if (files.length) out.push('', `Files (${files.length}): ${files.join(', ')}`);
  const sorted = sortEntries(entries);
  const counts = SECTIONS.map((s) => `${sorted.filter((e) => e.kind === s.kind).length} ${s.title.toLowerCase()}`);
  out.push('', `Summary: ${counts.join(', ')}.`);
  for (const s of SECTIONS) {
    const list = sorted.filter((e) => e.kind === s.kind);
    if (!list.length) continue;
    out.push('', `## ${s.title} (${list.length})`, '', s.intro, '');
    for (const e of list) out.push(`- ${where(e)} — ${clean(e.message)}${e.excerpt ? `: “${clean(e.excerpt)}”` : ''}`);
  }
  // The summary per document ends every report.
  if (summaries.length) out.push('', ...summaryTable(summaries));
  return `${out.join('\n')}\n`;
}
