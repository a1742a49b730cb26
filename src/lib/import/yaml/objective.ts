// An objective written in YAML: a mapping with key results, and its title, description, owner,
// DRI, priority, type, confidence, status, parent, period and team under their usual names;
// initiatives, risks and dependencies as lists. Every other field is reported.
import { isMap, isSeq, type YAMLMap } from 'yaml';
import { humanise, person } from '../names.ts';
import { objectiveDraft } from '../records.ts';
import type { ObjectiveDraft } from '../types.ts';
import { findPeriods, parseConfidence, parseObjectiveType, parsePriority, parseStatus } from '../values.ts';
import { keyResultOf } from './key-result.ts';
import { fieldTaker, isBlank, OBJECTIVE_KRS, reportUnused, scalarText, whereOf, type Fields, type YamlSource } from './nodes.ts';

const TITLE_KEYS = /^(?:title|name|objective|statement|headline|text)$/i;

export interface ObjectivePlace {
  key?: string;
  ordinal: number;
  period?: string;
  team?: string;
}

export function objectiveOf(y: YamlSource, map: YAMLMap, at: ObjectivePlace): ObjectiveDraft {
  const where = whereOf(y, map);
  const f = fieldTaker(map);
  let title = f.take(TITLE_KEYS);
  let description = f.take(/^description$/i);
  if (!title && description) {
    title = description;
    description = undefined;
    y.ctx.report({ kind: 'note', ...where, message: `objective "${at.key ?? title}": its description is the title (no title field)` });
  }
  if (!title) title = at.key ? humanise(at.key.replace(/^objective[_\s]*\d*[_\s]*/i, ''), true) : `Objective ${at.ordinal}`;
  const o = objectiveDraft({ where, label: at.key, ordinal: at.ordinal, title, description, period: at.period, team: at.team });
  scalars(y, f, o);
  lists(y, f, o);
  reportUnused(y, f, `objective "${at.key ?? title}"`);
  return o;
}

/** Owner, DRI, priority, type, confidence, status, parent, period, team. */
function scalars(y: YamlSource, f: Fields, o: ObjectiveDraft) {
  const owner = f.take(/^owner$/i);
  if (owner) o.owner = person(owner);
  const dri = f.take(/^dri$/i);
  if (dri) o.dri = person(dri);
  const priority = f.take(/^priority$/i);
  const p = priority ? parsePriority(priority) : undefined;
  if (p) o.priority = p;
  else if (priority)
    y.ctx.report({
      kind: 'unmapped',
      ...o.where,
      message: `priority "${priority}" is not a priority the content model knows (P0–P3, critical/high/medium/low, tier 1–3)`,
    });
  const type = f.take(/^type$/i);
  const t = type ? parseObjectiveType(type) : undefined;
  if (t?.type) o.type = t.type;
  if (t?.note) o.typeNote = t.note;
  const conf = f.take(/^confidence$/i);
  const c = conf ? parseConfidence(conf) : undefined;
  if (c?.value !== undefined) o.confidence = c.value;
  if (c?.note) o.confidenceNote = c.note;
  const status = f.take(/^status$/i);
  const s = status ? parseStatus(status) : undefined;
  if (s?.status) o.declared = { status: s.status, ...(s.note ? { statusNote: s.note } : {}) };
  const parent = f.take(/^(?:parent|ladders?[_ ]up[_ ]to|aligns?[_ ]to)$/i);
  if (parent) o.parentRef = { text: parent, where: o.where };
  const ps = f.take(/^(?:period|quarter)$/i);
  if (ps) o.period = findPeriods(ps, { years: true })[0]?.id ?? o.period;
  // `Q3` alone (as a period, or as the objective's id): a quarter whose year the document gives.
  const bare = /^Q([1-4])$/i.exec(ps ?? '') ?? /^Q([1-4])$/i.exec(scalarText(f.fields.get('id')?.value) ?? '');
  if (bare && !o.period) {
    o.quarter = Number(bare[1]);
    if (!ps) f.used.add('id');
  }
  const ts = f.take(/^team$/i);
  if (ts) o.team = ts;
}

/** Key results, initiatives, risks and dependencies. */
function lists(y: YamlSource, f: Fields, o: ObjectiveDraft) {
  for (const [name, p] of f.fields) {
    if (f.used.has(name)) continue;
    const v = p.value;
    const items = isSeq(v) ? v.items : undefined;
    const title = (n: unknown) => scalarText(n) ?? (isMap(n) ? scalarText(n.get('title', true)) : undefined);
    if (OBJECTIVE_KRS.test(name)) {
      f.used.add(name);
      const add = (n: unknown, key: string | undefined, i: number, keyNode?: unknown) => {
        const where = whereOf(y, n, keyNode);
        // An empty entry (`- Metric: ""`) is no key result: reported, never given an invented title.
        if (key === undefined && isBlank(n))
          y.ctx.report({ kind: 'unmapped', ...where, message: `objective "${o.title}": key result ${i + 1} is empty, not imported` });
        else o.keyResults.push(keyResultOf(y, n, key, o.keyResults.length + 1, where));
      };
      if (isMap(v)) v.items.forEach((kp, i) => add(kp.value, scalarText(kp.key), i, kp.key));
      else items?.forEach((n, i) => add(n, undefined, i));
    } else if (/^(?:initiatives|projects)$/i.test(name) && items) {
      f.used.add(name);
      for (const n of items) {
        const t = title(n);
        const team = isMap(n) ? scalarText(n.get('team', true)) : undefined;
        if (t) o.initiatives.push({ title: t, ...(team ? { team } : {}) });
      }
    } else if (/^risks$/i.test(name) && items) {
      f.used.add(name);
      for (const n of items) if (title(n)) o.risks.push({ title: title(n)! });
    } else if (/^dependencies$/i.test(name) && items) {
      f.used.add(name);
      for (const n of items) if (scalarText(n)) o.dependencies.push({ where: whereOf(y, n), on: scalarText(n)! });
    }
  }
}
