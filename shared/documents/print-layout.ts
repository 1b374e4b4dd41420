// The printed layout of a document type, as data: part of each versioned template
// (shared/documents/templates/), interpreted by protocol/print/forms/layout-spec.ts into the blocks
// that paginate.ts lays out. Changing how a document prints = a new template version; documents
// keep printing with the version they were made with (their signatures and seals bind the printed
// pages, which HQ lays out again to check them).
//
// Everything here is plain JSON-able data. A `Text` is a string with placeholders:
//   {{interviewee.name}}   a path into the document's content (inside `each`/`table`: the row first)
//   {{ctx.agency}}         the document's context (agency, caseTitle, partyName, inquirySequence …)
//   {{doc.docNo}}          the document itself (docNo, correction …)
//   {{tpl.title}}          the template (title, closing, confirmation)
//   {{var.approval}}       one of the layout's `vars`
//   {{#}}                  inside `each`/`table`: the row's number, from 1
//   {{fmt:arg,arg}}        a formatter of protocol/print/forms/formatters.ts, e.g. {{minute:startTime}},
//                          {{span:startTime,endTime}}, {{officers:inspectorIds}}, {{para:noticeBasis}}
// A `when`/`unless` names a path: true when it holds a non-empty string, a non-empty list, an object.
//
// `typesetting` selects the engine's behaviour (protocol/print/paginate.ts, line-break.ts,
// write-pdf.ts). The released 2023.x versions have none (profile 1) and must keep printing exactly
// as they did; profile 2 (the 2026.1 versions, docs/PDF.md «Typesetting profiles») breaks lines by
// stricter rules (no opening mark at a line end, digests in even groups, URLs and file names only
// at their separators, numbers with their units), keeps headings, table headers and the closing
// signatures with the lines around them, lets a page break start a section with its own running
// head, reserves a box for the agency's seal and prints every time in the 年月日时分 form. The
// blocks and values marked «profile 2» below are only for layouts that declare it.

export type Text = string;

export type Value =
  | Text
  /** The parts that are not empty, joined with `join`. */
  | { join: string; parts: Value[] }
  /** The first part that is not empty. */
  | { first: Value[] }
  /** `then` when `if` renders non-empty, else `else` (or nothing). */
  | { if: Value; then: Value; else?: Value }
  | { concat: Value[] }
  /**
   * The value ending with `mark` (default 「。」) unless it already ends with a sentence-ending mark
   * (。！？…) — where a template closes free text with a full stop; '' stays ''.
   */
  | { end: Value; mark?: string };

export interface Condition {
  when?: string;
  unless?: string;
}

export interface CellDef {
  label: Value;
  value: Value;
  /** Columns this cell spans, out of the grid's `columns`. */
  span: number;
}

export interface RowDef extends Condition {
  cells: CellDef[];
}

export interface ColumnDef {
  title: string;
  /** Share of the text width. */
  width: number;
  anywhere?: boolean;
  align?: 'left' | 'center';
  value: Value;
}

/** A signature slot (see protocol/print/layout-model.ts SignatureSlotSpec). */
export interface SlotDef extends Condition {
  id: string;
  label: string;
  role?: string;
  /** Path of the officer id who must sign here. */
  officer?: string;
  /** The signer's name as the document gives it. */
  signer?: Value;
  mirror?: string[];
}

export type BlockDef = Condition &
  (
    | { kind: 'title'; text: Value }
    | { kind: 'line'; left?: Value; center?: Value; right?: Value; size?: number }
    | { kind: 'grid'; columns: number; rows: RowDef[] }
    | { kind: 'heading'; text: Value }
    /**
     * `closing` (profile 2): the record's closing statement or the signer's confirmation — not one of
     * the lines of text the closing signatures take along, so that they take the record's own last
     * lines with them to a new page.
     */
    | { kind: 'para'; text: Value; label?: Value; indent?: boolean; bold?: boolean; closing?: boolean }
    /** The template's opening statements with their answers; `officers` are the paths of the officers they name. */
    | { kind: 'openings'; officers: string[] }
    /** `blocks` once per row of the list at `of`. */
    | { kind: 'each'; of: string; blocks: BlockDef[] }
    /**
     * A table with one row per row of the list at `of`; `note` prints under a row when not empty.
     * `endMark` (profile 2): a full-width last row closing the list (以下空白).
     */
    | { kind: 'table'; of: string; size?: number; columns: ColumnDef[]; note?: Value; endMark?: Text }
    | { kind: 'signatures'; slots: SlotDef[] }
    | { kind: 'gap'; height: number }
    /**
     * A new page. `head` (profile 2) starts a section with its own running head: `head` on the page
     * the break starts, `continued` on the section's later pages.
     */
    | { kind: 'pageBreak'; head?: Value; continued?: Value }
    /** Profile 2: the line that closes the text (以下空白), so nothing can be added after it. */
    | { kind: 'endMark'; text: Text }
    /**
     * Profile 2: the issuing agency and the date, right-aligned, in a reserved box where the
     * agency's seal goes (nothing else prints there).
     */
    | { kind: 'issuer'; agency: Value; date: Value }
  );

export interface PrintLayout {
  /** The engine's profile (above); absent: profile 1, as the 2023.x versions were released. */
  typesetting?: 2;
  /** Continuation pages' running head. */
  runningHead: Text;
  /**
   * Named values: what the template's paragraphs fill their placeholders with ({{para:key}}),
   * besides agency, matter and party, and what {{var.name}} gives.
   */
  vars?: Record<string, Value>;
  blocks: BlockDef[];
  /** The slots at the foot of every page (逐页签名). */
  perPage: SlotDef[];
}
