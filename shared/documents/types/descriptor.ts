// A document type, described in one place: everything the machinery (the store, completeness,
// printing, signing, sealing, verification, deadlines, HQ, the renderer's lists) needs to know
// about it. Each type has its folder here (shared/documents/types/<type>/) whose descriptor.ts
// fills this in; registry.ts lists them. The machinery iterates over the registry and never
// names a type. Shared: the renderer and HQ read it too, so nothing here may use Node.
import type { z } from 'zod';
import type { DeadlineClosure, DocumentDeadline } from '../../deadlines/document-deadline.ts';
import type { CaseDetail } from '../../domain/case.ts';
import type { EvidenceItem } from '../../evidence/evidence-schema.ts';
import type { DocumentFacts } from '../../timeline/facts.ts';
import type { CheckContext, CompletenessIssue } from '../completeness-rules.ts';
import type { DocumentTemplate } from '../templates.ts';

/** What the app can know about the collecting computer (core/documents/machine-facts.ts). */
export interface MachineFacts {
  os: string;
  host: string;
  software: string;
}

/** What a new document starts from. */
export interface CreateContext {
  case: CaseDetail;
  agency: string;
  /** The signed-in officers, in sign-in order. */
  officerIds: string[];
  now: Date;
  machine: MachineFacts;
}

/** Why a save is refused beyond the content schema; the store turns it into a CoreError and saves nothing. */
export interface SaveRefusal {
  kind: 'validation' | 'integrity';
  message: string;
  fields: Record<string, string>;
}

/** What the store tells a type's save check: the case's documents and the database facts content must match. */
export interface SaveCheckContext extends CheckContext {
  /** The digests and size an imported evidence item was stored with, or undefined when there is none. */
  evidenceItem(id: string): { sha256: string; sm3: string; sizeBytes: number } | undefined;
}

/** One line of a verification report (npm run verify, the seal panel). */
export interface SealCheck {
  what: string;
  ok: boolean;
  detail: string;
}

/** A type whose documents list imported evidence (电子取证工作记录): imports and the capture browser add rows to it. */
export interface EvidenceList<C> {
  /** The list's name in messages: 电子数据清单. */
  listName: string;
  /** The content path of the list's rows; a row backed by an imported file names it in `evidenceId`. */
  rows: string;
  /** The content with the imported item listed and an automatic procedure step recorded (`time`: local minute). */
  append(content: C, item: EvidenceItem, time: string, stepText?: string): C;
}

/**
 * Documents of the type about the same person are counted (询问笔录: 第N次询问, ctx.inquirySequence
 * in the layout): the person is the ID number at `idNumber` when given, else the name at `name`.
 */
export interface SequenceKey {
  idNumber: string;
  name: string;
}

export interface DocumentDescriptor<
  T extends string = string,
  C extends object = Record<string, unknown>,
  K extends string = string,
> {
  type: T;
  /** The name in lists, the case's history and messages: 询问笔录. */
  label: string;
  /** The exported PDF's title (its metadata, keywords and file name). */
  pdfTitle: string;
  /** The character the document number carries: 网信案询〔2026〕0003号. */
  numberMark: string;
  /** The content as stored and signed (drafts may be incomplete). */
  content: z.ZodType<C>;
  /**
   * Every template version, oldest first (wording, editor labels, printed layout with the
   * signature slots); new documents take the last. Released versions are pinned by hash in
   * core/documents/template-versions.test.ts.
   */
  templates: readonly DocumentTemplate<T>[];
  /** Every completeness rule code; completeness.test.ts demands a failing case for each. */
  rules: readonly string[];
  /** What is missing before signing (DOCUMENTS.md): the editor shows it live, the core refuses 待签名 while any. */
  check(content: C, template: DocumentTemplate, ctx: CheckContext): CompletenessIssue[];
  /** The parts of the line that tells documents of this type apart in a list (empty ones are dropped). */
  subject(content: Record<string, unknown>): (string | undefined | false)[];
  /**
   * What the document says about time and people (shared/timeline/facts.ts): its dated acts (the
   * record's start and end, steps, extractions, approvals, measures), when it was complete, the
   * documents it records as measures, the persons it names, its confirmation. The case timeline
   * (shared/timeline/case-timeline.ts) checks these across the case's documents.
   */
  timeline(content: C): DocumentFacts;
  /**
   * The editor's labels of content fields added after versions of the type were released (a
   * released version's labels are frozen): shown by every version whose own labels lack the key.
   * A new version may word them itself in its labels.
   */
  addedLabels?: Readonly<Record<string, string>>;
  /**
   * Documents of the type record the measures taken during them, linking each measure's own
   * document (现场笔录): a measure's document (先行登记保存) must be recorded by one of the time.
   */
  recordsMeasures?: true;
  /** What a new document starts with (editable); the store parses it with `content`. */
  initialContent(template: DocumentTemplate, ctx: CreateContext): Record<string, unknown>;
  /** Checks a save must pass beyond the schema (content that must match the database), or none. */
  saveCheck?(content: C, ctx: SaveCheckContext): SaveRefusal | null;
  /** Type-specific lines of a sealed document's verification. */
  sealChecks?(content: Record<string, unknown>): SealCheck[];
  /** Present when documents of the type list imported evidence. */
  evidenceList?: EvidenceList<C>;
  /** Present when documents of the type about the same person are counted. */
  sequence?: SequenceKey;
  /**
   * Slots the signing screen offers besides the layout's, not required: the interviewee's
   * confirmation written by hand on the pad (「以上笔录我看过，和我说的相符」) instead of typed. Each
   * is bound like a signature and printed on the 签名情况记录 page (the document's pages were
   * frozen before signing). `signer`: the content path of the expected signer's name.
   */
  offeredSlots?: readonly { slotId: string; label: string; role: string; signer?: string }[];
  /** The deadlines each document of the type opens (shared/deadlines/, the 工作台). */
  deadlines: readonly DocumentDeadline<K>[];
  /** The deadlines of other documents each sealed document of the type closes (处理决定书 → 先行登记保存). */
  closes?: readonly DeadlineClosure[];
  /**
   * The editor: the component of renderer/documents/editors/ with this name, registered for the
   * type in renderer/documents/editors/registry.ts (a Record over every type: the compiler demands
   * an entry; core/documents/template-versions.test.ts checks the labels it asks for).
   */
  editor: string;
}

/** The value at a dotted path of a document's content (undefined when a step is missing). */
export function contentAt(c: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], c);
}

/** An editor label: the document's template version's own, else the type's label for a field added later, else the key (visibly wrong). */
export function editorLabel(
  template: { labels: Readonly<Record<string, string>> },
  descriptor: Pick<DocumentDescriptor, 'addedLabels'>,
  key: string,
): string {
  return template.labels[key] ?? descriptor.addedLabels?.[key] ?? key;
}
