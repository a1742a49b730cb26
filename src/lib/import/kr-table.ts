// Key-result tables with any subset of columns in any order (#, Key Result, Baseline, Target,
// Current (as of …), Grade, Status, Owner, Confidence, Weight, Unit, Due, Measurement, Notes): one
// key result per row with its values as written. A pure function of the table's cells; cells of
// other columns come back as notes, one per cell.
import type { TableNote, TableRows } from './tables.ts';
import type { KrDraft } from './types.ts';
import { parseConfidence, parseDate, parseGrade, parseStatus, parseValue } from './values.ts';

const short = (s: string) => (s.length > 50 ? `${s.slice(0, 47)}…` : s);

export function keyResultRows(
  t: TableRows,
  at: {
    /** The table's first line. */
    line: number;
    /** The year of the section's period, for "as of Feb 1". */
    year?: number;
    /** The date of an earlier "Current (as of …)" column in the document. */
    asOf?: { date: string; line: number };
  },
): { keyResults: KrDraft[]; notes: TableNote[]; asOf?: { date: string; line: number } } {
  const { headers, norm, rows } = t;
  const line = at.line;
  let asOf = at.asOf;
  const keyResults: KrDraft[] = [];
  const notes: TableNote[] = [];
  const guess = (n: number, message: string) => notes.push({ kind: 'guess', line: n, message });
  const unmapped = (n: number, _end: number, message: string, excerpt?: string) =>
    notes.push({ kind: 'unmapped', line: n, message, ...(excerpt ? { excerpt } : {}) });
  const col = (re: RegExp) => norm.findIndex((h) => re.test(h));
  let idCol = col(/^(?:#|no\.?|id|kr ?#|kr id|ref)$/);
  let titleCol = col(/^(?:key results?|krs|result|title|description|key result description|metric|measure)$/);
  const krCol = col(/^kr$/);
  if (titleCol < 0) titleCol = krCol;
  else if (idCol < 0 && krCol >= 0) idCol = krCol;
  if (titleCol < 0 && idCol >= 0) titleCol = idCol;
  const cols = {
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
  const used = new Set<number>([idCol, titleCol, ...Object.values(cols)].filter((i) => i >= 0));
  // "Current (as of 2025-02-01)": the values are a check-in on that date.
  let currentDate: string | undefined;
  if (cols.current >= 0) {
    const m = /as of\s+([^)]+)/i.exec(headers[cols.current]!);
    const d = m ? parseDate(m[1]!, at.year) : undefined;
    if (d) {
      currentDate = d.date;
      asOf = { date: d.date, line };
    } else if (asOf) {
      currentDate = asOf.date;
      guess(line, `current values in this table taken as a check-in on ${asOf.date} (the date of the table at line ${asOf.line})`);
    }
  }
  if (cols.target < 0) guess(line, `key result table without a Target column: kinds are read from the key result text`);
  for (const r of rows) {
    const cell = (i: number) => (i >= 0 ? (r.cells[i]?.text ?? '') : '');
    let title = cell(titleCol);
    let label: string | undefined;
    const idText = idCol >= 0 && idCol !== titleCol ? cell(idCol) : '';
    const km = /^KR\s*#?\s*(\d+(?:\.\d+)?)\s*(?:[:.)\-–—]\s*(.*))?$/is.exec(title);
    if (km) {
      label = `KR${km[1]}`;
      title = km[2]?.trim() ?? '';
    }
    const im = /^(?:KR\s*)?#?\s*(\d+(?:\.\d+)?)$/i.exec(idText.trim());
    if (im) label = `KR${im[1]}`;
    if (!title && idText && !im) title = idText;
    if (!title) {
      if (r.cells.some((c) => c.text))
        unmapped(r.line, r.line, 'table row without a key result title not mapped', r.cells.map((c) => c.text).join(' | '));
      continue;
    }
    const d: KrDraft = {
      where: { file: t.file, line: r.line },
      ...(label ? { label } : {}),
      title: title.replace(/\s+/g, ' '),
      fromTitle: cols.target < 0,
      redactions: [...(r.cells[titleCol]?.redactions ?? [])],
    };
    const val = (i: number) => (i >= 0 ? parseValue(cell(i)) : undefined);
    if (cols.baseline >= 0) d.baseline = val(cols.baseline);
    if (cols.target >= 0) d.target = val(cols.target);
    if (cols.current >= 0) d.current = val(cols.current);
    for (const k of ['baseline', 'target', 'current'] as const) {
      const i = cols[k];
      if (i >= 0 && r.cells[i]?.redactions.length) d.redactions.push(...r.cells[i]!.redactions);
    }
    if (currentDate && d.current && d.current.type !== 'empty') d.currentDate = currentDate;
    const declared: KrDraft['declared'] = {};
    if (cols.grade >= 0 && cell(cols.grade)) {
      const g = parseGrade(cell(cols.grade));
      if (g !== undefined) declared.grade = g;
      else if (!/^[-–—]$|^n\/?a$|^tbd$/i.test(cell(cols.grade)))
        unmapped(r.line, r.line, `grade "${cell(cols.grade)}" is not a number between 0 and 1`);
    }
    if (cols.status >= 0 && cell(cols.status)) {
      const s = parseStatus(cell(cols.status));
      if (s?.status) {
        declared.status = s.status;
        if (s.note) declared.statusNote = s.note;
        if (s.guessed) guess(r.line, `KR "${short(title)}": status ${s.status} read from the words "${cell(cols.status)}"`);
      } else if (!/^[-–—]$|^n\/?a$|^tbd$/i.test(cell(cols.status)))
        unmapped(r.line, r.line, `status "${cell(cols.status)}" not recognised`);
    }
    if (Object.keys(declared).length) d.declared = declared;
    if (cols.owner >= 0 && cell(cols.owner) && !/^[-–—]$/.test(cell(cols.owner))) d.owner = cell(cols.owner);
    if (cols.confidence >= 0 && cell(cols.confidence)) {
      const c = parseConfidence(cell(cols.confidence));
      if (c.value !== undefined) d.confidence = c.value;
    }
    if (cols.weight >= 0 && Number(cell(cols.weight)) > 0) d.weight = Number(cell(cols.weight));
    if (cols.unit >= 0 && cell(cols.unit)) d.unit = cell(cols.unit);
    if (cols.due >= 0 && cell(cols.due)) d.timeline = cell(cols.due);
    if (cols.measurement >= 0 && cell(cols.measurement)) d.measurement = cell(cols.measurement);
    const titleLinks = r.cells[titleCol]?.links ?? [];
    const notes = [cols.notes >= 0 ? cell(cols.notes) : '', ...titleLinks.map((l) => `${l.text}: ${l.url}`)].filter(Boolean);
    if (notes.length) d.note = notes.join('; ');
    r.cells.forEach((c, i) => {
      if (!used.has(i) && c.text && !/^[-–—]$/.test(c.text))
        unmapped(r.line, r.line, `cell in column "${headers[i] ?? i + 1}" not mapped`, c.text);
    });
    keyResults.push(d);
  }
  return { keyResults, notes, ...(asOf ? { asOf } : {}) };
}
