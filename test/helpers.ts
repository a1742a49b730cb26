// Shared test helpers: run the CLI as a user would, and make throwaway copies of content.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const MAIN = join(ROOT, 'content');
export const FISCAL = join(ROOT, 'examples/fiscal-handbook');

export function runOkr(args: string[], env: Record<string, string> = {}, cwd = ROOT) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/okr.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary copy of a content directory. */
export function copyContent(from = MAIN): string {
  const dir = mkdtempSync(join(tmpdir(), 'okr-content-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Replace `find` with `replace` in a file and return the 1-based line where the change starts. */
export function edit(file: string, find: string | RegExp, replace: string): number {
  const text = readFileSync(file, 'utf8');
  const m = typeof find === 'string' ? { index: text.indexOf(find) } : find.exec(text);
  if (!m || m.index === undefined || m.index < 0) throw new Error(`${String(find)} not found in ${file}`);
  writeFileSync(file, text.replace(find, replace));
  return text.slice(0, m.index).split('\n').length;
}

/** Build the site as `npm run build` does, from `content` into a new temporary folder with its own Astro cache. */
export function buildSite(content: string, opts: { env?: Record<string, string>; prefix?: string; out?: string } = {}) {
  const out = opts.out ?? mkdtempSync(join(tmpdir(), opts.prefix ?? 'okr-dist-'));
  const env = opts.env ?? {};
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      OKR_CONTENT: content,
      OKR_OUT_DIR: out,
      OKR_CACHE_DIR: `${out}.cache`,
      NO_COLOR: '1',
      ASTRO_TELEMETRY_DISABLED: '1',
      ...env,
    },
  });
  return { out, status: r.status, stdout: r.stdout, stderr: r.stderr, log: r.stdout + r.stderr };
}
