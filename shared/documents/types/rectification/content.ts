// The content of a 责令（限期）改正通知书 (DOCUMENTS.md §8) as stored and as it will be signed (drafts
// may be incomplete: fields are optional-with-defaults; completeness.ts says what signing needs).
// The articles the order rests on are copied into the content when the document is made
// (law-snapshot.ts), with their text, version dates and source: the sealed order keeps the law as
// it read for the case's conduct, whatever the catalog later says. Strings only.
import { z } from 'zod';
import { idNumberText, LocalDate, longText, PersonSchema, RowId, text } from '../../content-schemas.ts';

/** 日: calendar days (a last day on a holiday moves to the next working day); 工作日: working days. */
export const DEADLINE_UNITS = ['', '日', '工作日'] as const;

export const LawArticleSchema = z.object({
  /** The provision's id in the catalog (《…》第五十九条 as the lists cite it). */
  provision: text(200),
  law: text(100),
  /** As numbered in the version in force: 第六十一条. */
  article: text(60),
  text: longText(5000),
  effectiveFrom: LocalDate,
  effectiveTo: LocalDate,
  source: text(500),
  /** How far the text was checked, as the catalog says (已与第二来源核对, 单一来源，未经官方文本核对 …): printed with it. */
  textStatus: text(60),
  /** duty: the obligation breached; order: the article that provides 责令改正 (and the penalty). */
  role: z.enum(['duty', 'order']),
});
export type LawArticle = z.infer<typeof LawArticleSchema>;

export const RectificationContentSchema = z.object({
  party: z
    .object({
      name: text(100),
      idLabel: text(40),
      idNumber: idNumberText(),
      address: text(200),
      legalRepresentative: text(40),
    })
    .prefault({}),
  /** 经查: what was found, with the date and the records that show it. */
  facts: longText(5000),
  law: z
    .object({
      /** The conduct date the version was taken at (the conduct's last day). */
      conductDate: LocalDate,
      /** The version (its first day, the catalog's period key) and how it was chosen. */
      period: text(20),
      periodLabel: text(100),
      ground: text(200),
      articles: z.array(LawArticleSchema).max(20).default([]),
    })
    .prefault({}),
  /** 上述行为违反了…的规定 (seeded from the duty articles). */
  violation: longText(2000),
  /** 依据…的规定 (seeded from the order articles). */
  orderBasis: longText(2000),
  corrections: z
    .array(z.object({ id: RowId, text: longText(1000) }))
    .max(50)
    .default([]),
  deadline: z
    .object({
      days: z.string().regex(/^\d*$/, { message: '期限天数应为整数。' }).default(''),
      unit: z.enum(DEADLINE_UNITS).default(''),
      /** The day the period counts from (not counted): the day the order is served. */
      from: LocalDate,
      /** The last day, computed with the working-day calendar when the order was made. */
      endDate: LocalDate,
    })
    .prefault({}),
  /** 逾期不改正的… (seeded from the order articles). */
  consequence: longText(2000),
  issueDate: LocalDate,
  officerIds: z.array(z.string().max(64)).max(2).default([]),
  witness: PersonSchema.prefault({}),
});
export type RectificationContent = z.infer<typeof RectificationContentSchema>;
