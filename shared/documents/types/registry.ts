// The registry of document types: one descriptor per type (its folder beside this file), in the
// order the app offers them. Adding a type = its folder and one line here (docs/RECORDS.md,
// "Adding a document type"). Everything that depends on the type reads it from here.
import type { DocumentDeadline } from '../../deadlines/document-deadline.ts';
import type { DocumentTemplate } from '../templates.ts';
import type { DocumentDescriptor } from './descriptor.ts';
import { EVIDENCE } from './evidence/descriptor.ts';
import { INQUIRY } from './inquiry/descriptor.ts';
import { ONSITE } from './onsite/descriptor.ts';
import { PRESERVATION } from './preservation/descriptor.ts';
import { DELIVERY } from './delivery/descriptor.ts';
import { DISPOSAL } from './disposal/descriptor.ts';
import { RECTIFICATION } from './rectification/descriptor.ts';

export const DOCUMENT_DESCRIPTORS = [
  INQUIRY,
  ONSITE,
  EVIDENCE,
  PRESERVATION,
  RECTIFICATION,
  DISPOSAL,
  DELIVERY,
] as const;

type Registered = (typeof DOCUMENT_DESCRIPTORS)[number];
export type DocumentType = Registered['type'];
/** The deadline kinds documents open (先行登记保存 …), besides the case's own. */
export type DocumentDeadlineKind = Registered['deadlines'][number]['kind'];

export const DOCUMENT_TYPES = DOCUMENT_DESCRIPTORS.map((d) => d.type) as unknown as readonly [
  DocumentType,
  ...DocumentType[],
];

/** Every deadline documents open, by kind. */
export const DOCUMENT_DEADLINES: readonly DocumentDeadline<DocumentDeadlineKind>[] = DOCUMENT_DESCRIPTORS.flatMap(
  (d): readonly DocumentDeadline<DocumentDeadlineKind>[] => d.deadlines,
);

/** A descriptor as the machinery handles it: content is whatever the type's schema gives. */
export type AnyDescriptor = DocumentDescriptor<DocumentType, Record<string, unknown>, DocumentDeadlineKind>;

const BY_TYPE = new Map<string, AnyDescriptor>(
  DOCUMENT_DESCRIPTORS.map((d) => [d.type, d as unknown as AnyDescriptor]),
);

/** The descriptor of a type the caller knows is registered (a programming error otherwise). */
export function descriptorOf(type: DocumentType): AnyDescriptor {
  const d = BY_TYPE.get(type);
  if (!d) throw new Error(`no document type ${type}`);
  return d;
}

/** The descriptor of a type given from outside (a request, a stored row), or undefined when none is registered. */
export function findDescriptor(type: string): AnyDescriptor | undefined {
  return BY_TYPE.get(type);
}

/** Every registered type with its name, in order: what completeness and save checks name types by. */
export const TYPE_NAMES: readonly { type: DocumentType; label: string }[] = DOCUMENT_DESCRIPTORS.map((d) => ({
  type: d.type,
  label: d.label,
}));

/** Every version of every type, oldest first per type, in the registry's order. */
export const TEMPLATES: readonly DocumentTemplate<DocumentType>[] = DOCUMENT_DESCRIPTORS.flatMap(
  (d): readonly DocumentTemplate<DocumentType>[] => d.templates,
);

/** A type's template version (the last when none is given): documents keep printing with the version they were made with. */
export function templateFor(type: DocumentType, version?: string): DocumentTemplate<DocumentType> {
  const candidates = descriptorOf(type).templates;
  const t = version ? candidates.find((c) => c.version === version) : candidates.at(-1);
  if (!t) throw new Error(`no template ${type}@${version ?? 'latest'}`);
  return t;
}
