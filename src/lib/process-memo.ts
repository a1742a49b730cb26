// A memo shared by every copy of a module in one process. Astro bundles the pages, so they get their
// own copy of src/lib next to the one the integrations loaded with the config; a module-level Map
// would compute the handbook twice. Every such memo holds what was computed from the content (the
// handbook, the pages' site index, the git history), so they are all released together.

type Memos = Map<string, Map<string, unknown>>;
const memos = (): Memos => {
  const g = globalThis as unknown as Record<symbol, Memos | undefined>;
  return (g[Symbol.for('okr-handbook.memos')] ??= new Map<string, Map<string, unknown>>());
};

export function processMemo<V>(name: string): Map<string, V> {
  const all = memos();
  return (all.get(name) ?? all.set(name, new Map()).get(name)!) as Map<string, V>;
}

/** Empty every process memo: what was computed is recomputed if asked for again. */
export function releaseProcessMemos(): void {
  for (const memo of memos().values()) memo.clear();
}
