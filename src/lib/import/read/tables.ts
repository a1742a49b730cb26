// Reading a table by its class (../classify/tables.ts): key results go to the open objective,
// a flat OKR table or a scoring sheet opens objectives row by row, dependency, risk, schedule,
// grading and change tables are read by ../tables.ts, a document-control table sets the period.
// Every row or cell that is not used is reported with its text.
import type { Table, TableRow } from 'mdast';
import { NOTES_WHY } from '../classify/roles.ts';
import { childText, classifyTable, isScoringHeadRow, type TableClass } from '../classify/tables.ts';
import { keyResultRows } from '../kr-table.ts';
import { endLineOf, lineOf } from '../markdown.ts';
import { leadOf, type Lead } from '../outline.ts';
import { changeRows, dependencyRows, gradingRows, riskRows, scheduleRows, type TableNote, type TableRows } from '../tables.ts';
import type { ObjectiveDraft } from '../types.ts';
import { fieldColumn, headerKey } from '../table-headers.ts';
import { parseGrade } from '../values.ts';
import { listsInCellsAsRows } from './cell-lists.ts';
import { readControlRows } from './control.ts';
import { krFromLine } from './key-results.ts';
import { objectiveMatch } from './lists.ts';
import { boldFirst, normHeader, notesSection } from './table-class.ts';
import { yearOf } from './text.ts';
import {
  currentObjective,
  docPeriod,
  guess,
  headingObjective,
  inline,
  newObjective,
  note,
  placed,
  sectionPeriod,
  unmapped,
  where,
  type ReadState,
} from './state.ts';
import { pushAll } from '../../errors.ts';

type Rows = TableRows['rows'];

export function readTable(st: ReadState, written: Table): void {
  const [head] = written.children;
  if (!head) return;
  const headers = head.children.map((c) => inline(st, c.children).text);
  const norm = headers.map(normHeader);
  const rowsOf = (body: TableRow[]): Rows =>
    body.map((r) => ({
      line: lineOf(r),
      cells: r.children.map((c) => inline(st, c.children)),
      cellLines: r.children.map((c) => lineOf(c) || lineOf(r)),
    }));
  const c = classifyTable({
    norm,
    rows: rowsOf(written.children.slice(1)).map((r, i) => ({
      cells: r.cells.map((x) => x.text),
      boldFirst: boldFirst(written.children[i + 1]!),
    })),
    objectiveOpen: Boolean(currentObjective(st)),
    ...notesSection(st),
  });
  // "1. Cut wait times <br>2. Hold 12 evenings" in the key-result column: one row per key result listed.
  const krColumn = Math.max(fieldColumn(norm, 'title'), fieldColumn(norm, 'kr'));
  const t = (c.role === 'key results' || c.role === 'flat okr') && krColumn >= 0 ? listsInCellsAsRows(written, krColumn) : written;
  const body = t.children.slice(1);
  applyTable(st, c, { file: st.file, headers, norm, rows: rowsOf(body) }, { body, line: lineOf(t), end: endLineOf(t) });
  // An HTML row over several lines was read at its first line, its unused cells reported at theirs.
  for (const r of t.children)
    if (endLineOf(r) > lineOf(r)) placed(st, lineOf(r) + 1, endLineOf(r), `the rest of the table row on line ${lineOf(r)}`);
}

function applyTable(st: ReadState, c: TableClass, t: TableRows, at: { body: TableRow[]; line: number; end: number }) {
  const { line, end } = at;
  const krsOf =
    c.role === 'key results'
      ? (currentObjective(st) ?? headingObjective(st, 'a section heading over a key-result table, with no objective open'))
      : undefined;
  const readable = c.role !== 'unknown' && c.role !== 'notes' && !(c.role === 'key results' && !krsOf);
  if (readable) placed(st, line, undefined, `the header of a table of ${c.role}`);
  switch (c.role) {
    case 'flat okr':
      return flatOkrTable(st, t, c.objectiveColumn, line);
    case 'key results': {
      if (!krsOf) return unmapped(st, line, end, 'key result table outside any objective not mapped', t.headers.join(' | '));
      return krTable(st, krsOf, t, line);
    }
    case 'document control':
      return readControlRows(st, t.rows);
    case 'scoring sheet':
      return objectiveRows(st, t, at.body, SCORING_SHEET);
    case 'outline':
      return objectiveRows(st, t, at.body, OUTLINE_ROWS);
    case 'notes':
      return unmapped(st, line, end, `key result table not mapped (${NOTES_WHY[c.section]})`, t.headers.join(' | '));
    case 'unknown':
      return unmapped(st, line, end, `table not mapped (${t.rows.length} row${t.rows.length === 1 ? '' : 's'})`, t.headers.join(' | '));
    default:
      return recordTable(st, c.role, t, line, end);
  }
}

