// /api/handbook.json: byte for byte what `okr export --format json` prints for the same content.
import type { APIRoute } from 'astro';
import { exportBody } from '../../data/export.ts';

export const GET: APIRoute = () => new Response(exportBody(), { headers: { 'content-type': 'application/json' } });
