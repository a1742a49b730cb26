// Breadcrumb trails: every page under a period starts the same way, as its period page does.
import { site } from './handbook.ts';
import { url } from './urls.ts';

export interface Crumb {
  href?: string;
  label: string;
}

/** Home › Periods › (its year, for a quarter) › the period. */
export function periodTrail(id: string): Crumb[] {
  const s = site();
  const p = s.period.get(id);
  const year = p?.kind === 'quarter' ? s.period.get(p.year) : undefined;
  return [
    { href: url.home(), label: 'Home' },
    { href: url.periods(), label: 'Periods' },
    ...(year ? [{ href: url.period(year.id), label: year.name ?? year.id }] : []),
    { href: url.period(id), label: p?.name ?? id },
  ];
}
