// Key-result tables with any subset of columns in any order (#, Key Result, Baseline, Target,
// Current (as of …), Grade, Status, Owner, Confidence, Weight, Unit, Due, Measurement, Notes): one
// key result per row with its values as written. A pure function of the table's cells; cells of
// other columns come back as notes, one per cell.
import { pushAll } from '../errors.ts';
import type { TableNote, TableRows } from './tables.ts';
import type { Declared, KrDraft } from './types.ts';
import { fieldColumn, NOTHING, OUTCOME_WORDS, type HeaderField } from './table-headers.ts';
import { kindNote, kindPrefix } from './outline.ts';
import { idAndName, idColumnShape, idOnly } from './table-ids.ts';
import { parseConfidence, parseDate, parseGrade, parseStatus, parseValue, type Value } from './values.ts';

const short = (s: string) => (s.length > 50 ? `${s.slice(0, 47)}…` : s);

type Row = TableRows['rows'][number];
type Notes = TableNote[];

interface Columns {
  id: number;
  title: number;
  /** The title cells are an id before a name ("KR1.1 Installs", "A1. Search accuracy"). */
  names: boolean;
  /** The header of the column the titles were taken from when the key-result column holds only ids. */
  textIn?: string;
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
  parent: number;
}

/** Which column holds what; -1 for a column the table does not have. */
function columnsOf(t: TableRows): Columns {
  const col = (f: HeaderField) => fieldColumn(t.headers, f);
  let id = col('id');
  let title = col('title');
  const kr = col('kr');
  if (title < 0) title = kr;
  else if (id < 0 && kr >= 0) id = kr;
  if (title < 0 && id >= 0) title = id;
  const c: Columns = {
    id,
    title,
    names: false,
    baseline: col('baseline'),
    target: col('target'),
    current: col('current'),
    grade: col('grade'),
    status: col('status'),
    owner: col('owner'),
    confidence: col('confidence'),
    weight: col('weight'),
    unit: col('unit'),
    due: col('due'),
    measurement: col('measurement'),
    notes: col('notes'),
    parent: col('parent'),
  };
  const shape = title >= 0 ? idColumnShape(t.rows.map((r) => cellOf(r)(title))) : undefined;
  if (shape === 'ids and names') c.names = true;
  if (shape === 'ids') {
    const text = textColumn(t, c);
    if (text >= 0) {
      c.id = title;
      c.title = text;
      c.textIn = t.headers[text] ?? '';
      if (text === c.target) c.target = -1;
    }
  }
  return c;
}

/** Words, not only a number or a mark: "Ship the export", "105 tools tagged". */
const WORDS = /\p{L}{3,}|\p{Script=Han}{2,}/u;

/**
 * Where the key results' text is when their column holds only ids: the Target column when its
 * cells are words ("| KR | Target |" over "**KR 1** | Validate 500 entries"), else a column with no
 * header whose cells are words. (A column a header names, "Team" or "Notes", is not the text.)
 */
function textColumn(t: TableRows, c: Columns): number {
  const wordy = (i: number) => t.rows.every((r) => !cellOf(r)(i) || WORDS.test(cellOf(r)(i))) && t.rows.some((r) => cellOf(r)(i));
  if (c.target >= 0 && wordy(c.target)) return c.target;
  return t.headers.findIndex((h, i) => !h.trim() && i !== c.title && wordy(i));
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
  const c = columnsOf(t);
  const notes: Notes = [];
  const { currentDate, asOf } = checkinDate(t.headers, c, at, notes);
  if (c.textIn !== undefined)
    notes.push({
      kind: 'guess',
      line: at.line,
      message: `key result column holds only ids: the "${c.textIn}" column read as the key results' text, and kinds from it`,
    });
  else if (c.target < 0)
    notes.push({
      kind: 'guess',
      line: at.line,
      message: `key result table without a Target column: kinds are read from the key result text`,
    });
  const keyResults: KrDraft[] = [];
  for (const r of t.rows) {
    const d = rowKr(t, r, c, notes);
    if (!d) continue;
    const asides = values(d, r, c, currentDate);
    declared(d, r, c, notes);
    details(t, d, r, c);
    besideValues(d, asides, r.line, notes);
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
  const idText = c.id >= 0 && c.id !== c.title ? cell(c.id).trim() : '';
  // Only a KR id alone leaves a row untitled ("**KR 1**"); another lone id ("M1") stays its title.
  const own = /^kr/i.test(title.trim()) ? idOnly(title) : undefined;
  const split = own === undefined ? idAndName(title, c.names) : undefined;
  if (own !== undefined) {
    label = own;
    title = '';
  } else if (split) {
    label = split.label;
    title = split.name;
  }
  const im = idText ? idOnly(idText) : undefined;
  if (im) label = im;
  if (!title && idText && !im) title = idText;
  // "LEARNING GOAL: Find out why …": the key result's kind, kept in its note.
  const kind = kindPrefix(title);
  if (kind) title = kind.rest;
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
    ...(kind ? { note: kindNote(kind.typeTag) } : {}),
  };
}

/** A value cell; words that say nothing in another language ("未知", unknown) are empty too, and "50+" is at least 50. */
export function cellValue(text: string): Value {
  const v = parseValue(text);
  if (v.type === 'text' && NOTHING.test(text.trim())) return { type: 'empty', why: 'tbd', raw: v.raw };
  // "50+", "100,000+": at least that many, not a unit "+".
  if (v.type === 'number' && v.unit === '+' && !v.operator) {
    const { unit: _plus, ...rest } = v;
    return { ...rest, operator: '>=' };
  }
  return v;
}

