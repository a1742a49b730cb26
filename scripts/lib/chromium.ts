// The Chromium the browser tests and screenshots drive: CHROMIUM_PATH when set, else Debian's
// (/usr/bin/chromium) when installed, else the headless Chromium that @sparticuz/chromium ships
// inside its npm tarball. That one is brotli-compressed with the few libraries it needs beyond glibc
// (NSS, expat) and a font; it is unpacked once into node_modules/.cache, so nothing is downloaded.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';
import type { LaunchOptions } from 'playwright-core';

const ROOT = join(import.meta.dirname, '../..');
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** playwright-core's launch options for the Chromium this machine has. */
export async function chromiumLaunchOptions(): Promise<LaunchOptions> {
  const path = process.env.CHROMIUM_PATH || (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);
  if (path) return { executablePath: path, args: ARGS };
  const dir = await unpackedChromium();
  return {
    executablePath: join(dir, 'chromium'),
    args: ARGS,
    env: { ...process.env, LD_LIBRARY_PATH: join(dir, 'lib'), FONTCONFIG_PATH: dir },
  };
}

/** The packaged Chromium, unpacked once per version (into a temporary folder, then renamed: a partial one is never used). */
async function unpackedChromium(): Promise<string> {
  // The package exports only its code (build/index.js); its binaries are in bin/ beside build/.
  const pkg = join(dirname(fileURLToPath(import.meta.resolve('@sparticuz/chromium'))), '..');
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  const dir = join(ROOT, 'node_modules/.cache/okr-chromium', version);
  if (existsSync(join(dir, 'chromium'))) return dir;
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const bin = join(pkg, 'bin');
  await pipeline(
    createReadStream(join(bin, 'chromium.br')),
    createBrotliDecompress(),
    createWriteStream(join(partial, 'chromium'), { mode: 0o755 }),
  );
  // al2023.tar.br holds lib/ (NSS and expat); fonts.tar.br holds fonts/.
  for (const archive of ['al2023.tar.br', 'fonts.tar.br']) {
    const tar = spawnSync('tar', ['-x', '-C', partial], { input: brotliDecompressSync(readFileSync(join(bin, archive))) });
    if (tar.status !== 0) throw new Error(`could not unpack ${archive}: ${String(tar.stderr)}`);
  }
  writeFileSync(join(partial, 'fonts.conf'), `<?xml version="1.0"?>\n<fontconfig><dir>${join(dir, 'fonts')}</dir></fontconfig>\n`);
  try {
    renameSync(partial, dir);
  } catch {
    // Another process unpacked it first.
    rmSync(partial, { recursive: true, force: true });
  }
  return dir;
}
