// A memo shared by every copy of a module in one process. Astro bundles the pages, so they get their
// own copy of src/lib next to the one the integrations loaded with the config; a module-level Map
// would compute the handbook twice.

export function processMemo<V>(name: string): Map<string, V> {
  const slot = Symbol.for(`okr-handbook.${name}`);
  const g = globalThis as unknown as Record<symbol, Map<string, V> | undefined>;
  return (g[slot] ??= new Map<string, V>());
}
