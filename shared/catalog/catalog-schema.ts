// The enforcement-matter catalog (权力事项目录): versioned data generated from the published
// 权责清单 and the reviewed amendment data by scripts/catalog/build-catalog.ts, shipped in
// assets/catalog/catalog.json (docs/LAW.md).
//
// The law changes: a provision (an article as the lists first cite it) exists in versions, each
// in force from one date to another, made by the law or by the decision that amended it, with its
// article number in that version and a text whose standing is said (textStatus, note) — a text that
// could not be obtained is null, never guessed. A matter names its provisions and carries its
// penalty per period; which version applies to a case is decided by the case's conduct date
// (shared/catalog/law-in-force.ts). Amounts are integers in yuan: no floating-point numbers in
// data that may end up sealed.
import { z } from 'zod';

export const MATTER_TYPES = ['行政处罚', '行政检查', '行政强制', '其他'] as const;
export const MatterTypeSchema = z.enum(MATTER_TYPES);
export type MatterType = z.infer<typeof MatterTypeSchema>;

/** The catalog format this app reads. Format 1 (before 2026.12) had one undated text per article. */
export const CATALOG_FORMAT = 2;

export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 年-月-日。' });

/**
 * How far a version's text can be trusted:
 *   checked        compared with a second, independent source and found identical;
 *   single-source  from one (third-party) source, not compared with an official text;
 *   quoted         as the office lists (权责清单) quote it — one wording chosen among them — not
 *                  compared with an official text;
 *   partial        only part of the article was obtained (what is missing is in the note);
 *   unavailable    the text was not obtained (text is null); the article number may be inferred.
 */
export const TEXT_STATUSES = ['checked', 'single-source', 'quoted', 'partial', 'unavailable'] as const;
export const TextStatusSchema = z.enum(TEXT_STATUSES);
export type TextStatus = z.infer<typeof TextStatusSchema>;
export const TEXT_STATUS_LABELS: Record<TextStatus, string> = {
  checked: '已与第二来源核对',
  'single-source': '单一来源，未经官方文本核对',
  quoted: '权责清单引文，未经官方文本核对',
  partial: '条文不完整',
  unavailable: '条文未能取得',
};

export const ProvisionVersionSchema = z.object({
  /** The article as numbered in this version, e.g. 第六十一条 (or 第十九条第一款). */
  article: z.string().min(1),
  /** The article's text in this version; null where it could not be obtained. */
  text: z.string().min(1).nullable(),
  /** First day in force (YYYY-MM-DD); null: not recorded — the only version the catalog knows of. */
  effectiveFrom: IsoDateSchema.nullable(),
  /** Last day in force; null: in force (as far as the catalog's sources tell). */
  effectiveTo: IsoDateSchema.nullable(),
  /** The act that made this version: the law as adopted, or the decision that amended it. */
  madeBy: z.string().min(1),
  /** Where the text (and the article number) come from. */
  source: z.string().min(1),
  textStatus: TextStatusSchema,
  /** What is not verified and why ('' when nothing needs saying). */
  note: z.string(),
});
export type ProvisionVersion = z.infer<typeof ProvisionVersionSchema>;

export const ProvisionSchema = z.object({
  /** The law and article as the lists cite it, e.g. 《中华人民共和国网络安全法》第五十九条 (never changes). */
  id: z.string().min(1),
  /** The law or regulation with its 《》. */
  law: z.string().min(1),
  /** Oldest first; consecutive versions meet (one's effectiveTo is the day before the next's effectiveFrom). */
  versions: z.array(ProvisionVersionSchema).min(1),
});
export type Provision = z.infer<typeof ProvisionSchema>;

/** An article as it reads at one date: what pickers, case pages and documents show. */
export const LegalBasisSchema = ProvisionVersionSchema.extend({
  provision: z.string().min(1),
  law: z.string().min(1),
  /** One of the articles that set the matter's penalty (the others set the duty or the competence). */
  penaltyArticle: z.boolean(),
});
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

export const FineRangeSchema = z.object({
  /** The sentence as the law words it, e.g. 处一万元以上十万元以下罚款. */
  text: z.string().min(1),
  minYuan: z.number().int().nonnegative().optional(),
  maxYuan: z.number().int().nonnegative().optional(),
});
export type FineRange = z.infer<typeof FineRangeSchema>;

