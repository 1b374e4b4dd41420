// The costly part of verifying a bundle — each seal's text, hashes and SM2/Ed25519 signatures
// (checkSealText) — done beforehand on the shared pool of worker threads, for the plain-Node
// verifier (`npm run verify`); verify-bundle.ts then makes every other check, in order, exactly as
// without it (the tamper corpus is verified both ways and must give the same reports). The device
// app, whose bundle has no module files for workers, verifies on its own thread.
import { deviceKeysFromPem } from '../seal/verify-seal-parts.ts';
import { sealCheckPool, slices, unfinished } from '../seal/seal-chain-parallel.ts';
import type { SealFiles } from '../seal/verify-tasks.ts';
import type { WorkerPool } from '../runtime/worker-pool.ts';
import { DEVICE_ED25519, DEVICE_SM2 } from './bundle-format.ts';
import type { BundleIndex } from './bundle-index.ts';
import type { SealPrecheck } from './verify-bundle.ts';

const SEAL_TEXT = /^seals\/(\d+)\/seal\.json$/;
// A copy of exactly the member's bytes: a small Buffer is a view of a shared 8 KiB slab, which a
// structured clone would copy whole for every signature sent.
const own = (b: Buffer | null) => (b ? new Uint8Array(b) : null);

export function precheckSeals(pool: WorkerPool = sealCheckPool()): (index: BundleIndex) => Promise<SealPrecheck> {
  return async (index) => {
    // The same keys verifyIndex checks the seals with (it reads them the same way from the same files).
    const { keys } = deviceKeysFromPem(index.text(DEVICE_SM2), index.text(DEVICE_ED25519));
    const seals: SealFiles[] = [];
    for (const member of index.members.keys()) {
      const m = SEAL_TEXT.exec(member);
      if (!m) continue;
      const dir = member.slice(0, -'seal.json'.length);
      seals.push({
        member,
        text: index.text(member),
        sm2: own(index.bytes(`${dir}seal.sm2.der`)),
        ed25519: own(index.bytes(`${dir}seal.ed25519.sig`)),
        seq: Number(m[1]),
      });
    }
    const done = new Map<string, ReturnType<SealPrecheck>>();
    await Promise.all(
      slices(seals, pool, 50).map(async (part) => {
        let results: ReturnType<SealPrecheck>[];
        try {
          results = await pool.call('checkSealTexts', part, keys);
        } catch (e) {
          const why = unfinished(e instanceof Error ? e.message : String(e));
          results = part.map(() => ({ payload: null, hash: null, problems: [why] }));
        }
        part.forEach((s, i) => done.set(s.member, results[i]));
      }),
    );
    return (member) => done.get(member);
  };
}
