// Document templates as data (2017 regulation art. 48: provinces may define their own formats).
// Wording lives here, versioned; a document records the template id and version it was made with
// and always renders with that version. Changing a wording = adding a new version here.
// Placeholders: {{agency}} {{officers}} {{matter}} {{party}}.
import type { DocumentType } from './document-types.ts';

export interface OpeningStatement {
  key: string;
  /** A short name for lists and messages, e.g. 出示执法证件. */
  label: string;
  text: string;
  /** The customary answer offered as a suggestion (never filled in automatically). */
  suggestedAnswer: string;
}

export interface DocumentTemplate {
  type: DocumentType;
  version: string;
  /** The procedure regulation this wording follows; recorded in every sealed record. */
  regulation: string;
  title: string;
  openings: OpeningStatement[];
  closing: string;
  confirmation: string;
  /** Frequently used questions: for every matter, and per matter id. */
  questionBank?: { common: string[]; byMatter: Record<string, string[]> };
  /** Standard paragraphs (notice wording, remedies …) by key. */
  paragraphs?: Record<string, string>;
}

const REG_2023 = '网信部门行政执法程序规定（2023年国家互联网信息办公室令第14号）';

const CERTIFICATES: OpeningStatement = {
  key: 'certificates',
  label: '出示执法证件',
  text: '我们是{{agency}}的执法人员{{officers}}，这是我们的执法证件，请你过目。你是否看清楚？',
  suggestedAnswer: '看清楚了。',
};
const RECUSAL: OpeningStatement = {
  key: 'recusal',
  label: '告知陈述申辩及申请回避的权利',
  text:
    '我们依法就{{matter}}有关问题进行调查，请予配合。你有权进行陈述和申辩。如果你认为调查人员与本案有直接利害关系或者有其他关系可能影响公正处理的，有权申请回避（①系本案当事人或当事人的近亲属；②与本案有直接利害关系；③与本案当事人有其他关系，可能影响案件公正处理）。你是否申请回避？',
  suggestedAnswer: '不申请回避。',
};
const TRUTHFUL: OpeningStatement = {
  key: 'truthful',
  label: '告知如实回答的义务',
  text: '你应当如实回答询问，并协助调查，不得拒绝或者阻挠。你是否明白？',
  suggestedAnswer: '明白。',
};

