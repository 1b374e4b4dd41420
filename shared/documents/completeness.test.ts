// Every completeness rule has a failing and a passing case: the demo's documents are complete
// (the passing case of every rule), each mutation below must raise exactly the issue it names,
// and conditional rules also have passing mutations (no witness, but a reason given …). Every
// rule code of RULES must appear in a failing case, so a new rule cannot be added untested.
import { describe, expect, it } from 'vitest';
import {
  demoDelivery,
  demoDisposal,
  demoEvidence,
  demoInquiry,
  demoOnsite,
  demoPreservation,
  demoRectification,
} from '../../scripts/demo-documents.ts';
import type { DeliveryContent } from './types/delivery/content.ts';
import type { DisposalContent } from './types/disposal/content.ts';
import type { RectificationContent } from './types/rectification/content.ts';
import type { EvidenceContent } from './types/evidence/content.ts';
import type { InquiryContent } from './types/inquiry/content.ts';
import type { OnsiteContent } from './types/onsite/content.ts';
import type { PreservationContent } from './types/preservation/content.ts';
import { checkCompleteness, RULES, type CaseDocuments, type CompletenessIssue } from './completeness.ts';
import { DOCUMENT_TYPES, type DocumentType } from './document-types.ts';
import { templateFor } from './types/registry.ts';

const A = 'officer-a';
const B = 'officer-b';
// The case's other documents, for the 现场笔录's links.
const ctx: CaseDocuments = {
  caseDocuments: [
    { id: 'evidence-doc', type: 'evidence' },
    { id: 'preservation-doc', type: 'preservation' },
    { id: 'inquiry-doc', type: 'inquiry' },
    { id: 'rectification-doc', type: 'rectification' },
    { id: 'delivery-doc', type: 'delivery' },
  ],
};
const check = (type: DocumentType, c: unknown): CompletenessIssue[] =>
  checkCompleteness(type, c, templateFor(type), ctx);

interface Contents {
  inquiry: InquiryContent;
  onsite: OnsiteContent;
  evidence: EvidenceContent;
  preservation: PreservationContent;
  rectification: RectificationContent;
  disposal: DisposalContent;
  delivery: DeliveryContent;
}
const complete: { [T in DocumentType]: () => Contents[T] } = {
  inquiry: () => demoInquiry(A, B),
  onsite: () => demoOnsite([A, B], B, 'evidence-doc'),
  evidence: () => demoEvidence([A, B], B),
  preservation: () => demoPreservation([A, B]),
  rectification: () => demoRectification([A, B]),
  disposal: () => demoDisposal('preservation-doc', [A, B]),
  delivery: () => demoDelivery('rectification-doc', '责令（限期）改正通知书', [A, B]),
};

/** A mutation of a complete document that breaks exactly one rule: its code, the path flagged, the message. */
interface Failing<C> {
  rule: string;
  what: string;
  mutate: (c: C) => void;
  path: string;
  message: RegExp;
  /** The template version checked against, when not the newest. */
  version?: string;
}
/** A mutation that a conditional rule must accept. */
type Passing<C> = [what: string, mutate: (c: C) => void];

const witness = {
  name: '赵见证',
  idType: '居民身份证',
  idNumber: '45020319750306001X',
  unit: '大厦物业',
  role: '物业经理',
  phone: '',
};

