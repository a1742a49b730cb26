// No half-published output: a build writes into a staging folder and swaps it in only when everything
// (pages, OG images, search index) is done. A failed build — invalid content, or a failure after
// validation, once every page was written — leaves the previous output as it was,
// says so in one line, and never touches the content. (Full disks, read-only folders, other file
// systems, signals and concurrent builds: no-destruction.test.ts.)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, copyContent, edit, ROOT } from '../helpers.ts';

const BASE = join(ROOT, 'test/fixtures/bad-input/base');
const EPOCH = { SOURCE_DATE_EPOCH: '1896134400' }; // 2030-02-01

/** One hash over every file's path and bytes. */
function treeHash(dir: string): string {
  const h = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const f of files) h.update(relative(dir, f)).update('\0').update(readFileSync(f));
  return h.digest('hex');
}

/** What a build may have left beside the output (a folder set aside, a probe) or in its staging area. */
const leftovers = (out: string) => [
  ...readdirSync(dirname(out)).filter((n) => n.startsWith(`.${basename(out)}.`)),
  ...(existsSync(join(ROOT, '.astro/okr-build')) ? readdirSync(join(ROOT, '.astro/okr-build')) : []),
];
const STACK = /\n\s+at .+:\d+:\d+/;

describe('a failed build publishes nothing', () => {
  it('invalid content: the previous output folder kept, content untouched', () => {
    const content = copyContent(BASE);
    edit(join(content, 'people.yaml'), 'team: product }', 'team: prodcut }');
    const before = treeHash(content);
    const out = mkdtempSync(join(tmpdir(), 'okr-publish-'));
    mkdirSync(join(out, 'periods'));
    writeFileSync(join(out, 'index.html'), '<p>the previous build</p>');
    const r = buildSite(content, { out, env: EPOCH });
    expect(r.status).toBe(1);
    expect(r.log).toMatch(/people\.yaml:3:\d+ error team 'prodcut' not found/);
    expect(r.log).toMatch(/nothing was built, .* was left as it was/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<p>the previous build</p>');
    expect(leftovers(out)).toEqual([]);
    expect(treeHash(content)).toBe(before);
  });

  describe('a failure after every page was written (the OG image cache cannot be used)', () => {
    const content = copyContent(BASE);
    const out = join(mkdtempSync(join(tmpdir(), 'okr-publish-')), 'site');
    let first: ReturnType<typeof buildSite>;
    let afterFirst: { index: boolean; search: boolean; stale: boolean; leftovers: string[] };
    let second: ReturnType<typeof buildSite>;
    let before: string;
    beforeAll(() => {
      // What an older build left.
      mkdirSync(out);
      writeFileSync(join(out, 'stale.html'), '<p>from an older build</p>');
      first = buildSite(content, { out, env: EPOCH });
      afterFirst = {
        index: existsSync(join(out, 'index.html')),
        search: existsSync(join(out, 'pagefind/pagefind.js')),
        stale: existsSync(join(out, 'stale.html')),
        leftovers: leftovers(out),
      };
      // Content is data and cannot make a page throw (docs/content-model.md), so the failure comes from
      // the machine: the OG image cache is a file, found only once every page is written.
      const blocker = join(mkdtempSync(join(tmpdir(), 'okr-publish-og-')), 'not-a-folder');
      writeFileSync(blocker, '');
      edit(join(content, 'okrs/2030-Q1/company.yaml'), /title: [^\n]+/, 'title: Renamed after the first build');
      before = treeHash(content);
      second = buildSite(content, { out, env: { ...EPOCH, OKR_OG_CACHE_DIR: blocker } });
    });

    it('a successful build replaces the output folder as a whole', () => {
      expect(first.status, first.log.slice(-2000)).toBe(0);
      expect(afterFirst).toEqual({ index: true, search: true, stale: false, leftovers: [] });
    });

    it('fails the build in one line, keeps the first build whole and leaves no staging folder', () => {
      expect(second.status).toBe(1);
      expect(second.log).toMatch(/generating static routes/);
      expect(second.log).toMatch(/^build failed: .*not-a-folder.*; the previous output was left as it was$/m);
      expect(second.log).not.toMatch(STACK);
      expect(readFileSync(join(out, 'objectives/2030-q1-company-launch/index.html'), 'utf8')).not.toContain(
        'Renamed after the first build',
      );
      expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
      expect(leftovers(out)).toEqual([]);
    });

    it('never touches the content', () => expect(treeHash(content)).toBe(before));
  });
});
