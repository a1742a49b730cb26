// Telemetry is off in every command, by the project's own setting (src/integrations/no-telemetry.ts),
// not the environment's: each command below runs with Astro's switches unset, under the network
// watch (test/network-watch.ts), which logs every name looked up and every connection or fetch to
// another host. The builds of the hostile corpus and of the browser suite are watched the same way.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../bad-input-corpus.ts';
import { ROOT } from '../helpers.ts';

const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

/**
 * An environment where only the project can keep Astro quiet: its switches unset, a home of its own
 * (no saved preferences: Astro would check for updates), and not on CI (Astro skips the update check
 * there, which would hide a missing setting).
 */
function watched(log: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    ASTRO_TELEMETRY_DISABLED: '',
    ASTRO_DISABLE_UPDATE_CHECK: '',
    HOME: mkdtempSync(join(tmpdir(), 'okr-home-')),
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${join(ROOT, 'test/network-watch.ts')}`,
    OKR_NETWORK_LOG: log,
    ...extra,
  };
  for (const v of ['XDG_CONFIG_HOME', 'CI', 'CONTINUOUS_INTEGRATION', 'BUILD_NUMBER', 'RUN_ID', 'GITHUB_ACTIONS']) delete env[v];
  return env;
}

const contacted = (log: string) => (existsSync(log) ? readFileSync(log, 'utf8') : '');
const newLog = (name: string) => join(mkdtempSync(join(tmpdir(), 'okr-net-')), `${name}.log`);
const base = join(CORPUS, 'base');

describe('no command contacts anyone', () => {
  it.for([
    ['check', ['check', '--content', base]],
    ['export json', ['export', '--content', base, '--format', 'json']],
    ['export csv', ['export', '--content', base, '--format', 'csv']],
  ] as const)('okr %s', ([name, args]) => {
    const log = newLog(name.replace(' ', '-'));
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/okr.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: watched(log) });
    expect(r.status, r.stderr).toBe(0);
    expect(contacted(log)).toBe('');
  });

  it('a bare `astro build`', () => {
    const log = newLog('build');
    const out = mkdtempSync(join(tmpdir(), 'okr-net-dist-'));
    const r = spawnSync(process.execPath, [ASTRO, 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: watched(log, { OKR_CONTENT: base, OKR_OUT_DIR: out, OKR_CACHE_DIR: `${out}.cache` }),
    });
    expect(r.status, (r.stdout + r.stderr).slice(-2000)).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(contacted(log)).toBe('');
  });

  it('`astro dev` (no update check either)', async () => {
    const log = newLog('dev');
    const child = spawn(process.execPath, [ASTRO, 'dev', '--host', '127.0.0.1', '--port', '0'], {
      cwd: ROOT,
      env: watched(log, { OKR_CONTENT: base }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${output}`)), 60_000);
        const onData = (d: Buffer) => {
          output += d.toString();
          if (!/http:\/\/127\.0\.0\.1:\d+/.test(output)) return;
          clearTimeout(timer);
          resolve();
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${output}`)));
      });
      // The update check starts beside the server (asking npm for its registry first): give it time. Astro
      // checks at most every 12 days per project and remembers a check in .astro/settings.json, so
      // only a check made without the setting can hide one.
      await new Promise((r) => setTimeout(r, 10_000));
    } finally {
      child.kill();
    }
    expect(contacted(log)).toBe('');
  }, 90_000);
});
