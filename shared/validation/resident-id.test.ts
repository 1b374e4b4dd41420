import { describe, expect, it } from 'vitest';
import { normaliseIdNumber, residentIdBirthDate, residentIdCheckChar, residentIdError } from './resident-id.ts';

const today = new Date('2026-11-22T00:00:00Z');
const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);

describe('公民身份号码 (GB 11643-1999)', () => {
  it('accepts the standard example and numbers ending in X', () => {
    expect(residentIdError('11010519491231002X', today)).toBeNull();
    expect(residentIdError('440524198001010013', today)).toBeNull();
    // lower-case x and surrounding spaces are normalised, not rejected
    expect(residentIdError(' 11010519491231002x ', today)).toBeNull();
  });

  it('reads numbers as Chinese input methods type them: full-width digits and letters, spaces', () => {
    // What a 全角 input method gives for 11010519491231002X, and with the ideographic space inside.
    expect(residentIdError('１１０１０５１９４９１２３１００２Ｘ', today)).toBeNull();
    expect(residentIdError('１１０１０５　１９４９１２３１　００２ｘ', today)).toBeNull();
    expect(normaliseIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
    expect(normaliseIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(normaliseIdNumber('ｅ１２３４５６７８')).toBe('E12345678'); // a passport number, also folded
    // A full-width number with a wrong check character is refused for that, not for its characters.
    expect(residentIdError('１１０１０５１９４９１２３１００２１', today)).toMatch(/校验位不正确/);
  });

  it('computes the check character from the weights', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052419800101001')).toBe('3');
  });

  it('rejects a wrong check character, naming the check digit', () => {
    expect(residentIdError('110105194912310021', today)).toMatch(/校验位不正确/);
    expect(residentIdError('440524198001010014', today)).toMatch(/校验位不正确/);
  });

  it('rejects a single mistyped digit (the check digit catches it)', () => {
    expect(residentIdError('440524198001020013', today)).toMatch(/校验位/);
  });

  it('rejects wrong length and characters', () => {
    expect(residentIdError('4405241880010100', today)).toMatch(/应为18位，当前为16位/);
    expect(residentIdError('44052418800101001A', today)).toMatch(/最后一位为数字或字母X/);
  });

  it('says which of date, year and check character is wrong — one message each', () => {
    const feb30 = withCheck('44052419900230001');
    const month13 = withCheck('44052419901301001');
    const notLeap = withCheck('44052419000229001'); // 1900 was not a leap year
    for (const n of [feb30, month13, notLeap]) {
      expect(residentIdError(n, today), n).toMatch(/出生日期（\d{8}）不存在/);
      expect(residentIdError(n, today), n).not.toMatch(/年份|校验位/);
    }
    expect(residentIdError(feb30, today)).toContain('没有1990年2月30日这一天');
    // 1899-12-31 exists: refused for its year, not as an impossible date.
    const old = residentIdError(withCheck('44052418991231001'), today)!;
    expect(old).toMatch(/出生年份（1899年）早于1900年，超出有效范围/);
    expect(old).not.toMatch(/不存在|有效日期/);
    expect(residentIdError(withCheck('44052419000101001'), today)).toBeNull(); // 1900 itself is in range
    const future = withCheck('44052420300101001');
    expect(residentIdError(future, today)).toMatch(/晚于今天/);
    const leap = withCheck('44052420000229001'); // 2000 was a leap year
    expect(residentIdError(leap, today)).toBeNull();
    // A real date and a plausible year, only the check character wrong.
    const wrongCheck = `${'44052419900228001'}${residentIdCheckChar('44052419900228001') === '0' ? '1' : '0'}`;
    expect(residentIdError(wrongCheck, today)).toMatch(/^身份证号码校验位不正确/);
  });

  it('extracts the birth date', () => {
    expect(residentIdBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(residentIdBirthDate('１１０１０５１９４９１２３１００２ｘ')).toBe('1949-12-31');
  });
});
