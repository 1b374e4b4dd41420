// Where HQ keeps evidence bytes, named by SHA-256. The interface is what the rest of HQ uses; the
// file-system implementation is the default. An object store (S3 multipart: a part per chunk,
// completion atomic) is another implementation of this interface (docs/HQ.md).
import type { Readable } from 'node:stream';

export interface StoredBlob {
  sha256: string;
  sm3: string;
  size: number;
}

export class OffsetMismatch extends Error {
  readonly offset: number;
  constructor(offset: number) {
    super(`upload offset is ${offset}`);
    this.offset = offset;
  }
}

export class DigestMismatch extends Error {}

/** The chunk's bytes did not hash to what the device signed (altered or cut on the way): nothing of it is kept. */
export class ChunkMismatch extends Error {}

/**
 * One chunk's bytes: whole, or as they arrive (a request body, never held in memory whole) with the
 * SHA-256 they must have.
 */
export type ChunkSource = Uint8Array | { stream: AsyncIterable<Uint8Array>; sha256: string };

export interface BlobStorage {
  /** The stored blob's digests recomputed from its bytes, or null when it is not (wholly) stored. */
  stored(sha256: string): Promise<StoredBlob | null>;
  /** Bytes already received of an unfinished upload (0 when none). */
  partialSize(sha256: string): number;
  /**
   * Appends one chunk at `offset`, which must equal the bytes received so far (else OffsetMismatch:
   * bytes are never written twice). A streamed chunk is written as it arrives; if it ends early,
   * fails, runs past `total` (DigestMismatch) or does not hash to its SHA-256 (ChunkMismatch), the
   * upload is cut back to `offset`: a chunk is kept whole or not at all. When the upload reaches
   * `total` bytes, both digests are recomputed from what was written; a SHA-256 other than the name
   * throws DigestMismatch and the partial upload is discarded. Durable (fsync) before it returns.
   */
  appendChunk(
    sha256: string,
    offset: number,
    total: number,
    chunk: ChunkSource,
  ): Promise<{ offset: number; stored: StoredBlob | null }>;
  /** Stores a whole blob from a stream (bundle import), verifying its SHA-256. */
  putStream(sha256: string, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<StoredBlob>;
  read(sha256: string): Readable;
  /** Removes unfinished uploads older than `olderThanMs` (never stored blobs). */
  sweepPartials(olderThanMs: number): number;
}
