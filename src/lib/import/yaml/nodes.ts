// The YAML tree as the importer reads it: where a node is (file and line), scalar text, the
// shapes that make a mapping an objective or a KPI, and the report entry for a node not mapped.
import { isMap, isNode, isScalar, isSeq, type LineCounter, type YAMLMap } from 'yaml';
import type { Report, Where } from '../types.ts';
import { findNumbers, parseValue, type Value } from '../values.ts';

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

/** A YAML text being read: its context and its line counter. */
export interface YamlSource {
  ctx: YamlContext;
  lines: LineCounter;
}

/** Where a node (or its key) is, in the file's lines. */
export function whereOf(y: YamlSource, n: unknown, key?: unknown): Where {
  const range = (x: unknown) => (isNode(x) ? x.range : undefined);
  const start = range(key)?.[0] ?? range(n)?.[0] ?? 0;
  const end = range(n)?.[1] ?? start;
  return {
    file: y.ctx.file,
    line: y.lines.linePos(start).line + y.ctx.lineOffset,
    endLine: y.lines.linePos(Math.max(start, end - 1)).line + y.ctx.lineOffset,
  };
}

/** A node (from its key) that became records: fields in it that did not are reported on their own. */
export function placedNode(y: YamlSource, n: unknown, what: string, key?: unknown): void {
  y.ctx.report({ kind: 'placed', ...whereOf(y, n, key), message: what });
}

/** Report a node as not mapped, naming the keys of a mapping. */
export function unmappedNode(y: YamlSource, n: unknown, what: string, key?: unknown): void {
  const keys = isMap(n) ? n.items.map((p) => scalarText(p.key)).filter(Boolean) : [];
  y.ctx.report({
    kind: 'unmapped',
    ...whereOf(y, n, key),
    message: `${what} not mapped${keys.length ? ` (${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''})` : ''}`,
  });
}

/** A scalar's text (YAML 1.2's core schema: strings, numbers, booleans; null is no text). */
export const scalarText = (n: unknown): string | undefined => {
  const v = isScalar(n) ? n.value : undefined;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v).trim() : undefined;
};

export const OBJECTIVE_KRS = /^(?:key[_ -]?results?|krs|keyresults|results)$/i;

/**
 * A mapping with key results is an objective; so is one whose `objective` is a text (gitokr's
 * `Q4: {Objective: …}` before its key results are written). `results` counts only as a list.
 */
export function isObjectiveMap(m: YAMLMap): boolean {
  return m.items.some((p) => {
    const k = scalarText(p.key) ?? '';
    if (/^results$/i.test(k)) return isSeq(p.value);
    return OBJECTIVE_KRS.test(k) || (/^objective$/i.test(k) && Boolean(scalarText(p.value)));
  });
}

/** A key result with no text at all (`- Metric: ""`, `-`): nothing to import, only to report. */
export function isBlank(n: unknown): boolean {
  if (n == null || isScalar(n)) return !scalarText(n);
  return isMap(n) && n.items.every((p) => isScalar(p.value) && !scalarText(p.value));
}

/** A mapping with `metric` and `target` is a KPI. */
export function isKpi(m: YAMLMap): boolean {
  const keys = new Set(m.items.map((p) => scalarText(p.key)));
  return keys.has('metric') && keys.has('target');
}

/** A mapping of KPIs, directly or by category. */
export function hasKpis(m: YAMLMap): boolean {
  return m.items.some((p) => isMap(p.value) && (isKpi(p.value) || p.value.items.some((q) => isMap(q.value) && isKpi(q.value))));
}

/** A value written as prose: "Current 5% market share" → 5 "%", keeping the words. */
export function prose(text: string): Value {
  const v = parseValue(text);
  if (v.type !== 'text') return v;
  const n = findNumbers(text)[0];
  if (n) return { type: 'number', value: n.value, ...(n.unit ? { unit: n.unit } : {}), raw: text };
  return v;
}

/** The scalar fields of a mapping by key, with a `take` that returns the first value whose key
 * matches and records which keys were used (the rest go to the import report). */
export function fieldTaker(map: YAMLMap<unknown, unknown>) {
  const fields = new Map(map.items.map((p) => [scalarText(p.key) ?? '', p]));
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

export type Fields = ReturnType<typeof fieldTaker>;

/** Every field of a mapping no reader took, reported. */
export function reportUnused(y: YamlSource, f: Fields, what: string): void {
  for (const [name, p] of f.fields) if (!f.used.has(name)) unmappedNode(y, p.value, `${what}: field "${name}"`, p.key);
}
