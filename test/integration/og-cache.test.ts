// OG images are cached by a hash of their inputs: an unchanged build renders none, and editing one
// key result re-renders only the images whose inputs changed. The build log states the counts. An
// entry whose bytes changed (a published image edited in place) is rendered again.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNUSED_MS } from '../../src/lib/load/cache-files.ts';
import { buildSite, copyContent, edit } from '../helpers.ts';

const content = copyContent();
const ogCache = mkdtempSync(join(tmpdir(), 'okr-og-cache-'));

function build() {
  const { out, ...r } = buildSite(content, { env: { OKR_OG_CACHE_DIR: ogCache }, prefix: 'okr-og-dist-' });
  const m = /OG images: (\d+) images, (\d+) rendered, (\d+) from cache/.exec(r.stdout);
  if (r.status !== 0 || !m) throw new Error(r.stdout + r.stderr);
  return { out, log: r.log, total: Number(m[1]), rendered: Number(m[2]), cached: Number(m[3]) };
}

describe('OG image cache', () => {
  const first = build();
  it('renders every image on a cold cache', () => {
    expect(first.rendered).toBe(first.total);
    expect(first.total).toBeGreaterThan(40);
    const png = readFileSync(join(first.out, 'og/objectives/2025-q1-engineering-scalable-infrastructure.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
  it('renders none when nothing changed, and drops images unused for a week', () => {
    // A week and a day ago: one image this build uses, one nobody uses, a render that died.
    const old = (Date.now() - UNUSED_MS - 86_400_000) / 1000;
    const [used] = readdirSync(ogCache).filter((f) => f.endsWith('.png'));
    const unused = `${'0'.repeat(64)}.png`;
    const dead = `.${'1'.repeat(64)}.png.123-0-1.tmp`;
    for (const f of [unused, dead]) writeFileSync(join(ogCache, f), 'x');
    for (const f of [used!, unused, dead]) utimesSync(join(ogCache, f), old, old);
    const builtAt = Math.floor(Date.now() / 1000) * 1000;
    const second = build();
    expect(second).toMatchObject({ rendered: 0, cached: first.total });
    expect(readFileSync(join(second.out, 'og/default.png'))).toEqual(readFileSync(join(first.out, 'og/default.png')));
    expect(existsSync(join(ogCache, unused))).toBe(false);
    expect(existsSync(join(ogCache, dead))).toBe(false);
    expect(statSync(join(ogCache, used!)).mtimeMs, 'a used image is marked used').toBeGreaterThanOrEqual(builtAt);
  });
  it('an image edited in place after publishing is rendered again, never published by a later build', () => {
    const published = join(first.out, 'og/default.png');
    const original = readFileSync(published);
    // The published file rewritten in place (as an image optimiser or a `>` would): it is the cache's entry too.
    writeFileSync(published, 'poisoned');
    const next = build();
    expect(next.rendered).toBe(1);
    expect(next.log).toMatch(/OG images: 1 cached image was changed since rendered \(an edit of a published image\?\); rendering again/);
    expect(readFileSync(join(next.out, 'og/default.png'))).toEqual(original);
    const cached = readdirSync(ogCache).filter((f) => f.endsWith('.png'));
    expect(cached.filter((f) => readFileSync(join(ogCache, f)).subarray(1, 4).toString() !== 'PNG')).toEqual([]);
  });
  it('after one KR edit re-renders only its objective and team-period images', () => {
    edit(join(content, 'okrs/2025-Q1/engineering.yaml'), 'value: 75,', 'value: 90,');
    const third = build();
    expect(third.rendered).toBe(2);
    expect(existsSync(join(third.out, 'og/periods/2025-Q1/engineering.png'))).toBe(true);
  });
});
