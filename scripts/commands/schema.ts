// okr schema [--check]: write (or verify) the JSON Schemas editors use to validate content YAML.
import { mkdirSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../src/lib/load/atomic-write.ts';
import { join } from 'node:path';
import { jsonSchemas } from '../../src/lib/json-schema.ts';
import { parse } from './args.ts';

export const HELP = `Usage: okr schema [--check] [--out DIR]

Writes the JSON Schemas of the content files (org, teams, people, period, okr-file, kpi-group,
receipt, source, guide) that editors with the YAML language server use to autocomplete and flag mistakes.

  --out DIR   where to write them (default: public/schema)
  --check     write nothing; exit 1 if any schema there is out of date

Exit status: 0 when the schemas are (now) up to date; 1 when --check finds one out of date.`;

export function schemaCommand(argv: string[]): number {
  const { values } = parse(argv, { check: { type: 'boolean' }, out: { type: 'string' } });
  if (values.help) return (console.log(HELP), 0);
  const out = values.out ?? 'public/schema';
  let stale = 0;
  mkdirSync(out, { recursive: true });
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    const file = join(out, `${name}.schema.json`);
    const text = `${JSON.stringify(schema, null, 2)}\n`;
    let current: string | undefined;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // Not written yet.
    }
    if (current === text) continue;
    if (values.check) {
      console.error(`${file} is out of date; run: npm run --silent okr -- schema`);
      stale++;
    } else {
      writeFileAtomic(file, text);
      console.log(`wrote ${file}`);
    }
  }
  return stale ? 1 : 0;
}