/** Baseline, target and current as written, with their redactions and the check-in date. */
function values(d: KrDraft, r: Row, c: Columns, currentDate: string | undefined): ValueAsides {
  const asides: ValueAsides = { remarks: [] };
  for (const k of ['baseline', 'target', 'current'] as const) {
    const i = c[k];
    if (i < 0) continue;
    const p = valueParts(cellOf(r)(i));
    d[k] = cellValue(p.value);
    if (p.remark) asides.remarks.push(p.remark);
    if (p.mark && k === 'current') asides.mark = { colour: p.mark, cell: cellOf(r)(i) };
    if (r.cells[i]?.redactions.length) pushAll(d.redactions, r.cells[i].redactions);
  }
  if (currentDate && d.current && d.current.type !== 'empty') d.currentDate = currentDate;
  return asides;
}

/** What a value cell says beside its value: a remark in parentheses, a status mark. */
interface ValueAsides {
  remarks: string[];
  mark?: { colour: 'green' | 'yellow' | 'red'; cell: string };
}

const MARKS: readonly [RegExp, 'green' | 'yellow' | 'red'][] = [
  [/[✅✔☑]\uFE0F?/u, 'green'],
  [/⚠\uFE0F?/u, 'yellow'],
  [/[❌✖]\uFE0F?/u, 'red'],
];

/**
 * A number with a remark or a mark beside it ("1（GitHub 自然流量）", "50 ✅", "5 ✅ 达标"): the
 * value alone, the remark (kept as a note) and the mark's colour. Words without a number are left whole.
 */
export function valueParts(text: string): { value: string; remark?: string; mark?: 'green' | 'yellow' | 'red' } {
  let value = text.trim();
  let mark: 'green' | 'yellow' | 'red' | undefined;
  for (const [re, colour] of MARKS) {
    const m = re.exec(value);
    if (m && /^[*_\s]*[<>≤≥~≈+\-−]?\s*[$€£¥]?\d/u.test(value.slice(0, m.index))) {
      mark = colour;
      const after = value.slice(m.index + m[0].length).trim();
      value = value.slice(0, m.index).trim();
      if (after) value = `${value}（${after}）`;
      break;
    }
  }
  const rm = /^([<>≤≥~≈+\-−]?\s*[$€£¥]?\d[^（(]*?)\s*[（(]([^）)]+)[）)]$/u.exec(value);
  return rm ? { value: rm[1]!, remark: rm[2]!.trim(), ...(mark ? { mark } : {}) } : { value, ...(mark ? { mark } : {}) };
}

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
  if (status && !NOTHING.test(status)) Object.assign(out, statusCell(d, status, r.line, notes));
  if (Object.keys(out).length) d.declared = out;
}

/**
 * A Status cell: a colour ("🟢", "On track"), an outcome whose first words give one ("**Met** (PR #24)",
 * 已完成), else the owner's words kept as the declared status without a colour ("On branch", "By design").
 */
function statusCell(d: KrDraft, status: string, line: number, notes: Notes): Declared {
  const s = parseStatus(status);
  if (s?.status) {
    if (s.guessed)
      notes.push({ kind: 'guess', line, message: `KR "${short(d.title)}": status ${s.status} read from the words "${status}"` });
    return { status: s.status, ...(s.note ? { statusNote: s.note } : {}) };
  }
  const head = status.split(/\s*[(（;；:：,，—–]|\s+-\s+/)[0]!.trim();
  const colour = OUTCOME_WORDS.find(([re]) => re.test(head))?.[1] ?? (head !== status ? parseStatus(head)?.status : undefined);
  if (colour) {
    notes.push({ kind: 'guess', line, message: `KR "${short(d.title)}": status ${colour} read from the outcome "${status}"` });
    return { status: colour, statusNote: status };
  }
  notes.push({ kind: 'note', line, message: `KR "${short(d.title)}": status "${status}" kept as the owner's words, with no colour` });
  return { statusNote: status };
}

/** A remark beside a value is kept in the note; a mark beside the current value is its status when no Status cell gave one. */
function besideValues(d: KrDraft, a: ValueAsides, line: number, notes: Notes) {
  if (a.remarks.length) d.note = [d.note, ...a.remarks].filter(Boolean).join('; ');
  if (a.mark && !d.declared?.status) {
    d.declared = { ...d.declared, status: a.mark.colour };
    notes.push({ kind: 'guess', line, message: `KR "${short(d.title)}": status ${a.mark.colour} read from the mark in "${a.mark.cell}"` });
  }
}

/** Owner, confidence, weight, unit, due date, measurement, notes, the parent it serves (and the title's links). */
function details(t: TableRows, d: KrDraft, r: Row, c: Columns) {
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
  const parent = cell(c.parent) && !NOTHING.test(cell(c.parent)) ? `${t.headers[c.parent]}: ${cell(c.parent)}` : '';
  const notes = [cell(c.notes), parent, ...titleLinks.map((l) => `${l.text}: ${l.url}`)].filter(Boolean);
  if (notes.length) d.note = [d.note, ...notes].filter(Boolean).join('; ');
}

/** Every cell of a column no key-result field reads, reported. */
function unusedCells(t: TableRows, r: Row, c: Columns, notes: Notes) {
  const used = new Set(Object.values(c).filter((i): i is number => typeof i === 'number' && i >= 0));
  r.cells.forEach((x, i) => {
    if (!used.has(i) && x.text && !/^[-–—]$/.test(x.text))
      notes.push({
        kind: 'unmapped',
        line: r.cellLines?.[i] ?? r.line,
        message: `cell in column "${t.headers[i] ?? i + 1}" not mapped`,
        excerpt: x.text,
      });
  });
}
