// Stable matter ids from the penalty article: 网络安全法第五十九条 → csl-59. Matters that are not
// one law's penalty articles (inspections, lists' catch-all matters) get their id in overrides.json.
import { parseChineseNumber } from './chinese-numerals.ts';

/** Short ASCII names of the laws the lists cite, in the order the catalog lists their matters. */
export const LAW_SLUGS: [law: string, slug: string][] = [
  ['《中华人民共和国网络安全法》', 'csl'],
  ['《中华人民共和国数据安全法》', 'dsl'],
  ['《中华人民共和国个人信息保护法》', 'pipl'],
  ['《互联网新闻信息服务管理规定》', 'news'],
  ['《互联网信息服务管理办法》', 'isp'],
];

/** 第五十九条第一款 → 59; NaN if unreadable. */
export function articleNumber(article: string): number {
  const m = /^第([零〇一二两三四五六七八九十百千]+)条/.exec(article);
  return m ? (parseChineseNumber(m[1]!) ?? Number.NaN) : Number.NaN;
}

export function lawRank(law: string): number {
  const i = LAW_SLUGS.findIndex(([l]) => l === law);
  return i < 0 ? LAW_SLUGS.length : i;
}

/** csl-59 (or csl-59-60 for a matter of two articles); null unless all articles are of one known law. */
export function autoId(articles: { law: string; article: string }[]): string | null {
  const laws = new Set(articles.map((a) => a.law));
  if (articles.length === 0 || laws.size !== 1) return null;
  const slug = LAW_SLUGS.find(([l]) => l === articles[0]!.law)?.[1];
  const numbers = [...new Set(articles.map((a) => articleNumber(a.article)))].sort((a, b) => a - b);
  if (!slug || numbers.some((n) => Number.isNaN(n))) return null;
  return `${slug}-${numbers.join('-')}`;
}
