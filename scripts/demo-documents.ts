// Realistic, complete content for each document type (fictional people and companies). Used by
// `npm run demo` and, as known-complete documents, by the completeness tests.
import type { EvidenceContent } from '../shared/documents/types/evidence/content.ts';
import type { InquiryContent } from '../shared/documents/types/inquiry/content.ts';
import type { OnsiteContent } from '../shared/documents/types/onsite/content.ts';
import type { DeliveryContent } from '../shared/documents/types/delivery/content.ts';
import type { DisposalContent } from '../shared/documents/types/disposal/content.ts';
import type { PreservationContent } from '../shared/documents/types/preservation/content.ts';
import type { RectificationContent } from '../shared/documents/types/rectification/content.ts';
import { creditCodeCheckChar } from '../shared/validation/credit-code.ts';
import { residentIdCheckChar } from '../shared/validation/resident-id.ts';

const rid = (first17: string) => first17 + residentIdCheckChar(first17);
const SHA = (c: string) => c.repeat(64).slice(0, 64);
/** The sample case's party (demo-data.ts). */
const DEMO_CREDIT_CODE = '91450204MA5N8K2X7' + creditCodeCheckChar('91450204MA5N8K2X7');

export function demoInquiry(inquirerId: string, recorderId: string): InquiryContent {
  return {
    startTime: '2026-11-20T09:30',
    endTime: '2026-11-20T10:45',
    place: '柳州市柳南区航五路12号星河大厦8楼会议室',
    inquirerId,
    recorderId,
    interviewee: {
      name: '张𠮷㵘',
      gender: '男',
      birthDate: '1988-05-12',
      ethnicity: '汉族',
      idType: '居民身份证',
      idNumber: rid('45020319880512003'),
      employer: '柳州市星河网络科技有限公司',
      position: '技术总监',
      phone: '13907721234',
      address: '广西壮族自治区柳州市城中区文惠路5号',
      relation: '受委托人',
    },
    interpreter: { name: '', unit: '', contact: '' },
    othersPresent: '',
    openings: [
      { key: 'certificates', answer: '看清楚了。' },
      { key: 'recusal', answer: '不申请回避。' },
      { key: 'truthful', answer: '明白。' },
    ],
    qa: [
      {
        id: 'q1',
        q: '请介绍一下你的基本情况，以及你在单位的职务和工作职责。',
        a: '我叫张𠮷㵘，是柳州市星河网络科技有限公司的技术总监，负责公司网站「星河资讯」的技术运维和网络安全工作，受公司法定代表人陈立新委托接受询问，委托书已提交。',
      },
      {
        id: 'q2',
        q: '你单位是否制定了内部安全管理制度和操作规程，确定了网络安全负责人？',
        a: '制定过一份《网络安全管理制度》，但没有按年更新；网络安全负责人由我兼任，没有书面任命。',
      },
      {
        id: 'q3',
        q: '你单位的网络日志留存了多长时间？是否不少于六个月？',
        a: '服务器日志只保留7天，超过7天自动删除。我们不清楚法律要求留存六个月以上。',
      },
      {
        id: 'q4',
        q: '网站后台管理系统的登录密码是怎么设置的？',
        a: '后台管理员账号的密码是「admin123」，从上线以来一直没有修改过，也没有开启二次验证。',
      },
      {
        id: 'q5',
        q: '你还有什么需要补充的吗？',
        a: '没有了。我们会立即整改：修改后台密码，开启日志留存六个月以上，并补充制度。',
      },
    ],
    // Template 2026.1 prints the closing of the way the record was checked; the 2023.1 closing
    // statement (both alternatives) is not used.
    closingStatement: '',
    closingMode: '核对',
    confirmation: '以上笔录我已看过，与我所说的相符。',
  };
}

