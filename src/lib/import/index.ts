// `okr import`: Markdown and YAML OKR documents → content files + a report. Pure: bytes in, file
// texts and the report out; reading and writing files is scripts/commands/import.ts.
//
//   decode (./decode.ts) → read (./read/document.ts for Markdown, ./yaml/document.ts for YAML) →
//   assemble (./assemble/: calendar, ids, references, kinds) → emit (./emit.ts) + report.
import { assemble, ImportError, type ImportStats } from './assemble/index.ts';
import { emitContent } from './emit.ts';
import { decodeBytes, prepareText } from './decode.ts';
import { formatReport, sortEntries } from './report.ts';
import { account, perLine, shortfall, summarise, type DocSummary } from './summary.ts';
import { readMarkdown } from './read/document.ts';
import { emptyPeriod } from './records.ts';
import type { DocRecords, ImportOptions, Report, ReportEntry } from './types.ts';
import { pathFacts } from './path-period.ts';
import { findPeriods, type PeriodPhrase } from './values.ts';
import { readYamlDocument } from './yaml/document.ts';
import { pushAll } from '../errors.ts';

export { optionProblem } from './assemble/index.ts';
export type { ImportOptions, ReportEntry } from './types.ts';
export type { DocSummary } from './summary.ts';

/** The share of a document's lines that must be mapped for an import to count as complete (okr import --min-mapped). */
export const DEFAULT_MIN_MAPPED = 0.5;

export interface ImportInput {
  /** The path as the user gave it (shown in the report). */
  file: string;
  bytes: Uint8Array;
}

export interface ImportResult {
  /** Content files by path relative to the content directory. Empty when nothing was recognised. */
  files: Map<string, string>;
  /** The report as Markdown. */
  report: string;
  entries: ReportEntry[];
  /** Where each source line went: the lines that became a record or a field (kind `placed`). */
  placed: ReportEntry[];
  stats?: ImportStats;
  /** Counts per document, in the order given. */
  summaries: DocSummary[];
  /** Why the import is incomplete: a document yielded nothing, or too few of its lines were mapped. */
  shortfall?: string;
  /** Why nothing was imported (no objectives or KPIs found, or a usage mistake). */
  error?: string;
}

const isYamlFile = (file: string) => /\.ya?ml$/i.test(file);

/** Import documents. Never throws for content: problems become report entries or `error`. */
export function importDocuments(inputs: readonly ImportInput[], opts: ImportOptions & { minMapped?: number } = {}): ImportResult {
  const raw: ReportEntry[] = [];
  const report: Report = (e) => raw.push(e);
  const docs: DocRecords[] = [];
  const sources = new Map<string, string[]>();
  for (const input of inputs) {
    const decoded = decodeBytes(input.bytes);
    if (decoded.note) report({ kind: 'repair', file: input.file, line: 1, message: decoded.note });
    const text = prepareText(input.file, decoded.text, report);
    sources.set(input.file, text.split('\n'));
    if (!text.trim()) {
      report({ kind: 'unmapped', file: input.file, line: 0, message: 'the file is empty' });
      continue;
    }
    if (isYamlFile(input.file)) {
      docs.push(yamlPeriods(readYamlDocument(input.file, text, report), report, text, opts.period));
      continue;
    }
    const { md, entries: mdEntries } = readMarkdownKnowingPeriod(input.file, text, opts);
    if (!md.objectives.length && !md.kpiGroups.length && !/^\s*#/.test(text)) {
      // A YAML document saved as .txt or .md: try it as YAML before giving up.
      const yEntries: ReportEntry[] = [];
      const y = readYamlDocument(input.file, text, (e) => yEntries.push(e));
      if (y.objectives.length || y.kpiGroups.length) {
        pushAll(raw, yEntries);
        docs.push(yamlPeriods(y, report, text, opts.period));
        continue;
      }
    }
    pushAll(raw, mdEntries);
    // --period, when given, beats a period guessed from the text.
    docs.push(withFilePeriod(md, report, { guess: !opts.period, text }));
  }
  const inputsShown = inputs.map((i) => i.file);
  const finish = (rest: Omit<ImportResult, 'entries' | 'placed' | 'report' | 'summaries'> & { written?: string[] }): ImportResult => {
    const accounted = account(perLine(raw, sources), sources);
    const entries = sortEntries(accounted.entries);
    const summaries = summarise(docs, entries, sources, inputsShown, accounted.unread);
    const gap = shortfall(summaries, opts.minMapped ?? DEFAULT_MIN_MAPPED);
    const { written, ...result } = rest;
    return {
      ...result,
      entries,
      placed: accounted.placed,
      summaries,
      ...(gap ? { shortfall: gap } : {}),
      report: formatReport(entries, result.stats, written ?? [], inputsShown, summaries),
    };
  };
  const found = docs.reduce((n, d) => n + d.objectives.length + d.kpiGroups.length, 0);
  if (!found) {
    const error = `no objectives, key results or KPIs recognised in ${inputsShown.join(', ')}; see docs/importer.md for the shapes the importer reads`;
    return finish({ files: new Map(), error });
  }
  try {
    const { content, stats } = assemble(docs, opts, report);
    const files = emitContent(content, opts.schemaDir);
    return finish({ files, stats, written: [...files.keys()] });
  } catch (e) {
    if (e instanceof ImportError) return finish({ files: new Map(), error: e.message });
    throw e;
  }
}

