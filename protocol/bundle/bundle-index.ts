// The bundle read once into a checked index of its members: the archive parsed by tar-stream (a
// maintained library), every member held to the tar profile (tar-profile.ts), hashed as it passes
// (SHA-256 for every member, SM3 too for evidence) and, unless it is evidence, kept in memory.
// Verification (verify-bundle.ts) and HQ's import (hq/ingest/import-bundle.ts) work from this
// index alone: nothing else lists the tar, so what is verified is what is imported, and what both
// see is what `tar -xf` writes (tests/integration/bundle-tamper.test.ts extracts every tampered
// bundle with GNU tar and compares).
import { createHash, type Hash } from 'node:crypto';
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { extract, type Header } from 'tar-stream';
import { Sm3 } from '../crypto/sm3/sm3.ts';
import { BLOCK, headerProblems, isZeroBlock, nameProblem, padded } from './tar-profile.ts';

/** An entry as tar-stream yields it: its header, where that header starts, its content. */
type Source = AsyncIterable<Buffer> & { header: Header; offset: number };

/**
 * The profile's limits for members other than evidence, which are held in memory: 64 MiB each and
 * 256 MiB together (a real bundle's are a few MiB) — so that no bundle can exhaust a reader's memory.
 */
export const MAX_MEMBER = 64 * 1024 * 1024;
export const MAX_HELD_TOTAL = 256 * 1024 * 1024;

export interface BundleMember {
  name: string;
  size: number;
  sha256: string;
  /** SM3 of the content, for evidence members (null for the others). */
  sm3: string | null;
  /** Where the content starts in the file. */
  offset: number;
  /** The content, for every member but evidence. */
  bytes: Buffer | null;
}

export class BundleIndex {
  readonly path: string;
  readonly members: ReadonlyMap<string, BundleMember>;
  constructor(path: string, members: Map<string, BundleMember>) {
    this.path = path;
    this.members = members;
  }

  has(name: string): boolean {
    return this.members.has(name);
  }

  bytes(name: string): Buffer | null {
    return this.members.get(name)?.bytes ?? null;
  }

  text(name: string): string | null {
    return this.bytes(name)?.toString('utf8') ?? null;
  }

  /**
   * A member's content read again from the file, piece by piece (evidence into HQ's storage). The
   * reader must re-hash what it gets: the file may have changed since the index was made.
   */
  *chunks(name: string): Generator<Uint8Array> {
    const m = this.members.get(name);
    if (!m) throw new Error(`${name}: not in the bundle`);
    const fd = openSync(this.path, 'r');
    try {
      const buf = Buffer.alloc(1 << 20);
      let done = 0;
      while (done < m.size) {
        const n = readSync(fd, buf, 0, Math.min(buf.length, m.size - done), m.offset + done);
        if (n === 0) throw new Error(`${name}: the bundle file ended early`);
        yield buf.subarray(0, n);
        done += n;
      }
    } finally {
      closeSync(fd);
    }
  }
}

export type IndexResult = { ok: true; index: BundleIndex } | { ok: false; problems: string[] };

/** Reads and checks the whole archive. Never throws for a bad file: the problems name the member. */
export async function readBundleIndex(path: string): Promise<IndexResult> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return { ok: false, problems: [`无法打开文件 ${path}`] };
  }
  try {
    return await readWithFd(path, fd);
  } finally {
    closeSync(fd);
  }
}