/** Attach what ../tables.ts read, and report the rows and cells it could not use. */
export function tableNotes(st: ReadState, notes: readonly TableNote[]): void {
  for (const n of notes)
    if (n.kind === 'guess') guess(st, n.line, n.message);
    else if (n.kind === 'note') note(st, n.line, n.message);
    else unmapped(st, n.line, n.line, n.message, n.excerpt);
}

function krTable(st: ReadState, o: ObjectiveDraft, t: TableRows, line: number) {
  const r = keyResultRows(t, { line, year: yearOf(sectionPeriod(st) ?? st.doc.period), ...(st.asOf ? { asOf: st.asOf } : {}) });
  if (r.asOf) st.asOf = r.asOf;
  pushAll(o.keyResults, r.keyResults);
  for (const k of r.keyResults) placed(st, k.where.line, undefined, 'key result');
  tableNotes(st, r.notes);
}

/** "Objective | Key result | …": a row naming an objective opens it; the rows up to the next one are its key results. */
function flatOkrTable(st: ReadState, t: TableRows, objCol: number, line: number) {
  const groups: { o: ObjectiveDraft; rows: Rows }[] = [];
  const header = t.headers.map(headerKey).join('|');
  for (const r of t.rows) {
    // "| **Objectives - Media** | **Key Results** | **Evaluation** |" again in the body: the next group's header.
    if (
      r.cells.map((c) => headerKey(c.text)).join('|') === header ||
      sameColumns(
        r.cells.map((c) => c.text),
        t.headers,
      )
    ) {
      note(st, r.line, 'a row repeating the header (the next group of rows)');
      continue;
    }
    const text = r.cells[objCol]?.text ?? '';
    if (text) {
      const m = objectiveMatch(text);
      groups.push({ o: newObjective(st, { title: m?.title ?? text, label: m?.label, line: r.line }), rows: [] });
    }
    if (!groups.length) unmapped(st, r.line, r.line, 'row before the first objective not mapped');
    else groups.at(-1)!.rows.push(r);
  }
  const headers = t.headers.filter((_, i) => i !== objCol);
  const norm = t.norm.filter((_, i) => i !== objCol);
  for (const g of groups)
    krTable(
      st,
      g.o,
      { file: t.file, headers, norm, rows: g.rows.map((r) => ({ line: r.line, cells: r.cells.filter((_, i) => i !== objCol) })) },
      line,
    );
}

/** How a sheet of objective rows over key-result rows marks its objectives, and where a key result's text is. */
interface SheetRows {
  /** The objective a row opens, if it is one of the sheet's head rows. */
  head: (text: string, shape: { cells: string[]; boldFirst: boolean }) => { lead: Lead; evidence: string } | undefined;
  /** A key result's text, from its row's first cell. */
  krText: (text: string) => string;
}

/**
 * A scoring sheet pasted as a table: bold rows alone in their first cell are objectives
 * ("**1 Finish the base use-case**"), the rows under them its key results, with priority, owner
 * and end-of-quarter score columns.
 */
const SCORING_SHEET: SheetRows = {
  // "**1 Ship the beta (Ana, Raj)**": the number goes, and the names in parentheses are its owners, not its words.
  head: (text, shape) =>
    isScoringHeadRow(shape)
      ? { lead: leadOf(text.replace(/^\d+[.)]?\s+/, '')), evidence: 'a bold row alone in a scoring table' }
      : undefined,
  krText: (text) => text,
};

/** An outline in a table: the rows without a child mark ("↳") are objectives, the marked rows under them key results. */
const OUTLINE_ROWS: SheetRows = {
  head: (text) => (childText(text) === text ? { lead: leadOf(text), evidence: 'a table row over rows marked as its children' } : undefined),
  krText: childText,
};

