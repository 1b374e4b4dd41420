// The content of a 电子取证工作记录 and its 电子数据清单 as stored and as it will be signed (drafts may be incomplete: fields are
// optional-with-defaults; completeness.ts says what signing needs). Strings only: content ends up in
// sealed records.
import { z } from 'zod';
import { LocalMinute, longText, PersonSchema, RowId, text } from '../../content-schemas.ts';

export const EVIDENCE_METHODS = [
  '现场提取',
  '网络在线提取（远程）',
  '先行登记保存原始介质',
  '调取',
  '打印、拍照、录像固定',
] as const;
export const EVIDENCE_CATEGORIES = [
  '网页',
  '截图',
  '录屏',
  '音频',
  '视频',
  '文档',
  '日志',
  '数据库导出',
  '其他',
] as const;

export const EvidenceItemRowSchema = z.object({
  id: RowId,
  name: text(200),
  category: z.enum(['', ...EVIDENCE_CATEGORIES]).default(''),
  format: text(40),
  source: text(2000),
  method: text(200),
  sizeBytes: z.string().regex(/^\d*$/, { message: '大小应为字节数（整数）。' }).default(''),
  sha256: z
    .string()
    .regex(/^([0-9a-f]{64})?$/, { message: 'SHA-256 应为64位十六进制数。' })
    .default(''),
  sm3: z
    .string()
    .regex(/^([0-9a-f]{64})?$/, { message: 'SM3 应为64位十六进制数。' })
    .default(''),
  /** 提取时间: when the item was extracted on site, as recorded there (not when it entered this app). */
  time: LocalMinute,
  /** 存储介质: what it was extracted onto on site (U盘 XJ-2026-031), as recorded there. */
  medium: text(100),
  /**
   * 入库时间: when the item entered this app's evidence store (an import), set by the app; empty for
   * rows typed by hand. Kept apart from 提取时间: the gap between them is the custody below.
   */
  importedAt: LocalMinute,
  /** Where the data was, and who held it, between its extraction and its import (保管情况). */
  custody: text(500),
  /** Set when the row is backed by an imported file in the evidence store (evidence feature). */
  evidenceId: z.string().max(64).default(''),
  /**
   * What the officers recorded about an imported item at entry (2017 regulation art. 26: original
   * or copy, how a copy was made, who provided it). Optional, without a default: rows written
   * before it existed parse, save and print exactly as they did.
   */
  provenance: z
    .object({
      original: z.boolean(),
      copyMethod: text(500),
      copyMadeAt: text(40),
      copyMadeBy: text(100),
      provider: text(100),
      providerStatement: z.boolean().default(false),
      deviceSerial: text(200),
      description: longText(2000),
      timeSourceNote: text(500),
    })
    .optional(),
});

export const EvidenceContentSchema = z.object({
  startTime: LocalMinute,
  endTime: LocalMinute,
  timeSource: longText(500),
  place: text(200),
  collectorIds: z.array(z.string().max(64)).max(2).default([]),
  recorderId: z.string().max(64).default(''),
  witness: PersonSchema.prefault({}),
  noWitnessReason: longText(1000),
  holder: PersonSchema.prefault({}),
  target: z
    .object({
      siteName: text(100),
      url: text(2000),
      domain: text(253),
      ip: text(100),
      appName: text(100),
      appVersion: text(40),
      account: text(200),
      group: text(200),
      device: text(300),
    })
    .prefault({}),
  method: z.enum(['', ...EVIDENCE_METHODS]).default(''),
  originalMediumNote: longText(1000),
  environment: z
    .object({
      device: text(300),
      os: text(200),
      software: longText(2000),
      network: longText(1000),
      cleanCheck: longText(1000),
    })
    .prefault({}),
  steps: z
    .array(
      z.object({
        id: RowId,
        time: LocalMinute,
        text: longText(5000),
        auto: z.boolean().default(false),
        /** The 电子数据清单 rows (ids) this step produced; an import's automatic step produces its own row. */
        itemIds: z.array(z.string().max(64)).max(500).default([]),
      }),
    )
    .max(1000)
    .default([]),
  items: z.array(EvidenceItemRowSchema).max(5000).default([]),
  storage: z
    .object({ mediumType: text(60), mediumNo: text(60), sealNo: text(60), backups: longText(500) })
    .prefault({}),
});
export type EvidenceContent = z.infer<typeof EvidenceContentSchema>;
