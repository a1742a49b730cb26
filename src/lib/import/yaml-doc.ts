// OKRs and KPIs written as YAML: whole files, front matter and ```yaml blocks inside Markdown (seed
// 002). Parsed with the `yaml` package keeping positions; recognised by shape, not by exact key
// names: a mapping with key results is an objective, a mapping whose leaves have `metric` and
// `target` is a KPI group. Every mapping that is neither is reported, never dropped silently.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { KpiDraft, KpiGroupDraft, KrDraft, ObjectiveDraft, Report, Where } from './types.ts';
import {
  findNumbers,
  findPeriods,
  parseConfidence,
  parseGrade,
  parseObjectiveType,
  parsePriority,
  parseStatus,
  parseValue,
  type Value,
} from './values.ts';

export interface YamlContext {
  file: string;
  /** Lines before the YAML text in its file. */
  lineOffset: number;
  period?: string;
  team?: string;
  /** The Markdown section (H2) the block sits in, for KPI catalogue sections. */
  section?: string;
  report: Report;
}

export interface YamlResult {
  objectives: ObjectiveDraft[];
  kpiGroups: KpiGroupDraft[];
  /** Scalars at the top level (title, period, team, classification, …). */
  meta: Map<string, { value: string; where: Where }>;
  ok: boolean;
}

const OBJECTIVE_KRS = /^(?:key[_ -]?results?|krs|keyresults)$/i;
const TITLE_KEYS = /^(?:title|name|objective|statement|headline)$/i;
const KR_TITLE_KEYS = /^(?:title|name|kr|key[_ -]?result|statement|headline|metric)$/i;

/** "Company_OKRs_2025" → "Company OKRs 2025"; "customer_trust_safety" → "Customer trust safety". */
export const humanise = (key: string, sentence = false) => {
  const s = key.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return sentence ? s.charAt(0).toUpperCase() + s.slice(1).toLowerCase() : s;
};

const scalarText = (n: unknown): string | undefined => {
  if (isScalar(n) && n.value !== null && n.value !== undefined) return String(n.value).trim();
  return undefined;
};