/**
 * Read a Markdown document. Sentence headings count as objectives only where a period is known; a
 * period given (--period) or named by the path is known from the start. A document that names no
 * period anywhere but a year in its text is read again as that year's, if that finds more.
 */
function readMarkdownKnowingPeriod(file: string, text: string, opts: ImportOptions) {
  const path = pathFacts(file);
  const read = (periodKnown: boolean, yearHint?: { year: number; from: string }, samplesAreOkrs = false) => {
    const entries: ReportEntry[] = [];
    const o = { periodKnown, path, ...(yearHint ? { yearHint } : {}), ...(samplesAreOkrs ? { samplesAreOkrs } : {}) };
    return { md: readMarkdown(file, text, (e) => entries.push(e), o), entries };
  };
  const known = Boolean(opts.period) || Boolean(path.period);
  const first = read(known);
  const year = commonestYear(text);
  if (known || first.md.periods.size || !year) return samplesIfNone(file, first, () => read(known, undefined, true));
  const hint = { year: year.year, from: `the year the text names most often (${year.count} times)` };
  const again = read(true, hint);
  const chosen = found(again) >= found(first) ? again : first;
  return samplesIfNone(file, chosen, () => (chosen === again ? read(true, hint, true) : read(false, undefined, true)));
}

const found = (r: { md: DocRecords }) => r.md.objectives.length + r.md.objectives.reduce((n, o) => n + o.keyResults.length, 0);

/**
 * An article whose only OKRs are samples ("### Sample Objective", "### Sample Key Results"): with no key result
 * read, the samples are read as the document's own — kept when that finds key results.
 */
function samplesIfNone<R extends { md: DocRecords; entries: ReportEntry[] }>(file: string, r: R, asOwn: () => R): R {
  if (!r.md.exampleHeadings || r.md.objectives.some((o) => o.keyResults.length)) return r;
  const samples = asOwn();
  if (!samples.md.objectives.some((o) => o.keyResults.length)) return r;
  samples.entries.push({
    kind: 'guess',
    file,
    line: 0,
    message: 'the only OKRs the document has are samples or examples: read as its own — delete them if they are not',
  });
  return samples;
}

/**
 * A document that names no period may carry one in its file name ("fy20-q3/index.md", "2019_q4.md",
 * "CY19-Q3.md") or its folders ("okrs/2019/Q2/team.md"); failing those, the year its text names most
 * often is the best guess there is — reported, so the user can pass --period instead.
 */
