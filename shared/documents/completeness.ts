// What the law requires before a document may go to signing: each type's rules
// (shared/documents/types/<type>/completeness.ts), applied through the registry. Shared: the
// editor shows the list live, the core enforces it.
import type { CompletenessIssue } from './completeness-rules.ts';
import type { DocumentTemplate } from './templates.ts';
import { DOCUMENT_DESCRIPTORS, descriptorOf, TYPE_NAMES, type DocumentType } from './types/registry.ts';

export type { CompletenessIssue } from './completeness-rules.ts';

/** Every rule code, by document type (each type's list, from its descriptor). */
export const RULES = Object.fromEntries(DOCUMENT_DESCRIPTORS.map((d) => [d.type, d.rules])) as Record<
  DocumentType,
  readonly string[]
>;

/** The case's other documents, by id and type: what a 现场笔录 measure may link to. */
export interface CaseDocuments {
  caseDocuments: readonly { id: string; type: DocumentType }[];
}

/**
 * `ctx`: the case's other documents, so that a 现场笔录's links are checked against them. The
 * content is read through the type's schema first: a document saved before a field existed (an
 * 电子取证 step without `itemIds`, saved before the case timeline) gets the field's default, as a
 * save would give it, instead of failing the rules that read it. Content the schema refuses (a
 * form being typed) is checked as it is.
 */
export function checkCompleteness(
  type: DocumentType,
  content: unknown,
  template: DocumentTemplate,
  ctx: CaseDocuments,
): CompletenessIssue[] {
  const d = descriptorOf(type);
  const parsed = d.content.safeParse(content);
  return d.check(parsed.success ? parsed.data : (content as Record<string, unknown>), template, {
    ...ctx,
    types: TYPE_NAMES,
  });
}
