// Documents to print without a database: the demo's realistic content in a DocumentDetail, and
// generated long ones (a 30-page 询问笔录, a 200-row 电子数据清单) for golden tests and benchmarks.
import { createHash } from 'node:crypto';
import {
  demoDelivery,
  demoDisposal,
  demoEvidence,
  demoInquiry,
  demoOnsite,
  demoPreservation,
  demoRectification,
} from '../../scripts/demo-documents.ts';
import type { DocumentDetail } from '../../shared/documents/document-api.ts';
import { DOCUMENT_NUMBER_MARK, type DocumentType } from '../../shared/documents/document-types.ts';
import { descriptorOf } from '../../shared/documents/types/registry.ts';

const OFFICERS = [
  { id: 'o1', name: '李明', certNo: '45020019001', unit: '柳州市柳南区互联网信息办公室', active: true },
  { id: 'o2', name: '王芳', certNo: '45020019002', unit: '柳州市柳南区互联网信息办公室', active: true },
];

const CONTENT: Record<DocumentType, () => object> = {
  inquiry: () => demoInquiry('o1', 'o2'),
  onsite: () => demoOnsite(['o1', 'o2'], 'o2', 'd-evidence'),
  evidence: () => demoEvidence(['o1', 'o2'], 'o2'),
  preservation: () => demoPreservation(['o1', 'o2']),
  rectification: () => demoRectification(['o1', 'o2']),
  disposal: () => demoDisposal('d-preservation', ['o1', 'o2']),
  delivery: () => demoDelivery('d-rectification', '责令（限期）改正通知书', ['o1', 'o2']),
};

const sibling = (type: DocumentType, docNo: string) => ({
  id: `d-${type}`,
  caseId: 'c1',
  type,
  docNo,
  state: 'sealed' as const,
  subject: '',
  createdAt: '',
  updatedAt: '',
});

/**
 * The demo's content as documents of the 2023.x versions held it when their references (tests/
 * golden/) were made: the inquiry's closing statement with both alternatives (2026.1 prints the one
 * chosen instead), the evidence record's time source as typed then. The references of a released
 * version stay what its documents printed.
 */
const LEGACY: Partial<Record<DocumentType, (c: Record<string, unknown>) => object>> = {
  inquiry: ({ closingMode: _mode, ...c }) => ({
    ...c,
    closingStatement: '以上笔录请你核对（或：已向你宣读）。如记录有误或遗漏，可以更正或补充。',
  }),
  evidence: (c) => ({
    ...c,
    timeSource:
      '本机时钟。开始记录时本机时间为 2026-11-20 09:00（北京时间）；出发前与单位时间服务器核对，偏差小于1秒。',
  }),
};

/** The template versions printable() makes documents of: the first released one (the default), or 2026.1. */
export type FixtureVersion = '2023.1' | '2026.1';

/** The demo's content for a document of `version` (as above for the 2023.x versions). */
export function fixtureContent(type: DocumentType, version: FixtureVersion = '2023.1'): Record<string, unknown> {
  const c = CONTENT[type]() as Record<string, unknown>;
  const legacy = LEGACY[type];
  return (version === '2023.1' && legacy ? legacy(c) : c) as Record<string, unknown>;
}

export function printable(
  type: DocumentType,
  opts: { draft?: boolean; content?: object; version?: FixtureVersion } = {},
): DocumentDetail {
  const docNo = `网信案${DOCUMENT_NUMBER_MARK[type]}〔2026〕0001号`;
  return {
    id: `d-${type}`,
    caseId: 'c1',
    type,
    docNo,
    state: opts.draft ? 'draft' : 'ready',
    subject: '',
    createdAt: '2026-11-20T01:30:00.000Z',
    updatedAt: '2026-11-20T02:45:00.000Z',
    templateVersion: opts.version ?? descriptorOf(type).templates[0]!.version,
    revision: 3,
    signatureCount: 0,
    correction: { corrects: null, correctedBy: null },
    content: { ...(opts.content ?? fixtureContent(type, opts.version)) } as Record<string, unknown>,
    issues: [],
    context: {
      agency: '柳州市柳南区互联网信息办公室',
      caseNo: '网信案〔2026〕0001号',
      caseTitle: '柳州市星河网络科技有限公司涉嫌未履行网络安全保护义务案',
      partyName: '柳州市星河网络科技有限公司',
      matterId: 'csl-59',
      matterName: '对不履行法定网络安全保护义务的处罚',
      officers: OFFICERS,
      inquirySequence: type === 'inquiry' ? 1 : null,
      siblings: [
        {
          id: 'd-evidence',
          caseId: 'c1',
          type: 'evidence',
          docNo: '网信案取〔2026〕0001号',
          state: 'ready',
          subject: '',
          createdAt: '',
          updatedAt: '',
        },
        sibling('preservation', '网信案保〔2026〕0001号'),
        sibling('rectification', '网信案改〔2026〕0001号'),
      ],
    },
  };
}

const SENTENCES = [
  '我们公司的网站“星河资讯”于2019年上线，域名是xinghe-news.cn，ICP备案号是桂ICP备20231234号-1。',
  '服务器放在星河大厦8楼机房，一共3台，其中1台是数据库服务器（戴尔 PowerEdge R740）。',
  '日志一般保留7天，因为磁盘空间不够；我们没有意识到法律要求至少六个月。',
  '后台管理员账号admin的密码是“Xh123456”，大概有两年没有改过了……',
  '这个情况我需要核实一下，但据我所知，没有发生过数据泄露；如有，我们会在24小时内报告。',
  '负责内容审核的是运营部的3名员工：张𠮷㵘、李思（兼职）和王五，每天轮班。',
  '我们制定过《网络安全管理制度》《应急预案》，但没有组织过演练——这是我们的疏忽！',
];

/** The demo's 询问笔录 with `pairs` more questions and answers: about 30 pages at 120 pairs. */
export function longInquiry(pairs: number, version: FixtureVersion = '2023.1'): DocumentDetail {
  const base = fixtureContent('inquiry', version) as ReturnType<typeof demoInquiry>;
  const qa = [...base.qa];
  for (let i = 0; i < pairs; i++) {
    const answer = Array.from({ length: 1 + (i % 4) }, (_, k) => SENTENCES[(i + k) % SENTENCES.length]).join('');
    qa.push({
      id: `g${i}`,
      q: `第${i + 1}个问题：请说明${['服务器', '日志', '账号', '审核', '制度'][i % 5]}的情况（包括时间、人员和做法）。`,
      a: answer,
    });
  }
  return printable('inquiry', { content: { ...base, qa }, version });
}

/** The demo's 电子取证工作记录 with `rows` items in its 电子数据清单, each with real-looking digests. */
export function longEvidenceList(rows: number, version: FixtureVersion = '2023.1'): DocumentDetail {
  const base = fixtureContent('evidence', version);
  const items = Array.from({ length: rows }, (_, i) => {
    const h = (alg: string) => createHash('sha256').update(`${alg}${i}`).digest('hex');
    return {
      id: `e${i}`,
      name: `页面截图-${String(i + 1).padStart(3, '0')}.png`,
      category: '截图' as const,
      format: 'PNG',
      source: `https://www.xinghe-news.cn/article/${1000 + i}.html`,
      method: '内置取证浏览器整页截图',
      sizeBytes: String(100_000 + i * 731),
      sha256: h('sha'),
      sm3: h('sm3'),
      time: '2026-11-20T09:12',
      medium: 'U盘 XJ-2026-031',
      evidenceId: `ev${i}`,
    };
  });
  return printable('evidence', { content: { ...base, items }, version });
}
