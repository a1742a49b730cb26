// Conventions of the Astro components that keep page rendering fast.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

describe('components', () => {
  it('carry no <script> of their own, except ChartScript, which the layout renders once per page', () => {
    // Astro renders a component's <script> for every instance, asynchronously, and buffers the rest of
    // the page behind it: with the receipts' copy-button script and the charts' script, objective
    // pages took much longer to render (BENCHMARKS.md). Scripts go in the layout (src/layouts/Base.astro).
    const dir = join(ROOT, 'src/components');
    const withScript = readdirSync(dir).filter(
      (f) => f.endsWith('.astro') && /<script\b(?![^>]*is:inline)/.test(readFileSync(join(dir, f), 'utf8')),
    );
    expect(withScript).toEqual(['ChartScript.astro']);
  });
});
