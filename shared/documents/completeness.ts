// What the law requires before a document may go to signing (DOCUMENTS.md, 2017 regulation
// art. 18–30). Each issue names the field (a dotted path the editor can jump to) and says in
// Chinese what is missing. Shared: the editor shows the list live, the core enforces it.
import { idKindError } from '../validation/id-number.ts';
import type { EvidenceContent, InquiryContent, OnsiteContent, PreservationContent } from './content-schemas.ts';
import { DOCUMENT_TYPE_LABELS, type DocumentType } from './document-types.ts';
import type { DocumentTemplate } from './templates.ts';

export interface CompletenessIssue {
  path: string;
  message: string;
  /** Which rule (a code of RULES): the tests demand a failing case for every code. */
  rule: string;
}

/**
 * Every rule, by document type. A check can only name a code listed here (the compiler enforces
 * it), and completeness.test.ts fails for any code without a failing case.
 */
export const RULES = {
  inquiry: [
    'startTime',
    'endTime',
    'timeOrder',
    'place',
    'inquirer',
    'recorder',
    'distinctRoles',
    'intervieweeName',
    'idNumber',
    'idValid',
    'relation',
    'opening',
    'qaPresent',
    'answer',
    'question',
    'confirmation',
  ],
  onsite: [
    'startTime',
    'endTime',
    'timeOrder',
    'place',
    'inspectors',
    'recorder',
    'reason',
    'partyName',
    'partyNotice',
    'opening',
    'witnessName',
    'witnessId',
    'idValid',
    'findings',
    'evidenceLink',
    'preservationLink',
    'linkTarget',
    'confirmation',
  ],
  evidence: [
    'startTime',
    'endTime',
    'timeOrder',
    'timeSource',
    'place',
    'collectors',
    'recorder',
    'method',
    'target',
    'witnessOrReason',
    'idValid',
    'device',
    'steps',
    'itemsPresent',
    'itemName',
    'itemCategory',
    'itemSha256',
  ],
  preservation: [
    'partyName',
    'itemsPresent',
    'itemName',
    'itemQuantity',
    'approver',
    'approvalAt',
    'approvalHow',
    'startDate',
    'place',
    'conditions',
    'officers',
  ],
} as const satisfies Record<DocumentType, readonly string[]>;
type Rule<T extends DocumentType> = (typeof RULES)[T][number];

/** The case's other documents, by id and type: what a 现场笔录 measure may link to. */
export interface CaseDocuments {
  caseDocuments: readonly { id: string; type: DocumentType }[];
}

/**
 * Which documents each measure of a 现场笔录 links to: 电子取证 to the 电子取证工作记录 made on site,
 * 先行登记保存 to its 登记保存物品清单 (both required); photos and video, optionally, to the
 * 电子取证工作记录 that lists the files; 其他 to any document of the case.
 */
export const MEASURE_LINKS: Record<
  OnsiteContent['measures'][number]['kind'],
  { types: readonly DocumentType[]; required: boolean }
> = {
  拍照: { types: ['evidence'], required: false },
  录像: { types: ['evidence'], required: false },
  电子取证: { types: ['evidence'], required: true },
  先行登记保存: { types: ['preservation'], required: true },
  其他: { types: ['inquiry', 'onsite', 'evidence', 'preservation'], required: false },
};

/** Why a measure's link is not acceptable (another case's, a wrong type, unknown), or null. */
export function measureLinkError(m: OnsiteContent['measures'][number], i: number, ctx: CaseDocuments): string | null {
  if (!m.linkedDocumentId) return null;
  const allowed = MEASURE_LINKS[m.kind].types;
  const names = allowed.map((t) => DOCUMENT_TYPE_LABELS[t]).join('、');
  const target = ctx.caseDocuments.find((d) => d.id === m.linkedDocumentId);
  if (!target) return `第${i + 1}项措施（${m.kind}）关联的文书不属于本案：请从本案的${names}中重新选择。`;
  if (!allowed.includes(target.type))
    return `第${i + 1}项措施（${m.kind}）只能关联本案的${names}，不能关联${DOCUMENT_TYPE_LABELS[target.type]}：请重新选择。`;
  return null;
}

type Check<R extends string> = (ok: unknown, rule: R, path: string, message: string) => void;

function collector<R extends string>(): { issues: CompletenessIssue[]; need: Check<R> } {
  const issues: CompletenessIssue[] = [];
  return { issues, need: (ok, rule, path, message) => void (ok ? undefined : issues.push({ path, message, rule })) };
}

const filled = (s: string | undefined) => (s ?? '').trim().length > 0;

function times(need: Check<'startTime' | 'endTime' | 'timeOrder'>, start: string, end: string, what: string) {
  need(filled(start), 'startTime', 'startTime', `请填写${what}开始时间（年-月-日 时:分）。`);
  need(filled(end), 'endTime', 'endTime', `请填写${what}结束时间（年-月-日 时:分）。`);
  if (filled(start) && filled(end))
    need(
      end > start,
      'timeOrder',
      'endTime',
      `${what}结束时间（${end.replace('T', ' ')}）不能早于或等于开始时间（${start.replace('T', ' ')}）。`,
    );
}

