// Every rule of the case timeline has a failing and a passing case: the demo's day (scripts/
// demo-day.ts, signed and sealed at the times of its acts) raises no issue — the passing case of
// every rule — and each mutation below must raise exactly the issue it names. Every rule code of
// TIMELINE_RULES must appear in a failing case, so a new rule cannot be added untested.
import { describe, expect, it } from 'vitest';
import { DEMO_IMPORTS, at, dayEvidence, dayInquiry, dayOnsite, dayPreservation } from '../../scripts/demo-day.ts';
import { demoDelivery, demoDisposal, demoRectification } from '../../scripts/demo-documents.ts';
import type { EvidenceItem } from '../evidence/evidence-schema.ts';
import { EvidenceMetaSchema } from '../evidence/evidence-schema.ts';
import { EVIDENCE } from '../documents/types/evidence/descriptor.ts';
import { descriptorOf, type DocumentType } from '../documents/types/registry.ts';
import { blocking, caseTimeline, TIMELINE_RULES, TIMELINE_RULE_SEVERITY, type TimelineRule } from './case-timeline.ts';
import { affirms } from './rules/signing.ts';
import type { TimelineInput } from './timeline-api.ts';

const A = 'officer-a';
const B = 'officer-b';
const PARTY_CODE = '91450204MA5N8K2X7Q';
/** 14:00 Beijing on the demo's day: everything of the morning is done. */
const NOW = new Date('2026-11-20T06:00:00.000Z');
/** The party's legal representative, as a witness. */
const CHEN = { name: '陈立新', idType: '居民身份证', idNumber: '', unit: '', role: '', phone: '' };
const iso = (minute: string) => new Date(`${minute}:00+08:00`).toISOString();

type Contents = Record<'ev' | 'on' | 'pr' | 'iq' | 'or' | 'de' | 'di', Record<string, unknown>>;

/** The evidence record as the imports fill it (the descriptor's own append), step 2 naming the log. */
function evidenceWithImports(): Record<string, unknown> {
  let c = dayEvidence([A, B], B, 'item-1');
  DEMO_IMPORTS.forEach((f, i) => {
    const item: EvidenceItem = {
      id: `item-${i + 1}`,
      caseId: 'case',
      fileName: f.fileName,
      format: '',
      sizeBytes: 100 + i,
      sha256: String(i).repeat(64),
      sm3: String(i + 1).repeat(64),
      collectedAt: iso(at(f.at)),
      collectedBy: [A, B],
      meta: EvidenceMetaSchema.parse(f.meta),
      verifiedAt: null,
      verifyStatus: null,
    };
    c = EVIDENCE.evidenceList!.append(c, item, at(f.at));
  });
  return c;
}

function contents(): Contents {
  return {
    ev: evidenceWithImports(),
    on: dayOnsite([A, B], B, 'ev', 'pr'),
    pr: dayPreservation([A, B], 'head-1'),
    iq: dayInquiry(A, B),
    // The demo's afternoon: the order made and served at 12:45, the decision on the items kept with
    // the notebook returned at 13:50.
    or: demoRectification([A, B]),
    de: { ...demoDelivery('or', '责令（限期）改正通知书', [A, B]), servedAt: at('12:45') },
    di: {
      ...demoDisposal('pr', [A, B]),
      decisionDate: '2026-11-20',
      returnReceipt: { ...demoDisposal('pr', [A, B]).returnReceipt, at: at('13:50') },
    },
  };
}

const TYPES: Record<keyof Contents, DocumentType> = {
  ev: 'evidence',
  on: 'onsite',
  pr: 'preservation',
  iq: 'inquiry',
  or: 'rectification',
  de: 'delivery',
  di: 'disposal',
};

/** A later 现场笔录 recording the 复查 of the order (by both officers, from `start` for half an hour). */
function review(start: string, earlyReason = '', id = 'rv'): TimelineInput['documents'][number] {
  const d = descriptorOf('onsite');
  const c = d.content.parse({
    ...dayOnsite([A, B], B, 'ev', 'pr'),
    startTime: start,
    endTime: start.replace(/T(\d{2}):\d{2}$/, 'T$1:30'),
    measures: [
      {
        id: 'm1',
        kind: '复查',
        description: '后台已启用二次验证。',
        linkedDocumentId: 'or',
        outcome: '已改正',
        earlyReason,
      },
    ],
  });
  return {
    id,
    type: 'onsite',
    docNo: '网信案现〔2026〕0002号',
    state: 'draft',
    correctsId: null,
    facts: d.timeline(c),
  };
}

