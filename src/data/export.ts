// The export routes' shared work: /api/handbook.json serialises every objective once and leaves the
// pieces here; each /api/periods/<id>.json takes its own objectives' pieces out (src/lib/export.ts),
// so once every period is written the map is empty again.
import { site } from './handbook.ts';
import { history } from './history.ts';
import { exportJson } from '../lib/export.ts';

const pieces = new Map<string, Uint8Array>();

/** The whole export (period undefined) or one period's slice, as the response body. */
export const exportBody = (period?: string) =>
  // A public build publishes no git history: it is not read at all.
  exportJson(site().h, { period, history: site().h.audience === 'public' ? undefined : history(), pieces });
