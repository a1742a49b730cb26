// The public build leaks nothing: test/fixtures/canary holds internal periods, objectives, key
// results, KPIs, guides, teams, people, receipts and a redacted value, each carrying a unique canary
// string. Built with OKR_AUDIENCE=public, no file under dist/ (HTML, JS, JSON, CSV, sitemap, search
// index — gzip-compressed files are scanned decompressed — and file names) contains any of them,
// while the public content is there. The internal build of the same fixture does contain them, which
// shows the scan would catch a leak.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, runOkr } from '../helpers.ts';

const FIXTURE = join(ROOT, 'test/fixtures/canary');

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** Every canary written in the fixture: CANARY-… strings, internal ids, and the redacted value. */
const CANARIES = [
  ...new Set(
    walk(FIXTURE).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/CANARY-[A-Za-z0-9-]+|canary-[a-z0-9-]+|skunkworks-c7d1|secret-person-b5e2|8675309/g)].map(
        (m) => m[0],
      ),
    ),
  ),
].sort();
const PUBLIC = [
  'PUBLIC-OBJECTIVE-MARKER',
  'PUBLIC-KR-MARKER',
  'PUBLIC-THEME-MARKER',
  'PUBLIC-NARRATIVE-MARKER',
  'PUBLIC-GUIDE-MARKER',
  'PUBLIC-CHECKIN-MARKER',
];

function build(audience: 'public' | 'internal'): { out: string; log: string; status: number | null } {
  const { out, log, status } = buildSite(FIXTURE, {
    env: { OKR_AUDIENCE: audience, SOURCE_DATE_EPOCH: '1896134400' },
    prefix: `okr-canary-${audience}-`,
  });
  return { out, log, status };
}

/** Which needles occur in which files (bytes, and decompressed bytes of gzip files; also file paths). */
function scan(dir: string, needles: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of walk(dir)) {
    const raw = readFileSync(file);
    const texts = [raw, Buffer.from(relative(dir, file))];
    if (raw[0] === 0x1f && raw[1] === 0x8b) texts.push(gunzipSync(raw));
    for (const n of needles) if (texts.some((t) => t.includes(n))) found.set(n, [...(found.get(n) ?? []), relative(dir, file)]);
  }
  return found;
}

describe('OKR_AUDIENCE=public build of the canary handbook', () => {
  let pub: ReturnType<typeof build>;
  let internal: ReturnType<typeof build>;
  beforeAll(() => {
    pub = build('public');
    internal = build('internal');
  });

  it('has canaries to look for', () => {
    expect(CANARIES.length).toBeGreaterThan(30);
    expect(CANARIES).toEqual(
      expect.arrayContaining([
        'CANARY-OBJECTIVE-TITLE-1e6d',
        'CANARY-KR-INTERNAL-9f3a',
        'CANARY-GUIDE-BODY-8e8e',
        'CANARY-KPI-NAME-5d9e',
        '8675309',
      ]),
    );
  });
  it('builds', () => {
    expect(pub.status, pub.log.slice(-3000)).toBe(0);
    expect(pub.log).toMatch(/\(public audience\): 1 periods, 1 objectives, 3 key results/);
  });
  it('no file under dist/ contains any canary', () => {
    const files = walk(pub.out);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    expect(files.some((f) => /sitemap/.test(f))).toBe(true);
    expect(Object.fromEntries(scan(pub.out, CANARIES))).toEqual({});
  });
  it('but the public content is there', () => {
    const found = scan(pub.out, PUBLIC);
    expect(PUBLIC.filter((m) => !found.has(m))).toEqual([]);
    const objective = readFileSync(join(pub.out, 'objectives/public-growth/index.html'), 'utf8');
    expect(objective).toMatch(/PUBLIC-KR-MARKER/);
    expect(objective).toMatch(/class="receipt__hash"/);
  });
  it('the same fixture built for the company does contain them (the scan works)', () => {
    expect(internal.status, internal.log.slice(-3000)).toBe(0);
    const found = scan(internal.out, CANARIES);
    expect(found.has('CANARY-OBJECTIVE-TITLE-1e6d')).toBe(true);
    expect(found.has('CANARY-GUIDE-BODY-8e8e')).toBe(true);
    expect(found.has('CANARY-Q2-OBJECTIVE-4f0c')).toBe(true);
  });
  it('okr export --audience public (JSON and CSV) carries no canary either', () => {
    for (const format of ['json', 'csv']) {
      const r = runOkr(['export', '--content', FIXTURE, '--audience', 'public', '--format', format]);
      expect(r.code).toBe(0);
      expect(CANARIES.filter((c) => r.stdout.includes(c))).toEqual([]);
      expect(r.stdout).toMatch(/PUBLIC-KR-MARKER/);
    }
  });
  it('a misspelt audience stops the build instead of publishing everything', () => {
    const r = buildSite(FIXTURE, { env: { OKR_AUDIENCE: 'publc' }, prefix: 'okr-canary-bad-' });
    expect(r.status).toBe(1);
    expect(r.log).toMatch(/OKR_AUDIENCE must be one of internal, public \(got 'publc'\)/);
  });
  it('so does a build date in milliseconds (SOURCE_DATE_EPOCH), instead of falling back to the clock', () => {
    const r = buildSite(FIXTURE, { env: { SOURCE_DATE_EPOCH: '1896134400000' }, prefix: 'okr-canary-bad-' });
    expect(r.status).toBe(1);
    expect(r.log).toMatch(/SOURCE_DATE_EPOCH 1896134400000 is after the year 9999: it counts seconds since 1970, not milliseconds/);
  });
});
