// The building blocks of the document types' completeness rules (shared/documents/types/<type>/
// completeness.ts): the issue, the collector a check reports through, and the checks several types
// share (times, identity numbers, the answers to the opening statements).
import { idKindError } from '../validation/id-number.ts';
import type { DocumentTemplate } from './templates.ts';

export interface CompletenessIssue {
  path: string;
  message: string;
  /** Which rule (a code of the type's rule list): the tests demand a failing case for every code. */
  rule: string;
}

export type Check<R extends string> = (ok: unknown, rule: R, path: string, message: string) => void;

export function collector<R extends string>(): { issues: CompletenessIssue[]; need: Check<R> } {
  const issues: CompletenessIssue[] = [];
  return { issues, need: (ok, rule, path, message) => void (ok ? undefined : issues.push({ path, message, rule })) };
}

export const filled = (s: string | undefined) => (s ?? '').trim().length > 0;

export function times(need: Check<'startTime' | 'endTime' | 'timeOrder'>, start: string, end: string, what: string) {
  need(filled(start), 'startTime', 'startTime', `请填写${what}开始时间（年-月-日 时:分）。`);
  need(filled(end), 'endTime', 'endTime', `请填写${what}结束时间（年-月-日 时:分）。`);
  if (filled(start) && filled(end))
    need(
      end > start,
      'timeOrder',
      'endTime',
      `${what}结束时间（${end.replace('T', ' ')}）不能早于或等于开始时间（${start.replace('T', ' ')}）。`,
    );
}

export function idNumber(
  need: Check<'idNumber' | 'idValid'>,
  idType: string,
  value: string,
  path: string,
  who: string,
) {
  need(filled(value), 'idNumber', path, `${who}未填写身份证件号码。`);
  idValid(need, idType, value, path, who);
}

/** Every identity-number field is checked the same way once filled: parties, interviewees, witnesses, present persons. */
export function idValid(need: Check<'idValid'>, idType: string, value: string, path: string, who: string) {
  if (!filled(value)) return;
  const err = idKindError(idType, value);
  need(err === null, 'idValid', path, `${who}的${err ?? ''}`);
}

export function openings(
  need: Check<'opening'>,
  answers: { key: string; answer: string }[],
  template: DocumentTemplate,
  who: string,
) {
  template.openings.forEach((o, i) => {
    const a = answers.find((x) => x.key === o.key);
    need(filled(a?.answer), 'opening', `openings.${i}.answer`, `第${i + 1}项告知（${o.label}）尚未记录${who}的回答。`);
  });
}

/** What a check may know beyond the content: the case's other documents and the registered types. */
export interface CheckContext {
  /** The case's other documents, by id and type (what a 现场笔录's measures may link to). */
  caseDocuments: readonly { id: string; type: string }[];
  /** Every registered document type with its name, in the registry's order. */
  types: readonly { type: string; label: string }[];
}
