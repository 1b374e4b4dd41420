// The seal check of a worker thread that fails on purpose (seal-chain-parallel.test.ts): seal 7 ends
// its thread (as a crash or an out-of-memory would), seal 23 throws; every other slice is checked for real.
import { checkSealRowProblems as real, type ChainDevice, type SealRecord } from '../../protocol/seal/seal-chain.ts';

export function checkSealRowProblems(seals: SealRecord[], device: ChainDevice | undefined): string[][] {
  if (seals.some((s) => s.seq === 7)) process.exit(3);
  if (seals.some((s) => s.seq === 23)) throw new Error('模拟的核验错误');
  return real(seals, device);
}
