// Evidence entry: the bytes are read once; SHA-256 and SM3 are computed from that one pass while
// the bytes are encrypted into a temp file (protocol/storage/blob-cipher.ts: no plaintext on disk);
// the temp file is fsynced and renamed into the content-addressed store; only then is the row
// written, in one transaction. A crash at any point leaves the whole item or nothing (stray temp
// files and unreferenced blobs are removed at start). Everything that reads evidence back reads
// it through this store, chunk by authenticated chunk, and a failure names the item.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import {
  EvidenceMetaSchema,
  type EvidenceItem,
  type EvidenceMeta,
  type EvidenceMetaInput,
  type VerifyReport,
} from '../../shared/evidence/evidence-schema.ts';
import { toLocalMinute } from '../../shared/documents/local-time.ts';
import { isoNow, type Clock } from '../clock.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import type { Log } from '../../protocol/runtime/log.ts';
import { AesGcmBlobCipher, BlobIntegrityError, type BlobCipher } from '../../protocol/storage/blob-cipher.ts';
import { BlobStore, type TempBlob } from './blob-store.ts';
import { digestChunks, DualDigest, readChunks, type Digests } from '../../protocol/crypto/dual-digest.ts';
// Read by the import, the tests and the benchmarks from here, as before the move to protocol/.
export { digestFile, readChunks } from '../../protocol/crypto/dual-digest.ts';

interface EvidenceRow {
  id: string;
  case_id: string;
  sha256: string;
  sm3: string;
  size_bytes: number;
  file_name: string;
  category: string;
  format: string;
  meta_json: string;
  collected_at: string;
  created_at: string;
  verified_at: string | null;
  verify_status: 'ok' | 'mismatch' | 'missing' | null;
}

export interface IngestOptions {
  caseId: string;
  fileName: string;
  /** As given at the boundary: defaults are filled in here. */
  meta: EvidenceMetaInput;
  officerIds: string[];
  onProgress?: (bytes: number) => void;
  signal?: AbortSignal;
  /**
   * Runs once every byte is read and hashed, before anything is stored (no blob, no row): throw to
   * refuse the import (a file that changed while it was read, a body shorter than announced).
   */
  beforeStore?: (read: Digests & { size: number }) => void;
  /** Runs inside the transaction that records the item (e.g. adding it to a 电子取证工作记录). */
  alsoInTransaction?: (item: EvidenceItem) => void;
}

const formatOf = (name: string) => extname(name).replace('.', '').toUpperCase() || '未知';

function diskError(e: unknown): CoreError | null {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') return new CoreError('io', '磁盘空间已满，本件电子数据没有保存。请清理磁盘空间后重新导入。');
  if (code === 'EACCES' || code === 'EPERM')
    return new CoreError('io', '没有权限读取或写入文件，本件电子数据没有保存。请检查文件权限后重试。');
  if (code === 'EIO') return new CoreError('io', '读写文件时发生硬件错误（存储介质可能损坏），本件电子数据没有保存。');
  return null;
}

/**
 * What went wrong with a stored item, in Chinese, naming it and (for a damaged chunk) the chunk
 * and its bytes: 「现场照片1.jpg」第 3 段（字节 2097152–3145727）校验失败：内容被篡改或存储介质损坏。
 */
export function describeBlobFailure(fileName: string, e: BlobIntegrityError): string {
  const name = `「${fileName}」`;
  switch (e.reason) {
    case 'missing':
      return `${name}的内容文件在本机存储中找不到。`;
    case 'header':
      return `${name}的存储文件头已损坏，无法读取：内容被篡改或存储介质损坏。`;
    case 'wrong-key':
      return `${name}的存储内容不是用本机密钥加密的，无法解密（数据文件夹与本机密钥不符）。`;
    case 'truncated':
      return `${name}的存储文件不完整${e.chunk === null ? '' : `：第 ${e.chunk + 1} 段起${e.at ? `（字节 ${e.at.offset} 起）` : ''}的内容缺失`}，内容被篡改或存储介质损坏。`;
    case 'tampered': {
      const bytes = e.at && e.at.length > 0 ? `（字节 ${e.at.offset}–${e.at.offset + e.at.length - 1}）` : '';
      return `${name}第 ${(e.chunk ?? 0) + 1} 段${bytes}校验失败：内容被篡改或存储介质损坏。`;
    }
  }
}

