import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeError } from './credit-code.ts';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts published codes', () => {
    // The worked example of GB 32100-2015.
    expect(creditCodeError('91350100M000100Y43')).toBeNull();
  });

  it('computes the check character with weights mod 31', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('rejects a wrong check character', () => {
    expect(creditCodeError('91350100M000100Y44')).toMatch(/校验位不正确/);
  });

  it('rejects letters the standard excludes (I O Z S V), naming them', () => {
    const msg = creditCodeError('91350100M0001O0Y43');
    expect(msg).toMatch(/不允许的字符「O」/);
  });

  it('rejects wrong length', () => {
    expect(creditCodeError('91350100M000100Y4')).toMatch(/应为18位，当前为17位/);
  });

  it('normalises lower case and spaces', () => {
    expect(creditCodeError(' 91350100m000100y43 ')).toBeNull();
  });

  it('every single-character substitution of a valid code is caught', () => {
    const valid = '91350100M000100Y43';
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    let caught = 0;
    let total = 0;
    for (let i = 0; i < 17; i++) {
      for (const c of alphabet) {
        if (c === valid[i]) continue;
        total++;
        if (creditCodeError(valid.slice(0, i) + c + valid.slice(i + 1)) !== null) caught++;
      }
    }
    expect(caught).toBe(total);
  });
});