/** One fine an article sets, with the case it applies to. */
export const FineTierSchema = FineRangeSchema.extend({
  /** 对单位 (the operator) or 对直接负责的主管人员和其他直接责任人员. */
  on: z.enum(['operator', 'responsible']),
  /** The condition as the article words it (拒不改正或者导致危害网络安全等后果的); '' for the general case. */
  when: z.string(),
  /** 《…》第…条 (第…款) where it is set. */
  article: z.string().min(1),
});
export type FineTier = z.infer<typeof FineTierSchema>;

export const ROUTES = ['移送', '通报'] as const;

/** A measure and who imposes it: the 网信部门 itself (route null) or another department, to which the case is 移送/通报. */
export const MeasureSchema = z.object({
  /** e.g. 停业整顿, 吊销经营许可证, 拘留. */
  name: z.string().min(1),
  /** e.g. 网信部门（有关主管部门）, 公安机关, 发证机关（电信主管部门）. */
  authority: z.string().min(1),
  /** null: the 网信部门 imposes it; otherwise how the 网信部门 passes the matter to `authority`. */
  route: z.enum(ROUTES).nullable(),
  /** 《…》第…条 where it is set. */
  article: z.string().min(1),
  note: z.string(),
});
export type Measure = z.infer<typeof MeasureSchema>;

export const PenaltySchema = z.object({
  /** Who imposes the warning, the order to correct, the confiscation and the fines below. */
  authority: z.string().min(1),
  warning: z.boolean(),
  orderCorrection: z.boolean(),
  confiscateIllegalIncome: z.boolean(),
  /** Fine on the operator / unit (对单位), the general case (the first the articles set). */
  fineOperator: FineRangeSchema.optional(),
  /** Fine on the directly responsible person in charge and other directly liable persons, the general case. */
  fineResponsible: FineRangeSchema.optional(),
  /** Every fine the penalty articles set, in order, each with its condition. */
  fines: z.array(FineTierSchema),
  /** The other measures, each with who imposes it. */
  measures: z.array(MeasureSchema),
  /** Where the law sets no penalty of its own but refers to other laws (依照有关法律、行政法规的规定处理、处罚). */
  referral: z.string().optional(),
  /** What could not be read (an article whose text is missing). */
  note: z.string(),
  /** The penalty clause(s) quoted in full. */
  text: z.string().min(1),
});
export type Penalty = z.infer<typeof PenaltySchema>;

export const PenaltyPeriodSchema = z.object({
  effectiveFrom: IsoDateSchema.nullable(),
  effectiveTo: IsoDateSchema.nullable(),
  penalty: PenaltySchema,
});
export type PenaltyPeriod = z.infer<typeof PenaltyPeriodSchema>;

export const MatterSourceSchema = z.object({
  /** The office whose list names this matter, e.g. 柳州市柳南区互联网信息办公室. */
  office: z.string().min(1),
  /** The seed file it came from (file name only). */
  seedFile: z.string().min(1),
  /** The matter's name exactly as that office's list gives it. */
  originalName: z.string().min(1),
});

export const MatterBasisRefSchema = z.object({
  /** A provision id of the catalog. */
  provision: z.string().min(1),
  penaltyArticle: z.boolean(),
});

export const MatterSchema = z.object({
  /** Stable identifier, ASCII, e.g. "csl-59" (never reused for another matter). */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  /** Other names under which the seeds list the same matter. */
  aliases: z.array(z.string().min(1)),
  type: MatterTypeSchema,
  legalBasis: z.array(MatterBasisRefSchema).min(1),
  /** Per period, oldest first; empty for inspections and other non-penalty matters. */
  penalties: z.array(PenaltyPeriodSchema),
  responsibilities: z.array(z.string().min(1)),
  accountability: z.array(z.string().min(1)),
  sources: z.array(MatterSourceSchema).min(1),
});
export type Matter = z.infer<typeof MatterSchema>;

