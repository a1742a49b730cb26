// Display text for key results (pure; used by pages and exports alike).
import { formatValue } from './format.ts';
import { opSymbol } from './grading.ts';
import type { KeyResult, SubMetric } from './schema/index.ts';

export interface KrDisplay {
  baseline: string;
  target: string;
  current: string;
}

type Measurable = (KeyResult | SubMetric) & { labels?: { baseline?: string; target?: string; current?: string } };

/** Baseline, target and current as a reader expects them ("$12M", "< 1%", "In QA"). */
export function displayValues(kr: Measurable, current: number | string | undefined): KrDisplay {
  const l = kr.labels ?? {};
  const unit = kr.unit;
  const v = (x: unknown) => (typeof x === 'number' || typeof x === 'string' ? formatValue(x, unit) : '—');
  let target = '—';
  let baseline = '—';
  switch (kr.kind) {
    case 'metric':
    case 'count':
      baseline = v(kr.baseline);
      target = v(kr.target);
      break;
    case 'threshold':
      baseline = v(kr.baseline);
      target = `${opSymbol(kr.operator)} ${formatValue(kr.target, unit)}`;
      break;
    case 'milestone':
      baseline = 'baseline' in kr && kr.baseline ? kr.baseline : '—';
      target = kr.target ?? 'Done';
      break;
    case 'compound':
      target = kr.parts.map((p) => `${p.title}: ${displayValues(p, p.current).target}`).join('; ');
      break;
    case 'manual':
    case 'redacted':
      break;
  }
  return {
    baseline: l.baseline ?? baseline,
    target: l.target ?? target,
    current: l.current ?? (current === undefined ? '—' : v(current)),
  };
}

export type TitlePart = { text: string } | { redaction: string };

/** Split a title into text and {redaction} tokens. */
export function titleParts(title: string): TitlePart[] {
  const parts: TitlePart[] = [];
  let last = 0;
  for (const m of title.matchAll(/\{([a-z0-9-]+)\}/g)) {
    if (m.index > last) parts.push({ text: title.slice(last, m.index) });
    parts.push({ redaction: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < title.length) parts.push({ text: title.slice(last) });
  return parts;
}

/** Plain-text title with redactions shown as their labels (for <title>, meta tags and search). */
export function plainTitle(title: string, labels: ReadonlyMap<string, string>): string {
  return titleParts(title)
    .map((p) => ('text' in p ? p.text : (labels.get(p.redaction) ?? '▮')))
    .join('');
}

export const KIND_LABEL: Record<KeyResult['kind'], string> = {
  metric: 'Metric',
  count: 'Count',
  threshold: 'Threshold',
  milestone: 'Milestone',
  manual: 'Manual',
  compound: 'Compound',
  redacted: 'Redacted',
};
