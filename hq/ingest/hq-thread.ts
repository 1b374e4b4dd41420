// What HQ's worker pool runs (hqVerifyPool() in verify-batch.ts): the checks of a batch of seals,
// an imported bundle's seal texts and signatures (protocol/bundle/verify-bundle-parallel.ts), and
// the re-hash and encryption of a finished evidence upload — the CPU-heavy work that would
// otherwise hold HQ's one event loop. One pool, one module, so HQ's threads are counted once.
export { checkPackages } from './verify-package.ts';
export { checkSealTexts } from '../../protocol/seal/verify-tasks.ts';
export { encryptPart } from '../storage/place-part.ts';
