// What the law requires before a document may go to signing (DOCUMENTS.md, 2017 regulation
// art. 18–30). Each issue names the field (a dotted path the editor can jump to) and says in
// Chinese what is missing. Shared: the editor shows the list live, the core enforces it.
import { residentIdError } from '../validation/resident-id.ts';
import type { EvidenceContent, InquiryContent, OnsiteContent, PreservationContent } from './content-schemas.ts';
import type { DocumentType } from './document-types.ts';
import type { DocumentTemplate } from './templates.ts';

export interface CompletenessIssue {
  path: string;
  message: string;
}

type Check = (ok: unknown, path: string, message: string) => void;

function collector(): { issues: CompletenessIssue[]; need: Check } {
  const issues: CompletenessIssue[] = [];
  return { issues, need: (ok, path, message) => void (ok ? undefined : issues.push({ path, message })) };
}

const filled = (s: string | undefined) => (s ?? '').trim().length > 0;

function times(need: Check, start: string, end: string, what: string) {
  need(filled(start), 'startTime', `请填写${what}开始时间（年-月-日 时:分）。`);
  need(filled(end), 'endTime', `请填写${what}结束时间（年-月-日 时:分）。`);
  if (filled(start) && filled(end)) need(end > start, 'endTime', `${what}结束时间（${end.replace('T', ' ')}）不能早于或等于开始时间（${start.replace('T', ' ')}）。`);
}

function twoOfficers(need: Check, ids: string[], path: string, who: string) {
  const distinct = new Set(ids.filter(Boolean));
  need(distinct.size >= 2, path, `须有两名不同的${who}（执法人员不得少于两人）。`);
}

function idNumber(need: Check, idType: string, value: string, path: string, who: string) {
  need(filled(value), path, `${who}未填写身份证件号码。`);
  if (filled(value) && (idType || '居民身份证') === '居民身份证') {
    const err = residentIdError(value);
    need(err === null, path, `${who}的${err ?? ''}`);
  }
}

function openings(need: Check, answers: { key: string; answer: string }[], template: DocumentTemplate, who: string) {
  template.openings.forEach((o, i) => {
    const a = answers.find((x) => x.key === o.key);
    need(filled(a?.answer), `openings.${i}.answer`, `第${i + 1}项告知（${o.label}）尚未记录${who}的回答。`);
  });
}

export function checkInquiry(c: InquiryContent, t: DocumentTemplate): CompletenessIssue[] {
  const { issues, need } = collector();
  times(need, c.startTime, c.endTime, '询问');
  need(filled(c.place), 'place', '请填写询问地点。');
  need(filled(c.inquirerId), 'inquirerId', '请指定询问人。');
  need(filled(c.recorderId), 'recorderId', '请指定记录人。');
  if (filled(c.inquirerId) && filled(c.recorderId)) need(c.inquirerId !== c.recorderId, 'recorderId', '询问人和记录人须为两名不同的执法人员。');
  const p = c.interviewee;
  need(filled(p.name), 'interviewee.name', '请填写被询问人姓名。');
  idNumber(need, p.idType, p.idNumber, 'interviewee.idNumber', '被询问人');
  need(filled(p.relation), 'interviewee.relation', '请填写被询问人与案件的关系（当事人、法定代表人、受委托人、员工、证人等）。');
  openings(need, c.openings, t, '被询问人');
  need(c.qa.some((x) => filled(x.q)), 'qa', '笔录正文还没有问答内容。');
  c.qa.forEach((x, i) => {
    if (filled(x.q)) need(filled(x.a), `qa.${i}.a`, `第${i + 1}问尚未记录回答（如被询问人未回答，请如实记录，例如「不回答」）。`);
    else need(!filled(x.a), `qa.${i}.q`, `第${i + 1}问有回答但缺少问题。`);
  });
  need(filled(c.confirmation), 'confirmation', '请记录被询问人对笔录的确认意见（如「以上笔录我已看过，与我所说的相符」）。');
  return issues;
}

