// A key result written in YAML: a scalar (its title) or a mapping with title, target, baseline,
// current, unit, owner, status, grade … under any of their usual names. A target written as a
// sentence is read from its words, like a bullet.
import { isMap } from 'yaml';
import { humanise } from '../names.ts';
import type { KrDraft, Where } from '../types.ts';
import { parseGrade, parseStatus, parseValue } from '../values.ts';
import { fieldTaker, prose, reportUnused, scalarText, type Fields, type YamlSource } from './nodes.ts';

const KR_TITLE_KEYS = /^(?:title|name|kr|key[_ -]?result|statement|headline|metric|text)$/i;

export function keyResultOf(y: YamlSource, node: unknown, key: string | undefined, ordinal: number, where: Where): KrDraft {
  if (!isMap(node)) return { where, label: key ?? `kr${ordinal}`, title: scalarText(node) ?? '', fromTitle: true, redactions: [] };
  const f = fieldTaker(node);
  const d = measured(f, { where, label: key ?? `kr${ordinal}`, title: '', fromTitle: false, redactions: [] }, key, ordinal);
  details(f, d);
  reportUnused(y, f, `key result "${key ?? d.title}"`);
  return d;
}

/** Title, target, baseline and current. */
function measured(f: Fields, d: KrDraft, key: string | undefined, ordinal: number): KrDraft {
  const title = f.take(KR_TITLE_KEYS);
  const description = f.take(/^(?:description|desc)$/i);
  const target = f.take(/^(?:target|goal|to)$/i);
  const baseline = f.take(/^(?:baseline|from|start|starting[_ ]point)$/i);
  const current = f.take(/^(?:current|actual|value|now|progress)$/i);
  d.title = title ?? '';
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
  return d;
}

/** Unit, measurement, timeline, owner, notes, declared status and grade, weight. */
function details(f: Fields, d: KrDraft) {
  const unit = f.take(/^units?$/i);
  if (unit) d.unit = unit;
  const measurement = f.take(/^(?:measurement|measured[_ ]by|how[_ ]measured|source|data[_ ]source)$/i);
  if (measurement) d.measurement = measurement;
  const timeline = f.take(/^(?:timeline|due|deadline|by|eta|when|end|(?:end|due|target)[_ ]?date)$/i);
  if (timeline) d.timeline = timeline;
  const owner = f.take(/^(?:owner|dri)$/i);
  if (owner) d.owner = owner;
  const note = f.take(/^(?:notes?|comments?)$/i);
  if (note) d.note = d.note ? `${d.note} ${note}` : note;
  // `Done: true` (gitokr) declares the key result done; `Done: false` says nothing more than its absence.
  const done = f.take(/^(?:done|completed|achieved)$/i);
  const status = f.take(/^status$/i) ?? (done === 'true' ? 'done' : undefined);
  const grade = f.take(/^(?:grade|score)$/i);
  if (status || grade) {
    const s = status ? parseStatus(status) : undefined;
    const g = grade ? parseGrade(grade) : undefined;
    d.declared = {
      ...(g !== undefined ? { grade: g } : {}),
      ...(s?.status ? { status: s.status } : {}),
      ...(s?.note ? { statusNote: s.note } : {}),
    };
  }
  const weight = f.take(/^weight$/i);
  if (weight && Number(weight) > 0) d.weight = Number(weight);
}
