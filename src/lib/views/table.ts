// A table as data: what a page lists, computed in a view model and laid out by one component
// (src/components/DataTable.astro), so every table has the same markup, header, empty state and
// phone layout (each row a card of labelled values).
import type { Light, Status } from '../status.ts';
import type { Provenance } from '../schema/index.ts';

/** A grade badge: the grade, its status (docs/grading.md), and how it was computed. */
export interface GradeCell {
  grade: number | null;
  status: Status;
  derivation?: string;
}

/** One value in a cell. A string is plain text. */
export type Cell =
  | string
  | { text: string; href?: string; title?: string }
  | { muted: string }
  | { tag: string }
  /** A hash or id: monospace, wraps anywhere, never widens its column. */
  | { code: string; title?: string; href?: string }
  | { time: string }
  | { grade: GradeCell }
  /** A computed status (a parent's says how many of its key results are stale). */
  | { statusOf: Status; parent?: boolean }
  /** A colour as a document declared it (with its word), or a word of the vocabulary with its light. */
  | { status: Light | null; label?: string; note?: string }
  /** Where an automatic check-in came from (okr pull), behind its own disclosure. */
  | { provenance: Provenance }
  /** A person by id, linked to their owner page when they have one. */
  | { person: string | undefined; role?: string }
  /** Values side by side (separated by a space). */
  | { inline: Cell[] }
  /** Values one under another. */
  | { lines: Cell[] }
  /** A small list (e.g. the key results that move a KPI). */
  | { list: Cell[] };

export interface Column {
  label: string;
  /** Numbers: aligned to the end on wide screens. */
  num?: boolean;
  /** Kept out of the search index (dates, values, grades: numbers only swell it). */
  unindexed?: boolean;
  /** Left out of a printed page (detail a report can do without). */
  print?: false;
}

export interface Row {
  /** The row's element id (an anchor others link to). */
  id?: string;
  /** The first cell is the row's header (its title on a phone card). */
  cells: Cell[];
  /** Marked with the audit colour bar. */
  flagged?: boolean;
  /** data-* attributes (name without the prefix → value), for scripts and tests that find a row. */
  data?: Record<string, string>;
}

export interface TableView {
  caption?: string;
  columns: Column[];
  rows: Row[];
  /** What the page says instead of an empty table. */
  empty?: string;
  /** On a phone each row becomes a card of labelled values (default); false keeps a narrow table as it is. */
  cards?: boolean;
  /** Kept out of the search index (numbers, hashes, lists repeated from the records' own pages). */
  unindexed?: boolean;
}

/** Placeholder for a missing value. */
export const NONE: Cell = { muted: '—' };

/** The text, or the placeholder when there is none. */
export const textOr = (text: string | undefined | null): Cell => (text ? text : NONE);