export function readYaml(text: string, ctx: YamlContext): YamlResult {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, version: '1.2', uniqueKeys: false, prettyErrors: false });
  const at = (n: Node | null | undefined, key?: unknown): Where => {
    const start = (key as Node | undefined)?.range?.[0] ?? n?.range?.[0] ?? 0;
    const end = n?.range?.[1] ?? start;
    return {
      file: ctx.file,
      line: lc.linePos(start).line + ctx.lineOffset,
      endLine: lc.linePos(Math.max(start, end - 1)).line + ctx.lineOffset,
    };
  };
  const result: YamlResult = { objectives: [], kpiGroups: [], meta: new Map(), ok: true };
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    ctx.report({
      kind: 'unmapped',
      file: ctx.file,
      line: lc.linePos(e.pos[0]).line + ctx.lineOffset,
      message: `YAML could not be read (${e.message.split('\n')[0]}); its content is not imported`,
    });
    result.ok = false;
    return result;
  }
  const root = doc.contents;
  if (isSeq(root)) {
    root.items.forEach((item, i) => {
      if (isMap(item) && isObjectiveMap(item)) result.objectives.push(objective(item as YAMLMap, undefined, i + 1, ctx.period, ctx.team));
      else unmapped(item as Node, `YAML list item ${i + 1}`);
    });
    return result;
  }
  if (!isMap(root)) {
    if (root) unmapped(root as Node, 'YAML value');
    return result;
  }
  for (const pair of root.items) topLevel(pair as Pair<Node, Node>);
  return result;

  function unmapped(n: Node | null | undefined, what: string, key?: Node) {
    const keys = isMap(n) ? n.items.map((p) => scalarText(p.key)).filter(Boolean) : [];
    ctx.report({
      kind: 'unmapped',
      ...at(n, key),
      message: `${what} not mapped${keys.length ? ` (${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''})` : ''}`,
    });
  }

  function topLevel(pair: Pair<Node, Node>) {
    const key = scalarText(pair.key) ?? '';
    const val = pair.value;
    if (isScalar(val)) {
      result.meta.set(key, { value: scalarText(val) ?? '', where: at(val, pair.key) });
      return;
    }
    const keyText = humanise(key);
    const period = findPeriods(keyText, { years: true })[0]?.id ?? ctx.period;
    const team = /\bcompany\b/i.test(keyText) ? 'Company' : ctx.team;
    if (isMap(val) && isObjectiveMap(val)) {
      result.objectives.push(objective(val, key, result.objectives.length + 1, period, team));
      return;
    }
    const items = isMap(val)
      ? val.items.map((p) => ({ key: scalarText(p.key), node: p.value as Node, keyNode: p.key as Node }))
      : isSeq(val)
        ? val.items.map((n) => ({ key: undefined, node: n as Node, keyNode: undefined }))
        : [];
    const objectives = items.filter((x) => isMap(x.node) && isObjectiveMap(x.node as YAMLMap));
    if (objectives.length) {
      let ordinal = 0;
      for (const x of items) {
        if (isMap(x.node) && isObjectiveMap(x.node as YAMLMap))
          result.objectives.push(objective(x.node as YAMLMap, x.key, ++ordinal, period, team));
        else unmapped(x.node, `YAML "${key}${x.key ? `.${x.key}` : ''}"`, x.keyNode);
      }
      return;
    }
    if (isMap(val) && hasKpis(val)) {
      result.kpiGroups.push(kpiGroup(key, val, at(val, pair.key)));
      return;
    }
    unmapped(val, `YAML "${key}"`, pair.key);
  }

  function objective(
    map: YAMLMap,
    key: string | undefined,
    ordinal: number,
    period: string | undefined,
    team: string | undefined,
  ): ObjectiveDraft {
    const where = at(map);
    const { fields, used, take } = fieldTaker(map);
    let title = take(TITLE_KEYS);
    let description = take(/^description$/i);
    if (!title && description) {
      title = description;
      description = undefined;
      ctx.report({ kind: 'note', ...where, message: `objective "${key ?? title}": its description is the title (no title field)` });
    }
    if (!title) title = key ? humanise(key.replace(/^objective[_\s]*\d*[_\s]*/i, ''), true) : `Objective ${ordinal}`;
    const o: ObjectiveDraft = {
      where,
      ...(key ? { label: key } : {}),
      ordinal,
      title,
      ...(description ? { description } : {}),
      ...(period ? { period } : {}),
      ...(team ? { team } : {}),
      initiatives: [],
      dependencies: [],
      risks: [],
      keyResults: [],
    };
    const owner = take(/^owner$/i);
    if (owner) o.owner = person(owner);
    const dri = take(/^dri$/i);
    if (dri) o.dri = person(dri);
    const priority = take(/^priority$/i);
    if (priority) {
      const p = parsePriority(priority);
      if (p) o.priority = p;
      else
        ctx.report({
          kind: 'unmapped',
          ...where,
          message: `priority "${priority}" is not a priority the content model knows (P0–P3, critical/high/medium/low, tier 1–3)`,
        });
    }
    const type = take(/^type$/i);
    if (type) {
      const t = parseObjectiveType(type);
      if (t.type) o.type = t.type;
      if (t.note) o.typeNote = t.note;
    }
    const conf = take(/^confidence$/i);
    if (conf) {
      const c = parseConfidence(conf);
      if (c.value !== undefined) o.confidence = c.value;
      if (c.note) o.confidenceNote = c.note;
    }
    const status = take(/^status$/i);
    if (status) {
      const s = parseStatus(status);
      if (s?.status) o.declared = { status: s.status, ...(s.note ? { statusNote: s.note } : {}) };
    }
    const parent = take(/^(?:parent|ladders?[_ ]up[_ ]to|aligns?[_ ]to)$/i);
    if (parent) o.parentRef = { text: parent, where };
    const ps = take(/^period$/i);
    if (ps) o.period = findPeriods(ps, { years: true })[0]?.id ?? o.period;
    const ts = take(/^team$/i);
    if (ts) o.team = ts;
    for (const [name, p] of fields) {
      if (used.has(name)) continue;
      const v = p.value as Node;
      if (OBJECTIVE_KRS.test(name)) {
        used.add(name);
        if (isMap(v))
          v.items.forEach((kp, i) =>
            o.keyResults.push(kr(kp.value as Node, scalarText(kp.key), i + 1, at(kp.value as Node, kp.key as Node))),
          );
        else if (isSeq(v)) v.items.forEach((n, i) => o.keyResults.push(kr(n as Node, undefined, i + 1, at(n as Node))));
      } else if (/^(?:initiatives|projects)$/i.test(name) && isSeq(v)) {
        used.add(name);
        for (const n of v.items) {
          const t = scalarText(n) ?? (isMap(n) ? scalarText(n.get('title', true)) : undefined);
          if (t)
            o.initiatives.push({
              title: t,
              ...(isMap(n) && scalarText(n.get('team', true)) ? { team: scalarText(n.get('team', true)) } : {}),
            });
        }
      } else if (/^risks$/i.test(name) && isSeq(v)) {
        used.add(name);
        for (const n of v.items) {
          const t = scalarText(n) ?? (isMap(n) ? scalarText(n.get('title', true)) : undefined);
          if (t) o.risks.push({ title: t });
        }
      } else if (/^dependencies$/i.test(name) && isSeq(v)) {
        used.add(name);
        for (const n of v.items) {
          const t = scalarText(n);
          if (t) o.dependencies.push({ where: at(n as Node), on: t });
        }
      }
    }
    for (const [name, p] of fields)
      if (!used.has(name)) unmapped(p.value as Node, `objective "${key ?? title}": field "${name}"`, p.key as Node);
    return o;
  }

  function kr(node: Node, key: string | undefined, ordinal: number, where: Where): KrDraft {
    if (!isMap(node)) {
      const t = scalarText(node) ?? '';
      return { where, label: key ?? `kr${ordinal}`, title: t, fromTitle: true, redactions: [] };
    }
    const { fields, used, take } = fieldTaker(node);
    const title = take(KR_TITLE_KEYS);
    const description = take(/^description$/i);
    const target = take(/^(?:target|goal|to)$/i);
    const baseline = take(/^(?:baseline|from|start|starting[_ ]point)$/i);
    const current = take(/^(?:current|actual|value|now)$/i);
    const d: KrDraft = {
      where,
      label: key ?? `kr${ordinal}`,
      title: title ?? '',
      fromTitle: false,
      redactions: [],
    };
    const targetValue = target !== undefined ? parseValue(target) : undefined;
    // A value ("15%", "<100ms", "TBD") is a cell; a sentence ("100% regulatory compliance in all markets") is prose.
    if (targetValue && targetValue.type !== 'text' && target!.trim().split(/\s+/).length <= 3) d.target = targetValue;
    else if (target !== undefined) {
      // A sentence: "Achieve 15% market share in target segments" is both the KR and its target.
      d.fromTitle = true;
      d.measureText = target;
      d.milestoneTarget = target;
      if (!title) d.title = target;
    } else d.fromTitle = true;
    if (!d.title) d.title = description ?? humanise((key ?? `kr ${ordinal}`).replace(/^kr[_\s]*\d*[_\s]*/i, ''), true);
    else if (description) d.note = description;
    if (baseline !== undefined) d.baseline = prose(baseline);
    if (current !== undefined) d.current = prose(current);
    const unit = take(/^units?$/i);
    if (unit) d.unit = unit;
    const measurement = take(/^(?:measurement|measured[_ ]by|how[_ ]measured|source|data[_ ]source)$/i);
    if (measurement) d.measurement = measurement;
    const timeline = take(/^(?:timeline|due|deadline|by|eta|when)$/i);
    if (timeline) d.timeline = timeline;
    const owner = take(/^(?:owner|dri)$/i);
    if (owner) d.owner = owner;
    const note = take(/^(?:notes?|comments?)$/i);
    if (note) d.note = d.note ? `${d.note} ${note}` : note;
    const status = take(/^status$/i);
    const grade = take(/^(?:grade|score)$/i);
    if (status || grade) {
      const s = status ? parseStatus(status) : undefined;
      const g = grade ? parseGrade(grade) : undefined;
      d.declared = {
        ...(g !== undefined ? { grade: g } : {}),
        ...(s?.status ? { status: s.status } : {}),
        ...(s?.note ? { statusNote: s.note } : {}),
      };
    }
    const weight = take(/^weight$/i);
    if (weight && Number(weight) > 0) d.weight = Number(weight);
    for (const [name, p] of fields)
      if (!used.has(name)) unmapped(p.value as Node, `key result "${key ?? d.title}": field "${name}"`, p.key as Node);
    return d;
  }

  function kpiGroup(key: string, map: YAMLMap, where: Where): KpiGroupDraft {
    const g: KpiGroupDraft = {
      where,
      key,
      name: humanise(key),
      ...(ctx.section ? { section: ctx.section } : {}),
      kpis: [],
    };
    const visit = (m: YAMLMap, category: string | undefined) => {
      for (const p of m.items) {
        const k = scalarText(p.key) ?? '';
        const v = p.value as Node;
        if (isMap(v) && isKpi(v)) g.kpis.push(kpi(k, v, category, at(v, p.key as Node)));
        else if (isMap(v) && category === undefined && v.items.some((x) => isMap(x.value) && isKpi(x.value as YAMLMap))) visit(v, k);
        else unmapped(v, `KPI group "${key}": "${category ? `${category}.` : ''}${k}"`, p.key as Node);
      }
    };
    visit(map, undefined);
    return g;
  }

  function kpi(key: string, map: YAMLMap, category: string | undefined, where: Where): KpiDraft {
    const f = (k: string) => scalarText(map.get(k, true));
    const known = new Set(['metric', 'target', 'measurement', 'frequency', 'owner', 'name']);
    for (const p of map.items) {
      const k = scalarText(p.key) ?? '';
      if (!known.has(k)) unmapped(p.value as Node, `KPI "${key}": field "${k}"`, p.key as Node);
    }
    return {
      where,
      key,
      ...(category ? { category } : {}),
      name: f('name') ?? humanise(key, true),
      metric: f('metric') ?? humanise(key, true),
      target: f('target') ?? '',
      ...(f('measurement') ? { measurement: f('measurement') } : {}),
      ...(f('frequency') ? { frequency: f('frequency') } : {}),
      ...(f('owner') ? { owner: f('owner') } : {}),
    };
  }
}

