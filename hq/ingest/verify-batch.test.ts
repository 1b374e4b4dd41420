// verifySealBatch (HQ's checks of a batch of seals on worker threads) gives, package for package,
// what verifyPackage gives on HQ's thread — on a real device's genuine seals and on tampered copies
// of each part a seal package carries; a worker that dies fails its seals in Chinese, never a pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import type { SealPackage } from '../../protocol/sync/protocol.ts';
import { WorkerPool } from '../../protocol/runtime/worker-pool.ts';
import { makeCore, type TestCore } from '../../tests/support/core-fixture.ts';
import { sealedDevice } from '../../tests/support/sync-fixture.ts';
import { verifySealBatch } from './verify-batch.ts';
import { verifyPackage, type HeldBlob, type PackageCheck, type RegisteredDevice } from './verify-package.ts';

let t: TestCore;
let device: RegisteredDevice;
let genuine: SealPackage[];
/** What HQ would hold: every evidence file of the device, as HQ recomputed it. */
const held = new Map<string, HeldBlob>();
const blob = (sha: string) => Promise.resolve(held.get(sha) ?? null);
const pool = new WorkerPool(new URL('./verify-package.ts', import.meta.url), 2);

beforeAll(async () => {
  t = makeCore();
  await sealedDevice(t, 4, 4096);
  const d = t.core.device.public();
  device = { deviceId: d.deviceId, sm2PublicKey: d.sm2PublicKey, ed25519PublicKeyPem: d.ed25519PublicKeyPem };
  genuine = t.core.seals.rows().map((row) => t.core.sync.packageFor(row, JSON.parse(row.payload) as SealPayload));
  for (const pkg of genuine)
    for (const e of (JSON.parse(pkg.seal.payload) as SealPayload).evidence)
      held.set(e.sha256, { sha256: e.sha256, sm3: e.sm3, size: e.sizeBytes });
}, 120_000);
afterAll(async () => {
  t?.dispose();
  await pool.close();
});

const flip = (hex: string) => hex.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
/** One package of the batch changed by `f`, the others genuine. */
const tampered = (i: number, f: (p: SealPackage) => void): SealPackage[] =>
  genuine.map((p, j) => {
    const copy = structuredClone(p);
    if (j === i) f(copy);
    return copy;
  });

const inThread = async (pkgs: SealPackage[]): Promise<PackageCheck[]> => {
  const out: PackageCheck[] = [];
  for (const p of pkgs) out.push(await verifyPackage(p, device, blob));
  return out;
};

describe('verifying a batch of seals on worker threads', () => {
  it('gives what verifyPackage gives, package for package, genuine and tampered', async () => {
    expect(genuine.length).toBe(4);
    const withEvidence = genuine.findIndex((p) => (JSON.parse(p.seal.payload) as SealPayload).evidence.length);
    const notHeld = (JSON.parse(genuine[withEvidence]!.seal.payload) as SealPayload).evidence[0]!.sha256;
    const batches: [string, SealPackage[]][] = [
      ['genuine', genuine],
      ['seal text', tampered(0, (p) => (p.seal.payload = p.seal.payload.replace('网信', '网讯')))],
      ['sm2 signature', tampered(1, (p) => (p.seal.sm2Signature = flip(p.seal.sm2Signature)))],
      ['ed25519 signature', tampered(2, (p) => (p.seal.ed25519Signature = 'zz'))],
      ['sequence number', tampered(3, (p) => (p.seal.seq += 1))],
      [
        'signature record',
        tampered(0, (p) => {
          const r = JSON.parse(p.signatures[0]!.record) as { signedAt: string };
          p.signatures[0]!.record = JSON.stringify({ ...r, signedAt: '2026-01-01T00:00:00.000Z' });
        }),
      ],
      [
        'signature image',
        tampered(1, (p) => (p.signatures[0]!.imagePngBase64 = Buffer.from('png').toString('base64'))),
      ],
      ['signature missing', tampered(2, (p) => p.signatures.pop())],
      ['evidence not held', tampered(withEvidence, () => {})],
    ];
    for (const [name, pkgs] of batches) {
      // One seal's evidence not (yet) uploaded to HQ.
      const lookup = name === 'evidence not held' ? (sha: string) => blob(sha === notHeld ? '' : sha) : blob;
      const expected: PackageCheck[] = [];
      for (const p of pkgs) expected.push(await verifyPackage(p, device, lookup));
      const got = await verifySealBatch(pkgs, device, lookup, pool);
      expect(got, name).toEqual(expected);
      const failed = got.filter((c) => c.problems.length || c.missing.length).length;
      expect(failed, name).toBe(name === 'genuine' ? 0 : 1);
    }
    // A device other than the one that sealed: every seal refused, the same way.
    const other = { ...device, deviceId: '00000000-0000-4000-8000-000000000000' };
    expect(await verifySealBatch(genuine, other, blob, pool)).toEqual(
      await Promise.all(genuine.map((p) => verifyPackage(p, other, blob))),
    );
    expect(await inThread(genuine)).toEqual(await verifySealBatch(genuine, device, blob));
  });

  it('a worker that dies fails its seals, in Chinese, with their hashes; the others are checked', async () => {
    // The real check, except that a slice holding seal 2 ends its thread (tests/support/crashing-package-check.ts).
    const crashing = new WorkerPool(new URL('../../tests/support/crashing-package-check.ts', import.meta.url), 2);
    try {
      const got = await verifySealBatch(genuine, device, blob, crashing);
      const expected = await inThread(genuine);
      got.forEach((c, i) => {
        if (genuine[i]!.seal.seq === 2) {
          expect(c.problems.join()).toMatch(/^核验未能完成（核验线程异常退出（退出码 9））.*不能视为通过/);
          expect(c.payload).toBeNull();
          expect(c.hash).toEqual(expected[i]!.hash);
        } else expect(c).toEqual(expected[i]);
      });
    } finally {
      await crashing.close();
    }
  });
});
