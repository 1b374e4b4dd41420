import { describe, expect, it } from 'vitest';
import { parseChineseNumber, parseYuan } from './chinese-numerals.ts';

describe('Chinese numerals in penalty clauses', () => {
  it.each([
    ['五千', 5000],
    ['一万', 10_000],
    ['二万', 20_000],
    ['两万', 20_000],
    ['十万', 100_000],
    ['二十万', 200_000],
    ['五十万', 500_000],
    ['一百万', 1_000_000],
    ['一千万', 10_000_000],
    ['一万五千', 15_000],
    ['三千五百', 3500],
    ['一百零五', 105],
    ['十', 10],
    ['十五', 15],
    ['零', 0],
    ['一亿', 100_000_000],
    ['1000', 1000],
    ['10万', 100_000],
  ])('%s = %d', (s, n) => expect(parseChineseNumber(s)).toBe(n));

  it('refuses what is not a numeral', () => {
    for (const s of ['', '十倍', '违法所得', '一二', 'abc', '5千']) expect(parseChineseNumber(s), s).toBeNull();
  });

  it('reads amounts in yuan as the clauses write them', () => {
    expect(parseYuan('五千元')).toBe(5000);
    expect(parseYuan('一万元')).toBe(10_000);
    expect(parseYuan('五十万元')).toBe(500_000);
    expect(parseYuan('一百万元')).toBe(1_000_000);
    expect(parseYuan(' 二十万元 ')).toBe(200_000);
    expect(parseYuan('一万')).toBeNull(); // no 元: not an amount
    expect(parseYuan('违法所得一倍')).toBeNull();
  });
});