export const CatalogSchema = z
  .object({
    format: z.literal(CATALOG_FORMAT),
    /** Data version, e.g. "2026.12.1"; bumped on every change of the data: the 法规库版本 the device shows. */
    version: z.string().regex(/^\d{4}\.\d{1,2}\.\d{1,3}$/, { message: '法规库版本应为 年.月.序号，例如 2027.3.1。' }),
    /** 法规库日期: the day the data states the law as of (what it knows to be in force on that day). */
    date: IsoDateSchema.optional(),
    /** What changed against the previous version, in a sentence or two (a law package from HQ says it). */
    summary: z.string().optional(),
    /** The procedure regulation: the one the lists were made under, and the one in force. */
    regulation: z.string().min(1),
    provisions: z.array(ProvisionSchema).min(1),
    matters: z.array(MatterSchema).min(1),
  })
  .superRefine((c, ctx) => {
    const ids = new Set(c.provisions.map((p) => p.id));
    c.matters.forEach((m, i) =>
      m.legalBasis.forEach((b, j) => {
        if (!ids.has(b.provision))
          ctx.addIssue({
            code: 'custom',
            path: ['matters', i, 'legalBasis', j],
            message: `unknown provision ${b.provision}`,
          });
      }),
    );
  });
export type Catalog = z.infer<typeof CatalogSchema>;

/**
 * A catalog from data, or why it cannot be used (in Chinese). A catalog of an older format (before
 * 2026.12: one undated text per article, no versions, no authorities) is refused rather than
 * converted: it would cite the law without knowing when it was in force.
 */
export function parseCatalog(data: unknown): { ok: true; catalog: Catalog } | { ok: false; reason: string } {
  const format = (data as { format?: unknown } | null)?.format;
  if (format !== CATALOG_FORMAT)
    return {
      ok: false,
      reason:
        format === undefined
          ? '执法事项目录为旧格式（没有法条的施行日期和版本，也没有各项处罚的实施机关），设备不会采用：请用当前版本的程序重新生成（npm run catalog）后再发布。'
          : `执法事项目录的格式（${String(format)}）不是本程序能读取的格式（${CATALOG_FORMAT}），设备不会采用：请更新程序，或用当前版本的程序重新生成后发布。`,
    };
  const parsed = CatalogSchema.safeParse(data);
  if (!parsed.success)
    return {
      ok: false,
      reason: `执法事项目录的内容不符合格式（${parsed.error.issues[0]?.path.join('.') || '整体'}：${parsed.error.issues[0]?.message ?? ''}），设备不会采用。`,
    };
  return { ok: true, catalog: parsed.data };
}

/** A matter's law over one period: its articles as they read then, and its penalty. */
export const LawPeriodSchema = z.object({
  effectiveFrom: IsoDateSchema.nullable(),
  effectiveTo: IsoDateSchema.nullable(),
  basis: z.array(LegalBasisSchema),
  penalty: PenaltySchema.nullable(),
  /** e.g. 《中华人民共和国网络安全法》第六十一条 */
  basisShort: z.string(),
  /** e.g. 警告；罚款1万–5万元 */
  penaltyShort: z.string(),
  /** Some article of it is not verified (textStatus other than checked). */
  unverified: z.boolean(),
});
export type LawPeriod = z.infer<typeof LawPeriodSchema>;

/** A matter with its law over every period the catalog knows (catalog.get). */
export const MatterViewSchema = MatterSchema.omit({ legalBasis: true, penalties: true }).extend({
  periods: z.array(LawPeriodSchema).min(1),
});
export type MatterView = z.infer<typeof MatterViewSchema>;

/** What lists and pickers show; the full matter is fetched on demand. */
export const MatterSummarySchema = MatterSchema.pick({ id: true, name: true, type: true, aliases: true }).extend({
  /** The period shown first: the one in force at the date asked about (today by default). */
  basisShort: z.string(),
  penaltyShort: z.string(),
  /** The periods that matter for the conduct asked about (one, or both sides of a change), oldest first. */
  periods: z.array(
    LawPeriodSchema.pick({
      effectiveFrom: true,
      effectiveTo: true,
      basisShort: true,
      penaltyShort: true,
      unverified: true,
    }),
  ),
});
export type MatterSummary = z.infer<typeof MatterSummarySchema>;
