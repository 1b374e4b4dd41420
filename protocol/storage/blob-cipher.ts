// Evidence blobs at rest: AES-256-GCM in independently authenticated chunks, so that a file of
// any size streams in and out with flat memory and a flipped byte is found at its chunk
// (docs/EVIDENCE.md, "On disk"). Pure: no file system here; core/evidence/blob-store.ts does the I/O.
//
// Keys. The device master key (32 random bytes, unwrapped by core/vault/ and held in memory only)
// is never used directly. HKDF-SHA256 derives, with distinct labels:
//   content key  — from which each file's own key is derived with the file's random salt;
//   name key     — HMAC-SHA256(name key, SHA-256 hex) names the file, so that a seized disk does not
//                  tell which known files are present;
//   key check    — 8 bytes written into every header, so that a wrong master key is told apart from
//                  damage (and start-up clean-up never deletes blobs written under another key).
//
// File, version 1 (all integers big-endian):
//   header (40 bytes) = 'WXEVBLB1' | version u8 = 1 | 3 zero bytes | chunk size u32 (plaintext
//                       bytes per chunk) | salt (16 random bytes) | key check (8 bytes)
//   then each chunk   = AES-256-GCM ciphertext (chunk size bytes; the last one shorter) | tag (16)
//   file key = HKDF-SHA256(content key, salt, 'wxzf evidence blob v1 file key')
//   nonce    = 4 zero bytes | chunk index u64 (each file has its own key: a nonce never repeats under a key)
//   AAD      = header | chunk index u64 | final u8 (1 on the last chunk only)
// The header is authenticated with every chunk; the index stops chunks being moved or swapped; the
// final flag stops the file being cut at a chunk boundary. Empty plaintext is one empty final chunk.
// The plaintext size follows from the file size (no length field to trust or keep in step).
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { releaseBuffer as release } from './release-buffer.ts';

export const MASTER_KEY_BYTES = 32;
/** Plaintext bytes per chunk for new files (1 MiB measured as fast as 4 MiB, with less memory held: docs/EVIDENCE.md). */
export const DEFAULT_CHUNK_BYTES = 1 << 20;

const MAGIC = Buffer.from('WXEVBLB1', 'ascii');
const VERSION = 1;
const SALT_BYTES = 16;
const CHECK_BYTES = 8;
export const HEADER_BYTES = MAGIC.length + 1 + 3 + 4 + SALT_BYTES + CHECK_BYTES; // 40
const TAG_BYTES = 16;
const NONCE_BYTES = 12;
/**
 * node:crypto returns a new buffer from every update(); fed 64 KiB at a time, those buffers come
 * from memory the allocator recycles instead of fresh pages (measured: a few hundred page faults
 * for 256 MiB instead of tens of thousands, and less system time).
 */
const SLICE_BYTES = 64 << 10;
/** Bounds on the chunk size a header may declare (guards the reader's buffer against a damaged header). */
const MIN_CHUNK_BYTES = 16;
const MAX_CHUNK_BYTES = 64 << 20;

const LABEL = {
  content: 'wxzf evidence blob v1 content key',
  names: 'wxzf evidence blob v1 name key',
  check: 'wxzf evidence blob v1 key check',
  file: 'wxzf evidence blob v1 file key',
};

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Why a stored blob cannot be read back as what was stored. */
export type BlobFailure =
  | 'missing' // no file under the blob's name
  | 'header' // not a blob of this format, or its header is damaged
  | 'wrong-key' // written under another master key
  | 'truncated' // the file ends early (chunks cut off at the end, or a chunk cut short of its tag)
  | 'tampered'; // a chunk does not authenticate: altered, moved, or damaged medium

/**
 * A blob failed its check. `chunk` is the 0-based chunk where it was found and `at` the plaintext
 * bytes that chunk holds (for 'truncated': where the missing part starts, length 0); both null
 * when the failure concerns the whole file. `sha256` is filled in by the store.
 */
export class BlobIntegrityError extends Error {
  readonly reason: BlobFailure;
  readonly chunk: number | null;
  readonly at: { offset: number; length: number } | null;
  sha256: string | null = null;
  constructor(
    reason: BlobFailure,
    chunk: number | null = null,
    at: { offset: number; length: number } | null = null,
    detail = '',
  ) {
    super(`evidence blob ${reason}${chunk === null ? '' : ` at chunk ${chunk}`}${detail ? `: ${detail}` : ''}`);
    this.name = 'BlobIntegrityError';
    this.reason = reason;
    this.chunk = chunk;
    this.at = at;
  }
}

