// An owner's page as data: what they own and are directly responsible for, newest period first, each
// naming its period (an owner's objectives span periods), and their key results with where they sit.
import type { ComputedKr, ComputedObjective } from '../handbook.ts';
import { plainTitle } from '../present.ts';
import type { SiteIndex } from '../site-index.ts';
import type { Urls } from '../urls.ts';

export interface OwnerView {
  owns: ComputedObjective[];
  dri: ComputedObjective[];
  krs: { text: string; href: string; where: string }[];
}

export function ownerView(s: SiteIndex, url: Urls, person: string): OwnerView {
  const b = s.byPerson.get(person) ?? { owns: [], dri: [], krs: [] };
  const start = (period: string) => s.period.get(period)?.start ?? '';
  const newestFirst = <T extends { period: string }>(xs: readonly T[]) =>
    [...xs].sort((a, c) => start(c.period).localeCompare(start(a.period)));
  const periodOf = (k: ComputedKr) => s.objective.get(k.objective)?.period ?? '';
  const krs = [...b.krs].sort((a, c) => start(periodOf(c)).localeCompare(start(periodOf(a))));
  return {
    owns: newestFirst(b.owns),
    dri: newestFirst(b.dri),
    krs: krs.map((k) => {
      const o = s.objective.get(k.objective)!;
      const period = s.period.get(o.period);
      return {
        text: `${k.id.toUpperCase()}: ${plainTitle(k.title, s.redactionLabel)}`,
        href: url.kr(k.uid),
        where: `${period?.name ?? o.period} · ${o.title}`,
      };
    }),
  };
}
