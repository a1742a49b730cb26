// The export routes' shared work: /api/handbook.json serialises every objective once and leaves the
// pieces here; each /api/periods/<id>.json takes its own objectives' pieces out (src/lib/export.ts),
// so once every period is written the map is empty again.
import { site } from './handbook.ts';
import { history } from './history.ts';
import { exportPieces } from '../lib/export.ts';

const pieces = new Map<string, Uint8Array>();

/**
 * The whole export (period undefined) or one period's slice, as the response body: its pieces streamed,
 * not joined (the build reads the body into one buffer itself; a joined copy as well, with four routes
 * rendered at once, took the largest bench build over its memory budget).
 */
export function exportBody(period?: string): ReadableStream<Uint8Array> {
  // A public build publishes no git history: it is not read at all.
  const list = exportPieces(site().h, { period, history: site().h.audience === 'public' ? undefined : history(), pieces });
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      if (next < list.length) controller.enqueue(list[next++]!);
      else controller.close();
    },
  });
}
