// Renders the Open Graph image of every period, team-period and objective page (and a site
// default) with satori → SVG → PNG (resvg) after the build. Images are cached on disk by a hash of
// their inputs, so an unchanged image is copied, not re-rendered; the log states the counts.
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import type { AstroIntegration } from 'astro';
import satori from 'satori';
import { getHandbookResult } from '../lib/handbook.ts';
import { ogCards, ogHash, type OgCard } from '../lib/og.ts';

const require = createRequire(import.meta.url);
const FONT_FILES = [
  ['Noto Sans', 400, '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff'],
  ['Noto Sans', 700, '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff'],
  ['Noto Sans', 400, '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff'],
  ['Noto Sans', 700, '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff'],
  // Fallback for the handbook's Thai text (seed 002).
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

export default function ogImages(): AstroIntegration {
  return {
    name: 'okr-og-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const h = getHandbookResult().handbook;
        if (!h) return;
        const out = fileURLToPath(dir);
        const cacheDir = resolve(process.env.OKR_OG_CACHE_DIR || 'node_modules/.cache/okr-og');
        mkdirSync(cacheDir, { recursive: true });
        const fonts = FONT_FILES.map(([name, weight, file]) => ({
          name,
          weight,
          style: 'normal' as const,
          data: readFileSync(require.resolve(file)),
        }));
        const fontsVersion = FONT_FILES.map(
          ([, , f]) => `${f}@${(require(join(f.split('/files/')[0]!, 'package.json')) as { version: string }).version}`,
        ).join(',');
        const cards = ogCards(h);
        let rendered = 0;
        for (const [i, card] of cards.entries()) {
          const cached = join(cacheDir, `${ogHash(card, fontsVersion)}.png`);
          if (!existsSync(cached)) {
            const svg = await satori(layout(card) as never, { width: 1200, height: 630, fonts });
            const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1200 } }).render().asPng();
            writeFileSync(`${cached}.tmp`, png);
            renameSync(`${cached}.tmp`, cached);
            rendered++;
          }
          const target = join(out, card.path);
          mkdirSync(dirname(target), { recursive: true });
          copyFileSync(cached, target);
          if ((i + 1) % 50 === 0 || i + 1 === cards.length) logger.info(`OG images: ${i + 1}/${cards.length}`);
        }
        logger.info(`OG images: ${cards.length} images, ${rendered} rendered, ${cards.length - rendered} from cache`);
      },
    },
  };
}
