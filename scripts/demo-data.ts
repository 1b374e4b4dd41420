// The demo's fictional office, officers and cases. Names, numbers and companies are invented;
// the identity numbers carry valid check characters so they pass the app's validation.
import type { CaseInput, CaseStatus } from '../shared/domain/case.ts';
import { creditCodeCheckChar } from '../shared/validation/credit-code.ts';
import { residentIdCheckChar } from '../shared/validation/resident-id.ts';

const code = (first17: string) => first17 + creditCodeCheckChar(first17);
const rid = (first17: string) => first17 + residentIdCheckChar(first17);

export const DEMO_AGENCY = '柳州市柳南区互联网信息办公室';

export const DEMO_OFFICERS = [
  { name: '李明', certNo: '45020019001', unit: '柳州市柳南区互联网信息办公室', password: 'demo2026a' },
  { name: '王芳', certNo: '45020019002', unit: '柳州市柳南区互联网信息办公室', password: 'demo2026b' },
];

interface DemoCase {
  matterQuery: string;
  input: Omit<CaseInput, 'matterId' | 'officerIds'>;
  status?: CaseStatus;
  statusNote?: string;
  /**
   * Where the conduct concerns two versions of the law (行政处罚法 第三十七条, docs/LAW.md): the
   * version the officers apply, by its first day, and why.
   */
  law?: { period: string; ground: 'conduct-time' | 'lighter'; note: string };
}

export const DEMO_CASES: DemoCase[] = [
  {
    matterQuery: '网络安全保护义务',
    input: {
      title: '柳州市星河网络科技有限公司涉嫌未履行网络安全保护义务案',
      source: '监督检查发现',
      sourceNote:
        '2026年11月网络安全专项检查中发现该公司运营的「星河资讯」网站存在未修复的高危漏洞，且未留存网络日志。',
      party: {
        kind: 'organisation',
        name: '柳州市星河网络科技有限公司',
        creditCode: code('91450204MA5N8K2X7'),
        legalRepresentative: '陈立新',
        address: '广西壮族自治区柳州市柳南区航五路12号星河大厦8楼',
        phone: '0772-3861234',
      },
      platform: {
        name: '星河资讯',
        domain: 'xinghe-news.cn',
        url: 'https://www.xinghe-news.cn/',
        icp: '桂ICP备20231234号-1',
      },
      summary: '经检查，该网站后台管理系统存在弱口令，网络日志仅留存7日，未达到不少于六个月的要求。',
      // In 2026: the 网络安全法 as amended (in force 2026-01-01) applies — 第六十一条, not the old 第五十九条.
      conduct: { kind: 'period', from: '2026-06-01', to: '2026-11-20', discoveredOn: '2026-11-20' },
    },
    status: 'filed',
    statusNote: '经办公室负责人批准立案',
  },
  {
    matterQuery: '实名',
    input: {
      title: '𠮷祥互动论坛涉嫌未要求用户提供真实身份信息案',
      source: '投诉举报',
      sourceNote: '群众通过12377举报平台反映该论坛可匿名注册发帖。',
      party: {
        kind: 'person',
        name: '黄㵘',
        idType: '居民身份证',
        idNumber: rid('45020419920315002'),
        address: '广西壮族自治区柳州市城中区文惠路5号',
        phone: '13907721234',
      },
      platform: { name: '𠮷祥互动论坛', domain: 'jixiang-bbs.com', url: 'https://jixiang-bbs.com/', icp: '' },
      summary: '论坛于2025年3月至10月间允许未提供真实身份信息的用户注册发帖，2025年11月起已改为手机号码实名注册。',
      // Wholly in 2025, decided in 2026: the 2016 text (第六十一条) applies unless the amended one
      // (第六十四条) is lighter — it is not: the officers record the conduct-time version.
      conduct: { kind: 'period', from: '2025-03-01', to: '2025-10-31', discoveredOn: '2026-11-10' },
    },
    law: {
      period: '2017-06-01',
      ground: 'conduct-time',
      note: '修正后第六十四条的罚款幅度与修正前第六十一条相同，新的规定处罚并不较轻。',
    },
  },
  {
    matterQuery: '禁止发布或者传输的信息',
    input: {
      title: '柳州市鱼峰区云帆信息技术有限公司涉嫌未对禁止发布的信息采取处置措施案',
      source: '上级交办',
      sourceNote: '自治区网信办交办：「云帆社区」APP 评论区长期存在法律、行政法规禁止发布的信息。',
      party: {
        kind: 'organisation',
        name: '柳州市鱼峰区云帆信息技术有限公司',
        creditCode: code('91450203MA5P3Q7L2'),
        legalRepresentative: '罗海峰',
        address: '广西壮族自治区柳州市鱼峰区荣军路8号',
        phone: '0772-2881234',
      },
      platform: {
        name: '云帆社区',
        domain: 'yunfan-sq.cn',
        url: 'https://www.yunfan-sq.cn/',
        icp: '桂ICP备20245678号-2',
      },
      summary: '2025年11月至2026年2月间，该APP对用户发布的禁止信息未停止传输、未采取消除等处置措施，也未保存有关记录。',
      // Across the amendment: both versions are shown side by side and the officers choose.
      conduct: { kind: 'period', from: '2025-11-15', to: '2026-02-28', discoveredOn: '2026-03-05' },
    },
    law: {
      period: '2026-01-01',
      ground: 'conduct-time',
      note: '违法行为持续至2026年2月28日，终了时修正后的网络安全法已经施行。',
    },
  },
];

/** The witness at the on-site inspection (fictional; a valid 身份证号码). */
export const DEMO_WITNESS = {
  name: '赵建平',
  idType: '居民身份证',
  idNumber: '45020319750306001X',
  unit: '星河大厦物业管理处',
  role: '物业经理',
  phone: '0772-3860001',
};

/** The sample HQ's administrator (fictional; for the demo's DIR/hq only). */
export const DEMO_HQ_ADMIN = { user: 'hqadmin', password: 'demo-hq-2026' };
/** The sample HQ's 审核 at the district office the sample device belongs to (issue #21: offices and roles). */
export const DEMO_HQ_REVIEWER = { user: 'liunan-shenhe', password: 'demo-review-2026' };
/** The sample HQ's district offices under the city (HQ itself): the device's, and a sibling it cannot see. */
export const DEMO_HQ_DISTRICTS = ['柳州市柳南区互联网信息办公室', '柳州市城中区互联网信息办公室'] as const;
/** The sample HQ's passphrase (its master key is wrapped by it: docs/HQ.md «The master key»). */
export const DEMO_HQ_PASSPHRASE = 'demo-hq-passphrase-2026';