/** One sitting: the listed signers sign at `minute`; a role in `refused` refuses instead. */
function sitting(doc: string, minute: string, roles: string[], opts: { refused?: string; reason?: string } = {}) {
  return roles.map((role, i) => ({
    documentId: doc,
    role,
    status: role === opts.refused ? ('refused' as const) : ('signed' as const),
    signerName: role === '执法人员' ? (i % 2 ? '王芳' : '李明') : '张𠮷㵘',
    officerId: role === '执法人员' ? (i % 2 ? B : A) : null,
    signedAt: iso(minute),
    sittingStartedAt: iso(minute),
    sittingId: `${doc}-${minute}`,
    reason: role === opts.refused ? '以不认可检查结果为由' : (opts.reason ?? ''),
  }));
}

function input(c: Contents = contents()): TimelineInput {
  return {
    caseId: 'case',
    caseNo: '网信案〔2026〕0001号',
    party: { name: '柳州市星河网络科技有限公司', idNumber: PARTY_CODE, representative: '陈立新' },
    documents: (Object.keys(c) as (keyof Contents)[]).map((id) => {
      const d = descriptorOf(TYPES[id]);
      return {
        id,
        type: TYPES[id],
        docNo: `网信案${d.numberMark}〔2026〕0001号`,
        state: 'sealed' as const,
        correctsId: null,
        facts: d.timeline(d.content.parse(c[id])),
      };
    }),
    signatures: [
      ...sitting('ev', at('10:21'), ['执法人员', '执法人员', '持有人/提供人', '见证人']),
      ...sitting('pr', at('10:45'), ['当事人', '执法人员', '执法人员']),
      ...sitting('on', at('11:31'), ['当事人', '见证人', '执法人员', '执法人员'], { refused: '当事人' }),
      ...sitting('iq', at('12:31'), ['被询问人', '执法人员', '执法人员']),
    ],
    seals: ['ev', 'pr', 'on', 'iq'].map((documentId) => ({ documentId, sealedAt: iso(at('12:45')) })),
    milestones: [{ label: '发现违法行为之日', date: '2026-11-20' }],
    imports: [{ evidenceId: 'rec-1', fileName: '签名录像.webm', at: iso(at('12:40')) }],
    confirmations: [],
    elsewhere: [{ idNumber: '450204199203150021', name: '黄㵘', where: '案件网信案〔2026〕0002号的当事人' }],
    officers: [
      { id: A, name: '李明' },
      { id: B, name: '王芳' },
    ],
    // The 工作台's last days: 先行登记保存 seven working days from 11-20, the order's printed 12-07.
    periods: [
      { documentId: 'pr', label: '先行登记保存处理期限', lastDay: '2026-12-01' },
      { documentId: 'or', label: '责令改正期限', lastDay: '2026-12-07' },
    ],
    lateSigningMinutes: 120,
  };
}

interface Failing {
  rule: TimelineRule;
  what: string;
  mutate: (x: TimelineInput, c: Contents) => void;
  now?: Date;
  at: { documentId: string; path: string }[];
  message: RegExp;
}

/** The morning alone: an inquiry stretched past 12:45 would otherwise also meet the afternoon's service and return. */
const morning = (x: TimelineInput) => (x.documents = x.documents.filter((d) => !['de', 'di'].includes(d.id)));

