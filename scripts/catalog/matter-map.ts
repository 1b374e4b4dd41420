// The hand-reviewed part of the catalog: which matters exist, their preferred names, types and
// ids, and which names in each office's list mean the same matter. Every merge says why.
// Adding a matter: add an entry here, run `npm run catalog`, bump CATALOG_VERSION.
import type { MatterType } from '../../shared/catalog/catalog-schema.ts';

export const CATALOG_VERSION = '2026.11.1';
export const CATALOG_REGULATION = '互联网信息内容管理行政执法程序规定（2017）；网信部门行政执法程序规定（2023，国家互联网信息办公室令第14号）';

export interface MatterEntry {
  id: string;
  name: string;
  type: MatterType;
  /** Every name the seeds use for this matter (exactly as written, the preferred name included if it occurs). */
  seedNames: string[];
  /** Why names were merged, where the merge is not obvious from the wording. */
  why?: string;
  /** The basis spans several penalty articles with different ranges: no single fine range is shown. */
  mixedPenalties?: boolean;
}

export const MATTERS: MatterEntry[] = [
  { id: 'csl-59', name: '对不履行法定网络安全保护义务的处罚', type: '行政处罚', seedNames: ['对不履行法定网络安全保护义务的处罚'] },
  {
    id: 'csl-60',
    name: '对设置恶意程序、未尽到安全保障义务、擅自终止安全维护的处罚',
    type: '行政处罚',
    seedNames: ['对设置恶意程序、未尽到安全保障义务、擅自终止安全维护的处罚'],
  },
  {
    id: 'csl-61',
    name: '对未提供实名制身份信息的处罚',
    type: '行政处罚',
    seedNames: ['对未提供实名制身份信息的处罚', '对未提供实名制身份的处罚'],
    why: '天水的名称漏了「信息」二字，依据同为网络安全法第六十一条。',
  },
  {
    id: 'csl-62',
    name: '对未按要求进行网络安全认证、检测、评估或泄露安全信息的处罚',
    type: '行政处罚',
    seedNames: ['对未按要求进行网络安全认证、检测、评估或泄露安全信息的处罚'],
  },
  { id: 'csl-64', name: '对侵害个人信息保护规定的处罚', type: '行政处罚', seedNames: ['对侵害个人信息保护规定的处罚'] },
  { id: 'csl-65', name: '对使用未经审查的网络产品或服务的处罚', type: '行政处罚', seedNames: ['对使用未经审查的网络产品或服务的处罚'] },
  {
    id: 'csl-66',
    name: '对在境外存储网络数据，或者向境外提供网络数据的处罚',
    type: '行政处罚',
    seedNames: ['对在境外存储网络数据，或者向境外提供网络数据的处罚', '对在境外存储网络数据，或者向境外提供网络数据的的处罚'],
    why: '酒泉的名称多了一个「的」字（笔误）。',
  },
  {
    id: 'csl-68',
    name: '对法律、行政法规禁止发布或者传输的信息未停止传输、采取消除等处置措施、保存有关记录的处罚',
    type: '行政处罚',
    seedNames: [
      '对法律、行政法规禁止发布或者传输的信息未停止传输、采取消除等处置措施的处罚',
      '对法律、行政法规禁止发布或者传输的信息未停止传输、采取删除等处置措施、保存有关记录的处罚',
      '对法律、行政法规禁止发布或者传输的信息未停止传输、采取消除等处置措施、保存有关记录，未按要求对法律、行政法规禁止发布或者传输的信息采取处置措施，拒绝、阻碍有关部门依法实施的监督检查的行政处罚',
    ],
    why: '三地依据均为网络安全法第四十七条、第六十八条；柳南的名称把第六十九条（拒绝、阻碍监督检查）也并入了同一事项，其依据一并保留。',
  },
  {
    id: 'csl-69',
    name: '对不配合监管部门监督检查的处罚',
    type: '行政处罚',
    seedNames: ['对不配合监管部门监督检查的处罚', '对拒不配合执法工作的行政处罚'],
    why: '柳南「对拒不配合执法工作的行政处罚」的依据首条为网络安全法第六十九条，与天水、酒泉的事项相同。',
  },
  {
    id: 'news-22',
    name: '对未经许可或者超越许可范围开展互联网新闻信息服务的处罚',
    type: '行政处罚',
    seedNames: ['对未经许可或者超越许可范围开展互联网新闻信息服务的处罚', '对未经许可或超越许可范围开展互联网新闻信息服务的行政处罚'],
  },
  {
    id: 'news-24',
    name: '对未履行法定义务的处罚',
    type: '行政处罚',
    seedNames: ['对未履行法定义务的处罚', '对未履行法定义务的处理'],
    why: '依据同为互联网新闻信息服务管理规定第二十四条；酒泉写作「处理」。',
  },
  { id: 'news-25', name: '对违反互联网新闻传播秩序的处罚', type: '行政处罚', seedNames: ['对违反互联网新闻传播秩序的处罚'] },
  {
    id: 'news-service-violations',
    name: '对违反安全评估、非公资本、总编辑及从业人员、管理制度和技术保障措施建设、传播平台、谋取不正当利益、账号管理、转载管理、违法信息处置、账号管理、重大事项变更、许可明示、举报管理等违法提供互联网新闻信息服务的行政处罚',
    type: '行政处罚',
    seedNames: [
      '对违反安全评估、非公资本、总编辑及从业人员、管理制度和技术保障措施建设、传播平台、谋取不正当利益、账号管理、转载管理、违法信息处置、账号管理、重大事项变更、许可明示、举报管理等违法提供互联网新闻信息服务的行政处罚',
    ],
    why: '柳南把互联网新闻信息服务管理规定中多项义务合成一个事项；与第二十四、二十五条事项部分重合，但范围不同，单列。',
    mixedPenalties: true,
  },
  {
    id: 'isp-15-20',
    name: '对制作、复制、发布、传播非法信息的处罚',
    type: '行政处罚',
    seedNames: ['对制作、复制、发布、传播非法信息的处罚', '对制作、复制、发布、传播非法信息的行政处罚', '对提供违法违规互联网信息内容的行政处罚'],
    why: '柳南「对提供违法违规互联网信息内容的行政处罚」的依据为互联网信息服务管理办法第十五条、第二十条，与此事项相同。',
  },
  {
    id: 'content-law-violations',
    name: '对违反有关互联网信息内容管理法律法规规章的行为实施行政处罚',
    type: '行政处罚',
    seedNames: ['对违反有关互联网信息内容管理法律法规规章的行为实施行政处罚'],
    why: '泸县以一个概括事项涵盖网络安全法第五十九至六十九条等多项处罚，保留为概括事项；具体案件宜选用对应的具体事项。',
    mixedPenalties: true,
  },
  {
    id: 'inspect-news',
    name: '对互联网新闻信息服务活动实施监督检查',
    type: '行政检查',
    seedNames: ['对互联网新闻信息服务活动实施监督检查', '对互联网信息服务实施监督检查'],
    why: '天水「对互联网信息服务实施监督检查」（列为其他行政权力）的依据为互联网新闻信息服务管理规定第四条、第十九条，与酒泉、泸县的行政检查事项相同。',
  },
  {
    id: 'inspect-cii-risk',
    name: '对关键信息基础设施的安全风险进行抽查检测',
    type: '行政检查',
    seedNames: ['对关键信息基础设施的安全风险进行抽查检测'],
  },
];

/** The seed files and the office each belongs to. */
export const SEEDS = [
  { file: '000_6d561cba8293d0af.txt', office: '柳州市柳南区互联网信息办公室', layout: 'cell-table' },
  { file: '001_6be6c773c77a71ed.txt', office: '天水市互联网信息办公室', layout: 'tsv' },
  { file: '002_47cee1d52641bd42.txt', office: '泸县互联网信息办公室', layout: 'labelled-cards' },
  { file: '004_0d35bb3aeed94f46.txt', office: '中共酒泉市委网信办（酒泉市互联网信息办公室）', layout: 'tsv' },
] as const;
