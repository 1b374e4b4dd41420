// What the API says about sync to HQ (docs/SYNC.md).
import { z } from 'zod';

export const SyncStatusSchema = z.object({
  enrolled: z.boolean(),
  hq: z
    .object({
      url: z.string(),
      name: z.string(),
      hqId: z.string(),
      enrolledAt: z.string(),
      casePrefix: z.string(),
      tlsPinned: z.boolean(),
    })
    .nullable(),
  deviceId: z.string(),
  /** Every sealed document without HQ's receipt. */
  outbox: z.object({
    documents: z.number().int(),
    evidenceBytes: z.number().int(),
    items: z.array(
      z.object({
        seq: z.number().int(),
        documentId: z.string(),
        docNo: z.string(),
        caseNo: z.string(),
        sealedAt: z.string(),
      }),
    ),
  }),
  receipted: z.number().int(),
  lastReceiptAt: z.string().nullable(),
  hqTimeSeen: z.string().nullable(),
  running: z.boolean(),
  progress: z.object({
    phase: z.enum(['idle', 'connecting', 'uploading', 'committing', 'done', 'failed']),
    docsDone: z.number().int(),
    docsTotal: z.number().int(),
    bytesDone: z.number().int(),
    bytesTotal: z.number().int(),
    bytesPerSecond: z.number().int(),
    current: z.string().nullable(),
  }),
  last: z.object({ at: z.string(), ok: z.boolean(), kind: z.string().nullable(), message: z.string() }).nullable(),
  /** Evidence bytes that may be released from the laptop (every seal receipted), and those already released. */
  space: z.object({
    releasableFiles: z.number().int(),
    releasableBytes: z.number().int(),
    releasedFiles: z.number().int(),
    releasedBytes: z.number().int(),
  }),
  reference: z.array(z.object({ kind: z.string(), version: z.number().int(), issuedAt: z.string() })),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const SYNC_PHASE_LABELS: Record<SyncStatus['progress']['phase'], string> = {
  idle: '未开始',
  connecting: '正在连接总部',
  uploading: '正在上传',
  committing: '正在提交封存',
  done: '已完成',
  failed: '未完成',
};
