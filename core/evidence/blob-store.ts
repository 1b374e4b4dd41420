// The content-addressed store: evidence bytes under evidence/blobs/ab/abcdef…, named by their
// SHA-256, each written to a temp file, fsynced, renamed into place, and the folder fsynced —
// so a blob is either whole under its name or absent.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export class BlobStore {
  readonly root: string;
  readonly tmpDir: string;
  constructor(dataDir: string) {
    this.root = join(dataDir, 'evidence', 'blobs');
    this.tmpDir = join(dataDir, 'evidence', 'tmp');
    mkdirSync(this.root, { recursive: true, mode: 0o700 });
    mkdirSync(this.tmpDir, { recursive: true, mode: 0o700 });
  }

  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  /** Moves a complete, fsynced temp file into place under its digest; keeps the existing blob if there is one. */
  commit(tempPath: string, sha256: string, size: number): void {
    const final = this.pathOf(sha256);
    if (existsSync(final)) {
      rmSync(tempPath, { force: true });
      if (statSync(final).size !== size) throw new Error(`stored blob ${sha256} has the wrong size`);
      return;
    }
    const dir = join(this.root, sha256.slice(0, 2));
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    renameSync(tempPath, final);
    fsyncDir(dir);
  }

  remove(sha256: string): void {
    rmSync(this.pathOf(sha256), { force: true });
  }

  /** Every blob digest present on disk. */
  list(): string[] {
    if (!existsSync(this.root)) return [];
    return readdirSync(this.root).flatMap((d) => (/^[0-9a-f]{2}$/.test(d) ? readdirSync(join(this.root, d)).filter((f) => /^[0-9a-f]{64}$/.test(f)) : []));
  }

  /** Left over by a crash mid-import: never visible, removed at start. */
  clearTemp(): number {
    const leftovers = readdirSync(this.tmpDir);
    for (const f of leftovers) rmSync(join(this.tmpDir, f), { force: true });
    return leftovers.length;
  }
}

export function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
