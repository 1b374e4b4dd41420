// Nothing half-written: a file is written to a temp name beside its target, fsynced, renamed over
// the target, and the folder fsynced, so after a crash the target is either the old file or the new.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const t = openTemp(path);
  try {
    let at = 0;
    while (at < bytes.length) at += writeSync(t.fd, bytes, at, bytes.length - at);
  } catch (e) {
    t.abandon();
    throw e;
  }
  t.commit();
}

/**
 * The streaming form: `write` fills the temp file through its descriptor (e.g. a tar written entry
 * by entry, evidence read from disk on the way). If it fails, the temp file is removed and the
 * target is untouched.
 */
export async function writeFileAtomicStreaming<T>(path: string, write: (fd: number) => Promise<T>): Promise<T> {
  const t = openTemp(path);
  let value: T;
  try {
    value = await write(t.fd);
  } catch (e) {
    t.abandon();
    throw e;
  }
  t.commit();
  return value;
}

function openTemp(path: string): { fd: number; abandon(): void; commit(): void } {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w', 0o600);
  const abandon = () => {
    closeSync(fd);
    rmSync(tmp, { force: true });
  };
  return {
    fd,
    abandon,
    commit: () => {
      try {
        fsyncSync(fd);
      } catch (e) {
        abandon();
        throw e;
      }
      closeSync(fd);
      renameSync(tmp, path);
      fsyncDir(dirname(path));
    },
  };
}

/** Makes a rename (or a new file) in `dir` durable: the folder's entry survives a power cut. */
export function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
