// Content collections, wired to the schemas in src/lib/schema (the same ones `okr check` uses).
// Pages read the computed handbook (src/data/handbook.ts); collections serve typed data and MDX rendering.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import * as s from './lib/schema/index.ts';
import { contentDir } from './lib/handbook.ts';
import { handbookLoader } from './loaders/handbook-loader.ts';

const dir = contentDir();
const rel = (file: string) => file;
/** Entry ids are file names as written ("2025-Q1"), matching period ids exactly. */
const byFileName = ({ entry }: { entry: string }) => entry.replace(/\.mdx?$/, '');

export const collections = {
  org: defineCollection({
    loader: handbookLoader('org', (r) => (r.org ? [{ id: 'org', data: r.org.data, filePath: rel(r.org.src.file) }] : [])),
    schema: s.org,
  }),
  people: defineCollection({
    loader: handbookLoader('people', (r) =>
      r.people.flatMap((f) => f.data.people.map((p) => ({ id: p.id, data: p, filePath: f.src.file }))),
    ),
    schema: s.person,
  }),
  teams: defineCollection({
    loader: handbookLoader('teams', (r) => r.teams.flatMap((f) => f.data.teams.map((t) => ({ id: t.id, data: t, filePath: f.src.file })))),
    schema: s.team,
  }),
  periods: defineCollection({
    loader: handbookLoader('periods', (r) => r.periods.map((p) => ({ id: p.data.id, data: p.data, filePath: p.src.file }))),
    schema: s.period,
  }),
  objectives: defineCollection({
    loader: handbookLoader('objectives', (r) =>
      r.okrFiles.flatMap((f) =>
        f.data.objectives.map((o) => ({ id: o.id, data: { ...o, period: f.data.period, team: f.data.team }, filePath: f.src.file })),
      ),
    ),
    schema: s.objective.extend({ period: z.string(), team: z.string() }),
  }),
  kpis: defineCollection({
    loader: handbookLoader('kpis', (r) =>
      r.kpiGroups.flatMap((g) => g.data.kpis.map((k) => ({ id: k.id, data: { ...k, group: g.data.id }, filePath: g.src.file }))),
    ),
    schema: s.kpi.extend({ group: z.string() }),
  }),
  receipts: defineCollection({
    loader: handbookLoader('receipts', (r) => r.receipts.map((x) => ({ id: x.data.id, data: x.data, filePath: x.src.file }))),
    schema: s.decisionReceipt,
  }),
  guides: defineCollection({ loader: glob({ pattern: '*.{md,mdx}', base: `${dir}/guides`, generateId: byFileName }), schema: s.guide }),
  narratives: defineCollection({
    loader: glob({ pattern: '*.{md,mdx}', base: `${dir}/periods`, generateId: byFileName }),
    schema: s.narrative,
  }),
};
