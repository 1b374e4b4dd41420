// One check for every identity-number field, by the kind of document the number is of.
import { creditCodeError } from './credit-code.ts';
import { normaliseIdNumber, residentIdError } from './resident-id.ts';

/**
 * What is wrong with a number for its kind of document: a 居民身份证 by GB 11643 (also when no kind
 * is given: the forms default to it), a 统一社会信用代码 or 营业执照 by GB 32100; other documents
 * (passports, permits) are taken as typed. Full-width characters, spaces and a lower-case x are
 * read (normaliseIdNumber), not refused.
 */
export function idKindError(idType: string, value: string): string | null {
  const kind = idType.trim() || '居民身份证';
  if (kind === '居民身份证') return residentIdError(value);
  if (kind === '统一社会信用代码' || kind === '营业执照') return creditCodeError(normaliseIdNumber(value));
  return null;
}