/** Receives the bytes of a file in order; they are valid only during the call. */
export type Emit = (bytes: Uint8Array) => void;

/** Turns a plaintext, given in pieces of any size, into the bytes of one stored file. */
export interface BlobEncoder {
  /** The caller may reuse `plain`'s memory once this returns (what is held back is copied). */
  update(plain: Uint8Array, out: Emit): void;
  /** Ends the file (writes its final chunk). */
  final(out: Emit): void;
}

/** How a stored file is laid out, read from its header and size; opens its chunks. */
export interface BlobLayout {
  readonly plainSize: number;
  /** Plaintext bytes per chunk (the last chunk may hold fewer). */
  readonly chunkBytes: number;
  readonly chunkCount: number;
  /** The largest stored chunk: a buffer this big holds any chunk's stored bytes. */
  readonly maxSealedBytes: number;
  /** File position of chunk i's stored bytes. */
  sealedOffset(i: number): number;
  sealedLength(i: number): number;
  /**
   * Authenticates chunk i (its stored bytes) and returns its plaintext, valid until the next call
   * (it may share memory with `sealed` or with the layout's own buffer).
   */
  open(i: number, sealed: Uint8Array): Uint8Array;
}

/** The strategy the blob store uses to turn plaintext into files and back. */
export interface BlobCipher {
  readonly encrypted: boolean;
  /** How many bytes of a file's start `layout` needs. */
  readonly headerBytes: number;
  /** The file name of the blob with this SHA-256 (hex). */
  nameOf(sha256: string): string;
  encoder(): BlobEncoder;
  /** Throws BlobIntegrityError ('header', 'wrong-key', 'truncated') if the file cannot be of this cipher. */
  layout(header: Buffer, fileSize: number): BlobLayout;
  /** True if the file was written under this cipher's key (`header`: its first headerBytes bytes, or fewer). */
  isOwn(header: Buffer): boolean;
}

const hkdf = (key: Buffer, salt: Buffer, info: string, length: number) =>
  Buffer.from(hkdfSync('sha256', key, salt, info, length));

