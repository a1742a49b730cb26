// Adds lockfile entries for optional platform packages that this machine's registry does not serve
// (Astro's compiler publishes bindings per OS/CPU; only some reach the mirror). Without them
// `npm ci` refuses the lockfile ("Missing: … from lock file"). The entries carry os/cpu, so npm
// skips them on every platform they don't match and never fetches them.
// Run after `npm install` changes package-lock.json: node scripts/lockfile-platforms.ts
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const PLATFORM: Record<string, { os?: string[]; cpu: string[]; libc?: string[] }> = {
  'android-arm64': { os: ['android'], cpu: ['arm64'] },
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'linux-arm64-gnu': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
  'linux-arm64-musl': { os: ['linux'], cpu: ['arm64'], libc: ['musl'] },
  'linux-x64-gnu': { os: ['linux'], cpu: ['x64'], libc: ['glibc'] },
  'linux-x64-musl': { os: ['linux'], cpu: ['x64'], libc: ['musl'] },
  'wasm32-wasi': { cpu: ['wasm32'] },
  'win32-arm64-msvc': { os: ['win32'], cpu: ['arm64'] },
  'win32-x64-msvc': { os: ['win32'], cpu: ['x64'] },
};

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages: Record<string, Record<string, unknown>> = lock.packages;
let added = 0;
for (const [path, pkg] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries((pkg.optionalDependencies ?? {}) as Record<string, string>)) {
    const key = `node_modules/${dep}`;
    if (packages[key]) continue;
    const suffix = Object.keys(PLATFORM).find((s) => dep.endsWith(`-${s}`));
    if (!suffix) {
      console.warn(`${dep} (optional dependency of ${path || 'the project'}) is missing and is not a known platform package`);
      continue;
    }
    packages[key] = { version, ...PLATFORM[suffix], optional: true };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync('package-lock.json.tmp', `${JSON.stringify(lock, null, 2)}\n`);
renameSync('package-lock.json.tmp', 'package-lock.json');
console.log(added ? `added ${added} platform entries to package-lock.json` : 'package-lock.json already complete');
