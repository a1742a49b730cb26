// okr schema [--check]: write (or verify) the JSON Schemas editors use to validate content YAML.
import { mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../../src/lib/json-schema.ts';
import { parse } from './args.ts';

export function schemaCommand(argv: string[]): number {
  const { values } = parse(argv, { check: { type: 'boolean' }, out: { type: 'string' } });
  const out = (values.out as string | undefined) ?? 'public/schema';
  let stale = 0;
  mkdirSync(out, { recursive: true });
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    const file = join(out, `${name}.schema.json`);
    const text = `${JSON.stringify(schema, null, 2)}\n`;
    let current: string | undefined;
    try {
      current = readFileSync(file, 'utf8');
    } catch {}
    if (current === text) continue;
    if (values.check) {
      console.error(`${file} is out of date; run: npm run --silent okr -- schema`);
      stale++;
    } else {
      writeFileSync(`${file}.tmp`, text);
      renameSync(`${file}.tmp`, file);
      console.log(`wrote ${file}`);
    }
  }
  return stale ? 1 : 0;
}
