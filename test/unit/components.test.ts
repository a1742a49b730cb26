// Conventions of the Astro components that keep page rendering fast.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('components', () => {
  it('carry no <script> of their own, except ChartScript, which the layout renders once per page', () => {
    // Astro renders a component's <script> for every instance, asynchronously, and buffers the rest of
    // the page behind it: a copy button's script in each receipt slowed objective pages by about a
    // third (BENCHMARKS.md). Scripts go in the layout (src/layouts/Base.astro) or at a page's end.
    const dir = 'src/components';
    const withScript = readdirSync(dir).filter(
      (f) => f.endsWith('.astro') && /<script\b(?![^>]*is:inline)/.test(readFileSync(`${dir}/${f}`, 'utf8')),
    );
    expect(withScript).toEqual(['ChartScript.astro']);
  });
});
