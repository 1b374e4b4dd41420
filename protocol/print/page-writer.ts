// The pages being written: their state and the drawing every kind of unit uses — text (all of it
// collected for the coverage check and the signed form), a new page with its running head, the
// signature slots, and the furniture drawn once the number of pages is known (per-page slots,
// 第 n 页 共 N 页). paginate.ts places the document's units onto them.
import {
  A4,
  type DocumentLayoutSpec,
  type DrawOp,
  type LaidOutPage,
  type Rect,
  type SignatureSlot,
  type SignatureSlotSpec,
} from './layout-model.ts';
import { breakText2 } from './line-break-2.ts';
import { breakText, type BreakOptions } from './line-break.ts';

export interface Metrics {
  /** Advance width of one character at size 1. */
  advance(ch: string): number;
}

export const BODY = 12; // 小四
export const GRID = 10.5; // 五号
export const SMALL = 9;
export const LEAD = 1.75; // line height as a multiple of the size
export const PAD = 4;
const SEAL_H = 40;
const FOOT_SLOTS_H = 34;
const PAGE_NO_H = 16;

export class PageWriter {
  protected pages: LaidOutPage[] = [];
  protected page!: LaidOutPage;
  protected y = 0;
  protected all = '';
  protected readonly left = A4.left;
  protected readonly width = A4.width - A4.left - A4.right;

  protected readonly spec: DocumentLayoutSpec;
  protected readonly m: Metrics;
  /** Typesetting profile 2 (shared/documents/print-layout.ts). */
  protected readonly p2: boolean;
  /** Profile 2: each page's running head (drawn once every page exists), and whether it holds any body yet. */
  protected heads: string[] = [];
  protected section = { head: '', continued: '' };
  protected sectionStart = 1;
  protected blank = true;

  constructor(spec: DocumentLayoutSpec, m: Metrics) {
    this.spec = spec;
    this.m = m;
    this.p2 = spec.typesetting === 2;
    this.section = { head: spec.runningHead, continued: spec.runningHead };
  }

  /** Line breaking by the profile's rules. */
  protected breakText(
    text: string,
    width: number,
    advance: (ch: string) => number,
    opts: BreakOptions = {},
    cell = false,
  ) {
    if (!this.p2) return breakText(text, width, advance, opts);
    const { anywhere: _anywhere, ...rest } = opts; // profile 2 breaks long words by their separators
    // In a cell (a grid's label or value, a table's cell), lines end where phrases do.
    return breakText2(text, width, advance, { ...rest, phrases: cell });
  }

  protected w(text: string, size: number): number {
    let w = 0;
    for (const ch of text) w += this.m.advance(ch);
    return w * size;
  }

  protected get bodyBottom(): number {
    return A4.height - A4.bottom - SEAL_H - PAGE_NO_H - (this.spec.perPageSlots.length ? FOOT_SLOTS_H : 0) - 6;
  }

  protected text(
    x: number,
    y: number,
    size: number,
    text: string,
    extra: Partial<Extract<DrawOp, { op: 'text' }>> = {},
  ) {
    if (!text) return;
    this.page.ops.push({ op: 'text', x, y, size, text, ...extra });
    this.all += text;
  }

  protected newPage() {
    this.page = {
      number: this.pages.length + 1,
      ops: [],
      slots: [],
      sealArea: { x: this.left, y: A4.height - A4.bottom - SEAL_H, w: this.width, h: SEAL_H },
      lines: [],
    };
    this.pages.push(this.page);
    this.y = A4.top;
    this.blank = true;
    if (this.p2) {
      // The head is drawn with the furniture: a section may begin on this page after all.
      const n = this.page.number;
      this.heads[n - 1] = n === 1 ? '' : n === this.sectionStart ? this.section.head : this.section.continued;
      if (n > 1) this.y += SMALL + 14;
      return;
    }
    if (this.page.number > 1) {
      const base = this.y + SMALL;
      this.text(this.left, base, SMALL, this.spec.runningHead, { gray: true });
      const no = this.spec.docNo;
      this.text(this.left + this.width - this.w(no, SMALL), base, SMALL, no, { gray: true });
      this.page.ops.push({
        op: 'line',
        x1: this.left,
        y1: base + 4,
        x2: this.left + this.width,
        y2: base + 4,
        width: 0.5,
      });
      this.y = base + 14;
    }
  }

  /** Profile 2: a page's running head and its rule, first in the page's drawing and reading order. */
  protected runningHead(head: string) {
    const ops = this.page.ops;
    const lines = this.page.lines;
    this.page.ops = [];
    this.page.lines = [];
    const base = A4.top + SMALL;
    this.text(this.left, base, SMALL, head, { gray: true });
    const no = this.spec.docNo;
    this.text(this.left + this.width - this.w(no, SMALL), base, SMALL, no, { gray: true });
    this.page.ops.push({
      op: 'line',
      x1: this.left,
      y1: base + 4,
      x2: this.left + this.width,
      y2: base + 4,
      width: 0.5,
    });
    this.page.ops.push(...ops);
    this.page.lines = [`${head}\u3000${no}`, ...lines];
  }

  /** A label and the box beside it where the signature will go. */
  protected slot(s: SignatureSlotSpec, x: number, y: number, w: number, h: number, perPage: boolean) {
    const size = perPage ? SMALL : GRID;
    const label = `${s.label}：`;
    const lw = this.w(label, size);
    this.text(x, y + h - 6, size, label);
    const rect: Rect = { x: x + lw + 2, y, w: w - lw - 2, h };
    this.page.ops.push({ op: 'line', x1: rect.x, y1: y + h - 2, x2: rect.x + rect.w, y2: y + h - 2, width: 0.5 });
    this.page.slots.push({ ...s, ...rect, page: this.page.number, perPage } satisfies SignatureSlot);
    this.page.lines.push(label);
  }

  /** Per-page signatures, 第 n 页 共 N 页: drawn once the number of pages is known. */
  protected furniture() {
    const total = this.pages.length;
    for (const p of this.pages) {
      this.page = p;
      if (this.p2 && this.heads[p.number - 1]) this.runningHead(this.heads[p.number - 1]!);
      const seal = p.sealArea;
      const noY = seal.y - 4;
      if (this.spec.perPageSlots.length) {
        const y = noY - PAGE_NO_H - FOOT_SLOTS_H + 4;
        const n = this.spec.perPageSlots.length;
        this.spec.perPageSlots.forEach((s, k) =>
          this.slot(s, this.left + (k * this.width) / n, y, this.width / n - 8, 26, true),
        );
      }
      const label = `第 ${p.number} 页 共 ${total} 页`;
      this.text(this.left + (this.width - this.w(label, SMALL)) / 2, noY, SMALL, label);
      p.lines.push(label);
    }
  }
}
