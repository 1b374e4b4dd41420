// HQ's package check on a worker thread that dies on purpose (hq/ingest/verify-batch.test.ts): a slice
// holding seal 2 ends its thread, as a crash or an out-of-memory would; the others are checked for real.
import type { SealPackage } from '../../protocol/sync/protocol.ts';
import { checkPackages as real, type RegisteredDevice } from '../../hq/ingest/verify-package.ts';

export function checkPackages(pkgs: SealPackage[], device: RegisteredDevice): ReturnType<typeof real> {
  if (pkgs.some((p) => p.seal.seq === 2)) process.exit(9);
  return real(pkgs, device);
}
