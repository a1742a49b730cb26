// Where each kind of content file lives, and which collection a path belongs to.
import type { Collection } from '../source/content.ts';

/** Where each kind of file lives; `okr check` reports any other file as unread. */
export const LAYOUT = {
  'org.yaml': 'organisation: name, fiscal calendar, grading bands, pillars, stage gates',
  'people.yaml': 'owners and DRIs',
  'teams.yaml': 'teams (the company is the root team)',
  'periods/<id>.yaml': 'a period (quarter or year); periods/<id>.mdx is its narrative',
  'okrs/<period>/<team>.yaml': "one team's objectives and key results for one period",
  'kpis/<group>.yaml': 'a group of the KPI catalogue',
  'receipts/<id>.yaml': 'a decision receipt',
  'sources/<id>.yaml, sources/**/*.csv|json|sqlite|db': 'live-number sources key results name, and the data files they read',
  'guides/<slug>.mdx': 'a guide page',
  'trust/<period>/v<N>/, trust/keys/*.pem': 'trust-center snapshots (written by okr snapshot) and public keys',
} as const;

/** Files under sources/ that sources read (the loader lists them and never parses them). */
export const isDataFile = (rel: string) => /^sources\/.+\.(csv|json|sqlite|sqlite3|db)$/.test(rel);

/** The collection a path (relative to the content directory, with forward slashes) belongs to. */
export function classify(rel: string): Collection | undefined {
  const parts = rel.split('/');
  const yaml = /\.ya?ml$/.test(rel);
  const mdx = /\.mdx?$/.test(rel);
  if (parts.length === 1) return rel === 'org.yaml' ? 'org' : rel === 'people.yaml' ? 'people' : rel === 'teams.yaml' ? 'teams' : undefined;
  const [top] = parts;
  if (top === 'periods' && parts.length === 2) return yaml ? 'period' : mdx ? 'narrative' : undefined;
  if (top === 'okrs' && parts.length === 3 && yaml) return 'okr';
  if (top === 'kpis' && parts.length === 2 && yaml) return 'kpi';
  if (top === 'receipts' && parts.length === 2 && yaml) return 'receipt';
  if (top === 'sources' && parts.length === 2 && yaml) return 'source';
  if (top === 'guides' && parts.length === 2 && mdx) return 'guide';
  return undefined;
}
