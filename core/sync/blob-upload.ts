// Uploading one evidence blob to HQ: its plaintext read through the evidence store (each piece
// decrypted and authenticated), by SHA-256 in chunks, resuming from the offset HQ reports; HQ
// re-hashes before it accepts, and a blob HQ holds is skipped. The next chunk is read while the
// current one is in flight.
import type { SyncStatus } from '../../shared/sync/sync-api.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import { HQ_ROUTES } from '../../protocol/sync/hq-api.ts';
import { API, CHUNK_BYTES } from '../../protocol/sync/protocol.ts';
import { BlobIntegrityError } from '../../protocol/storage/blob-cipher.ts';
import { describeBlobFailure, type EvidenceStore } from '../evidence/evidence-store.ts';
import { SyncFailure, type HqClient } from './hq-client.ts';

export type Progress = SyncStatus['progress'];

/** The run's progress, replaced (never mutated) as bytes go: the 同步 page polls it. */
export interface ProgressHolder {
  progress: Progress;
}

export async function uploadBlob(
  client: HqClient,
  evidence: Pick<EvidenceStore, 'storedSize' | 'readStoredRange'>,
  blob: { sha256: string; fileName: string; size: number },
  p: ProgressHolder,
  startedAt: number,
): Promise<void> {
  const { sha256, fileName, size } = blob;
  const status = await client.call('GET', `${API}/blobs/${sha256}`, undefined, true, HQ_ROUTES.blobStatus.answer);
  if (status.body.stored) {
    p.progress = { ...p.progress, bytesDone: p.progress.bytesDone + size };
    return;
  }
  let offset = status.body.offset;
  p.progress = { ...p.progress, bytesDone: p.progress.bytesDone + offset };
  let stored: number;
  try {
    stored = evidence.storedSize(sha256, fileName);
  } catch (e) {
    throw localFailure(e, fileName);
  }
  if (stored !== size)
    throw new SyncFailure(
      'verification',
      `本机电子数据「${fileName}」（${sha256.slice(0, 16)}…）的大小与封存时不符，未上传。请先在本机核验。`,
    );
  let restarts = 0;
  const read = (at: number) => evidence.readStoredRange(sha256, fileName, at, Math.min(CHUNK_BYTES, size - at));
  // The next chunk is read (and decrypted) while the current one is on its way: the upload streams.
  let ahead: { at: number; piece: Promise<Buffer> } | null = null;
  // Until HQ says stored — not merely until HQ has every byte: when HQ stopped between the last
  // chunk and its placing, it reports the whole size as received, and only a (then empty) last
  // chunk makes it re-hash and place the blob.
  for (;;) {
    let piece: Buffer;
    try {
      piece = await (ahead?.at === offset ? ahead.piece : read(offset));
    } catch (e) {
      throw localFailure(e, fileName);
    }
    const nextAt = offset + piece.length;
    ahead = nextAt < size ? { at: nextAt, piece: read(nextAt) } : null;
    // Awaited (and its failure reported) when its turn comes; HQ may move the offset elsewhere first.
    ahead?.piece.catch(() => {});
    try {
      const r = await client.call<{ stored: boolean; offset: number }>(
        'PUT',
        `${API}/blobs/${sha256}?offset=${offset}&length=${size}`,
        piece,
        true,
        HQ_ROUTES.blobChunk.answer,
      );
      const bytesDone = p.progress.bytesDone + (r.body.offset - offset);
      p.progress = {
        ...p.progress,
        bytesDone,
        bytesPerSecond: Math.round(bytesDone / Math.max(0.001, (Date.now() - startedAt) / 1000)),
      };
      offset = r.body.offset;
      if (r.body.stored) break;
    } catch (e) {
      // HQ already has more (or less) than we thought: continue from where HQ is.
      if (e instanceof SyncFailure && e.body?.error === 'offset' && typeof e.body.offset === 'number') {
        p.progress = { ...p.progress, bytesDone: p.progress.bytesDone + (e.body.offset - offset) };
        offset = e.body.offset;
        continue;
      }
      // HQ's re-hash did not match (bytes damaged on the way): start this blob again, a few times.
      if (e instanceof SyncFailure && e.body?.error === 'digest' && restarts++ < 2) {
        p.progress = { ...p.progress, bytesDone: p.progress.bytesDone - offset };
        offset = 0;
        continue;
      }
      throw e;
    }
  }
}

/**
 * A stored blob that fails its check (a damaged chunk, a missing file) stops the sync, naming the
 * item and the chunk. HQ places a blob only once the whole of it re-hashes to its SHA-256.
 */
function localFailure(e: unknown, fileName: string): unknown {
  if (e instanceof CoreError && e.cause instanceof BlobIntegrityError)
    return new SyncFailure(
      'verification',
      `本机电子数据${describeBlobFailure(fileName, e.cause)}未上传。请先在本机核验。`,
    );
  return e;
}
