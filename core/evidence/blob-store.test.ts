// The encrypted blob store on real files: round trips at the chunk boundaries, ranges, and each
// kind of damage found at its chunk (docs/EVIDENCE.md, "On disk").
import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AesGcmBlobCipher,
  BlobIntegrityError,
  DEFAULT_CHUNK_BYTES,
  HEADER_BYTES,
  identityBlobCipherForBenchmarks,
  type BlobCipher,
} from '../../protocol/storage/blob-cipher.ts';
import { BlobStore } from './blob-store.ts';

const C = 4096; // a small chunk size, so that boundaries are cheap to reach
const TAG = 16;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let dir: string;
let key: Buffer;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'blob-store-'));
  key = randomBytes(32);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Stores `plain` fed in pieces of the given sizes (cycled); returns its SHA-256. */
function put(store: BlobStore, plain: Buffer, pieces: number[] = [1000]): string {
  const t = store.createTemp();
  let at = 0;
  for (let i = 0; at < plain.length; i++) {
    const n = pieces[i % pieces.length]!;
    // The caller's buffer is reused after each write, as readChunks does: the store must have copied what it keeps.
    const piece = Buffer.from(plain.subarray(at, at + n));
    t.write(piece);
    piece.fill(0);
    at += n;
  }
  t.finish();
  const digest = sha(plain);
  store.commit(t.path, digest, plain.length);
  return digest;
}

async function readAll(store: BlobStore, digest: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of store.read(digest)) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

async function failure(p: Promise<unknown>): Promise<BlobIntegrityError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BlobIntegrityError) return e;
    throw e;
  }
  throw new Error('expected a BlobIntegrityError');
}

/** Reads as a stream; returns the chunks that came through before the error, and the error. */
async function streamUntilFailure(
  store: BlobStore,
  digest: string,
): Promise<{ good: Buffer[]; error: BlobIntegrityError }> {
  const good: Buffer[] = [];
  try {
    for await (const c of store.read(digest)) good.push(Buffer.from(c));
  } catch (e) {
    if (e instanceof BlobIntegrityError) return { good, error: e };
    throw e;
  }
  throw new Error('expected a BlobIntegrityError');
}

const storeOf = (k = key, chunkBytes = C) => new BlobStore(dir, new AesGcmBlobCipher(k, { chunkBytes }));
const chunkAt = (i: number) => HEADER_BYTES + i * (C + TAG);