async function readWithFd(path: string, fd: number): Promise<IndexResult> {
  const fileSize = fstatSync(fd).size;
  const block = (at: number) => {
    const b = Buffer.alloc(BLOCK);
    readSync(fd, b, 0, BLOCK, at);
    return b;
  };
  const allZero = (from: number, to: number) => {
    const buf = Buffer.alloc(1 << 16);
    for (let at = from; at < to; at += buf.length) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, to - at), at);
      if (!isZeroBlock(buf.subarray(0, n))) return false;
    }
    return true;
  };
  const members = new Map<string, BundleMember>();
  const problems: string[] = [];
  let expected = 0; // where the next header must start: members follow one another, nothing between
  let current: string | null = null;
  let held = 0;
  const ex = extract();
  const feeding = (async () => {
    const input = createReadStream(path, { highWaterMark: 1 << 20 });
    try {
      for await (const chunk of input as AsyncIterable<Buffer>) {
        if (ex.destroyed) break;
        if (!ex.write(chunk))
          await new Promise<void>((resolve) => {
            const go = () => {
              ex.off('drain', go);
              ex.off('close', go);
              resolve();
            };
            ex.on('drain', go);
            ex.on('close', go);
          });
      }
      if (!ex.destroyed) ex.end(null);
    } catch (e) {
      ex.destroy(e as Error);
    } finally {
      input.destroy();
    }
  })();
  try {
    for await (const entry of ex as unknown as AsyncIterable<Source>) {
      const h = entry.header;
      const name = h.name;
      current = name;
      const label = `成员「${name}」`;
      if (entry.offset !== expected) {
        // Something the library consumed without showing it: an extension record (PAX, GNU long
        // name) that renames or resizes the member, or the end-of-archive marker — `tar -xf` stops
        // there and never writes what follows.
        if (isZeroBlock(block(expected))) problems.push(`${label}位于归档结束标记（全零块）之后：tar -xf 不会解出它`);
        else if (h.pax)
          problems.push(
            `${label}带有 PAX 扩展头（${Object.entries(h.pax as Record<string, string>)
              .map(([k, v]) => `${k}=${v}`)
              .join('，')}），封存包不允许扩展头`,
          );
        else problems.push(`${label}前有扩展记录（GNU 长文件名或其他），封存包不允许`);
      }
      const raw = block(entry.offset);
      for (const p of headerProblems(raw)) problems.push(`${label}${p}`);
      const bad = nameProblem(name);
      if (bad) problems.push(`${label}的名称${bad}`);
      if (members.has(name)) problems.push(`${label}重复出现`);
      expected = entry.offset + BLOCK + padded(h.size);
      if (entry.offset + BLOCK + padded(h.size) > fileSize)
        problems.push(`${label}声明的大小（${h.size}字节）超出文件结尾：文件被截断或条目被改动`);
      const evidence = name.startsWith('evidence/');
      if (!evidence && h.size > MAX_MEMBER) problems.push(`${label}超过64 MiB（只有电子数据可以更大）`);
      else if (!evidence && (held += h.size) > MAX_HELD_TOTAL)
        problems.push(`${label}使电子数据以外的文件合计超过256 MiB`);
      const m = await consume(entry, name, h.size, !evidence && problems.length === 0);
      if (!members.has(name)) members.set(name, m);
      current = null;
    }
    await feeding;
  } catch (e) {
    await feeding.catch(() => undefined);
    const why = libraryMessage(e);
    if (current) {
      const c: string = current;
      if (!problems.some((p) => p.startsWith(`成员「${c}」声明的大小`)))
        problems.push(`成员「${c}」的内容在文件结尾处中断（文件被截断，或其大小被改动）`);
    } else if (members.size === 0) problems.push(`不是 tar 文件，或已损坏（${why}）`);
    else problems.push(`第${expected}字节处的 tar 头无效（${why}）：文件损坏或被改动`);
    return { ok: false, problems };
  }
  // The end: two zero blocks at least, and nothing but zeros after them.
  if (members.size === 0 && problems.length === 0) problems.push('不是 tar 文件，或其中没有任何文件');
  else if (fileSize - expected < 2 * BLOCK || !allZero(expected, fileSize))
    problems.push(
      fileSize - expected < 2 * BLOCK
        ? '缺少归档结束标记（两个全零块）：文件被截断'
        : `第${expected}字节起应为归档结束标记（全零块），却还有数据`,
    );
  else if (fileSize % BLOCK !== 0) problems.push('文件长度不是512字节的整数倍');
  return problems.length ? { ok: false, problems } : { ok: true, index: new BundleIndex(path, members) };
}

/** tar-stream's errors, said in Chinese. */
function libraryMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  if (m.startsWith('Invalid tar header')) return '头的校验和或格式无效';
  if (m === 'Unexpected end of data') return '文件意外结束';
  return m;
}

/** Reads one member's content as it streams by: hashed, and held unless it is evidence. */
async function consume(entry: Source, name: string, size: number, hold: boolean): Promise<BundleMember> {
  const sha: Hash = createHash('sha256');
  const sm3 = name.startsWith('evidence/') ? new Sm3() : null;
  const parts: Buffer[] = [];
  for await (const c of entry) {
    sha.update(c);
    sm3?.update(c);
    if (hold) parts.push(Buffer.from(c));
  }
  return {
    name,
    size,
    sha256: sha.digest('hex'),
    sm3: sm3?.digestHex() ?? null,
    offset: entry.offset + BLOCK,
    bytes: hold ? Buffer.concat(parts) : null,
  };
}
