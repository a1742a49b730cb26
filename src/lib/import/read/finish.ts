// After a document's last block: link definitions nothing used are reported, and check-in examples
// ("OKR: Accelerate Enterprise Acquisition") go to the objective and key results they name.
import { bestObjective } from '../match.ts';
import type { CheckinBlock } from '../types.ts';
import { placed, unmapped, type ReadState } from './state.ts';

export function finishDocument(st: ReadState): void {
  for (const [id, d] of st.ctx.definitions)
    if (st.ctx.usedDefinitions.has(id) || st.usedLinkDefs.has(id)) placed(st, d.line, undefined, `link [${id}]`);
    else unmapped(st, d.line, d.line, `link definition [${id}] not used`, d.url);
  for (const b of st.doc.checkinBlocks) matchCheckin(st, b);
}

function matchCheckin(st: ReadState, b: CheckinBlock) {
  const o = bestObjective(st.doc.objectives, b.objective);
  if (!o) return unmapped(st, b.where.line, b.where.endLine ?? b.where.line, `check-in for "${b.objective}" matches no objective`);
  st.report({ kind: 'guess', ...b.where, message: `check-in "${b.objective}" matched to objective "${o.title}"` });
  for (const k of b.krs) {
    const at = k.where.line;
    const kr = o.keyResults.find((x) => x.label === k.label) ?? o.keyResults[Number(k.label.slice(2)) - 1];
    if (!kr) unmapped(st, at, at, `check-in for ${k.label} matches no key result of "${o.title}"`);
    else if (!kr.currentDate)
      unmapped(st, at, at, `check-in for ${k.label} of "${o.title}" has no date (no "as of" date in its table)`, k.extras.note);
    else kr.checkin = k.extras;
  }
}
