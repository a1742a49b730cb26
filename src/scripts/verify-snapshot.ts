// The Verify button of /trust/<period>/<version>/: fetch this version and the ones before it, and the
// pinned public keys, and run the same verification and chain rules as `okr verify` and `okr check`
// (src/lib/receipts/verify.ts, chain.ts), hashing and checking signatures with WebCrypto.
import { runAsync, type AsyncCrypto } from '../lib/receipts/merkle.ts';
import type { Failure, KeyInput, Pin, SnapshotInput } from '../lib/receipts/report.ts';
import { FILES } from '../lib/receipts/snapshot.ts';
import { verifySnapshots } from '../lib/receipts/verify.ts';

const subtle = globalThis.crypto?.subtle;

const webCrypto: AsyncCrypto = {
  sha256: async (data) => new Uint8Array(await subtle.digest('SHA-256', data as BufferSource)),
  ed25519: async (spki, message, signature) => {
    let key: CryptoKey;
    try {
      key = await subtle.importKey('spki', spki as BufferSource, { name: 'Ed25519' }, false, ['verify']);
    } catch (e) {
      // An older browser without Ed25519 in WebCrypto: the signature is left unchecked, and said so.
      if ((e as DOMException).name === 'NotSupportedError') return null;
      return false;
    }
    return subtle.verify({ name: 'Ed25519' }, key, signature as BufferSource, message as BufferSource);
  },
};

interface Version {
  version: string;
  /** URL of the version's folder, ending in a slash. */
  base: string;
}

/** A published file's bytes, or undefined when the site has no such file (a missing signature). */
async function fetchBytes(url: string): Promise<Uint8Array | undefined> {
  const r = await fetch(url, { cache: 'no-store' });
  if (r.status === 404) return undefined;
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

function li(list: HTMLElement, text: string, ok: boolean | undefined) {
  const item = document.createElement('li');
  item.textContent = `${ok === undefined ? '•' : ok ? '✓' : '✗'} ${text}`;
  if (ok !== undefined) item.className = ok ? 'verify__ok' : 'verify__fail';
  list.append(item);
}

const describe = (f: Failure, version?: string) =>
  `${version ? `${version}: ` : ''}${f.record ? `${f.record}: ` : ''}${f.message} (${f.file.split('/').pop()})`;

/** The chain rules that held, one line each, so the result shows every check the button's text promises. */
function chainChecks(
  versions: readonly Version[],
  pins: readonly Pin[],
  createdAt: unknown,
  unchecked: boolean,
): [string, boolean | undefined][] {
  const dated = typeof createdAt === 'string' ? `dated ${createdAt}, ` : '';
  const out: [string, boolean | undefined][] = [[`${dated}not after this browser's clock`, true]];
  if (unchecked) out.push(['names a pinned key as its signer (not checked here)', undefined]);
  else if (pins.length) out.push(['signed by a pinned key, as every version must be once keys are pinned', true]);
  else out.push(['unsigned: this handbook pins no signing key', undefined]);
  if (versions.length > 1)
    out.push([
      `the chain ${versions.map((v) => v.version).join(' → ')} holds: none missing, none unsigned after a signed one, none dated before the one it follows, every change listed`,
      true,
    ]);
  else out.push([`${versions[0]?.version ?? 'v1'} is the period's first version`, true]);
  return out;
}

async function verify(section: HTMLElement, out: HTMLElement) {
  const period = section.dataset.verifyPeriod!;
  const current = section.dataset.verifyVersion!;
  const versions = JSON.parse(section.dataset.verifyVersions ?? '[]') as Version[];
  const pins = JSON.parse(section.dataset.verifyPins ?? '[]') as (Pin & { url: string })[];
  out.textContent = 'Fetching and checking…';
  const inputs: SnapshotInput[] = [];
  for (const v of versions) {
    const files: SnapshotInput['files'] = {};
    for (const name of Object.values(FILES)) {
      const bytes = await fetchBytes(`${v.base}${name}`);
      if (bytes) files[name] = bytes;
    }
    inputs.push({ path: `${period}/${v.version}`, period, version: v.version, files });
  }
  // Only the pinned keys are fetched: a key file the handbook did not pin is trusted by nothing.
  const keys: KeyInput[] = [];
  for (const p of pins) {
    const bytes = await fetchBytes(p.url);
    if (bytes) keys.push({ file: `keys/${p.id}.pem`, pem: new TextDecoder().decode(bytes) });
  }
  const { reports, failures } = await runAsync(verifySnapshots(inputs, keys, { pins, now: Date.now() }), webCrypto);
  const r = reports.find((x) => x.version === current)!;
  const all = [
    ...failures.map((f) => describe(f)),
    ...reports.flatMap((x) => x.failures.map((f) => describe(f, x.version === current ? undefined : x.version))),
  ];
  // A signature this browser could not check is not a verified one, even when nothing failed.
  const unchecked = reports.some((x) => x.signature.status === 'unchecked');
  out.textContent = '';
  const heading = document.createElement('p');
  heading.append(
    Object.assign(document.createElement('strong'), {
      textContent: all.length
        ? `✗ Verification failed: ${all.length} problem${all.length === 1 ? '' : 's'}`
        : unchecked
          ? '⚠ Not verified: this browser cannot check Ed25519 signatures'
          : '✓ Verified',
    }),
  );
  out.append(heading);
  const list = document.createElement('ul');
  list.className = 'list-plain';
  if (all.length === 0) {
    li(list, `${r.checked.leaves} leaves are canonical RFC 8785 JSON, in order, and hash to their published proofs`, true);
    li(list, `${r.checked.proofs} inclusion proofs lead to the root ${r.manifest?.root}`, true);
    li(list, 'the leaves rebuild that root (RFC 9162)', true);
    const pin = pins.find((p) => p.fingerprint === r.signature.keyid);
    if (r.signature.status === 'valid' && pin)
      li(list, `the Ed25519 signature over manifest.json is valid, by the pinned key ${pin.id} (fingerprint ${pin.fingerprint})`, true);
    for (const [text, ok] of chainChecks(versions, pins, r.manifest?.createdAt, unchecked)) li(list, text, ok);
  }
  for (const text of all) li(list, text, false);
  if (unchecked)
    li(list, 'signature not checked: this browser has no Ed25519 in WebCrypto; use another browser, or okr verify offline', false);
  out.append(list);
}

const section = document.querySelector<HTMLElement>('[data-verify-period]');
const button = section?.querySelector<HTMLButtonElement>('[data-verify-button]');
const out = section?.querySelector<HTMLElement>('[data-verify-result]');
if (section && button && out) {
  if (!subtle) out.textContent = 'This browser has no WebCrypto (it needs a secure context: https or localhost).';
  else button.disabled = false;
  button.addEventListener('click', () => {
    button.disabled = true;
    verify(section, out)
      .catch((e: unknown) => {
        out.textContent = `✗ Could not verify: ${(e as Error).message}`;
      })
      .finally(() => {
        button.disabled = false;
      });
  });
}
