// The same article is quoted by several lists and matters, not always alike: one list has a typo
// (「一万元以下十万元以下」), another an elision (「……」) or a word-wrap. Every quotation of an
// article is collected and one wording is chosen for the whole catalog:
//   1. the regulation's own text where a seed publishes it (003);
//   2. otherwise, among the unabridged quotations, the one closest to all the others (the medoid
//      by edit distance: a typo in one list loses against the other lists), the longer on a tie
//      (a dropped word loses), then the first in code-point order (deterministic).
// Elided quotations are used only where no other exists.
import type { QuotedArticle } from './raw-matter.ts';

export const articleKey = (b: { law: string; article: string }) => `${b.law}${b.article}`;

const ELIDED = /……|\.\.\./;

/** Levenshtein distance over UTF-16 code units (the texts are CJK, no surrogate pairs matter here). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export function chooseWording(quotations: string[]): string {
  if (quotations.length === 0) throw new Error('no quotation to choose from');
  const full = quotations.filter((q) => !ELIDED.test(q));
  const pool = full.length > 0 ? full : quotations;
  const scored = [...new Set(pool)].map((q) => ({
    q,
    score: pool.reduce((sum, other) => sum + editDistance(q, other), 0),
  }));
  scored.sort((a, b) => a.score - b.score || b.q.length - a.q.length || (a.q < b.q ? -1 : a.q > b.q ? 1 : 0));
  return scored[0]!.q;
}

/** One wording per article: the authoritative text where given, else chosen among the quotations. */
export function chooseArticleTexts(quoted: QuotedArticle[], authoritative: QuotedArticle[]): Map<string, string> {
  const byKey = new Map<string, string[]>();
  for (const b of quoted) byKey.set(articleKey(b), [...(byKey.get(articleKey(b)) ?? []), b.text]);
  const official = new Map(authoritative.map((b) => [articleKey(b), b.text]));
  return new Map([...byKey].map(([key, texts]) => [key, official.get(key) ?? chooseWording(texts)]));
}