/** Mutations of the contents go through this: the facts are read again from them. */
const failing: Failing[] = [
  {
    rule: 'officerOverlap',
    what: 'the inquiry begun before the inspection ended, by the same officers',
    mutate: (_x, c) => ((c.iq.startTime = at('11:00')), (c.iq.endTime = at('12:00'))),
    at: [
      { documentId: 'on', path: 'startTime' },
      { documentId: 'iq', path: 'startTime' },
    ],
    message:
      /执法人员李明、王芳同时出现在现场笔录（网信案现〔2026〕0001号）的现场检查（2026-11-20 09:00至2026-11-20 11:30）和询问笔录（网信案询〔2026〕0001号）的询问（2026-11-20 11:00至2026-11-20 12:00）中/,
  },
  {
    rule: 'officerOverlap',
    what: 'the head’s approval asked for while both officers were in the inquiry (after the inspection)',
    mutate: (_x, c) => ((c.pr as { approval: { at: string } }).approval.at = at('12:00')),
    at: [
      { documentId: 'pr', path: 'approval.at' },
      { documentId: 'iq', path: 'startTime' },
    ],
    message: /的机关负责人批准先行登记保存（黄建国（主任），电话批准）（2026-11-20 12:00）和询问笔录.*的询问/,
  },
  {
    rule: 'officerOverlap',
    what: 'the evidence record inside the inspection, but not linked as its measure',
    mutate: (_x, c) =>
      ((c.on as { measures: { kind: string }[] }).measures = (c.on as { measures: { kind: string }[] }).measures.filter(
        (m) => m.kind !== '电子取证',
      )),
    at: [
      { documentId: 'ev', path: 'startTime' },
      { documentId: 'on', path: 'startTime' },
    ],
    message: /同时出现在电子取证工作记录.*的电子取证（2026-11-20 09:20至2026-11-20 10:20）和现场笔录/,
  },
  {
    rule: 'officerOverlap',
    what: 'the order served by the officers while they were in the inquiry',
    mutate: (_x, c) => (c.de.servedAt = at('12:00')),
    at: [
      { documentId: 'iq', path: 'startTime' },
      { documentId: 'de', path: 'servedAt' },
    ],
    message:
      /同时出现在询问笔录.*的询问（2026-11-20 11:40至2026-11-20 12:30）和送达回证（网信案送〔2026〕0001号）的送达责令（限期）改正通知书（2026-11-20 12:00）中/,
  },
  {
    rule: 'servedBeforeMade',
    what: 'the order served the day before it was made',
    mutate: (_x, c) => (c.de.servedAt = '2026-11-19T16:00'),
    at: [
      { documentId: 'de', path: 'servedAt' },
      { documentId: 'or', path: 'issueDate' },
    ],
    message:
      /送达回证（网信案送〔2026〕0001号）记录的送达时间（2026-11-19 16:00）早于所送达的责令（限期）改正通知书（网信案改〔2026〕0001号）的作出时间（2026-11-20）：文书作出之前不能送达/,
  },
  {
    rule: 'returnBeforeDecision',
    what: 'the notebook returned the day before the decision to return it',
    mutate: (_x, c) => ((c.di as { returnReceipt: { at: string } }).returnReceipt.at = '2026-11-19T13:50'),
    at: [{ documentId: 'di', path: 'returnReceipt.at' }],
    message: /返还时间（2026-11-19 13:50）早于处理决定的日期（2026-11-20）/,
  },
  {
    rule: 'decisionLate',
    what: 'the decision on 12-02, after the seven working days (last day 12-01), without a reason',
    now: new Date('2026-12-02T06:00:00.000Z'),
    mutate: (_x, c) => (
      (c.di.decisionDate = '2026-12-02'),
      ((c.di as { returnReceipt: { at: string } }).returnReceipt.at = '2026-12-02T10:00')
    ),
    at: [{ documentId: 'di', path: 'decisionDate' }],
    message:
      /作出处理决定日期（2026年12月2日）晚于登记保存物品清单及通知书（网信案保〔2026〕0001号）的先行登记保存处理期限（2026年12月1日）：应当在七个工作日内作出处理决定/,
  },
  {
    rule: 'reviewBeforeService',
    what: 'the 复查 at 12:40, before the order was served at 12:45',
    mutate: (x) => x.documents.push(review(at('12:31'), '当事人当场整改完毕并申请复查')),
    at: [{ documentId: 'rv', path: 'measures.0.kind' }],
    message:
      /现场笔录（网信案现〔2026〕0002号）的复查改正情况（已改正）（2026-11-20 12:31）早于责令（限期）改正通知书（网信案改〔2026〕0001号）的送达（送达回证（网信案送〔2026〕0001号），2026-11-20 12:45）/,
  },
  {
    rule: 'reviewBeforeService',
    what: 'a 复查 of an order the case has no 送达回证 for',
    now: new Date('2026-12-08T02:00:00.000Z'),
    mutate: (x) => {
      x.documents = x.documents.filter((d) => d.id !== 'de');
      x.documents.push(review('2026-12-08T09:00'));
    },
    at: [{ documentId: 'rv', path: 'measures.0.kind' }],
    message: /但本案没有该通知书的送达回证：改正期限自送达起算/,
  },
  {
    rule: 'reviewEarly',
    what: 'the 复查 on the last day of the period, without a reason',
    now: new Date('2026-12-07T02:00:00.000Z'),
    mutate: (x) => x.documents.push(review('2026-12-07T09:00')),
    at: [{ documentId: 'rv', path: 'measures.0.kind' }],
    message:
      /复查改正情况（已改正）（2026-12-07 09:00）在责令（限期）改正通知书（网信案改〔2026〕0001号）的改正期限届满（2026年12月7日）之前：当事人在期限内仍可改正/,
  },
  {
    rule: 'measureNotRecorded',
    what: 'the 先行登记保存 not among the inspection’s measures',
    mutate: (_x, c) =>
      ((c.on as { measures: { kind: string }[] }).measures = (c.on as { measures: { kind: string }[] }).measures.filter(
        (m) => m.kind !== '先行登记保存',
      )),
    at: [{ documentId: 'pr', path: 'startAt' }],
    message:
      /先行登记保存（物品2件）（2026-11-20 10:40）没有记入现场笔录：现场采取的措施应在当时的现场笔录「采取的措施」中登记并关联本文书/,
  },
  {
    rule: 'measureNotRecorded',
    what: 'the 先行登记保存 after the linking inspection had ended',
    mutate: (_x, c) => (
      ((c.pr as { startAt: string }).startAt = at('13:00')),
      ((c.pr as { approval: { at: string } }).approval.at = at('12:50'))
    ),
    at: [{ documentId: 'pr', path: 'startAt' }],
    message:
      /现场笔录（网信案现〔2026〕0001号）关联了登记保存物品清单及通知书（网信案保〔2026〕0001号），但其记录的时间不包括先行登记保存（物品2件）的时间（2026-11-20 13:00）/,
  },
  {
    rule: 'futureTime',
    what: 'an inquiry recorded as ending after now',
    mutate: (x, c) => (morning(x), (c.iq.endTime = at('14:30'))),
    at: [{ documentId: 'iq', path: 'endTime' }],
    message:
      /询问笔录（网信案询〔2026〕0001号）记录的询问时间（2026-11-20 14:30）晚于现在（2026-11-20 14:00）：不能记录尚未发生的时间/,
  },
  {
    rule: 'futureTime',
    what: 'records sealed at 00:49 of the day they say the visit lasted until 11:30',
    now: new Date('2026-11-19T16:49:00.000Z'),
    mutate: (x) => (x.documents = x.documents.filter((d) => d.id === 'on')),
    at: [
      { documentId: 'on', path: 'startTime' },
      { documentId: 'on', path: 'endTime' },
    ],
    message: /晚于现在（2026-11-20 00:49）/,
  },
  {
    rule: 'futureTime',
    what: 'a milestone dated tomorrow',
    mutate: (x) => (x.milestones = [{ label: '立案日期', date: '2026-11-21' }]),
    at: [],
    message: /案件记录的「立案日期」（2026-11-21）晚于今天（2026-11-20）/,
  },
  {
    rule: 'lateSignature',
    what: 'the inquiry signed seventeen days later without a reason',
    now: new Date('2026-12-07T02:00:00.000Z'),
    mutate: (x) =>
      (x.signatures = [
        ...x.signatures.filter((s) => s.documentId !== 'iq'),
        ...sitting('iq', '2026-12-07T09:00', ['被询问人', '执法人员', '执法人员']),
      ]),
    at: [{ documentId: 'iq', path: 'endTime' }],
    message:
      /询问笔录（网信案询〔2026〕0001号）的签名于2026-12-07 09:00开始，比笔录完成时间（2026-11-20 12:30）晚24270分钟，超过设定的120分钟，其中3处签名没有记录逾时签名的原因/,
  },
  {
    rule: 'confirmedThenRefused',
    what: 'the record says 「以上记录属实」 and the party refuses to sign it',
    mutate: (_x, c) => (c.on.confirmation = '以上记录属实。'),
    at: [{ documentId: 'on', path: 'confirmation' }],
    message: /笔录中记录的确认意见为「以上记录属实。」，而当事人张𠮷㵘拒绝签名（以不认可检查结果为由）：两者互相矛盾/,
  },
  {
    rule: 'witnessIsParty',
    what: 'the evidence record witnessed by the party’s technical director',
    mutate: (_x, c) =>
      (c.ev.witness = {
        name: '张𠮷㵘',
        idType: '居民身份证',
        idNumber: '450203198805120035',
        unit: '柳州市星河网络科技有限公司',
        role: '技术总监',
        phone: '',
      }),
    at: [{ documentId: 'ev', path: 'witness.name' }],
    message:
      /电子取证工作记录（网信案取〔2026〕0001号）的见证人张𠮷㵘是当事人的工作人员（工作单位：柳州市星河网络科技有限公司）：见证人应与当事人没有利害关系/,
  },
  {
    rule: 'witnessIsParty',
    what: 'the witness is the party’s legal representative',
    mutate: (_x, c) => (c.on.witness = CHEN),
    at: [{ documentId: 'on', path: 'witness.name' }],
    message: /见证人陈立新是当事人的法定代表人（负责人）/,
  },
  {
    rule: 'witnessIsParty',
    what: 'the witness is the party’s agent, known from the inquiry by the ID number (no unit given)',
    mutate: (_x, c) =>
      (c.pr.witness = {
        name: '张𠮷㵘',
        idType: '居民身份证',
        idNumber: '450203198805120035',
        unit: '',
        role: '',
        phone: '',
      }),
    at: [{ documentId: 'pr', path: 'witness.name' }],
    message: /见证人张𠮷㵘在现场笔录（网信案现〔2026〕0001号）中是当事人一方的在场人员/,
  },
  {
    rule: 'sharedIdNumber',
    what: 'the interviewee’s number is another case’s party’s, under another name',
    mutate: (x) =>
      (x.elsewhere = [{ idNumber: '450203198805120035', name: '黄㵘', where: '案件网信案〔2026〕0002号的当事人' }]),
    at: [
      { documentId: 'on', path: 'present.0.idNumber' },
      { documentId: 'iq', path: 'interviewee.idNumber' },
    ],
    message:
      /身份证件号码450203198805120035在本机的记录中属于不同姓名的人：张𠮷㵘（现场笔录（网信案现〔2026〕0001号）的在场人员、询问笔录（网信案询〔2026〕0001号）的被询问人）；黄㵘（案件网信案〔2026〕0002号的当事人）/,
  },
];

