// The default blob storage: DATA/blobs/ab/cd/SHA256 for stored blobs, DATA/uploads/SHA256.part for
// uploads in progress. A chunk is written at its offset as it arrives (a whole chunk is never held
// in memory) and fsynced before it is acknowledged, or cut off again if it is not whole and sound; a
// finished upload is re-hashed (SHA-256 and SM3, Node's OpenSSL — fine on HQ) and renamed into
// place only if its SHA-256 is its name. Chunks of one blob are serialised in this process.
import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fsyncDir } from '../../protocol/runtime/write-file-atomic.ts';
import {
  ChunkMismatch,
  DigestMismatch,
  OffsetMismatch,
  type BlobStorage,
  type ChunkSource,
  type StoredBlob,
} from './blob-storage.ts';

const SHA256_RE = /^[0-9a-f]{64}$/;

export class FsBlobStorage implements BlobStorage {
  private readonly blobsDir: string;
  private readonly uploadsDir: string;
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly digests = new Map<string, StoredBlob>();

  constructor(dataDir: string) {
    this.blobsDir = join(dataDir, 'blobs');
    this.uploadsDir = join(dataDir, 'uploads');
    mkdirSync(this.blobsDir, { recursive: true, mode: 0o700 });
    mkdirSync(this.uploadsDir, { recursive: true, mode: 0o700 });
  }

  private finalPath(sha256: string): string {
    if (!SHA256_RE.test(sha256)) throw new Error('not a SHA-256');
    return join(this.blobsDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  private partPath(sha256: string): string {
    if (!SHA256_RE.test(sha256)) throw new Error('not a SHA-256');
    return join(this.uploadsDir, `${sha256}.part`);
  }

  /** One operation per blob at a time. */
  private exclusive<T>(sha256: string, f: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(sha256) ?? Promise.resolve();
    const next = prev.then(f, f);
    const settled = next.catch(() => undefined);
    this.locks.set(sha256, settled);
    void settled.then(() => {
      if (this.locks.get(sha256) === settled) this.locks.delete(sha256);
    });
    return next;
  }

  async stored(sha256: string): Promise<StoredBlob | null> {
    const path = this.finalPath(sha256);
    if (!existsSync(path)) return null;
    const cached = this.digests.get(sha256);
    if (cached) return cached;
    const d = await digestPath(path);
    if (d.sha256 !== sha256) return null; // damaged on disk: treat as absent, the device sends it again
    this.digests.set(sha256, d);
    return d;
  }

  partialSize(sha256: string): number {
    try {
      return statSync(this.partPath(sha256)).size;
    } catch {
      return 0;
    }
  }

  appendChunk(
    sha256: string,
    offset: number,
    total: number,
    chunk: ChunkSource,
  ): Promise<{ offset: number; stored: StoredBlob | null }> {
    return this.exclusive(sha256, async () => {
      const already = await this.stored(sha256);
      if (already) return { offset: already.size, stored: already };
      const part = this.partPath(sha256);
      const fh = await open(part, existsSync(part) ? 'r+' : 'w+', 0o600);
      let size: number;
      try {
        size = (await fh.stat()).size;
        if (size !== offset) throw new OffsetMismatch(size);
        try {
          size = await writeChunk(fh, offset, total, chunk);
        } catch (e) {
          // Whatever of this chunk reached the disk goes: the upload stays where the device last heard it was.
          await fh.truncate(offset);
          await fh.sync();
          throw e;
        }
        await fh.sync();
      } finally {
        await fh.close();
      }
      if (size < total) return { offset: size, stored: null };
      const d = await digestPath(part);
      if (d.sha256 !== sha256) {
        rmSync(part, { force: true });
        throw new DigestMismatch(`received bytes hash to ${d.sha256}`);
      }
      this.place(part, sha256);
      this.digests.set(sha256, d);
      return { offset: size, stored: d };
    });
  }

  putStream(sha256: string, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<StoredBlob> {
    return this.exclusive(sha256, async () => {
      const already = await this.stored(sha256);
      if (already) {
        for await (const _ of source); // drain
        return already;
      }
      const part = `${this.partPath(sha256)}.import`;
      const fd = openSync(part, 'w', 0o600);
      const h256 = createHash('sha256');
      const hsm3 = createHash('sm3');
      let size = 0;
      try {
        for await (const c of source) {
          h256.update(c);
          hsm3.update(c);
          let w = 0;
          while (w < c.length) w += writeSync(fd, c, w, c.length - w);
          size += c.length;
        }
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      const d = { sha256: h256.digest('hex'), sm3: hsm3.digest('hex'), size };
      if (d.sha256 !== sha256) {
        rmSync(part, { force: true });
        throw new DigestMismatch(`received bytes hash to ${d.sha256}`);
      }
      this.place(part, sha256);
      this.digests.set(sha256, d);
      return d;
    });
  }

  private place(from: string, sha256: string): void {
    const to = this.finalPath(sha256);
    mkdirSync(dirname(to), { recursive: true, mode: 0o700 });
    renameSync(from, to);
    fsyncDir(dirname(to));
  }

  read(sha256: string): Readable {
    return createReadStream(this.finalPath(sha256));
  }

  sweepPartials(olderThanMs: number): number {
    let n = 0;
    for (const f of readdirSync(this.uploadsDir)) {
      const p = join(this.uploadsDir, f);
      if (f.endsWith('.import') || Date.now() - statSync(p).mtimeMs > olderThanMs) {
        rmSync(p, { force: true });
        n++;
      }
    }
    return n;
  }
}

/** Writes a chunk at `offset` as its bytes come; returns the new size. Throws before a byte past `total` is written. */
async function writeChunk(fh: FileHandle, offset: number, total: number, chunk: ChunkSource): Promise<number> {
  const whole = chunk instanceof Uint8Array;
  const pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array> = whole ? [chunk] : chunk.stream;
  const hash = whole ? null : createHash('sha256');
  let at = offset;
  for await (const piece of pieces) {
    if (at + piece.length > total) throw new DigestMismatch('more bytes than announced');
    hash?.update(piece);
    let written = 0;
    while (written < piece.length)
      written += (await fh.write(piece, written, piece.length - written, at + written)).bytesWritten;
    at += piece.length;
  }
  if (!whole && hash!.digest('hex') !== chunk.sha256) throw new ChunkMismatch('the chunk does not hash to its SHA-256');
  return at;
}

async function digestPath(path: string): Promise<StoredBlob> {
  const h256 = createHash('sha256');
  const hsm3 = createHash('sm3');
  let size = 0;
  for await (const c of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    h256.update(c);
    hsm3.update(c);
    size += c.length;
  }
  return { sha256: h256.digest('hex'), sm3: hsm3.digest('hex'), size };
}
