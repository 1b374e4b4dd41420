// The content-addressed store: evidence bytes under evidence/blobs/xy/xyz…, each file encrypted
// (protocol/storage/blob-cipher.ts) and named by a keyed hash of the plaintext's SHA-256. A blob is
// written encrypted to a temp file (no plaintext ever reaches the disk), fsynced, renamed into
// place, and the folder fsynced — so a blob is either whole under its name or absent. Reading
// authenticates every chunk before any of its bytes are handed out.
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { BlobIntegrityError, type BlobCipher, type BlobLayout } from '../../protocol/storage/blob-cipher.ts';

const NAME = /^[0-9a-f]{64}$/;

/** A blob being written: the plaintext goes in, ciphertext goes to the temp file. */
export interface TempBlob {
  readonly path: string;
  /** `plain` may be reused by the caller once this returns. */
  write(plain: Uint8Array): void;
  /** Writes the end of the file, fsyncs and closes it. */
  finish(): void;
  /** Closes (if open) and removes the temp file. */
  discard(): void;
}

export class BlobStore {
  readonly root: string;
  readonly tmpDir: string;
  readonly cipher: BlobCipher;
  constructor(dataDir: string, cipher: BlobCipher) {
    this.root = join(dataDir, 'evidence', 'blobs');
    this.tmpDir = join(dataDir, 'evidence', 'tmp');
    this.cipher = cipher;
    mkdirSync(this.root, { recursive: true, mode: 0o700 });
    mkdirSync(this.tmpDir, { recursive: true, mode: 0o700 });
  }

  /** The stored file name of the blob with this SHA-256 (not the SHA-256 itself). */
  nameOf(sha256: string): string {
    return this.cipher.nameOf(sha256);
  }

  /** Where the (encrypted) file of this SHA-256 is; for the store itself and for tests that damage files. */
  pathOf(sha256: string): string {
    return this.pathOfName(this.nameOf(sha256));
  }

