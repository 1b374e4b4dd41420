// Pagination: a document's blocks → pages of positioned text, rules and signature slots.
// A pure function of the blocks and the font metrics: the same document always gives the same
// pages, so the review screen (signatures feature) can show exactly the pages that print.
//
// Two typesetting profiles (shared/documents/print-layout.ts): profile 1 is the engine as the
// 2023.x template versions were released and must keep their pages exactly; profile 2 (declared by
// a layout as `typesetting: 2`) breaks lines with line-break-2.ts, keeps a heading with the line
// after it, a table's header with its first row and the closing signatures (or the issuing
// agency) with the last two lines of text before them, gives each section its running head, and
// lays out 以下空白 and the agency's seal box. Every difference is behind `this.p2`.
import type {
  Block,
  DocumentLayoutSpec,
  GridCell,
  LaidOutDocument,
  Rect,
  SignatureSlotSpec,
  TableColumn,
} from './layout-model.ts';
import { A4 } from './layout-model.ts';
import { chainHeight, keepChains, type Unit } from './keep-together.ts';
import { BODY, GRID, LEAD, PAD, PageWriter, SMALL, type Metrics } from './page-writer.ts';

export type { Metrics } from './page-writer.ts';

const TITLE = 20;
/** Profile 2: the box kept for the agency's seal, about 42 mm square (the usual round seal). */
const SEAL_BOX = 120;
/** Profile 2: lines of text the closing signatures (or the issuing agency) take with them to a new page. */
const KEEP_LINES = 2;

export function paginate(spec: DocumentLayoutSpec, m: Metrics): LaidOutDocument {
  return new Paginator(spec, m).run();
}

class Paginator extends PageWriter {
  run(): LaidOutDocument {
    this.newPage();
    const units = this.spec.blocks.flatMap((b) => this.units(b));
    if (this.p2) {
      keepChains(units);
      units.forEach((u, i) => this.place2(u, chainHeight(units, i)));
    } else for (const u of units) this.place(u);
    this.furniture();
    if (!this.p2) return { pages: this.pages, text: this.all };
    return { pages: this.pages, text: this.all, typesetting: 2 };
  }

