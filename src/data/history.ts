// The change history from git, read once per build: getHistory() keeps it in a process memo, which
// releaseHandbook() empties once the pages are built (a module-level copy here would outlive it).
import { contentDir } from '../lib/handbook.ts';
import type { HistoryIndex } from '../lib/history.ts';
import { getHistory } from '../lib/load/git-history.ts';

export const history = (): HistoryIndex => getHistory(contentDir());
