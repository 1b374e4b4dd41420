// 登记保存物品清单 and 登记保存物品通知书 (DOCUMENTS.md §4), printed together: the list first,
// then the notice that refers to it, with the deadline of 7 working days. What a document prints
// is part of what its signatures and seal bind and is laid out again to verify them, so it must
// depend on the document alone: template 2023.2 states the period, not a date (the date depends on
// the working-day calendar, which HQ updates; it is shown in the editor and on the 工作台);
// documents made with template 2023.1 keep printing the date they were signed with.
import type { DocumentDetail } from '../../../shared/documents/document-api.ts';
import { PreservationContentSchema } from '../../../shared/documents/content-schemas.ts';
import { matterPhrase, renderTemplateText } from '../../../shared/documents/templates.ts';
import type { Block, DocumentLayoutSpec, SignatureSlotSpec } from '../layout-model.ts';
import { cell, cnDate, cnMinute, header, officersText, templateOf } from './common.ts';

export function preservationForm(doc: DocumentDetail): DocumentLayoutSpec {
  const c = PreservationContentSchema.parse(doc.content);
  const t = templateOf(doc);
  const party = c.partyName || doc.context.partyName;
  const vars = { agency: doc.context.agency, officers: officersText(doc, c.officerIds), matter: matterPhrase(doc.context.matterName), party };
  const para = (key: string) => renderTemplateText(t.paragraphs?.[key] ?? '', vars);
  const legacy = doc.templateVersion === '2023.1';
  const deadline = legacy && c.startDate ? weekdaysAfter(c.startDate, 7) : '';
  const approval = c.approval.approver ? `经${c.approval.approver}于${cnMinute(c.approval.at)}${c.approval.how}` : '';
  const slots: SignatureSlotSpec[] = [
    { id: 'party', label: '当事人', role: '当事人', signerName: '' },
    { id: 'officer-1', label: '执法人员', role: '执法人员', officerId: c.officerIds[0] ?? '' },
    { id: 'officer-2', label: '执法人员', role: '执法人员', officerId: c.officerIds[1] ?? '' },
  ];
  if (c.witness.name) slots.push({ id: 'witness', label: '见证人', role: '见证人', signerName: c.witness.name });
  const blocks: Block[] = [
    ...header(doc, t.title),
    {
      kind: 'grid',
      columns: 4,
      rows: [[cell('当事人', party, 4)], [cell('执法人员', officersText(doc, c.officerIds), 4)], [cell('批准', approval, 4)], [cell('保存地点', c.place, 2), cell('登记保存日期', cnDate(c.startDate), 2)]],
    },
    { kind: 'gap', height: 8 },
    {
      kind: 'table',
      size: 9,
      columns: [
        { title: '序号', width: 2, align: 'center' },
        { title: '名称', width: 4 },
        { title: '品牌型号', width: 4 },
        { title: '规格', width: 3 },
        { title: '序列号/IMEI', width: 4.5, anywhere: true },
        { title: '数量', width: 2, align: 'center' },
        { title: '状态', width: 4.5 },
        { title: '封条编号', width: 3 },
        { title: '备注', width: 3 },
      ],
      rows: c.items.map((it, i) => [String(i + 1), it.name, it.model, it.spec, it.serial, it.quantity, it.condition, it.sealNo, it.note]),
    },
    { kind: 'para', text: t.closing, indent: true },
    { kind: 'signatures', slots },
    { kind: 'pageBreak' },
    { kind: 'line', center: doc.context.agency, size: 14 },
    { kind: 'title', text: t.paragraphs?.noticeTitle ?? '登记保存物品通知书' },
    { kind: 'line', right: doc.docNo, size: 10.5 },
    { kind: 'para', text: `${party}：` },
    { kind: 'para', text: para('noticeBasis'), indent: true },
    { kind: 'para', text: `保存地点：${c.place}。保存条件：${c.conditions}。`, indent: true },
    {
      kind: 'para',
      text: legacy
        ? `登记保存期间自${cnDate(c.startDate)}起，本机关将于${cnDate(deadline)}前（七个工作日内）依法作出处理决定。${approval ? `本措施${approval}。` : ''}`
        : `登记保存期间自${cnDate(c.startDate)}起。${para('noticePeriod')}${approval ? `本措施${approval}。` : ''}`,
      indent: true,
    },
    { kind: 'para', text: para('noticeDuty'), indent: true },
    { kind: 'para', text: para('noticeRemedy'), indent: true },
    { kind: 'gap', height: 16 },
    { kind: 'line', right: doc.context.agency, size: 12 },
    { kind: 'line', right: `${cnDate(c.startDate) || '\u3000\u3000年\u3000月\u3000日'}（印章）`, size: 12 },
    { kind: 'signatures', slots: [{ id: 'party-receipt', label: '当事人签收', role: '当事人' }] },
  ];
  return { runningHead: `${t.title}（续）`, docNo: doc.docNo, blocks, perPageSlots: [{ ...slots[0]!, label: '当事人签名' }, { id: 'officers-page', label: '执法人员', mirror: ['officer-1', 'officer-2'] }], draft: doc.state === 'draft' };
}

/**
 * Template 2023.1 only: the date those documents printed — `n` weekdays after `start`, weekends
 * skipped but not holidays. Kept so that they lay out exactly as they were signed and sealed;
 * never a deadline (shared/calendar/working-calendar.ts counts those).
 */
function weekdaysAfter(start: string, n: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}
