// The layers of src/lib (CONTRIBUTING.md): no import cycles, positions and content types in a leaf
// that imports no loader, and the loader (the only I/O) imported by no pure module.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

const LIB = join(ROOT, 'src/lib');

/** Every module of src/lib (relative path) and the src/lib modules it imports, type-only imports included. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const entry of readdirSync(LIB, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const abs = join(entry.parentPath, entry.name);
    const text = readFileSync(abs, 'utf8');
    const specifiers = [...text.matchAll(/\bfrom\s+'(\.[^']+)'|\bimport\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1] ?? m[2] ?? '');
    const deps = specifiers.map((s) => relative(LIB, resolve(dirname(abs), s))).filter((d) => !d.startsWith('..'));
    graph.set(relative(LIB, abs), deps);
  }
  return graph;
}

/** The cycles a depth-first walk meets (each as the modules on it, from the one it re-enters). */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (v: string) => {
    const at = path.indexOf(v);
    if (at !== -1) return void found.push(path.slice(at));
    if (done.has(v)) return;
    path.push(v);
    for (const w of graph.get(v) ?? []) visit(w);
    path.pop();
    done.add(v);
  };
  for (const v of graph.keys()) visit(v);
  return found;
}

describe('src/lib layers', () => {
  const graph = importGraph();

  it('finds the imports it checks', () => {
    expect(graph.get('load/index.ts')).toContain('load/parse-file.ts');
    expect(graph.get('handbook.ts')).toContain('validate/index.ts');
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    expect(
      cycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', ['c.ts']],
          ['c.ts', ['a.ts']],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('keeps positions and content types (source/) a leaf: it imports only errors.ts, the schemas and itself', () => {
    const outside = [...graph]
      .filter(([file]) => file.startsWith('source/'))
      .flatMap(([file, deps]) => deps.filter((d) => !/^(source\/|schema\/|errors\.ts$)/.test(d)).map((d) => `${file} → ${d}`));
    expect(outside).toEqual([]);
  });

  it('keeps the loader (load/, the only I/O) out of the pure modules: only handbook.ts reads content', () => {
    const intoLoader = [...graph]
      .filter(([file]) => !file.startsWith('load/') && file !== 'handbook.ts')
      .flatMap(([file, deps]) => deps.filter((d) => d.startsWith('load/')).map((d) => `${file} → ${d}`));
    expect(intoLoader).toEqual([]);
  });
});
