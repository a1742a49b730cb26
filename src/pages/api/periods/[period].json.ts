// /api/periods/<id>.json: one period's slice of the export: its objectives and rollups.
import type { APIRoute } from 'astro';
import { site } from '../../../data/handbook.ts';
import { history } from '../../../data/history.ts';
import { exportHandbook } from '../../../lib/export.ts';

export function getStaticPaths() {
  return site().h.periods.map((p) => ({ params: { period: p.id } }));
}

export const GET: APIRoute = ({ params }) => {
  const all = exportHandbook(site().h, { history: history() });
  const id = params.period!;
  const slice = {
    version: all.version,
    org: all.org,
    period: all.periods.find((p) => p.id === id),
    objectives: all.objectives.filter((o) => o.period === id),
    rollups: {
      teamPeriods: all.rollups.teamPeriods.filter((r) => r.period === id),
      companyPeriods: all.rollups.companyPeriods.filter((r) => r.period === id),
    },
  };
  return new Response(`${JSON.stringify(slice, null, 2)}\n`, { headers: { 'content-type': 'application/json' } });
};
