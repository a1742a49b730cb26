// /api/krs.csv: one row per key result (as `okr export --format csv`).
import type { APIRoute } from 'astro';
import { site } from '../../data/handbook.ts';
import { exportCsv } from '../../lib/export.ts';

export const GET: APIRoute = () => new Response(exportCsv(site().h), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
