// What HQ's worker pool runs (hqPool() in verify-batch.ts): the checks of a batch of seals, and
// the re-hash and encryption of a finished evidence upload — the CPU-heavy work that would
// otherwise hold HQ's one event loop. One pool, one module, so HQ's threads are counted once.
export { checkPackages } from './verify-package.ts';
export { encryptPart } from '../storage/place-part.ts';
