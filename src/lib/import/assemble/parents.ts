// Which objective each one ladders up to: the one it is nested under in its document, the one its
// "Ladders up to:" names (by label, team and ordinal, or title words), or — for a team objective that
// repeats a company objective's title — that company objective.
import { bestObjective, sameTitle } from '../match.ts';
import type { Report } from '../types.ts';
import type { Built } from './objectives.ts';

/** The objectives of a period, and lookups among them. */
export interface Objectives {
  built: readonly Built[];
  inPeriod: (period: string) => Built[];
  /** "O3" in the same document: the company's first, then the same team's, then any. */
  byLabel: (b: Built, label: string) => Built | undefined;
}

export function objectivesOf(built: readonly Built[]): Objectives {
  const inPeriod = (period: string) => built.filter((b) => b.period === period);
  const byLabel = (b: Built, label: string) => {
    const n = /(\d+)/.exec(label)?.[1];
    const same = inPeriod(b.period).filter((x) => x.doc === b.doc);
    return (
      same.find((x) => x.draft.label === `O${n}` && x.team === 'company') ??
      same.find((x) => x.draft.label === `O${n}` && x.team === b.team) ??
      same.find((x) => x.draft.label === `O${n}`)
    );
  };
  return { built, inPeriod, byLabel };
}

export function linkParents(all: Objectives, findTeam: (name: string) => string | undefined, report: Report): void {
  for (const b of all.built) {
    // Nested OKR trees: an objective written under another one ladders up to it.
    const outer = b.draft.parentDraft ? all.built.find((x) => x.draft === b.draft.parentDraft) : undefined;
    if (outer && !b.draft.parentRef) {
      b.rec.parent = outer.id;
      continue;
    }
    const ref = b.draft.parentRef;
    if (!ref) {
      twinParent(all, b, report);
      continue;
    }
    const parent = resolveObjectiveRef(all, b, ref.text, findTeam);
    if (parent && parent !== b) {
      b.rec.parent = parent.id;
      report({ kind: 'note', ...ref.where, message: `"${b.draft.title}" ladders up to ${parent.id} ("${ref.text}")` });
    } else report({ kind: 'unmapped', ...ref.where, message: `"ladders up to ${ref.text}" matches no objective in ${b.period}` });
  }
}

/** Teams that repeat a company objective (every team listing the company's "Make … valuable") ladder up to it. */
function twinParent(all: Objectives, b: Built, report: Report) {
  if (b.team === 'company') return;
  const twin = all.inPeriod(b.period).find((x) => x.team === 'company' && x.doc === b.doc && sameTitle(x.draft.title, b.draft.title));
  if (!twin) return;
  b.rec.parent = twin.id;
  report({
    kind: 'guess',
    ...b.draft.where,
    message: `"${b.draft.title}" (${b.team}) ladders up to ${twin.id}: the company objective with the same title`,
  });
}

/** "Company Objective 1 (Enterprise Acquisition)", "O2", "Sales OKR 3", or words of a title. */
function resolveObjectiveRef(all: Objectives, b: Built, text: string, findTeam: (name: string) => string | undefined): Built | undefined {
  const others = all.inPeriod(b.period).filter((x) => x !== b);
  const byWords = (words: string) => {
    const hit = bestObjective(
      others.map((x) => ({ id: x.id, title: x.draft.title })),
      words,
    );
    return hit ? all.built.find((x) => x.id === hit.id) : undefined;
  };
  const m = /^(.*?)\s*(?:objective|okr|obj\.?|o)\s*#?\s*(\d+)\b\s*(?:\((.*)\))?/i.exec(text.trim());
  if (m) {
    const teamWords = m[1]!.trim();
    const n = Number(m[2]);
    const tid = teamWords ? (/^company/i.test(teamWords) ? 'company' : findTeam(teamWords)) : undefined;
    const hit = tid
      ? all.inPeriod(b.period).find((x) => x.team === tid && x.draft.ordinal === n && x.doc === b.doc)
      : all.byLabel(b, `O${n}`);
    if (hit) return hit;
    if (m[3]) {
      const named = byWords(m[3]);
      if (named) return named;
    }
  }
  return byWords(text);
}
