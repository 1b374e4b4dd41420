// HQ's checks of a batch of seals from one device (a batch sync, a bundle import) across every core:
// each seal's text, both device signatures, its document and signature records (checkPackage, the
// part that costs) on a pool of worker threads; the evidence each names against what HQ holds (a
// database read) on this thread. The same result for each package as verifyPackage — the tests
// compare them. A slice whose worker fails is reported, for each of its seals, as a verification
// that could not be completed: problems, never a pass.
import { dualHash } from '../../protocol/seal/document-hash.ts';
import { slices, unfinished } from '../../protocol/seal/seal-chain-parallel.ts';
import { WorkerPool } from '../../protocol/runtime/worker-pool.ts';
import type { SealPackage } from '../../protocol/sync/protocol.ts';
import { checkHeldEvidence, type HeldBlob, type PackageCheck, type RegisteredDevice } from './verify-package.ts';

let shared: WorkerPool | null = null;

/**
 * HQ's worker pool — seal checks, and finishing evidence uploads (hq-thread.ts) — started on first
 * use; idle, its threads never keep the process alive.
 */
export function hqVerifyPool(): WorkerPool {
  return (shared ??= new WorkerPool(new URL('./hq-thread.ts', import.meta.url)));
}

/** Ends the pool's threads (HQ's shutdown); the next batch starts a new pool. */
export async function closeHqVerifyPool(): Promise<void> {
  const p = shared;
  shared = null;
  await p?.close();
}

/**
 * verifyPackage for each package of `pkgs` (one device's), in the same order. `blob`: what HQ holds
 * for an evidence SHA-256 (Ingest.heldBlob).
 */
export async function verifySealBatch(
  pkgs: SealPackage[],
  device: RegisteredDevice,
  blob: (sha256: string) => Promise<HeldBlob | null>,
  pool: WorkerPool = hqVerifyPool(),
): Promise<PackageCheck[]> {
  const parts = slices(pkgs, pool, 50);
  const checked = await Promise.all(
    parts.map((part) =>
      pool.call<Omit<PackageCheck, 'missing'>[]>('checkPackages', part, device).catch((e: unknown) => {
        const why = unfinished(e instanceof Error ? e.message : String(e));
        return part.map((pkg) => ({
          problems: [why],
          payload: null,
          hash: dualHash(typeof pkg.seal?.payload === 'string' ? pkg.seal.payload : ''),
        }));
      }),
    ),
  );
  // Each evidence blob HQ holds is looked up once for the whole batch (seals share evidence).
  const held = new Map<string, Promise<HeldBlob | null>>();
  const once = (sha256: string) => {
    let b = held.get(sha256);
    if (!b) held.set(sha256, (b = blob(sha256)));
    return b;
  };
  const out: PackageCheck[] = [];
  for (const c of checked.flat()) out.push(await checkHeldEvidence(c, once));
  return out;
}