function withFilePeriod(doc: DocRecords, report: Report, how: { guess: boolean; text?: string }): DocRecords {
  if (doc.period) return doc;
  const path = pathFacts(doc.file).period;
  if (path) return setFilePeriod(doc, path.phrase, report, path.how);
  if (!how.guess || !doc.objectives.some((o) => !o.period)) return doc;
  // One period named in a section ("## Shared Q2 goal"): the objectives outside it are that period's too.
  const [only, ...others] = doc.periods.values();
  if (only && !others.length) {
    const phrase = findPeriods(only.id, { years: true })[0];
    if (phrase)
      return setFilePeriod(doc, phrase, report, `the only period the document names (${only.id}), for the objectives outside its section`);
  }
  // "We look back at Q1 2035 …": a quarter the text names, more than any other, before a bare year.
  const quarter = commonestQuarter(how.text ?? '');
  if (quarter)
    return setFilePeriod(
      doc,
      quarter.phrase,
      report,
      `the quarter its text names most often (${quarter.count} time${quarter.count === 1 ? '' : 's'}), as the document names no period; pass --period to choose one`,
    );
  const year = commonestYear(how.text ?? '');
  if (year)
    setFilePeriod(
      doc,
      { id: String(year.year), kind: 'year', fiscal: false, year: year.year, index: 0, length: 4 },
      report,
      `the year its text names most often (${year.count} time${year.count === 1 ? '' : 's'}), as the document names no period; pass --period to choose one`,
    );
  return doc;
}
function setFilePeriod(doc: DocRecords, p: PeriodPhrase, report: Report, how: string): DocRecords {
  doc.period = p.id;
  doc.periodWhere = { file: doc.file, line: 0 };
  if (!doc.periods.has(p.id)) doc.periods.set(p.id, emptyPeriod(p));
  report({ kind: 'guess', file: doc.file, line: 0, message: `period ${p.id} read from ${how}` });
  return doc;
}

/**
 * A YAML document's periods: its own, else its path's, else (without --period) the year its text
 * names most; then each quarter named without a year (`Q4:`) dated by that year, else by --period's.
 */
function yamlPeriods(doc: DocRecords, report: Report, text: string, period: string | undefined): DocRecords {
  withFilePeriod(doc, report, { guess: !period, text });
  const year = [doc.period, period].map((p) => (p ? findPeriods(p, { years: true })[0] : undefined)).find(Boolean);
  if (!year) return doc;
  const from = doc.period ? `the document's period ${doc.period}` : `--period ${period}`;
  const said = new Set<string>();
  for (const o of doc.objectives) {
    if (o.quarter === undefined || o.period) continue;
    const id = year.fiscal ? `FY${String(year.year).padStart(2, '0')}-Q${o.quarter}` : `${year.year}-Q${o.quarter}`;
    o.period = id;
    if (!doc.periods.has(id)) doc.periods.set(id, emptyPeriod({ id, kind: 'quarter', fiscal: year.fiscal }));
    if (!said.has(id))
      report({ kind: 'guess', ...o.where, message: `quarter Q${o.quarter}, named without a year, read as ${id} (the year of ${from})` });
    said.add(id);
  }
  return doc;
}

/** The quarter (with its year) a text names most often, when one is named more often than any other. */
function commonestQuarter(text: string): { phrase: PeriodPhrase; count: number } | undefined {
  const counts = new Map<string, { phrase: PeriodPhrase; count: number }>();
  for (const line of text.split('\n'))
    for (const p of findPeriods(line).filter((x) => x.kind === 'quarter')) {
      const c = counts.get(p.id) ?? { phrase: p, count: 0 };
      c.count++;
      counts.set(p.id, c);
    }
  const [first, second] = [...counts.values()].sort((a, b) => b.count - a.count);
  return first && (!second || second.count < first.count) ? first : undefined;
}

/** The year (2000–2099) a text names most often, when one is named more often than any other. */
function commonestYear(text: string): { year: number; count: number } | undefined {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(?<![\d.])20\d{2}(?![\d.]\d)/g)) counts.set(Number(m[0]), (counts.get(Number(m[0])) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || (second && second[1] === first[1])) return undefined;
  return { year: first[0], count: first[1] };
}
