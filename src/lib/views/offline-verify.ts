// The shell commands a snapshot page offers for checking it offline: download the version and the
// ones before it, and the pinned public keys, in the layout `okr verify` reads (<period>/v<N>/ beside
// keys/), print each key's fingerprint to compare with a copy published elsewhere, and verify.

export interface OfflineVersion {
  version: string;
  /** The published files of the version, by name. */
  files: readonly string[];
  /** Absolute URL of the version's folder, ending in a slash. */
  base: string;
}

export interface OfflineKey {
  id: string;
  /** Absolute URL of the key's PEM file. */
  url: string;
}

/** A name that needs no quoting in a POSIX shell (periods, versions, key ids and file names are ids). */
const word = (s: string) => (/^[\w.@%+=:,/-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`);

/**
 * Commands that rebuild `period`'s chain up to its last version in ~/okr-snapshot, print each pinned
 * key's fingerprint (SHA-256 of its DER SubjectPublicKeyInfo) and run `okr verify` with the pins the
 * reader compared (a placeholder: pinning the fingerprint this site shows would prove nothing).
 */
export function offlineVerifyScript(period: string, versions: readonly OfflineVersion[], keys: readonly OfflineKey[]): string {
  const dirs = [...versions.map((v) => `${period}/${v.version}`), ...(keys.length ? ['keys'] : [])];
  const lines = [`mkdir -p ~/okr-snapshot && cd ~/okr-snapshot && mkdir -p ${dirs.map(word).join(' ')}`];
  for (const v of versions)
    for (const f of v.files) lines.push(`curl -fsSo ${word(`${period}/${v.version}/${f}`)} ${word(`${v.base}${f}`)}`);
  for (const k of keys) lines.push(`curl -fsSo ${word(`keys/${k.id}.pem`)} ${word(k.url)}`);
  if (keys.length) {
    lines.push('# Each key’s fingerprint: compare it with the copy the organisation publishes outside this site.');
    for (const k of keys) lines.push(`openssl pkey -pubin -in ${word(`keys/${k.id}.pem`)} -outform DER | sha256sum`);
  }
  lines.push('# Then, in a checkout of OKR Handbook (after npm ci), with each fingerprint you compared:');
  const pins = keys.length ? ' --keys ~/okr-snapshot/keys --pin FINGERPRINT' : '';
  lines.push(`npm run --silent okr -- verify ~/okr-snapshot/${word(period)}${pins}`);
  return lines.join('\n');
}
