// Astro content-layer loaders over the same loader and schemas the CLI uses (src/lib).
import type { Loader } from 'astro/loaders';
import { loadContent, type RawContent } from '../lib/load/index.ts';
import { contentDir } from '../lib/handbook.ts';

type Entries = (raw: RawContent) => { id: string; data: Record<string, unknown>; filePath: string }[];

/** A collection whose entries come from the validated content (invalid files are left to `okr check`). */
export function handbookLoader(name: string, entries: Entries): Loader {
  return {
    name: `okr-handbook:${name}`,
    load: async ({ store, parseData, generateDigest }) => {
      store.clear();
      for (const e of entries(loadContent(contentDir()))) {
        const data = await parseData({ id: e.id, data: e.data, filePath: e.filePath });
        store.set({ id: e.id, data, filePath: e.filePath, digest: generateDigest(data) });
      }
    },
  };
}
