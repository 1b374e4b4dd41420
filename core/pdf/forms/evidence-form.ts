// 电子取证工作记录 (DOCUMENTS.md §3) and its attached 电子数据清单: both digests of every item,
// with the algorithms named, in full.
import type { DocumentDetail } from '../../../shared/documents/document-api.ts';
import { EvidenceContentSchema } from '../../../shared/documents/content-schemas.ts';
import { renderTemplateText, templateParagraph } from '../../../shared/documents/templates.ts';
import { provenanceText } from '../../../shared/evidence/provenance.ts';
import type { Block, DocumentLayoutSpec, SignatureSlotSpec } from '../layout-model.ts';
import { cell, cnMinute, cnSpan, header, officerText, officersText, templateOf } from './common.ts';

const person = (p: { name: string; idType: string; idNumber: string; unit: string; phone: string }) =>
  p.name ? [p.name, p.idNumber ? `${p.idType}${p.idNumber}` : '', p.unit, p.phone].filter(Boolean).join('，') : '';

/** Each digest on its own two lines of 32 hexadecimal digits, with the algorithm named. */
function digestCell(sha256: string, sm3: string): string {
  const split = (h: string) => (h ? `${h.slice(0, 32)}\n${h.slice(32)}` : '（未计算）');
  return `SHA-256：\n${split(sha256)}\nSM3：\n${split(sm3)}`;
}

export function evidenceForm(doc: DocumentDetail): DocumentLayoutSpec {
  const c = EvidenceContentSchema.parse(doc.content);
  const t = templateOf(doc);
  const tg = c.target;
  const env = c.environment;
  const rows = [
    [cell('当事人', doc.context.partyName, 4)],
    [cell('取证时间', cnSpan(c.startTime, c.endTime), 4)],
    [cell('时间来源', c.timeSource, 4)],
    [cell('取证地点', c.place, 4)],
    [cell('取证人', officersText(doc, c.collectorIds), 4)],
    [cell('记录人', officerText(doc, c.recorderId), 4)],
    c.witness.name ? [cell('见证人', person(c.witness), 4)] : [cell('无见证人的原因', c.noWitnessReason, 4)],
    [cell('电子数据持有人/提供人', person(c.holder), 4)],
  ];
  const target = [
    [cell('网站/APP名称', [tg.siteName, tg.appName].filter(Boolean).join('；'), 2), cell('版本', tg.appVersion, 2)],
    [cell('网址', tg.url, 4)],
    [cell('域名', tg.domain, 2), cell('IP', tg.ip, 2)],
    [cell('账号', tg.account, 2), cell('群组', tg.group, 2)],
    [cell('设备', tg.device, 4)],
  ];
  const blocks: Block[] = [
    ...header(doc, t.title),
    { kind: 'grid', columns: 4, rows },
    { kind: 'heading', text: '取证对象' },
    { kind: 'grid', columns: 4, rows: target },
    { kind: 'heading', text: '取证方式' },
    { kind: 'para', text: [c.method, c.originalMediumNote].filter(Boolean).join('。'), indent: true },
    { kind: 'heading', text: '取证环境与工具' },
    {
      kind: 'grid',
      columns: 4,
      rows: [[cell('取证设备', env.device, 4)], [cell('操作系统', env.os, 4)], [cell('软件及版本', env.software, 4)], [cell('网络环境', env.network, 4)], [cell('清洁性检查', env.cleanCheck, 4)]],
    },
    { kind: 'heading', text: '取证过程' },
    ...c.steps.map((s, i): Block => ({ kind: 'para', label: `${i + 1}. `, text: `${s.time ? `${cnMinute(s.time)}，` : ''}${s.text}` })),
    { kind: 'heading', text: '存储' },
    {
      kind: 'grid',
      columns: 4,
      rows: [[cell('存储介质', c.storage.mediumType, 2), cell('介质编号', c.storage.mediumNo, 2)], [cell('封条编号', c.storage.sealNo, 2), cell('备份', c.storage.backups, 2)]],
    },
    { kind: 'para', text: renderTemplateText(templateParagraph(t, 'itemsNote'), { count: String(c.items.length) }) + templateParagraph(t, 'hashNote'), indent: true },
    { kind: 'para', text: t.closing, indent: true },
  ];
  const slots: SignatureSlotSpec[] = [
    { id: 'collector-1', label: '取证人', role: '执法人员', officerId: c.collectorIds[0] ?? '' },
    { id: 'collector-2', label: '取证人', role: '执法人员', officerId: c.collectorIds[1] ?? '' },
    { id: 'recorder', label: '记录人', role: '记录人', officerId: c.recorderId },
    { id: 'holder', label: '持有人/提供人', role: '持有人/提供人', signerName: c.holder.name },
  ];
  if (c.witness.name) slots.push({ id: 'witness', label: '见证人', role: '见证人', signerName: c.witness.name });
  blocks.push({ kind: 'signatures', slots });
  blocks.push({ kind: 'pageBreak' }, { kind: 'title', text: '电子数据清单' }, { kind: 'line', left: `所属记录：${doc.docNo}`, size: 10.5 });
  blocks.push({
    kind: 'table',
    size: 7,
    columns: [
      { title: '序号', width: 2.2, align: 'center' },
      { title: '名称', width: 6.5 },
      { title: '类别/格式', width: 3.6 },
      { title: '来源/提取方法', width: 7 },
      { title: '大小（字节）', width: 4, anywhere: true },
      { title: '完整性校验值（SHA-256 / SM3）', width: 17.5, anywhere: true },
      { title: '提取时间', width: 4.4 },
      { title: '存储介质', width: 3.6 },
    ],
    rows: c.items.map((it, i) => [
      String(i + 1),
      it.name,
      [it.category, it.format].filter(Boolean).join('/'),
      [it.source, it.method].filter(Boolean).join('；'),
      it.sizeBytes,
      digestCell(it.sha256, it.sm3),
      cnMinute(it.time),
      it.medium,
    ]),
    // An imported item's provenance (original or copy, the provider's statement …) as a note under
    // its row; rows without it (typed by hand, or imported before it was recorded) print as before.
    notes: c.items.map((it) => (it.provenance ? `备注：${provenanceText(it.provenance)}` : undefined)),
  });
  return { runningHead: `${t.title}（续）`, docNo: doc.docNo, blocks, perPageSlots: [
      { id: 'collectors-page', label: '取证人', mirror: ['collector-1', 'collector-2'] },
      { id: 'recorder-page', label: '记录人', mirror: ['recorder'] },
      { ...slots[3]!, label: '持有人/提供人' },
    ], draft: doc.state === 'draft' };
}
