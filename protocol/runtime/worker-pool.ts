// A fixed pool of worker threads that call the exports of one module: what verifying thousands of
// seals needs to use every core (each seal's hashes and SM2/Ed25519 checks are independent; only
// the chain's continuity is sequential, and cheap). Plain Node only — HQ and the command-line
// verifier; the desktop app's bundle has no module files for a worker to import.
//
// Failure is never silent: a function that throws, a worker that dies (crash, out of memory,
// process.exit) or a pool that is closed rejects every call it concerns with a WorkerPoolError;
// a dead worker is replaced for later calls. Idle workers are unref'd, so a pool nobody closes
// never keeps a process (a test run, `npm run verify`) alive; close() ends them all.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export class WorkerPoolError extends Error {}

interface Call {
  id: number;
  fn: string;
  args: unknown[];
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Call | null;
  /** Its module loaded: only such a worker is replaced when it dies (one that cannot load would loop). */
  ready: boolean;
}

/** Workers for this machine: one per core, at least one, at most eight. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

export class WorkerPool {
  private readonly module: URL;
  private readonly slots: Slot[] = [];
  private readonly queue: Call[] = [];
  private nextId = 1;
  private closed = false;
  readonly size: number;

  /** `module`: a module URL (file:) whose named exports are the functions callable in the workers. */
  constructor(module: URL, size = defaultPoolSize()) {
    this.module = module;
    this.size = size;
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Calls `fn(...args)` of the module on a free worker; arguments and result are structured-cloned. */
  call<T>(fn: string, ...args: unknown[]): Promise<T> {
    if (this.closed) return Promise.reject(new WorkerPoolError('核验线程池已关闭'));
    if (this.slots.length === 0) return Promise.reject(new WorkerPoolError('核验线程无法启动'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, fn, args, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Ends every worker; calls still queued or running are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const c of this.queue.splice(0)) c.reject(new WorkerPoolError('核验线程池已关闭，核验未完成'));
    await Promise.all(
      this.slots.map(async (s) => {
        const c = s.busy;
        s.busy = null;
        await s.worker.terminate();
        c?.reject(new WorkerPoolError('核验线程池已关闭，核验未完成'));
      }),
    );
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./worker-pool-thread.ts', import.meta.url), {
      workerData: { module: this.module.href },
    });
    worker.unref();
    const slot: Slot = { worker, busy: null, ready: false };
    worker.on('message', (m: { ready?: true; id?: number; result?: unknown; error?: string }) => {
      if (m.ready) return void (slot.ready = true);
      const c = slot.busy;
      if (!c || c.id !== m.id) return;
      slot.busy = null;
      worker.unref();
      if (m.error !== undefined) c.reject(new WorkerPoolError(m.error));
      else c.resolve(m.result);
      this.dispatch();
    });
    // 'error' (an uncaught exception, a module that fails to load, out of memory) is followed by 'exit'.
    let failure = '';
    worker.on('error', (e) => (failure = e instanceof Error ? `${e.name}: ${e.message}` : String(e)));
    worker.on('exit', (code) => {
      const c = slot.busy;
      slot.busy = null;
      if (this.closed) return;
      c?.reject(new WorkerPoolError(`核验线程异常退出（${failure || `退出码 ${code}`}）`));
      const i = this.slots.indexOf(slot);
      if (slot.ready)
        this.slots[i] = this.spawn(); // replaced, so that later calls still run
      else {
        // Its module could not be loaded: no use starting another; with none left, nothing can run.
        this.slots.splice(i, 1);
        if (this.slots.length === 0)
          for (const q of this.queue.splice(0))
            q.reject(new WorkerPoolError(`核验线程无法启动（${failure || `退出码 ${code}`}）`));
      }
      this.dispatch();
    });
    return slot;
  }

  private dispatch(): void {
    for (const s of this.slots) {
      if (this.queue.length === 0) return;
      if (s.busy) continue;
      const c = this.queue.shift()!;
      s.busy = c;
      s.worker.ref(); // a call in flight keeps the process alive until it is answered
      s.worker.postMessage({ id: c.id, fn: c.fn, args: c.args });
    }
  }
}
