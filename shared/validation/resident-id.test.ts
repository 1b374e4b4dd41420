import { describe, expect, it } from 'vitest';
import { residentIdBirthDate, residentIdCheckChar, residentIdError } from './resident-id.ts';

const today = new Date('2026-11-22T00:00:00Z');

describe('公民身份号码 (GB 11643-1999)', () => {
  it('accepts the standard example and numbers ending in X', () => {
    expect(residentIdError('11010519491231002X', today)).toBeNull();
    expect(residentIdError('440524198001010013', today)).toBeNull();
    // lower-case x and surrounding spaces are normalised, not rejected
    expect(residentIdError(' 11010519491231002x ', today)).toBeNull();
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

  it('rejects impossible and future birth dates even with a correct check character', () => {
    const feb30 = '44052419900230001';
    expect(residentIdError(feb30 + residentIdCheckChar(feb30), today)).toMatch(/不是有效日期/);
    const month13 = '44052419901301001';
    expect(residentIdError(month13 + residentIdCheckChar(month13), today)).toMatch(/不是有效日期/);
    const future = '44052420300101001';
    expect(residentIdError(future + residentIdCheckChar(future), today)).toMatch(/晚于今天/);
    const leap = '44052420000229001'; // 2000 was a leap year
    expect(residentIdError(leap + residentIdCheckChar(leap), today)).toBeNull();
    const notLeap = '44052419000229001'; // 1900 was not
    expect(residentIdError(notLeap + residentIdCheckChar(notLeap), today)).toMatch(/不是有效日期/);
  });

  it('extracts the birth date', () => {
    expect(residentIdBirthDate('11010519491231002X')).toBe('1949-12-31');
  });
});
