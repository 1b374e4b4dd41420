// Chunks arriving over IPC, consumed as an async iterable by the import. `push` resolves only
// when the import has taken the chunk, so a fast sender cannot fill memory (backpressure).
import { releaseBuffer } from '../protocol/storage/release-buffer.ts';

export class ChunkQueue implements AsyncIterable<Uint8Array> {
  private items: { chunk: Uint8Array; taken: () => void }[] = [];
  private wake: (() => void) | null = null;
  private ended = false;
  private failure: Error | null = null;

  push(chunk: Uint8Array): Promise<void> {
    if (this.ended || this.failure) return Promise.reject(new Error('upload already finished'));
    return new Promise((taken) => {
      this.items.push({ chunk, taken });
      this.wake?.();
    });
  }

  end(): void {
    this.ended = true;
    this.wake?.();
  }

  fail(e: Error): void {
    this.failure = e;
    for (const i of this.items) i.taken();
    this.items = [];
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (;;) {
      if (this.failure) throw this.failure;
      const next = this.items.shift();
      if (next) {
        next.taken();
        yield next.chunk;
        // The import has used it (it asked for the next): free its memory now, not at some GC.
        releaseBuffer(next.chunk);
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((r) => (this.wake = r));
      this.wake = null;
    }
  }
}
