// The trust chain cannot be cut: on a copy of the demo handbook with a signed correction of 2027-Q1,
// each attack — signature stripped, unsigned successor, backdated successor, unpinned key, inconsistent
// extension — is rejected by `okr verify` and by `okr check` (so by every build), naming the rule.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyContent, runOkr } from '../helpers.ts';
import { chainedContent, resign, rewriteRecords, testKey } from '../trust-fixture.ts';

const { dir: chained, key } = chainedContent();
const v1 = (dir: string) => join(dir, 'trust/2027-Q1/v1');
const v2 = (dir: string) => join(dir, 'trust/2027-Q1/v2');

/** A fresh copy of the chained content, cut by `attack`; what okr verify and okr check say of it. */
function attacked(attack: (dir: string) => void) {
  const dir = copyContent(chained);
  attack(dir);
  const verify = runOkr(['verify', dir]);
  const check = runOkr(['check', '--content', dir]);
  return { verify, check };
}

describe('the chain as published', () => {
  it('a signed v1 and a signed, listed correction v2 verify, against the pins of org.yaml', () => {
    const r = runOkr(['verify', chained]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Pinned keys \(from .*org\.yaml\): nexusflow-trust-2026 [0-9a-f]{64}, release-2026 [0-9a-f]{64}$/m);
    expect(r.stdout).toMatch(/✓ .*trust\/2027-Q1\/v2 — 9 leaves, 9 proofs, root [0-9a-f]{64}, signature valid \(.*release-2026\.pem\)/);
    expect(runOkr(['check', '--content', chained]).code).toBe(0);
  });
  it('a downloaded folder verifies against the fingerprints given with --pin, and only those', () => {
    const pins = readFileSync(join(chained, 'org.yaml'), 'utf8').match(/[0-9a-f]{64}/g)!;
    const trust = copyContent(join(chained, 'trust'));
    expect(runOkr(['verify', trust, ...pins.flatMap((p) => ['--pin', p])]).code).toBe(0);
    const one = runOkr(['verify', trust, '--pin', pins[0]]);
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(/v2\/manifest\.dsse\.json: unpinned key: signed by key [0-9a-f]{16}…, which is not pinned/);
  });
});

describe('a copy changed in bytes only is not the copy published', () => {
  it('a byte-order mark put before the leaves fails, though the text decodes the same', () => {
    const pins = readFileSync(join(chained, 'org.yaml'), 'utf8').match(/[0-9a-f]{64}/g)!;
    const trust = copyContent(join(chained, 'trust'));
    const leaves = join(trust, '2027-Q1/v1/leaves.jsonl');
    writeFileSync(leaves, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(leaves)]));
    const r = runOkr(['verify', trust, ...pins.flatMap((p) => ['--pin', p])]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/✗ \d+ problems?: .*2027-Q1\/v1 /);
    expect(r.stderr).toMatch(/2027-Q1\/v1\/leaves\.jsonl: line 1 is not JSON/);
  });
});

describe('each cut is rejected by okr verify and okr check, and named', () => {
  const cases: [string, (dir: string) => void, RegExp][] = [
    [
      'signature stripped (v1, everything else consistent)',
      (dir) => rmSync(join(v1(dir), 'manifest.dsse.json')),
      /2027-Q1\/v1\/manifest\.dsse\.json.*signature missing: org\.yaml \(trust\.keys\) pins signing keys, so every snapshot must be signed by one of them; manifest\.dsse\.json is missing/,
    ],
    [
      'unsigned successor (v2 rewritten and left unsigned)',
      (dir) => resign(v2(dir), null, (m) => (m.reason = 'nothing to see')),
      /2027-Q1\/v2\/manifest\.dsse\.json.*unsigned successor: v1 is signed, so every later version must be signed by a pinned key/,
    ],
    [
      'backdated successor (v2 dated before v1, re-signed by the pinned key)',
      (dir) => resign(v2(dir), key, (m) => (m.createdAt = '2026-11-01T00:00:00Z')),
      /2027-Q1\/v2\/manifest\.json.*backdated: createdAt 2026-11-01T00:00:00Z is before v1's 2026-11-30T00:00:00Z/,
    ],
    [
      'unpinned key (a new key dropped into trust/keys/, v2 re-signed with it)',
      (dir) => {
        const intruder = testKey();
        writeFileSync(join(dir, 'trust/keys/intruder.pem'), intruder.pem);
        resign(v2(dir), intruder);
      },
      /2027-Q1\/v2\/manifest\.dsse\.json.*unpinned key: signed by key [0-9a-f]{16}…, which is not pinned in org\.yaml/,
    ],
    [
      'inconsistent extension (v2 rewrites another record than it lists, signed)',
      (dir) =>
        rewriteRecords(v2(dir), key, (line) =>
          line.includes('"id":"2027-q1-company-churn-defense.kr3"') ? line.replace('< 45 minutes', '< 60 minutes') : line,
        ),
      /2027-Q1\/v2\/manifest\.json.*inconsistent extension: the manifest lists changed keyResult\/2027-q1-company-churn-defense\.kr1, but against v1 the leaves show changed keyResult\/2027-q1-company-churn-defense\.kr1, changed keyResult\/2027-q1-company-churn-defense\.kr3/,
    ],
  ];
  for (const [name, attack, named] of cases)
    it(name, () => {
      const { verify, check } = attacked(attack);
      expect(verify.code).toBe(1);
      expect(verify.stderr).toMatch(named);
      expect(verify.stderr).toMatch(/^FAILED: /m);
      expect(check.code).toBe(1);
      expect(check.stdout).toMatch(named);
    });

  it('the unpinned key is named both as a file and as the signer', () => {
    const { verify } = attacked((dir) => {
      const intruder = testKey();
      writeFileSync(join(dir, 'trust/keys/intruder.pem'), intruder.pem);
      resign(v2(dir), intruder);
    });
    expect(verify.stderr).toMatch(/✗ .*trust\/keys\/intruder\.pem: unpinned key: key [0-9a-f]{16}… is not pinned in org\.yaml/);
    expect(verify.stderr).toMatch(/v2\/manifest\.dsse\.json: unpinned key: signed by key [0-9a-f]{16}…, which is not pinned in org\.yaml/);
  });
});