function checkSha(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 in lowercase hex: ${sha256.slice(0, 80)}`);
}

/** The app's cipher: AES-256-GCM, chunked, as described at the top. */
export class AesGcmBlobCipher implements BlobCipher {
  readonly encrypted = true;
  readonly headerBytes = HEADER_BYTES;
  readonly chunkBytes: number;
  private readonly contentKey: Buffer;
  private readonly nameKey: Buffer;
  private readonly keyCheck: Buffer;

  constructor(masterKey: Buffer, opts: { chunkBytes?: number } = {}) {
    if (!Buffer.isBuffer(masterKey) || masterKey.length !== MASTER_KEY_BYTES)
      throw new Error(`the evidence master key must be ${MASTER_KEY_BYTES} bytes`);
    this.chunkBytes = opts.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    if (!Number.isInteger(this.chunkBytes) || this.chunkBytes < MIN_CHUNK_BYTES || this.chunkBytes > MAX_CHUNK_BYTES)
      throw new Error(`chunk size out of range: ${this.chunkBytes}`);
    const none = Buffer.alloc(0);
    this.contentKey = hkdf(masterKey, none, LABEL.content, 32);
    this.nameKey = hkdf(masterKey, none, LABEL.names, 32);
    this.keyCheck = hkdf(masterKey, none, LABEL.check, CHECK_BYTES);
  }

  nameOf(sha256: string): string {
    checkSha(sha256);
    return createHmac('sha256', this.nameKey).update(sha256, 'ascii').digest('hex');
  }

  encoder(): BlobEncoder {
    const header = Buffer.alloc(HEADER_BYTES);
    MAGIC.copy(header, 0);
    header[8] = VERSION;
    header.writeUInt32BE(this.chunkBytes, 12);
    randomBytes(SALT_BYTES).copy(header, 16);
    this.keyCheck.copy(header, 16 + SALT_BYTES);
    return new GcmEncoder(new GcmFile(this.fileKey(header), header), this.chunkBytes);
  }

  layout(header: Buffer, fileSize: number): BlobLayout {
    const h = parseHeader(header, fileSize);
    if (!timingSafeEqual(header.subarray(16 + SALT_BYTES, HEADER_BYTES), this.keyCheck))
      throw new BlobIntegrityError('wrong-key');
    return new GcmLayout(new GcmFile(this.fileKey(header), header.subarray(0, HEADER_BYTES)), h.chunkBytes, fileSize);
  }

  isOwn(header: Buffer): boolean {
    return (
      header.length >= HEADER_BYTES &&
      header.subarray(0, MAGIC.length).equals(MAGIC) &&
      header.subarray(16 + SALT_BYTES, HEADER_BYTES).equals(this.keyCheck)
    );
  }

  private fileKey(header: Buffer): Buffer {
    return hkdf(this.contentKey, header.subarray(16, 16 + SALT_BYTES), LABEL.file, 32);
  }
}

function parseHeader(header: Buffer, fileSize: number): { chunkBytes: number } {
  if (fileSize < HEADER_BYTES || header.length < HEADER_BYTES)
    throw new BlobIntegrityError('header', null, null, 'shorter than a header');
  if (!header.subarray(0, MAGIC.length).equals(MAGIC))
    throw new BlobIntegrityError('header', null, null, 'not an encrypted evidence blob');
  if (header[8] !== VERSION) throw new BlobIntegrityError('header', null, null, `unknown version ${header[8]}`);
  if (header[9] !== 0 || header[10] !== 0 || header[11] !== 0)
    throw new BlobIntegrityError('header', null, null, 'reserved bytes set');
  const chunkBytes = header.readUInt32BE(12);
  if (chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES)
    throw new BlobIntegrityError('header', null, null, `chunk size ${chunkBytes}`);
  return { chunkBytes };
}

/** One file's key, nonce and AAD; seals and opens its chunks. The nonce and AAD buffers are reused. */
class GcmFile {
  private readonly key: Buffer;
  private readonly nonce = Buffer.alloc(NONCE_BYTES);
  private readonly aad: Buffer;
  readonly header: Buffer;
  constructor(key: Buffer, header: Buffer) {
    this.key = key;
    this.header = Buffer.from(header);
    this.aad = Buffer.alloc(HEADER_BYTES + 9);
    header.copy(this.aad, 0, 0, HEADER_BYTES);
  }

  private prepare(index: number, final: boolean): void {
    this.nonce.writeBigUInt64BE(BigInt(index), NONCE_BYTES - 8);
    this.aad.writeBigUInt64BE(BigInt(index), HEADER_BYTES);
    this.aad[HEADER_BYTES + 8] = final ? 1 : 0;
  }

  seal(index: number, plain: Uint8Array, final: boolean, out: Emit): void {
    this.prepare(index, final);
    const c = createCipheriv('aes-256-gcm', this.key, this.nonce, { authTagLength: TAG_BYTES });
    c.setAAD(this.aad);
    // `out` keeps nothing past its call (Emit), so each output buffer is freed once it has been
    // emitted, not left to the garbage collector (protocol/storage/release-buffer.ts).
    for (let at = 0; at < plain.length; at += SLICE_BYTES) {
      const sealed = c.update(plain.subarray(at, at + SLICE_BYTES));
      out(sealed);
      release(sealed);
    }
    c.final();
    out(c.getAuthTag());
  }

  /**
   * Decrypts into `into` (at least the chunk's plaintext length) and returns that part of it, or
   * null if the chunk does not authenticate as chunk `index` with this final flag.
   */
  open(index: number, sealed: Uint8Array, final: boolean, into: Buffer): Buffer | null {
    this.prepare(index, final);
    const d = createDecipheriv('aes-256-gcm', this.key, this.nonce, { authTagLength: TAG_BYTES });
    d.setAAD(this.aad);
    const length = sealed.length - TAG_BYTES;
    d.setAuthTag(sealed.subarray(length));
    for (let at = 0; at < length; at += SLICE_BYTES) {
      const part = d.update(sealed.subarray(at, Math.min(at + SLICE_BYTES, length)));
      part.copy(into, at);
      release(part);
    }
    try {
      d.final();
    } catch {
      return null; // the caller hands out nothing of it
    }
    return into.subarray(0, length);
  }
}

/**
 * Holds back one full chunk until more plaintext arrives, so that the last chunk is always the
 * one marked final and a file never ends with an empty chunk (except an empty plaintext's one).
 */
class GcmEncoder implements BlobEncoder {
  private readonly file: GcmFile;
  private readonly chunkBytes: number;
  private readonly pending: Buffer;
  private fill = 0;
  private index = 0;
  private started = false;
  constructor(file: GcmFile, chunkBytes: number) {
    this.file = file;
    this.chunkBytes = chunkBytes;
    this.pending = Buffer.allocUnsafe(chunkBytes);
  }

  update(plain: Uint8Array, out: Emit): void {
    this.start(out);
    let at = 0;
    while (at < plain.length) {
      if (this.fill === this.chunkBytes) {
        this.file.seal(this.index++, this.pending, false, out); // more follows: not the last
        this.fill = 0;
      }
      const n = Math.min(this.chunkBytes - this.fill, plain.length - at);
      // Whole chunks of the input with more input behind them go out without a copy.
      if (this.fill === 0 && n === this.chunkBytes && plain.length - at > n) {
        this.file.seal(this.index++, plain.subarray(at, at + n), false, out);
      } else {
        this.pending.set(plain.subarray(at, at + n), this.fill);
        this.fill += n;
      }
      at += n;
    }
  }

  final(out: Emit): void {
    this.start(out);
    this.file.seal(this.index++, this.pending.subarray(0, this.fill), true, out);
    this.fill = 0;
  }

  private start(out: Emit): void {
    if (this.started) return;
    this.started = true;
    out(this.file.header);
  }
}

class GcmLayout implements BlobLayout {
  readonly plainSize: number;
  readonly chunkBytes: number;
  readonly chunkCount: number;
  readonly maxSealedBytes: number;
  private readonly file: GcmFile;
  private plain: Buffer | undefined;
  constructor(file: GcmFile, chunkBytes: number, fileSize: number) {
    this.file = file;
    this.chunkBytes = chunkBytes;
    const stride = chunkBytes + TAG_BYTES;
    const body = fileSize - HEADER_BYTES;
    const whole = Math.floor(body / stride);
    const rest = body % stride;
    if (body === 0) throw new BlobIntegrityError('truncated', 0, { offset: 0, length: 0 }, 'no chunk');
    if (rest > 0 && rest < TAG_BYTES)
      throw new BlobIntegrityError(
        'truncated',
        whole,
        { offset: whole * chunkBytes, length: 0 },
        'last chunk shorter than its tag',
      );
    this.chunkCount = rest === 0 ? whole : whole + 1;
    this.plainSize = rest === 0 ? whole * chunkBytes : whole * chunkBytes + rest - TAG_BYTES;
    this.maxSealedBytes = Math.min(stride, body);
  }

  sealedOffset(i: number): number {
    return HEADER_BYTES + i * (this.chunkBytes + TAG_BYTES);
  }

  sealedLength(i: number): number {
    return i < this.chunkCount - 1 ? this.chunkBytes + TAG_BYTES : this.plainSize - i * this.chunkBytes + TAG_BYTES;
  }

  open(i: number, sealed: Uint8Array): Uint8Array {
    const final = i === this.chunkCount - 1;
    const into = (this.plain ??= Buffer.allocUnsafe(this.maxSealedBytes - TAG_BYTES));
    const plain = this.file.open(i, sealed, final, into);
    if (plain) return plain;
    const first = i * this.chunkBytes;
    // A full last chunk that authenticates as not final: the chunks after it were cut off.
    if (final && sealed.length === this.chunkBytes + TAG_BYTES && this.file.open(i, sealed, false, into)) {
      throw new BlobIntegrityError(
        'truncated',
        i + 1,
        { offset: first + this.chunkBytes, length: 0 },
        'chunks missing at the end',
      );
    }
    throw new BlobIntegrityError(
      'tampered',
      i,
      { offset: first, length: sealed.length - TAG_BYTES },
      'does not authenticate',
    );
  }
}

/**
 * BENCHMARKS ONLY: stores the plaintext as it is, under its SHA-256. The benchmark that measures
 * what encryption costs compares against it; the app never uses it (core/app-core.ts always gives
 * the evidence store a master key and the store then encrypts).
 */
export const identityBlobCipherForBenchmarks: BlobCipher = {
  encrypted: false,
  headerBytes: 0,
  nameOf: (sha256) => {
    checkSha(sha256);
    return sha256;
  },
  encoder: () => ({ update: (plain, out) => out(plain), final: () => {} }),
  layout: (_header, fileSize) => {
    const chunkBytes = DEFAULT_CHUNK_BYTES;
    const chunkCount = Math.max(1, Math.ceil(fileSize / chunkBytes));
    return {
      plainSize: fileSize,
      chunkBytes,
      chunkCount,
      maxSealedBytes: Math.min(chunkBytes, fileSize),
      sealedOffset: (i) => i * chunkBytes,
      sealedLength: (i) => Math.min(chunkBytes, fileSize - i * chunkBytes),
      open: (_i, sealed) => sealed,
    };
  },
  isOwn: () => true,
};
