// The document types, as the rest of the app names them: views of the registry of descriptors
// (shared/documents/types/registry.ts), which is the one place a type is described.
import { DOCUMENT_DESCRIPTORS, type DocumentType } from './types/registry.ts';

export { DOCUMENT_TYPES, type DocumentType } from './types/registry.ts';
export { DOCUMENT_STATES, DOCUMENT_STATE_LABELS, type DocumentState } from './document-states.ts';

const byType = <V>(f: (d: (typeof DOCUMENT_DESCRIPTORS)[number]) => V) =>
  Object.fromEntries(DOCUMENT_DESCRIPTORS.map((d) => [d.type, f(d)])) as Record<DocumentType, V>;

/** Each type's name in lists and messages: 询问笔录 … */
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = byType((d) => d.label);

/** The character each type's document number carries, e.g. 网信案询〔2026〕0003号. */
export const DOCUMENT_NUMBER_MARK: Record<DocumentType, string> = byType((d) => d.numberMark);
