// HQ's checks of a batch of seal packages (docs/SYNC.md "Batches"): each package through
// verifyPackage, in order, with each evidence blob HQ holds looked up once for the whole batch.
//
// The one place a batch is verified: HQ's worker-thread pool for chain verification (branch
// `verifyperf`) replaces the body of verifySealBatch with a call into the pool — the packages are
// plain JSON and the answers (PackageCheck) too, so they cross a thread boundary as they are. The
// blob look-up stays on the main thread (it reads the database): resolve the held blobs first,
// then hand the pool the packages with them.
import type { SealPackage } from '../../protocol/sync/protocol.ts';
import { verifyPackage, type HeldBlob, type PackageCheck, type RegisteredDevice } from './verify-package.ts';

export async function verifySealBatch(
  packages: SealPackage[],
  device: RegisteredDevice,
  blob: (sha256: string) => Promise<HeldBlob | null>,
): Promise<PackageCheck[]> {
  const held = new Map<string, Promise<HeldBlob | null>>();
  const once = (sha256: string) => {
    let b = held.get(sha256);
    if (!b) held.set(sha256, (b = blob(sha256)));
    return b;
  };
  const checks: PackageCheck[] = [];
  for (const pkg of packages) checks.push(await verifyPackage(pkg, device, once));
  return checks;
}
