// RFC 8785 (JSON Canonicalization Scheme) through the `canonicalize` package, with a stricter gate:
// only plain JSON values go in. The loader (src/lib/load/schema-issues.ts `sanitise`) already turns
// lone surrogates, NaN/Infinity and integers beyond 2^53 in content into errors with file and field
// (an integer literal such as 9007199254740993 would silently become another number). Here, JSON
// itself cannot carry NaN, Infinity or lone surrogates, so they throw; large doubles such as 1e30
// are ordinary JSON numbers and serialise per RFC 8785 (ECMAScript Number-to-String).
// Browser-safe: no Node imports (the Verify button bundles it).
import canonicalize from 'canonicalize';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export class CanonicalError extends Error {
  override name = 'CanonicalError';
  /** Where in the value the problem is, e.g. "keyResults[2].title". */
  readonly at: string;
  constructor(message: string, at: string) {
    super(`${message}${at ? ` at ${at}` : ''}`);
    this.at = at;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Throw a CanonicalError unless `value` is plain JSON that RFC 8785 represents exactly one way. */
export function assertJson(value: unknown, at = ''): asserts value is JsonValue {
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) throw new CanonicalError('lone surrogate in a string', at);
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CanonicalError(`${value} is not a JSON number`, at);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertJson(v, `${at}[${i}]`));
    return;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) {
      if (LONE_SURROGATE.test(k)) throw new CanonicalError('lone surrogate in a key', at);
      if (v === undefined) continue; // absent, as in JSON.stringify
      assertJson(v, at ? `${at}.${k}` : k);
    }
    return;
  }
  throw new CanonicalError(`${typeof value === 'object' ? 'a non-plain object' : typeof value} is not JSON`, at);
}

/** The RFC 8785 canonical form of a JSON value (a string; encode it as UTF-8 to hash it). */
export function canonicalJson(value: unknown): string {
  assertJson(value);
  const out = canonicalize(value);
  if (out === undefined) throw new CanonicalError('value has no JSON form', '');
  return out;
}

const encoder = new TextEncoder();

/** The canonical form as UTF-8 bytes: what a leaf hash covers. */
export const canonicalBytes = (value: unknown): Uint8Array => encoder.encode(canonicalJson(value));

/** Whether `text` is already in canonical form (parses, and re-canonicalises to the same string). */
export function isCanonical(text: string): boolean {
  try {
    return canonicalJson(JSON.parse(text)) === text;
  } catch {
    return false;
  }
}