const failing: { [T in DocumentType]: Failing<Contents[T]>[] } = {
  inquiry: [
    {
      rule: 'startTime',
      what: 'no start time',
      mutate: (c) => (c.startTime = ''),
      path: 'startTime',
      message: /请填写询问开始时间/,
    },
    {
      rule: 'endTime',
      what: 'no end time',
      mutate: (c) => (c.endTime = ''),
      path: 'endTime',
      message: /请填写询问结束时间/,
    },
    {
      rule: 'timeOrder',
      what: 'end before start',
      mutate: (c) => (c.endTime = '2026-11-20T09:00'),
      path: 'endTime',
      message: /不能早于或等于开始时间/,
    },
    {
      rule: 'timeOrder',
      what: 'end equal to start',
      mutate: (c) => (c.endTime = c.startTime),
      path: 'endTime',
      message: /不能早于或等于开始时间/,
    },
    { rule: 'place', what: 'no place (blank)', mutate: (c) => (c.place = ' '), path: 'place', message: /询问地点/ },
    {
      rule: 'inquirer',
      what: 'no 询问人',
      mutate: (c) => (c.inquirerId = ''),
      path: 'inquirerId',
      message: /请指定询问人/,
    },
    {
      rule: 'recorder',
      what: 'no 记录人',
      mutate: (c) => (c.recorderId = ''),
      path: 'recorderId',
      message: /请指定记录人/,
    },
    {
      rule: 'distinctRoles',
      what: 'one officer in both roles',
      mutate: (c) => (c.recorderId = A),
      path: 'recorderId',
      message: /两名不同的执法人员/,
    },
    {
      rule: 'intervieweeName',
      what: 'interviewee without name',
      mutate: (c) => (c.interviewee.name = ''),
      path: 'interviewee.name',
      message: /被询问人姓名/,
    },
    {
      rule: 'idNumber',
      what: 'interviewee without ID number',
      mutate: (c) => (c.interviewee.idNumber = ''),
      path: 'interviewee.idNumber',
      message: /未填写身份证件号码/,
    },
    {
      rule: 'idValid',
      what: 'wrong ID check digit',
      mutate: (c) => (c.interviewee.idNumber = '450203198805120030'),
      path: 'interviewee.idNumber',
      message: /校验位/,
    },
    {
      rule: 'relation',
      what: 'no relation to the case',
      mutate: (c) => (c.interviewee.relation = ''),
      path: 'interviewee.relation',
      message: /关系/,
    },
    {
      rule: 'opening',
      what: 'an opening statement without its answer',
      mutate: (c) => (c.openings[1]!.answer = ''),
      path: 'openings.1.answer',
      message: /第2项告知（告知陈述申辩及申请回避的权利）/,
    },
    {
      rule: 'opening',
      what: 'an opening statement missing altogether',
      mutate: (c) => (c.openings = c.openings.filter((o) => o.key !== 'truthful')),
      path: 'openings.2.answer',
      message: /第3项告知/,
    },
    { rule: 'qaPresent', what: 'no Q&A at all', mutate: (c) => (c.qa = []), path: 'qa', message: /没有问答/ },
    {
      rule: 'answer',
      what: 'a question without its answer',
      mutate: (c) => (c.qa[2]!.a = ''),
      path: 'qa.2.a',
      message: /第3问尚未记录回答/,
    },
    {
      rule: 'question',
      what: 'an answer with no question',
      mutate: (c) => (c.qa[1]!.q = ''),
      path: 'qa.1.q',
      message: /第2问有回答但缺少问题/,
    },
    {
      rule: 'closingMode',
      what: 'not said whether the transcript was read by the interviewee or read out (2026.1)',
      mutate: (c) => delete c.closingMode,
      path: 'closingMode',
      message: /请选择笔录核对方式（交被询问人核对或向被询问人宣读）/,
    },
    {
      rule: 'confirmation',
      what: 'no confirmation',
      mutate: (c) => (c.confirmation = ''),
      path: 'confirmation',
      message: /确认意见/,
    },
  ],
  onsite: [
    {
      rule: 'startTime',
      what: 'no start time',
      mutate: (c) => (c.startTime = ''),
      path: 'startTime',
      message: /请填写检查开始时间/,
    },
    {
      rule: 'endTime',
      what: 'no end time',
      mutate: (c) => (c.endTime = ''),
      path: 'endTime',
      message: /请填写检查结束时间/,
    },
    {
      rule: 'timeOrder',
      what: 'end before start',
      mutate: (c) => (c.endTime = '2026-11-20T08:00'),
      path: 'endTime',
      message: /不能早于或等于开始时间/,
    },
    { rule: 'place', what: 'no place', mutate: (c) => (c.place = ''), path: 'place', message: /检查地点/ },
    {
      rule: 'inspectors',
      what: 'only one inspector',
      mutate: (c) => (c.inspectorIds = [A]),
      path: 'inspectorIds',
      message: /两名不同的检查人员/,
    },
    {
      rule: 'inspectors',
      what: 'the same inspector twice',
      mutate: (c) => (c.inspectorIds = [A, A]),
      path: 'inspectorIds',
      message: /两名不同的检查人员/,
    },
    {
      rule: 'recorder',
      what: 'no 记录人',
      mutate: (c) => (c.recorderId = ''),
      path: 'recorderId',
      message: /请指定记录人/,
    },
    { rule: 'reason', what: 'no 检查事由', mutate: (c) => (c.reason = ''), path: 'reason', message: /检查事由/ },
    {
      rule: 'partyName',
      what: 'no party name',
      mutate: (c) => (c.party.name = ''),
      path: 'party.name',
      message: /当事人名称或姓名/,
    },
    {
      rule: 'partyNotice',
      what: 'party notice not recorded',
      mutate: (c) => (c.partyNotice = ''),
      path: 'partyNotice',
      message: /通知当事人到场/,
    },
    {
      rule: 'opening',
      what: 'opening unanswered while the party is present',
      mutate: (c) => (c.openings[0]!.answer = ''),
      path: 'openings.0.answer',
      message: /第1项告知（出示执法证件）尚未记录当事人的回答/,
    },
    {
      rule: 'witnessName',
      what: 'party absent, witness without name',
      mutate: (c) => ((c.partyNotice = '已通知，当事人未到场'), (c.witness = { ...witness, name: '' })),
      path: 'witness.name',
      message: /见证人姓名/,
    },
    {
      rule: 'witnessId',
      what: 'party unreachable, witness without ID number',
      mutate: (c) => ((c.partyNotice = '无法通知当事人'), (c.witness = { ...witness, idNumber: '' })),
      path: 'witness.idNumber',
      message: /见证人身份证件号码/,
    },
    {
      rule: 'idValid',
      what: 'a present person with an impossible birth date',
      mutate: (c) => (c.present[0]!.idNumber = '450203198802300039'),
      path: 'present.0.idNumber',
      message: /在场人员张𠮷㵘的身份证号码第7至14位的出生日期（19880230）不存在/,
    },
    {
      rule: 'idValid',
      what: 'the witness with a wrong check character (checked even when the party is present)',
      mutate: (c) => (c.witness = { ...witness, idNumber: '450203197503060011' }),
      path: 'witness.idNumber',
      message: /见证人的身份证号码校验位不正确/,
    },
    {
      rule: 'idValid',
      what: 'the party’s credit code mistyped',
      mutate: (c) => (c.party.idNumber = '91450204MA5N8K2X70'),
      path: 'party.idNumber',
      message: /当事人的统一社会信用代码/,
    },
    { rule: 'findings', what: 'no findings', mutate: (c) => (c.findings = ''), path: 'findings', message: /检查情况/ },
    {
      rule: 'evidenceLink',
      what: 'e-evidence measure without its record',
      mutate: (c) => (c.measures[1]!.linkedDocumentId = ''),
      path: 'measures.1.linkedDocumentId',
      message: /第2项措施为电子取证：请关联对应的电子取证工作记录/,
    },
    {
      rule: 'preservationLink',
      what: 'an unlinked 先行登记保存 measure',
      mutate: (c) =>
        c.measures.push({
          id: 'm3',
          kind: '先行登记保存',
          description: '对移动硬盘先行登记保存。',
          linkedDocumentId: '',
          outcome: '',
          earlyReason: '',
        }),
      path: 'measures.2.linkedDocumentId',
      message: /第3项措施为先行登记保存：请关联对应的登记保存物品清单/,
    },
    {
      rule: 'linkTarget',
      what: 'e-evidence measure linked to a 询问笔录',
      mutate: (c) => (c.measures[1]!.linkedDocumentId = 'inquiry-doc'),
      path: 'measures.1.linkedDocumentId',
      message: /只能关联本案的电子取证工作记录，不能关联询问笔录/,
    },
    {
      rule: 'linkTarget',
      what: '先行登记保存 linked to a 电子取证工作记录',
      mutate: (c) =>
        c.measures.push({
          id: 'm3',
          kind: '先行登记保存',
          description: '',
          linkedDocumentId: 'evidence-doc',
          outcome: '',
          earlyReason: '',
        }),
      path: 'measures.2.linkedDocumentId',
      message: /只能关联本案的登记保存物品清单及通知书/,
    },
    {
      rule: 'linkTarget',
      what: 'a link to another case’s document',
      mutate: (c) => (c.measures[1]!.linkedDocumentId = 'evidence-of-another-case'),
      path: 'measures.1.linkedDocumentId',
      message: /关联的文书不属于本案/,
    },
    {
      rule: 'linkTarget',
      what: 'a photo linked to a 登记保存物品清单',
      mutate: (c) => (c.measures[0]!.linkedDocumentId = 'preservation-doc'),
      path: 'measures.0.linkedDocumentId',
      message: /第1项措施（拍照）只能关联本案的电子取证工作记录/,
    },
    {
      rule: 'reviewLink',
      what: 'a 复查 that names no 责令改正通知书',
      mutate: (c) =>
        c.measures.push({
          ...{
            id: 'm3',
            kind: '复查' as const,
            description: '后台已启用二次验证。',
            linkedDocumentId: 'rectification-doc',
            outcome: '已改正' as const,
            earlyReason: '',
          },
          linkedDocumentId: '',
        }),
      path: 'measures.2.linkedDocumentId',
      message: /第3项措施为复查：请关联所复查的责令（限期）改正通知书/,
    },
    {
      rule: 'linkTarget',
      what: 'a 复查 linked to a 送达回证',
      mutate: (c) =>
        c.measures.push({
          ...{
            id: 'm3',
            kind: '复查' as const,
            description: '后台已启用二次验证。',
            linkedDocumentId: 'rectification-doc',
            outcome: '已改正' as const,
            earlyReason: '',
          },
          linkedDocumentId: 'delivery-doc',
        }),
      path: 'measures.2.linkedDocumentId',
      message: /第3项措施（复查）只能关联本案的责令（限期）改正通知书/,
    },
    {
      rule: 'reviewOutcome',
      what: 'a 复查 without its outcome',
      mutate: (c) =>
        c.measures.push({
          ...{
            id: 'm3',
            kind: '复查' as const,
            description: '后台已启用二次验证。',
            linkedDocumentId: 'rectification-doc',
            outcome: '已改正' as const,
            earlyReason: '',
          },
          outcome: '',
        }),
      path: 'measures.2.outcome',
      message: /请选择复查结论（已改正、部分改正或未改正）/,
    },
    {
      rule: 'reviewTemplate',
      what: 'a 复查 in a 现场笔录 of template 2026.1, which does not print its outcome',
      mutate: (c) =>
        c.measures.push({
          id: 'm3',
          kind: '复查' as const,
          description: '后台已启用二次验证。',
          linkedDocumentId: 'rectification-doc',
          outcome: '已改正' as const,
          earlyReason: '',
        }),
      path: 'measures.2.kind',
      message: /模板版本（2026\.1）不能打印复查结论/,
      version: '2026.1',
    },
    {
      rule: 'confirmation',
      what: 'no confirmation',
      mutate: (c) => (c.confirmation = ''),
      path: 'confirmation',
      message: /确认意见/,
    },
  ],
  evidence: [
    {
      rule: 'startTime',
      what: 'no start time',
      mutate: (c) => (c.startTime = ''),
      path: 'startTime',
      message: /请填写取证开始时间/,
    },
    {
      rule: 'endTime',
      what: 'no end time',
      mutate: (c) => (c.endTime = ''),
      path: 'endTime',
      message: /请填写取证结束时间/,
    },
    {
      rule: 'timeOrder',
      what: 'end before start',
      mutate: (c) => (c.endTime = '2026-11-20T08:59'),
      path: 'endTime',
      message: /不能早于或等于开始时间/,
    },
    {
      rule: 'timeSource',
      what: 'no time source',
      mutate: (c) => (c.timeSource = ''),
      path: 'timeSource',
      message: /时间的来源/,
    },
    { rule: 'place', what: 'no place', mutate: (c) => (c.place = ''), path: 'place', message: /取证地点/ },
    {
      rule: 'collectors',
      what: 'only one collector',
      mutate: (c) => (c.collectorIds = [B]),
      path: 'collectorIds',
      message: /两名不同的取证人/,
    },
    {
      rule: 'recorder',
      what: 'no 记录人',
      mutate: (c) => (c.recorderId = ''),
      path: 'recorderId',
      message: /请指定记录人/,
    },
    { rule: 'method', what: 'no method', mutate: (c) => (c.method = ''), path: 'method', message: /取证方式/ },
    {
      rule: 'target',
      what: 'no target',
      mutate: (c) =>
        (c.target = {
          siteName: '',
          url: '',
          domain: '',
          ip: '',
          appName: '',
          appVersion: '',
          account: '',
          group: '',
          device: '',
        }),
      path: 'target.siteName',
      message: /取证对象/,
    },
    {
      rule: 'witnessOrReason',
      what: 'no witness and no reason',
      mutate: (c) => ((c.witness.name = ''), (c.noWitnessReason = ' ')),
      path: 'witness.name',
      message: /没有见证人的原因/,
    },
    {
      rule: 'idValid',
      what: 'the witness’s number typed full-width with a birth year before 1900',
      mutate: (c) => (c.witness.idNumber = '４５０２０３１８９９０１０１００１２'),
      path: 'witness.idNumber',
      message: /见证人的身份证号码中的出生年份（1899年）早于1900年/,
    },
    {
      rule: 'device',
      what: 'no device in the environment',
      mutate: (c) => (c.environment.device = ''),
      path: 'environment.device',
      message: /取证所用设备/,
    },
    { rule: 'steps', what: 'no steps', mutate: (c) => (c.steps = []), path: 'steps', message: /取证步骤/ },
    {
      rule: 'steps',
      what: 'only empty steps',
      mutate: (c) => (c.steps = [{ id: 's', time: '', text: ' ', auto: false, itemIds: [] }]),
      path: 'steps',
      message: /取证步骤/,
    },
    { rule: 'itemsPresent', what: 'an empty list', mutate: (c) => (c.items = []), path: 'items', message: /清单为空/ },
    {
      rule: 'itemName',
      what: 'a row without a name',
      mutate: (c) => (c.items[1]!.name = ''),
      path: 'items.1.name',
      message: /第2项缺少名称/,
    },
    {
      rule: 'itemCategory',
      what: 'a row without a category',
      mutate: (c) => (c.items[0]!.category = ''),
      path: 'items.0.category',
      message: /第1项缺少类别/,
    },
    {
      rule: 'itemSha256',
      what: 'a row without a hash',
      mutate: (c) => (c.items[0]!.sha256 = ''),
      path: 'items.0.sha256',
      message: /完整性校验值/,
    },
    {
      rule: 'stepTime',
      what: 'a step after the collection ended',
      mutate: (c) => (c.steps[2]!.time = '2026-11-20T09:25'),
      path: 'steps.2.time',
      message: /第3步的时间（2026-11-20 09:25）不在取证时间（2026-11-20 09:00至2026-11-20 09:20）内/,
    },
    {
      rule: 'stepTime',
      what: 'a step before the one above it',
      mutate: (c) => (c.steps[1]!.time = '2026-11-20T09:01'),
      path: 'steps.1.time',
      message: /第2步的时间（2026-11-20 09:01）早于上一步（2026-11-20 09:02）/,
    },
    {
      rule: 'itemTime',
      what: 'an item extracted before the collection began',
      mutate: (c) => (c.items[0]!.time = '2026-11-20T08:30'),
      path: 'items.0.time',
      message: /第1项的提取时间（2026-11-20 08:30）不在取证时间/,
    },
    {
      rule: 'itemTime',
      what: 'an item imported before it was extracted',
      mutate: (c) => (c.items[0]!.importedAt = '2026-11-20T09:05'),
      path: 'items.0.time',
      message: /晚于其导入本机的时间（2026-11-20 09:05）/,
    },
    {
      rule: 'itemCustody',
      what: 'imported long after extraction, custody not recorded',
      mutate: (c) => (c.items[0]!.importedAt = '2026-11-20T10:40'),
      path: 'items.0.custody',
      message: /第1项于2026-11-20 09:06提取、2026-11-20 10:40导入，相隔94分钟：请在「保管情况」中说明/,
    },
    {
      rule: 'itemWithoutStep',
      what: 'a 清单 row that no step produced',
      mutate: (c) => (c.steps[2]!.itemIds = []),
      path: 'items.1.name',
      message: /第2项「后台管理员账号设置页面截图」没有对应的取证步骤/,
    },
    {
      rule: 'stepItemMissing',
      what: 'a step naming a row taken out of the 清单',
      mutate: (c) => (c.items = [c.items[0]!]),
      path: 'steps.2.itemIds',
      message: /第3步记录产生的电子数据已不在电子数据清单中/,
    },
  ],
  preservation: [
    {
      rule: 'partyName',
      what: 'no party',
      mutate: (c) => (c.partyName = ''),
      path: 'partyName',
      message: /请填写当事人/,
    },
    {
      rule: 'itemsPresent',
      what: 'an empty list',
      mutate: (c) => (c.items = []),
      path: 'items',
      message: /物品清单为空/,
    },
    {
      rule: 'itemName',
      what: 'a row without name',
      mutate: (c) => (c.items[0]!.name = ''),
      path: 'items.0.name',
      message: /第1行缺少名称/,
    },
    {
      rule: 'itemQuantity',
      what: 'a row with quantity 0',
      mutate: (c) => (c.items[1]!.quantity = '0'),
      path: 'items.1.quantity',
      message: /第2行缺少数量/,
    },
    {
      rule: 'itemQuantity',
      what: 'a row without quantity',
      mutate: (c) => (c.items[0]!.quantity = ''),
      path: 'items.0.quantity',
      message: /第1行缺少数量/,
    },
    {
      rule: 'approver',
      what: 'no approver',
      mutate: (c) => (c.approval.approver = ''),
      path: 'approval.approver',
      message: /负责人批准/,
    },
    {
      rule: 'approvalAt',
      what: 'no approval time',
      mutate: (c) => (c.approval.at = ''),
      path: 'approval.at',
      message: /批准时间/,
    },
    {
      rule: 'approvalHow',
      what: 'approval method unknown',
      mutate: (c) => (c.approval.how = ''),
      path: 'approval.how',
      message: /批准方式/,
    },
    {
      rule: 'startDate',
      what: 'no start date',
      mutate: (c) => (c.startDate = ''),
      path: 'startDate',
      message: /开始日期/,
    },
    { rule: 'place', what: 'no place', mutate: (c) => (c.place = ''), path: 'place', message: /保存地点/ },
    {
      rule: 'conditions',
      what: 'no conditions',
      mutate: (c) => (c.conditions = ''),
      path: 'conditions',
      message: /保存条件/,
    },
    {
      rule: 'officers',
      what: 'only one officer',
      mutate: (c) => (c.officerIds = [A, '']),
      path: 'officerIds',
      message: /两名不同的执法人员/,
    },
    {
      rule: 'approverRole',
      what: 'an approver typed by hand, not one of the office’s heads',
      mutate: (c) => (c.approval.approverId = ''),
      path: 'approval.approver',
      message: /批准人须是本机关的负责人/,
    },
    {
      rule: 'startAt',
      what: 'no time of the preservation',
      mutate: (c) => (c.startAt = ''),
      path: 'startAt',
      message: /请填写先行登记保存的时间/,
    },
    {
      rule: 'startAt',
      what: 'the time on another day than the start date',
      mutate: (c) => (c.startAt = '2026-11-21T09:50'),
      path: 'startAt',
      message: /与开始日期（2026-11-20）不是同一天/,
    },
    {
      rule: 'approvalOrder',
      what: 'approved after the items were preserved',
      mutate: (c) => (c.approval.at = '2026-11-20T10:00'),
      path: 'approval.at',
      message: /批准时间（2026-11-20 10:00）晚于登记保存的时间（2026-11-20 09:50）/,
    },
  ],
  rectification: [
    { rule: 'partyName', what: 'no party', mutate: (c) => (c.party.name = ''), path: 'party.name', message: /当事人/ },
    { rule: 'facts', what: 'no facts', mutate: (c) => (c.facts = ''), path: 'facts', message: /违法事实/ },
    {
      rule: 'law',
      what: 'no articles (the case had no law to apply when it was made)',
      mutate: (c) => (c.law.articles = []),
      path: 'law',
      message: /第三十七条/,
    },
    {
      rule: 'orderArticle',
      what: 'only duty articles, none that provides the order',
      mutate: (c) => (c.law.articles[0]!.role = 'duty'),
      path: 'law',
      message: /没有规定责令改正的条款/,
    },
    {
      rule: 'articleText',
      what: 'an article whose text the catalog lacks',
      mutate: (c) => (c.law.articles[0]!.text = ''),
      path: 'law.articles.0.text',
      message: /第六十一条的条文未能取得/,
    },
    {
      rule: 'violation',
      what: 'no duty breached',
      mutate: (c) => (c.violation = ''),
      path: 'violation',
      message: /违反/,
    },
    {
      rule: 'orderBasis',
      what: 'no article for the order',
      mutate: (c) => (c.orderBasis = ''),
      path: 'orderBasis',
      message: /责令改正所依据/,
    },
    {
      rule: 'corrections',
      what: 'nothing to correct',
      mutate: (c) => (c.corrections = []),
      path: 'corrections',
      message: /逐项写明/,
    },
    {
      rule: 'correctionText',
      what: 'an empty item',
      mutate: (c) => (c.corrections[1]!.text = ' '),
      path: 'corrections.1.text',
      message: /第2项改正内容为空/,
    },
    {
      rule: 'deadlineDays',
      what: 'a period of 0 days',
      mutate: (c) => (c.deadline.days = '0'),
      path: 'deadline.days',
      message: /天数/,
    },
    {
      rule: 'deadlineUnit',
      what: 'days or working days not said',
      mutate: (c) => (c.deadline.unit = ''),
      path: 'deadline.unit',
      message: /按日还是按工作日/,
    },
    {
      rule: 'deadlineFrom',
      what: 'no start',
      mutate: (c) => (c.deadline.from = ''),
      path: 'deadline.from',
      message: /起算日/,
    },
    {
      rule: 'deadlineEnd',
      what: 'no last day',
      mutate: (c) => (c.deadline.endDate = ''),
      path: 'deadline.endDate',
      message: /届满日期/,
    },
    {
      rule: 'deadlineOrder',
      what: 'a last day before the start',
      mutate: (c) => (c.deadline.endDate = '2026-11-19'),
      path: 'deadline.endDate',
      message: /须晚于起算日/,
    },
    {
      rule: 'consequence',
      what: 'no consequence',
      mutate: (c) => (c.consequence = ''),
      path: 'consequence',
      message: /逾期不改正/,
    },
    { rule: 'issueDate', what: 'no date', mutate: (c) => (c.issueDate = ''), path: 'issueDate', message: /日期/ },
    {
      rule: 'officers',
      what: 'the same officer twice',
      mutate: (c) => (c.officerIds = [A, A]),
      path: 'officerIds',
      message: /两名不同的执法人员/,
    },
  ],
  disposal: [
    { rule: 'partyName', what: 'no party', mutate: (c) => (c.partyName = ''), path: 'partyName', message: /当事人/ },
    {
      rule: 'preservation',
      what: 'no preservation named',
      mutate: (c) => (c.preservationId = ''),
      path: 'preservationId',
      message: /请选择本决定针对的/,
    },
    {
      rule: 'preservationTarget',
      what: 'a document of another type',
      mutate: (c) => (c.preservationId = 'inquiry-doc'),
      path: 'preservationId',
      message: /不能针对询问笔录/,
    },
    {
      rule: 'itemsPresent',
      what: 'no items',
      mutate: (c) => (c.items = []),
      path: 'items',
      message: /物品清单为空/,
    },
    {
      rule: 'itemName',
      what: 'an item without a name',
      mutate: (c) => (c.items[0]!.name = ''),
      path: 'items.0.name',
      message: /第1项物品缺少名称/,
    },
    {
      rule: 'itemDecision',
      what: 'an item without a decision',
      mutate: (c) => (c.items[0]!.decision = ''),
      path: 'items.0.decision',
      message: /第1项物品（移动硬盘）尚未作出处理决定/,
    },
    {
      rule: 'transferAuthority',
      what: 'a transfer to nobody',
      mutate: (c) => ((c.items[0]!.decision = '移送有关机关处理'), (c.transfer.reason = '涉嫌犯罪')),
      path: 'transfer.authority',
      message: /移送的机关/,
    },
    {
      rule: 'transferReason',
      what: 'a transfer without its reason',
      mutate: (c) => ((c.items[0]!.decision = '移送有关机关处理'), (c.transfer.authority = '柳州市公安局柳南分局')),
      path: 'transfer.reason',
      message: /移送的理由/,
    },
    {
      rule: 'returnReceivedBy',
      what: 'items returned to nobody',
      mutate: (c) => (c.returnReceipt.receivedBy = ''),
      path: 'returnReceipt.receivedBy',
      message: /签收人/,
    },
    {
      rule: 'returnAt',
      what: 'a return without its time',
      mutate: (c) => (c.returnReceipt.at = ''),
      path: 'returnReceipt.at',
      message: /返还时间/,
    },
    {
      rule: 'returnCondition',
      what: 'a return without the items’ state',
      mutate: (c) => (c.returnReceipt.condition = ''),
      path: 'returnReceipt.condition',
      message: /封条是否完好/,
    },
    { rule: 'basis', what: 'no basis', mutate: (c) => (c.basis = ''), path: 'basis', message: /法律依据/ },
    {
      rule: 'decisionDate',
      what: 'no date',
      mutate: (c) => (c.decisionDate = ''),
      path: 'decisionDate',
      message: /处理决定的日期/,
    },
    {
      rule: 'officers',
      what: 'one officer',
      mutate: (c) => (c.officerIds = [A]),
      path: 'officerIds',
      message: /两名不同的执法人员/,
    },
  ],
  delivery: [
    {
      rule: 'servedDocument',
      what: 'nothing served',
      mutate: (c) => (c.servedDocumentId = ''),
      path: 'servedDocumentId',
      message: /请选择送达的文书/,
    },
    {
      rule: 'servedTarget',
      what: 'another case’s document',
      mutate: (c) => (c.servedDocumentId = 'elsewhere'),
      path: 'servedDocumentId',
      message: /不属于本案/,
    },
    {
      rule: 'servedTarget',
      what: 'a 送达回证 served',
      mutate: (c) => (c.servedDocumentId = 'delivery-doc'),
      path: 'servedDocumentId',
      message: /不能送达另一份送达回证/,
    },
    {
      rule: 'addressee',
      what: 'no addressee',
      mutate: (c) => (c.addressee = ''),
      path: 'addressee',
      message: /受送达人/,
    },
    { rule: 'method', what: 'no manner', mutate: (c) => (c.method = ''), path: 'method', message: /送达方式/ },
    { rule: 'servedAt', what: 'no time', mutate: (c) => (c.servedAt = ''), path: 'servedAt', message: /送达时间/ },
    { rule: 'place', what: 'no place', mutate: (c) => (c.place = ''), path: 'place', message: /送达地点/ },
    {
      rule: 'servers',
      what: 'one server',
      mutate: (c) => (c.serverIds = [A]),
      path: 'serverIds',
      message: /两名不同的送达人/,
    },
    {
      rule: 'receiverName',
      what: 'direct service without the receiving person',
      mutate: (c) => (c.receiver.name = ''),
      path: 'receiver.name',
      message: /签收人姓名/,
    },
    {
      rule: 'receiverRelation',
      what: 'the receiving person’s relation not said',
      mutate: (c) => (c.receiver.relation = ''),
      path: 'receiver.relation',
      message: /关系/,
    },
    {
      rule: 'leftReason',
      what: '留置送达 without what happened',
      mutate: (c) => ((c.method = '留置送达'), (c.witness = witness)),
      path: 'leftReason',
      message: /拒绝签收的情况/,
    },
    {
      rule: 'witnessName',
      what: '留置送达 without a witness',
      mutate: (c) => (
        (c.method = '留置送达'),
        (c.leftReason = '拒收，留置于前台。'),
        (c.witness = { ...witness, name: '' })
      ),
      path: 'witness.name',
      message: /留置送达须有见证人/,
    },
    {
      rule: 'witnessId',
      what: '留置送达 with a witness without an ID number',
      mutate: (c) => (
        (c.method = '留置送达'),
        (c.leftReason = '拒收，留置于前台。'),
        (c.witness = { ...witness, idNumber: '' })
      ),
      path: 'witness.idNumber',
      message: /身份证件号码/,
    },
    {
      rule: 'idValid',
      what: 'a witness ID number with a wrong check character',
      mutate: (c) => (c.witness = { ...witness, idNumber: '450203197503060011' }),
      path: 'witness.idNumber',
      message: /见证人的/,
    },
    {
      rule: 'trackingNo',
      what: '邮寄送达 without the tracking number',
      mutate: (c) => (c.method = '邮寄送达'),
      path: 'trackingNo',
      message: /邮件单号/,
    },
    {
      rule: 'consent',
      what: '电子送达 without the prior consent',
      mutate: (c) => ((c.method = '电子送达'), (c.electronic.address = 'legal@xinghe-news.cn')),
      path: 'electronic.consent',
      message: /事先同意/,
    },
  ],
};

