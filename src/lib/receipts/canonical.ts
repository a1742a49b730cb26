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
/** No lone surrogates: String#isWellFormed where the engine has it (native, and immediate for Latin-1 text). */
const wellFormed: (s: string) => boolean =
  typeof String.prototype.isWellFormed === 'function' ? (s) => s.isWellFormed() : (s) => !LONE_SURROGATE.test(s);

/** Throw a CanonicalError unless `value` is plain JSON that RFC 8785 represents exactly one way. */
export function assertJson(value: unknown, at = ''): asserts value is JsonValue {
  const problem = problemIn(value);
  if (!problem) return;
  let where = at;
  for (const seg of problem.path) where = typeof seg === 'number' ? `${where}[${seg}]` : where ? `${where}.${seg}` : seg;
  throw new CanonicalError(problem.message, where);
}

/** The first value that is not plain JSON, with its path (built only when there is one: most values are fine). */
function problemIn(value: unknown): { message: string; path: (string | number)[] } | undefined {
  if (value === null || typeof value === 'boolean') return undefined;
  if (typeof value === 'string') return wellFormed(value) ? undefined : { message: 'lone surrogate in a string', path: [] };
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { message: `${value} is not a JSON number`, path: [] };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) continue; // a hole, as forEach skips it
      const problem = problemIn(value[i]);
      if (problem) {
        problem.path.unshift(i);
        return problem;
      }
    }
    return undefined;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const k of Object.keys(value)) {
      if (!wellFormed(k)) return { message: 'lone surrogate in a key', path: [] };
      const v = (value as Record<string, unknown>)[k];
      if (v === undefined) continue; // absent, as in JSON.stringify
      const problem = problemIn(v);
      if (problem) {
        problem.path.unshift(k);
        return problem;
      }
    }
    return undefined;
  }
  return { message: `${typeof value === 'object' ? 'a non-plain object' : typeof value} is not JSON`, path: [] };
}

/** The RFC 8785 canonical form of a JSON value (a string; encode it as UTF-8 to hash it). */
export function canonicalJson(value: unknown): string {
  assertJson(value);
  const out = canonicalize(value);
  if (out === undefined) throw new CanonicalError('value has no JSON form', '');
  return out;
}

/** Whether `text` is already in canonical form (parses, and re-canonicalises to the same string). */
export function isCanonical(text: string): boolean {
  try {
    return canonicalJson(JSON.parse(text)) === text;
  } catch {
    return false;
  }
}
