// Lock rules. After a period's lockDate its key results' targets and baselines are fixed: a change
// needs a recorded revision (field, from, to, reason, approvedBy, date). Whether a value changed is
// only visible between two versions (./diff.ts, `okr check --base`); within one content directory
// this module checks that the revisions themselves are consistent. Pure.
import { formatValue } from './format.ts';
import type { ContentIssue } from './errors.ts';
import { issueAt } from './source/yaml-source.ts';
import type { HandbookModel, KrModel } from './model.ts';

type Revision = NonNullable<KrModel['revisions']>[number];
type RevField = Revision['field'];

/** The value a KR holds now for a revisable field (compound KRs: the values of their parts). */
function currentValues(kr: KrModel, field: RevField): (string | number)[] | undefined {
  const r = kr as unknown as Record<string, unknown>;
  if (kr.kind === 'compound')
    return kr.parts
      .map((p) => (p as unknown as Record<string, unknown>)[field])
      .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
  if (kr.kind === 'manual' || kr.kind === 'redacted' || (field === 'start' && kr.kind !== 'metric')) return undefined;
  const v = field === 'start' ? (r.start ?? r.baseline) : r[field];
  return typeof v === 'string' || typeof v === 'number' ? [v] : [];
}

const eq = (a: unknown, b: unknown) =>
  typeof a === 'number' || typeof b === 'number' ? Number(a) === Number(b) : String(a).trim() === String(b).trim();

/** Revisions must chain from the original value to the current one, be dated after the lock and name a real approver (the approver is checked in ./validate/key-results.ts). */
export function validateRevisions(m: HandbookModel): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const periods = new Map(m.periods.map((p) => [p.id, p]));
  for (const o of m.objectives) {
    const period = periods.get(o.period);
    for (const kr of o.keyResults) {
      const revs = kr.revisions ?? [];
      if (!revs.length) continue;
      const at = (i: number, rel: (string | number)[], message: string, hint: string, severity: ContentIssue['severity'] = 'error') =>
        issues.push(issueAt(kr.origin.src, [...kr.origin.path, 'revisions', i, ...rel], message, hint, severity));
      const lastOf = new Map<RevField, number>();
      revs.forEach((r, i) => {
        if (eq(r.from, r.to)) at(i, ['to'], `revision changes ${r.field} from ${r.from} to the same value`, 'remove it, or fix from/to');
        if (period?.lockDate && r.date <= period.lockDate)
          at(
            i,
            ['date'],
            `revision dated ${r.date}, but ${o.period} locks on ${period.lockDate}: changes before the lock need no revision`,
            `a revision records a change made after the lock date; date it when the change was approved (after ${period.lockDate})`,
          );
        if (period && !period.lockDate && i === 0)
          at(
            i,
            ['date'],
            `revisions are recorded, but period ${o.period} has no lockDate`,
            `set lockDate in periods/${o.period}.yaml so changes after it are checked`,
            'warning',
          );
        const prev = lastOf.get(r.field);
        if (prev !== undefined && !eq(revs[prev]!.to, r.from))
          at(
            i,
            ['from'],
            `revision of ${r.field} starts from ${r.from}, but the previous one changed it to ${revs[prev]!.to}`,
            'list revisions of a field in order; each one starts where the previous one ended',
          );
        if (prev !== undefined && r.date < revs[prev]!.date)
          at(i, ['date'], `revisions of ${r.field} are not in date order`, 'list revisions from oldest to newest');
        lastOf.set(r.field, i);
      });
      for (const [field, i] of lastOf) {
        const r = revs[i]!;
        const now = currentValues(kr, field);
        if (now === undefined) {
          at(i, ['field'], `a ${kr.kind} key result has no ${field}`, 'revise target or baseline instead');
          continue;
        }
        if (!now.some((v) => eq(v, r.to)))
          at(
            i,
            ['to'],
            `the last revision of ${field} says it is now ${r.to}, but the key result's ${field} is ${now.length ? now.join(', ') : 'not set'}`,
            `set ${field}: ${r.to} on the key result, or add a revision from ${r.to} to the current value`,
          );
      }
    }
  }
  return issues;
}

export interface RevisionView {
  field: RevField;
  /** The value before the first revision (as agreed at lock), and now. */
  original: string;
  revised: string;
  history: { from: string; to: string; reason: string; approvedBy: string; date: string }[];
}

/** Original vs revised values of a key result, for the objective page. */
export function revisionViews(kr: Pick<KrModel, 'revisions' | 'unit'>): RevisionView[] {
  const byField = new Map<RevField, Revision[]>();
  for (const r of kr.revisions ?? []) byField.set(r.field, [...(byField.get(r.field) ?? []), r]);
  const v = (x: string | number) => formatValue(x, kr.unit);
  return [...byField].map(([field, revs]) => ({
    field,
    original: v(revs[0]!.from),
    revised: v(revs.at(-1)!.to),
    history: revs.map((r) => ({ from: v(r.from), to: v(r.to), reason: r.reason, approvedBy: r.approvedBy, date: r.date })),
  }));
}
