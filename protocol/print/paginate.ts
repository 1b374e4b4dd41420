// Pagination: a document's blocks → pages of positioned text, rules and signature slots.
// A pure function of the blocks and the font metrics: the same document always gives the same
// pages, so the review screen (signatures feature) can show exactly the pages that print.
import {
  A4,
  type Block,
  type DocumentLayoutSpec,
  type DrawOp,
  type GridCell,
  type LaidOutDocument,
  type LaidOutPage,
  type Rect,
  type SignatureSlot,
  type SignatureSlotSpec,
  type TableColumn,
} from './layout-model.ts';
import { breakText } from './line-break.ts';

export interface Metrics {
  /** Advance width of one character at size 1. */
  advance(ch: string): number;
}

const BODY = 12; // 小四
const TITLE = 20;
const GRID = 10.5; // 五号
const SMALL = 9;
const LEAD = 1.75; // line height as a multiple of the size
const PAD = 4;
const SEAL_H = 40;
const FOOT_SLOTS_H = 34;
const PAGE_NO_H = 16;

export function paginate(spec: DocumentLayoutSpec, m: Metrics): LaidOutDocument {
  return new Paginator(spec, m).run();
}

interface Unit {
  /** Height it needs; it never splits. */
  height: number;
  draw(y: number): void;
  /** Drawn again at the top of a new page before this unit when it lands there (table headers). */
  repeatHeader?: Unit;
  /** Moves to the next page before drawing. */
  pageBreak?: boolean;
  gapBefore?: number;
}

class Paginator {
  private pages: LaidOutPage[] = [];
  private page!: LaidOutPage;
  private y = 0;
  private all = '';
  private readonly left = A4.left;
  private readonly width = A4.width - A4.left - A4.right;

  private readonly spec: DocumentLayoutSpec;
  private readonly m: Metrics;

  constructor(spec: DocumentLayoutSpec, m: Metrics) {
    this.spec = spec;
    this.m = m;
  }

  private w(text: string, size: number): number {
    let w = 0;
    for (const ch of text) w += this.m.advance(ch);
    return w * size;
  }

  private get bodyBottom(): number {
    return A4.height - A4.bottom - SEAL_H - PAGE_NO_H - (this.spec.perPageSlots.length ? FOOT_SLOTS_H : 0) - 6;
  }

  private text(x: number, y: number, size: number, text: string, extra: Partial<Extract<DrawOp, { op: 'text' }>> = {}) {
    if (!text) return;
    this.page.ops.push({ op: 'text', x, y, size, text, ...extra });
    this.all += text;
  }

