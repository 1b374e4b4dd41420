// 公民身份号码 (GB 11643-1999): 17 digits + a check character; characters 7–14 are the birth date.
// Officers type numbers with Chinese input methods: full-width digits and letters (１２３Ｘ), spaces,
// a lower-case x. Every identity-number field (parties, interviewees, witnesses, present persons,
// signers) reads a number through normaliseIdNumber and checks it with residentIdError.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** The earliest birth year accepted: older numbers are far more likely typing errors than real. */
export const EARLIEST_BIRTH_YEAR = 1900;

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * An identity-document number as it is stored and printed: full-width characters folded to ASCII
 * (NFKC: ０–９ → 0–9, Ｘ/ｘ → X/x), spaces (also the ideographic space) removed, letters upper-case —
 * the check character x is always written X. Applies to every kind of document number (passports
 * and permits are upper-case too).
 */
export function normaliseIdNumber(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/**
 * Returns null when `value` (after normaliseIdNumber) is a valid 18-character resident ID number,
 * else a Chinese message saying what is wrong — one message per kind of error: length, characters,
 * a date that does not exist, a birth year out of range, a birth date after today, the check
 * character. `today` bounds the birth date (defaults to now).
 */
export function residentIdError(value: string, today: Date = new Date()): string | null {
  const v = normaliseIdNumber(value);
  if (v.length !== 18) return `身份证号码应为18位，当前为${v.length}位，请核对后重新输入。`;
  if (!/^\d{17}[\dX]$/.test(v)) return '身份证号码前17位应为数字，最后一位为数字或字母X，请核对后重新输入。';
  const digits = v.slice(6, 14);
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  const realDate = birth.getUTCFullYear() === y && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d;
  if (!realDate)
    return `身份证号码第7至14位的出生日期（${digits}）不存在（没有${y}年${m}月${d}日这一天），请核对后重新输入。`;
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  if (y < EARLIEST_BIRTH_YEAR)
    return `身份证号码中的出生年份（${y}年）早于${EARLIEST_BIRTH_YEAR}年，超出有效范围，请核对后重新输入。`;
  if (birth.getTime() > todayUtc) return `身份证号码中的出生日期（${digits}）晚于今天，请核对后重新输入。`;
  const expected = residentIdCheckChar(v.slice(0, 17));
  if (v[17] !== expected)
    return '身份证号码校验位不正确（最后一位应与前17位计算结果一致），可能有数字录入错误，请逐位核对。';
  return null;
}

/** The birth date encoded in a valid resident ID, as YYYY-MM-DD. */
export function residentIdBirthDate(value: string): string {
  const v = normaliseIdNumber(value);
  return `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
}
