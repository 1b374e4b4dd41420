// Turns a captured page into evidence: the screenshot and the archive are imported like any file
// (one pass, both digests, content-addressed), listed in the 电子取证工作记录, and one procedure
// step says what was opened, when, with which browser.
import type { EvidenceItem } from '../../shared/evidence/evidence-schema.ts';
import { toLocalMinute } from '../../shared/documents/local-time.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { CaseStore } from '../cases/case-store.ts';
import type { DocumentStore } from '../documents/document-store.ts';
import type { CapturedPage } from './cdp-capture.ts';
import type { EvidenceStore } from './evidence-store.ts';

/** The stores a capture writes, all inside the evidence store's transaction for each file. */
export interface RecordCaptureDeps {
  evidence: Pick<EvidenceStore, 'ingest'>;
  documents: Pick<DocumentStore, 'appendEvidence'>;
  cases: Pick<CaseStore, 'addEvent'>;
  audit: Pick<AuditLog, 'append'>;
}

export async function recordCapture(
  core: RecordCaptureDeps,
  target: { caseId: string; documentId: string; officerIds: string[] },
  page: CapturedPage,
): Promise<EvidenceItem[]> {
  const time = toLocalMinute(page.capturedAt);
  const stamp = time.replace(/[-:T]/g, '');
  const host = (() => {
    try {
      return new URL(page.url).host;
    } catch {
      return 'page';
    }
  })();
  const files = [
    {
      fileName: `${host}-${stamp}-整页截图.png`,
      bytes: page.screenshotPng,
      category: '截图' as const,
      method: `内置取证浏览器整页截图（${page.browser}）`,
    },
    {
      fileName: `${host}-${stamp}-网页存档.mhtml`,
      bytes: page.archiveMhtml,
      category: '网页' as const,
      method: `内置取证浏览器保存网页存档（MHTML，${page.browser}）`,
    },
  ];
  const items: EvidenceItem[] = [];
  for (const f of files) {
    const item = await core.evidence.ingest([f.bytes], {
      caseId: target.caseId,
      fileName: f.fileName,
      officerIds: target.officerIds,
      meta: {
        category: f.category,
        source: page.url,
        method: f.method,
        description: `网页「${page.title}」`,
        timeSourceNote: `本机时钟，截取时为 ${time.replace('T', ' ')}（北京时间）`,
      },
      alsoInTransaction: (it) => {
        core.documents.appendEvidence(
          target.documentId,
          it,
          page.capturedAt,
          `在内置取证浏览器（${page.browser}）中打开 ${page.url}（页面标题「${page.title}」），${f.category === '截图' ? '截取整页截图' : '保存网页存档（MHTML）'}「${it.fileName}」，SHA-256：${it.sha256}，SM3：${it.sm3}。`,
        );
        core.cases.addEvent(
          target.caseId,
          'evidence',
          `取证浏览器截取「${page.url}」：${it.fileName}，SHA-256 ${it.sha256}`,
          target.officerIds,
          it.collectedAt,
        );
        core.audit.append({
          action: 'evidence-capture',
          officerIds: target.officerIds,
          caseId: target.caseId,
          targets: [it.id, target.documentId],
          detail: `${it.fileName} SHA-256 ${it.sha256}`,
        });
      },
    });
    items.push(item);
  }
  return items;
}
