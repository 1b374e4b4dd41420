// The sample case's day, 2026-11-20 (Beijing time), as one coherent timeline: what each record
// says and when each act happens — the demo's clock follows it (scripts/demo-clock.ts), so that the
// records are made, signed and sealed at the times they state. The contents start from the
// realistic documents of demo-documents.ts (which the completeness and print tests keep as they
// are) and change what the day needs: the times, the witness (not the party's own staff), the
// party's objection recorded with its refusal to sign, the 先行登记保存 inside the inspection.
//
//   08:10  enrolled with HQ, at the office          08:20  the cases are made
//   09:00  现场检查 begins (李明, 王芳)              09:20  电子取证 begins, inside it
//   09:30  access.log copied onto U盘 XJ-2026-031    10:05  the three files imported on site
//   10:20  电子取证 ends, its record signed           10:30  黄建国（主任） approves by phone
//   10:40  先行登记保存, its 清单 signed              11:30  现场检查 ends, its record signed
//   11:40  询问 (张𠮷㵘) until 12:30, then signed      12:45  everything sealed
//   13:30  a 补正 of the 清单, signed late with its reason, sealed; 14:30 back at the office: sync
import type { EvidenceMetaInput } from '../shared/evidence/evidence-schema.ts';
import type { EvidenceContent } from '../shared/documents/types/evidence/content.ts';
import type { InquiryContent } from '../shared/documents/types/inquiry/content.ts';
import type { OnsiteContent } from '../shared/documents/types/onsite/content.ts';
import type { PreservationContent } from '../shared/documents/types/preservation/content.ts';
import { DEMO_WITNESS } from './demo-data.ts';
import { demoEvidence, demoInquiry, demoOnsite, demoPreservation } from './demo-documents.ts';

export const DEMO_DATE = '2026-11-20';
/** A minute of the demo's day: 09:30 → 2026-11-20T09:30. */
export const at = (hhmm: string) => `${DEMO_DATE}T${hhmm}`;

/** The head of the office who approves the 先行登记保存 (机关负责人, fictional). */
export const DEMO_HEAD = { name: '黄建国', title: '主任' };

/**
 * The files imported into the 电子取证工作记录 at 10:05–10:08, with what was recorded about them on
 * site; `file` names the sample of scripts/demo-files.ts (this module stays free of Node: the
 * timeline's tests, which the renderer's compiler sees, read it).
 */
export const DEMO_IMPORTS: {
  fileName: string;
  file: 'accessLog' | 'screenshotPng' | 'pageArchive';
  at: string;
  meta: EvidenceMetaInput;
}[] = [
  {
    fileName: 'nginx-access.log',
    file: 'accessLog',
    at: '10:05',
    meta: {
      category: '日志',
      source: '/var/log/nginx/access.log（当事人服务器）',
      method: '现场提取（复制）',
      description: '网站访问日志，最早记录为2026年11月13日',
      extractedAt: at('09:30'),
      medium: 'U盘 XJ-2026-031',
      custody: 'U盘复制完成后即由取证人李明随身保管，未离开检查现场，10:05在现场导入取证计算机。',
    },
  },
  {
    fileName: '后台管理员设置页面截图.png',
    file: 'screenshotPng',
    at: '10:07',
    meta: {
      category: '截图',
      source: 'https://www.xinghe-news.cn/admin/users/1',
      method: '屏幕截图',
      description: '后台管理员账号设置页面，显示弱口令且未开启二次验证',
    },
  },
  {
    fileName: '星河资讯首页.mhtml',
    file: 'pageArchive',
    at: '10:08',
    meta: {
      category: '网页',
      source: 'https://www.xinghe-news.cn/',
      method: '网页存档（MHTML）',
      description: '网站首页存档',
    },
  },
];

/**
 * The 电子取证工作记录 from 09:20 to 10:20, its witness the building's property manager (not the
 * party's staff: the technical director operates the server, as the steps say). The 清单 is filled
 * by the imports; `logItemId` (the imported log's row) is the row step 2 produced.
 */
export function dayEvidence(collectorIds: string[], recorderId: string, logItemId = ''): EvidenceContent {
  const base = demoEvidence(collectorIds, recorderId);
  return {
    ...base,
    startTime: at('09:20'),
    endTime: logItemId ? at('10:20') : '',
    timeSource:
      '本机时钟。开始记录时本机时间为 2026-11-20 09:20（北京时间）；出发前与单位时间服务器核对，偏差小于1秒。',
    witness: { ...DEMO_WITNESS },
    noWitnessReason: '',
    steps: [
      {
        id: 's1',
        time: at('09:22'),
        text: '由当事人技术总监张𠮷㵘登录服务器，执法人员全程观看并录像，见证人赵建平在场。',
        auto: false,
        itemIds: [],
      },
      {
        id: 's2',
        time: at('09:30'),
        text: '将网站访问日志 /var/log/nginx/access.log 复制到取证U盘（编号XJ-2026-031），U盘由取证人李明保管。',
        auto: false,
        itemIds: logItemId ? [logItemId] : [],
      },
    ],
    items: [],
  };
}

/**
 * The 现场笔录 from 09:00 to 11:30: the electronic evidence and the 先行登记保存 are its measures;
 * the party's representative objects to the finding and refuses to sign, the witness signs.
 */
export function dayOnsite(
  inspectorIds: string[],
  recorderId: string,
  evidenceId: string,
  preservationId: string,
): OnsiteContent {
  const base = demoOnsite(inspectorIds, recorderId, evidenceId);
  return {
    ...base,
    startTime: at('09:00'),
    endTime: at('11:30'),
    measures: [
      ...base.measures,
      {
        id: 'm3',
        kind: '先行登记保存',
        description: '经机关负责人电话批准，对存有网站数据库备份的移动硬盘和后台管理员常用笔记本电脑先行登记保存。',
        linkedDocumentId: preservationId,
        outcome: '',
        earlyReason: '',
      },
    ],
    witness: { ...DEMO_WITNESS },
    statement: '当事人受委托人张𠮷㵘称：日志只保留7天是服务器的默认配置，公司不认可「未履行网络安全保护义务」的定性。',
    confirmation: '当事人受委托人张𠮷㵘对检查结果有异议，拒绝签名。见证人赵建平在场见证。',
  };
}

/** The 登记保存物品清单及通知书: approved by the head by phone at 10:30, the items preserved at 10:40. */
export function dayPreservation(officerIds: string[], approverId: string): PreservationContent {
  return {
    ...demoPreservation(officerIds, approverId),
    approval: { approver: `${DEMO_HEAD.name}（${DEMO_HEAD.title}）`, approverId, at: at('10:30'), how: '电话批准' },
    startDate: DEMO_DATE,
    startAt: at('10:40'),
  };
}

/** The 询问笔录 of the party's representative, 11:40–12:30, after the inspection. */
export function dayInquiry(inquirerId: string, recorderId: string): InquiryContent {
  return { ...demoInquiry(inquirerId, recorderId), startTime: at('11:40'), endTime: at('12:30') };
}
