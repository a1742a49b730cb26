// Real file-system failures for the tests: a full disk (a small tmpfs), a read-only folder (a read-only
// bind mount) and another file system (a tmpfs), made in a private mount namespace (`unshare`), so only
// the script and the processes it starts see them, and they vanish when it exits.
import { spawnSync } from 'node:child_process';
import { ROOT } from './helpers.ts';

/** `unshare` as root, or as a user mapped to root in a user namespace when run unprivileged. */
const UNSHARE = process.getuid?.() === 0 ? ['--mount'] : ['--map-root-user', '--mount'];

/**
 * Run a POSIX shell script in a private mount namespace, with `$NODE` the Node running the tests and
 * `$ROOT` the repository. The script may mount what it likes; nothing outside sees it.
 */
export function inMountNamespace(script: string, env: Record<string, string> = {}) {
  const r = spawnSync('unshare', [...UNSHARE, '--propagation', 'private', 'sh', '-euc', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE: process.execPath, ROOT, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
