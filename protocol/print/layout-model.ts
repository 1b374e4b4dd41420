// What a printed document is made of, before and after pagination. Coordinates are in PDF points
// (1/72 inch) from the page's top-left corner, y downwards; the PDF writer converts.

/** A4 with the margins of the official forms (about 25 mm left for binding, 20 mm elsewhere). */
export const A4 = { width: 595.28, height: 841.89, top: 56, right: 56, bottom: 56, left: 70 } as const;

export interface GridCell {
  label: string;
  value: string;
  /** Columns this cell spans, out of the grid's `columns`. */
  span: number;
}

export interface TableColumn {
  title: string;
  /** Share of the text width. */
  width: number;
  /** Break anywhere (digests, URLs) rather than at words. */
  anywhere?: boolean;
  align?: 'left' | 'center';
}

export interface SignatureSlotSpec {
  /** Stable id the signatures feature fills: 'interviewee', 'inquirer', 'recorder', 'party', … */
  id: string;
  label: string;
  /** Who signs here (shared/signatures): 被询问人, 当事人, 执法人员, 记录人, 见证人, 翻译人员, 持有人/提供人. */
  role?: string;
  /** An officer's slot: the officer who must sign (with their own password). */
  officerId?: string;
  /** The name expected from the document (the interviewee's, the witness's …), offered to the signer. */
  signerName?: string;
  /** A per-page slot that shows these end-of-document signatures instead of needing its own. */
  mirror?: string[];
}

export type Block =
  | { kind: 'title'; text: string }
  /** Small line: left and/or right text (the agency, the document number). */
  | { kind: 'line'; left?: string; center?: string; right?: string; size?: number }
  | { kind: 'grid'; columns: number; rows: GridCell[][] }
  | { kind: 'heading'; text: string }
  /** A paragraph, optionally with a hanging label (问：/答：) or a first-line indent. */
  /** `closing` (profile 2): the closing statement or confirmation, not counted among the lines the signatures keep. */
  | { kind: 'para'; text: string; label?: string; indent?: boolean; bold?: boolean; closing?: boolean }
  /**
   * `notes[i]`, when set, prints under row i across the table's full width (a row's 备注);
   * `endMark` (profile 2) is a full-width last row (以下空白).
   */
  | {
      kind: 'table';
      columns: TableColumn[];
      rows: string[][];
      size?: number;
      notes?: (string | undefined)[];
      endMark?: string;
    }
  | { kind: 'signatures'; slots: SignatureSlotSpec[] }
  | { kind: 'gap'; height: number }
  /** `head` / `continued` (profile 2): the running head of the section the break starts. */
  | { kind: 'pageBreak'; head?: string; continued?: string }
  /** Profile 2: 以下空白 after the last line of the text. */
  | { kind: 'endMark'; text: string }
  /** Profile 2: the agency and the date in the box reserved for the agency's seal. */
  | { kind: 'issuer'; agency: string; date: string };

export interface DocumentLayoutSpec {
  /** Title of continuation pages' running head, e.g. 询问笔录（续）. */
  runningHead: string;
  docNo: string;
  blocks: Block[];
  /** Printed at the foot of every page (逐页签名), e.g. the interviewee's slot on every page of an inquiry. */
  perPageSlots: SignatureSlotSpec[];
  /** Draft documents carry a 草稿 watermark. */
  draft: boolean;
  /** The engine's profile (shared/documents/print-layout.ts); absent: profile 1. */
  typesetting?: 2;
}

export type DrawOp =
  | { op: 'text'; x: number; y: number; size: number; text: string; bold?: boolean; spacing?: number; gray?: boolean }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; width: number }
  | { op: 'rect'; x: number; y: number; w: number; h: number; width: number; dashed?: boolean };

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where a signature image goes: the signatures feature draws into these. */
export interface SignatureSlot extends Rect, SignatureSlotSpec {
  page: number;
  /** True for the slots repeated at the foot of every page. */
  perPage: boolean;
}

export interface LaidOutPage {
  number: number;
  ops: DrawOp[];
  slots: SignatureSlot[];
  /** Reserved for the seal: its hashes, the device sequence number, a QR code (sealing feature). */
  sealArea: Rect;
  /** The page's text lines in reading order, as a review screen shows them. */
  lines: string[];
  /** Profile 2: the boxes reserved for the agency's seal (印章) on this page. */
  agencySeal?: Rect[];
}

export interface LaidOutDocument {
  pages: LaidOutPage[];
  /** Every character drawn, for the coverage check. */
  text: string;
  /** Profile 2 (absent: 1): the PDF writer then prints signing and sealing times as 年月日时分 too. */
  typesetting?: 2;
}
