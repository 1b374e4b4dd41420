// The penalty a matter carries, read from the wording of its penalty articles: warning, order to
// correct, confiscation, the fine on the operator and on the responsible persons, other measures.
import type { FineRange, LegalBasis, Penalty } from '../../shared/catalog/catalog-schema.ts';
import { parseYuan } from './chinese-numerals.ts';

/** An article that imposes a penalty (as opposed to one that sets a duty or a competence). */
export function imposesPenalty(text: string): boolean {
  return /罚款|警告|没收违法所得|吊销|停业整顿|关闭网站|暂停新闻信息更新|责令停止|拘留/.test(text);
}

/**
 * The fine phrases: 「处一万元以上十万元以下罚款」, 「对直接负责的主管人员处五千元以上五万元以下罚款」,
 * 「对直接负责的主管人员和其他直接责任人员，处…罚款」, 「并处…罚款」, 「处违法所得一倍以上十倍以下罚款」.
 */
const FINE = /(对直接负责的主管人员[^，。；：处]*[，,]?\s*)?(?:可以)?(?:并)?处([^，。；：处]*?)罚款/g;
/** The alternative that follows a multiple of the illegal income: 「，没有违法所得的，处一百万元以下罚款」. */
const NO_INCOME = /^[，；,;]\s*(没有违法所得的[^。；]*?罚款)/;
const AMOUNT = '[零〇一二两三四五六七八九十百千万亿\\d]+元';

export function parseFine(text: string): FineRange {
  const amounts = new RegExp(`^处[^，。；]*?(${AMOUNT})(?:以上(${AMOUNT}))?以下(?:的)?罚款$`).exec(
    text.replace(/^对直接负责的主管人员[^处]*/, ''),
  );
  if (!amounts || /倍/.test(text)) return { text };
  const first = parseYuan(amounts[1]!);
  const second = amounts[2] ? parseYuan(amounts[2]) : null;
  if (second !== null && first !== null) return { text, minYuan: first, maxYuan: second };
  if (first !== null && !amounts[2]) return { text, maxYuan: first };
  return { text };
}

interface FoundFine {
  responsible: boolean;
  fine: FineRange;
}

function findFines(text: string): FoundFine[] {
  const out: FoundFine[] = [];
  for (const m of text.matchAll(FINE)) {
    if (!/元|倍/.test(m[2]!)) continue; // 「处罚」「处置」 are no fines
    const responsible = m[1] !== undefined;
    let phrase = m[0].replace(/^(?:可以)?并?/, '').replace(/[，,]\s*(?=处)/, '，');
    if (!responsible) phrase = phrase.slice(phrase.indexOf('处'));
    if (/倍/.test(m[2]!)) {
      const alt = NO_INCOME.exec(text.slice(m.index + m[0].length));
      if (alt) phrase += `，${alt[1]}`;
    }
    out.push({ responsible, fine: parseFine(phrase) });
  }
  return out;
}

/** The other measures, named as the articles name them, in the order they first appear. */
const MEASURES: [string, RegExp][] = [
  ['暂停相关业务', /暂停相关业务/],
  ['停业整顿', /停业整顿/],
  ['关闭网站', /关闭网站/],
  ['吊销相关业务许可证', /吊销相关业务许可证/],
  ['吊销营业执照', /吊销营业执照/],
  ['吊销经营许可证', /吊销经营许可证/],
  ['停止相关服务活动', /停止相关服务活动/],
  ['暂停新闻信息更新', /暂停新闻信息更新/],
  ['停止使用', /责令停止使用/],
  ['不予换发许可证', /不予换发许可证/],
  ['拘留', /拘留/],
];

const sameRange = (a: FineRange, b: FineRange) =>
  a.minYuan === b.minYuan &&
  a.maxYuan === b.maxYuan &&
  (a.minYuan !== undefined || a.maxYuan !== undefined || a.text === b.text);

/**
 * The penalty of a matter from its penalty articles. Where one article has several fines for the
 * operator (第五十九条: ordinary operators, then operators of critical information infrastructure),
 * the first — the general case — is the range; the clause text keeps them all. Where the matter's
 * penalty articles set different fines (a list that names one matter for many articles), no single
 * range would be true: the ranges are left out and the clause text says it all.
 */
export function parsePenalty(articles: LegalBasis[]): Penalty | null {
  const clauses = articles.filter((a) => imposesPenalty(a.text));
  if (clauses.length === 0) return null;
  const all = clauses.map((c) => c.text).join('\n');
  const perArticle = clauses.map((c) => findFines(c.text));
  const firstOf = (responsible: boolean) =>
    perArticle.map((fines) => fines.find((f) => f.responsible === responsible)?.fine).filter((f) => f !== undefined);
  const single = (fines: FineRange[]) =>
    fines.length > 0 && fines.every((f) => sameRange(f, fines[0]!)) ? fines[0] : undefined;
  const penalty: Penalty = {
    warning: /警告/.test(all),
    orderCorrection: /责令(?:限期)?改正/.test(all),
    confiscateIllegalIncome: /没收违法所得/.test(all),
    otherMeasures: MEASURES.map(([name, re]) => ({ name, at: all.search(re) }))
      .filter((m) => m.at >= 0)
      .sort((a, b) => a.at - b.at)
      .map((m) => m.name),
    text: clauses.map((c) => `${c.law}${c.article}：${c.text}`).join('\n'),
  };
  const operator = single(firstOf(false));
  const responsible = single(firstOf(true));
  if (operator) penalty.fineOperator = operator;
  if (responsible) penalty.fineResponsible = responsible;
  return penalty;
}
