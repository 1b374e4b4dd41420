// A minimal POSIX ustar writer and reader: the sealed bundle is a plain tar file, so that anyone
// can unpack it with `tar -xf` and check its parts with sha256sum and openssl. Entries stream in
// and out in 1 MiB pieces: an evidence file of any size passes through without being held in memory.
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

const BLOCK = 512;

function header(name: string, size: number, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) throw new Error(`tar entry name too long: ${name}`);
  nameBytes.copy(h, 0);
  h.write('0000644\0', 100, 'ascii');
  h.write('0000000\0', 108, 'ascii');
  h.write('0000000\0', 116, 'ascii');
  h.write(size.toString(8).padStart(11, '0') + '\0', 124, 'ascii');
  h.write(Math.floor(mtime).toString(8).padStart(11, '0') + '\0', 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return h;
}

export class TarWriter {
  private readonly fd: number;
  private readonly mtime: number;
  constructor(fd: number, mtime: Date) {
    this.fd = fd;
    this.mtime = mtime.getTime() / 1000;
  }
  private write(b: Uint8Array) {
    let at = 0;
    while (at < b.length) at += writeSync(this.fd, b, at, b.length - at);
  }
  add(name: string, bytes: Uint8Array): void {
    this.write(header(name, bytes.length, this.mtime));
    this.write(bytes);
    this.pad(bytes.length);
  }
  /** Streams an entry of `size` bytes into the archive piece by piece (e.g. evidence as it is decrypted). */
  async addChunks(name: string, size: number, chunks: AsyncIterable<Uint8Array>): Promise<void> {
    this.write(header(name, size, this.mtime));
    let done = 0;
    for await (const c of chunks) {
      if (done + c.length > size) throw new Error(`${name}: more than the ${size} bytes announced`);
      this.write(c);
      done += c.length;
    }
    if (done !== size) throw new Error(`${name}: ${done} of the ${size} bytes announced`);
    this.pad(size);
  }
  private pad(size: number) {
    const rest = size % BLOCK;
    if (rest) this.write(Buffer.alloc(BLOCK - rest));
  }
  end(): void {
    this.write(Buffer.alloc(BLOCK * 2));
  }
}

export interface TarEntry {
  name: string;
  size: number;
  /** Byte offset of the entry's content in the archive. */
  offset: number;
}

/** Lists the entries of a tar file (regular files only). */
export function listTar(path: string): TarEntry[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const h = Buffer.alloc(BLOCK);
    const out: TarEntry[] = [];
    let at = 0;
    while (at + BLOCK <= size) {
      readSync(fd, h, 0, BLOCK, at);
      if (h.every((b) => b === 0)) break;
      const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const len = parseInt(h.toString('ascii', 124, 136).replace(/\0.*$/s, '').trim() || '0', 8);
      if (!Number.isFinite(len) || len < 0 || at + BLOCK + len > size)
        throw new Error('损坏的封存包：条目长度超出文件');
      if (h[156] === 0x30 || h[156] === 0) out.push({ name, size: len, offset: at + BLOCK });
      at += BLOCK + Math.ceil(len / BLOCK) * BLOCK;
    }
    return out;
  } finally {
    closeSync(fd);
  }
}

export function readEntry(path: string, e: TarEntry): Buffer {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(e.size);
    readSync(fd, b, 0, e.size, e.offset);
    return b;
  } finally {
    closeSync(fd);
  }
}

/** Streams an entry's content in pieces. */
export function* entryChunks(path: string, e: TarEntry): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let done = 0;
    while (done < e.size) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, e.size - done), e.offset + done);
      if (n === 0) break;
      yield buf.subarray(0, n);
      done += n;
    }
  } finally {
    closeSync(fd);
  }
}