/** Bytes released after HQ's receipt (core/sync/released-blobs.ts) are HQ's to keep: nothing to re-hash here. */
const NOT_RELEASED = 'e.sha256 NOT IN (SELECT sha256 FROM released_blobs)';

export interface EvidenceStoreDeps {
  db: Database;
  clock: Clock;
  log: Log;
  dataDir: string;
  /** The device master key (32 bytes): evidence is encrypted at rest under keys derived from it. */
  masterKey: Buffer;
  /**
   * The SHA-256 of every evidence file a seal names (core/seals/seal-store.ts): never an orphan
   * at clean-up, even if its evidence row were gone.
   */
  sealedEvidence: () => Iterable<string>;
  /**
   * Where a record lists an item (core/documents/document-store.ts), named when the same bytes
   * are imported into the case again; without it the refusal names no record.
   */
  listedIn?: (evidenceId: string) => { docNo: string; label: string } | null;
  /** BENCHMARKS ONLY (measuring what encryption costs): replaces the cipher. The app never sets it. */
  blobCipherForBenchmarks?: BlobCipher;
}

export class EvidenceStore {
  readonly blobs: BlobStore;
  private readonly db: Database;
  private readonly clock: Clock;
  private readonly log: Log;
  private readonly sealedEvidence: () => Iterable<string>;
  private readonly listedIn: (evidenceId: string) => { docNo: string; label: string } | null;
  constructor(deps: EvidenceStoreDeps) {
    this.db = deps.db;
    this.clock = deps.clock;
    this.log = deps.log;
    this.sealedEvidence = deps.sealedEvidence;
    this.listedIn = deps.listedIn ?? (() => null);
    this.blobs = new BlobStore(deps.dataDir, deps.blobCipherForBenchmarks ?? new AesGcmBlobCipher(deps.masterKey));
  }

  /**
   * At start: remove what a crash may have left — temp files and blobs no row references. A blob
   * written under another master key is never removed (it is counted and logged as `foreign`):
   * with a wrong key no name matches a row, and clean-up must not then delete the evidence.
   */
  cleanUpAfterCrash(): { temp: number; orphans: number; foreign: number } {
    const temp = this.blobs.clearTemp();
    const referenced = new Set(
      (this.db.prepare('SELECT DISTINCT sha256 FROM evidence').all() as { sha256: string }[]).map((r) =>
        this.blobs.nameOf(r.sha256),
      ),
    );
    let orphans = 0;
    let foreign = 0;
    // A blob a seal names is never an orphan, even if its evidence row were gone (a damaged or
    // hand-edited database): seals are immutable and name their evidence by SHA-256. Read only
    // when there is a candidate, since it parses every seal. Only 释放空间 removes such a blob.
    let sealed: Set<string> | null = null;
    const sealedNames = () => (sealed ??= new Set([...this.sealedEvidence()].map((sha) => this.blobs.nameOf(sha))));
    for (const name of this.blobs.list()) {
      if (referenced.has(name) || sealedNames().has(name)) continue;
      let own = false;
      try {
        own = this.blobs.isOwn(name);
      } catch {
        // unreadable: kept, like a foreign one
      }
      if (!own) {
        foreign++;
        continue;
      }
      this.blobs.removeName(name);
      orphans++;
    }
    if (temp + orphans > 0)
      this.log.info(
        `evidence: removed ${temp} temp file(s) and ${orphans} unreferenced blob(s) left by an interrupted import`,
      );
    if (foreign > 0)
      this.log.error(
        `evidence: ${foreign} blob file(s) were not written under this device's master key; kept, not removed (is the master key the right one for this data folder?)`,
      );
    return { temp, orphans, foreign };
  }

