// JSON Schemas of the content files, generated from the zod schemas (one definition, two uses).
import { z } from 'astro/zod';
import * as s from './schema/index.ts';

const FILES = {
  org: [s.org, 'content/org.yaml — the organisation'],
  people: [s.peopleFile, 'content/people.yaml — owners and DRIs'],
  teams: [s.teamsFile, 'content/teams.yaml — teams'],
  period: [s.period, 'content/periods/<id>.yaml — a quarter or a year'],
  'okr-file': [s.okrFile, "content/okrs/<period>/<team>.yaml — one team's objectives for one period"],
  'kpi-group': [s.kpiGroupFile, 'content/kpis/<group>.yaml — a group of the KPI catalogue'],
  receipt: [s.decisionReceipt, 'content/receipts/<id>.yaml — a decision receipt'],
  source: [s.sourceFile, 'content/sources/<id>.yaml — a live-number source that key results name'],
  guide: [s.guide, 'front matter of content/guides/<slug>.mdx'],
} as const;

export function jsonSchemas(): Record<string, object> {
  const out: Record<string, object> = {};
  for (const [name, [schema, title]] of Object.entries(FILES))
    out[name] = {
      ...z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
      title: `OKR Handbook: ${title}`,
    };
  return out;
}
