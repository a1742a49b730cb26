// Turn zod issues into ContentIssues with positions, plain messages and hints.
import { z } from 'astro/zod';
import { didYouMean, formatPath, type ContentIssue } from '../errors.ts';
import { issueAt, positionOfKey, type YamlSource } from '../source/yaml-source.ts';
import { codePoint, CONTROL_CHARACTER } from '../printable.ts';
import { RESERVED_KEYS } from './reserved-keys.ts';

type ZodIssue = z.core.$ZodIssue;

/** All field names a schema knows (from its JSON Schema), for "did you mean" on unknown fields. */
export function fieldNames(schema: z.ZodType): Set<string> {
  const names = new Set<string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.properties && typeof o.properties === 'object') for (const k of Object.keys(o.properties)) names.add(k);
    for (const v of Object.values(o)) walk(v);
  };
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));
  return names;
}

/** What a value is, in YAML's words; a tag such as !!timestamp or !!binary makes objects that are no mapping. */
const describe = (v: unknown) =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : v instanceof Date
        ? 'a timestamp (!!timestamp)'
        : ArrayBuffer.isView(v)
          ? 'binary data (!!binary)'
          : typeof v === 'object'
            ? 'a mapping'
            : typeof v;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const seg of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[seg] : undefined;
  return v;
}

export function schemaIssues(src: YamlSource, data: unknown, issues: readonly ZodIssue[], known: Set<string>): ContentIssue[] {
  const out: ContentIssue[] = [];
  for (const issue of issues) {
    const path = issue.path;
    const field = String(path.at(-1) ?? '');
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys)
          out.push(
            keyIssue(
              src,
              path,
              key,
              `unknown field '${key}'`,
              didYouMean(key, known) ?? 'remove it, or check the field names in the JSON Schema under public/schema/',
            ),
          );
        break;
      case 'invalid_type': {
        const actual = valueAt(data, path);
        // NaN and ±Infinity are reported once, by sanitise() below.
        if (typeof actual === 'number' && !Number.isFinite(actual)) break;
        if (actual === undefined) {
          out.push(issueAt(src, path.slice(0, -1), `missing required field '${field}'`, `add '${field}:' here`));
        } else {
          const hint =
            actual instanceof Date || ArrayBuffer.isView(actual)
              ? 'remove the !!tag: the value is read as plain YAML, without tags'
              : issue.expected === 'string' && typeof actual === 'number'
                ? `write it in quotes, e.g. "${actual}"`
                : issue.expected === 'number' && typeof actual === 'string'
                  ? // 1e400 is read as text: as a number it would be Infinity.
                    /^[-+]?(\d+\.?\d*|\.\d+)[eE][-+]?\d+$/.test(actual.trim())
                    ? 'the number is too large to represent: use a larger unit (millions instead of units)'
                    : `write a plain number without units (put the unit in 'unit:'), e.g. ${actual.replace(/[^0-9.+-]/g, '') || '42'}`
                  : undefined;
          out.push(issueAt(src, path, `'${field}' must be ${article(issue.expected)}, not ${describe(actual)}`, hint));
        }
        break;
      }
      case 'invalid_value': {
        const actual = valueAt(data, path);
        const options = issue.values.map(String);
        if (actual === undefined) {
          out.push(issueAt(src, path.slice(0, -1), `missing required field '${field}'`, `add '${field}:' — one of ${options.join(', ')}`));
          break;
        }
        out.push(
          issueAt(
            src,
            path,
            `'${field}' is ${JSON.stringify(actual)}; expected one of ${options.join(', ')}`,
            typeof actual === 'string' ? didYouMean(actual, options) : undefined,
          ),
        );
        break;
      }
      case 'invalid_union': {
        if ('discriminator' in issue && issue.discriminator) {
          const actual = valueAt(data, path);
          const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
          if (actual === undefined) {
            out.push(issueAt(src, path.slice(0, -1), `missing required field 'kind'`, `add 'kind:' — one of ${options.join(', ')}`));
          } else {
            out.push(
              issueAt(
                src,
                path,
                `unknown kind ${JSON.stringify(actual)}; expected one of ${options.join(', ')}`,
                typeof actual === 'string' ? didYouMean(actual, options) : undefined,
              ),
            );
          }
        } else {
          const actual = valueAt(data, path);
          // NaN and ±Infinity are reported once, by sanitise() below.
          if (typeof actual === 'number' && !Number.isFinite(actual)) break;
          out.push(issueAt(src, path, `'${field}' has an unexpected shape: ${issue.message}`));
        }
        break;
      }
      default:
        out.push(issueAt(src, path, `'${field || 'file'}' ${lower(issue.message)}`, defaultHint(issue, valueAt(data, path))));
    }
  }
  return out;
}

