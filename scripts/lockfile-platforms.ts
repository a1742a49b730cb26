// Adds lockfile entries for optional platform packages that this machine's registry does not serve
// (Astro's compiler publishes bindings per OS/CPU; only some reach the mirror). Without them
// `npm ci` refuses the lockfile ("Missing: … from lock file"). The entries carry os/cpu, so npm
// skips them on every platform they don't match and never fetches them.
// Run after `npm install` changes package-lock.json: node scripts/lockfile-platforms.ts
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../src/lib/load/atomic-write.ts';

const OS: Record<string, string> = {
  android: 'android',
  darwin: 'darwin',
  freebsd: 'freebsd',
  linux: 'linux',
  win32: 'win32',
  windows: 'win32',
  openbsd: 'openbsd',
  netbsd: 'netbsd',
  sunos: 'sunos',
  aix: 'aix',
};
const CPU = ['arm64', 'x64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'];

/** os/cpu/libc read off a platform package name such as "@scope/binding-linux-arm64-musl". */
function platformOf(name: string): { os?: string[]; cpu: string[]; libc?: string[] } | undefined {
  const parts = name.split('/').pop()!.split('-');
  const cpu = parts.find((p) => CPU.includes(p));
  if (!cpu) return undefined;
  const os = parts.map((p) => OS[p]).find(Boolean);
  const libc = parts.includes('musl') ? ['musl'] : parts.includes('gnu') ? ['glibc'] : undefined;
  if (!os && cpu !== 'wasm32') return undefined;
  return { ...(os ? { os: [os] } : {}), cpu: [cpu], ...(libc ? { libc } : {}) };
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, Record<string, unknown>> };
const packages = lock.packages;
let added = 0;
for (const [path, pkg] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries((pkg.optionalDependencies ?? {}) as Record<string, string>)) {
    const key = `node_modules/${dep}`;
    if (packages[key]) continue;
    const platform = platformOf(dep);
    if (!platform) {
      console.warn(`${dep} (optional dependency of ${path || 'the project'}) is missing and is not a known platform package`);
      continue;
    }
    packages[key] = { version, ...platform, optional: true };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
writeFileAtomic('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(added ? `added ${added} platform entries to package-lock.json` : 'package-lock.json already complete');
