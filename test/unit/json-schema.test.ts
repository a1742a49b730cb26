// The committed JSON Schemas (public/schema/) match the zod schemas, and content files point at them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/lib/json-schema.ts';
import { FISCAL, MAIN, ROOT } from '../helpers.ts';

describe('JSON Schemas for editors', () => {
  it.each(Object.entries(jsonSchemas()))('public/schema/%s.schema.json is up to date', (name, schema) => {
    const committed = readFileSync(join(ROOT, 'public/schema', `${name}.schema.json`), 'utf8');
    expect(committed, 'run: npm run --silent okr -- schema').toBe(`${JSON.stringify(schema, null, 2)}\n`);
  });

  it('every YAML content file names an existing schema on its first line', () => {
    for (const dir of [MAIN, FISCAL]) {
      const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));
      expect(files.length).toBeGreaterThan(10);
      for (const f of files) {
        const first = readFileSync(join(dir, f), 'utf8').split('\n')[0]!;
        const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
        expect(m, `${relative(ROOT, join(dir, f))} lacks the yaml-language-server line`).not.toBeNull();
        const target = resolve(dirname(join(dir, f)), m![1]!);
        expect(readFileSync(target, 'utf8')).toContain('"$schema"');
      }
    }
  });
});
