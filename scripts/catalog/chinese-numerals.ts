// Amounts as the penalty clauses write them: 五千元, 一万元, 十万元, 五十万元, 一百万元, 二十万元
// (and the odd Arabic form, 5000元 or 10万元). Integer yuan only: the data may end up sealed.

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Parses a Chinese numeral (五十万, 一百零五, 十, 三千五百) or an Arabic one with an optional
 * 万/亿 (5000, 10万); null if the text is not a number.
 */
export function parseChineseNumber(s: string): number | null {
  const arabic = /^(\d+)(万|亿)?$/.exec(s);
  if (arabic) return Number(arabic[1]) * (arabic[2] === '亿' ? 100_000_000 : arabic[2] === '万' ? 10_000 : 1);
  if (s === '' || /[^零〇一二两三四五六七八九十百千万亿]/.test(s)) return null;
  let yi = 0; // the part counted in 亿
  let wan = 0; // the part counted in 万
  let section = 0; // the part below 万
  let digit: number | null = null;
  for (const ch of s) {
    if (ch === '零' || ch === '〇') {
      continue; // a placeholder: 一百零五
    } else if (ch in DIGITS) {
      if (digit !== null) return null; // two digits in a row (一二) is not a numeral
      digit = DIGITS[ch]!;
    } else if (ch in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[ch]!; // 十 alone is ten
      digit = null;
    } else if (ch === '万') {
      wan += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = null;
    } else {
      yi = (yi + wan + section + (digit ?? 0)) * 100_000_000;
      wan = 0;
      section = 0;
      digit = null;
    }
  }
  return yi + wan + section + (digit ?? 0);
}

/** 「一万元」「五千元」「10万元」→ yuan; null if the text is not an amount in yuan. */
export function parseYuan(s: string): number | null {
  const m = /^([零〇一二两三四五六七八九十百千万亿\d]+)元$/.exec(s.trim());
  return m ? parseChineseNumber(m[1]!) : null;
}
