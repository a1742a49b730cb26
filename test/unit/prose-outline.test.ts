// A guide's "On this page" list names its `##` sections by the ids the renderer gives their headings.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proseSections } from '../../src/lib/prose/outline.ts';
import { proseFormat } from '../../src/lib/prose/parse.ts';
import { renderProse } from '../../src/lib/prose/render.ts';
import { MAIN } from '../helpers.ts';

/** The rendered page's second-level headings as [id, text]. */
function renderedSections(file: string, text: string): [string, string][] {
  const html = renderProse(file, text, proseFormat(file))
    .map((s) => ('html' in s ? s.html : ''))
    .join('\n');
  return [...html.matchAll(/<h2 id="([^"]*)">([\s\S]*?)<\/h2>/g)].map((m) => [m[1]!, m[2]!.replace(/<[^>]+>/g, '').trim()]);
}

describe('the sections of a page', () => {
  it('are its rendered `##` headings, by id, in every guide and narrative of the demo', () => {
    for (const dir of ['guides', 'periods']) {
      for (const name of readdirSync(join(MAIN, dir)).filter((f) => /\.mdx?$/.test(f))) {
        const file = join(MAIN, dir, name);
        const text = readFileSync(file, 'utf8');
        const sections = proseSections(text, proseFormat(file)).map((s) => [s.id, s.label]);
        // Text with entities (&#x26;) reads the same once decoded; ids are compared exactly.
        const rendered = renderedSections(file, text).map(([id, label]) => [id, label.replace(/&#x26;/g, '&').replace(/&#x3C;/g, '<')]);
        expect(sections, name).toEqual(rendered);
      }
    }
  });

  it('count repeated headings as the renderer does, whatever their level, and keep an id a heading has', () => {
    const text = ['# Setup', '## Setup', '### Setup', '## Setup *again*', '## `okr check`', ''].join('\n\n');
    const sections = proseSections(text, 'md');
    expect(sections).toEqual([
      { id: 'setup-1', label: 'Setup' },
      { id: 'setup-again', label: 'Setup again' },
      { id: 'okr-check', label: 'okr check' },
    ]);
    expect(renderedSections('page.md', text).map(([id]) => id)).toEqual(sections.map((s) => s.id));
  });
});