/** An error at a key of the mapping at `path` (where the key is written, not its value). */
function keyIssue(src: YamlSource, path: readonly PropertyKey[], key: string, message: string, hint: string): ContentIssue {
  const at = positionOfKey(src, path, key);
  return { file: src.file, line: at.line, column: at.column, path: formatPath([...path, key]), message, hint, severity: 'error' };
}

/** A hint for the checks without one of their own: number ranges and date formats. */
function defaultHint(issue: ZodIssue, actual: unknown): string | undefined {
  if (issue.code === 'too_big' && typeof actual === 'number') {
    const max = Number(issue.maximum);
    // Confidences and grades are fractions; 80 was meant as 80 %.
    if (max === 1 && actual > 1 && actual <= 100) return `a fraction from 0 to 1: write ${actual / 100} for ${actual} %`;
    return `use a number ${issue.inclusive ? 'up to' : 'below'} ${max}`;
  }
  if (issue.code === 'too_big' && typeof actual === 'string') return `shorten it to at most ${Number(issue.maximum)} characters`;
  if (issue.code === 'too_big' && Array.isArray(actual))
    return issue.path.at(-1) === 'checkins'
      ? 'keep the recent readings: move the raw series to a source file under sources/ (okr pull reads it), or record a weekly value'
      : `keep at most ${Number(issue.maximum)} items`;
  if (issue.code === 'too_small' && typeof actual === 'number')
    return `use a number ${issue.inclusive ? 'of at least' : 'above'} ${Number(issue.minimum)}${Number(issue.minimum) === 0 ? ', e.g. 1' : ''}`;
  if (typeof actual === 'string' && /YYYY-MM-DD/.test(issue.message)) return 'e.g. 2025-02-01 (year, month, day)';
  if (typeof actual === 'string' && /real calendar date/.test(issue.message)) return 'check the month and day (months have 28–31 days)';
  return undefined;
}

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);
const lower = (s: string) => (s.startsWith('Invalid input: ') ? s.slice(15) : s.charAt(0).toLowerCase() + s.slice(1));

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Walk parsed YAML: NFC-normalise every string (so hashes do not depend on the editor) and reject
 * what RFC 8785 cannot represent faithfully — lone surrogates, NaN/Infinity, integers beyond 2^53 —
 * reserved keys (./reserved-keys.ts) and an alias inside the mapping or list it names (a value that
 * contains itself, which no reader could walk to its end). A reserved key is never assigned, so no
 * content can give a mapping a prototype of its choosing.
 */
export function sanitise(
  src: YamlSource,
  value: unknown,
  issues: ContentIssue[],
  path: PropertyKey[] = [],
  open = new Set<object>(),
): unknown {
  if (typeof value === 'string') {
    const control = CONTROL_CHARACTER.exec(value);
    if (control)
      issues.push(
        issueAt(
          src,
          path,
          `'${String(path.at(-1) ?? 'file')}' contains a control character (${codePoint(control[0])})`,
          'delete it: text may hold tabs and line breaks, but no other control characters (they hide text or drive a terminal)',
        ),
      );
    // Most content is ASCII: nothing to check or normalise.
    if (!NON_ASCII.test(value)) return value;
    if (!value.isWellFormed()) {
      issues.push(
        issueAt(src, path, 'text contains a lone surrogate (an invalid Unicode code point)', 'remove the \\uD800–\\uDFFF escape'),
      );
      return value;
    }
    return value.normalize('NFC');
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      issues.push(issueAt(src, path, `'${String(path.at(-1))}' is ${value}; numbers must be finite`, 'write an ordinary number'));
    else if (Number.isInteger(value) && !Number.isSafeInteger(value))
      issues.push(
        issueAt(
          src,
          path,
          `'${String(path.at(-1))}' is an integer beyond 2^53 and cannot be represented exactly`,
          'round it, or use a larger unit (millions instead of units) so the number is smaller',
        ),
      );
    return value;
  }
  // A timestamp or binary value (a !!timestamp or !!binary tag) has no fields to walk: the schema names it.
  if (!value || typeof value !== 'object' || value instanceof Date || ArrayBuffer.isView(value)) return value;
  if (open.has(value)) {
    issues.push(
      issueAt(
        src,
        path,
        `'${String(path.at(-1) ?? 'file')}' is an alias of a mapping or list that contains it, so its value never ends`,
        'an *alias may repeat a value written before, not the one it is inside; write the value out',
      ),
    );
    return undefined;
  }
  open.add(value);
  let out: unknown;
  if (Array.isArray(value)) out = value.map((v, i) => sanitise(src, v, issues, [...path, i], open));
  else {
    const map: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const k = key.normalize('NFC');
      if (RESERVED_KEYS.has(k)) {
        issues.push(
          keyIssue(
            src,
            path,
            key,
            `'${k}' is not a field: it is a name JavaScript reserves`,
            'remove it (a key with this name could change how every record is read)',
          ),
        );
        continue;
      }
      map[k] = sanitise(src, v, issues, [...path, key], open);
    }
    out = map;
  }
  open.delete(value);
  return out;
}
