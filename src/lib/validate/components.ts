// The components MDX pages use exist and name key results, periods and teams of the handbook.
import { didYouMean, type ContentIssue } from '../errors.ts';
import type { HandbookModel } from '../model.ts';
import { COMPONENTS } from '../prose/allowlist.ts';
import type { Collection, MdxFile, RawContent } from '../source/content.ts';

/**
 * The components of MDX pages against the handbook: a key result, period or team that does not
 * exist would fail the build (GradeExample) or render an empty table (OkrTable), after `okr check`
 * had passed.
 */
export function validateComponents(
  pages: readonly MdxFile[],
  m: HandbookModel,
  loaded: RawContent,
  full: HandbookModel = m,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const idsOf = (model: HandbookModel): Record<string, Set<string>> => ({
    kr: new Set(model.objectives.flatMap((o) => o.keyResults.map((k) => k.uid))),
    objective: new Set(model.objectives.map((o) => o.id)),
    period: new Set(model.periods.map((p) => p.id)),
    team: new Set(model.teams.map((t) => t.id)),
  });
  // `m` is what the pages are built from: the public projection for a public build, of `full`.
  const known = idsOf(m);
  const all = full === m ? known : idsOf(full);
  // A reference into a file that failed validation (or could not be read) is that file's error.
  const failed = (c: Collection, id: string) => Boolean(loaded.declaredIds.get(c)?.has(id)) || (loaded.unreadable.get(c)?.length ?? 0) > 0;
  const excused: Record<string, (value: string) => boolean> = {
    kr: (v) => !all.objective!.has(v.split('.')[0]!) && failed('okr', v.split('.')[0]!),
    period: (v) => !all.period!.has(v) && failed('period', v),
    team: (v) => !all.team!.has(v) && failed('teams', v),
  };
  const WHAT: Record<string, string> = { kr: 'key result', period: 'period', team: 'team' };
  for (const page of pages)
    for (const use of page.components) {
      const issue = (message: string, hint: string) =>
        issues.push({ file: page.file, line: use.line, column: use.column, path: '', message, hint, severity: 'error' });
      const spec = COMPONENTS[use.name];
      if (!spec) {
        issue(
          `unknown component <${use.name}>`,
          didYouMean(use.name, Object.keys(COMPONENTS)) ?? `pages provide ${Object.keys(COMPONENTS).join(' and ')}`,
        );
        continue;
      }
      for (const name of spec.required) if (!(name in use.attributes)) issue(`<${use.name}> needs ${name}="…"`, `e.g. ${spec.example}`);
      for (const [name, value] of Object.entries(use.attributes)) {
        if (!spec.required.includes(name) && !spec.optional.includes(name)) {
          issue(
            `<${use.name}> has no attribute '${name}'`,
            didYouMean(name, [...spec.required, ...spec.optional]) ?? `e.g. ${spec.example}`,
          );
          continue;
        }
        if (!known[name]!.has(value) && all[name]!.has(value)) {
          issue(
            `<${use.name} ${name}="${value}"> names a ${WHAT[name]} the public handbook does not show`,
            `show a public one on this public page, or make it public (classification: public)`,
          );
          continue;
        }
        if (known[name]!.has(value) || excused[name]!(value)) continue;
        issue(
          `<${use.name} ${name}="${value}"> names no ${WHAT[name]} of this handbook`,
          didYouMean(value, known[name]!) ?? `e.g. ${spec.example}`,
        );
      }
    }
  return issues;
}
