// /api/handbook.json: byte for byte what `okr export --format json` prints for the same content.
import type { APIRoute } from 'astro';
import { handbookExport } from '../../data/export.ts';
import { jsonText } from '../../lib/export.ts';

export const GET: APIRoute = () => new Response(jsonText(handbookExport()), { headers: { 'content-type': 'application/json' } });
