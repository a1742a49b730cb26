// OKRs and KPIs written as YAML: whole files, front matter and ```yaml blocks inside Markdown.
// Parsed with the `yaml` package keeping positions; recognised by shape, not by exact key names: a
// mapping with key results is an objective (./objective.ts), a mapping whose leaves have `metric`
// and `target` is a KPI group (./kpis.ts). Every mapping that is neither is reported, never dropped.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { humanise } from '../names.ts';
import type { KpiGroupDraft, ObjectiveDraft, Where } from '../types.ts';
import { findPeriods } from '../values.ts';
import { kpiGroupOf } from './kpis.ts';
import { hasKpis, isObjectiveMap, placedNode, scalarText, unmappedNode, whereOf, type YamlContext, type YamlSource } from './nodes.ts';
import { holdsObjective, walkOkrs, withKeyPeriod } from './nested.ts';
import { objectiveOf } from './objective.ts';

export type { YamlContext } from './nodes.ts';

export interface YamlResult {
  objectives: ObjectiveDraft[];
  kpiGroups: KpiGroupDraft[];
  /** Scalars at the top level (title, period, team, classification, …). */
  meta: Map<string, { value: string; where: Where }>;
  ok: boolean;
}

export function readYaml(text: string, ctx: YamlContext): YamlResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, version: '1.2', uniqueKeys: false, prettyErrors: false });
  const y: YamlSource = { ctx, lines };
  const result: YamlResult = { objectives: [], kpiGroups: [], meta: new Map(), ok: true };
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    ctx.report({
      kind: 'unmapped',
      file: ctx.file,
      line: lines.linePos(e.pos[0]).line + ctx.lineOffset,
      message: `YAML could not be read (${e.message.split('\n')[0]}); its content is not imported`,
    });
    return { ...result, ok: false };
  }
  // A comment may say what matters ("# KR2 dropped in August"): each is reported.
  text.split('\n').forEach((l, i) => {
    if (/^\s*#/.test(l))
      ctx.report({ kind: 'unmapped', file: ctx.file, line: i + 1 + ctx.lineOffset, message: 'YAML comment not mapped', excerpt: l.trim() });
  });
  const root = doc.contents;
  if (isSeq(root))
    root.items.forEach((item, i) => {
      if (isMap(item) && isObjectiveMap(item)) {
        result.objectives.push(objectiveOf(y, item, { ordinal: i + 1, period: ctx.period, team: ctx.team }));
        placedNode(y, item, 'objective');
      } else if (holdsObjective(item))
        walkOkrs({ y, objectives: result.objectives }, item, `list item ${i + 1}`, { period: ctx.period, team: ctx.team });
      else unmappedNode(y, item, `YAML list item ${i + 1}`);
    });
  else if (isMap(root)) for (const pair of root.items) topLevel(y, pair as Pair<Node, Node>, result);
  else if (root) unmappedNode(y, root, 'YAML value');
  // JSON (YAML's flow style) opens and closes the document on lines of their own, which carry nothing.
  if ((isMap(root) || isSeq(root)) && root.flow) {
    const { line, endLine } = whereOf(y, root);
    for (const n of new Set([line, endLine ?? line]))
      if (/^\s*[[\]{}]\s*$/.test(text.split('\n')[n - 1 - ctx.lineOffset] ?? ''))
        ctx.report({ kind: 'placed', file: ctx.file, line: n, message: 'JSON brackets' });
  }
  return result;
}

/** A top-level key: a scalar (meta), an objective, a list or mapping of objectives, a KPI group, or reported. */
function topLevel(y: YamlSource, pair: Pair<Node, Node>, result: YamlResult) {
  const key = scalarText(pair.key) ?? '';
  const val = pair.value;
  if (isScalar(val)) {
    result.meta.set(key, { value: scalarText(val) ?? '', where: whereOf(y, val, pair.key) });
    return;
  }
  const keyText = humanise(key);
  const team = /\bcompany\b/i.test(keyText) ? 'Company' : y.ctx.team;
  // `Q4:` names a quarter whose year the document gives; `Company_OKRs_2025:` a period.
  const scope = withKeyPeriod({ period: findPeriods(keyText, { years: true })[0]?.id ?? y.ctx.period, team }, key);
  if (isMap(val) && isObjectiveMap(val)) {
    const o = objectiveOf(y, val, { key, ordinal: result.objectives.length + 1, period: scope.period, team });
    if (scope.quarter !== undefined && !o.period) o.quarter ??= scope.quarter;
    result.objectives.push(o);
    return placedNode(y, val, 'objective', pair.key);
  }
  // Objectives in it, directly or at any depth (`Projects[].Members[].OKR.Q4`).
  if (holdsObjective(val)) return walkOkrs({ y, objectives: result.objectives }, val, key, scope, { key: pair.key });
  if (isMap(val) && hasKpis(val)) {
    result.kpiGroups.push(kpiGroupOf(y, key, val, whereOf(y, val, pair.key)));
    placedNode(y, val, 'KPI group', pair.key);
  } else unmappedNode(y, val, `YAML "${key}"`, pair.key);
}
