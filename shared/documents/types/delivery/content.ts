// The content of a 送达回证 (proof of service, DOCUMENTS.md §10) as stored and as it will be signed:
// which document was served on whom, where, how, when, by which two officers, and who received it
// (or who refused, why, and the witness). Strings only.
import { z } from 'zod';
import { LocalMinute, longText, PersonSchema, text } from '../../content-schemas.ts';

/** 行政处罚法 第六十一条: service as the 民事诉讼法 provides; 电子送达 only with the addressee's consent. */
export const SERVICE_METHODS = ['', '直接送达', '留置送达', '邮寄送达', '电子送达', '委托送达'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

export const RECEIVER_RELATIONS = [
  '',
  '受送达人本人',
  '法定代表人（负责人）',
  '受委托人',
  '办公室、收发室等负责收件的人',
  '同住成年家属',
] as const;

export const DeliveryContentSchema = z.object({
  /** The document served (a document of the case) and its name as printed. */
  servedDocumentId: z.string().max(64).default(''),
  servedDocumentName: text(100),
  addressee: text(100),
  place: text(200),
  method: z.enum(SERVICE_METHODS).default(''),
  servedAt: LocalMinute,
  serverIds: z.array(z.string().max(64)).max(2).default([]),
  receiver: z.object({ name: text(40), relation: z.enum(RECEIVER_RELATIONS).default('') }).prefault({}),
  /** 留置送达: why the document was left (the addressee refused to accept it) and where. */
  leftReason: longText(1000),
  /** 邮寄送达: the postal tracking number. */
  trackingNo: text(60),
  /** 电子送达: the addressee's prior consent and the address used. */
  electronic: z.object({ consent: longText(500), address: text(200) }).prefault({}),
  witness: PersonSchema.prefault({}),
  note: longText(1000),
});
export type DeliveryContent = z.infer<typeof DeliveryContentSchema>;
