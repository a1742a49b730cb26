// Draws Open Graph cards: satori → SVG → PNG (resvg). Runs in child processes started by
// ./og-images.ts, so the native memory of thousands of renders goes back to the system when one exits
// (worker threads would share the build's heap, which keeps freed memory).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { writeFileAtomic } from '../lib/load/atomic-write.ts';
import { entryName } from './og-cache.ts';
import type { OgCard } from '../lib/og.ts';

const require = createRequire(import.meta.url);
const FONT_FILES = [
  ['Noto Sans', 400, '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff'],
  ['Noto Sans', 700, '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff'],
  ['Noto Sans', 400, '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff'],
  ['Noto Sans', 700, '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff'],
  // Fallback for text in Thai (the demo's 2025 narrative has some).
  ['Noto Sans Thai', 400, '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff'],
  ['Noto Sans Thai', 700, '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-700-normal.woff'],
] as const;

const COLOURS = { green: '#007a5a', yellow: '#8a5100', red: '#a13c06', none: '#575c63' } as const;

type Node = { type: string; props: { style?: Record<string, unknown>; children?: (Node | string)[] | Node | string } };
const el = (type: string, style: Record<string, unknown>, ...children: (Node | string)[]): Node => ({ type, props: { style, children } });

function layout(c: OgCard): Node {
  const key = c.status ?? 'none';
  const colour = COLOURS[key];
  const progress = Math.round((c.grade ?? 0) * 100);
  return el(
    'div',
    {
      width: 1200,
      height: 630,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: 64,
      background: '#fbfbfa',
      color: '#1d1f23',
      fontFamily: 'Noto Sans, Noto Sans Thai',
    },
    el('div', { display: 'flex', fontSize: 28, color: '#5b616b' }, `${c.org} · OKR Handbook`),
    el(
      'div',
      { display: 'flex', flexDirection: 'column', gap: 16 },
      el('div', { display: 'flex', fontSize: c.title.length > 70 ? 48 : 60, fontWeight: 700, lineHeight: 1.15 }, c.title),
      el('div', { display: 'flex', fontSize: 30, color: '#5b616b' }, c.subtitle),
    ),
    el(
      'div',
      { display: 'flex', flexDirection: 'column', gap: 18 },
      el(
        'div',
        { display: 'flex', alignItems: 'center', gap: 24 },
        el('div', { display: 'flex', fontSize: 72, fontWeight: 700, color: colour }, c.gradeText),
        // The status is a word as well as a colour.
        el(
          'div',
          {
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            fontSize: 32,
            color: colour,
            border: `3px solid ${colour}`,
            borderRadius: 999,
            padding: '6px 22px',
          },
          el('div', { display: 'flex', width: 18, height: 18, borderRadius: 9, background: colour }),
          c.statusLabel,
        ),
      ),
      el(
        'div',
        { display: 'flex', width: 1072, height: 22, background: '#e5e5e2', borderRadius: 11 },
        el(
          'div',
          { display: 'flex', width: Math.max(0, Math.round(10.72 * progress)), height: 22, background: colour, borderRadius: 11 },
          '',
        ),
      ),
    ),
  );
}

/** The fonts' package versions: part of each image's cache key. */
export const fontsVersion = () =>
  FONT_FILES.map(([, , f]) => `${f}@${(require(join(f.split('/files/')[0]!, 'package.json')) as { version: string }).version}`).join(',');

export interface RenderJob {
  card: OgCard;
  /** The hash of the card's inputs: the PNG goes to `dir` under entryName(key, png) (./og-cache.ts), written whole. */
  key: string;
  dir: string;
}

/** Render jobs one by one, reporting each finished key and file to the parent. */
export async function renderJobs(jobs: readonly RenderJob[], done: (key: string, file: string) => void): Promise<void> {
  const fonts = FONT_FILES.map(([name, weight, file]) => ({
    name,
    weight,
    style: 'normal' as const,
    data: readFileSync(require.resolve(file)),
  }));
  for (const { card, key, dir } of jobs) {
    const svg = await satori(layout(card), { width: 1200, height: 630, fonts });
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1200 } }).render().asPng();
    const file = join(dir, entryName(key, png));
    writeFileAtomic(file, png);
    done(key, file);
  }
}

// As a child process: one message with the jobs, one message per finished file, then exit.
if (import.meta.main && process.send) {
  process.once('message', (jobs: RenderJob[]) => {
    void renderJobs(jobs, (key, file) => process.send!([key, file])).then(() => process.disconnect());
  });
}