  /** Profile 2: places a unit, moving it to a new page with the units it must stay with (`chain` high). */
  private place2(u: Unit, chain: number) {
    if (u.pageBreak) {
      if (u.section) this.section = u.section;
      this.sectionStart = this.blank ? this.page.number : this.page.number + 1;
      if (this.blank) this.heads[this.page.number - 1] = this.page.number === 1 ? '' : this.section.head;
      else this.newPage();
      return;
    }
    if (u.spacer && this.blank) return;
    const gap = u.gapBefore ?? 0;
    const top = A4.top + (this.page.number > 1 ? SMALL + 14 : 0);
    const fresh = this.bodyBottom - top - (u.repeatHeader?.height ?? 0);
    // The whole chain when it fits on a fresh page; else the unit alone.
    const need = chain - gap <= fresh ? chain : gap + u.height;
    if (this.y + need > this.bodyBottom && !this.blank) {
      this.newPage();
      if (u.repeatHeader) {
        u.repeatHeader.draw(this.y);
        this.y += u.repeatHeader.height;
      }
    } else if (!this.blank) this.y += gap;
    u.draw(this.y);
    this.y += u.height;
    if (u.height > 0) this.blank = false;
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
        return [
          {
            height: 0,
            draw: () => undefined,
            pageBreak: true,
            ...(this.p2 && b.head !== undefined ? { section: { head: b.head, continued: b.continued ?? b.head } } : {}),
          },
        ];
      case 'gap':
        return [{ height: b.height, draw: () => undefined, ...(this.p2 ? { spacer: true } : {}) }];
      case 'endMark':
        return this.paraLines(b.text, '', true, false, BODY).map((u) => ({ ...u, textLine: false }));
      case 'issuer':
        return [this.issuerUnit(b.agency, b.date)];
      case 'title':
        return [this.titleUnit(b.text)];
      case 'line':
        return [this.lineUnit(b.left ?? '', b.center ?? '', b.right ?? '', b.size ?? BODY)];
      case 'heading': {
        const lines = this.paraLines(b.text, '', false, true, BODY);
        lines[0]!.gapBefore = 8;
        // Profile 2: a heading never ends a page.
        if (this.p2) for (const l of lines) [l.keepNext, l.textLine] = [true, false];
        return lines;
      }
      case 'para': {
        const lines = this.paraLines(b.text, b.label ?? '', b.indent ?? false, b.bold ?? false, BODY);
        // Profile 2: the closing statement and the confirmation go with the signatures, which
        // take the record's own last lines too.
        return this.p2 && b.closing ? lines.map((u) => ({ ...u, textLine: false })) : lines;
      }
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
        return this.tableUnits(b.columns, b.rows, b.size ?? 8, b.notes, b.endMark);
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
    const lines = this.breakText(text, width, (ch) => this.m.advance(ch) * size, { firstWidth });
    return lines.map((line, i) => ({
      height: size * LEAD,
      gapBefore: i === 0 && label ? 2 : 0,
      ...(this.p2 ? { textLine: true } : {}),
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
      const labelLines = this.breakText(c.label, labelW - 2 * PAD, advance, { hang: false }, true);
      const lines = this.breakText(c.value, w - labelW - 2 * PAD, advance, {}, true);
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
    endMark?: string,
  ): Unit[] {
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (this.width * c.width) / total);
    const lead = size * 1.45;
    const rowUnit = (cells: string[], header: boolean, note?: string): Unit => {
      const laid = cells.map((cell, i) =>
        this.breakText(
          cell,
          widths[i]! - 2 * PAD,
          (ch) => this.m.advance(ch) * size,
          { anywhere: columns[i]!.anywhere ?? false },
          true,
        ),
      );
      const cellsHeight = Math.max(1, ...laid.map((l) => l.length)) * lead + 2 * PAD;
      // A note spans the full width under the cells, in the same unit: it never parts from its row.
      const noteLines = note ? this.breakText(note, this.width - 2 * PAD, (ch) => this.m.advance(ch) * size) : [];
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
    const body = rows.map((r, i) => ({ ...rowUnit(r, false, notes[i]), repeatHeader: header }));
    if (!this.p2) return [header, ...body];
    // Profile 2: the header never ends a page; rows count as lines of text; 以下空白 closes the list.
    const end = endMark === undefined ? [] : [{ ...this.fullRow(endMark, size), repeatHeader: header }];
    return [{ ...header, keepNext: true }, ...[...body, ...end].map((u) => ({ ...u, textLine: true }))];
  }

  /** Profile 2: a table row across the full width holding one text (以下空白). */
  private fullRow(text: string, size: number): Unit {
    const lead = size * 1.45;
    const lines = this.breakText(text, this.width - 2 * PAD, (ch) => this.m.advance(ch) * size);
    const height = lines.length * lead + 2 * PAD;
    return {
      height,
      draw: (y) => {
        this.page.ops.push({ op: 'rect', x: this.left, y, w: this.width, h: height, width: 0.5 });
        lines.forEach((line, k) => this.text(this.left + PAD, y + PAD + size * 1.05 + k * lead, size, line.text));
        this.page.lines.push(text);
      },
    };
  }

  /**
   * Profile 2: the issuing agency and the date, right-aligned (two characters in from the margin),
   * in the box kept for the agency's seal, centred on them and them a little below its centre, as
   * a seal is put on (压署名和日期); nothing else prints in the box.
   */
  private issuerUnit(agency: string, date: string): Unit {
    const size = BODY;
    const textW = Math.max(this.w(agency, size), this.w(date, size));
    return {
      height: SEAL_BOX,
      gapBefore: 12,
      keepLines: KEEP_LINES,
      draw: (y) => {
        const right = this.left + this.width - 2 * size;
        // As wide as the seal, or as the agency's name (the box never cuts through the text).
        const w = Math.min(Math.max(SEAL_BOX, textW + 2 * size), this.width);
        const cx = Math.min(right - textW / 2, this.left + this.width - w / 2);
        const rect: Rect = { x: cx - w / 2, y, w, h: SEAL_BOX };
        this.page.ops.push({ op: 'rect', ...rect, width: 0.4, dashed: true });
        (this.page.agencySeal ??= []).push(rect);
        const base = y + SEAL_BOX / 2 + size * 0.5;
        this.text(right - this.w(agency, size), base, size, agency);
        this.text(right - this.w(date, size), base + size * LEAD, size, date);
        this.page.lines.push(agency, date);
      },
    };
  }

  private signatureUnits(slots: SignatureSlotSpec[]): Unit[] {
    // One unit, two slots a row: the closing signatures never part across a page break, so every
    // end signature (and a refusal in its place) is on the last page with the others.
    const rows = Math.ceil(slots.length / 2);
    return [
      {
        height: 44 * rows,
        gapBefore: 12,
        ...(this.p2 ? { keepLines: KEEP_LINES } : {}),
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
}
