// An upload in progress (DATA/uploads/NAME.part), encrypted: chunks arrive at any offset and an
// interrupted upload resumes where it stopped, so the part file is AES-256-CTR — a byte at
// plaintext offset o is encrypted with the key stream at o, and appending needs nothing of what
// came before. Its key is derived from HQ's blob key and a random salt in the file's 16-byte
// header (a new salt for every new upload of a blob). CTR does not authenticate: it need not, since
// a finished upload is re-hashed as it is decrypted and kept only if its SHA-256 is its name, and
// then stored in the authenticated chunk format (protocol/storage/blob-cipher.ts).
// A chunk cut back after a failure is written again with the same key stream: an attacker who
// could read the cut-off bytes off the disk and knew them would learn the XOR of the two versions
// — bytes an authenticated device sent and HQ dropped within the same second; accepted.
import { createDecipheriv, createCipheriv, hkdfSync, randomBytes, type Cipheriv } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

const MAGIC = Buffer.from('WXHQPRT1', 'ascii');
export const PART_HEADER_BYTES = 16;

const ctrAt = (key: Buffer, offset: number, decrypt = false): Cipheriv => {
  const iv = Buffer.alloc(16);
  iv.writeBigUInt64BE(BigInt(Math.floor(offset / 16)), 8);
  const c = decrypt ? createDecipheriv('aes-256-ctr', key, iv) : createCipheriv('aes-256-ctr', key, iv);
  c.update(Buffer.alloc(offset % 16)); // the key stream's bytes before `offset` in its block
  return c as Cipheriv;
};

export class UploadParts {
  private readonly key: Buffer;
  /** `key`: HQ's blob key (hq/keys/hq-keys.ts). */
  constructor(key: Buffer) {
    this.key = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'wxzf hq upload part v1', 32));
  }

  private fileKey(salt: Buffer): Buffer {
    return Buffer.from(hkdfSync('sha256', this.key, salt, 'wxzf hq upload part v1 file key', 32));
  }

  /** Plaintext bytes held by a part file of `fileSize` bytes. */
  static plainSize(fileSize: number): number {
    return Math.max(0, fileSize - PART_HEADER_BYTES);
  }

  /**
   * Opens (creating, with a new salt, when missing or shorter than its header) a part file for
   * writing; the caller closes the handle.
   */
  async open(path: string): Promise<{ fh: FileHandle; plainSize: number; writer(offset: number): PartWriter }> {
    let fh: FileHandle;
    try {
      fh = await open(path, 'r+');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      fh = await open(path, 'w+', 0o600);
    }
    let size = (await fh.stat()).size;
    if (size < PART_HEADER_BYTES) {
      const header = Buffer.concat([MAGIC, randomBytes(PART_HEADER_BYTES - MAGIC.length)]);
      await fh.truncate(0);
      await fh.write(header, 0, header.length, 0);
      await fh.sync();
      size = PART_HEADER_BYTES;
    }
    const header = Buffer.alloc(PART_HEADER_BYTES);
    await fh.read(header, 0, PART_HEADER_BYTES, 0);
    if (!header.subarray(0, MAGIC.length).equals(MAGIC)) {
      await fh.close();
      throw new Error('not an HQ upload part file');
    }
    const key = this.fileKey(header.subarray(MAGIC.length));
    return {
      fh,
      plainSize: size - PART_HEADER_BYTES,
      writer: (offset) => new PartWriter(fh, ctrAt(key, offset), offset),
    };
  }

  /** The plaintext of a whole part file, in order. */
  async *read(path: string): AsyncIterable<Buffer> {
    const fh = await open(path, 'r');
    const header = Buffer.alloc(PART_HEADER_BYTES);
    try {
      await fh.read(header, 0, PART_HEADER_BYTES, 0);
    } finally {
      await fh.close();
    }
    const d = ctrAt(this.fileKey(header.subarray(MAGIC.length)), 0, true);
    for await (const c of createReadStream(path, {
      start: PART_HEADER_BYTES,
      highWaterMark: 1 << 20,
    }) as AsyncIterable<Buffer>)
      yield d.update(c);
  }
}

/** Writes plaintext at successive offsets of a part file, encrypted. */
export class PartWriter {
  private readonly fh: FileHandle;
  private readonly ctr: Cipheriv;
  at: number;
  constructor(fh: FileHandle, ctr: Cipheriv, offset: number) {
    this.fh = fh;
    this.ctr = ctr;
    this.at = offset;
  }

  async write(plain: Uint8Array): Promise<void> {
    const sealed = this.ctr.update(plain);
    let written = 0;
    while (written < sealed.length)
      written += (await this.fh.write(sealed, written, sealed.length - written, PART_HEADER_BYTES + this.at + written))
        .bytesWritten;
    this.at += plain.length;
  }

  /** Cuts the file back to `offset` plaintext bytes (a chunk not kept) and syncs it. */
  async cutTo(offset: number): Promise<void> {
    await this.fh.truncate(PART_HEADER_BYTES + offset);
    await this.fh.sync();
  }
}