export function checkOnsite(c: OnsiteContent, t: DocumentTemplate): CompletenessIssue[] {
  const { issues, need } = collector();
  times(need, c.startTime, c.endTime, '检查');
  need(filled(c.place), 'place', '请填写检查地点。');
  twoOfficers(need, c.inspectorIds, 'inspectorIds', '检查人员');
  need(filled(c.recorderId), 'recorderId', '请指定记录人。');
  need(filled(c.reason), 'reason', '请填写检查事由（依法就××进行现场检查）。');
  need(filled(c.party.name), 'party.name', '请填写当事人名称或姓名。');
  need(filled(c.partyNotice), 'partyNotice', '请记录通知当事人到场的情况。');
  if (c.partyNotice === '已通知，当事人到场') openings(need, c.openings, t, '当事人');
  else if (filled(c.partyNotice)) {
    need(filled(c.witness.name), 'witness.name', '当事人不在场时须有见证人：请填写见证人姓名。');
    need(filled(c.witness.idNumber), 'witness.idNumber', '当事人不在场时须有见证人：请填写见证人身份证件号码。');
  }
  need(filled(c.findings), 'findings', '请填写现场检查情况。');
  c.measures.forEach((m, i) => {
    if (m.kind === '电子取证') need(filled(m.linkedDocumentId), `measures.${i}.linkedDocumentId`, `第${i + 1}项措施为电子取证：请关联对应的电子取证工作记录。`);
    if (m.kind === '先行登记保存') need(filled(m.linkedDocumentId), `measures.${i}.linkedDocumentId`, `第${i + 1}项措施为先行登记保存：请关联对应的登记保存物品清单。`);
  });
  need(filled(c.confirmation), 'confirmation', '请记录当事人（或见证人）对记录的确认意见。');
  return issues;
}

export function checkEvidence(c: EvidenceContent): CompletenessIssue[] {
  const { issues, need } = collector();
  times(need, c.startTime, c.endTime, '取证');
  need(filled(c.timeSource), 'timeSource', '请说明取证时间的来源（本机时钟及其与可信时间的偏差，或无法核对的事实）。');
  need(filled(c.place), 'place', '请填写取证地点（远程取证填写所在办公场所）。');
  twoOfficers(need, c.collectorIds, 'collectorIds', '取证人');
  need(filled(c.recorderId), 'recorderId', '请指定记录人。');
  need(filled(c.method), 'method', '请选择取证方式。');
  const t = c.target;
  need([t.siteName, t.url, t.domain, t.appName, t.account, t.device].some(filled), 'target.siteName', '请填写取证对象（网站、网址、APP、账号或设备中至少一项）。');
  need(filled(c.witness.name) || filled(c.noWitnessReason), 'witness.name', '请填写见证人，或说明没有见证人的原因（此时应全程录像）。');
  need(filled(c.environment.device), 'environment.device', '请填写取证所用设备（型号、序列号）。');
  need(c.steps.some((s) => filled(s.text)), 'steps', '请记录取证步骤。');
  need(c.items.length > 0, 'items', '电子数据清单为空：请至少登记一项电子数据。');
  c.items.forEach((it, i) => {
    need(filled(it.name), `items.${i}.name`, `电子数据清单第${i + 1}项缺少名称。`);
    need(filled(it.category), `items.${i}.category`, `电子数据清单第${i + 1}项缺少类别。`);
    need(filled(it.sha256), `items.${i}.sha256`, `电子数据清单第${i + 1}项缺少完整性校验值（SHA-256）。`);
  });
  return issues;
}

export function checkPreservation(c: PreservationContent): CompletenessIssue[] {
  const { issues, need } = collector();
  need(filled(c.partyName), 'partyName', '请填写当事人。');
  need(c.items.length > 0, 'items', '物品清单为空：请至少登记一件物品。');
  c.items.forEach((it, i) => {
    need(filled(it.name), `items.${i}.name`, `物品清单第${i + 1}行缺少名称。`);
    need(/^[1-9]\d*$/.test(it.quantity), `items.${i}.quantity`, `物品清单第${i + 1}行缺少数量（应为正整数）。`);
  });
  need(filled(c.approval.approver), 'approval.approver', '先行登记保存须经行政机关负责人批准：请填写批准人。');
  need(filled(c.approval.at), 'approval.at', '请填写批准时间。');
  need(filled(c.approval.how), 'approval.how', '请选择批准方式（现场多为电话批准，应如实记录）。');
  need(filled(c.startDate), 'startDate', '请填写登记保存的开始日期。');
  need(filled(c.place), 'place', '请填写保存地点。');
  need(filled(c.conditions), 'conditions', '请填写保存条件。');
  twoOfficers(need, c.officerIds, 'officerIds', '执法人员');
  return issues;
}

export function checkCompleteness(type: DocumentType, content: unknown, template: DocumentTemplate): CompletenessIssue[] {
  switch (type) {
    case 'inquiry':
      return checkInquiry(content as InquiryContent, template);
    case 'onsite':
      return checkOnsite(content as OnsiteContent, template);
    case 'evidence':
      return checkEvidence(content as EvidenceContent);
    case 'preservation':
      return checkPreservation(content as PreservationContent);
  }
}
