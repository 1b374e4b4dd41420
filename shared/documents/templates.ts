// Document templates as data (2017 regulation art. 48: provinces may define their own formats):
// per document type and version, the standard wording, the editor's labels and the printed layout
// (each type's shared/documents/types/<type>/templates.ts; the versions of every type and
// templateFor are in types/registry.ts). A document records the template version it was made with
// and always renders with that version. Changing a wording, a label or the layout = adding a new
// version; released versions are frozen (their hashes are pinned in
// core/documents/template-versions.test.ts). Wording placeholders: {{agency}} {{officers}}
// {{matter}} {{party}}.
import type { PrintLayout } from './print-layout.ts';

export interface OpeningStatement {
  key: string;
  /** A short name for lists and messages, e.g. 出示执法证件. */
  label: string;
  text: string;
  /** The customary answer offered as a suggestion (never filled in automatically). */
  suggestedAnswer: string;
}

/**
 * A closing that depends on how the record was checked (询问笔录 from 2026.1: the interviewee read
 * it, or it was read out to them): the officer chooses in the editor, and only the alternative used
 * is printed.
 */
export interface ClosingAlternatives {
  /** The content path holding the choice. */
  path: string;
  /** The editor's label for the choice. */
  label: string;
  options: { value: string; label: string; closing: string; confirmation: string }[];
}

/**
 * `T`: the type's name. Registered templates are `DocumentTemplate<DocumentType>` (types/registry.ts);
 * this file names no type, so that the per-type templates can import it without a circle.
 */
export interface DocumentTemplate<T extends string = string> {
  type: T;
  version: string;
  /**
   * The procedure regulation this wording follows, as recorded in every sealed record (the seal's
   * `document.regulation`). docs/LAW.md «The procedure regulation» says what each version really
   * follows: the 2023.x versions name the 2023 regulation but were drafted from the 2017 one.
   */
  regulation: string;
  title: string;
  openings: OpeningStatement[];
  /** The closing statement; with `closingAlternatives`, the first alternative's. */
  closing: string;
  /** The customary confirmation offered to the signer; with `closingAlternatives`, the first alternative's. */
  confirmation: string;
  closingAlternatives?: ClosingAlternatives;
  /** Frequently used questions: for every matter, and per matter id (editor suggestions, not frozen). */
  questionBank?: QuestionBank;
  /** Standard paragraphs (notice wording, remedies …) by key. */
  paragraphs?: Record<string, string>;
  /** The editor's labels: section titles (`section.…`) and fields by content path (`interviewee.name`, `items[].name`). */
  labels: Record<string, string>;
  /** How the document prints (shared/documents/print-layout.ts). */
  layout: PrintLayout;
}

export interface QuestionBank {
  common: string[];
  byMatter: Record<string, string[]>;
}

export interface TemplateVars {
  agency: string;
  /** e.g. 李明（执法证号45020019001）、王芳（执法证号45020019002） */
  officers: string;
  matter: string;
  party: string;
}

/** Fills the placeholders; besides TemplateVars, a paragraph may name its own ({{time}}, {{count}}). */
export function renderTemplateText(text: string, vars: TemplateVars | Readonly<Record<string, string>>): string {
  const v = vars as Readonly<Record<string, string>>;
  return text.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => (k in v ? v[k]! : `{{${k}}}`));
}

/**
 * A standard paragraph of the template, by key. A missing one is a programming error, not an
 * empty text: silently printing nothing would change what a document says.
 */
export function templateParagraph(t: DocumentTemplate, key: string): string {
  const p = t.paragraphs?.[key];
  if (p === undefined) throw new Error(`template ${t.type}@${t.version} has no paragraph ${key}`);
  return p;
}

export function officersPhrase(officers: { name: string; certNo: string }[]): string {
  return officers.map((o) => `${o.name}（执法证号${o.certNo}）`).join('、');
}

/** The matter as it reads inside a sentence: 「对…的处罚」 → 「…」. */
export function matterPhrase(matterName: string): string {
  return matterName.replace(/^对/, '').replace(/的(行政)?处罚$/, '');
}
