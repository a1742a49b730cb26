// Receipts end to end: the demo's snapshots and decision receipt, `okr snapshot` (append-only,
// reproducible, signed), `okr verify` naming the exact record on a tampered copy, stale decision
// receipts naming what changed, and the export's leaves, proofs and roots.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { fromHex, leafHash, toHex, verifyInclusion } from '../../src/lib/receipts/merkle.ts';
import { run } from '../../src/lib/receipts/node-crypto.ts';
import { copyContent, edit, MAIN, ROOT, runOkr } from '../helpers.ts';

const EPOCH = { SOURCE_DATE_EPOCH: '1795996800' }; // 2026-11-30, when the demo's snapshots were made
const RECEIPTS = join(ROOT, 'test/fixtures/receipts');
const files = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
const seed = () => generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(16).toString('base64');

describe('the demo handbook', () => {
  it('ships a verified, signed snapshot of every period of the 2027 annual plan: okr verify content/trust passes', () => {
    const r = runOkr(['verify', 'content/trust']);
    expect(r.code, r.stderr).toBe(0);
    for (const p of ['2027', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4'])
      expect(r.stdout).toMatch(new RegExp(`✓ content/trust/${p}/v1 — \\d+ leaves, \\d+ proofs, root [0-9a-f]{64}, signature valid`));
    expect(r.stdout).toMatch(/Verified 5 snapshots: \d+ leaves, \d+ proofs, 5 signatures\./);
  });
  const h = computeHandbook(MAIN).handbook!;
  it('its 2027-Q1 OKR receipt matches the content; the required receipts show as satisfied or missing', () => {
    const r = h.trust.receipts.find((c) => c.receipt.id === '2027-q1-okrs')!;
    expect(r.status).toBe('current');
    expect(r.currentRoot).toBe(r.receipt.root);
    expect(h.trust.requirements.get('2027-Q1')).toEqual([{ scope: 'okrs', status: 'satisfied', receipts: ['2027-q1-okrs'] }]);
    expect(h.trust.requirements.get('2027-Q2')).toEqual([{ scope: 'okrs', status: 'missing', receipts: [] }]);
    expect(h.trust.requirements.get('2027')!.map((x) => `${x.scope}:${x.status}`)).toEqual([
      'kpi-tree:missing',
      'okrs:missing',
      'budget:missing',
      'risk-register:missing',
      'stage-gate:missing',
    ]);
  });
  it('every objective and KR has a leaf whose proof leads to its period root', () => {
    let n = 0;
    for (const o of h.objectives)
      for (const key of [`objective/${o.id}`, ...o.keyResults.map((k) => `keyResult/${k.uid}`)]) {
        const own = h.trust.own.get(key)!;
        const tree = h.trust.trees.get(own.period)!;
        expect(own.period).toBe(o.period);
        const leaf = run(leafHash(new TextEncoder().encode(own.record.canonical)));
        expect(toHex(leaf)).toBe(own.record.leaf);
        const ok = run(
          verifyInclusion(
            leaf,
            own.record.index,
            tree.treeSize,
            own.record.proof.map((x) => fromHex(x)!),
            fromHex(tree.root)!,
          ),
        );
        expect(ok, key).toBe(true);
        n++;
      }
    expect(n).toBe(28 + 104);
  });
  it('a year tree covers its quarters: 2027 holds every 2027-Q* record', () => {
    const year = h.trust.trees.get('2027')!;
    const quarters = ['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4'].map((q) => h.trust.trees.get(q)!);
    expect(year.treeSize).toBe(1 + quarters.reduce((s, q) => s + q.treeSize, 0));
    for (const q of quarters) for (const r of q.records) expect(year.byKey.get(r.key)?.leaf).toBe(r.leaf);
  });
});

describe('okr verify on a tampered copy', () => {
  it('names the exact record whose bytes changed, and okr check fails on it too', () => {
    const dir = copyContent();
    const leaves = join(dir, 'trust/2027-Q1/v1/leaves.jsonl');
    const lines = readFileSync(leaves, 'utf8').split('\n');
    const i = lines.findIndex((l) => l.includes('"id":"2027-q1-company-churn-defense.kr3"'));
    lines[i] = lines[i]!.replace('< 45 minutes', '< 46 minutes');
    writeFileSync(leaves, lines.join('\n'));
    const r = runOkr(['verify', join(dir, 'trust')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/✗ .*trust\/2027-Q1\/v1 — /);
    expect(r.stderr).toMatch(
      new RegExp(
        `leaves\\.jsonl \\[keyResult/2027-q1-company-churn-defense\\.kr3\\]: leaf ${i} hashes to [0-9a-f]{64}, not [0-9a-f]{64} as published in proofs\\.json: the record was changed`,
      ),
    );
    expect(r.stderr).toMatch(/FAILED: 2 problems in 1 of 5 snapshots/);
    const check = runOkr(['check', '--content', dir]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(
      /trust\/2027-Q1\/v1\/leaves\.jsonl error trust-center snapshot record keyResult\/2027-q1-company-churn-defense\.kr3: leaf/,
    );
  });
  it('names the record whose proof was altered, and a signature that no longer matches', () => {
    const dir = copyContent();
    const proofs = join(dir, 'trust/2027-Q2/v1/proofs.json');
    const p = JSON.parse(readFileSync(proofs, 'utf8'));
    p.proofs[3].path.reverse();
    writeFileSync(proofs, JSON.stringify(p, null, 2));
    edit(join(dir, 'trust/2027-Q3/v1/manifest.json'), '"generatorVersion": "0.1.0"', '"generatorVersion": "0.1.1"');
    const r = runOkr(['verify', join(dir, 'trust'), '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { snapshots: { period: string; failures: { record?: string; message: string }[] }[] };
    const q2 = out.snapshots.find((s) => s.period === '2027-Q2')!;
    expect(q2.failures).toEqual([
      expect.objectContaining({ record: p.proofs[3].key, message: expect.stringMatching(/inclusion proof of leaf 3/) }),
    ]);
    const q3 = out.snapshots.find((s) => s.period === '2027-Q3')!;
    expect(q3.failures.map((f) => f.message)).toEqual(['the signed payload is not the bytes of manifest.json']);
  });
  it('verifies one snapshot folder on its own, with the keys found beside it', () => {
    const r = runOkr(['verify', 'content/trust/2027-Q4/v1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/signature valid/);
  });
});

describe('okr snapshot', () => {
  /** The demo content without snapshots, keys or pins: a handbook that does not sign (yet). */
  const fresh = () => {
    const dir = copyContent();
    rmSync(join(dir, 'trust'), { recursive: true });
    edit(join(dir, 'org.yaml'), /\n# Trust-center snapshots are signed[\s\S]*$/, '\n');
    return dir;
  };
  /** Pin a key in org.yaml (as a reviewed change would). */
  const pin = (dir: string, id: string, fingerprint: string) =>
    writeFileSync(
      join(dir, 'org.yaml'),
      `${readFileSync(join(dir, 'org.yaml'), 'utf8')}trust:\n  keys:\n    - id: ${id}\n      fingerprint: ${fingerprint}\n`,
    );
  it('refuses without SOURCE_DATE_EPOCH or --created-at, and refuses internal periods', () => {
    const dir = fresh();
    const env = { SOURCE_DATE_EPOCH: '' };
    const r = runOkr(['snapshot', '2027-Q1', '--content', dir], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/set SOURCE_DATE_EPOCH .* or pass --created-at/);
    // Milliseconds would write a date in the year 58882 into an append-only snapshot.
    const ms = runOkr(['snapshot', '2027-Q1', '--content', dir], { SOURCE_DATE_EPOCH: '1797292800000' });
    expect(ms.code).toBe(2);
    expect(ms.stderr).toMatch(/not milliseconds/);
    const internal = runOkr(['snapshot', '2025-Q1', '--content', dir], EPOCH);
    expect(internal.code).toBe(1);
    expect(internal.stderr).toMatch(/period 2025-Q1 is internal/);
    expect(existsSync(join(dir, 'trust'))).toBe(false);
  });
  it('is append-only: a re-run writes nothing, a change is refused, a correction is the next version', () => {
    const dir = fresh();
    const first = runOkr(['snapshot', '2027-Q1', '--content', dir], EPOCH);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/wrote .*trust\/2027-Q1\/v1: 9 leaves, root [0-9a-f]{64}\./);
    const v1 = files(join(dir, 'trust/2027-Q1/v1'));
    expect(Object.keys(v1)).toEqual(['leaves.jsonl', 'manifest.json', 'proofs.json']);
    expect(JSON.parse(v1['manifest.json']!)).toMatchObject({
      period: '2027-Q1',
      version: 'v1',
      treeSize: 9,
      createdAt: '2026-11-30T00:00:00Z',
      supersedes: null,
      generatorVersion: '0.1.0',
      commit: 'uncommitted',
    });

    const again = runOkr(['snapshot', '2027-Q1', '--content', dir], { SOURCE_DATE_EPOCH: '1800000000' });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/v1 already holds this content .* nothing written/);

    edit(join(dir, 'okrs/2027-Q1/company.yaml'), 'target: 95', 'target: 97');
    const refused = runOkr(['snapshot', '2027-Q1', '--content', dir], EPOCH);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/changed since .*v1 \(changed keyResult\/2027-q1-company-churn-defense\.kr1\)/);
    expect(refused.stderr).toMatch(/--supersede/);
    expect(existsSync(join(dir, 'trust/2027-Q1/v2'))).toBe(false);

    expect(runOkr(['snapshot', '2027-Q1', '--content', dir, '--supersede'], EPOCH).stderr).toMatch(/a correction says why: add --reason/);
    const backdated = runOkr(['snapshot', '2027-Q1', '--content', dir, '--supersede', '--reason', 'x'], {
      SOURCE_DATE_EPOCH: '1795910400',
    });
    expect(backdated.code).toBe(2);
    expect(backdated.stderr).toMatch(/createdAt 2026-11-29T00:00:00Z is before v1's 2026-11-30T00:00:00Z: a later version may not predate/);
    const fixed = runOkr(['snapshot', '2027-Q1', '--content', dir, '--supersede', '--reason', 'Target corrected to 97%'], EPOCH);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stdout).toMatch(/v2: 9 leaves, .*supersedes v1/);
    expect(JSON.parse(readFileSync(join(dir, 'trust/2027-Q1/v2/manifest.json'), 'utf8'))).toMatchObject({
      version: 'v2',
      supersedes: 'v1',
      reason: 'Target corrected to 97%',
      changes: { added: [], changed: ['keyResult/2027-q1-company-churn-defense.kr1'], removed: [] },
    });
    expect(files(join(dir, 'trust/2027-Q1/v1'))).toEqual(v1);
    expect(readdirSync(join(dir, 'trust/2027-Q1'))).toEqual(['v1', 'v2']); // no temporary folder left behind
    const verified = runOkr(['verify', join(dir, 'trust')]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/Verified 2 snapshots/);
    const h = computeHandbook(dir).handbook!;
    expect(h.trust.snapshots.find((x) => x.version === 'v1')!.supersededBy).toBe('v2');
  });
  it('signs with OKR_SIGNING_KEY only when the key is pinned in org.yaml and published under trust/keys/', () => {
    const dir = fresh();
    const key = seed();
    const unpinned = runOkr(['snapshot', '2027-Q3', '--content', dir], { ...EPOCH, OKR_SIGNING_KEY: key });
    expect(unpinned.code).toBe(1);
    expect(unpinned.stderr).toMatch(/the key in OKR_SIGNING_KEY is not pinned, so nothing it signed would be trusted; nothing was written/);
    const fingerprint = /fingerprint: ([0-9a-f]{64})/.exec(unpinned.stderr)![1]!;
    const pem = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----\n/.exec(unpinned.stderr)![0];
    pin(dir, 'test', fingerprint);
    const unpublished = runOkr(['snapshot', '2027-Q3', '--content', dir], { ...EPOCH, OKR_SIGNING_KEY: key });
    expect(unpublished.stderr).toMatch(/is not published, [\s\S]*\nSave its public key as .*trust\/keys\/test\.pem/);
    mkdirSync(join(dir, 'trust/keys'), { recursive: true });
    writeFileSync(join(dir, 'trust/keys/test.pem'), pem);
    // Once a key is pinned, an unsigned snapshot is refused.
    expect(runOkr(['snapshot', '2027-Q3', '--content', dir], EPOCH).stderr).toMatch(
      /org\.yaml pins signing keys \(test\), so every snapshot must be signed/,
    );
    const signed = runOkr(['snapshot', '2027-Q3', '--content', dir], { ...EPOCH, OKR_SIGNING_KEY: key });
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.stdout).toMatch(/signed with test\./);
    const v = runOkr(['verify', join(dir, 'trust')]);
    expect(v.stdout).toMatch(/signature valid \(.*test\.pem\)/);
    // Without the public key the signature cannot be checked: verification fails and says which key is missing.
    rmSync(join(dir, 'trust/keys/test.pem'));
    const nokey = runOkr(['verify', join(dir, 'trust')]);
    expect(nokey.code).toBe(1);
    expect(nokey.stderr).toMatch(/signed by the pinned key test, but no public key read \(trust\/keys\/ or --keys\) has its fingerprint/);
  });
  it('--sign signs a version published before the handbook pinned a key, leaving the version as it was', () => {
    const dir = fresh();
    expect(runOkr(['snapshot', '2027-Q2', '--content', dir], EPOCH).code).toBe(0);
    const before = files(join(dir, 'trust/2027-Q2/v1'));
    const key = seed();
    const printed = runOkr(['snapshot', '2027-Q2', '--content', dir, '--sign', 'v1'], { OKR_SIGNING_KEY: key }).stderr;
    pin(dir, 'ci', /fingerprint: ([0-9a-f]{64})/.exec(printed)![1]!);
    mkdirSync(join(dir, 'trust/keys'));
    writeFileSync(join(dir, 'trust/keys/ci.pem'), /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----\n/.exec(printed)![0]);
    // Pinned now: the unsigned v1 fails until it is signed.
    expect(runOkr(['check', '--content', dir]).stdout).toMatch(/2027-Q2\/v1\/manifest\.dsse\.json.* signature missing/);
    const signed = runOkr(['snapshot', '2027-Q2', '--content', dir, '--sign', 'v1'], { OKR_SIGNING_KEY: key });
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.stdout).toMatch(/signed .*trust\/2027-Q2\/v1 with ci; the version itself is unchanged/);
    const after = files(join(dir, 'trust/2027-Q2/v1'));
    expect(Object.keys(after)).toEqual(['leaves.jsonl', 'manifest.dsse.json', 'manifest.json', 'proofs.json']);
    expect({ ...after, 'manifest.dsse.json': undefined }).toEqual({ ...before, 'manifest.dsse.json': undefined });
    expect(runOkr(['check', '--content', dir]).code).toBe(0);
    expect(runOkr(['snapshot', '2027-Q2', '--content', dir, '--sign', 'v1'], { OKR_SIGNING_KEY: key }).stderr).toMatch(/is signed already/);
  });
  it('gives byte-identical snapshots under different time zones and locales', () => {
    const key = seed();
    const [a, b] = [fresh(), fresh()];
    const refused = runOkr(['snapshot', '2027', '--content', a], { ...EPOCH, OKR_SIGNING_KEY: key }).stderr;
    const pem = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----\n/.exec(refused)![0];
    for (const d of [a, b]) {
      pin(d, 'ci', /fingerprint: ([0-9a-f]{64})/.exec(refused)![1]!);
      mkdirSync(join(d, 'trust/keys'), { recursive: true });
      writeFileSync(join(d, 'trust/keys/ci.pem'), pem);
    }
    const ra = runOkr(['snapshot', '2027', '--content', a], {
      ...EPOCH,
      OKR_SIGNING_KEY: key,
      TZ: 'Pacific/Kiritimati',
      LANG: 'th_TH.UTF-8',
      LC_ALL: 'th_TH.UTF-8',
    });
    const rb = runOkr(['snapshot', '2027', '--content', b], {
      ...EPOCH,
      OKR_SIGNING_KEY: key,
      TZ: 'America/Los_Angeles',
      LANG: 'C',
      LC_ALL: 'C',
    });
    expect([ra.code, rb.code], ra.stderr + rb.stderr).toEqual([0, 0]);
    const fa = files(join(a, 'trust/2027/v1'));
    expect(Object.keys(fa)).toEqual(['leaves.jsonl', 'manifest.dsse.json', 'manifest.json', 'proofs.json']);
    expect(files(join(b, 'trust/2027/v1'))).toEqual(fa);
    // The shipped demo snapshot was made from the same content: its leaves are the same bytes.
    expect(fa['leaves.jsonl']).toBe(readFileSync(join(MAIN, 'trust/2027/v1/leaves.jsonl'), 'utf8'));
  });
});

describe('decision receipts', () => {
  it('flags a stale receipt and names the records that changed since the approval', () => {
    const r = computeHandbook(RECEIPTS);
    expect(r.ok).toBe(true);
    const by = new Map(r.handbook!.trust.receipts.map((c) => [c.receipt.id, c]));
    expect(by.get('2031-q1-okrs')).toMatchObject({
      status: 'stale',
      changesFrom: 'receipt',
      changes: {
        changed: [
          { key: 'keyResult/2031-q1-launch.kr1', label: 'Signed customers' },
          { key: 'objective/2031-q1-quality', label: 'Ship with quality' },
        ],
        added: [{ key: 'keyResult/2031-q1-quality.kr2', label: 'Support tickets answered within a day' }],
        removed: [],
      },
    });
    expect(by.get('2031-q1-risk-register')!.status).toBe('current');
    expect(by.get('2031-q1-budget')!.status).toBe('unverifiable');
    expect(r.handbook!.trust.requirements.get('2031-Q1')!.map((x) => `${x.scope}:${x.status}`)).toEqual([
      'okrs:stale',
      'risk-register:satisfied',
      'budget:unverifiable',
      'kpi-tree:missing',
    ]);
    const w = r.issues.find((i) => /is stale/.test(i.message))!;
    expect(w).toMatchObject({ file: 'test/fixtures/receipts/receipts/2031-q1-okrs.yaml', path: 'root', severity: 'warning' });
    expect(w.message).toMatch(
      /changed keyResult\/2031-q1-launch\.kr1, changed objective\/2031-q1-quality, added keyResult\/2031-q1-quality\.kr2/,
    );
  });
  it('okr check reports the stale receipt as a warning (exit 0); export lists its status and changes', () => {
    const c = runOkr(['check', '--content', RECEIPTS]);
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(/2031-q1-okrs\.yaml:\d+:\d+ warning decision receipt '2031-q1-okrs' is stale/);
    const e = JSON.parse(runOkr(['export', '--content', RECEIPTS]).stdout);
    expect(e.decisionReceipts.find((d: { id: string }) => d.id === '2031-q1-okrs')).toMatchObject({
      status: 'stale',
      changes: { added: [{ key: 'keyResult/2031-q1-quality.kr2' }] },
    });
  });
  it('without listed leaves, names the changes from a snapshot that has the approved root', () => {
    const dir = copyContent(RECEIPTS);
    const okrs = join(dir, 'okrs/2031-Q1/company.yaml');
    const now = readFileSync(okrs, 'utf8');
    writeFileSync(okrs, now.replace('target: 60', 'target: 50').replace(/.*Support tickets.*\n/, ''));
    expect(runOkr(['snapshot', '2031-Q1', '--content', dir], EPOCH).code).toBe(0);
    writeFileSync(okrs, now);
    const receipt = join(dir, 'receipts/2031-q1-okrs.yaml');
    writeFileSync(receipt, readFileSync(receipt, 'utf8').replace(/\nleaves:[\s\S]*$/, '\n'));
    const c = computeHandbook(dir).handbook!.trust.receipts.find((x) => x.receipt.id === '2031-q1-okrs')!;
    expect(c).toMatchObject({ status: 'stale', changesFrom: 'snapshot' });
    expect(c.changes!.changed.map((x) => x.key)).toEqual(['keyResult/2031-q1-launch.kr1', 'objective/2031-q1-quality']);
  });
  it('rejects listed leaves that do not give the receipt root', () => {
    const dir = copyContent(RECEIPTS);
    edit(join(dir, 'receipts/2031-q1-risk-register.yaml'), /risk\/vendor-delay: "2a/, 'risk/vendor-delay: "3a');
    const r = computeHandbook(dir);
    expect(r.ok).toBe(false);
    expect(r.issues.find((i) => i.severity === 'error')).toMatchObject({
      path: 'leaves',
      message: expect.stringMatching(/listed leaves give root [0-9a-f]{64}, not the receipt's root/),
    });
  });
  it('okr receipt prints a receipt that is current for the content as it is', () => {
    const dir = copyContent(RECEIPTS);
    const out = runOkr(['receipt', '2031-Q1', '--scope', 'okrs', '--content', dir], EPOCH);
    expect(out.code).toBe(0);
    writeFileSync(join(dir, 'receipts/2031-q1-okrs.yaml'), out.stdout);
    const c = computeHandbook(dir).handbook!.trust.receipts.find((x) => x.receipt.id === '2031-q1-okrs')!;
    expect(c.status).toBe('current');
  });
});

describe('okr export carries receipts', () => {
  const e = JSON.parse(runOkr(['export', '--format', 'json'], EPOCH).stdout);
  it('each objective and KR has {period, leaf, index, proof} that verifies against roots[period]', () => {
    let n = 0;
    for (const o of e.objectives)
      for (const x of [o, ...o.krs]) {
        const { period, leaf, index, proof } = x.receipt;
        const root = e.roots[period];
        expect(period).toBe(o.period);
        expect(
          run(
            verifyInclusion(
              fromHex(leaf)!,
              index,
              root.treeSize,
              proof.map((p: string) => fromHex(p)!),
              fromHex(root.root)!,
            ),
          ),
        ).toBe(true);
        n++;
      }
    expect(n).toBe(132);
  });
  it('leaf hashes match the published snapshot lines byte for byte', () => {
    const lines = readFileSync(join(MAIN, 'trust/2027-Q1/v1/leaves.jsonl'), 'utf8').trimEnd().split('\n');
    const kr = e.objectives.find((o: { id: string }) => o.id === '2027-q1-company-churn-defense').krs[0];
    const line = lines.find((l) => l.includes(`"id":"${kr.id}"`))!;
    expect(toHex(run(leafHash(new TextEncoder().encode(line))))).toBe(kr.receipt.leaf);
  });
  it('the CSV has each KR leaf hash', () => {
    const csv = runOkr(['export', '--format', 'csv']).stdout.split('\r\n');
    const column = csv[0]!.split(',').indexOf('receiptLeaf');
    expect(column).toBeGreaterThan(0);
    // Quoted cells may hold commas; the leaf hash is found by its shape, in the column's place or after.
    expect(
      csv[1]!
        .split(',')
        .slice(column)
        .some((cell) => /^[0-9a-f]{64}$/.test(cell)),
    ).toBe(true);
  });
  it('the public export is byte-identical across time zones and locales', () => {
    const a = runOkr(['export', '--audience', 'public'], { ...EPOCH, TZ: 'Asia/Bangkok', LANG: 'th_TH.UTF-8', LC_ALL: 'th_TH.UTF-8' });
    const b = runOkr(['export', '--audience', 'public'], { ...EPOCH, TZ: 'UTC', LANG: 'C', LC_ALL: 'C' });
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(Object.keys(JSON.parse(a.stdout).roots)).toEqual(['2027', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
  });
});
