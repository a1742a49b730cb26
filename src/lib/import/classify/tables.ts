// What a table is, from its header and the shape of its rows: key results (any columns in any
// order), a flat "Objective | Key result | …" table, dependencies, risks, a check-in schedule, a
// grading scale, change history, a document-control table, a scoring sheet pasted as a table, or an
// outline in a table (key-result rows marked "↳" under their objective's row).
// Ordered rules; the first that decides wins. Pure.
import { fieldColumn, type HeaderField } from '../table-headers.ts';
import { tableKind } from '../tables.ts';
import type { NotesSection } from './roles.ts';

export interface TablePlace {
  /** Headers lower-cased, without "(…)" remarks or emphasis. */
  norm: readonly string[];
  rows: readonly { cells: readonly string[]; boldFirst: boolean }[];
  /** An objective is open where the table stands. */
  objectiveOpen: boolean;
  /** The innermost section around the table whose contents are reported, not imported (a retrospective, metrics tracked, a later period, non-goals). */
  notesSection?: NotesSection;
}

export type TableClass = { rule: string } & (
  | { role: 'flat okr'; objectiveColumn: number }
  | { role: 'key results' }
  | { role: 'dependencies' | 'risks' | 'schedule' | 'grading' | 'changes' }
  | { role: 'document control' }
  | { role: 'scoring sheet' }
  | { role: 'outline' }
  | { role: 'notes'; section: NotesSection }
  | { role: 'unknown' }
);

/** A class without the rule's name (each rule's own decision). */
type Decision = TableClass extends infer T ? (T extends unknown ? Omit<T, 'rule'> : never) : never;
type TableRule = (t: TablePlace) => Decision | undefined;

/** Key-result columns: a title column with value columns, KR-labelled rows, or an "Objective | Key result | Owner" layout. */
function keyResultTable(t: TablePlace): Decision | undefined {
  const has = (f: HeaderField) => fieldColumn(t.norm, f);
  const objCol = has('objective');
  const krCol = Math.max(has('title'), has('kr'));
  const valueCols = (['baseline', 'target', 'current', 'grade', 'status'] as const).map(has);
  const krLikeRows = t.rows.length > 0 && t.rows.every((r) => /^KR\s*\d+/i.test(r.cells[0] ?? ''));
  // An "Objective | Key result | Owner" table needs no value columns to be an OKR table; nor does a
  // "Key result | Owner" table under an objective.
  const okrColumns = krCol >= 0 && (objCol >= 0 || (t.objectiveOpen && (['owner', 'status', 'notes'] as const).some((f) => has(f) >= 0)));
  if (!(krCol >= 0 || krLikeRows) || !(valueCols.some((i) => i >= 0) || krLikeRows || okrColumns)) return undefined;
  return objCol >= 0 ? { role: 'flat okr', objectiveColumn: objCol } : { role: 'key results' };
}

/** A row that is an objective in a scoring sheet: bold, alone in its first cell, not a "following rows:" label. */
export function isScoringHeadRow(r: TablePlace['rows'][number]): boolean {
  const first = r.cells[0] ?? '';
  return r.boldFirst && Boolean(first.replace(/[*\s]/g, '')) && !/:\s*$/.test(first) && r.cells.slice(1).every((c) => !c);
}

/** "↳ Swim 40 lengths a week", "└─ …": a row marked as the child of the row above it. */
const CHILD_MARK = /^\s*(?:[↳⤷↪└├╰]|-->?|->|→|⇒)[─━-]*\s*/u;

export const childText = (cell: string) => cell.replace(CHILD_MARK, '');

/**
 * An outline written in a table: rows whose first cell starts with a child mark ("↳ Read a book a
 * month") sit under the last row without one ("**Keep fit**"). The first row is a head; most rows are
 * children, as an objective has its key results.
 */
function outlineTable(t: TablePlace): Decision | undefined {
  const child = t.rows.map((r) => CHILD_MARK.test(r.cells[0] ?? ''));
  const children = child.filter(Boolean).length;
  if (!t.rows.length || child[0] || !children || children < t.rows.length - children) return undefined;
  return t.rows.every((r) => (r.cells[0] ?? '').trim()) ? { role: 'outline' } : undefined;
}

/** The rules for tables, in the order they are tried. */
export const TABLE_RULES: readonly { name: string; rule: TableRule }[] = [
  {
    name: 'outline in a table',
    rule: (t) => outlineTable(t) && (t.notesSection ? { role: 'notes', section: t.notesSection } : { role: 'outline' }),
  },
  // Key results under "Success Metrics" or a retrospective are what the heading says, as a list there is.
  {
    name: 'key results in a notes section',
    rule: (t) => {
      const kr = keyResultTable(t);
      return kr && t.notesSection ? { role: 'notes', section: t.notesSection } : kr;
    },
  },
  {
    name: 'records by header',
    rule: (t) => {
      const kind = tableKind(t.norm);
      return kind && kind !== 'changes' ? { role: kind } : undefined;
    },
  },
  { name: 'document control', rule: (t) => (t.norm[0] === 'field' && t.norm[1] === 'value' ? { role: 'document control' } : undefined) },
  { name: 'change history', rule: (t) => (tableKind(t.norm) === 'changes' ? { role: 'changes' } : undefined) },
  {
    name: 'scoring sheet',
    rule: (t) => (!t.objectiveOpen && t.rows.some(isScoringHeadRow) ? { role: 'scoring sheet' } : undefined),
  },
];

export function classifyTable(t: TablePlace): TableClass {
  for (const { name, rule } of TABLE_RULES) {
    const c = rule(t);
    if (c) return { ...c, rule: name };
  }
  return { rule: 'unknown', role: 'unknown' };
}
