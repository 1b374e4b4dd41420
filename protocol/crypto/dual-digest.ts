// SHA-256 and SM3 of one stream of chunks, computed from the same bytes as they pass: SHA-256
// natively on this thread, SM3 on a worker thread in parallel, with the project's own
// WebAssembly SM3 (core/evidence/sm3/; hash-wasm's is ~1.5× slower and only checks ours in the
// tests — docs/EVIDENCE.md). Chunks reach the worker through a fixed ring of shared slots, so
// memory stays flat whatever the file size.
import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

/**
 * Where the SM3 worker's code is. Next to this module when running from source (Node 24 runs the
 * .ts directly); the Electron shell, which runs a bundle, points it at the bundled worker.
 */
export const sm3Worker = { url: new URL('./sm3-worker.ts', import.meta.url) };

// SM3 is the slowest stage (~137 MB/s, docs/EVIDENCE.md; reading, SHA-256 and AES-GCM on this
// thread keep ahead of it), so the ring is always full: four slots keep its thread supplied, and
// the eight there were held 4 MiB more without the import going faster (1 GiB: same CPU time).
const SLOTS = 4;
const SLOT_SIZE = 1 << 20;

export interface Digests {
  sha256: string;
  sm3: string;
}

export class DualDigest {
  private readonly sha: Hash = createHash('sha256');
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private readonly ring = new SharedArrayBuffer(SLOTS * SLOT_SIZE);
  private readonly view = new Uint8Array(this.ring);
  private readonly free: number[] = Array.from({ length: SLOTS }, (_, i) => i);
  private waiters: (() => void)[] = [];
  private result: ((hex: string) => void) | undefined;
  private failure: Error | undefined;

  constructor() {
    this.worker = new Worker(sm3Worker.url, { workerData: { ring: this.ring, slotSize: SLOT_SIZE } });
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('error', reject);
      this.worker.on('message', (m: { ready?: true; ack?: number; sm3?: string }) => {
        if (m.ready) resolve();
        if (m.ack !== undefined) {
          this.free.push(m.ack);
          this.waiters.shift()?.();
        }
        if (m.sm3) this.result?.(m.sm3);
      });
    });
    this.worker.on('error', (e) => (this.failure = e));
  }

  /** Feeds one chunk (any size); waits for a free slot when the SM3 thread is behind. */
  async update(chunk: Uint8Array): Promise<void> {
    await this.ready;
    this.sha.update(chunk);
    for (let off = 0; off < chunk.length; off += SLOT_SIZE) {
      if (this.failure) throw this.failure;
      while (this.free.length === 0) await new Promise<void>((r) => this.waiters.push(r));
      const slot = this.free.pop()!;
      const part = chunk.subarray(off, off + SLOT_SIZE);
      this.view.set(part, slot * SLOT_SIZE);
      this.worker.postMessage({ slot, length: part.length });
    }
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

/**
 * Reads a file in 1 MiB chunks into one reused buffer: memory stays flat whatever the size (a
 * read stream allocates a new buffer per chunk, and a 1 GiB import peaked at ~460 MB). Each
 * chunk is valid until the consumer asks for the next one.
 */
export async function* readChunks(path: string, size = 1 << 20): AsyncGenerator<Uint8Array> {
  const fh = await open(path, 'r');
  const buf = Buffer.allocUnsafe(size);
  try {
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, size, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}

/** Both digests of a plain file (an officer's file, a file beside a seal folder; never a device's stored blob, which is encrypted: EvidenceStore.digestStored). */
export function digestFile(path: string): Promise<Digests & { size: number }> {
  return digestChunks(readChunks(path));
}

export async function digestChunks(chunks: AsyncIterable<Uint8Array>): Promise<Digests & { size: number }> {
  const d = new DualDigest();
  let size = 0;
  try {
    for await (const chunk of chunks) {
      await d.update(chunk);
      size += chunk.length;
    }
    return { ...(await d.digest()), size };
  } finally {
    await d.close();
  }
}
