// The build renders the pages that show the change history last (src/integrations/handbook.ts), so
// they find it read while every other page was rendered. Which pages those are is a list: it must name
// every page that reads the history, or that page would wait for it first.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PathWithRoute } from 'astro';
import { describe, expect, it } from 'vitest';
import { HISTORY_ROUTES, historyPathsLast } from '../../src/integrations/handbook.ts';

const path = (pathname: string, route: string) => ({ pathname, route: { route } }) as PathWithRoute;

describe('pages that show the change history are rendered last', () => {
  it('moves them after every other page, in the order of the list, each route keeping its own order', () => {
    const paths = [
      path('/404.html', '/404'),
      path('/api/handbook.json', '/api/handbook.json'),
      path('/api/periods/2025.json', '/api/periods/[period].json'),
      path('/api/periods/2025-Q1.json', '/api/periods/[period].json'),
      path('/objectives/b/', '/objectives/[id]'),
      path('/objectives/a/', '/objectives/[id]'),
      path('/teams/company/', '/teams/[team]'),
      path('/', '/'),
    ];
    expect(historyPathsLast(paths).map((p) => p.pathname)).toEqual([
      '/404.html',
      '/teams/company/',
      '/',
      '/objectives/b/',
      '/objectives/a/',
      // The whole export before the periods': they take their pieces from it (src/data/export.ts).
      '/api/handbook.json',
      '/api/periods/2025.json',
      '/api/periods/2025-Q1.json',
    ]);
  });

  it('lists every page that reads the history, and only those', () => {
    const pages = join(import.meta.dirname, '../../src/pages');
    const readers = readdirSync(pages, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(astro|ts)$/.test(f))
      .filter((f) => /data\/history\.ts|data\/export\.ts'|ChangeHistory\.astro/.test(readFileSync(join(pages, f), 'utf8')))
      .map((f) => `/${relative('', f).replace(/\\/g, '/')}`.replace(/\.(astro|ts)$/, ''))
      .sort();
    expect(readers).toEqual([...HISTORY_ROUTES].sort());
  });
});
