// Property: whatever is done to valid content — keys deleted or renamed, values of another type, ids
// swapped, odd or hostile strings injected, files cut short — loading it (what `okr check` and the
// build run) never throws. It either passes, and then everything the build derives from it (export,
// CSV, OG cards, search records) is computed without throwing, or it reports errors, each naming a
// file with a message. fast-check with a fixed seed: the same few hundred cases on every run.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { formatGithub, formatJson, formatPretty } from '../../src/lib/errors.ts';
import { exportCsv, exportJson } from '../../src/lib/export.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { ogCards } from '../../src/lib/og.ts';
import { searchRecords } from '../../src/lib/search-records.ts';
import { ROOT } from '../helpers.ts';

const BASE = join(ROOT, 'test/fixtures/bad-input/base');
const FILES = readdirSync(BASE, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ya?ml|mdx)$/.test(f))
  .sort();
const YAML_FILES = FILES.filter((f) => f.endsWith('.yaml'));
const ORIGINAL = new Map(FILES.map((f) => [f, readFileSync(join(BASE, f), 'utf8')]));

type Path = (string | number)[];
type Data = Record<string, unknown>;

/** Every path to a value inside a parsed file, the root excluded. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  return [];
}

function parentOf(root: unknown, path: Path): { parent: Data | unknown[]; key: string | number } {
  let node = root as Data;
  for (const seg of path.slice(0, -1)) node = node[seg as string] as Data;
  return { parent: node, key: path.at(-1)! };
}

const odd = fc.constantFrom(
  '',
  '   ',
  '2030-02-30',
  '2030-Q1',
  'company',
  'ceo',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '</script><script>alert(1)</script>',
  '{{ constructor }}',
  '${process.exit(1)}',
  '\uD800',
  'é\u0301',
  '__proto__',
  'x'.repeat(5000),
);
const anyValue = fc.oneof(
  odd,
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, -1, 0),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.integer(), { maxKeys: 2 }),
);

type Mutation =
  | { kind: 'delete' | 'rename' | 'retype'; file: string; at: number; name: string; value: unknown }
  | { kind: 'swap-ids'; a: number; b: number }
  | { kind: 'truncate'; file: string; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('delete', 'rename', 'retype'),
    file: fc.constantFrom(...YAML_FILES),
    at: fc.nat(),
    name: fc.oneof(
      fc.constantFrom('id', 'title', 'kind', 'parent', 'owner', 'target', '__proto__', 'constructor'),
      fc.string({ maxLength: 8 }),
    ),
    value: anyValue,
  }),
  fc.record({ kind: fc.constant('swap-ids'), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('truncate'), file: fc.constantFrom(...FILES), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

/** Apply mutations to the base handbook and write it to `dir`. */
function writeMutated(dir: string, mutations: Mutation[]) {
  const data = new Map(YAML_FILES.map((f) => [f, parse(ORIGINAL.get(f)!) as Data]));
  const text = new Map<string, string>();
  for (const m of mutations) {
    if (m.kind === 'truncate') {
      const full = text.get(m.file) ?? (data.has(m.file) ? stringify(data.get(m.file)) : ORIGINAL.get(m.file)!);
      text.set(m.file, full.slice(0, Math.floor(full.length * m.at)));
      data.delete(m.file);
    } else if (m.kind === 'swap-ids') {
      const ids = [...new Set([...data.values()].flatMap((d) => paths(d).map((p) => [p, parentOf(d, p)] as const)))]
        .filter(([p, { parent, key }]) => p.at(-1) === 'id' && typeof (parent as Data)[key as string] === 'string')
        .map(([, { parent, key }]) => (parent as Data)[key as string] as string);
      if (ids.length < 2) continue;
      const [a, b] = [ids[m.a % ids.length]!, ids[m.b % ids.length]!];
      const swap = (v: unknown): unknown =>
        v === a
          ? b
          : v === b
            ? a
            : Array.isArray(v)
              ? v.map(swap)
              : v && typeof v === 'object'
                ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]))
                : v;
      for (const [f, d] of data) data.set(f, swap(d) as Data);
    } else {
      const d = data.get(m.file);
      const all = d ? paths(d) : [];
      if (!all.length) continue;
      const { parent, key } = parentOf(d, all[m.at % all.length]!);
      if (m.kind === 'retype') (parent as Data)[key as string] = m.value;
      else if (Array.isArray(parent)) parent.splice(key as number, 1);
      else {
        const value = parent[key as string];
        delete parent[key as string];
        if (m.kind === 'rename') parent[m.name] = value;
      }
    }
  }
  // Every file is rewritten on every run, so one copy of the base serves them all.
  for (const f of FILES) writeFileSync(join(dir, f), text.get(f) ?? (data.has(f) ? stringify(data.get(f)) : ORIGINAL.get(f)!));
}

const root = mkdtempSync(join(tmpdir(), 'okr-property-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('okr check on mutated content', () => {
  it('never throws: it passes, or reports errors that each name a file', () => {
    const dir = join(root, 'case');
    cpSync(BASE, dir, { recursive: true });
    let passed = 0;
    let failed = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        writeMutated(dir, mutations);
        const result = computeHandbook(dir, { cwd: root, today: '2030-02-01' });
        const errors = result.issues.filter((i) => i.severity === 'error');
        expect(result.ok).toBe(errors.length === 0);
        for (const i of result.issues) {
          expect(i.file === 'case' || i.file.startsWith('case/'), i.file).toBe(true);
          expect(i.message.trim().length, JSON.stringify(i)).toBeGreaterThan(0);
          expect(['error', 'warning']).toContain(i.severity);
          expect(Number.isInteger(i.line) && i.line >= 0).toBe(true);
        }
        // What `okr check` prints.
        formatPretty(result.issues);
        formatGithub(result.issues);
        JSON.parse(formatJson(result.issues));
        if (result.ok) {
          passed++;
          // What the build derives from valid content.
          const h = result.handbook!;
          JSON.parse(exportJson(h).toString());
          exportCsv(h);
          ogCards(h);
          searchRecords(h, { kpi: (id) => `/kpi/${id}` });
        } else failed++;
      }),
      { seed: 20_300_101, numRuns: 200 },
    );
    // The mutations reach both outcomes, so the property is not vacuous.
    expect(passed).toBeGreaterThan(10);
    expect(failed).toBeGreaterThan(100);
  });
});