/** Every identity-number field is checked the same way once filled: parties, interviewees, witnesses, present persons. */
function idValid(need: Check<'idValid'>, idType: string, value: string, path: string, who: string) {
  if (!filled(value)) return;
  const err = idKindError(idType, value);
  need(err === null, 'idValid', path, `${who}的${err ?? ''}`);
}

function idNumber(need: Check<'idNumber' | 'idValid'>, idType: string, value: string, path: string, who: string) {
  need(filled(value), 'idNumber', path, `${who}未填写身份证件号码。`);
  idValid(need, idType, value, path, who);
}

function openings(
  need: Check<'opening'>,
  answers: { key: string; answer: string }[],
  template: DocumentTemplate,
  who: string,
) {
  template.openings.forEach((o, i) => {
    const a = answers.find((x) => x.key === o.key);
    need(filled(a?.answer), 'opening', `openings.${i}.answer`, `第${i + 1}项告知（${o.label}）尚未记录${who}的回答。`);
  });
}

export function checkInquiry(c: InquiryContent, t: DocumentTemplate): CompletenessIssue[] {
  const { issues, need } = collector<Rule<'inquiry'>>();
  times(need, c.startTime, c.endTime, '询问');
  need(filled(c.place), 'place', 'place', '请填写询问地点。');
  need(filled(c.inquirerId), 'inquirer', 'inquirerId', '请指定询问人。');
  need(filled(c.recorderId), 'recorder', 'recorderId', '请指定记录人。');
  if (filled(c.inquirerId) && filled(c.recorderId))
    need(c.inquirerId !== c.recorderId, 'distinctRoles', 'recorderId', '询问人和记录人须为两名不同的执法人员。');
  const p = c.interviewee;
  need(filled(p.name), 'intervieweeName', 'interviewee.name', '请填写被询问人姓名。');
  idNumber(need, p.idType, p.idNumber, 'interviewee.idNumber', '被询问人');
  need(
    filled(p.relation),
    'relation',
    'interviewee.relation',
    '请填写被询问人与案件的关系（当事人、法定代表人、受委托人、员工、证人等）。',
  );
  openings(need, c.openings, t, '被询问人');
  need(
    c.qa.some((x) => filled(x.q)),
    'qaPresent',
    'qa',
    '笔录正文还没有问答内容。',
  );
  c.qa.forEach((x, i) => {
    if (filled(x.q))
      need(
        filled(x.a),
        'answer',
        `qa.${i}.a`,
        `第${i + 1}问尚未记录回答（如被询问人未回答，请如实记录，例如「不回答」）。`,
      );
    else need(!filled(x.a), 'question', `qa.${i}.q`, `第${i + 1}问有回答但缺少问题。`);
  });
  need(
    filled(c.confirmation),
    'confirmation',
    'confirmation',
    '请记录被询问人对笔录的确认意见（如「以上笔录我已看过，与我所说的相符」）。',
  );
  return issues;
}

export function checkOnsite(c: OnsiteContent, t: DocumentTemplate, ctx: CaseDocuments): CompletenessIssue[] {
  const { issues, need } = collector<Rule<'onsite'>>();
  times(need, c.startTime, c.endTime, '检查');
  need(filled(c.place), 'place', 'place', '请填写检查地点。');
  need(
    new Set(c.inspectorIds.filter(Boolean)).size >= 2,
    'inspectors',
    'inspectorIds',
    '须有两名不同的检查人员（执法人员不得少于两人）。',
  );
  need(filled(c.recorderId), 'recorder', 'recorderId', '请指定记录人。');
  need(filled(c.reason), 'reason', 'reason', '请填写检查事由（依法就××进行现场检查）。');
  need(filled(c.party.name), 'partyName', 'party.name', '请填写当事人名称或姓名。');
  if (filled(c.party.licence)) idValid(need, c.party.licence, c.party.idNumber, 'party.idNumber', '当事人');
  c.present.forEach((p, i) =>
    idValid(need, p.idType, p.idNumber, `present.${i}.idNumber`, `在场人员${p.name || i + 1}`),
  );
  idValid(need, c.witness.idType, c.witness.idNumber, 'witness.idNumber', '见证人');
  need(filled(c.partyNotice), 'partyNotice', 'partyNotice', '请记录通知当事人到场的情况。');
  if (c.partyNotice === '已通知，当事人到场') openings(need, c.openings, t, '当事人');
  else if (filled(c.partyNotice)) {
    need(filled(c.witness.name), 'witnessName', 'witness.name', '当事人不在场时须有见证人：请填写见证人姓名。');
    need(
      filled(c.witness.idNumber),
      'witnessId',
      'witness.idNumber',
      '当事人不在场时须有见证人：请填写见证人身份证件号码。',
    );
  }
  need(filled(c.findings), 'findings', 'findings', '请填写现场检查情况。');
  c.measures.forEach((m, i) => {
    const path = `measures.${i}.linkedDocumentId`;
    if (m.kind === '电子取证')
      need(
        filled(m.linkedDocumentId),
        'evidenceLink',
        path,
        `第${i + 1}项措施为电子取证：请关联对应的电子取证工作记录。`,
      );
    if (m.kind === '先行登记保存')
      need(
        filled(m.linkedDocumentId),
        'preservationLink',
        path,
        `第${i + 1}项措施为先行登记保存：请关联对应的登记保存物品清单。`,
      );
    const wrong = measureLinkError(m, i, ctx);
    need(wrong === null, 'linkTarget', path, wrong ?? '');
  });
  need(filled(c.confirmation), 'confirmation', 'confirmation', '请记录当事人（或见证人）对记录的确认意见。');
  return issues;
}

