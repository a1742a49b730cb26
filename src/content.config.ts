// Content collections, wired to the schemas in src/lib/schema (the same ones `okr check` uses).
// Only the MDX lives here (guides and period narratives), because Astro renders MDX through
// collections. Records (objectives, key results, teams…) are deliberately not collections: pages
// read the computed handbook (src/data/handbook.ts), loaded and computed once per build. Copying
// 25,000 key results into Astro's data store as well cost 20 s and a second copy in memory.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import * as s from './lib/schema/index.ts';
import { contentDir } from './lib/handbook.ts';

const dir = contentDir();
/** Entry ids are file names as written ("2025-Q1"), matching period ids exactly. */
const byFileName = ({ entry }: { entry: string }) => entry.replace(/\.mdx?$/, '');

export const collections = {
  guides: defineCollection({ loader: glob({ pattern: '*.{md,mdx}', base: `${dir}/guides`, generateId: byFileName }), schema: s.guide }),
  narratives: defineCollection({
    loader: glob({ pattern: '*.{md,mdx}', base: `${dir}/periods`, generateId: byFileName }),
    schema: s.narrative,
  }),
};
