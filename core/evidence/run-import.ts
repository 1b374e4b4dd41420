// Streams the bytes of one upload (or one local file) against an import ticket: the shells call
// this; the checks were made when the ticket was issued (evidence.beginImport).
import { fail, ok, type Result } from '../../shared/api/result.ts';
import type { EvidenceItem } from '../../shared/evidence/evidence-schema.ts';
import { errorResult } from '../api/error-result.ts';
import type { AppCore } from '../app-core.ts';
import { CoreError } from '../core-error.ts';

export async function runImport(core: AppCore, ticketId: string, bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, signal?: AbortSignal): Promise<Result<EvidenceItem>> {
  const t = core.importTickets.take(ticketId);
  if (!t) return fail('not_found', '导入凭据无效或已过期（10分钟内有效，且只能使用一次）。请重新选择文件导入。');
  try {
    const item = await core.evidence.ingest(bytes, {
      caseId: t.caseId,
      fileName: t.fileName,
      meta: t.meta,
      officerIds: t.officerIds,
      ...(signal ? { signal } : {}),
      alsoInTransaction: (it) => {
        if (it.sizeBytes !== t.sizeBytes) throw new CoreError('io', `收到的数据不完整（应为${t.sizeBytes}字节，实收${it.sizeBytes}字节），本件电子数据没有保存。请重新导入。`);
        if (t.documentId) core.documents.appendEvidence(t.documentId, it, core.clock.now());
        core.cases.addEvent(t.caseId, 'evidence', `导入电子数据「${it.fileName}」，SHA-256 ${it.sha256}`, t.officerIds, it.collectedAt);
        core.audit.append({ action: 'evidence-import', officerIds: t.officerIds, caseId: t.caseId, targets: [it.id, t.documentId].filter(Boolean), detail: `SHA-256 ${it.sha256}` });
      },
    });
    return ok(item);
  } catch (e) {
    return errorResult(e, 'evidence import', core.log);
  }
}
