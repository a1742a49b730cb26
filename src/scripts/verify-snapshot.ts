// The Verify button of /trust/<period>/<version>/: fetch the published snapshot files and run the
// same verification as `okr verify` (src/lib/receipts/verify.ts), hashing with WebCrypto.
import { runAsync, type AsyncCrypto } from '../lib/receipts/merkle.ts';
import { FILES } from '../lib/receipts/snapshot.ts';
import { verifySnapshots, type SnapshotReport } from '../lib/receipts/verify.ts';

const subtle = globalThis.crypto?.subtle;

const webCrypto: AsyncCrypto = {
  sha256: async (data) => new Uint8Array(await subtle.digest('SHA-256', data as BufferSource)),
  ed25519: async (spki, message, signature) => {
    const key = await subtle.importKey('spki', spki as BufferSource, { name: 'Ed25519' }, false, ['verify']);
    return subtle.verify({ name: 'Ed25519' }, key, signature as BufferSource, message as BufferSource);
  },
};

/** Whether this browser's WebCrypto has Ed25519 (older ones lack it). */
async function hasEd25519(): Promise<boolean> {
  try {
    await subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']);
    return true;
  } catch {
    return false;
  }
}

function li(list: HTMLElement, text: string, ok: boolean) {
  const item = document.createElement('li');
  item.textContent = `${ok ? '✓' : '✗'} ${text}`;
  item.className = ok ? 'verify__ok' : 'verify__fail';
  list.append(item);
}

async function verify(section: HTMLElement, out: HTMLElement) {
  const base = section.dataset.verifyBase!;
  const names = JSON.parse(section.dataset.verifyFiles ?? '[]') as string[];
  const keyUrls = JSON.parse(section.dataset.verifyKeys ?? '[]') as string[];
  out.textContent = 'Fetching and checking…';
  const files: Record<string, Uint8Array> = {};
  for (const name of names) {
    const r = await fetch(`${base}${name}`, { cache: 'no-store' });
    if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
    files[name] = new Uint8Array(await r.arrayBuffer());
  }
  const keys = await Promise.all(
    keyUrls.map(async (u) => ({ file: u.split('/').pop()!, pem: await (await fetch(u, { cache: 'no-store' })).text() })),
  );
  const ed = await hasEd25519();
  if (!ed) delete files[FILES.signature];
  const { reports, failures } = await runAsync(
    verifySnapshots(
      [
        {
          path: `${section.dataset.verifyPeriod}/${section.dataset.verifyVersion}`,
          period: section.dataset.verifyPeriod!,
          version: section.dataset.verifyVersion!,
          files,
        },
      ],
      keys,
      { chain: false },
    ),
    webCrypto,
  );
  const r = reports[0] as SnapshotReport;
  const all = [...failures, ...r.failures];
  out.textContent = '';
  const heading = document.createElement('p');
  heading.append(
    Object.assign(document.createElement('strong'), {
      textContent: all.length ? `✗ Verification failed: ${all.length} problem${all.length === 1 ? '' : 's'}` : '✓ Verified',
    }),
  );
  out.append(heading);
  const list = document.createElement('ul');
  list.className = 'list-plain';
  if (all.length === 0) {
    li(list, `${r.checked.leaves} leaves are canonical RFC 8785 JSON, in order, and hash to their published proofs`, true);
    li(list, `${r.checked.proofs} inclusion proofs lead to the root ${r.manifest?.root}`, true);
    li(list, 'the leaves rebuild that root (RFC 9162)', true);
    if (r.signature.status === 'valid') li(list, `the Ed25519 signature over manifest.json is valid (${r.signature.keyFile})`, true);
  }
  for (const f of all) li(list, `${f.record ? `${f.record}: ` : ''}${f.message} (${f.file.split('/').pop()})`, false);
  if (!ed && names.includes(FILES.signature)) {
    const note = document.createElement('li');
    note.textContent = '• signature not checked: this browser has no Ed25519 in WebCrypto (okr verify checks it)';
    list.append(note);
  }
  out.append(list);
}

const section = document.querySelector<HTMLElement>('[data-verify-base]');
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