export function demoOnsite(inspectorIds: string[], recorderId: string, evidenceDocId: string): OnsiteContent {
  return {
    startTime: '2026-11-20T08:50',
    endTime: '2026-11-20T09:25',
    place: '柳州市柳南区航五路12号星河大厦8楼 柳州市星河网络科技有限公司机房及办公区',
    inspectorIds,
    recorderId,
    reason: '依法就柳州市星河网络科技有限公司履行网络安全保护义务的有关情况进行现场检查。',
    party: {
      name: '柳州市星河网络科技有限公司',
      licence: '营业执照',
      idNumber: '91450204MA5N8K2X7' + creditCodeCheckChar('91450204MA5N8K2X7'), // the sample case's party (demo-data.ts)
      address: '广西壮族自治区柳州市柳南区航五路12号星河大厦8楼',
      legalRepresentative: '陈立新',
      phone: '0772-3861234',
      platform: '星河资讯，xinghe-news.cn，桂ICP备20231234号-1',
    },
    partyNotice: '已通知，当事人到场',
    present: [
      {
        id: 'p1',
        name: '张𠮷㵘',
        idType: '居民身份证',
        idNumber: rid('45020319880512003'),
        unit: '柳州市星河网络科技有限公司',
        role: '技术总监（受委托人）',
        phone: '13907721234',
      },
    ],
    openings: [
      { key: 'certificates', answer: '看清楚了。' },
      { key: 'recusal', answer: '不申请回避。' },
      { key: 'cooperate', answer: '明白，会配合。' },
    ],
    findings:
      '1. 该公司机房内有服务器2台（戴尔PowerEdge R740），承载「星河资讯」网站（xinghe-news.cn）。\n2. 经该公司技术总监张𠮷㵘现场操作，网站后台管理员账号使用弱口令「admin123」，未开启二次验证。\n3. 服务器日志配置为保留7天，现存最早日志为2026年11月13日。\n4. 未见网络安全负责人的书面任命文件。',
    measures: [
      {
        id: 'm1',
        kind: '拍照',
        description: '对机房服务器、后台登录页面拍照4张。',
        linkedDocumentId: '',
        outcome: '',
        earlyReason: '',
      },
      {
        id: 'm2',
        kind: '电子取证',
        description: '对后台日志配置页面及日志目录进行电子取证。',
        linkedDocumentId: evidenceDocId,
        outcome: '',
        earlyReason: '',
      },
    ],
    statement: '当事人表示认可检查情况，将立即整改。',
    witness: { name: '', idType: '居民身份证', idNumber: '', unit: '', role: '', phone: '' },
    confirmation: '以上记录属实。',
  };
}

export function demoEvidence(collectorIds: string[], recorderId: string): EvidenceContent {
  return {
    startTime: '2026-11-20T09:00',
    endTime: '2026-11-20T09:20',
    timeSource:
      '本机时钟。开始记录时本机时间为2026年11月20日9时00分（北京时间）；出发前与单位时间服务器核对，偏差小于1秒。',
    place: '柳州市柳南区航五路12号星河大厦8楼机房',
    collectorIds,
    recorderId,
    witness: {
      name: '张𠮷㵘',
      idType: '居民身份证',
      idNumber: rid('45020319880512003'),
      unit: '柳州市星河网络科技有限公司',
      role: '技术总监',
      phone: '13907721234',
    },
    noWitnessReason: '',
    holder: {
      name: '柳州市星河网络科技有限公司',
      idType: '统一社会信用代码',
      idNumber: '',
      unit: '',
      role: '电子数据持有人',
      phone: '0772-3861234',
    },
    target: {
      siteName: '星河资讯',
      url: 'https://www.xinghe-news.cn/admin/',
      domain: 'xinghe-news.cn',
      ip: '10.0.8.21（内网）',
      appName: '',
      appVersion: '',
      account: '后台管理员账号 admin',
      group: '',
      device: '戴尔 PowerEdge R740，序列号 7XK2P93',
    },
    method: '现场提取',
    originalMediumNote:
      '原始存储介质为当事人在用的生产服务器，扣押将导致网站停止服务，故现场提取电子数据，原始介质由当事人保存。',
    environment: {
      device: '执法取证笔记本电脑（联想 ThinkPad X1，序列号 PF3K8B2L）',
      os: 'Linux 6.1（统信 UOS 20）',
      software: '网信执法现场取证 0.1.0；OpenSSH 9.2',
      network: '现场通过网线直连当事人服务器；取证计算机未接入互联网，未使用代理或VPN。',
      cleanCheck: '取证前已确认取证计算机的浏览器缓存和临时文件为空，存储取证数据的U盘（编号XJ-2026-031）已格式化。',
    },
    steps: [
      {
        id: 's1',
        time: '2026-11-20T09:02',
        text: '由当事人技术总监张𠮷㵘登录服务器，执法人员全程观看并录像。',
        auto: false,
        itemIds: [],
      },
      {
        id: 's2',
        time: '2026-11-20T09:06',
        text: '导出日志配置文件 /etc/logrotate.d/nginx，显示 rotate 7（保留7天）。',
        auto: false,
        itemIds: ['e1'],
      },
      {
        id: 's3',
        time: '2026-11-20T09:12',
        text: '截取后台登录页面及管理员账号设置页面。',
        auto: false,
        itemIds: ['e2'],
      },
    ],
    items: [
      {
        id: 'e1',
        name: 'nginx日志配置文件',
        category: '日志',
        format: '文本',
        source: '/etc/logrotate.d/nginx',
        method: '现场提取（复制）',
        sizeBytes: '412',
        sha256: SHA('a1'),
        sm3: SHA('b2'),
        time: '2026-11-20T09:06',
        medium: 'U盘 XJ-2026-031',
        importedAt: '',
        custody: '',
        evidenceId: '',
      },
      {
        id: 'e2',
        name: '后台管理员账号设置页面截图',
        category: '截图',
        format: 'PNG',
        source: 'https://www.xinghe-news.cn/admin/users/1',
        method: '屏幕截图',
        sizeBytes: '284113',
        sha256: SHA('c3'),
        sm3: SHA('d4'),
        time: '2026-11-20T09:12',
        medium: 'U盘 XJ-2026-031',
        importedAt: '',
        custody: '',
        evidenceId: '',
      },
    ],
    storage: {
      mediumType: 'U盘',
      mediumNo: 'XJ-2026-031',
      sealNo: 'FT-2026-0112',
      backups: '取证计算机中保留备份一份。',
    },
  };
}

