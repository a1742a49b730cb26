// The loader reads plain YAML with js-yaml and falls back to `yaml` (the authority for positions and
// errors) for everything else; both must read every file the same way.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isScalar, isSeq, parse, parseDocument, stringify, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/lib/load/index.ts';
import { nodeOffsets, pathKey } from '../../src/lib/load/yaml-positions.ts';
import { parseYaml, positionOf, positionOfKey } from '../../src/lib/load/yaml-source.ts';
import { FISCAL, MAIN, ROOT } from '../helpers.ts';

function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
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

  it('still finds positions in files read by the fast path', () => {
    const text = 'period: 2025-Q1\nobjectives:\n  - id: a\n    keyResults:\n      - id: kr1\n        target: 10\n';
    const r = parseYaml('o.yaml', text, 2);
    expect(r.value).toBeDefined();
    expect(positionOf(r.source, ['objectives', 0, 'keyResults', 0, 'target'])).toEqual({ line: 8, column: 17 });
    expect(positionOfKey(r.source, ['objectives', 0], 'keyResults')).toEqual({ line: 6, column: 5 });
  });
});
