// An objective's change history from git as a table: one row per commit that changed it or its key results.
import type { HistoryEntry } from '../history.ts';
import type { TableView } from './table.ts';

export function historyTable(entries: readonly HistoryEntry[], repositoryUrl: string | undefined): TableView {
  const commitUrl = (sha: string) => (repositoryUrl ? `${repositoryUrl.replace(/\/$/, '')}/commit/${sha}` : undefined);
  return {
    columns: [{ label: 'Date' }, { label: 'Change' }, { label: 'Author' }, { label: 'Commit' }],
    rows: entries.map((e) => ({
      cells: [
        { time: e.date.slice(0, 10) },
        { lines: [{ text: e.subject }, { list: e.changes.map((c) => (c.kr ? `${c.kr.toUpperCase()}: ${c.text}` : c.text)) }] },
        e.author,
        { code: e.commit.slice(0, 7), href: commitUrl(e.commit) },
      ],
    })),
  };
}
