// The default blob storage, encrypted at rest like the device's evidence store:
//   DATA/blobs/ab/cd/NAME     a stored blob in the device's AES-256-GCM chunk format
//                             (protocol/storage/blob-cipher.ts), NAME = HMAC of its SHA-256 under
//                             HQ's key, so a seized disk does not tell which known files HQ holds;
//   DATA/uploads/NAME.part    an upload in progress, AES-256-CTR (upload-part.ts).
// A chunk is written at its offset as it arrives (a whole chunk is never held in memory) and
// fsynced before it is acknowledged, or cut off again if it is not whole and sound; a finished
// upload is decrypted, re-hashed (SHA-256 and SM3, Node's OpenSSL — fine on HQ) and written into
// the chunk format (place-part.ts, on HQ's worker pool when hq-app.ts gives one), and placed
// (renamed, here) only if its SHA-256 is its name. Chunks of one blob are serialised in this process.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { AesGcmBlobCipher } from '../../protocol/storage/blob-cipher.ts';
import { fsyncDir } from '../../protocol/runtime/write-file-atomic.ts';
import {
  ChunkMismatch,
  DigestMismatch,
  OffsetMismatch,
  type BlobStorage,
  type ChunkSource,
  type StoredBlob,
} from './blob-storage.ts';
import { encryptInto, encryptPart } from './place-part.ts';
import { UploadParts, type PartWriter } from './upload-part.ts';

const SHA256_RE = /^[0-9a-f]{64}$/;

export class FsBlobStorage implements BlobStorage {
  private readonly blobsDir: string;
  private readonly uploadsDir: string;
  private readonly cipher: AesGcmBlobCipher;
  private readonly parts: UploadParts;
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly digests = new Map<string, StoredBlob>();

  private readonly key: Buffer;
  /** Encrypts a finished upload's part file into a temp file elsewhere (HQ's worker pool); absent: on this thread. */
  private readonly offload: ((part: string, tmp: string) => Promise<StoredBlob>) | null;

  /** `key`: HQ's blob key (hq/keys/hq-keys.ts). */
  constructor(
    dataDir: string,
    key: Buffer,
    offload: ((key: Buffer, part: string, tmp: string) => Promise<StoredBlob>) | null = null,
  ) {
    this.key = key;
    this.offload = offload ? (part, tmp) => offload(key, part, tmp) : null;
    this.blobsDir = join(dataDir, 'blobs');
    this.uploadsDir = join(dataDir, 'uploads');
    this.cipher = new AesGcmBlobCipher(key);
    this.parts = new UploadParts(key);
    mkdirSync(this.blobsDir, { recursive: true, mode: 0o700 });
    mkdirSync(this.uploadsDir, { recursive: true, mode: 0o700 });
  }

  private name(sha256: string): string {
    if (!SHA256_RE.test(sha256)) throw new Error('not a SHA-256');
    return this.cipher.nameOf(sha256);
  }

  /** Where the blob with this SHA-256 is stored (encrypted). */
  blobPath(sha256: string): string {
    const n = this.name(sha256);
    return join(this.blobsDir, n.slice(0, 2), n.slice(2, 4), n);
  }

  /** Where an upload of this blob in progress is kept (encrypted). */
  partPath(sha256: string): string {
    return join(this.uploadsDir, `${this.name(sha256)}.part`);
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
    const path = this.blobPath(sha256);
    if (!existsSync(path)) return null;
    const cached = this.digests.get(sha256);
    if (cached) return cached;
    let d: StoredBlob;
    try {
      d = await digest(this.decrypt(path));
    } catch {
      return null; // damaged on disk (it does not authenticate): treat as absent, the device sends it again
    }
    if (d.sha256 !== sha256) return null;
    this.digests.set(sha256, d);
    return d;
  }

