// 现场笔录 (DOCUMENTS.md §2): header, the party and its platform, notice to the party, the people
// present, the opening statements, findings, measures (with the numbers of the linked records),
// the party's statement, the closing; signatures on every page and at the end.
import type { DocumentDetail } from '../../../shared/documents/document-api.ts';
import { OnsiteContentSchema } from '../../../shared/documents/content-schemas.ts';
import type { Block, DocumentLayoutSpec, SignatureSlotSpec } from '../layout-model.ts';
import { cell, cnSpan, header, officerText, officersText, openings, templateOf } from './common.ts';

export function onsiteForm(doc: DocumentDetail): DocumentLayoutSpec {
  const c = OnsiteContentSchema.parse(doc.content);
  const t = templateOf(doc);
  const p = c.party;
  const rows = [
    [cell('时间', cnSpan(c.startTime, c.endTime), 4)],
    [cell('地点', c.place, 4)],
    [cell('检查人员', officersText(doc, c.inspectorIds), 4)],
    [cell('记录人', officerText(doc, c.recorderId), 2), cell('通知当事人到场情况', c.partyNotice, 2)],
    [cell('检查事由', c.reason, 4)],
    [cell('当事人', p.name, 2), cell('主体资格证照名称', p.licence, 2)],
    [cell('统一社会信用代码（身份证件号码）', p.idNumber, 4)],
    [cell('法定代表人（负责人）', p.legalRepresentative, 2), cell('联系电话', p.phone, 2)],
    [cell('住所', p.address, 4)],
  ];
  if (p.platform) rows.push([cell('网站/APP/账号、域名、IP、ICP备案号', p.platform, 4)]);
  const linked = (id: string) => doc.context.siblings.find((s) => s.id === id);
  const blocks: Block[] = [...header(doc, t.title), { kind: 'grid', columns: 4, rows }];
  if (c.present.length) {
    blocks.push({ kind: 'heading', text: '现场人员' });
    blocks.push({
      kind: 'table',
      size: 9,
      columns: [
        { title: '姓名', width: 2 },
        { title: '身份证件号码', width: 4 },
        { title: '身份/职务', width: 2.5 },
        { title: '工作单位', width: 4 },
        { title: '联系电话', width: 2.5 },
      ],
      rows: c.present.map((x) => [x.name, x.idNumber, x.role, x.unit, x.phone]),
    });
  }
  blocks.push({ kind: 'gap', height: 6 });
  blocks.push(...openings(doc, t, c.inspectorIds, c.openings));
  blocks.push({ kind: 'heading', text: '现场情况' }, { kind: 'para', text: c.findings, indent: true });
  if (c.measures.length) {
    blocks.push({ kind: 'heading', text: '采取的措施' });
    c.measures.forEach((m, i) => {
      const l = m.linkedDocumentId ? linked(m.linkedDocumentId) : undefined;
      blocks.push({ kind: 'para', label: `${i + 1}. `, text: `${m.kind}${m.description ? `：${m.description}` : ''}${l ? `（见${l.docNo}）` : ''}` });
    });
  }
  blocks.push({ kind: 'heading', text: '当事人的陈述和申辩' }, { kind: 'para', text: c.statement || '无。', indent: true });
  if (c.witness.name) blocks.push({ kind: 'para', label: '见证人：', text: [c.witness.name, c.witness.idNumber, c.witness.unit, c.witness.phone].filter(Boolean).join('，') });
  blocks.push({ kind: 'para', text: t.closing, indent: true }, { kind: 'para', label: '当事人核对意见：', text: c.confirmation });
  const representative = c.present.find((x) => /法定代表人|负责人|受委托/.test(x.role))?.name ?? p.legalRepresentative;
  const slots: SignatureSlotSpec[] = [
    { id: 'party', label: '当事人', role: '当事人', signerName: representative },
    { id: 'inspector-1', label: '检查人员', role: '执法人员', officerId: c.inspectorIds[0] ?? '' },
    { id: 'inspector-2', label: '检查人员', role: '执法人员', officerId: c.inspectorIds[1] ?? '' },
    { id: 'recorder', label: '记录人', role: '记录人', officerId: c.recorderId },
  ];
  const witness: SignatureSlotSpec | null = c.witness.name ? { id: 'witness', label: '见证人', role: '见证人', signerName: c.witness.name } : null;
  if (witness) slots.splice(1, 0, witness);
  blocks.push({ kind: 'signatures', slots });
  // Every page carries 当事人, 见证人 (when there is one), both inspectors and the recorder
  // (DOCUMENTS.md §2); the party and the witness sign each page, the officers' end signatures are shown again.
  const perPage: SignatureSlotSpec[] = [
    { ...slots[0]!, label: '当事人签名' },
    ...(witness ? [{ ...witness, label: '见证人签名' }] : []),
    { id: 'inspectors-page', label: '检查人员', mirror: ['inspector-1', 'inspector-2'] },
    { id: 'recorder-page', label: '记录人', mirror: ['recorder'] },
  ];
  return { runningHead: `${t.title}（续）`, docNo: doc.docNo, blocks, perPageSlots: perPage, draft: doc.state === 'draft' };
}