  private pathOfName(name: string): string {
    return join(this.root, name.slice(0, 2), name);
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  /** A new temp file in tmpDir that receives the blob encrypted as it is written. */
  createTemp(): TempBlob {
    const path = join(this.tmpDir, `${randomUUID()}.part`);
    let fd: number | undefined = openSync(path, 'wx', 0o600);
    const encoder = this.cipher.encoder();
    const out = (b: Uint8Array) => {
      let at = 0;
      while (at < b.length) at += writeSync(fd!, b, at, b.length - at);
    };
    return {
      path,
      write: (plain) => encoder.update(plain, out),
      finish: () => {
        encoder.final(out);
        fsyncSync(fd!);
        closeSync(fd!);
        fd = undefined;
      },
      discard: () => {
        if (fd !== undefined) closeSync(fd);
        fd = undefined;
        rmSync(path, { force: true });
      },
    };
  }

  /**
   * Moves a finished temp file into place under the blob's name; keeps the existing blob if there
   * is one (the same plaintext, written earlier with another salt), checking that it holds as many
   * plaintext bytes.
   */
  commit(tempPath: string, sha256: string, plainSize: number): void {
    const name = this.nameOf(sha256);
    const final = this.pathOfName(name);
    if (existsSync(final)) {
      rmSync(tempPath, { force: true });
      if (this.plainSize(sha256) !== plainSize) throw new Error(`stored blob ${sha256} has the wrong size`);
      return;
    }
    const dir = join(this.root, name.slice(0, 2));
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    renameSync(tempPath, final);
    fsyncDir(dir);
  }

  remove(sha256: string): void {
    this.removeName(this.nameOf(sha256));
  }

  removeName(name: string): void {
    if (NAME.test(name)) rmSync(this.pathOfName(name), { force: true });
  }

  /** The names (see nameOf) of every blob file present. */
  list(): string[] {
    if (!existsSync(this.root)) return [];
    return readdirSync(this.root).flatMap((d) =>
      /^[0-9a-f]{2}$/.test(d) ? readdirSync(join(this.root, d)).filter((f) => NAME.test(f) && f.startsWith(d)) : [],
    );
  }

  /** Whether the named file was written under this store's key (so clean-up may remove it as ours). */
  isOwn(name: string): boolean {
    const fd = openSync(this.pathOfName(name), 'r');
    try {
      const header = Buffer.alloc(this.cipher.headerBytes);
      const n = readSync(fd, header, 0, header.length, 0);
      return this.cipher.isOwn(header.subarray(0, n));
    } finally {
      closeSync(fd);
    }
  }

  /** Left over by a crash mid-import: never visible, removed at start. */
  clearTemp(): number {
    const leftovers = readdirSync(this.tmpDir);
    for (const f of leftovers) rmSync(join(this.tmpDir, f), { force: true });
    return leftovers.length;
  }

  /** The plaintext size of a stored blob, from its header and file size (nothing decrypted). */
  plainSize(sha256: string): number {
    let fd: number;
    try {
      fd = openSync(this.pathOf(sha256), 'r');
    } catch (e) {
      throw missingOr(e, sha256);
    }
    try {
      const header = Buffer.alloc(this.cipher.headerBytes);
      readSync(fd, header, 0, header.length, 0);
      return this.cipher.layout(header, fstatSync(fd).size).plainSize;
    } catch (e) {
      throw withSha(e, sha256);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * The plaintext of a blob, chunk by chunk, each authenticated before it is handed out; throws
   * BlobIntegrityError at the first chunk that fails (the earlier ones have been yielded). A
   * chunk is valid until the next one is asked for.
   */
  async *read(sha256: string): AsyncGenerator<Uint8Array> {
    const { fh, layout } = await this.openBlob(sha256);
    try {
      const buf = Buffer.allocUnsafe(layout.maxSealedBytes);
      for (let i = 0; i < layout.chunkCount; i++) {
        const n = layout.sealedLength(i);
        await readFully(fh, buf, n, layout.sealedOffset(i), layout, i);
        yield layout.open(i, buf.subarray(0, n));
      }
    } catch (e) {
      throw withSha(e, sha256);
    } finally {
      await fh.close();
    }
  }

  /** Plaintext bytes [offset, offset + length) of a blob: only the chunks they lie in are read and authenticated. */
  async readRange(sha256: string, offset: number, length: number): Promise<Buffer> {
    const { fh, layout } = await this.openBlob(sha256);
    try {
      if (
        !Number.isSafeInteger(offset) ||
        !Number.isSafeInteger(length) ||
        offset < 0 ||
        length < 0 ||
        offset + length > layout.plainSize
      ) {
        throw new RangeError(`range ${offset}+${length} outside the blob's ${layout.plainSize} bytes`);
      }
      const result = Buffer.allocUnsafe(length);
      if (length === 0) return result;
      const buf = Buffer.allocUnsafe(layout.maxSealedBytes);
      const c = layout.chunkBytes;
      for (let i = Math.floor(offset / c); i <= Math.floor((offset + length - 1) / c); i++) {
        const n = layout.sealedLength(i);
        await readFully(fh, buf, n, layout.sealedOffset(i), layout, i);
        const plain = layout.open(i, buf.subarray(0, n));
        const from = Math.max(offset, i * c);
        const to = Math.min(offset + length, i * c + plain.length);
        result.set(plain.subarray(from - i * c, to - i * c), from - offset);
      }
      return result;
    } catch (e) {
      throw withSha(e, sha256);
    } finally {
      await fh.close();
    }
  }

  private async openBlob(sha256: string): Promise<{ fh: FileHandle; layout: BlobLayout }> {
    let fh: FileHandle;
    try {
      fh = await open(this.pathOf(sha256), 'r');
    } catch (e) {
      throw missingOr(e, sha256);
    }
    try {
      const header = Buffer.alloc(this.cipher.headerBytes);
      await fh.read(header, 0, header.length, 0);
      return { fh, layout: this.cipher.layout(header, (await fh.stat()).size) };
    } catch (e) {
      await fh.close();
      throw withSha(e, sha256);
    }
  }
}

async function readFully(
  fh: FileHandle,
  buf: Buffer,
  n: number,
  position: number,
  layout: BlobLayout,
  chunk: number,
): Promise<void> {
  let got = 0;
  while (got < n) {
    const { bytesRead } = await fh.read(buf, got, n - got, position + got);
    if (bytesRead === 0)
      throw new BlobIntegrityError(
        'truncated',
        chunk,
        { offset: chunk * layout.chunkBytes, length: 0 },
        'the file shrank while being read',
      );
    got += bytesRead;
  }
}

function missingOr(e: unknown, sha256: string): unknown {
  if ((e as NodeJS.ErrnoException)?.code !== 'ENOENT') return e;
  return withSha(new BlobIntegrityError('missing'), sha256);
}

function withSha(e: unknown, sha256: string): unknown {
  if (e instanceof BlobIntegrityError) e.sha256 = sha256;
  return e;
}

export function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