export const TEMPLATES: DocumentTemplate[] = [
  {
    type: 'inquiry',
    version: '2023.1',
    regulation: REG_2023,
    title: '询问笔录',
    openings: [CERTIFICATES, RECUSAL, TRUTHFUL],
    closing: '以上笔录请你核对（或：已向你宣读）。如记录有误或遗漏，可以更正或补充。',
    confirmation: '以上笔录我已看过，与我所说的相符。',
    questionBank: {
      common: [
        '请介绍一下你的基本情况，以及你在单位的职务和工作职责。',
        '你单位的名称、统一社会信用代码、住所和法定代表人是什么？',
        '你单位运营哪些网站、APP或公众账号？域名、ICP备案号分别是什么？',
        '该平台的日常运营和内容审核由谁负责？有多少名审核人员？',
        '你对我们查明的上述事实有无异议？',
        '你还有什么需要补充的吗？',
      ],
      byMatter: {
        'csl-59': ['你单位是否制定了内部安全管理制度和操作规程，确定了网络安全负责人？', '你单位是否采取了防范计算机病毒和网络攻击、网络侵入等危害网络安全行为的技术措施？', '你单位的网络日志留存了多长时间？是否不少于六个月？'],
        'csl-61': ['用户在平台注册时，是否要求其提供真实身份信息？如何核验？', '未提供真实身份信息的用户能否发布信息？'],
        'csl-64': ['平台收集了用户的哪些个人信息？是否明示收集、使用的目的、方式和范围，并经用户同意？', '个人信息是否发生过泄露、毁损、丢失？采取了哪些补救措施？'],
        'csl-68': ['发现法律、行政法规禁止发布或者传输的信息后，你单位采取了哪些处置措施？', '是否保存了有关记录并向主管部门报告？'],
        'news-22': ['你单位是否取得互联网新闻信息服务许可？许可证编号和许可范围是什么？'],
      },
    },
  },
  {
    type: 'onsite',
    version: '2023.1',
    regulation: REG_2023,
    title: '现场笔录',
    openings: [CERTIFICATES, RECUSAL, { ...TRUTHFUL, key: 'cooperate', label: '告知配合检查的义务', text: '你应当配合检查，如实提供有关情况和材料，不得拒绝或者阻挠。你是否明白？' }],
    closing: '以上记录请核对，如属实请签名。',
    confirmation: '以上记录属实。',
  },
  {
    type: 'evidence',
    version: '2023.1',
    regulation: REG_2023,
    title: '电子取证工作记录',
    openings: [],
    closing: '以上电子数据的提取过程及完整性校验值经核对无误。',
    confirmation: '以上记录属实。',
    paragraphs: {
      hashNote: '完整性校验值采用 SHA-256 与 SM3（GB/T 32905-2016）两种算法分别计算，以十六进制表示。',
    },
  },
  {
    type: 'preservation',
    version: '2023.1',
    regulation: REG_2023,
    title: '登记保存物品清单',
    openings: [],
    closing: '上述物品经核对无误。',
    confirmation: '上述物品经核对无误。',
    paragraphs: {
      noticeTitle: '登记保存物品通知书',
      noticeBasis:
        '因你（单位）涉嫌{{matter}}，在证据可能灭失或者以后难以取得的情况下，经本机关负责人批准，依据《中华人民共和国行政处罚法》第五十六条的规定，对你（单位）的下列物品予以先行登记保存（详见《登记保存物品清单》）。',
      noticeDuty: '在登记保存期间，你（单位）不得销毁或者转移上述物品。本机关将在七个工作日内作出处理决定。',
      noticeRemedy: '如不服本决定，可以依法申请行政复议或者提起行政诉讼。',
    },
  },
  // 2023.2: the notice states the period (七个工作日, not counting the start day and holidays)
  // instead of a date computed when it is printed — a printed date would have to be computed with
  // the working-day calendar, which changes (HQ publishes new years), while what a sealed document
  // prints must never change. The deadline date is shown in the editor and on the 工作台.
  {
    type: 'preservation',
    version: '2023.2',
    regulation: REG_2023,
    title: '登记保存物品清单',
    openings: [],
    closing: '上述物品经核对无误。',
    confirmation: '上述物品经核对无误。',
    paragraphs: {
      noticeTitle: '登记保存物品通知书',
      noticeBasis:
        '因你（单位）涉嫌{{matter}}，在证据可能灭失或者以后难以取得的情况下，经本机关负责人批准，依据《中华人民共和国行政处罚法》第五十六条的规定，对你（单位）的下列物品予以先行登记保存（详见《登记保存物品清单》）。',
      noticePeriod: '本机关将自登记保存之日起七个工作日内（登记保存当日不计入，不含法定节假日）依法作出处理决定。',
      noticeDuty: '在登记保存期间，你（单位）不得销毁或者转移上述物品。',
      noticeRemedy: '如不服本决定，可以依法申请行政复议或者提起行政诉讼。',
    },
  },
];

export function templateFor(type: DocumentType, version?: string): DocumentTemplate {
  const candidates = TEMPLATES.filter((t) => t.type === type);
  const t = version ? candidates.find((c) => c.version === version) : candidates.at(-1);
  if (!t) throw new Error(`no template ${type}@${version ?? 'latest'}`);
  return t;
}

export interface TemplateVars {
  agency: string;
  /** e.g. 李明（执法证号45020019001）、王芳（执法证号45020019002） */
  officers: string;
  matter: string;
  party: string;
}

export function renderTemplateText(text: string, vars: TemplateVars): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => (k in vars ? vars[k as keyof TemplateVars] : `{{${k}}}`));
}

export function officersPhrase(officers: { name: string; certNo: string }[]): string {
  return officers.map((o) => `${o.name}（执法证号${o.certNo}）`).join('、');
}

/** The matter as it reads inside a sentence: 「对…的处罚」 → 「…」. */
export function matterPhrase(matterName: string): string {
  return matterName.replace(/^对/, '').replace(/的(行政)?处罚$/, '');
}
