// /api/handbook.json: byte for byte what `okr export --format json` prints for the same content.
import type { APIRoute } from 'astro';
import { site } from '../../data/handbook.ts';
import { history } from '../../data/history.ts';
import { exportJson } from '../../lib/export.ts';

export const GET: APIRoute = () =>
  new Response(exportJson(site().h, { history: history() }), { headers: { 'content-type': 'application/json' } });
