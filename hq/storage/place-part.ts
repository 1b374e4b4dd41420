// The heavy half of finishing an upload, run on HQ's worker pool (hq/ingest/hq-thread.ts): the part
// file's plaintext read back (AES-256-CTR, upload-part.ts), re-hashed (SHA-256 and SM3) and written
// into the authenticated chunk format (protocol/storage/blob-cipher.ts) in a temp file, fsynced.
// ~5 s of CPU per GiB (profiled, docs/SYNC.md「Two uploads at a time」) that used to hold HQ's
// event loop: no other request — another device's chunk, a batch commit, a staff page — was served
// while a blob was placed. The caller (FsBlobStorage) checks the digest and renames the temp file
// into place on its own thread, so what is stored, and when, is decided where it always was.
// The blob key reaches the worker in a message inside HQ's own process (a thread of it).
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { AesGcmBlobCipher } from '../../protocol/storage/blob-cipher.ts';
import type { StoredBlob } from './blob-storage.ts';
import { UploadParts } from './upload-part.ts';

/** Encrypts `plain` into `tmp` (created 0600), hashing it on the way; the digests of what was written. */
export async function encryptInto(
  cipher: AesGcmBlobCipher,
  plain: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  tmp: string,
): Promise<StoredBlob> {
  const fd = openSync(tmp, 'w', 0o600);
  const h256 = createHash('sha256');
  const hsm3 = createHash('sm3');
  let size = 0;
  const out = (b: Uint8Array) => {
    let w = 0;
    while (w < b.length) w += writeSync(fd, b, w, b.length - w);
  };
  try {
    const enc = cipher.encoder();
    for await (const c of plain) {
      h256.update(c);
      hsm3.update(c);
      enc.update(c, out);
      size += c.length;
    }
    enc.final(out);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { sha256: h256.digest('hex'), sm3: hsm3.digest('hex'), size };
}

/** A finished upload's part file encrypted into `tmp` (what a pool worker runs). `key`: HQ's blob key. */
export function encryptPart(key: Uint8Array, part: string, tmp: string): Promise<StoredBlob> {
  const k = Buffer.from(key);
  return encryptInto(new AesGcmBlobCipher(k), new UploadParts(k).read(part), tmp);
}
