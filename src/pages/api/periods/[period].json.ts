// /api/periods/<id>.json: one period's slice of the export: its objectives and rollups.
import type { APIRoute } from 'astro';
import { site } from '../../../data/handbook.ts';
import { history } from '../../../data/history.ts';
import { exportJson } from '../../../lib/export.ts';

export function getStaticPaths() {
  return site().h.periods.map((p) => ({ params: { period: p.id } }));
}

// Each slice is built from its own period's objectives: no route holds the whole export.
export const GET: APIRoute = ({ params }) =>
  new Response(exportJson(site().h, { period: params.period!, history: history() }), {
    headers: { 'content-type': 'application/json' },
  });
