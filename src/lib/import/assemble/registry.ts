// The teams and people of the handbook being assembled, named as the documents name them ("Sales",
// "Platform Team", "CEO", "Sofia Martinez (VP Customer Success)") and given stable ids. One
// registry per import, filled in document order so the files list them in that order.
import { nameId } from '../ids.ts';
import { ROLE_WORDS } from '../names.ts';
import { teamId } from '../teams.ts';
import type { PersonRef, Report } from '../types.ts';

type Rec = Record<string, unknown>;

export interface Registry {
  teams: Map<string, Rec>;
  /** Team names as written (lower-cased, without "team") → team id. */
  teamNames: Map<string, string>;
  people: Map<string, Rec>;
  report: Report;
}

export function newRegistry(orgName: string, report: Report): Registry {
  return {
    teams: new Map([['company', { id: 'company', name: orgName, description: 'The whole company.' }]]),
    teamNames: new Map([['company', 'company']]),
    people: new Map(),
    report,
  };
}

const teamKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/\bteam\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The id of a team the documents named, if any. */
export const findTeam = (r: Registry, name: string): string | undefined => r.teamNames.get(teamKey(name)) ?? r.teamNames.get(teamId(name));

/** The id of a team, created (and reported with `why`) the first time it is named. */
export function addTeam(r: Registry, name: string, why?: { file: string; line: number; what: string }): string {
  const known = findTeam(r, name);
  if (known) return known;
  const id = teamId(name);
  if (!r.teams.has(id)) {
    r.teams.set(id, { id, name, parent: 'company' });
    if (why) r.report({ kind: 'note', file: why.file, line: why.line, message: `team "${name}" (${id}) created for ${why.what}` });
  }
  r.teamNames.set(teamKey(name), id);
  r.teamNames.set(id, id);
  return id;
}

const isPersonalName = (name: string) => /^[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){1,2}$/u.test(name) && !ROLE_WORDS.test(name);

/** A person's id (created the first time), and their role when the name is a person's and a role was written. */
export function addPerson(r: Registry, ref: PersonRef): { id: string; role?: string } {
  const name = ref.name.trim();
  // A name with no Latin letters (林晓) gets an id from its code points, so two such people stay two.
  const id = nameId(name) || (name ? `person-${[...name].map((ch) => ch.codePointAt(0)!.toString(36)).join('-')}` : 'someone');
  if (!r.people.has(id)) r.people.set(id, { id, name, ...(ref.role && ref.role !== name ? { title: ref.role } : {}) });
  return { id, ...(isPersonalName(name) && ref.role ? { role: ref.role } : {}) };
}
