// The upload half of the transport that needs no browser-only API (so the desktop path is tested
// on Node against the real upload bridge and core, with Node's file-backed Blob, which fails like
// Chromium's when the file changes under it): the types, the messages, the desktop uploader.
import type { Result } from '../../shared/api/result.ts';
import type { ImportedEvidence } from '../../shared/evidence/evidence-schema.ts';

/** Streams a file's bytes against an import ticket; reports bytes sent; abortable. */
export type Uploader = (
  ticket: string,
  file: Blob,
  onProgress: (sent: number) => void,
  signal: AbortSignal,
) => Promise<Result<ImportedEvidence>>;

/** What the Electron preload exposes for uploads (electron/upload-bridge.ts on the other side). */
export interface PreloadUpload {
  chunk(ticket: string, bytes: Uint8Array): Promise<Result<unknown>>;
  end(ticket: string): Promise<Result<unknown>>;
  abort(ticket: string): Promise<Result<unknown>>;
}

export const CANCELLED: Result<never> = { ok: false, error: { kind: 'io', message: '导入已取消，未保存任何内容。' } };
/** The file could not be read here (changed, moved, deleted or locked after it was chosen). */
export const READ_FAILED: Result<never> = {
  ok: false,
  error: {
    kind: 'io',
    message:
      '读取文件失败：文件在导入过程中被修改、移动或删除，本件电子数据没有保存。请确认文件未被占用、不再变化后重新导入。',
  },
};

/**
 * Whether the chosen file can no longer be read. A File is a snapshot: once the file on disk
 * changes (size or modification time), is moved or deleted, every read of it fails
 * (NotReadableError / NotFoundError), so reading its first and last byte tells.
 */
export async function fileUnreadable(file: Blob): Promise<boolean> {
  if (file.size === 0) return false;
  try {
    await file.slice(0, 1).arrayBuffer();
    await file.slice(file.size - 1).arrayBuffer();
    return false;
  } catch {
    return true;
  }
}

/** Desktop: the File's bytes in 1 MiB chunks over IPC, each acknowledged once the import took it. */
export function ipcUploader(up: PreloadUpload): Uploader {
  const CHUNK = 1 << 20;
  return async (ticket, file, onProgress, signal) => {
    for (let off = 0; off < file.size; off += CHUNK) {
      if (signal.aborted) {
        await up.abort(ticket);
        return CANCELLED;
      }
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.slice(off, off + CHUNK).arrayBuffer());
      } catch {
        // The core discards what it received at once (temp file and all); nothing is stored.
        await up.abort(ticket);
        return READ_FAILED;
      }
      const r = await up.chunk(ticket, bytes);
      if (!r.ok) return r;
      onProgress(Math.min(file.size, off + CHUNK));
    }
    return (await up.end(ticket)) as Result<ImportedEvidence>;
  };
}
