// How many seal batches HQ reads, parses, verifies and commits at once (POST /api/v1/seals/batch).
// A batch in hand costs HQ memory several times its bytes — the bytes, the text, the parsed
// packages, the validated copy, the copies the worker threads check: with hq-ingest-concurrent's
// 50 devices sending batches of 100 seals at once, HQ peaked at 1,204 MiB against 396 MiB for one
// device (~16 MB a batch). A province's laptops syncing after the same
// morning would take HQ's memory with them. So a batch waits for a slot before HQ reads its body
// (the `preParsing` hook: its signed headers are checked already) — its bytes stay in the device's
// socket, held back by TCP — and leaves the slot when its answer is sent or its client goes away.
// The waiting is first come, first served; a client that gives up while waiting leaves the queue.

/** What a request's reply is for this purpose: it closes once when answered or abandoned. */
export interface Closing {
  once(event: 'close', listener: () => void): unknown;
  readonly destroyed: boolean;
}

export class BatchAdmission {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  readonly slots: number;

  constructor(slots: number) {
    if (!(Number.isInteger(slots) && slots >= 1)) throw new Error('batch slots: a whole number ≥ 1');
    this.slots = slots;
    this.free = slots;
  }

  /** Batches waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Resolves when the request behind `reply` may go on; its slot is freed when `reply` closes.
   * Rejects when the reply closes first (the client went away while waiting).
   */
  enter(reply: Closing): Promise<void> {
    return new Promise((resolve, reject) => {
      if (reply.destroyed) return reject(new Error('the client went away'));
      let state: 'waiting' | 'in' | 'gone' = 'waiting';
      const go = () => {
        state = 'in';
        resolve();
      };
      reply.once('close', () => {
        if (state === 'in') this.leave();
        else if (state === 'waiting') {
          const i = this.waiting.indexOf(go);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(new Error('the client went away'));
        }
        state = 'gone';
      });
      if (this.free > 0) {
        this.free--;
        go();
      } else this.waiting.push(go);
    });
  }

  private leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