const passing: [rule: TimelineRule, what: string, mutate: (x: TimelineInput, c: Contents) => void, now?: Date][] = [
  [
    'officerOverlap',
    'overlapping records by different officers',
    (x, c) => {
      c.iq.startTime = at('11:00');
      c.iq.endTime = at('12:00');
      c.iq.inquirerId = 'officer-c';
      c.iq.recorderId = 'officer-d';
      x.signatures = x.signatures.filter((s) => s.documentId !== 'iq');
    },
  ],
  ['officerOverlap', 'a record beginning in the minute the other ended', (_x, c) => (c.iq.startTime = at('11:30'))],
  [
    'officerOverlap',
    'a record still without its end time is not compared',
    (_x, c) => ((c.iq.startTime = at('11:00')), (c.iq.endTime = '')),
  ],
  ['futureTime', 'a time of now itself', (x, c) => (morning(x), (c.iq.endTime = at('14:00')))],
  [
    'officerOverlap',
    'the order served on site during the inspection, by its inspectors',
    (_x, c) => (c.de.servedAt = at('11:05')),
  ],
  [
    'servedBeforeMade',
    'the order served the day after it was made',
    (_x, c) => (c.de.servedAt = '2026-11-21T09:00'),
    new Date('2026-11-21T02:00:00.000Z'),
  ],
  [
    'returnBeforeDecision',
    'the notebook returned on a later day',
    (_x, c) => ((c.di as { returnReceipt: { at: string } }).returnReceipt.at = '2026-11-21T09:00'),
    new Date('2026-11-21T02:00:00.000Z'),
  ],
  [
    'decisionLate',
    'the decision after the seven working days, with the reason recorded',
    (_x, c) => (
      (c.di.decisionDate = '2026-12-02'),
      ((c.di as { returnReceipt: { at: string } }).returnReceipt.at = '2026-12-02T10:00'),
      (c.di.lateReason = '移动硬盘数据量大，复制校验至12月2日方完成')
    ),
    new Date('2026-12-02T06:00:00.000Z'),
  ],
  [
    'reviewBeforeService',
    'the 复查 the day after the period ended, the order served on the demo’s day',
    (x) => x.documents.push(review('2026-12-08T09:00')),
    new Date('2026-12-08T02:00:00.000Z'),
  ],
  [
    'reviewEarly',
    'the 复查 before the period ended, with its reason (the party reported the correction)',
    (x) => x.documents.push(review('2026-11-25T09:00', '当事人11月24日书面报告已改正并申请复查')),
    new Date('2026-11-25T02:00:00.000Z'),
  ],
  [
    'lateSignature',
    'signed late, with the reason recorded',
    (x) =>
      (x.signatures = [
        ...x.signatures.filter((s) => s.documentId !== 'iq'),
        ...sitting('iq', '2026-12-07T09:00', ['被询问人', '执法人员', '执法人员'], {
          reason: '被询问人当日身体不适，次日到办公室核对后签名',
        }),
      ]),
    new Date('2026-12-07T02:00:00.000Z'),
  ],
  [
    'lateSignature',
    'signed within the margin (1 h 55 min after the end)',
    (x) =>
      (x.signatures = [
        ...x.signatures.filter((s) => s.documentId !== 'iq'),
        ...sitting('iq', at('14:25'), ['被询问人', '执法人员', '执法人员']),
      ]),
    new Date('2026-11-20T06:30:00.000Z'),
  ],
  [
    'confirmedThenRefused',
    '「属实」 and the signer signs',
    (x, c) => (
      (c.on.confirmation = '以上记录属实。'),
      (x.signatures = x.signatures.filter((s) => s.status === 'signed'))
    ),
  ],
  [
    'sharedIdNumber',
    'the same person under the same name in another case',
    (x) => (x.elsewhere = [{ idNumber: '450203198805120035', name: '张𠮷㵘', where: '案件网信案〔2026〕0002号' }]),
  ],
  [
    'measureNotRecorded',
    'the 先行登记保存 in the inspection’s last minute, approved before',
    (_x, c) => ((c.pr as { startAt: string }).startAt = at('11:30')),
  ],
  [
    'measureNotRecorded',
    'the 先行登记保存 still without its time is not placed (its completeness asks for it)',
    (_x, c) => ((c.pr as { startAt: string }).startAt = ''),
  ],
  [
    'witnessIsParty',
    'a witness from the party, confirmed by both officers',
    (x, c) => {
      c.on.witness = CHEN;
      const subject = caseTimeline(rebuilt(x, c), NOW).issues.find((i) => i.rule === 'witnessIsParty')!.subject!;
      x.confirmations = [
        {
          documentId: 'on',
          rule: 'witnessIsParty',
          subject,
          note: '现场无其他人员',
          officers: ['李明', '王芳'],
          at: iso(at('11:32')),
        },
      ];
    },
  ],
];

