// The loader reads plain YAML with js-yaml and falls back to `yaml` (the authority for positions and
// errors) for everything else; both must read every file the same way.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { constructFromEvents, CORE_SCHEMA, parseEvents } from 'js-yaml';
import { isMap, isScalar, isSeq, parse, parseDocument, stringify, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ContentIssue } from '../../src/lib/errors.ts';
import { splitFrontmatter } from '../../src/lib/load/parse-file.ts';
import { sanitise } from '../../src/lib/load/schema-issues.ts';
import { constructPlain } from '../../src/lib/load/yaml-construct.ts';
import { nodeOffsets, offsetsFromEvents, pathKey } from '../../src/lib/source/yaml-positions.ts';
import { parseYaml } from '../../src/lib/load/parse-yaml.ts';
import { positionOf, positionOfKey, YamlSource } from '../../src/lib/source/yaml-source.ts';
import { FISCAL, MAIN, ROOT } from '../helpers.ts';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ya?ml|mdx?)$/.test(f))
    .map((f) => join(dir, f));
}

const slow = (text: string) => parse(text, { version: '1.2', uniqueKeys: true, maxAliasCount: 100 });

describe('the fast YAML path', () => {
  const all = [...files(MAIN), ...files(FISCAL)].map((f) => {
    const text = readFileSync(f, 'utf8').replace(/^\uFEFF/, '');
    return { file: relative(ROOT, f), text: /\.mdx?$/.test(f) ? (splitFrontmatter(text).yaml ?? '') : text };
  });

  it('reads every demo file exactly as `yaml` does', () => {
    expect(all.length).toBeGreaterThan(50);
    for (const { file, text } of all) {
      if (!text.trim()) continue;
      const r = parseYaml(file, text);
      expect(r.issues, file).toEqual([]);
      expect(r.value, file).toEqual(slow(text));
    }
  });

  it('reads values written in every style the same way', () => {
    const value = {
      id: 'kr-1',
      numbers: [0, -0.5, 1e21, 12, 0x1f, 3.25],
      strings: ['2025-01-01', '12:30', 'yes', 'on', 'null', '~', '0o17', "it's", 'a: b', '# not a comment', 'ünïcødé ✓', ''],
      flags: [true, false, null],
      nested: { deep: [{ a: 1 }, { b: [1, [2, [3]]] }], empty: {}, none: [] },
      multiline: 'line one\nline two\n',
    };
    for (const opts of [
      {},
      { collectionStyle: 'flow' as const },
      { defaultStringType: 'QUOTE_DOUBLE' as const },
      { defaultStringType: 'BLOCK_LITERAL' as const },
    ]) {
      const text = stringify(value, opts);
      const r = parseYaml('x.yaml', text);
      expect(r.value).toEqual(slow(text));
      expect(r.value).toEqual(value);
    }
    // Plain scalars the two parsers could read differently under other schemas.
    for (const s of [
      '0x1F',
      '0o17',
      '017',
      '+12',
      '-0',
      '1e3',
      '.5',
      '.inf',
      '-.Inf',
      '.NaN',
      '~',
      'Null',
      'TRUE',
      'yes',
      'on',
      '2020-01-01',
      '12:30',
      '1_000',
      '0b101',
    ])
      expect(parseYaml('x.yaml', `v: ${s}\n`).value, s).toEqual(slow(`v: ${s}\n`));
  });

  it('leaves tags, anchors, aliases and directives to `yaml`', () => {
    const anchored = 'a: &x { b: 1 }\nc: *x\n';
    expect(parseYaml('x.yaml', anchored).value).toEqual({ a: { b: 1 }, c: { b: 1 } });
    const tagged = parseYaml('x.yaml', 'v: !!float 1\n');
    expect(tagged.value).toEqual({ v: '1' });
    expect(tagged.issues[0]).toMatchObject({ severity: 'warning', line: 1 });
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
    ].join('\n');
    const r = parseYaml('bomb.yaml', `${bomb}\n`);
    expect(r.value).toBeUndefined();
    expect(r.issues.some((i) => i.severity === 'error')).toBe(true);
  });

  it('reports syntax errors and duplicate keys with `yaml`’s position and message', () => {
    const dup = parseYaml('d.yaml', 'name: A\nname: B\n', 3);
    expect(dup.value).toBeUndefined();
    expect(dup.issues).toMatchObject([{ file: 'd.yaml', line: 5, severity: 'error', message: expect.stringMatching(/unique|duplicate/i) }]);
    const broken = parseYaml('b.yaml', 'objectives:\n  - id: a\n   title: x\n');
    expect(broken.issues[0]).toMatchObject({ file: 'b.yaml', line: 3, severity: 'error' });
  });

  it('reports nesting too deep once, where it starts, however deep the caller’s stack is', () => {
    const text = `id: finance\nextra: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    const deeper = (n: number): ReturnType<typeof parseYaml> => (n === 0 ? parseYaml('k.yaml', text) : deeper(n - 1));
    // At the bracket that goes past the limit (the 100th level under the top mapping).
    const issues = parseYaml('k.yaml', text).issues;
    expect(issues).toEqual([
      expect.objectContaining({ file: 'k.yaml', line: 2, column: 107, message: 'YAML syntax error: the data nests too deeply to read' }),
    ]);
    expect(deeper(2000).issues).toEqual(issues);
    // Within the limit it is read (the top mapping, 98 lists and the number are 100 levels).
    expect(parseYaml('k.yaml', `a: ${'['.repeat(98)}1${']'.repeat(98)}\n`).issues).toEqual([]);
  });

  it('finds every node and key where `yaml` does', () => {
    let compared = 0;
    const tricky = [
      '# comment\nid: x # trailing\n"quoted key": 1\n\'single\': [a, "b", {c: d}]\nempty:\nlist:\n- a\n-   b\n- - nested\n  - "two"\n',
      'block: |\n  text\n  more\nfolded: >-\n  folded\nflow: { a: 1, b: [1, 2, { c: "x" }] }\nmulti: "line one\n  line two"\n',
      'objectives:\n  - id: a\n    keyResults:\n      - { id: kr1, checkins: [{ date: 2025-01-01, value: 1 }] }\n      -\n        id: kr2\n',
    ];
    for (const { file, text } of [...all, ...tricky.map((text, i) => ({ file: `tricky-${i}`, text }))]) {
      if (!text.trim()) continue;
      const want = { value: new Map<string, number>(), key: new Map<string, number>() };
      const walk = (node: unknown, path: (string | number)[]) => {
        const range = (node as Node | null)?.range;
        if (range) want.value.set(pathKey(path), range[0]);
        if (isMap(node))
          for (const pair of node.items) {
            if (!isScalar(pair.key)) continue;
            const k = String(pair.key.value);
            want.key.set(pathKey([...path, k]), pair.key.range![0]);
            walk(pair.value, [...path, k]);
          }
        else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
      };
      walk(parseDocument(text, { version: '1.2' }).contents, []);
      const got = nodeOffsets(text)!;
      // `yaml` gives an empty value (`key:` with nothing) no node of its own; compare the rest.
      for (const [k, v] of want.value) expect(got.value.get(k), `${file} ${k.replace(/\u0000/g, '.')}`).toBe(v);
      for (const [k, v] of want.key) expect(got.key.get(k), `${file} key ${k.replace(/\u0000/g, '.')}`).toBe(v);
      compared += want.value.size;
    }
    expect(compared).toBeGreaterThan(3_000);
  });

  it('builds plain files in one pass exactly as js-yaml, sanitise() and the position index do', () => {
    const tricky = [
      '1: a\n2: b\nz: c\n0: d\n',
      '\'k\': \'v\'\n"q": "w\\u00e9"\nempty:\nlist: [ ]\nmap: {}\n',
      'a: |\n  x\n  y\nb: >-\n  z\nc: [1, {d: ~, e: .5, f: 0x1F}]\n',
      'objectives:\n  - id: a\n    keyResults:\n      - { id: kr1, checkins: [{ date: 2025-01-01, value: 1 }] }\n',
      'constructor: 1\ntoString: [x]\n',
      'title: ünïcødé ✓\n',
    ];
    let built = 0;
    for (const { file, text } of [...all, ...tricky.map((text, i) => ({ file: `tricky-${i}`, text }))]) {
      if (!text.trim()) continue;
      const events = parseEvents(text, { maxDepth: 100 });
      const plain = constructPlain(text, events, 3);
      const [value] = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: 0 });
      if (!plain) continue;
      built++;
      const issues: ContentIssue[] = [];
      expect(plain.value, file).toStrictEqual(value);
      expect(JSON.stringify(plain.value), file).toBe(JSON.stringify(value));
      expect(sanitise(new YamlSource(file, text, 0), value, issues), file).toStrictEqual(value);
      expect(issues, file).toEqual([]);
      const offsets = offsetsFromEvents(text, events, 3);
      expect([...plain.shallow.value], file).toEqual([...offsets.value]);
      expect([...plain.shallow.key], file).toEqual([...offsets.key]);
    }
    expect(built).toBeGreaterThan(50);
    // What it leaves to the general route: sanitise() has something to say, or js-yaml refuses it.
    for (const text of [
      'k: "e\\u0301"\n', // not NFC
      'k: "\\ud800"\n', // lone surrogate
      'x: .nan\n',
      'x: 9007199254740993\n',
      '"\\u00e9": 1\n', // non-ASCII key
      'a: 1\na: 2\n',
      '~: 1\nnull: 2\n', // the same key once resolved
      '__proto__: {a: 1}\n',
      '? [c]\n: d\n',
      '- &a x\n- *a\n',
      'a: !!str 1\n',
      '--- a\n--- b\n',
    ])
      expect(constructPlain(text, parseEvents(text, { maxDepth: 100 }), 3), text).toBeUndefined();
  });

  it('still finds positions in files read by the fast path', () => {
    const text = 'period: 2025-Q1\nobjectives:\n  - id: a\n    keyResults:\n      - id: kr1\n        target: 10\n';
    const r = parseYaml('o.yaml', text, 2);
    expect(r.value).toBeDefined();
    expect(positionOf(r.source, ['objectives', 0, 'keyResults', 0, 'target'])).toEqual({ line: 8, column: 17 });
    expect(positionOfKey(r.source, ['objectives', 0], 'keyResults')).toEqual({ line: 6, column: 5 });
  });
});
