// Verifies a short chain on the process's shared pool and never closes it: the process must exit on
// its own once the result is printed (seal-chain-parallel.test.ts).
import { verifySealRowsParallel } from '../../protocol/seal/seal-chain-parallel.ts';
import { sealChain } from './seal-chain-fixture.ts';

const { device, rows } = sealChain(3);
const r = await verifySealRowsParallel(rows, device);
console.log(`${r.perSeal.size} seals, ${[...r.perSeal.values()].filter((s) => s.problems.length).length} problems`);
