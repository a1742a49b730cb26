import { describe, expect, it } from 'vitest';
import { offlineVerifyScript } from '../../src/lib/views/offline-verify.ts';

const v = (version: string, files = ['manifest.json', 'leaves.jsonl']) => ({
  version,
  files,
  base: `https://h.example/trust/2027-Q1/${version}/`,
});

describe('offlineVerifyScript', () => {
  it('downloads every version of the chain and each key into the layout okr verify reads, then verifies with a placeholder pin', () => {
    const script = offlineVerifyScript('2027-Q1', [v('v1'), v('v2')], [{ id: 'k1', url: 'https://h.example/trust/keys/k1.pem' }]);
    expect(script.split('\n')).toEqual([
      'mkdir -p ~/okr-snapshot && cd ~/okr-snapshot && mkdir -p 2027-Q1/v1 2027-Q1/v2 keys',
      'curl -fsSo 2027-Q1/v1/manifest.json https://h.example/trust/2027-Q1/v1/manifest.json',
      'curl -fsSo 2027-Q1/v1/leaves.jsonl https://h.example/trust/2027-Q1/v1/leaves.jsonl',
      'curl -fsSo 2027-Q1/v2/manifest.json https://h.example/trust/2027-Q1/v2/manifest.json',
      'curl -fsSo 2027-Q1/v2/leaves.jsonl https://h.example/trust/2027-Q1/v2/leaves.jsonl',
      'curl -fsSo keys/k1.pem https://h.example/trust/keys/k1.pem',
      '# Each key’s fingerprint: compare it with the copy the organisation publishes outside this site.',
      'openssl pkey -pubin -in keys/k1.pem -outform DER | sha256sum',
      '# Then, in a checkout of OKR Handbook (after npm ci), with each fingerprint you compared:',
      'npm run --silent okr -- verify ~/okr-snapshot/2027-Q1 --keys ~/okr-snapshot/keys --pin FINGERPRINT',
    ]);
  });

  it('quotes what a shell would read as syntax, and leaves keys out when none is pinned', () => {
    const script = offlineVerifyScript("q'1 $(x)", [{ version: 'v1', files: ['manifest.json'], base: 'https://h.example/a b/' }], []);
    expect(script).toContain(`curl -fsSo 'q'\\''1 $(x)/v1/manifest.json' 'https://h.example/a b/manifest.json'`);
    expect(script).not.toContain('openssl');
    expect(script.split('\n').at(-1)).toBe(`npm run --silent okr -- verify ~/okr-snapshot/'q'\\''1 $(x)'`);
  });
});
