// OKR blocks at any depth of a YAML document, as tools like gitokr write them: an `OKR:` block keyed
// by quarter at the top, and again under `Projects[]` and `Projects[].Members[]`, each owned by the
// `Name` of the mapping it sits in. The walk carries what the path says: the period a key names
// (`2024-Q1`, `FY25`, `2019`, or `Q4` whose year comes from above or from the document) and the
// nearest enclosing name, team or owner. Subtrees holding no objective are reported, never dropped.
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { humanise, person } from '../names.ts';
import type { ObjectiveDraft } from '../types.ts';
import { findPeriods } from '../values.ts';
import { isObjectiveMap, placedNode, scalarText, unmappedNode, whereOf, type YamlSource } from './nodes.ts';
import { objectiveOf } from './objective.ts';

/** What the path down to a node says about the objectives under it. */
export interface Scope {
  period?: string;
  /** A quarter named without its year (`Q4:`), with the year from an enclosing key if one named it. */
  quarter?: number;
  year?: { year: number; fiscal: boolean };
  team?: string;
  owner?: string;
}

/** The period a key names when it is nothing but a period: `2024-Q1`, `Q1 2024`, `FY25`, `2019`, `Q4`. */
export function keyPeriod(key: string): Pick<Scope, 'period' | 'quarter' | 'year'> | undefined {
  const text = key.replace(/_/g, ' ').trim();
  const bare = /^Q([1-4])$/i.exec(text);
  if (bare) return { quarter: Number(bare[1]) };
  const p = findPeriods(text, { years: true })[0];
  if (!p || p.index !== 0 || p.length !== text.length) return undefined;
  return p.kind === 'year' ? { period: p.id, year: { year: p.year, fiscal: p.fiscal } } : { period: p.id };
}

/** A scope entered through a key naming a period: a bare quarter takes the year named above it. */
export function withKeyPeriod(scope: Scope, key: string | undefined): Scope {
  const p = key !== undefined ? keyPeriod(key) : undefined;
  if (!p) return scope;
  if (p.quarter === undefined) return { ...scope, ...p, quarter: undefined };
  const named = scope.period ? findPeriods(scope.period, { years: true })[0] : undefined;
  const y = scope.year ?? (named ? { year: named.year, fiscal: named.fiscal } : undefined);
  if (!y) return { ...scope, period: undefined, quarter: p.quarter };
  return {
    ...scope,
    period: y.fiscal ? `FY${String(y.year).padStart(2, '0')}-Q${p.quarter}` : `${y.year}-Q${p.quarter}`,
    quarter: undefined,
  };
}

/** Keys whose list items are people, so a `Name` there is a person who owns the OKRs under it. */
const PEOPLE = /^(?:members|people|persons|individuals|staff|employees|users|contributors|owners|team[_ ]?members)$/i;
const NAME = /^(?:name|title)$/i;

/** Does an objective sit anywhere in this node? */
export function holdsObjective(n: unknown): boolean {
  if (isMap(n)) return isObjectiveMap(n) || n.items.some((p) => holdsObjective(p.value));
  if (isSeq(n)) return n.items.some(holdsObjective);
  return false;
}

const isEmpty = (n: unknown) => n == null || (isScalar(n) && n.value == null) || ((isMap(n) || isSeq(n)) && n.items.length === 0);

export interface Walk {
  y: YamlSource;
  objectives: ObjectiveDraft[];
}

