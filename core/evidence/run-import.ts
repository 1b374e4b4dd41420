// Streams the bytes of one upload (or one local file) against an import ticket: the shells call
// this; the checks were made when the ticket was issued (evidence.beginImport).
import { fail, ok, type Result } from '../../shared/api/result.ts';
import type { ImportedEvidence } from '../../shared/evidence/evidence-schema.ts';
import { errorResult } from '../api/error-result.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { CaseStore } from '../cases/case-store.ts';
import type { Clock } from '../clock.ts';
import type { DocumentStore } from '../documents/document-store.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import type { Log } from '../../protocol/runtime/log.ts';
import type { EvidenceStore } from './evidence-store.ts';
import type { ImportTickets } from './import-tickets.ts';

/** What an import uses: the ticket, the evidence store and the stores written in its transaction. */
export interface RunImportDeps {
  clock: Clock;
  log: Log;
  importTickets: Pick<ImportTickets, 'take'>;
  evidence: Pick<EvidenceStore, 'ingest' | 'copiesInOtherCases'>;
  documents: Pick<DocumentStore, 'appendEvidence'>;
  cases: Pick<CaseStore, 'addEvent'>;
  audit: Pick<AuditLog, 'append'>;
}

/**
 * How long an upload may wait for its next bytes. A renderer that stops sending (its window
 * closed or crashed, a read that never returns) would otherwise hold the temp file and the SM3
 * worker until the next start; after this the import is refused and its temp file removed.
 */
export const UPLOAD_IDLE_MS = 60_000;

export interface RunImportOptions {
  /** Tests shorten the idle limit; the shells use UPLOAD_IDLE_MS. */
  idleMs?: number;
}

export async function runImport(
  core: RunImportDeps,
  ticketId: string,
  bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  signal?: AbortSignal,
  opts: RunImportOptions = {},
): Promise<Result<ImportedEvidence>> {
  const t = core.importTickets.take(ticketId);
  if (!t) return fail('not_found', '导入凭据无效或已过期（10分钟内有效，且只能使用一次）。请重新选择文件导入。');
  const started = Date.now();
  try {
    const item = await core.evidence.ingest(withIdleLimit(bytes, opts.idleMs ?? UPLOAD_IDLE_MS), {
      caseId: t.caseId,
      fileName: t.fileName,
      meta: t.meta,
      officerIds: t.officerIds,
      ...(signal ? { signal } : {}),
      // Before anything is stored: a short or long body leaves no blob behind, not even for a moment.
      beforeStore: (read) => {
        if (read.size !== t.sizeBytes)
          throw new CoreError(
            'io',
            `收到的数据不完整（应为${t.sizeBytes}字节，实收${read.size}字节），本件电子数据没有保存。请重新导入。`,
          );
      },
      alsoInTransaction: (it) => {
        // The row's 入库时间 is the item's own import time (the same instant as its time-source note).
        if (t.documentId) core.documents.appendEvidence(t.documentId, it, new Date(it.collectedAt));
        core.cases.addEvent(
          t.caseId,
          'evidence',
          `导入电子数据「${it.fileName}」，SHA-256 ${it.sha256}`,
          t.officerIds,
          it.collectedAt,
        );
        core.audit.append({
          action: 'evidence-import',
          officerIds: t.officerIds,
          caseId: t.caseId,
          targets: [it.id, t.documentId].filter(Boolean),
          detail: `SHA-256 ${it.sha256}`,
        });
      },
    });
    // The same bytes in another case are not refused (each case keeps its own item; the blob is
    // stored once), but the officer is told where the earlier copy is.
    const elsewhere = core.evidence.copiesInOtherCases(item);
    // By its random id and size: never the file name, which may name a person.
    core.log.info('evidence imported', {
      item: item.id,
      bytes: item.sizeBytes,
      ms: Date.now() - started,
      alsoInOtherCases: elsewhere.length,
    });
    if (elsewhere.length === 0) return ok(item);
    const list = elsewhere.map((c) => `案件 ${c.caseNo} 的「${c.fileName}」（${c.importedAt} 导入）`).join('、');
    return ok({
      ...item,
      notice: `相同内容（SHA-256 完全一致）此前已作为${list}导入。本件已作为本案的一件电子数据保存，内容在本机只存储一份。`,
    });
  } catch (e) {
    const r = errorResult(e, 'evidence import', core.log);
    // A refusal the officer is told about (incomplete upload, idle, full disk) is logged by its kind.
    if (r.error.kind !== 'internal')
      core.log.info('evidence import refused', { kind: r.error.kind, ms: Date.now() - started });
    return r;
  }
}

/** The source, refused once no bytes arrived for `idleMs` (only the wait for the sender counts). */
async function* withIdleLimit(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  idleMs: number,
): AsyncGenerator<Uint8Array> {
  // The source is deliberately not closed when the import stops early, so that the shell can
  // still answer with the reason (closing an HTTP request would reset its connection); the
  // upload bridge ends its queue once the import has finished.
  const it: AsyncIterator<Uint8Array> | Iterator<Uint8Array> =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  for (;;) {
    const next = Promise.resolve(it.next());
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new CoreError(
              'io',
              `超过 ${Math.round(idleMs / 1000)} 秒没有收到文件数据，导入已中止，未保存任何内容。请确认文件可以读取后重新导入。`,
            ),
          ),
        idleMs,
      );
    });
    let r: IteratorResult<Uint8Array>;
    try {
      r = await Promise.race([next, idle]);
    } catch (e) {
      next.catch(() => undefined); // a late failure of the abandoned read is not an unhandled rejection
      throw e;
    } finally {
      clearTimeout(timer);
    }
    if (r.done) return;
    yield r.value;
  }
}
