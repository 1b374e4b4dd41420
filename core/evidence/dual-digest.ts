// SHA-256 and SM3 of one stream of chunks, computed from the same bytes as they pass: SHA-256
// natively on this thread, SM3 (hash-wasm) on a worker thread in parallel. At most
// MAX_IN_FLIGHT chunks wait for the worker, so memory stays flat whatever the file size.
import { createHash, type Hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

const MAX_IN_FLIGHT = 8;

export interface Digests {
  sha256: string;
  sm3: string;
}

export class DualDigest {
  private readonly sha: Hash = createHash('sha256');
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  private result: ((hex: string) => void) | undefined;
  private failure: Error | undefined;

  constructor() {
    this.worker = new Worker(new URL('./sm3-worker.ts', import.meta.url));
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('error', reject);
      this.worker.on('message', (m: { ready?: true; ack?: true; sm3?: string }) => {
        if (m.ready) resolve();
        if (m.ack) {
          this.inFlight--;
          this.waiters.shift()?.();
        }
        if (m.sm3) this.result?.(m.sm3);
      });
    });
    this.worker.on('error', (e) => (this.failure = e));
  }

  /** Feeds one chunk; resolves when there is room for the next (backpressure from the SM3 thread). */
  async update(chunk: Uint8Array): Promise<void> {
    await this.ready;
    if (this.failure) throw this.failure;
    this.sha.update(chunk);
    // The chunk's buffer is reused by the reader: the worker gets its own copy, transferred.
    const copy = new Uint8Array(chunk);
    this.inFlight++;
    this.worker.postMessage({ chunk: copy }, [copy.buffer]);
    if (this.inFlight >= MAX_IN_FLIGHT) await new Promise<void>((r) => this.waiters.push(r));
  }

  async digest(): Promise<Digests> {
    await this.ready;
    const sm3 = await new Promise<string>((resolve) => {
      this.result = resolve;
      this.worker.postMessage({ digest: true });
    });
    return { sha256: this.sha.digest('hex'), sm3 };
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
