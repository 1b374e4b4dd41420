import type { z } from 'zod';

/** Turns zod issues into `{ 'party.creditCode': '…' }`: the first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** One sentence summarising the field errors, for places without a form. */
export function summariseFieldErrors(fields: Record<string, string>): string {
  const messages = Object.values(fields);
  if (messages.length === 1) return messages[0]!;
  return `有${messages.length}处填写有误：${messages.slice(0, 3).join(' ')}${messages.length > 3 ? ' …' : ''}`;
}