function objectiveRows(st: ReadState, t: TableRows, body: TableRow[], sheet: SheetRows) {
  const col = (re: RegExp) => t.norm.findIndex((h) => re.test(h));
  const c = { priority: col(/priority/), owner: col(/owner|dri|lead/), score: col(/^(?:end[- ]?q(?:uarter)?|final|score|grade)$/) };
  let o: ObjectiveDraft | undefined;
  t.rows.forEach((r, i) => {
    const cell = r.cells[0]?.text.trim() ?? '';
    const shape = { cells: r.cells.map((x) => x.text), boldFirst: boldFirst(body[i]!) };
    const head = sheet.head(cell, shape);
    if (head) {
      const why = { role: 'objective' as const, evidence: head.evidence, guess: true };
      o = newObjective(st, { title: head.lead.title, lead: head.lead, line: r.line, why });
      unusedCells(st, t, r, (j) => j === 0);
      return;
    }
    const text = sheet.krText(cell);
    // "*The following not likely to get done:*" introduces rows; it is not a key result.
    const label = /:\s*$/.test(text) && shape.boldFirst && r.cells.slice(1).every((x) => !x.text);
    if (!o || !text || label) return unusedCells(st, t, r, () => false);
    const d = krFromLine(st, o, { line: r.line, lead: leadOf(text), nodes: body[i]!.children[0]!.children });
    const owner = c.owner >= 0 ? r.cells[c.owner]?.text : undefined;
    if (owner) d.owner = owner;
    const grade = c.score >= 0 ? parseGrade(r.cells[c.score]?.text ?? '') : undefined;
    if (grade !== undefined) d.declared = { grade };
    unusedCells(st, t, r, (j) => j === 0 || j === c.owner || (j === c.score && grade !== undefined) || j === c.priority);
  });
}

/** Report each cell of a row with text that was not read, with its column, at its own line. */
function unusedCells(st: ReadState, t: TableRows, r: Rows[number], used: (column: number) => boolean) {
  r.cells.forEach((x, j) => {
    const at = r.cellLines?.[j] ?? r.line;
    if (!used(j) && x.text && !/^[*\s]*$/.test(x.text))
      unmapped(st, at, at, `cell in column "${t.headers[j] || j + 1}" not mapped`, x.text);
  });
}

/** Dependency, risk, schedule, grading and change tables: their records go to the open objective, else the period. */
function recordTable(
  st: ReadState,
  kind: 'dependencies' | 'risks' | 'schedule' | 'grading' | 'changes',
  t: TableRows,
  line: number,
  end: number,
) {
  const o = currentObjective(st);
  const p = docPeriod(st);
  // Each reader reports the rows and cells it cannot use; the rest became its records.
  if (kind !== 'schedule' || p) for (const r of t.rows) placed(st, r.line, undefined, `a row of ${kind}`);
  switch (kind) {
    case 'dependencies': {
      const r = dependencyRows(t);
      for (const dep of r.dependencies) (o && !dep.dependent ? o.dependencies : st.doc.dependencies).push(dep);
      return tableNotes(st, r.notes);
    }
    case 'risks': {
      const r = riskRows(t);
      for (const { line: at, ...risk } of r.risks)
        if (o) o.risks.push(risk);
        else if (p) p.risks.push(risk);
        else unmapped(st, at, at, 'risk with no period to attach to', risk.title);
      return tableNotes(st, r.notes);
    }
    case 'schedule': {
      if (!p) return unmapped(st, line, end, 'check-in schedule with no period to attach to');
      const r = scheduleRows(t, p, line);
      pushAll(p.checkins, r.checkins);
      return tableNotes(st, r.notes);
    }
    case 'grading': {
      const r = gradingRows(t);
      if (r.bands.length) st.doc.bands ??= { where: where(st, line, end), bands: r.bands };
      return tableNotes(st, r.notes);
    }
    case 'changes': {
      const r = changeRows(t, p);
      if (p) pushAll(p.changeLog, r.changes);
      return tableNotes(st, r.notes);
    }
  }
}

/** A row naming the same fields as the header, in the same columns ("Objectives - Media | Key Results | Evaluation"). */
function sameColumns(cells: readonly string[], headers: readonly string[]): boolean {
  const first = (x: string) => headerKey(x).split(/[-–—:]/)[0]!;
  return cells.length === headers.length && cells.every((c, i) => first(c) === first(headers[i]!) && Boolean(first(c)));
}