const passing: { [T in DocumentType]: Passing<Contents[T]>[] } = {
  inquiry: [
    [
      'an ID number that is not a 居民身份证 is not check-digit tested',
      (c) => ((c.interviewee.idType = '护照'), (c.interviewee.idNumber = 'E12345678')),
    ],
    ['an empty trailing pair (no question, no answer)', (c) => c.qa.push({ id: 'q9', q: '', a: '' })],
    ['an answer recorded as a refusal', (c) => (c.qa[2]!.a = '不回答。')],
  ],
  onsite: [
    [
      'party absent, witness with name and ID number, openings not asked',
      (c) => ((c.partyNotice = '已通知，当事人未到场'), (c.witness = witness), (c.openings = [])),
    ],
    [
      'party unreachable, with a witness',
      (c) => ((c.partyNotice = '无法通知当事人'), (c.witness = witness), (c.openings = [])),
    ],
    [
      '先行登记保存 linked to the case’s 登记保存物品清单',
      (c) =>
        c.measures.push({
          id: 'm3',
          kind: '先行登记保存',
          description: '',
          linkedDocumentId: 'preservation-doc',
          outcome: '',
          earlyReason: '',
        }),
    ],
    ['a photo linked (optionally) to the 电子取证工作记录', (c) => (c.measures[0]!.linkedDocumentId = 'evidence-doc')],
    [
      '「其他」 linked to any document of the case',
      (c) =>
        c.measures.push({
          id: 'm3',
          kind: '其他',
          description: '询问现场负责人。',
          linkedDocumentId: 'inquiry-doc',
          outcome: '',
          earlyReason: '',
        }),
    ],
    ['no measures at all', (c) => (c.measures = [])],
    [
      'a 复查 of the case’s 责令改正通知书 with its outcome (template 2026.2)',
      (c) =>
        c.measures.push({
          id: 'm3',
          kind: '复查' as const,
          description: '后台已启用二次验证。',
          linkedDocumentId: 'rectification-doc',
          outcome: '已改正' as const,
          earlyReason: '',
        }),
    ],
  ],
  evidence: [
    [
      'no witness, but the reason given',
      (c) => ((c.witness = { ...c.witness, name: '' }), (c.noWitnessReason = '当事人员工均为利害关系人，全程录像。')),
    ],
    ['a witness and no reason', (c) => (c.noWitnessReason = '')],
    [
      'the target only as an app account',
      (c) =>
        (c.target = {
          siteName: '',
          url: '',
          domain: '',
          ip: '',
          appName: '',
          appVersion: '',
          account: '微信公众号 xinghe_news',
          group: '',
          device: '',
        }),
    ],
    [
      'imported on site a quarter of an hour after extraction (no custody note needed)',
      (c) => (c.items[0]!.importedAt = '2026-11-20T09:20'),
    ],
    [
      'imported later, with its custody recorded',
      (c) => (
        (c.items[0]!.importedAt = '2026-11-20T14:00'),
        (c.items[0]!.custody = 'U盘 XJ-2026-031 装袋封存（封条 FT-2026-0112），由李明保管至导入')
      ),
    ],
    [
      'a row produced by its import’s own step',
      (c) => {
        c.items.push({
          ...c.items[1]!,
          id: 'ev-9',
          evidenceId: 'ev-9',
          time: '2026-11-20T09:15',
          importedAt: '2026-11-20T09:15',
        });
        c.steps.push({
          id: 'auto-ev-9',
          time: '2026-11-20T09:15',
          text: '导入电子数据「x」。',
          auto: true,
          itemIds: ['ev-9'],
        });
      },
    ],
    ['steps without times', (c) => c.steps.forEach((st) => (st.time = ''))],
  ],
  preservation: [
    ['a quantity of several', (c) => (c.items[0]!.quantity = '12')],
    ['approved in the minute the items were preserved', (c) => (c.approval.at = c.startAt)],
  ],
  rectification: [['a period in working days', (c) => (c.deadline = { ...c.deadline, days: '5', unit: '工作日' })]],
  disposal: [
    [
      'nothing returned: no receipt needed',
      (c) => (
        (c.items[1]!.decision = '解除先行登记保存'),
        (c.returnReceipt = { receivedBy: '', at: '', condition: '' })
      ),
    ],
    [
      'a transfer with its authority and reason',
      (c) => (
        (c.items[0]!.decision = '移送有关机关处理'),
        (c.transfer = { authority: '柳州市公安局柳南分局', reason: '涉嫌非法侵入计算机信息系统，依法移送。' })
      ),
    ],
  ],
  delivery: [
    [
      '留置送达 with what happened and a witness, no receiving person',
      (c) => (
        (c.method = '留置送达'),
        (c.receiver = { name: '', relation: '' }),
        (c.leftReason = '法定代表人拒绝签收，执法人员将通知书留置于其公司前台，并拍照记录。'),
        (c.witness = witness)
      ),
    ],
    [
      '邮寄送达 with a tracking number, no place',
      (c) => ((c.method = '邮寄送达'), (c.place = ''), (c.trackingNo = '1234567890123')),
    ],
    [
      '电子送达 with consent and address',
      (c) => (
        (c.method = '电子送达'),
        (c.place = ''),
        (c.electronic = {
          consent: '当事人于2026年11月20日书面确认同意以电子邮件送达。',
          address: 'legal@xinghe-news.cn',
        })
      ),
    ],
  ],
};