/** The input with the documents' facts read again from (mutated) contents. */
function rebuilt(x: TimelineInput, c: Contents): TimelineInput {
  const fresh = input(c);
  return { ...x, documents: x.documents.map((d) => fresh.documents.find((f) => f.id === d.id) ?? d) };
}

function run(mutate: (x: TimelineInput, c: Contents) => void, now = NOW) {
  const c = contents();
  const x = input(c);
  mutate(x, c);
  return caseTimeline(rebuilt(x, c), now);
}

describe('the case timeline', () => {
  it('the demo’s day raises no issue, and lists its acts in time order', () => {
    const t = caseTimeline(input(), NOW);
    expect(t.issues).toEqual([]);
    const keys = t.entries.map((e) => (e.at.includes('T') ? e.at : `${e.at}T00:00`));
    expect(keys).toEqual([...keys].sort());
    const line = (e: (typeof t.entries)[number]) => `${e.at.slice(11)} ${e.document ?? ''} ${e.label}`;
    expect(t.entries.map(line)).toEqual(
      expect.arrayContaining([
        '09:00 现场笔录（网信案现〔2026〕0001号） 现场检查',
        '09:30 电子取证工作记录（网信案取〔2026〕0001号） 提取「nginx-access.log」',
        '10:05 电子取证工作记录（网信案取〔2026〕0001号） 「nginx-access.log」导入本机取证存储',
        '10:30 登记保存物品清单及通知书（网信案保〔2026〕0001号） 机关负责人批准先行登记保存（黄建国（主任），电话批准）',
        '11:31 现场笔录（网信案现〔2026〕0001号） 当事人张𠮷㵘：拒绝签名',
        '12:31 询问笔录（网信案询〔2026〕0001号） 签名：被询问人张𠮷㵘、执法人员王芳、执法人员李明',
        '12:40  电子数据「签名录像.webm」导入本机',
        '12:45 询问笔录（网信案询〔2026〕0001号） 封存',
      ]),
    );
  });

  it('every rule has a failing case below, and a severity with its reason', () => {
    const tested = new Set(failing.map((f) => f.rule));
    expect(TIMELINE_RULES.filter((r) => !tested.has(r))).toEqual([]);
    for (const r of TIMELINE_RULES) expect(TIMELINE_RULE_SEVERITY[r].why.length).toBeGreaterThan(20);
  });

  for (const f of failing)
    it(`flags ${f.rule}: ${f.what}`, () => {
      const { issues } = run(f.mutate, f.now);
      const mine = issues.filter((i) => i.rule === f.rule);
      expect(
        issues.filter((i) => i.rule !== f.rule),
        JSON.stringify(issues),
      ).toEqual(f.rule === 'futureTime' && f.now ? expect.anything() : []);
      expect(mine, JSON.stringify(issues)).toHaveLength(f.at.length > 1 && f.rule === 'futureTime' ? 2 : 1);
      expect(mine[0]!.severity).toBe(TIMELINE_RULE_SEVERITY[f.rule].severity);
      expect(mine[0]!.message).toMatch(f.message);
      if (f.rule === 'futureTime' && f.at.length > 1) expect(mine.flatMap((i) => i.at)).toEqual(f.at);
      else expect(mine[0]!.at).toEqual(f.at);
    });

  it('every rule has a passing case below', () => {
    const tested = new Set(passing.map(([rule]) => rule));
    expect(TIMELINE_RULES.filter((r) => !tested.has(r))).toEqual([]);
  });

  for (const [rule, what, mutate, now] of passing)
    it(`accepts (${rule}): ${what}`, () => {
      // Nothing open: no issue, or (the confirmed warning) one both officers confirmed.
      expect(run(mutate, now).issues.filter((i) => !i.confirmed)).toEqual([]);
    });
});

