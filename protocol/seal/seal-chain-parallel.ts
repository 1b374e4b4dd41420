// verifySealRows (seal-chain.ts) across every core, for the plain-Node verifiers (HQ, `npm run
// verify`, the benchmark): each seal's canonical text, hashes and SM2/Ed25519 signatures are
// checked in worker threads, slices of the chain at a time; the continuity of the chain, which is
// sequential and cheap, on this thread. Same problems, same order, as verifySealRows — the tests
// compare them on valid and tampered chains. A slice whose worker fails (crash, out of memory, an
// exception) is reported as a failed verification of each of its seals, never as a pass.
import { WorkerPool } from '../runtime/worker-pool.ts';
import type { SealPayload } from './seal-payload.ts';
import { chainProblems, type ChainDevice, type SealRecord, type SealRowsCheck } from './seal-chain.ts';

const MODULE = new URL('./verify-tasks.ts', import.meta.url);
let shared: WorkerPool | null = null;

/** The process's pool for seal checks, started on first use (its idle threads never keep the process alive). */
export function sealCheckPool(): WorkerPool {
  return (shared ??= new WorkerPool(MODULE));
}

/** Ends the shared pool's threads (a server's shutdown); the next use starts a new one. */
export async function closeSealCheckPool(): Promise<void> {
  const p = shared;
  shared = null;
  await p?.close();
}

/** How a seal is reported when its check could not be completed. */
export const unfinished = (why: string) => `核验未能完成（${why}），不能视为通过：请重新核验`;

/**
 * Slices of the list for `pool`: several per thread, so that a thread slowed by other work does not
 * hold the rest up, and at most `max` each, so that one failure concerns few items.
 */
export function slices<T>(items: T[], pool: WorkerPool, max = 250): T[][] {
  const size = Math.max(1, Math.min(max, Math.ceil(items.length / (pool.size * 4))));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function verifySealRowsParallel(
  seals: SealRecord[],
  device: ChainDevice | undefined,
  pool: WorkerPool = sealCheckPool(),
): Promise<SealRowsCheck> {
  const parts = slices(seals, pool);
  const answers = await Promise.all(
    parts.map((part) =>
      pool.call<string[][]>('checkSealRowProblems', part, device).then(
        (problems) => ({ problems }),
        (e: unknown) => ({ failed: e instanceof Error ? e.message : String(e) }),
      ),
    ),
  );
  const perSeal = new Map<number, { problems: string[]; payload: SealPayload | null }>();
  parts.forEach((part, i) => {
    const a = answers[i]!;
    part.forEach((s, j) => {
      // The payload is parsed again here rather than sent back: cheaper than cloning it (~6 µs a seal).
      let payload: SealPayload | null = null;
      try {
        payload = JSON.parse(s.payload) as SealPayload;
      } catch {
        // reported by the worker as 封存内容无法解析
      }
      const problems = 'failed' in a ? [unfinished(a.failed)] : a.problems[j]!;
      perSeal.set(s.seq, { problems, payload });
    });
  });
  return { chain: chainProblems(seals), perSeal };
}
