// Freeing a buffer's memory as soon as its bytes have been used. node:crypto's outputs, a socket's
// reads and IPC messages each come in a new ArrayBuffer; left to the garbage collector they pile
// up, because V8 collects them only once some 64 MB of them are outstanding — a 1 GiB import
// peaked ~60 MB higher for each such source (docs/EVIDENCE.md). Detaching an ArrayBuffer (transfer
// to a zero-length one) releases its memory at once.

/**
 * Releases `b`'s memory if `b` is the whole of its own ArrayBuffer; anything that merely shares
 * one (Buffer's pool, a view into a larger buffer, shared memory) is left alone. The caller must
 * hold no other view of it: the bytes are gone afterwards.
 */
export function releaseBuffer(b: Uint8Array): void {
  const ab = b.buffer;
  if (
    ab instanceof ArrayBuffer &&
    b.byteOffset === 0 &&
    b.byteLength === ab.byteLength &&
    ab.byteLength > 0 &&
    !ab.detached
  )
    ab.transfer(0);
}

/**
 * Passes on the chunks of a source whose chunks nobody else holds (an HTTP request body, chunks
 * received over IPC), releasing each one when the consumer asks for the next — the import has
 * hashed and encrypted it by then (EvidenceStore.ingest: a chunk is used until the next is asked
 * for). Never for a source that reuses its buffer (readChunks).
 */
export async function* releasedAfterUse(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    yield chunk;
    releaseBuffer(chunk);
  }
}