  /** Imports the bytes of `source` (read once) as one evidence item of the case. */
  async ingest(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, o: IngestOptions): Promise<EvidenceItem> {
    const meta = EvidenceMetaSchema.parse(o.meta);
    const digest = new DualDigest();
    let temp: TempBlob;
    try {
      temp = this.blobs.createTemp();
    } catch (e) {
      await digest.close();
      throw diskError(e) ?? e;
    }
    let size = 0;
    let digests: Digests;
    try {
      for await (const chunk of source) {
        if (o.signal?.aborted) throw new CoreError('io', '导入已取消，未保存任何内容。');
        // SM3 runs on its worker while this thread encrypts the same bytes.
        await digest.update(chunk);
        temp.write(chunk);
        size += chunk.length;
        o.onProgress?.(size);
      }
      temp.finish();
      digests = await digest.digest();
    } catch (e) {
      temp.discard();
      throw diskError(e) ?? e;
    } finally {
      await digest.close();
    }
    try {
      o.beforeStore?.({ ...digests, size });
    } catch (e) {
      temp.discard();
      throw e;
    }
    const earlier = this.db
      .prepare(
        'SELECT id, file_name, created_at FROM evidence WHERE case_id = ? AND sha256 = ? ORDER BY created_at LIMIT 1',
      )
      .get(o.caseId, digests.sha256) as { id: string; file_name: string; created_at: string } | undefined;
    if (earlier) {
      temp.discard();
      const doc = this.listedIn(earlier.id);
      const where = doc ? `，列于${doc.label}` : '';
      throw new CoreError(
        'conflict',
        `本案已导入过完全相同的内容：「${earlier.file_name}」（${minute(earlier.created_at)} 导入${where}，SHA-256 ${digests.sha256.slice(0, 16)}…）。无需重复导入；如需引用，请使用该件。`,
      );
    }
    try {
      this.blobs.commit(temp.path, digests.sha256, size);
    } catch (e) {
      temp.discard();
      throw diskError(e) ?? e;
    }
    const id = randomUUID();
    const now = isoNow(this.clock);
    try {
      this.db.transaction(() => {
        this.db
          .prepare(
            `INSERT INTO evidence (id, case_id, sha256, sm3, size_bytes, file_name, category, format, meta_json, collected_at, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            id,
            o.caseId,
            digests.sha256,
            digests.sm3,
            size,
            o.fileName,
            meta.category,
            formatOf(o.fileName),
            JSON.stringify({
              ...meta,
              // Read off the clock at the import itself (not when a form opened), in the minute
              // the 清单 row records as its 入库时间.
              timeSourceNote:
                meta.timeSourceNote ||
                `本机时钟，导入时为 ${toLocalMinute(new Date(now)).replace('T', ' ')}（北京时间）`,
              collectedBy: o.officerIds,
            }),
            now,
            now,
          );
        o.alsoInTransaction?.(this.get(id));
      })();
    } catch (e) {
      // Refused after the blob went into place: take it back unless another item holds the same bytes.
      if (!this.db.prepare('SELECT 1 FROM evidence WHERE sha256 = ?').get(digests.sha256))
        this.blobs.remove(digests.sha256);
      throw diskError(e) ?? e;
    }
    return this.get(id);
  }

  /** Imports a file by path; refuses it if it changed while being read (size or modification time). */
  async importPath(path: string, o: Omit<IngestOptions, 'fileName'> & { fileName?: string }): Promise<EvidenceItem> {
    let before;
    try {
      before = statSync(path);
    } catch (e) {
      throw (
        diskError(e) ??
        new CoreError('validation', `找不到或无法读取文件「${basename(path)}」。请确认文件存在且未被占用。`)
      );
    }
    if (!before.isFile()) throw new CoreError('validation', `「${basename(path)}」不是文件，无法导入。`);
    const changed = () =>
      new CoreError(
        'conflict',
        `文件「${basename(path)}」在读取过程中被修改（大小或修改时间发生变化），已放弃本次导入，未保存任何内容。请在文件不再变化后重新导入。`,
      );
    return this.ingest(readChunks(path), {
      ...o,
      fileName: o.fileName ?? basename(path),
      // Checked before anything is stored: a changed file leaves no blob, no row, no step.
      beforeStore: (read) => {
        let after;
        try {
          after = statSync(path);
        } catch {
          throw changed(); // moved or deleted while it was read
        }
        if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || read.size !== before.size)
          throw changed();
        o.beforeStore?.(read);
      },
    });
  }

  /**
   * Other cases' items holding the same bytes as this one (the blob is stored once), oldest first:
   * the import tells the officer where the earlier copy is.
   */
  copiesInOtherCases(item: EvidenceItem): { caseNo: string; fileName: string; importedAt: string }[] {
    return (
      this.db
        .prepare(
          'SELECT c.case_no, e.file_name, e.created_at FROM evidence e JOIN cases c ON c.id = e.case_id WHERE e.sha256 = ? AND e.case_id <> ? ORDER BY e.created_at, e.id',
        )
        .all(item.sha256, item.caseId) as { case_no: string; file_name: string; created_at: string }[]
    ).map((r) => ({ caseNo: r.case_no, fileName: r.file_name, importedAt: minute(r.created_at) }));
  }

  list(caseId: string): EvidenceItem[] {
    return (
      this.db.prepare('SELECT * FROM evidence WHERE case_id = ? ORDER BY created_at, id').all(caseId) as EvidenceRow[]
    ).map(toItem);
  }

  /** An item's stored digests, size, name and category exactly as recorded (what seals and checks compare), or undefined. */
  record(
    id: string,
  ):
    | { id: string; caseId: string; fileName: string; category: string; sizeBytes: number; sha256: string; sm3: string }
    | undefined {
    const e = this.db
      .prepare(`SELECT id, case_id, file_name, category, size_bytes, sha256, sm3 FROM evidence WHERE id = ?`)
      .get(id) as
      | {
          id: string;
          case_id: string;
          file_name: string;
          category: string;
          size_bytes: number;
          sha256: string;
          sm3: string;
        }
      | undefined;
    return (
      e && {
        id: e.id,
        caseId: e.case_id,
        fileName: e.file_name,
        category: e.category,
        sizeBytes: e.size_bytes,
        sha256: e.sha256,
        sm3: e.sm3,
      }
    );
  }

  /**
   * Items still on this device not (or not successfully) re-verified, failures first, newest
   * first within each (the 工作台); released items are HQ's to keep.
   */
  needingAttention(): {
    id: string;
    case_id: string;
    case_no: string;
    file_name: string;
    verify_status: 'mismatch' | 'missing' | null;
    verified_at: string | null;
    collected_at: string;
  }[] {
    return this.db
      .prepare(
        `SELECT e.id, e.case_id, c.case_no, e.file_name, e.verify_status, e.verified_at, e.collected_at FROM evidence e JOIN cases c ON c.id = e.case_id
       WHERE (e.verify_status IS NULL OR e.verify_status <> 'ok') AND e.sha256 NOT IN (SELECT sha256 FROM released_blobs)
       ORDER BY CASE WHEN e.verify_status IS NULL THEN 1 ELSE 0 END, e.created_at DESC`,
      )
      .all() as ReturnType<EvidenceStore['needingAttention']>;
  }

  get(id: string): EvidenceItem {
    const r = this.db.prepare('SELECT * FROM evidence WHERE id = ?').get(id) as EvidenceRow | undefined;
    if (!r) throw new CoreError('not_found', '找不到该电子数据。');
    return toItem(r);
  }

  /**
   * Re-hashes every item (of a case, imported since a time, or with neither the whole store) from
   * the store and reports each failure by name and case. `shouldStop` ends a background run early
   * (the app is closing).
   */
  async reverify(opts: { caseId?: string; since?: string; shouldStop?: () => boolean } = {}): Promise<VerifyReport> {
    const rows = (
      opts.caseId
        ? this.db
            .prepare(
              `SELECT e.*, c.case_no FROM evidence e JOIN cases c ON c.id = e.case_id WHERE e.case_id = ? AND ${NOT_RELEASED} ORDER BY e.created_at, e.id`,
            )
            .all(opts.caseId)
        : this.db
            .prepare(
              `SELECT e.*, c.case_no FROM evidence e JOIN cases c ON c.id = e.case_id WHERE e.created_at >= ? AND ${NOT_RELEASED} ORDER BY c.case_no, e.created_at, e.id`,
            )
            .all(opts.since ?? '')
    ) as (EvidenceRow & { case_no: string })[];
    const failures: VerifyReport['failures'] = [];
    // What was actually re-hashed: released items and a run stopped early are not counted.
    let checked = 0;
    const mark = this.db.prepare('UPDATE evidence SET verified_at = ?, verify_status = ? WHERE id = ?');
    for (const r of rows) {
      if (opts.shouldStop?.()) break;
      let status: 'ok' | 'mismatch' | 'missing' = 'ok';
      let detail = '';
      try {
        const d = await this.digestStored(r.sha256);
        if (d.sha256 !== r.sha256 || d.sm3 !== r.sm3 || d.size !== r.size_bytes) {
          status = 'mismatch';
          detail = `「${r.file_name}」存储内容的校验值与导入时不一致（导入时 SHA-256 ${r.sha256}，现为 ${d.sha256}）。该件电子数据可能已被篡改或存储介质损坏。`;
        }
      } catch (e) {
        if (e instanceof BlobIntegrityError) {
          status = e.reason === 'missing' ? 'missing' : 'mismatch';
          detail = describeBlobFailure(r.file_name, e);
        } else {
          status = 'missing';
          detail = `无法读取「${r.file_name}」的内容文件（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）。`;
        }
      }
      if (opts.shouldStop?.()) break;
      mark.run(isoNow(this.clock), status, r.id);
      checked++;
      if (status !== 'ok')
        failures.push({ id: r.id, fileName: r.file_name, caseId: r.case_id, caseNo: r.case_no, status, detail });
    }
    return { checked, failures };
  }

  /** Both digests and the size of a stored blob's plaintext, every chunk authenticated; throws BlobIntegrityError. */
  async digestStored(sha256: string): Promise<Digests & { size: number }> {
    return digestChunks(this.blobs.read(sha256));
  }

  /** The plaintext size of a stored item (from its file; nothing decrypted). A failure is a CoreError naming the item. */
  storedSize(sha256: string, fileName: string): number {
    try {
      return this.blobs.plainSize(sha256);
    } catch (e) {
      throw named(e, fileName);
    }
  }

  /** The plaintext of a stored item, chunk by authenticated chunk. A failure is a CoreError ('integrity') naming the item and the chunk. */
  async *readStored(sha256: string, fileName: string): AsyncGenerator<Uint8Array> {
    try {
      yield* this.blobs.read(sha256);
    } catch (e) {
      throw named(e, fileName);
    }
  }

  /** Plaintext bytes [offset, offset + length) of a stored item. A failure is a CoreError ('integrity') naming the item and the chunk. */
  async readStoredRange(sha256: string, fileName: string, offset: number, length: number): Promise<Buffer> {
    try {
      return await this.blobs.readRange(sha256, offset, length);
    } catch (e) {
      throw named(e, fileName);
    }
  }
}

/** A stored (UTC) time as officers read it off the clock, Beijing time: 「YYYY-MM-DD HH:MM」. */
const minute = (iso: string) => toLocalMinute(new Date(iso)).replace('T', ' ');

/** A blob failure as the CoreError the user sees (naming the item; the BlobIntegrityError is its cause). */
function named(e: unknown, fileName: string): unknown {
  if (!(e instanceof BlobIntegrityError)) return e;
  const err = new CoreError('integrity', `电子数据${describeBlobFailure(fileName, e)}请先在本机核验。`);
  err.cause = e;
  return err;
}

function toItem(r: EvidenceRow): EvidenceItem {
  const meta = JSON.parse(r.meta_json) as EvidenceMeta & { collectedBy?: string[] };
  const { collectedBy = [], ...rest } = meta;
  return {
    id: r.id,
    caseId: r.case_id,
    fileName: r.file_name,
    format: r.format,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    sm3: r.sm3,
    collectedAt: r.collected_at,
    collectedBy,
    meta: EvidenceMetaSchema.parse(rest),
    verifiedAt: r.verified_at,
    verifyStatus: r.verify_status,
  };
}
