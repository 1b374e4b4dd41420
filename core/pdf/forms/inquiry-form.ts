// 询问笔录 (DOCUMENTS.md §1): header grid, the interviewee, the opening statements with their
// answers, the 问/答 body, the closing, the interviewee's confirmation; the interviewee and both
// officers sign at the foot of every page and at the end.
import type { DocumentDetail } from '../../../shared/documents/document-api.ts';
import { InquiryContentSchema } from '../../../shared/documents/content-schemas.ts';
import type { Block, DocumentLayoutSpec, SignatureSlotSpec } from '../layout-model.ts';
import { cell, cnDate, cnSpan, header, officerText, openings, templateOf } from './common.ts';

export function inquiryForm(doc: DocumentDetail): DocumentLayoutSpec {
  const c = InquiryContentSchema.parse(doc.content);
  const t = templateOf(doc);
  const p = c.interviewee;
  const rows = [
    [cell('时间', cnSpan(c.startTime, c.endTime), 8), cell('询问次数', doc.context.inquirySequence ? `第${doc.context.inquirySequence}次` : '', 4)],
    [cell('地点', c.place, 12)],
    [cell('询问人', officerText(doc, c.inquirerId), 6), cell('记录人', officerText(doc, c.recorderId), 6)],
    [cell('被询问人', p.name, 4), cell('性别', p.gender, 2), cell('出生日期', cnDate(p.birthDate), 4), cell('民族', p.ethnicity, 2)],
    [cell(p.idType || '身份证件', p.idNumber, 6), cell('联系电话', p.phone, 6)],
    [cell('工作单位', p.employer, 6), cell('职务', p.position, 3), cell('与案件关系', p.relation, 3)],
    [cell('联系地址', p.address, 12)],
  ];
  if (c.interpreter.name) rows.push([cell('翻译人员', [c.interpreter.name, c.interpreter.unit, c.interpreter.contact].filter(Boolean).join('，'), 12)]);
  if (c.othersPresent) rows.push([cell('其他在场人员', c.othersPresent, 12)]);
  const blocks: Block[] = [
    ...header(doc, t.title),
    { kind: 'grid', columns: 12, rows },
    { kind: 'gap', height: 8 },
    ...openings(doc, t, [c.inquirerId, c.recorderId], c.openings),
    ...c.qa.flatMap((x): Block[] => [
      { kind: 'para', label: '问：', text: x.q },
      { kind: 'para', label: '答：', text: x.a },
    ]),
    { kind: 'para', label: '问：', text: c.closingStatement || t.closing },
    { kind: 'para', label: '被询问人核对意见：', text: c.confirmation },
  ];
  const slots: SignatureSlotSpec[] = [
    { id: 'interviewee', label: '被询问人', role: '被询问人', signerName: p.name },
    { id: 'inquirer', label: '询问人', role: '执法人员', officerId: c.inquirerId },
    { id: 'recorder', label: '记录人', role: '记录人', officerId: c.recorderId },
  ];
  if (c.interpreter.name) slots.push({ id: 'interpreter', label: '翻译人员', role: '翻译人员', signerName: c.interpreter.name });
  blocks.push({ kind: 'signatures', slots });
  // 逐页签名: the interviewee signs every page; the officers' end signatures are shown on each page.
  const perPageSlots: SignatureSlotSpec[] = [
    { ...slots[0]!, label: '被询问人签名' },
    { id: 'inquirer-page', label: '询问人签名', mirror: ['inquirer'] },
    { id: 'recorder-page', label: '记录人签名', mirror: ['recorder'] },
  ];
  return { runningHead: `${t.title}（续）`, docNo: doc.docNo, blocks, perPageSlots, draft: doc.state === 'draft' };
}