  private newPage() {
    this.page = {
      number: this.pages.length + 1,
      ops: [],
      slots: [],
      sealArea: { x: this.left, y: A4.height - A4.bottom - SEAL_H, w: this.width, h: SEAL_H },
      lines: [],
    };
    this.pages.push(this.page);
    this.y = A4.top;
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

  run(): LaidOutDocument {
    this.newPage();
    for (const b of this.spec.blocks) for (const u of this.units(b)) this.place(u);
    this.furniture();
    return { pages: this.pages, text: this.all };
  }

  private place(u: Unit) {
    if (u.pageBreak) {
      if (this.y > A4.top + 20) this.newPage();
      return;
    }
    const gap = u.gapBefore ?? 0;
    if (this.y + gap + u.height > this.bodyBottom && this.y > A4.top + 20) {
      this.newPage();
      if (u.repeatHeader) {
        u.repeatHeader.draw(this.y);
        this.y += u.repeatHeader.height;
      }
    } else this.y += gap;
    u.draw(this.y);
    this.y += u.height;
  }

  private units(b: Block): Unit[] {
    switch (b.kind) {
      case 'pageBreak':
        return [{ height: 0, draw: () => undefined, pageBreak: true }];
      case 'gap':
        return [{ height: b.height, draw: () => undefined }];
      case 'title':
        return [this.titleUnit(b.text)];
      case 'line':
        return [this.lineUnit(b.left ?? '', b.center ?? '', b.right ?? '', b.size ?? BODY)];
      case 'heading': {
        const lines = this.paraLines(b.text, '', false, true, BODY);
        lines[0]!.gapBefore = 8;
        return lines;
      }
      case 'para':
        return this.paraLines(b.text, b.label ?? '', b.indent ?? false, b.bold ?? false, BODY);
      case 'grid': {
        // Labels that start at the same column get the same width, so the rules line up: the
        // widest label there, but no more than 45 % of the narrowest cell starting there — a long
        // label (网站/APP/账号、域名、IP、ICP备案号) wraps in its column rather than squeezing the
        // values of the half-width rows below it into a sliver.
        const widest = new Map<number, number>();
        const cap = new Map<number, number>();
        for (const row of b.rows) {
          let col = 0;
          for (const c of row) {
            if (c.label) {
              widest.set(col, Math.max(widest.get(col) ?? 0, this.w(c.label, GRID) + 2 * PAD));
              cap.set(col, Math.min(cap.get(col) ?? Infinity, (this.width / b.columns) * c.span * 0.45));
            }
            col += c.span;
          }
        }
        const labelW = new Map([...widest].map(([col, w]) => [col, Math.min(w, cap.get(col)!)]));
        return b.rows.map((row, i) => this.gridRow(row, b.columns, i === 0, labelW));
      }
      case 'table':
        return this.tableUnits(b.columns, b.rows, b.size ?? 8, b.notes);
      case 'signatures':
        return this.signatureUnits(b.slots);
    }
  }

  private titleUnit(text: string): Unit {
    const spacing = TITLE * 0.5;
    const chars = [...text];
    const total = this.w(text, TITLE) + spacing * (chars.length - 1);
    return {
      height: TITLE * 2.2,
      gapBefore: 2,
      draw: (y) => {
        this.text(this.left + (this.width - total) / 2, y + TITLE * 1.3, TITLE, text, { bold: true, spacing });
        this.page.lines.push(text);
      },
    };
  }

  private lineUnit(left: string, center: string, right: string, size: number): Unit {
    return {
      height: size * LEAD,
      draw: (y) => {
        const base = y + size * 1.2;
        this.text(this.left, base, size, left);
        this.text(this.left + (this.width - this.w(center, size)) / 2, base, size, center);
        this.text(this.left + this.width - this.w(right, size), base, size, right);
        this.page.lines.push([left, center, right].filter(Boolean).join('\u3000'));
      },
    };
  }

  /** One unit per line, so long paragraphs continue on the next page. */
  private paraLines(text: string, label: string, indent: boolean, bold: boolean, size: number): Unit[] {
    const labelW = this.w(label, size);
    const width = this.width - labelW;
    const firstWidth = indent ? width - 2 * size : width;
    const lines = breakText(text, width, (ch) => this.m.advance(ch) * size, { firstWidth });
    return lines.map((line, i) => ({
      height: size * LEAD,
      gapBefore: i === 0 && label ? 2 : 0,
      draw: (y: number) => {
        const base = y + size * 1.25;
        if (i === 0 && label) this.text(this.left, base, size, label, { bold: true });
        this.text(this.left + labelW + (indent && line.first ? 2 * size : 0), base, size, line.text, { bold });
        this.page.lines.push((i === 0 ? label : '') + line.text);
      },
    }));
  }

  private gridRow(cells: GridCell[], columns: number, first: boolean, labelWidths: Map<number, number>): Unit {
    const colW = this.width / columns;
    let col = 0;
    const laid = cells.map((c) => {
      const w = colW * c.span;
      const labelW = c.label ? (labelWidths.get(col) ?? Math.min(w * 0.45, this.w(c.label, GRID) + 2 * PAD)) : 0;
      col += c.span;
      const advance = (ch: string) => this.m.advance(ch) * GRID;
      // A label too long for its share wraps inside its own column, by the same 禁则 as the text
      // but without hanging punctuation: its column ends at a rule.
      const labelLines = breakText(c.label, labelW - 2 * PAD, advance, { hang: false });
      const lines = breakText(c.value, w - labelW - 2 * PAD, advance);
      return { c, w, labelW, labelLines, lines };
    });
    const height = Math.max(...laid.map((l) => Math.max(l.lines.length, l.labelLines.length))) * GRID * 1.5 + 2 * PAD;
    return {
      height,
      draw: (y) => {
        let x = this.left;
        if (first)
          this.page.ops.push({ op: 'line', x1: this.left, y1: y, x2: this.left + this.width, y2: y, width: 0.6 });
        this.page.ops.push({
          op: 'line',
          x1: this.left,
          y1: y + height,
          x2: this.left + this.width,
          y2: y + height,
          width: 0.6,
        });
        for (const l of laid) {
          this.page.ops.push({ op: 'line', x1: x, y1: y, x2: x, y2: y + height, width: 0.6 });
          if (l.labelW) {
            l.labelLines.forEach((line, i) =>
              this.text(x + PAD, y + PAD + GRID * 1.1 + i * GRID * 1.5, GRID, line.text, { bold: true }),
            );
            this.page.ops.push({ op: 'line', x1: x + l.labelW, y1: y, x2: x + l.labelW, y2: y + height, width: 0.3 });
          }
          l.lines.forEach((line, i) =>
            this.text(x + l.labelW + PAD, y + PAD + GRID * 1.1 + i * GRID * 1.5, GRID, line.text),
          );
          this.page.lines.push(`${l.c.label}${l.c.label ? '：' : ''}${l.lines.map((t) => t.text).join('')}`);
          x += l.w;
        }
        this.page.ops.push({
          op: 'line',
          x1: this.left + this.width,
          y1: y,
          x2: this.left + this.width,
          y2: y + height,
          width: 0.6,
        });
      },
    };
  }

  private tableUnits(
    columns: TableColumn[],
    rows: string[][],
    size: number,
    notes: (string | undefined)[] = [],
  ): Unit[] {
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (this.width * c.width) / total);
    const lead = size * 1.45;
    const rowUnit = (cells: string[], header: boolean, note?: string): Unit => {
      const laid = cells.map((cell, i) =>
        breakText(cell, widths[i]! - 2 * PAD, (ch) => this.m.advance(ch) * size, {
          anywhere: columns[i]!.anywhere ?? false,
        }),
      );
      const cellsHeight = Math.max(1, ...laid.map((l) => l.length)) * lead + 2 * PAD;
      // A note spans the full width under the cells, in the same unit: it never parts from its row.
      const noteLines = note ? breakText(note, this.width - 2 * PAD, (ch) => this.m.advance(ch) * size) : [];
      const height = cellsHeight + (noteLines.length ? noteLines.length * lead + 2 * PAD : 0);
      return {
        height,
        draw: (y) => {
          let x = this.left;
          this.page.ops.push({ op: 'rect', x: this.left, y, w: this.width, h: height, width: 0.5 });
          if (noteLines.length) {
            this.page.ops.push({
              op: 'line',
              x1: this.left,
              y1: y + cellsHeight,
              x2: this.left + this.width,
              y2: y + cellsHeight,
              width: 0.5,
            });
            noteLines.forEach((line, k) =>
              this.text(this.left + PAD, y + cellsHeight + PAD + size * 1.05 + k * lead, size, line.text),
            );
          }
          laid.forEach((lines, i) => {
            if (i > 0) this.page.ops.push({ op: 'line', x1: x, y1: y, x2: x, y2: y + cellsHeight, width: 0.5 });
            lines.forEach((line, k) => {
              const center = header || columns[i]!.align === 'center';
              const tx = center ? x + (widths[i]! - this.w(line.text, size)) / 2 : x + PAD;
              this.text(tx, y + PAD + size * 1.05 + k * lead, size, line.text, { bold: header });
            });
            x += widths[i]!;
          });
          this.page.lines.push(cells.join(' '));
          if (note) this.page.lines.push(note);
        },
      };
    };
    const header = rowUnit(
      columns.map((c) => c.title),
      true,
    );
    return [header, ...rows.map((r, i) => ({ ...rowUnit(r, false, notes[i]), repeatHeader: header }))];
  }

  private signatureUnits(slots: SignatureSlotSpec[]): Unit[] {
    // One unit, two slots a row: the closing signatures never part across a page break, so every
    // end signature (and a refusal in its place) is on the last page with the others.
    const rows = Math.ceil(slots.length / 2);
    return [
      {
        height: 44 * rows,
        gapBefore: 12,
        draw: (y) => {
          for (let r = 0; r < rows; r++) {
            slots.slice(2 * r, 2 * r + 2).forEach((s, k) => {
              const x = this.left + (k * this.width) / 2;
              this.slot(s, x, y + 44 * r + 6, this.width / 2 - 8, 32, false);
            });
          }
        },
      },
    ];
  }

  /** A label and the box beside it where the signature will go. */
  private slot(s: SignatureSlotSpec, x: number, y: number, w: number, h: number, perPage: boolean) {
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
  private furniture() {
    const total = this.pages.length;
    for (const p of this.pages) {
      this.page = p;
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
