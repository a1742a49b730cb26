// The change history from git, read once per build (memoised in src/lib/load/git-history.ts).
import { contentDir } from '../lib/handbook.ts';
import type { HistoryIndex } from '../lib/history.ts';
import { getHistory } from '../lib/load/git-history.ts';

let index: HistoryIndex | undefined;
// Asked for by every objective page: resolved once.
export const history = (): HistoryIndex => (index ??= getHistory(contentDir()));
