import { describe, expect, it } from 'vitest';
import { parseChineseNumber, parseYuan } from './chinese-numerals.ts';

describe('Chinese numerals in penalty clauses', () => {
  it.each([
    ['五千', 5000],
    ['一万', 10_000],
    ['十万', 100_000],
    ['二十万', 200_000],
    ['五十万', 500_000],
    ['一百万', 1_000_000],
    ['一百零五', 105],
    ['十', 10],
    ['三千五百', 3500],
    ['1000', 1000],
  ])('%s = %d', (s, n) => expect(parseChineseNumber(s)).toBe(n));

  it('reads amounts in yuan and refuses other text', () => {
    expect(parseYuan('五万元')).toBe(50_000);
    expect(parseYuan('一百万元')).toBe(1_000_000);
    expect(parseYuan('违法所得')).toBeNull();
    expect(parseChineseNumber('十倍')).toBeNull();
  });
});
