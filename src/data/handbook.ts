// The one place pages get the handbook from: computed once per build (memoised in src/lib/handbook.ts).
import { getHandbookResult } from '../lib/handbook.ts';
import { processMemo } from '../lib/process-memo.ts';
import { buildSiteIndex, type SiteIndex } from '../lib/site-index.ts';

// A process memo, not a module-level one, so releaseHandbook() lets it go with the handbook.
const memo = processMemo<SiteIndex>('site');

export function site(): SiteIndex {
  const index = memo.get('');
  if (index) return index;
  const result = getHandbookResult();
  // The okr-handbook integration stops the build before this on invalid content.
  if (!result.handbook) throw new Error('The handbook has content errors; run: npm run --silent okr -- check');
  memo.set('', buildSiteIndex(result.handbook));
  return memo.get('')!;
}
