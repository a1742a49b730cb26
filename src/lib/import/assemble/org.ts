// The organisation record: name, fiscal year, grading bands from a scoring table, pillars, stage
// gates and the redactions the documents use; and braces that are not a redaction kept literal.
import { slug, uniqueIds } from '../ids.ts';
import type { DocRecords, Report } from '../types.ts';
import type { FiscalYear } from './calendar.ts';
import type { Built } from './objectives.ts';

type Rec = Record<string, unknown>;
type Redactions = Map<string, { label: string; link?: string }>;

/** Every redaction the documents use, the first document's label and link winning. */
export function redactionsOf(docs: readonly DocRecords[]): Redactions {
  const redactions: Redactions = new Map();
  for (const d of docs) for (const [id, r] of d.redactions) if (!redactions.has(id)) redactions.set(id, r);
  return redactions;
}

export function orgRecord(name: string, fiscalYear: FiscalYear, docs: readonly DocRecords[], redactions: Redactions, report: Report): Rec {
  const pillars = [...new Set(docs.flatMap((d) => d.pillars))];
  const gates = docs.flatMap((d) => d.stageGates);
  const bandsDoc = docs.find((d) => d.bands);
  return {
    name,
    fiscalYear,
    ...(bandsDoc ? { grading: { bands: bands(bandsDoc, report) } } : {}),
    ...(pillars.length ? { pillars: pillars.map((p) => ({ id: slug(p, 8, 60), name: p })) } : {}),
    ...(gates.length
      ? {
          stageGates: uniqueBy(
            gates.map((g) => ({ id: slug(g.name, 8, 60), name: g.name, ...(g.description ? { description: g.description } : {}) })),
          ),
        }
      : {}),
    ...(redactions.size
      ? {
          redactions: [...redactions]
            .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
            .map(([id, r]) => ({ id, label: r.label, ...(r.link && /^(https?:\/\/|mailto:)\S+$/.test(r.link) ? { link: r.link } : {}) })),
        }
      : {}),
  };
}

function uniqueBy<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.id) && seen.add(i.id));
}

/** A scoring table ("0.0-0.3 | We failed…") as grading bands: traffic-light statuses by order. */
function bands(doc: DocRecords, report: Report): Rec[] {
  const sortedRows = [...doc.bands!.bands].sort((a, b) => a.min - b.min);
  if (sortedRows[0] && sortedRows[0].min !== 0) sortedRows[0] = { ...sortedRows[0], min: 0 };
  const statuses = ['red', 'yellow', 'green'] as const;
  const ids = uniqueIds();
  const out = sortedRows.map((r, i) => {
    const status = statuses[Math.min(i, 2)]!;
    return { id: ids(status), label: r.label, min: r.min, status, ...(r.meaning ? { meaning: r.meaning } : {}) };
  });
  report({
    kind: 'guess',
    ...doc.bands!.where,
    message: `grading scale read as ${out.length} bands; statuses by order (${out.map((b) => `${b.min}+ ${b.status}`).join(', ')})`,
  });
  return out;
}

/** Braces that are not a redaction ("source{d}") would read as one: a word joiner keeps them literal. */
export function keepBracesLiteral(built: readonly Built[], redactions: Redactions): void {
  const literal = (t: unknown) =>
    typeof t === 'string' ? t.replace(/\{([a-z0-9-]+)\}/g, (m, id: string) => (redactions.has(id) ? m : `{\u2060${id}}`)) : t;
  for (const b of built) {
    b.rec.title = literal(b.rec.title);
    if (b.rec.description) b.rec.description = literal(b.rec.description);
    for (const k of b.krs) k.title = literal(k.title) as string;
  }
}
