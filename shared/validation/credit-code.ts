// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet without I O Z S V;
// the last is a check character computed over the first 17.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Returns null when valid, else a Chinese message saying what is wrong and what to do. */
export function creditCodeError(value: string): string | null {
  const v = value.trim().toUpperCase();
  if (v.length !== 18) return `统一社会信用代码应为18位，当前为${v.length}位，请对照营业执照核对。`;
  const bad = [...v].filter((c) => !ALPHABET.includes(c));
  if (bad.length > 0) {
    return `统一社会信用代码含有不允许的字符「${[...new Set(bad)].join('')}」（代码中不使用字母I、O、Z、S、V），请对照营业执照核对。`;
  }
  if (v[17] !== creditCodeCheckChar(v.slice(0, 17))) {
    return '统一社会信用代码校验位不正确（最后一位应与前17位计算结果一致），可能有字符录入错误，请对照营业执照逐位核对。';
  }
  return null;
}