describe('what a timeline issue stops', () => {
  it('a rule that stops signing stops 提交签名 and 封存 of the documents it names, and of no other', () => {
    const { issues } = run((x, c) => (morning(x), (c.iq.endTime = at('14:30'))));
    expect(blocking(issues, 'iq', 'signing')).toHaveLength(1);
    expect(blocking(issues, 'iq', 'sealing')).toHaveLength(1);
    expect(blocking(issues, 'on', 'signing')).toEqual([]);
  });

  it('a measure not recorded stops the sealing of its document only', () => {
    const { issues } = run(
      (_x, c) =>
        ((c.on as { measures: { kind: string }[] }).measures = (
          c.on as { measures: { kind: string }[] }
        ).measures.filter((m) => m.kind !== '先行登记保存')),
    );
    expect(blocking(issues, 'pr', 'signing')).toEqual([]);
    expect(blocking(issues, 'pr', 'sealing')).toHaveLength(1);
  });

  it('a warning that needs confirmation stops 提交签名 until both officers confirmed it', () => {
    const mutate = (_x: TimelineInput, c: Contents) => (c.on.witness = CHEN);
    const before = run(mutate).issues;
    expect(blocking(before, 'on', 'signing')).toHaveLength(1);
    const after = run((x, c) => {
      mutate(x, c);
      x.confirmations = [
        {
          documentId: 'on',
          rule: 'witnessIsParty',
          subject: before[0]!.subject!,
          note: '现场无其他人员',
          officers: ['李明', '王芳'],
          at: iso(at('11:32')),
        },
      ];
    }).issues;
    expect(after[0]!.confirmed).toEqual({ officers: ['李明', '王芳'], at: iso(at('11:32')), note: '现场无其他人员' });
    expect(blocking(after, 'on', 'signing')).toEqual([]);
  });

  it('the editor’s live content replaces the stored facts of its document', () => {
    const x = input();
    morning(x);
    const live = { ...contents().iq, endTime: at('14:30') };
    expect(caseTimeline(x, NOW, { documentId: 'iq', content: live }).issues.map((i) => i.rule)).toEqual(['futureTime']);
  });
});

describe('a confirmation that says the record is true', () => {
  it.each([
    ['以上记录属实。', true],
    ['以上笔录我已看过，与我所说的相符。', true],
    ['以上笔录我已看过，没有异议。', true],
    ['当事人对检查结果有异议，拒绝签名。', false],
    ['以上记录不属实。', false],
    ['当事人不认可检查情况。', false],
    ['', false],
  ])('%s → %s', (text, yes) => expect(affirms(text)).toBe(yes));
});