function isObjectiveMap(m: YAMLMap): boolean {
  return m.items.some((p) => OBJECTIVE_KRS.test(scalarText(p.key) ?? ''));
}

function isKpi(m: YAMLMap): boolean {
  const keys = new Set(m.items.map((p) => scalarText(p.key)));
  return keys.has('metric') && keys.has('target');
}

function hasKpis(m: YAMLMap): boolean {
  return m.items.some(
    (p) =>
      isMap(p.value) && (isKpi(p.value as YAMLMap) || (p.value as YAMLMap).items.some((q) => isMap(q.value) && isKpi(q.value as YAMLMap))),
  );
}

/** A value written as prose: "Current 5% market share" → 5 "%", keeping the words. */
function prose(text: string): Value {
  const v = parseValue(text);
  if (v.type !== 'text') return v;
  const n = findNumbers(text)[0];
  if (n) return { type: 'number', value: n.value, ...(n.unit ? { unit: n.unit } : {}), raw: text };
  return v;
}

/** "Sofia Martinez (VP Customer Success)" → name + role. */
export function person(text: string): { name: string; role?: string } {
  const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(text.trim());
  if (m && m[1]) return { name: m[1].trim(), role: m[2]!.trim() };
  return { name: text.trim() };
}

/** The scalar fields of a mapping by key, with a `take` that returns the first value whose key
 * matches and records which keys were used (the rest go to the import report). */
function fieldTaker(map: YAMLMap<unknown, unknown>) {
  const fields = new Map(map.items.map((p) => [scalarText(p.key) ?? '', p as Pair<Node, Node>]));
  const used = new Set<string>();
  const take = (k: RegExp) => {
    for (const [name, p] of fields)
      if (k.test(name) && scalarText(p.value) !== undefined) {
        used.add(name);
        return scalarText(p.value);
      }
    return undefined;
  };
  return { fields, used, take };
}