export function checkEvidence(c: EvidenceContent): CompletenessIssue[] {
  const { issues, need } = collector<Rule<'evidence'>>();
  times(need, c.startTime, c.endTime, '取证');
  need(
    filled(c.timeSource),
    'timeSource',
    'timeSource',
    '请说明取证时间的来源（本机时钟及其与可信时间的偏差，或无法核对的事实）。',
  );
  need(filled(c.place), 'place', 'place', '请填写取证地点（远程取证填写所在办公场所）。');
  need(
    new Set(c.collectorIds.filter(Boolean)).size >= 2,
    'collectors',
    'collectorIds',
    '须有两名不同的取证人（执法人员不得少于两人）。',
  );
  need(filled(c.recorderId), 'recorder', 'recorderId', '请指定记录人。');
  need(filled(c.method), 'method', 'method', '请选择取证方式。');
  const t = c.target;
  need(
    [t.siteName, t.url, t.domain, t.appName, t.account, t.device].some(filled),
    'target',
    'target.siteName',
    '请填写取证对象（网站、网址、APP、账号或设备中至少一项）。',
  );
  need(
    filled(c.witness.name) || filled(c.noWitnessReason),
    'witnessOrReason',
    'witness.name',
    '请填写见证人，或说明没有见证人的原因（此时应全程录像）。',
  );
  idValid(need, c.witness.idType, c.witness.idNumber, 'witness.idNumber', '见证人');
  idValid(need, c.holder.idType, c.holder.idNumber, 'holder.idNumber', '电子数据持有人');
  need(filled(c.environment.device), 'device', 'environment.device', '请填写取证所用设备（型号、序列号）。');
  need(
    c.steps.some((s) => filled(s.text)),
    'steps',
    'steps',
    '请记录取证步骤。',
  );
  need(c.items.length > 0, 'itemsPresent', 'items', '电子数据清单为空：请至少登记一项电子数据。');
  c.items.forEach((it, i) => {
    need(filled(it.name), 'itemName', `items.${i}.name`, `电子数据清单第${i + 1}项缺少名称。`);
    need(filled(it.category), 'itemCategory', `items.${i}.category`, `电子数据清单第${i + 1}项缺少类别。`);
    need(filled(it.sha256), 'itemSha256', `items.${i}.sha256`, `电子数据清单第${i + 1}项缺少完整性校验值（SHA-256）。`);
  });
  return issues;
}

export function checkPreservation(c: PreservationContent): CompletenessIssue[] {
  const { issues, need } = collector<Rule<'preservation'>>();
  need(filled(c.partyName), 'partyName', 'partyName', '请填写当事人。');
  need(c.items.length > 0, 'itemsPresent', 'items', '物品清单为空：请至少登记一件物品。');
  c.items.forEach((it, i) => {
    need(filled(it.name), 'itemName', `items.${i}.name`, `物品清单第${i + 1}行缺少名称。`);
    need(
      /^[1-9]\d*$/.test(it.quantity),
      'itemQuantity',
      `items.${i}.quantity`,
      `物品清单第${i + 1}行缺少数量（应为正整数）。`,
    );
  });
  need(
    filled(c.approval.approver),
    'approver',
    'approval.approver',
    '先行登记保存须经行政机关负责人批准：请填写批准人。',
  );
  need(filled(c.approval.at), 'approvalAt', 'approval.at', '请填写批准时间。');
  need(filled(c.approval.how), 'approvalHow', 'approval.how', '请选择批准方式（现场多为电话批准，应如实记录）。');
  need(filled(c.startDate), 'startDate', 'startDate', '请填写登记保存的开始日期。');
  need(filled(c.place), 'place', 'place', '请填写保存地点。');
  need(filled(c.conditions), 'conditions', 'conditions', '请填写保存条件。');
  need(
    new Set(c.officerIds.filter(Boolean)).size >= 2,
    'officers',
    'officerIds',
    '须有两名不同的执法人员（执法人员不得少于两人）。',
  );
  return issues;
}

/** `ctx`: the case's other documents, so that a 现场笔录's links are checked against them. */
export function checkCompleteness(
  type: DocumentType,
  content: unknown,
  template: DocumentTemplate,
  ctx: CaseDocuments,
): CompletenessIssue[] {
  switch (type) {
    case 'inquiry':
      return checkInquiry(content as InquiryContent, template);
    case 'onsite':
      return checkOnsite(content as OnsiteContent, template, ctx);
    case 'evidence':
      return checkEvidence(content as EvidenceContent);
    case 'preservation':
      return checkPreservation(content as PreservationContent);
  }
}
