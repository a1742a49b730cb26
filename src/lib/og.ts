// Open Graph cards: what each social preview image shows, computed from the handbook (pure).
// The renderer (src/integrations/og-images.ts) only draws these and caches by their hash.
import { createHash } from 'node:crypto';
import { formatGrade } from './format.ts';
import type { Light, Status } from './status.ts';
import type { ComputedHandbook } from './handbook.ts';
import { plainTitle } from './present.ts';

export interface OgCard {
  /** Output path under the site root, e.g. "og/objectives/x.png". */
  path: string;
  title: string;
  /** Team · period line. */
  subtitle: string;
  org: string;
  grade: number | null;
  gradeText: string;
  status: Light | null;
  statusLabel: string;
}

/** Bump when the card layout changes, so cached images are redrawn. */
export const OG_TEMPLATE_VERSION = 2;

export const ogPath = {
  default: () => 'og/default.png',
  period: (id: string) => `og/periods/${id}.png`,
  teamPeriod: (period: string, team: string) => `og/periods/${period}/${team}.png`,
  objective: (id: string) => `og/objectives/${id}.png`,
};

export function ogCards(h: ComputedHandbook): OgCard[] {
  const org = h.model.org.name;
  const redactions = new Map(h.model.org.redactions.map((r) => [r.id, r.label]));
  const teams = new Map(h.model.teams.map((t) => [t.id, t.name]));
  const periods = new Map(h.periods.map((p) => [p.id, p]));
  const card = (path: string, title: string, subtitle: string, grade: number | null, status: Status | null): OgCard => ({
    path,
    title,
    subtitle,
    org,
    grade,
    gradeText: grade === null ? 'Ungraded' : formatGrade(grade),
    status: status?.light ?? null,
    statusLabel: status?.word ?? 'Not graded yet',
  });
  const company = new Map(h.companyPeriods.map((c) => [c.period, c]));
  return [
    card(ogPath.default(), `${org} OKR Handbook`, 'Objectives, key results and grades', null, null),
    ...h.periods.map((p) => {
      const c = company.get(p.id);
      return card(
        ogPath.period(p.id),
        p.theme ? `${p.name ?? p.id}: ${p.theme}` : (p.name ?? p.id),
        `Company · ${p.start} – ${p.end}`,
        c?.grade ?? null,
        c?.status ?? null,
      );
    }),
    ...h.teamPeriods.map((t) =>
      card(
        ogPath.teamPeriod(t.period, t.team),
        `${teams.get(t.team) ?? t.team} — ${periods.get(t.period)?.name ?? t.period}`,
        `${t.coverage.graded}/${t.coverage.total} objectives graded`,
        t.grade,
        t.status,
      ),
    ),
    ...h.objectives.map((o) =>
      card(
        ogPath.objective(o.id),
        plainTitle(o.title, redactions),
        `${teams.get(o.team) ?? o.team} · ${periods.get(o.period)?.name ?? o.period}`,
        o.rollup.grade,
        o.rollup.status,
      ),
    ),
  ];
}

/** The cache key of a card: every input that changes its pixels. */
export function ogHash(card: OgCard, fontsVersion: string): string {
  return createHash('sha256')
    .update(JSON.stringify([OG_TEMPLATE_VERSION, fontsVersion, card]))
    .digest('hex');
}
