// Chinese numerals as the penalty clauses write amounts: 五千, 一万, 十万, 五十万, 一百万, 二十万.

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Parses a numeral below 一亿 (e.g. 五十万, 一百零五, 十); returns null if it is not one. */
export function parseChineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '' || /[^零〇一二两三四五六七八九十百千万]/.test(s)) return null;
  let total = 0;
  let section = 0; // the part below 万
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
    } else if (ch in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[ch]!;
      digit = null;
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

/** 「一万元」「五千元」→ yuan; null if the text is not an amount in yuan. */
export function parseYuan(s: string): number | null {
  const m = /^([零〇一二两三四五六七八九十百千万\d]+)元$/.exec(s.trim());
  return m ? parseChineseNumber(m[1]!) : null;
}
