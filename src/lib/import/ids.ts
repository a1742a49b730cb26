// Stable ids derived from text: same words ⇒ same id. Pure.

const STOP = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'to',
  'for',
  'in',
  'on',
  'with',
  'by',
  'our',
  'we',
  'is',
  'are',
  'be',
  'as',
  'at',
  'its',
  'it',
  'from',
  'into',
  'that',
  'this',
]);

/** Lowercase ASCII words joined by hyphens: "Accelerate Enterprise Customer Acquisition" → "accelerate-enterprise-customer-acquisition". */
export function slug(text: string, maxWords = 5, maxLength = 48): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\{[a-z0-9-]+\}/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const meaningful = words.filter((w) => !STOP.has(w));
  const chosen = (meaningful.length ? meaningful : words).slice(0, maxWords);
  let out = '';
  for (const w of chosen) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > maxLength) break;
    out = next;
  }
  return out || chosen[0]?.slice(0, maxLength) || '';
}

/** An id for a person or team: every word kept ("Senior Product Manager - Enterprise" → "senior-product-manager-enterprise"). */
export const nameId = (name: string) => slug(name, 8, 60);

/** Hand out ids unique within a scope: "x", then "x-2", "x-3". */
export function uniqueIds(): (base: string) => string {
  const seen = new Map<string, number>();
  return (base: string) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    if (n === 1) return base;
    const id = `${base}-${n}`;
    seen.set(id, 1);
    return id;
  };
}
