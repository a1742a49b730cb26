// Key-result tables with any subset of columns in any order (#, Key Result, Baseline, Target,
// Current (as of …), Grade, Status, Owner, Confidence, Weight, Unit, Due, Measurement, Notes): one
// key result per row with its values as written. A pure function of the table's cells; cells of
// other columns come back as notes, one per cell.
import { pushAll } from '../errors.ts';
import type { TableNote, TableRows } from './tables.ts';
import type { KrDraft } from './types.ts';
import { parseConfidence, parseDate, parseGrade, parseStatus, parseValue } from './values.ts';

const short = (s: string) => (s.length > 50 ? `${s.slice(0, 47)}…` : s);

type Row = TableRows['rows'][number];
type Notes = TableNote[];

interface Columns {
  id: number;
  title: number;
  baseline: number;
  target: number;
  current: number;
  grade: number;
  status: number;
  owner: number;
  confidence: number;
  weight: number;
  unit: number;
  due: number;
  measurement: number;
  notes: number;
}

/** Which column holds what; -1 for a column the table does not have. */
function columnsOf(norm: readonly string[]): Columns {
  const col = (re: RegExp) => norm.findIndex((h) => re.test(h));
  let id = col(/^(?:#|no\.?|id|kr ?#|kr id|ref)$/);
  let title = col(/^(?:key results?|krs|result|title|description|key result description|metric|measure)$/);
  const kr = col(/^kr$/);
  if (title < 0) title = kr;
  else if (id < 0 && kr >= 0) id = kr;
  if (title < 0 && id >= 0) title = id;
  return {
    id,
    title,
    baseline: col(/^(?:baseline|start|starting(?: value| point)?|from|previous|initial)$/),
    target: col(/^(?:target|goal|to|target value)$/),
    current: col(/^(?:current|actual|now|progress|latest|current value|achieved)$/),
    grade: col(/^(?:grade|score|scoring)$/),
    status: col(/^(?:status|rag|health|state)$/),
    owner: col(/^(?:owner|dri|responsible|lead|accountable)$/),
    confidence: col(/^confidence$/),
    weight: col(/^weight$/),
    unit: col(/^units?$/),
    due: col(/^(?:due|deadline|timeline|by|eta|when|due date)$/),
    measurement: col(/^(?:measurement|how measured|measured by|source|data source)$/),
    notes: col(/^(?:notes?|comments?|remarks)$/),
  };
}

interface TableAt {
  /** The table's first line. */
  line: number;
  /** The year of the section's period, for "as of Feb 1". */
  year?: number;
  /** The date of an earlier "Current (as of …)" column in the document. */
  asOf?: { date: string; line: number };
}

export function keyResultRows(
  t: TableRows,
  at: TableAt,
): { keyResults: KrDraft[]; notes: TableNote[]; asOf?: { date: string; line: number } } {
  const c = columnsOf(t.norm);
  const notes: Notes = [];
  const { currentDate, asOf } = checkinDate(t.headers, c, at, notes);
  if (c.target < 0)
    notes.push({
      kind: 'guess',
      line: at.line,
      message: `key result table without a Target column: kinds are read from the key result text`,
    });
  const keyResults: KrDraft[] = [];
  for (const r of t.rows) {
    const d = rowKr(t, r, c, notes);
    if (!d) continue;
    values(d, r, c, currentDate);
    declared(d, r, c, notes);
    details(d, r, c);
    unusedCells(t, r, c, notes);
    keyResults.push(d);
  }
  return { keyResults, notes, ...(asOf ? { asOf } : {}) };
}

/** "Current (as of 2025-02-01)": the values are a check-in on that date (else on an earlier table's date, as a guess). */
function checkinDate(headers: readonly string[], c: Columns, at: TableAt, notes: Notes) {
  if (c.current < 0) return { asOf: at.asOf };
  const m = /as of\s+([^)]+)/i.exec(headers[c.current]!);
  const d = m ? parseDate(m[1]!, at.year) : undefined;
  if (d) return { currentDate: d.date, asOf: { date: d.date, line: at.line } };
  if (!at.asOf) return { asOf: at.asOf };
  notes.push({
    kind: 'guess',
    line: at.line,
    message: `current values in this table taken as a check-in on ${at.asOf.date} (the date of the table at line ${at.asOf.line})`,
  });
  return { currentDate: at.asOf.date, asOf: at.asOf };
}

const cellOf = (r: Row) => (i: number) => (i >= 0 ? (r.cells[i]?.text ?? '') : '');

/** The row's key result with its title and label ("KR2: …", a "#" column); none for a row without a title. */
function rowKr(t: TableRows, r: Row, c: Columns, notes: Notes): KrDraft | undefined {
  const cell = cellOf(r);
  let title = cell(c.title);
  let label: string | undefined;
  const idText = c.id >= 0 && c.id !== c.title ? cell(c.id) : '';
  const km = /^KR\s*#?\s*(\d+(?:\.\d+)?)\s*(?:[:.)\-–—]\s*(.*))?$/is.exec(title);
  if (km) {
    label = `KR${km[1]}`;
    title = km[2]?.trim() ?? '';
  }
  const im = /^(?:KR\s*)?#?\s*(\d+(?:\.\d+)?)$/i.exec(idText.trim());
  if (im) label = `KR${im[1]}`;
  if (!title && idText && !im) title = idText;
  if (!title) {
    if (r.cells.some((x) => x.text))
      notes.push({
        kind: 'unmapped',
        line: r.line,
        message: 'table row without a key result title not mapped',
        excerpt: r.cells.map((x) => x.text).join(' | '),
      });
    return undefined;
  }
  return {
    where: { file: t.file, line: r.line },
    ...(label ? { label } : {}),
    title: title.replace(/\s+/g, ' '),
    fromTitle: c.target < 0,
    redactions: [...(r.cells[c.title]?.redactions ?? [])],
  };
}

/** Baseline, target and current as written, with their redactions and the check-in date. */
function values(d: KrDraft, r: Row, c: Columns, currentDate: string | undefined) {
  const val = (i: number) => (i >= 0 ? parseValue(cellOf(r)(i)) : undefined);
  if (c.baseline >= 0) d.baseline = val(c.baseline);
  if (c.target >= 0) d.target = val(c.target);
  if (c.current >= 0) d.current = val(c.current);
  for (const k of ['baseline', 'target', 'current'] as const) {
    const i = c[k];
    if (i >= 0 && r.cells[i]?.redactions.length) pushAll(d.redactions, r.cells[i].redactions);
  }
  if (currentDate && d.current && d.current.type !== 'empty') d.currentDate = currentDate;
}

const NOTHING = /^[-–—]$|^n\/?a$|^tbd$/i;

/** A declared grade and status; words that are neither are reported. */
function declared(d: KrDraft, r: Row, c: Columns, notes: Notes) {
  const cell = cellOf(r);
  const out: KrDraft['declared'] = {};
  const grade = cell(c.grade);
  if (grade) {
    const g = parseGrade(grade);
    if (g !== undefined) out.grade = g;
    else if (!NOTHING.test(grade))
      notes.push({ kind: 'unmapped', line: r.line, message: `grade "${grade}" is not a number between 0 and 1` });
  }
  const status = cell(c.status);
  if (status) {
    const s = parseStatus(status);
    if (s?.status) {
      out.status = s.status;
      if (s.note) out.statusNote = s.note;
      if (s.guessed)
        notes.push({ kind: 'guess', line: r.line, message: `KR "${short(d.title)}": status ${s.status} read from the words "${status}"` });
    } else if (!NOTHING.test(status)) notes.push({ kind: 'unmapped', line: r.line, message: `status "${status}" not recognised` });
  }
  if (Object.keys(out).length) d.declared = out;
}

/** Owner, confidence, weight, unit, due date, measurement, notes (and the title's links). */
function details(d: KrDraft, r: Row, c: Columns) {
  const cell = cellOf(r);
  if (cell(c.owner) && !/^[-–—]$/.test(cell(c.owner))) d.owner = cell(c.owner);
  if (cell(c.confidence)) {
    const conf = parseConfidence(cell(c.confidence));
    if (conf.value !== undefined) d.confidence = conf.value;
  }
  if (c.weight >= 0 && Number(cell(c.weight)) > 0) d.weight = Number(cell(c.weight));
  if (cell(c.unit)) d.unit = cell(c.unit);
  if (cell(c.due)) d.timeline = cell(c.due);
  if (cell(c.measurement)) d.measurement = cell(c.measurement);
  const titleLinks = r.cells[c.title]?.links ?? [];
  const notes = [cell(c.notes), ...titleLinks.map((l) => `${l.text}: ${l.url}`)].filter(Boolean);
  if (notes.length) d.note = notes.join('; ');
}

/** Every cell of a column no key-result field reads, reported. */
function unusedCells(t: TableRows, r: Row, c: Columns, notes: Notes) {
  const used = new Set(Object.values(c).filter((i) => i >= 0));
  r.cells.forEach((x, i) => {
    if (!used.has(i) && x.text && !/^[-–—]$/.test(x.text))
      notes.push({ kind: 'unmapped', line: r.line, message: `cell in column "${t.headers[i] ?? i + 1}" not mapped`, excerpt: x.text });
  });
}
