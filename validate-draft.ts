// Temporary helper for transcription: node_modules/.bin/node validate-draft.ts <schema> <file.yaml>...
// schema: okrFile | period | kpiGroupFile | org | peopleFile | teamsFile | decisionReceipt
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import * as s from './src/lib/schema/index.ts';
const [name, ...files] = process.argv.slice(2);
let bad = 0;
for (const f of files) {
  const r = (s as any)[name].safeParse(parse(readFileSync(f, 'utf8')));
  if (!r.success) { bad++; for (const i of r.error.issues) console.log(`${f}: ${i.path.join('.')}: ${i.message}`); }
  else console.log(`${f}: ok`);
}
process.exit(bad ? 1 : 0);