  partialSize(sha256: string): number {
    try {
      return UploadParts.plainSize(statSync(this.partPath(sha256)).size);
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
      const p = await this.parts.open(part);
      let size: number;
      try {
        if (p.plainSize !== offset) throw new OffsetMismatch(p.plainSize);
        const w = p.writer(offset);
        try {
          size = await writeChunk(w, total, chunk);
        } catch (e) {
          // Whatever of this chunk reached the disk goes: the upload stays where the device last heard it was.
          await w.cutTo(offset);
          throw e;
        }
        await p.fh.sync();
      } finally {
        await p.fh.close();
      }
      if (size < total) return { offset: size, stored: null };
      const d = await this.place(sha256, null, part);
      rmSync(part, { force: true });
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
      return this.place(sha256, source, null);
    });
  }

  /**
   * Encrypts `plain` (or, with `part`, that finished upload's part file — on the worker pool when
   * one was given) into a temp file beside the uploads, hashing it on the way, and renames it into
   * place if its SHA-256 is `sha256`; otherwise removes it (and the upload `part`, if any).
   */
  private async place(
    sha256: string,
    plain: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | null,
    part: string | null,
  ): Promise<StoredBlob> {
    const tmp = join(this.uploadsDir, `${this.name(sha256)}.import`);
    let d: StoredBlob;
    try {
      d =
        plain === null
          ? this.offload
            ? await this.offload(part!, tmp)
            : await encryptPart(this.key, part!, tmp)
          : await encryptInto(this.cipher, plain, tmp);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
    if (d.sha256 !== sha256) {
      rmSync(tmp, { force: true });
      if (part) rmSync(part, { force: true });
      throw new DigestMismatch(`received bytes hash to ${d.sha256}`);
    }
    const to = this.blobPath(sha256);
    mkdirSync(dirname(to), { recursive: true, mode: 0o700 });
    renameSync(tmp, to);
    fsyncDir(dirname(to));
    this.digests.set(sha256, d);
    return d;
  }

  /** The plaintext of a stored blob, chunk by chunk, each authenticated before it is handed out. */
  private async *decrypt(path: string): AsyncIterable<Buffer> {
    const fh = await open(path, 'r');
    try {
      const fileSize = (await fh.stat()).size;
      const header = Buffer.alloc(this.cipher.headerBytes);
      await fh.read(header, 0, header.length, 0);
      const layout = this.cipher.layout(header, fileSize);
      const sealed = Buffer.allocUnsafe(layout.maxSealedBytes);
      for (let i = 0; i < layout.chunkCount; i++) {
        const n = layout.sealedLength(i);
        await fh.read(sealed, 0, n, layout.sealedOffset(i));
        yield Buffer.from(layout.open(i, sealed.subarray(0, n)));
      }
    } finally {
      await fh.close();
    }
  }

  read(sha256: string): Readable {
    return Readable.from(this.decrypt(this.blobPath(sha256)));
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

/** Writes a chunk as its bytes come; returns the new size. Throws before a byte past `total` is written. */
async function writeChunk(w: PartWriter, total: number, chunk: ChunkSource): Promise<number> {
  const whole = chunk instanceof Uint8Array;
  const pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array> = whole ? [chunk] : chunk.stream;
  const hash = whole ? null : createHash('sha256');
  for await (const piece of pieces) {
    if (w.at + piece.length > total) throw new DigestMismatch('more bytes than announced');
    hash?.update(piece);
    await w.write(piece);
  }
  if (!whole && hash!.digest('hex') !== chunk.sha256) throw new ChunkMismatch('the chunk does not hash to its SHA-256');
  return w.at;
}

async function digest(plain: AsyncIterable<Buffer>): Promise<StoredBlob> {
  const h256 = createHash('sha256');
  const hsm3 = createHash('sm3');
  let size = 0;
  for await (const c of plain) {
    h256.update(c);
    hsm3.update(c);
    size += c.length;
  }
  return { sha256: h256.digest('hex'), sm3: hsm3.digest('hex'), size };
}
