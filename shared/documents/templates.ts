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
      // Per matter of assets/catalog/catalog.json (templates.test.ts demands an entry for every
      // matter). Only offered in the editor: changing them changes no existing document.
      byMatter: {
        'csl-59': [
          '你单位是否制定了内部安全管理制度和操作规程，确定了网络安全负责人？',
          '你单位是否采取了防范计算机病毒和网络攻击、网络侵入等危害网络安全行为的技术措施？具体有哪些？',
          '你单位是否采取了监测、记录网络运行状态、网络安全事件的技术措施？',
          '你单位的网络日志留存了多长时间？是否不少于六个月？',
          '你单位是否对重要数据进行了分类、备份和加密？',
          '你单位是否制定了网络安全事件应急预案？发生安全事件后是否按照规定向有关主管部门报告？',
          '你单位是否办理了网络安全等级保护备案？定级为第几级？',
        ],
        'csl-60': [
          '你单位提供的产品或服务中是否含有未向用户明示的程序或功能？由谁开发、何时加入的？',
          '你单位何时发现该产品或服务存在安全缺陷、漏洞？是谁发现的，有无书面记录？',
          '发现安全缺陷、漏洞后，你单位采取了哪些补救措施？何时完成的？',
          '你单位是否及时告知了用户，并向有关主管部门报告？以什么方式、在什么时间？',
          '该产品或服务目前有多少用户在使用？是否仍在为其提供安全维护？',
          '你单位是否终止过对该产品或服务的安全维护？终止前是否告知用户，约定的维护期限是多久？',
        ],
        'csl-61': [
          '用户在平台注册时，是否要求其提供真实身份信息？具体要求提供哪些信息？',
          '你单位通过什么方式核验用户的真实身份（如手机号码、身份证件）？',
          '未提供真实身份信息的用户能否注册账号、发布信息或使用其他服务？',
          '平台目前有多少注册用户？其中未完成真实身份信息认证的有多少？',
          '你单位是否为用户提供网络接入、域名注册、信息发布或即时通讯等服务？',
          '你单位是否制定了用户真实身份信息管理制度？由谁负责执行？',
        ],
        'csl-62': [
          '你单位开展网络安全认证、检测或风险评估活动，是否具备相应资质？依据的是哪些标准和规定？',
          '该次认证、检测或评估是受谁委托开展的？委托合同和报告在哪里？',
          '你单位是否向社会发布过系统漏洞、计算机病毒、网络攻击、网络侵入等网络安全信息？通过什么渠道、何时发布的？',
          '发布前是否向有关主管部门报告或征得同意？发布的内容由谁审核？',
          '发布的信息是否包含可被利用的漏洞细节或攻击方法？目前是否已删除？',
          '上述信息被浏览、转载了多少次？是否造成了危害后果？',
        ],
        'csl-64': [
          '平台收集了用户的哪些个人信息？是否公开了收集、使用规则？',
          '是否明示收集、使用个人信息的目的、方式和范围，并经用户同意？以什么方式取得同意？',
          '是否收集了与所提供服务无关的个人信息？',
          '你单位是否向他人提供过用户的个人信息？是否经用户同意，是否经过匿名化处理？',
          '你单位采取了哪些技术措施和其他必要措施保护个人信息安全？',
          '个人信息是否发生过泄露、毁损、丢失？发生后采取了哪些补救措施，是否告知用户并向主管部门报告？',
          '用户要求删除或更正其个人信息时，你单位如何处理？',
        ],
        'csl-65': [
          '你单位是否被认定为关键信息基础设施运营者？由哪个部门、何时认定的？',
          '你单位采购了哪些网络产品或服务？采购时间、金额和供应商分别是什么？',
          '采购前是否评估了该产品或服务可能影响国家安全？是否申报了网络安全审查？',
          '该产品或服务是否通过了网络安全审查？请提供审查结论。',
          '该产品或服务目前在哪些系统中使用？使用范围有多大？',
          '采购合同和付款凭证由谁保管？能否提供？',
        ],
        'csl-66': [
          '你单位是否被认定为关键信息基础设施运营者？',
          '你单位在境内运营中收集和产生的个人信息和重要数据存储在哪里？服务器位于何处，由谁运维？',
          '你单位是否向境外提供过网络数据？提供了哪些数据、数量多少、提供给谁？',
          '向境外提供数据的原因和业务需要是什么？通过什么方式传输的？',
          '向境外提供数据前是否按照规定进行了安全评估？评估结论是什么？',
          '向境外提供数据是否取得了违法所得？金额是多少？',
        ],
        'csl-68': [
          '你单位是否建立了信息发布审核和用户发布信息管理制度？由谁负责审核？',
          '涉案信息是何时、由哪个账号发布的？在平台上传播了多长时间，浏览、转发了多少次？',
          '你单位何时发现该信息？是通过巡查、用户举报还是主管部门通知发现的？',
          '发现法律、行政法规禁止发布或者传输的信息后，你单位采取了哪些处置措施？何时停止传输、消除的？',
          '是否采取了防止信息扩散的措施？对发布账号作了什么处理？',
          '是否保存了有关记录并向主管部门报告？请提供记录。',
        ],
        'csl-69': [
          '有关部门是否要求你单位对法律、行政法规禁止发布或者传输的信息采取停止传输、消除等处置措施？你单位何时收到通知？',
          '收到通知后，你单位是否按照要求进行了处置？未处置或未及时处置的原因是什么？',
          '执法人员依法进行监督检查时，你单位为什么拒绝提供材料（或阻止进入现场）？是谁作出的决定？',
          '公安机关、国家安全机关是否要求你单位提供技术支持和协助？你单位是如何回应的？',
          '你单位现在是否愿意配合检查，并提供我们要求的材料？',
        ],
        'news-22': [
          '你单位是否取得互联网新闻信息服务许可？许可证编号、许可范围和有效期是什么？',
          '你单位通过哪些网站、APP、公众账号等提供新闻信息服务？开通时间分别是什么？',
          '你单位是否有采编、转载新闻信息的行为？转载的新闻信息来源于哪些单位？',
          '你单位提供的服务形式（如采编发布、转载、传播平台）是否超出许可范围？',
          '上述服务开展多长时间了？发布了多少条新闻信息，有无营利？',
          '你单位是否知道提供互联网新闻信息服务须经许可？',
        ],
        'news-24': [
          '你单位是否设立了总编辑？总编辑是谁，是否已报互联网信息办公室备案？',
          '你单位的新闻采编人员是否持有新闻记者证？未持证的有多少人？',
          '你单位的采编业务和经营业务是否分开？有无非公有资本介入采编业务？',
          '你单位是否健全了信息发布审核、公共信息巡查、应急处置等信息安全管理制度？请提供制度文本。',
          '你单位对用户开设的公众账号是否审核其账号信息、服务资质和服务范围，并分类备案？',
          '你单位转载新闻信息时，是否注明新闻信息来源、原作者、原标题和编辑真实姓名？',
          '你单位的主要负责人、总编辑或股权结构是否发生过变更？是否按规定办理了许可变更？',
        ],
        'news-25': [
          '涉案新闻信息是何时、由谁采编、审核和发布的？',
          '该信息的来源是什么？发布前是否核实了内容的真实性？',
          '该信息在平台上传播了多长时间，浏览、转发、评论量是多少？',
          '你单位何时删除或更正该信息的？是否采取了防止扩散的措施？',
          '互联网信息办公室对你单位实施监督检查时，你单位是否予以配合？',
          '你单位是否公开了举报受理方式？收到有关举报后是如何处理的？',
        ],
        'isp-15-20': [
          '涉案信息是由谁制作、复制、发布或传播的？通过哪个网站、栏目或账号？',
          '该信息是何时发布的？在平台上存在了多长时间？',
          '该信息被浏览、转发、下载了多少次？是否产生了收益？',
          '你单位提供的是经营性还是非经营性互联网信息服务？经营许可证或备案号是什么？',
          '你单位对发布的信息是否进行审核？该信息是否经过审核，由谁审核的？',
          '你单位何时发现该信息？发现后采取了哪些措施，是否保存记录并向有关机关报告？',
        ],
        'content-law-violations': [
          '你单位提供哪些互联网信息服务？对应的网站、APP或账号是什么，是否取得相应许可或备案？',
          '涉案信息或行为发生的时间、地点和具体经过是怎样的？',
          '该行为是谁决定、由谁具体实施的？你单位主管人员是否知情？',
          '你单位针对该类信息内容建立了哪些管理制度和技术措施？实际执行情况如何？',
          '该行为持续了多长时间？涉及多少用户或信息，有无违法所得？',
          '事发后你单位采取了哪些整改措施？能否提供相关材料？',
        ],
        'news-service-violations': [
          '你单位的互联网新闻信息服务许可证编号和许可范围是什么？',
          '你单位是否设立总编辑并备案？采编人员是否持有新闻记者证？',
          '你单位与境内外中外合资、合作或外资企业是否有涉及新闻信息服务的合作？是否进行了安全评估？',
          '你单位在转载新闻信息时，是否只转载国家规定范围内单位发布的新闻信息并注明来源？',
          '你单位对平台上注册的用户是否签订协议、审核公众账号并分类备案？',
          '你单位及从业人员是否通过采编、发布、转载、删除新闻信息等手段谋取不正当利益？',
          '你单位的主要负责人、总编辑、主管单位、股权结构等重大事项变更是否办理了变更手续？',
          '你单位是否在显著位置明示许可证编号，并公开举报受理方式？',
        ],
        'inspect-cii-risk': [
          '你单位运营的哪些网络设施和信息系统属于关键信息基础设施？由谁负责安全保护？',
          '你单位是否设置了专门的安全管理机构和安全管理负责人？对该负责人和关键岗位人员是否进行了安全背景审查？',
          '你单位是否每年至少进行一次网络安全检测评估？最近一次在什么时间，由谁开展，发现了哪些问题？',
          '评估发现的安全风险是否已经整改？请提供整改报告。',
          '你单位是否对重要系统和数据库进行了容灾备份？',
          '你单位是否制定了网络安全事件应急预案，并定期组织演练？最近一次演练在何时？',
        ],
        'inspect-news': [
          '你单位互联网新闻信息服务许可证的编号、许可范围和有效期是什么？目前实际开展了哪些服务？',
          '你单位的总编辑是谁？采编人员有多少人，其中持有新闻记者证的有多少人？',
          '你单位的信息发布审核、公共信息巡查和应急处置制度是否落实？请提供近期的巡查记录。',
          '你单位转载的新闻信息来源于哪些单位？是否注明了来源、原作者、原标题和编辑真实姓名？',
          '你单位在平台的显著位置是否公开了举报受理方式？近三个月收到多少举报，如何处理的？',
          '自上次检查以来，你单位的主要负责人、总编辑或股权结构是否有变更？',
        ],
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
    paragraphs: {
      // Seeds a new record's 检查事由 (editable); {{matter}} is the case's matter as a phrase.
      reason: '依法就{{matter}}有关情况进行现场检查。',
    },
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
      // Seeds a new record's 时间来源 (editable); {{time}} is the machine's clock when it is made.
      timeSource: '本机时钟。开始记录时本机时间为 {{time}}（北京时间）；取证现场无可信时间源，未能核对本机时钟偏差。',
      // Printed before hashNote, above the signatures; {{count}} is the number of list rows.
      itemsNote: '电子数据共{{count}}项，详见所附《电子数据清单》。',
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

/** Fills the placeholders; besides TemplateVars, a paragraph may name its own ({{time}}, {{count}}). */
export function renderTemplateText(text: string, vars: TemplateVars | Readonly<Record<string, string>>): string {
  const v = vars as Readonly<Record<string, string>>;
  return text.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => (k in v ? v[k]! : `{{${k}}}`));
}

/**
 * A standard paragraph of the template, by key. A missing one is a programming error, not an
 * empty text: silently printing nothing would change what a document says.
 */
export function templateParagraph(t: DocumentTemplate, key: string): string {
  const p = t.paragraphs?.[key];
  if (p === undefined) throw new Error(`template ${t.type}@${t.version} has no paragraph ${key}`);
  return p;
}

export function officersPhrase(officers: { name: string; certNo: string }[]): string {
  return officers.map((o) => `${o.name}（执法证号${o.certNo}）`).join('、');
}

/** The matter as it reads inside a sentence: 「对…的处罚」 → 「…」. */
export function matterPhrase(matterName: string): string {
  return matterName.replace(/^对/, '').replace(/的(行政)?处罚$/, '');
}
