// "| Grow the club | 1. Reach 60 members <br>2. Hold 4 open days |": a key-result cell listing several
// things, one per line break, each numbered or bulleted. Such a row stands for one row per listed thing,
// so the table rules read each as its own key result. Pure (on the Markdown tree).
import type { PhrasingContent, Table, TableCell, TableRow } from 'mdast';

const BREAK = /^<br\s*\/?>$/i;
const BULLET = String.raw`[-*•·▪◦]`;
const MARKER = new RegExp(String.raw`^\s*(?:\d{1,2}[.)]|${BULLET})\s+`);
const BULLETED = new RegExp(String.raw`^\s*${BULLET}\s+`);

/** The parts of a cell between its line breaks (`<br>` or a hard break), empty parts dropped. */
function parts(cell: TableCell): PhrasingContent[][] {
  const out: PhrasingContent[][] = [[]];
  for (const n of cell.children)
    if (n.type === 'break' || (n.type === 'html' && BREAK.test(n.value.trim()))) out.push([]);
    else out.at(-1)!.push(n);
  return out.filter((p) => p.some((n) => n.type !== 'text' || n.value.trim()));
}

const startsMarked = (p: PhrasingContent[]) => p[0]?.type === 'text' && MARKER.test(p[0].value);

/** Split each body row whose cell in `column` lists things, one per line, every one numbered or bulleted. */
export function listsInCellsAsRows(t: Table, column: number): Table {
  const [head, ...body] = t.children;
  if (!head) return t;
  return { ...t, children: [head, ...body.flatMap((r) => splitRow(r, column))] };
}

function splitRow(row: TableRow, column: number): TableRow[] {
  const split = row.children.map(parts);
  const listed = split[column];
  if (!listed || listed.length < 2 || !listed.every(startsMarked)) return [row];
  // A cell listing as many things is split with it ("Owner: Ana <br>Bo"); any other cell stays on the first row.
  const n = listed.length;
  return Array.from({ length: n }, (_, k) => ({
    ...row,
    children: row.children.map((cell, i) => {
      const alongside = split[i]!.length === n && (i === column || split[i]!.every(startsMarked));
      const mine = alongside ? unbulleted(split[i]![k]!) : k === 0 ? cell.children : [];
      return { ...cell, children: mine };
    }),
  }));
}

/** "- Open 10 more hours" → "Open 10 more hours": a bullet is the list's, not the text's (numbers are read as numbering). */
function unbulleted(p: PhrasingContent[]): PhrasingContent[] {
  const [first, ...rest] = p;
  if (first?.type !== 'text') return p;
  return [{ ...first, value: first.value.replace(BULLETED, '') }, ...rest];
}