describe('the closing of a 询问笔录', () => {
  it('2023.1 prints its one closing statement: no choice asked; 2026.1 asks for 核对 or 宣读', () => {
    const { closingMode: _m, ...c } = complete.inquiry();
    expect(checkCompleteness('inquiry', c, templateFor('inquiry', '2023.1'), ctx)).toEqual([]);
    expect(checkCompleteness('inquiry', c, templateFor('inquiry', '2026.1'), ctx).map((i) => i.rule)).toEqual([
      'closingMode',
    ]);
    expect(checkCompleteness('inquiry', { ...c, closingMode: '宣读' }, templateFor('inquiry', '2026.1'), ctx)).toEqual(
      [],
    );
  });
});

describe('completeness rules', () => {
  for (const type of DOCUMENT_TYPES) {
    describe(type, () => {
      it('a complete document has no issue', () => {
        expect(check(type, complete[type]())).toEqual([]);
      });
      it('every rule has a failing case below', () => {
        const tested = new Set((failing[type] as Failing<unknown>[]).map((f) => f.rule));
        expect(RULES[type].filter((r) => !tested.has(r))).toEqual([]);
        expect([...tested].filter((r) => !(RULES[type] as readonly string[]).includes(r))).toEqual([]);
      });
      for (const f of failing[type] as Failing<unknown>[]) {
        it(`flags ${f.rule}: ${f.what}`, () => {
          const c = complete[type]();
          f.mutate(c);
          const issues = f.version ? checkCompleteness(type, c, templateFor(type, f.version), ctx) : check(type, c);
          // exactly the issue it names: one issue, that rule, that field, a message saying what is missing
          expect(issues, JSON.stringify(issues)).toHaveLength(1);
          expect(issues[0]!.rule).toBe(f.rule);
          expect(issues[0]!.path).toBe(f.path);
          expect(issues[0]!.message).toMatch(f.message);
        });
      }
      for (const [what, mutate] of passing[type] as Passing<unknown>[]) {
        it(`accepts: ${what}`, () => {
          const c = complete[type]();
          mutate(c);
          expect(check(type, c)).toEqual([]);
        });
      }
    });
  }
});

describe('content saved before a field existed', () => {
  it('a 电子取证工作记录 whose steps predate `itemIds` (before the case timeline) is checked with the default, not failed', () => {
    const c = complete.evidence();
    // As such a record is stored on an officer's laptop: the steps carry no itemIds at all.
    const old = { ...c, steps: c.steps.map(({ itemIds: _dropped, ...s }) => s) };
    const issues = check('evidence', old);
    expect(issues.map((i) => i.rule)).toEqual(c.items.map(() => 'itemWithoutStep'));
    expect(issues.map((i) => i.path)).toEqual(c.items.map((_, i) => `items.${i}.name`));
  });
});
