// The change history from git, read once per build (memoised in src/lib/load/git-history.ts).
import { contentDir } from '../lib/handbook.ts';
import type { HistoryIndex } from '../lib/history.ts';
import { getHistory } from '../lib/load/git-history.ts';

export const history = (): HistoryIndex => getHistory(contentDir());
