// Teams form one tree under the company (no reserved ids, no second root, no parent cycles), and
// teams and people name leads and teams that exist.
import type { ValidationContext } from './context.ts';

/** Team pages live at /periods/<period>/<team>/, beside the period's own sub-pages. */
const RESERVED_TEAM_IDS = new Set(['alignment']);

export function checkTeams(ctx: ValidationContext): void {
  const { m } = ctx;
  for (const t of m.teams) {
    if (RESERVED_TEAM_IDS.has(t.id))
      ctx.at(t.origin, ['id'], `team id '${t.id}' is reserved for a page of every period`, `choose another id, e.g. '${t.id}-team'`);
    ctx.ref(t.origin, ['parent'], t.parent, ctx.teams, 'team', 'teams.yaml');
    ctx.ref(t.origin, ['lead'], t.lead, ctx.people, 'person', 'people.yaml');
  }
  const [company, ...otherRoots] = m.teams.filter((t) => !t.parent);
  const first = m.teams[0];
  if (first && !company) ctx.at(first.origin, [], 'no root team: every team has a parent', 'the company team has no parent');
  // The first team without a parent is the company; another would silently become a second tree.
  if (company)
    for (const t of otherRoots)
      ctx.at(
        t.origin,
        ['id'],
        `team '${t.id}' has no parent, and neither has '${company.id}': only the company has none`,
        `give it a parent, e.g. parent: ${company.id}`,
      );
  // The first team of each id (a duplicate is reported by its own rule).
  const parentOf = new Map<string, string | undefined>();
  for (const t of m.teams) if (!parentOf.has(t.id)) parentOf.set(t.id, t.parent);
  for (const t of m.teams) {
    const seen = new Set<string>([t.id]);
    for (let p = t.parent; p; p = parentOf.get(p)) {
      if (seen.has(p)) {
        ctx.at(
          t.origin,
          ['parent'],
          `team parents form a cycle: ${[...seen, p].join(' → ')}`,
          'one team in the loop must have another parent',
        );
        break;
      }
      seen.add(p);
    }
  }
  for (const p of m.people) ctx.ref(p.origin, ['team'], p.team, ctx.teams, 'team', 'teams.yaml');
}
