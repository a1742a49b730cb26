// Key results read from one line (a bullet, a heading, a paragraph line, a table row's first cell):
// the title without its label, owner or outcome, its links as a note, its redactions.
import type { ListItem, Paragraph } from 'mdast';
import { endLineOf, lineOf } from '../markdown.ts';
import { kindNote, paragraphLeads, type LeadLine, type TrailingField } from '../outline.ts';
import { sameTitle } from '../match.ts';
import type { KrDraft, ObjectiveDraft } from '../types.ts';
import { guess, inline, note, placed, render, unmapped, where, type ReadState } from './state.ts';
import { krNote, readField } from './fields.ts';
import { short } from './text.ts';

/** A key result from one lead line: its title without label, owner or outcome; redactions from its {n0} tokens. */
export function krFromLine(st: ReadState, o: ObjectiveDraft, l: LeadLine, endLine?: number): KrDraft {
  const r = inline(st, l.nodes);
  // "Hiring: ML (1 Senior)" under the objective "Hiring" names its topic, not an owner.
  const topic = l.lead.owner && sameTitle(l.lead.owner, o.title) ? l.lead.owner : undefined;
  // "1. **Key Result**" alone: named by its label until the lines after it state it (stateKr).
  const label = l.lead.raw.replace(/[*_:.\s]+$/g, '').replace(/^\d+[.)]\s*/, '');
  const title = (topic ? `${topic}: ${l.lead.title}` : l.lead.title || label).replace(/\s+/g, ' ');
  const redactions = [...title.matchAll(/\{([a-z][a-z0-9-]*)\}/g)].map((m) => m[1]!).filter((id) => st.doc.redactions.has(id));
  const d: KrDraft = {
    where: where(st, l.line, endLine),
    ...(l.lead.label?.n ? { label: `KR${l.lead.label.n}` } : {}),
    title,
    fromTitle: true,
    redactions,
    ...(l.lead.owner && !topic ? { owner: l.lead.owner } : {}),
    ...(l.lead.outcome !== undefined ? { outcome: l.lead.outcome } : {}),
    ...(l.lead.score !== undefined ? { declared: { grade: l.lead.score } } : {}),
  };
  if (l.lead.score !== undefined)
    guess(st, l.line, `KR "${short(title)}": (${l.lead.score}) at the end of the line read as its score (declared grade)`);
  if (l.lead.label?.misspelt) guess(st, l.line, `KR "${short(title)}": "${l.lead.label.misspelt}" read as the label "Key Result"`);
  if (r.links.length) d.note = r.links.map((x) => `${x.text}: ${x.url}`).join('; ');
  if (l.lead.typeTag) keepKind(st, d, l.lead.typeTag, l.line);
  // Its short name, as a name on a line of its own is kept (krFromNamedLine).
  if (l.lead.krName) d.note = [l.lead.krName, d.note].filter(Boolean).join('; ');
  o.keyResults.push(d);
  placed(st, l.line, endLine, 'key result');
  if (l.lead.fields) trailingFields(st, d, l.lead.fields, l.line);
  return d;
}

/** "(target: 25.0) - Current: 1.0" after the key result: its fields, read as if on lines of their own. */
function trailingFields(st: ReadState, kr: KrDraft, fields: readonly TrailingField[], line: number) {
  const outer = st.krScope;
  st.krScope = kr;
  for (const f of fields) if (!readField(st, f.label, f.value, line)) krNote(st, kr, f.label, f.value, line);
  st.krScope = outer;
}

/**
 * A key result named on one line and stated on the next ("**KR1 — Normalization Dataset**" ⏎ "Build … 20+ …"):
 * the statement is its title (its values are read from it), the label is the name's, and the name is kept in its note.
 */
export function krFromNamedLine(st: ReadState, o: ObjectiveDraft, name: LeadLine, statement: LeadLine, endLine?: number): KrDraft {
  const lead = {
    ...statement.lead,
    ...(name.lead.label ? { label: name.lead.label } : {}),
    ...(name.lead.owner ? { owner: name.lead.owner } : {}),
  };
  const d = krFromLine(st, o, { ...statement, lead }, undefined);
  d.where = where(st, name.line, endLine);
  d.note = [name.lead.title, d.note].filter(Boolean).join('; ');
  placed(st, name.line, endLine, 'key result');
  return d;
}

export const KR_RE = /^(?:KR|key result)\s*#?\s*(\d+(?:\.\d+)?)?\s*[:.)\-–—]\s*(\S.*)$/is;

/** A list item under an objective of a labelled list ("- KR: …"); a plain item counts only where plain items are key results. */
export function krItem(st: ReadState, item: ListItem, o: ObjectiveDraft, plainIsKr: boolean): void {
  const line = lineOf(item);
  const [first, ...rest] = item.children;
  if (first?.type !== 'paragraph') return unmapped(st, line, endLineOf(item), 'list item not mapped');
  const r = inline(st, first.children);
  const m = KR_RE.exec(r.text);
  if (!m && !plainIsKr) return unmapped(st, line, endLineOf(item), 'list item not mapped', r.text);
  const title = (m ? m[2]! : r.text).trim();
  const d: KrDraft = {
    where: where(st, line, endLineOf(first)),
    ...(m?.[1] ? { label: `KR${m[1]}` } : {}),
    title: title.replace(/\s+/g, ' '),
    fromTitle: true,
    redactions: r.redactions,
  };
  if (r.links.length) d.note = r.links.map((l) => `${l.text}: ${l.url}`).join('; ');
  o.keyResults.push(d);
  placed(st, line, endLineOf(first), 'key result');
  for (const b of rest) unmapped(st, lineOf(b), endLineOf(b), `${b.type} under a key result not mapped`);
}

/** The paragraph stating a key result whose line was its label alone: its first line is the title, the rest reported. */
export function stateKr(st: ReadState, kr: KrDraft, p: Paragraph): void {
  const lines = paragraphLeads(p, (n) => render(st, n));
  // "_Key Result_:" alone on the first line, the statement on the next.
  const at = lines.findIndex((l) => l.lead.title);
  if (at < 0) return;
  const first = lines[at]!;
  kr.title = first.lead.title;
  if (first.lead.outcome !== undefined) kr.outcome = first.lead.outcome;
  placed(st, first.line, undefined, "the key result's statement (under its label)");
  for (const [i, l] of lines.entries())
    if (i < at) placed(st, l.line, undefined, "the key result's label");
    else if (i > at) unmapped(st, l.line, l.line, 'line under a key result not mapped', l.lead.raw);
}

/** "[stretch]", "LEARNING GOAL:": a key result's kind has no field of its own; its note keeps it. */
function keepKind(st: ReadState, d: KrDraft, kind: string, line: number) {
  d.note = [kindNote(kind), d.note].filter(Boolean).join('; ');
  note(st, line, `KR "${short(d.title)}": marked ${kind}, kept in its note`);
}
