// People named in free text (a decision receipt's approvers): the ones the handbook knows, by id or by
// their exact name, become links to their owner page like every other name on the site.
import type { SiteIndex } from '../site-index.ts';

/** Each name with the person it names, if the handbook has exactly that id or name. */
export function namedPeople(s: SiteIndex, names: readonly string[]): { name: string; person?: string }[] {
  return names.map((name) => {
    const person = s.person.get(name) ?? [...s.person.values()].find((p) => p.name === name);
    return person ? { name, person: person.id } : { name };
  });
}