describe('encrypted blob store', () => {
  it.each([0, 1, C - 1, C, C + 1, 3 * C + 5])('round trip of %i bytes, fed in pieces of every kind', async (size) => {
    const store = storeOf();
    const plain = randomBytes(size);
    for (const pieces of [[1000], [C], [3 * C + 7], [1, C - 1, C + 1]]) {
      rmSync(store.root, { recursive: true });
      mkdirSync(store.root);
      const digest = put(store, plain, pieces);
      expect((await readAll(store, digest)).equals(plain), `pieces ${pieces.join(',')}`).toBe(true);
      expect(store.plainSize(digest)).toBe(size);
      const chunks = Math.max(1, Math.ceil(size / C));
      expect(statSync(store.pathOf(digest)).size).toBe(HEADER_BYTES + size + chunks * TAG);
    }
    expect(readdirSync(store.tmpDir)).toEqual([]);
  });

  it('round trip with the default 1 MiB chunks', async () => {
    const store = new BlobStore(dir, new AesGcmBlobCipher(key));
    const plain = randomBytes(2 * DEFAULT_CHUNK_BYTES + 12345);
    const digest = put(store, plain, [DEFAULT_CHUNK_BYTES]);
    expect((await readAll(store, digest)).equals(plain)).toBe(true);
    expect(statSync(store.pathOf(digest)).size).toBe(HEADER_BYTES + plain.length + 3 * TAG);
  });

  it('readRange returns the plaintext of any range, across chunk boundaries', async () => {
    const store = storeOf();
    const plain = randomBytes(5 * C + 77);
    const digest = put(store, plain);
    const ranges: [number, number][] = [
      [0, 0],
      [0, plain.length],
      [0, 1],
      [C - 1, 2],
      [C, C],
      [C - 10, 2 * C + 20],
      [5 * C, 77],
      [plain.length - 1, 1],
      [plain.length, 0],
    ];
    for (let i = 0; i < 50; i++) {
      const offset = Math.floor(Math.random() * plain.length);
      ranges.push([offset, Math.floor(Math.random() * (plain.length - offset + 1))]);
    }
    for (const [offset, length] of ranges)
      expect(
        (await store.readRange(digest, offset, length)).equals(plain.subarray(offset, offset + length)),
        `${offset}+${length}`,
      ).toBe(true);
    await expect(store.readRange(digest, plain.length - 1, 2)).rejects.toThrow(RangeError);
    await expect(store.readRange(digest, -1, 1)).rejects.toThrow(RangeError);
  });

  it('a flipped byte in chunk k is reported at chunk k; the chunks before it still stream, ranges elsewhere still read', async () => {
    const store = storeOf();
    const plain = randomBytes(5 * C + 100);
    const digest = put(store, plain);
    for (const [k, within] of [
      [3, 17], // in the ciphertext
      [2, C + 3], // in the tag
      [5, 50], // in the last, shorter chunk
    ] as const) {
      const path = store.pathOf(digest);
      const original = readFileSync(path);
      const bytes = Buffer.from(original);
      bytes[chunkAt(k) + within]! ^= 0x01;
      writeFileSync(path, bytes);
      const { good, error } = await streamUntilFailure(store, digest);
      expect(error).toMatchObject({
        reason: 'tampered',
        chunk: k,
        sha256: digest,
        at: { offset: k * C, length: Math.min(C, plain.length - k * C) },
      });
      expect(Buffer.concat(good).equals(plain.subarray(0, k * C))).toBe(true);
      expect((await store.readRange(digest, 0, k * C)).equals(plain.subarray(0, k * C))).toBe(true);
      expect(await failure(store.readRange(digest, k * C - 1, 2))).toMatchObject({ reason: 'tampered', chunk: k });
      writeFileSync(path, original);
    }
    expect((await readAll(store, digest)).equals(plain)).toBe(true);
  });

  it('truncation is detected: the last chunk dropped, or a chunk cut short', async () => {
    const store = storeOf();
    const plain = randomBytes(4 * C);
    const digest = put(store, plain);
    const path = store.pathOf(digest);
    const original = readFileSync(path);
    truncateSync(path, chunkAt(3)); // chunks 0–2 remain, each whole and authentic
    expect(store.plainSize(digest)).toBe(3 * C);
    const { good, error } = await streamUntilFailure(store, digest);
    expect(error).toMatchObject({ reason: 'truncated', chunk: 3, at: { offset: 3 * C } });
    expect(Buffer.concat(good).equals(plain.subarray(0, 2 * C))).toBe(true);
    truncateSync(path, chunkAt(3) + 10); // less than a tag of chunk 3
    expect(await failure(readAll(store, digest))).toMatchObject({ reason: 'truncated', chunk: 3 });
    writeFileSync(path, original.subarray(0, original.length - 1)); // the last byte of the tag
    expect(await failure(readAll(store, digest))).toMatchObject({ reason: 'tampered', chunk: 3 });
    truncateSync(path, HEADER_BYTES);
    expect(await failure(readAll(store, digest))).toMatchObject({ reason: 'truncated', chunk: 0 });
    truncateSync(path, 20);
    expect(await failure(readAll(store, digest))).toMatchObject({ reason: 'header' });
  });

  it('swapped chunks are detected at the first one out of place', async () => {
    const store = storeOf();
    const plain = randomBytes(4 * C + 9);
    const digest = put(store, plain);
    const path = store.pathOf(digest);
    const b = readFileSync(path);
    const one = Buffer.from(b.subarray(chunkAt(1), chunkAt(2)));
    b.subarray(chunkAt(2), chunkAt(3)).copy(b, chunkAt(1));
    one.copy(b, chunkAt(2));
    writeFileSync(path, b);
    const { good, error } = await streamUntilFailure(store, digest);
    expect(error).toMatchObject({ reason: 'tampered', chunk: 1 });
    expect(Buffer.concat(good).equals(plain.subarray(0, C))).toBe(true);
  });

  it('a damaged header: unknown format, or any header byte changed fails every chunk', async () => {
    const store = storeOf();
    const digest = put(store, randomBytes(2 * C));
    const path = store.pathOf(digest);
    const original = readFileSync(path);
    for (const [at, reason] of [
      [0, 'header'], // magic
      [8, 'header'], // version
      [10, 'header'], // reserved
      [20, 'tampered'], // salt: another file key
    ] as const) {
      const b = Buffer.from(original);
      b[at]! ^= 0x01;
      writeFileSync(path, b);
      expect(await failure(readAll(store, digest)), `byte ${at}`).toMatchObject({
        reason,
        chunk: reason === 'header' ? null : 0,
      });
    }
  });

  it('a wrong master key is detected as such (not as damage), and its store does not see the blobs', async () => {
    const store = storeOf();
    const plain = randomBytes(3 * C);
    const digest = put(store, plain);
    const other = storeOf(randomBytes(32));
    expect(other.has(digest)).toBe(false); // names are keyed too
    expect(other.isOwn(store.nameOf(digest))).toBe(false);
    expect(store.isOwn(store.nameOf(digest))).toBe(true);
    mkdirSync(dirname(other.pathOf(digest)), { recursive: true });
    copyFileSync(store.pathOf(digest), other.pathOf(digest));
    expect(await failure(readAll(other, digest))).toMatchObject({ reason: 'wrong-key', chunk: null });
    expect(() => other.plainSize(digest)).toThrow(BlobIntegrityError);
  });

  it('a blob that is not there is `missing`', async () => {
    const store = storeOf();
    const digest = sha(Buffer.from('never stored'));
    expect(await failure(readAll(store, digest))).toMatchObject({ reason: 'missing', sha256: digest });
    expect(await failure(store.readRange(digest, 0, 0))).toMatchObject({ reason: 'missing' });
    expect(() => store.plainSize(digest)).toThrow(BlobIntegrityError);
  });

  it('on disk: no plaintext, and names that do not reveal the SHA-256', async () => {
    const store = storeOf(key, DEFAULT_CHUNK_BYTES);
    const marker = Buffer.from('现场照片：某网络科技有限公司后台管理员页面 MARKER-7f3a');
    const plains = [Buffer.concat(Array.from({ length: 40_000 }, () => marker)), marker, Buffer.alloc(3 * C)];
    const digests = plains.map((p) => put(store, p, [65536]));
    const names = store.list().sort();
    expect(names).toEqual(digests.map((d) => store.nameOf(d)).sort());
    for (const [i, d] of digests.entries()) {
      const path = store.pathOf(d);
      expect(path).not.toContain(d);
      expect(path).not.toContain(d.slice(0, 16));
      const bytes = readFileSync(path);
      expect(bytes.includes(marker.subarray(0, 16)), `blob ${i} holds plaintext`).toBe(false);
      expect(bytes.includes(Buffer.alloc(64)), `blob ${i} holds a run of the zero plaintext`).toBe(false);
      expect(bytes.includes(Buffer.from(d, 'ascii')) || bytes.includes(Buffer.from(d, 'hex'))).toBe(false);
    }
    // The same plaintext stored again is another file (a fresh salt) but the same name.
    const again = store.createTemp();
    again.write(marker);
    again.finish();
    expect(readFileSync(again.path).equals(readFileSync(store.pathOf(digests[1]!)))).toBe(false);
    store.commit(again.path, digests[1]!, marker.length);
    expect(store.list()).toHaveLength(3);
    expect(readdirSync(store.tmpDir)).toEqual([]);
  });

  it('the file names depend on the key: another key gives other names', () => {
    const d = sha(Buffer.from('x'));
    expect(storeOf().nameOf(d)).toBe(storeOf().nameOf(d));
    expect(storeOf().nameOf(d)).not.toBe(storeOf(randomBytes(32)).nameOf(d));
    expect(() => storeOf().nameOf('../../etc/passwd')).toThrow();
  });

  it('the identity cipher (benchmarks only) stores the plaintext under its SHA-256', async () => {
    const store = new BlobStore(dir, identityBlobCipherForBenchmarks as BlobCipher);
    const plain = randomBytes(2 * DEFAULT_CHUNK_BYTES + 3);
    const digest = put(store, plain, [DEFAULT_CHUNK_BYTES]);
    expect(readFileSync(join(store.root, digest.slice(0, 2), digest)).equals(plain)).toBe(true);
    expect((await readAll(store, digest)).equals(plain)).toBe(true);
    expect(
      (await store.readRange(digest, DEFAULT_CHUNK_BYTES - 1, 3)).equals(
        plain.subarray(DEFAULT_CHUNK_BYTES - 1, DEFAULT_CHUNK_BYTES + 2),
      ),
    ).toBe(true);
    const empty = put(store, Buffer.alloc(0));
    expect(await readAll(store, empty)).toEqual(Buffer.alloc(0));
  });

  it('refuses a master key of the wrong length', () => {
    expect(() => new AesGcmBlobCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});