/** `approverId`: the 机关负责人 chosen from the office's list (office.heads); the printed name is the approver. */
export function demoPreservation(officerIds: string[], approverId = 'demo-head'): PreservationContent {
  return {
    partyName: '柳州市星河网络科技有限公司',
    items: [
      {
        id: 'i1',
        name: '移动硬盘',
        model: '西部数据 My Passport',
        spec: '2TB',
        serial: 'WX12A3456789',
        quantity: '1',
        condition: '外观完好，未通电，已装袋封存',
        sealNo: 'FT-2026-0113',
        note: '存有网站数据库备份',
      },
      {
        id: 'i2',
        name: '笔记本电脑',
        model: '联想 小新Pro 14',
        spec: '16GB/512GB',
        serial: 'PF4ABCD1',
        quantity: '1',
        condition: '外观有划痕，已关机，已装袋封存',
        sealNo: 'FT-2026-0114',
        note: '后台管理员张𠮷㵘常用电脑',
      },
    ],
    approval: { approver: '黄建国（办公室主任）', approverId, at: '2026-11-20T09:40', how: '电话批准' },
    startDate: '2026-11-20',
    startAt: '2026-11-20T09:50',
    place: '柳州市柳南区互联网信息办公室证物室',
    conditions: '常温、干燥、防磁柜内存放，封条完好，专人保管。',
    officerIds,
    witness: { name: '', idType: '居民身份证', idNumber: '', unit: '', role: '', phone: '' },
  };
}

/**
 * The demo case's matter in the version in force at its conduct (2026-06-01 to 2026-11-20): 网络安全法
 * as amended, 第六十一条, as the catalog gives it (assets/catalog/catalog.json). The demo takes it
 * from the case (documents.create copies it); the tests print and check this copy.
 */
export const DEMO_RECTIFICATION_LAW: RectificationContent['law'] = {
  conductDate: '2026-11-20',
  period: '2026-01-01',
  periodLabel: '2026年1月1日起施行',
  ground: '适用违法行为发生时的规定（行政处罚法第三十七条）',
  articles: [
    {
      provision: '《中华人民共和国网络安全法》第五十九条',
      law: '《中华人民共和国网络安全法》',
      article: '第六十一条',
      text: '网络运营者不履行本法第二十三条、第二十七条规定的网络安全保护义务的，由有关主管部门责令改正，给予警告，可以处一万元以上五万元以下罚款；拒不改正或者导致危害网络安全等后果的，处五万元以上五十万元以下罚款，对直接负责的主管人员和其他直接责任人员处一万元以上十万元以下罚款。',
      effectiveFrom: '2026-01-01',
      effectiveTo: '',
      source: 'chinadataregulation.com 逐条页面的「Chinese Original」（第三方网站，非官方发布渠道）',
      textStatus: '单一来源，未经官方文本核对',
      role: 'order',
    },
  ],
};

