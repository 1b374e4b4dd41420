// The enforcement-matter catalog (权力事项目录): versioned data generated from the published
// 权责清单 by scripts/catalog/build-catalog.ts and shipped in assets/catalog/catalog.json.
// Amounts are integers in yuan: no floating-point numbers in data that may end up sealed.
import { z } from 'zod';

export const MATTER_TYPES = ['行政处罚', '行政检查', '行政强制', '其他'] as const;
export const MatterTypeSchema = z.enum(MATTER_TYPES);
export type MatterType = z.infer<typeof MatterTypeSchema>;

export const LegalBasisSchema = z.object({
  /** The law or regulation with its 《》, e.g. 《中华人民共和国网络安全法》. */
  law: z.string().min(1),
  /** The article as written, e.g. 第五十九条 (or 第五十九条第一款). */
  article: z.string().min(1),
  /** The article's text as published. */
  text: z.string().min(1),
});
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

export const FineRangeSchema = z.object({
  /** The sentence as the law words it, e.g. 处一万元以上十万元以下罚款. */
  text: z.string().min(1),
  minYuan: z.number().int().nonnegative().optional(),
  maxYuan: z.number().int().nonnegative().optional(),
});
export type FineRange = z.infer<typeof FineRangeSchema>;

export const PenaltySchema = z.object({
  warning: z.boolean(),
  orderCorrection: z.boolean(),
  confiscateIllegalIncome: z.boolean(),
  /** Fine on the operator / unit (对单位). */
  fineOperator: FineRangeSchema.optional(),
  /** Fine on the directly responsible person in charge and other directly liable persons. */
  fineResponsible: FineRangeSchema.optional(),
  /** Other measures, e.g. 暂停相关业务, 停业整顿, 关闭网站, 吊销相关业务许可证, 吊销营业执照. */
  otherMeasures: z.array(z.string().min(1)),
  /** The penalty clause(s) quoted in full. */
  text: z.string().min(1),
});
export type Penalty = z.infer<typeof PenaltySchema>;

export const MatterSourceSchema = z.object({
  /** The office whose list names this matter, e.g. 柳州市柳南区互联网信息办公室. */
  office: z.string().min(1),
  /** The seed file it came from (file name only). */
  seedFile: z.string().min(1),
  /** The matter's name exactly as that office's list gives it. */
  originalName: z.string().min(1),
});

export const MatterSchema = z.object({
  /** Stable identifier, ASCII, e.g. "csl-59" (never reused for another matter). */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  /** Other names under which the seeds list the same matter. */
  aliases: z.array(z.string().min(1)),
  type: MatterTypeSchema,
  legalBasis: z.array(LegalBasisSchema).min(1),
  /** null for inspections and other non-penalty matters. */
  penalty: PenaltySchema.nullable(),
  responsibilities: z.array(z.string().min(1)),
  accountability: z.array(z.string().min(1)),
  sources: z.array(MatterSourceSchema).min(1),
});
export type Matter = z.infer<typeof MatterSchema>;

export const CatalogSchema = z.object({
  /** Data version, e.g. "2026.11.1"; bumped on every change of the data. */
  version: z.string().min(1),
  /** The procedure regulation the catalog was prepared under. */
  regulation: z.string().min(1),
  matters: z.array(MatterSchema).min(1),
});
export type Catalog = z.infer<typeof CatalogSchema>;

/** What lists and pickers show; the full Matter is fetched on demand. */
export const MatterSummarySchema = MatterSchema.pick({ id: true, name: true, type: true, aliases: true }).extend({
  /** e.g. 《中华人民共和国网络安全法》第五十九条 */
  basisShort: z.string(),
  /** e.g. 警告；罚款 1万–10万元 */
  penaltyShort: z.string(),
});
export type MatterSummary = z.infer<typeof MatterSummarySchema>;
