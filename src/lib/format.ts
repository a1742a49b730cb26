// Number and value formatting shared by derivations, pages and exports (deterministic, locale-free).

/** Round half away from zero to `digits` decimals (0.4167 → 0.42, 0.125 → 0.13). */
export function roundHalfAway(x: number, digits = 2): number {
  const f = 10 ** digits;
  // The epsilon absorbs binary noise such as 0.145 being stored as 0.14499999….
  return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
}

/** A grade for display: "0.42", or "—" when ungraded. */
export const formatGrade = (g: number | null | undefined) => (g === null || g === undefined ? '—' : roundHalfAway(g).toFixed(2));

/** A number as written in a derivation: up to 4 significant decimals, no trailing zeros, Unicode minus. */
export function formatNumber(n: number): string {
  // Integers (most values) print as themselves; toFixed is the costly part.
  const s = Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/** A number in a derivation: formatNumber's text when it is exact, else every digit, so a reader recomputes the same grade. */
export function exactNumber(n: number): string {
  const short = formatNumber(n);
  if (Number(short.replace('−', '-')) === n) return short;
  const s = String(n);
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/**
 * Terms of a derivation printed with as few decimals (2, 4, 6, else all) as still give `result`, as
 * displayed, when recomputed from the printed terms: a reader's arithmetic then lands on the grade
 * shown beside it. `recompute` combines the printed (parsed back) terms the way the grade was made.
 */
export function reproducibleTerms(values: readonly number[], result: number, recompute: (xs: number[]) => number): string[] {
  const shown = formatGrade(result);
  for (const digits of [2, 4, 6]) {
    const printed = values.map((v) => roundHalfAway(v, digits));
    if (formatGrade(recompute(printed)) === shown) return printed.map((v) => v.toFixed(digits));
  }
  return values.map((v) => String(v));
}

/** A value with its unit: "$14.5M", "55%", "105 days", "6.5/10", "2.8x". */
export function formatValue(n: number | string | undefined, unit?: string): string {
  if (n === undefined) return '—';
  if (typeof n === 'string') return n;
  const num = formatNumber(n);
  if (!unit) return num;
  if (unit.startsWith('$')) return `${num.startsWith('−') ? '−$' + num.slice(1) : '$' + num}${unit.slice(1)}`;
  if (/^(%|x|K|M|B|\/\d+)/.test(unit)) return `${num}${unit}`;
  return `${num} ${unit}`;
}

export const percent = (x: number) => `${Math.round(x * 100)}%`;

/** A value read from content as text: scalars as String() writes them, lists and mappings as JSON. */
export function scalarText(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'object':
      return v === null ? 'null' : JSON.stringify(v);
    case 'function':
      return 'function';
    default:
      return String(v);
  }
}
