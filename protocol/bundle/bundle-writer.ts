// Writing a bundle's tar with tar-stream (a maintained library), inside the profile the readers
// hold it to (tar-profile.ts): regular files only, names checked before they are written, no
// extension records. Entries stream through in pieces, so evidence of any size passes without
// being held in memory; the caller's descriptor is a temp file renamed into place when complete.
import { writeSync } from 'node:fs';
import { pack, type Pack } from 'tar-stream';
import { nameProblem } from './tar-profile.ts';

export class BundleWriter {
  private readonly tar: Pack;
  private readonly mtime: Date;
  private readonly drained: Promise<void>;
  private readonly names = new Set<string>();

  constructor(fd: number, mtime: Date) {
    this.mtime = new Date(Math.floor(mtime.getTime() / 1000) * 1000);
    this.tar = pack();
    const tar = this.tar;
    // A failed entry destroys the pack with its error, which the entry's caller has already got.
    tar.on('error', () => undefined);
    this.drained = (async () => {
      for await (const c of tar as AsyncIterable<Uint8Array>) {
        let at = 0;
        while (at < c.length) at += writeSync(fd, c, at, c.length - at);
      }
    })();
    this.drained.catch(() => undefined); // awaited in end(); a failed entry has already thrown
  }

  private header(name: string, size: number) {
    const bad = nameProblem(name);
    if (bad) throw new Error(`bundle member name ${name} ${bad}`);
    if (this.names.has(name)) throw new Error(`bundle member ${name} written twice`);
    this.names.add(name);
    return { name, size, mtime: this.mtime, mode: 0o644, uid: 0, gid: 0, type: 'file' as const };
  }

  async add(name: string, bytes: Uint8Array): Promise<void> {
    const h = this.header(name, bytes.length);
    await new Promise<void>((resolve, reject) =>
      this.tar.entry(h, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), (e) => (e ? reject(e) : resolve())),
    );
  }

  /** Streams an entry of `size` bytes into the archive piece by piece (e.g. evidence as it is decrypted). */
  async addChunks(name: string, size: number, chunks: AsyncIterable<Uint8Array>): Promise<void> {
    const h = this.header(name, size);
    let failure: Error | null = null;
    const done = new Promise<void>((resolve, reject) => {
      const sink = this.tar.entry(h, (e) => (e ? reject(e) : resolve()));
      sink.on('error', () => undefined);
      void (async () => {
        let written = 0;
        try {
          for await (const c of chunks) {
            if (written + c.length > size) throw new Error(`${name}: more than the ${size} bytes announced`);
            written += c.length;
            // A copy: the producer may reuse its buffer before the pack has passed this one on.
            if (!sink.write(Buffer.from(c))) await new Promise<void>((r) => sink.once('drain', () => r()));
          }
          if (written !== size) throw new Error(`${name}: ${written} of the ${size} bytes announced`);
          sink.end(null);
        } catch (e) {
          failure = e as Error;
          sink.destroy(failure);
          reject(failure);
        }
      })();
    });
    await done;
    if (failure) throw failure;
  }

  /** The end-of-archive marker; resolves when every byte is written to the descriptor. */
  async end(): Promise<void> {
    this.tar.finalize();
    await this.drained;
  }
}
