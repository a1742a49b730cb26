// `okr import`: Markdown and YAML OKR documents → content files + a report. Pure: bytes in, file
// texts and the report out; reading and writing files is scripts/commands/import.ts.
//
//   decode (UTF-8, BOM, CRLF, NFC, mojibake) → read (./read/document.ts for Markdown, ./yaml-doc.ts for
//   YAML) → assemble (./assemble.ts: calendar, ids, references, kinds) → emit (./emit.ts) + report.
import { assemble, ImportError, type ImportStats } from './assemble.ts';
import { emitContent } from './emit.ts';
import { repairMojibake } from './mojibake.ts';
import { formatReport, sortEntries } from './report.ts';
import { perLine, shortfall, summarise, type DocSummary } from './summary.ts';
import { readMarkdown } from './read/document.ts';
import type { DocRecords, ImportOptions, Report, ReportEntry } from './types.ts';
import { findPeriods } from './values.ts';
import { readYaml } from './yaml-doc.ts';

export { ImportError, optionProblem } from './assemble.ts';
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
  stats?: ImportStats;
  /** Counts per document, in the order given. */
  summaries: DocSummary[];
  /** Why the import is incomplete: a document yielded nothing, or too few of its lines were mapped. */
  shortfall?: string;
  /** Why nothing was imported (no objectives or KPIs found, or a usage mistake). */
  error?: string;
}

/** Decode a file's bytes: UTF-8 (BOM dropped), UTF-16 with a BOM, else Windows-1252 (reported). */
export function decodeBytes(bytes: Uint8Array): { text: string; note?: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: 'read as UTF-16 (little-endian)' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: 'read as UTF-16 (big-endian)' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    if (text.startsWith('\uFEFF')) return { text: text.slice(1), note: 'byte-order mark (BOM) removed' };
    return { text };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), note: 'not valid UTF-8: read as Windows-1252' };
  }
}

/** Clean a document's text before parsing; every change is reported. */
export function prepareText(file: string, raw: string, report: Report): string {
  let text = raw;
  if (text.startsWith('\uFEFF')) {
    text = text.slice(1);
    report({ kind: 'repair', file, line: 1, message: 'byte-order mark (BOM) removed' });
  }
  if (/\r/.test(text)) {
    text = text.replace(/\r\n?/g, '\n');
    report({ kind: 'repair', file, line: 1, message: 'Windows/old Mac line endings (CRLF/CR) read as LF' });
  }
  const nfc = text.normalize('NFC');
  if (nfc !== text) report({ kind: 'repair', file, line: 1, message: 'text normalised to Unicode NFC' });
  const { text: repaired, repairs } = repairMojibake(nfc);
  const groups = new Map<string, { from: string; to: string; encoding: string; lines: number[] }>();
  for (const r of repairs) {
    const line = nfc.slice(0, r.index).split('\n').length;
    const key = `${r.from}\u0000${r.to}\u0000${r.encoding}`;
    const g = groups.get(key) ?? { from: r.from, to: r.to, encoding: r.encoding, lines: [] };
    g.lines.push(line);
    groups.set(key, g);
  }
  for (const g of groups.values())
    report({
      kind: 'repair',
      file,
      line: g.lines[0]!,
      message: `mojibake "${g.from}" → "${g.to}" (UTF-8 that was once decoded as ${ENCODING_NAMES[g.encoding] ?? g.encoding}), ${g.lines.length} time${g.lines.length === 1 ? '' : 's'}${g.lines.length > 1 ? `: lines ${g.lines.join(', ')}` : ''}`,
    });
  return repaired;
}

const ENCODING_NAMES: Record<string, string> = {
  johab: 'Johab (Korean)',
  gb18030: 'GB18030 (Chinese)',
  big5: 'Big5 (Chinese)',
  shift_jis: 'Shift JIS (Japanese)',
  'euc-kr': 'EUC-KR (Korean)',
  'windows-1252': 'Windows-1252',
};

const isYamlFile = (file: string) => /\.ya?ml$/i.test(file);

