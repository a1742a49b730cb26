// The one place pages get the handbook from: computed once per build (memoised in src/lib/handbook.ts).
import { getHandbookResult } from '../lib/handbook.ts';
import { buildSiteIndex, type SiteIndex } from '../lib/site-index.ts';

let index: SiteIndex | undefined;

export function site(): SiteIndex {
  if (index) return index;
  const result = getHandbookResult();
  // The okr-handbook integration stops the build before this on invalid content.
  if (!result.handbook) throw new Error('The handbook has content errors; run: npm run --silent okr -- check');
  return (index = buildSiteIndex(result.handbook));
}
