// Buffers freed once used: only those that own their memory, and only after the consumer is done.
import { describe, expect, it } from 'vitest';
import { releaseBuffer, releasedAfterUse } from './release-buffer.ts';

describe('releasing used buffers', () => {
  it('frees a buffer that owns its ArrayBuffer, and leaves shared memory alone', () => {
    const own = new Uint8Array(1 << 16).fill(7);
    releaseBuffer(own);
    expect(own.buffer.detached).toBe(true);
    expect(own.length).toBe(0);

    // Buffer's pool and views into larger buffers hold other bytes: they must keep them.
    const pooled = Buffer.from('abc');
    const big = new Uint8Array(100).fill(1);
    const view = big.subarray(10, 20);
    const shared = new Uint8Array(new SharedArrayBuffer(16));
    for (const b of [pooled, view, shared]) releaseBuffer(b);
    expect(pooled.toString()).toBe('abc');
    expect(view.length).toBe(10);
    expect(big[50]).toBe(1);
    expect(shared.length).toBe(16);
  });

  it('passes each chunk on intact and frees it only when the next one is asked for', async () => {
    const chunks = [new Uint8Array(8).fill(1), new Uint8Array(8).fill(2)];
    async function* source() {
      yield* chunks;
    }
    const it = releasedAfterUse(source());
    const first = (await it.next()).value as Uint8Array;
    expect([...first]).toEqual(Array(8).fill(1)); // still whole while the consumer uses it
    const second = (await it.next()).value as Uint8Array;
    expect(chunks[0]!.buffer.detached).toBe(true);
    expect([...second]).toEqual(Array(8).fill(2));
    expect((await it.next()).done).toBe(true);
    expect(chunks[1]!.buffer.detached).toBe(true);
  });
});