/** Read a whole YAML document (objectives, KPI groups, and top-level title/period/team). */
function readYamlDocument(file: string, text: string, report: Report): DocRecords {
  const r = readYaml(text, { file, lineOffset: 0, report });
  const doc: DocRecords = {
    file,
    pillars: [],
    stageGates: [],
    redactions: new Map(),
    periods: new Map(),
    objectives: [],
    kpiGroups: r.kpiGroups,
    dependencies: [],
    checkinBlocks: [],
    sourceNotes: [],
  };
  let team: string | undefined;
  for (const [k, v] of r.meta) {
    const key = k.toLowerCase();
    if (key === 'title' || key === 'name') doc.title = v.value;
    else if (key === 'period' || key === 'quarter') {
      const p = findPeriods(v.value, { years: true })[0];
      if (p) {
        doc.period = p.id;
        doc.periodWhere = v.where;
      } else report({ kind: 'unmapped', ...v.where, message: `period "${v.value}" not recognised` });
    } else if (key === 'team') team = v.value;
    else if (key === 'organisation' || key === 'organization' || key === 'company' || key === 'org') doc.orgName = v.value;
    else if (key === 'classification') doc.classification = /public/i.test(v.value) ? 'public' : 'internal';
    else if (/^(?:version|owner|last_reviewed|last_updated|updated|author|status)$/.test(key)) doc.sourceNotes.push(`${k}: ${v.value}`);
    else report({ kind: 'unmapped', ...v.where, message: `YAML "${k}" not mapped`, excerpt: v.value });
  }
  for (const o of r.objectives) doc.objectives.push({ ...o, ...(o.team ? {} : team ? { team } : {}) });
  // Every period an objective (or the document) names gets a period record.
  const ensurePeriod = (text: string) => {
    const p = findPeriods(text, { years: true })[0];
    if (p && !doc.periods.has(p.id))
      doc.periods.set(p.id, {
        id: p.id,
        kind: p.kind,
        fiscal: p.fiscal,
        checkins: [],
        risks: [],
        dependencies: [],
        receiptsRequired: [],
        changeLog: [],
      });
  };
  for (const o of doc.objectives) if (o.period) ensurePeriod(o.period);
  if (doc.period && !doc.periods.has(doc.period)) ensurePeriod(doc.period);
  return doc;
}

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
      docs.push(withFilePeriod(readYamlDocument(input.file, text, report), report));
      continue;
    }
    const mdEntries: ReportEntry[] = [];
    const md = readMarkdown(input.file, text, (e) => mdEntries.push(e));
    if (!md.objectives.length && !md.kpiGroups.length && !/^\s*#/.test(text)) {
      // A YAML document saved as .txt or .md: try it as YAML before giving up.
      const yEntries: ReportEntry[] = [];
      const y = readYamlDocument(input.file, text, (e) => yEntries.push(e));
      if (y.objectives.length || y.kpiGroups.length) {
        raw.push(...yEntries);
        docs.push(withFilePeriod(y, report));
        continue;
      }
    }
    raw.push(...mdEntries);
    docs.push(withFilePeriod(md, report));
  }
  const inputsShown = inputs.map((i) => i.file);
  const finish = (rest: Omit<ImportResult, 'entries' | 'report' | 'summaries'> & { written?: string[] }): ImportResult => {
    const entries = sortEntries(perLine(raw, sources));
    const summaries = summarise(docs, entries, sources, inputsShown);
    const gap = shortfall(summaries, opts.minMapped ?? DEFAULT_MIN_MAPPED);
    const { written, ...result } = rest;
    return {
      ...result,
      entries,
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

/** A document that names no period may carry one in its file name ("fy20-q3/index.md", "2019_q4.md", "CY19-Q3.md"). */
function withFilePeriod(doc: DocRecords, report: Report): DocRecords {
  if (doc.period) return doc;
  const parts = doc.file.split(/[\\/]/).slice(-2);
  for (const part of parts.reverse()) {
    const name = part.replace(/\.[a-z.]+$/i, '').replace(/_/g, '-');
    const p = findPeriods(name, { years: true })[0];
    if (!p) continue;
    doc.period = p.id;
    doc.periodWhere = { file: doc.file, line: 0 };
    if (!doc.periods.has(p.id))
      doc.periods.set(p.id, {
        id: p.id,
        kind: p.kind,
        fiscal: p.fiscal,
        checkins: [],
        risks: [],
        dependencies: [],
        receiptsRequired: [],
        changeLog: [],
      });
    report({ kind: 'guess', file: doc.file, line: 0, message: `period ${p.id} read from the file name "${part}"` });
    return doc;
  }
  return doc;
}