/** Read a node holding objectives somewhere below, `path` naming it in the report ("Projects.Space.OKR"). */
export function walkOkrs(w: Walk, node: unknown, path: string, scope: Scope, at: { key?: unknown; people?: boolean } = {}): void {
  if (isSeq(node)) {
    let ordinal = 0;
    for (const [i, item] of node.items.entries())
      if (isMap(item) && isObjectiveMap(item)) objective(w, item, undefined, ++ordinal, scope);
      else child(w, item, `${path}[${i + 1}]`, scope, undefined, at.people ?? false);
    return placedNode(w.y, node, path, at.key);
  }
  if (!isMap(node)) return unmappedNode(w.y, node, `YAML "${path}"`);
  const own = ownerOf(node, at.people ?? false);
  const inner: Scope = { ...scope, ...(own.team ? { team: own.team } : {}), ...(own.owner ? { owner: own.owner } : {}) };
  const label = own.name ? `${path}(${own.name})` : path;
  let ordinal = 0;
  for (const p of node.items) {
    const key = scalarText(p.key) ?? '';
    if (isMap(p.value) && isObjectiveMap(p.value)) objective(w, p.value, key, ++ordinal, withKeyPeriod(inner, key));
    else if (isScalar(p.value) && !isEmpty(p.value) && own.keys.has(key))
      placedNode(w.y, p.value, `owner of the OKRs in "${label}"`, p.key);
    else child(w, p.value, `${label}.${key}`, withKeyPeriod(inner, key), p.key, PEOPLE.test(key));
  }
  placedNode(w.y, node, path, at.key);
}

/** A node under a walked one: walked if it holds an objective, reported otherwise. */
function child(w: Walk, n: unknown, path: string, scope: Scope, key: unknown, people: boolean) {
  if (isMap(n) && isObjectiveMap(n)) objective(w, n, undefined, 1, scope);
  else if (holdsObjective(n)) walkOkrs(w, n, path, scope, { key, people });
  else if (isEmpty(n))
    w.y.ctx.report({ kind: 'unmapped', ...whereOf(w.y, n, key), message: `YAML "${path}" is empty: no objective in it` });
  else {
    // A project whose OKR block is still `Q4: {}` says so, rather than merely "not mapped".
    const empty = emptyPeriods(n);
    const name = isMap(n) ? ownerOf(n, people).name : undefined;
    const what = `YAML "${path}${name ? `(${name})` : ''}"`;
    unmappedNode(w.y, n, empty.length ? `${what} (no objective, only empty blocks: ${empty.join(', ')})` : what, key);
  }
}

/** The paths of the empty mappings keyed by a period (`OKR.Q4: {}`, `2019: {}`) in a node. */
export function emptyPeriods(n: unknown, path = ''): string[] {
  if (!isMap(n)) return [];
  return n.items.flatMap((p) => {
    const key = scalarText(p.key) ?? '';
    const here = path ? `${path}.${key}` : key;
    return isEmpty(p.value) && keyPeriod(key) ? [here] : emptyPeriods(p.value, here);
  });
}

function objective(w: Walk, map: YAMLMap, key: string | undefined, ordinal: number, scope: Scope) {
  const period = keyPeriod(key ?? '') ? undefined : key;
  const o = objectiveOf(w.y, map, { key: period, ordinal, period: scope.period, team: scope.team });
  if (!o.owner && scope.owner) o.owner = person(scope.owner);
  if (scope.quarter !== undefined && !o.period) o.quarter ??= scope.quarter;
  w.objectives.push(o);
  placedNode(w.y, map, 'objective', undefined);
}

/** The name, team and owner a mapping gives the OKRs under it: a `Name` is a team, or a person in a list of people. */
function ownerOf(map: YAMLMap, people: boolean): { name?: string; team?: string; owner?: string; keys: Set<string> } {
  const keys = new Set<string>();
  const field = (re: RegExp) => {
    for (const p of map.items) {
      const k = scalarText(p.key) ?? '';
      const v = isScalar(p.value) ? scalarText(p.value) : undefined;
      if (re.test(k) && v) {
        keys.add(k);
        return v;
      }
    }
    return undefined;
  };
  const name = field(NAME);
  const team = field(/^team$/i);
  const owner = field(/^(?:owner|dri)$/i);
  return {
    ...(name ? { name: humanise(name) } : {}),
    ...((team ?? (!people ? name : undefined)) ? { team: team ?? name } : {}),
    ...((owner ?? (people ? name : undefined)) ? { owner: owner ?? name } : {}),
    keys,
  };
}
