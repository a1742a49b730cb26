// What a table is, for its reader and for the lines before it ("**Mission: …**" over a key-result table).
import type { Table, TableRow } from 'mdast';
import { classifyTable } from '../classify/tables.ts';
import { isNotesSection, type NotesSection } from '../classify/roles.ts';
import { wholeEmphasis } from '../markdown.ts';
import { render, type ReadState } from './state.ts';

/** A header as the table rules read it: lower case, without "(…)" remarks or emphasis. */
export const normHeader = (h: string) =>
  h
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/[*_]/g, '')
    .trim();

export function notesSection(st: ReadState): { notesSection?: NotesSection } {
  const role = st.stack.map((s) => s.role).findLast(isNotesSection);
  return role ? { notesSection: role } : {};
}

export const boldFirst = (r: TableRow) => Boolean(r.children[0] && wholeEmphasis(r.children[0].children));

/** Whether a table (not yet read) holds key results, were an objective open: for the lines before it. */
export function holdsKeyResults(st: ReadState, t: Table): boolean {
  const [head, ...body] = t.children;
  if (!head) return false;
  const c = classifyTable({
    norm: head.children.map((c) => normHeader(render(st, c.children))),
    rows: body.map((r) => ({ cells: r.children.map((c) => render(st, c.children)), boldFirst: boldFirst(r) })),
    objectiveOpen: true,
    ...notesSection(st),
  });
  return c.role === 'key results';
}