/** The 责令改正通知书 of the demo case, made and served on site after the inspection and the inquiry. */
export function demoRectification(officerIds: string[], law = DEMO_RECTIFICATION_LAW): RectificationContent {
  return {
    party: {
      name: '柳州市星河网络科技有限公司',
      idLabel: '统一社会信用代码',
      idNumber: DEMO_CREDIT_CODE,
      address: '广西壮族自治区柳州市柳南区航五路12号星河大厦8楼',
      legalRepresentative: '陈立新',
    },
    facts:
      '2026年11月20日，本机关执法人员对你单位进行现场检查并询问你单位技术总监，查明：你单位运营的「星河资讯」网站未确定网络安全负责人并落实网络安全保护责任，网络日志仅留存7天，后台管理员账号使用弱口令且未采取防范网络侵入的技术措施（见现场笔录、询问笔录、电子取证工作记录）。',
    law: structuredClone(law),
    violation: '你单位的上述行为违反了《中华人民共和国网络安全法》第二十三条第（一）项、第（二）项、第（三）项的规定。',
    orderBasis: '《中华人民共和国网络安全法》第六十一条第一款',
    corrections: [
      { id: 'r1', text: '确定网络安全负责人，制定并落实内部安全管理制度和操作规程。' },
      { id: 'r2', text: '修改后台管理员账号口令，启用多因素认证等防范网络侵入的技术措施。' },
      { id: 'r3', text: '采取监测、记录网络运行状态的技术措施，按照规定留存网络日志不少于六个月。' },
    ],
    deadline: { days: '15', unit: '日', from: '2026-11-20', endDate: '2026-12-07' },
    consequence:
      '逾期不改正的，本机关将依照《中华人民共和国网络安全法》第六十一条第一款的规定，处五万元以上五十万元以下罚款，对直接负责的主管人员和其他直接责任人员处一万元以上十万元以下罚款。',
    issueDate: '2026-11-20',
    officerIds,
    witness: { name: '', idType: '居民身份证', idNumber: '', unit: '', role: '', phone: '' },
  };
}

/** The 送达回证 of a document served on the party on site (直接送达 to its authorised technical director). */
export function demoDelivery(
  servedDocumentId: string,
  servedDocumentName: string,
  serverIds: string[],
): DeliveryContent {
  return {
    servedDocumentId,
    servedDocumentName,
    addressee: '柳州市星河网络科技有限公司',
    place: '柳州市柳南区航五路12号星河大厦8楼会议室',
    method: '直接送达',
    servedAt: '2026-11-20T11:05',
    serverIds,
    receiver: { name: '张𠮷㵘', relation: '受委托人' },
    leftReason: '',
    trackingNo: '',
    electronic: { consent: '', address: '' },
    witness: { name: '', idType: '居民身份证', idNumber: '', unit: '', role: '', phone: '' },
    note: '',
  };
}

/**
 * The 处理决定书 on the demo's 先行登记保存, within its seven working days (2026-11-20 → 12-01): the
 * notebook is returned, the backup disk (kept in the office's evidence room) released after its
 * data were copied and hashed into the 电子取证工作记录.
 */
export function demoDisposal(preservationId: string, officerIds: string[]): DisposalContent {
  const kept = demoPreservation(officerIds).items;
  return {
    partyName: '柳州市星河网络科技有限公司',
    preservationId,
    preservationDate: '2026-11-20',
    items: [
      {
        id: 'x1',
        sourceId: kept[0]!.id,
        name: kept[0]!.name,
        model: kept[0]!.model,
        serial: kept[0]!.serial,
        quantity: kept[0]!.quantity,
        decision: '解除先行登记保存',
        note: '数据已复制固定，解除后由当事人在本机关证物室取回',
      },
      {
        id: 'x2',
        sourceId: kept[1]!.id,
        name: kept[1]!.name,
        model: kept[1]!.model,
        serial: kept[1]!.serial,
        quantity: kept[1]!.quantity,
        decision: '解除先行登记保存并返还',
        note: '',
      },
    ],
    transfer: { authority: '', reason: '' },
    basis: '《中华人民共和国行政处罚法》第五十六条',
    decisionDate: '2026-11-27',
    lateReason: '',
    returnReceipt: {
      receivedBy: '张𠮷㵘',
      at: '2026-11-27T10:30',
      condition: '笔记本电脑外观与登记时一致，封条FT-2026-0114完好，当场拆封返还。',
    },
    officerIds,
    witness: { name: '', idType: '居民身份证', idNumber: '', unit: '', role: '', phone: '' },
  };
}
