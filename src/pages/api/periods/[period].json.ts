// /api/periods/<id>.json: one period's slice of the export: its objectives and rollups.
import type { APIRoute } from 'astro';
import { site } from '../../../data/handbook.ts';
import { exportBody } from '../../../data/export.ts';

export function getStaticPaths() {
  return site().h.periods.map((p) => ({ params: { period: p.id } }));
}

export const GET: APIRoute = ({ params }) => new Response(exportBody(params.period), { headers: { 'content-type': 'application/json' } });
