// One thread of a WorkerPool (worker-pool.ts): imports the pool's module, says it is ready, and
// answers each call with the named export's result, or with the error it threw (as text: the pool
// rejects the call with it).
import { parentPort, workerData } from 'node:worker_threads';

const port = parentPort!;
const mod = (await import((workerData as { module: string }).module)) as Record<string, unknown>;
port.on('message', async (m: { id: number; fn: string; args: unknown[] }) => {
  try {
    const f = mod[m.fn];
    if (typeof f !== 'function') throw new Error(`模块没有函数 ${m.fn}`);
    port.postMessage({ id: m.id, result: await (f as (...a: unknown[]) => unknown)(...m.args) });
  } catch (e) {
    port.postMessage({ id: m.id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
});
port.postMessage({ ready: true });
