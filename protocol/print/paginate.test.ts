// Pagination is a pure function of the document: the review screen shows exactly the pages that
// print. The pin below changes only when the layout or the fonts change on purpose.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { longEvidenceList, longInquiry, printable } from '../../tests/support/print-fixtures.ts';
import { A4 } from './layout-model.ts';
import { PdfService } from './pdf-service.ts';

const pdf = new PdfService();

describe('pagination', () => {
  it('the closing signature block never parts across pages, however long the body before it', () => {
    const onsite = printable('onsite');
    const witness = {
      name: '赵见证',
      idType: '居民身份证',
      idNumber: '',
      unit: '大厦物业',
      role: '物业经理',
      phone: '',
    };
    for (let extra = 0; extra < 60; extra += 3) {
      // Lengthen the findings a few lines at a time, so the block meets the foot at every offset.
      const content = {
        ...onsite.content,
        witness,
        findings: `${String(onsite.content.findings ?? '')}${'现场检查发现机房未设置访问控制。'.repeat(extra)}`,
      };
      const laid = pdf.layout({ ...onsite, content });
      const endPages = new Set(
        laid.pages.flatMap((p) => p.slots.filter((x) => !x.perPage && !x.mirror).map(() => p.number)),
      );
      expect(endPages.size, `findings +${extra}`).toBe(1);
    }
  });

  it('the same document always gives the same pages', () => {
    const doc = longInquiry(175);
    const a = pdf.layout(doc);
    const b = new PdfService().layout(structuredClone(doc));
    expect(b).toEqual(a);
  });

  it('is pinned: page count, line breaks and positions of the 30-page 询问笔录', () => {
    const laid = pdf.layout(longInquiry(175));
    expect(laid.pages).toHaveLength(30);
    const digest = createHash('sha256').update(JSON.stringify(laid.pages)).digest('hex');
    // Changing the layout or fonts on purpose? Check the rendered PDFs, then update this value.
    expect(digest).toBe(PINNED);
  });

  it('is pinned for typesetting profile 2 too (template 2026.1)', () => {
    const laid = pdf.layout(longInquiry(175, '2026.1'));
    const digest = createHash('sha256').update(JSON.stringify(laid.pages)).digest('hex');
    // Changing profile 2 on purpose? Check the rendered PDFs, then update this value.
    expect({ pages: laid.pages.length, digest }).toEqual(PINNED_2026);
  });

  it('every page has 第 n 页 共 N 页, the per-page signature slots and the seal area, inside the page', () => {
    const laid = pdf.layout(longInquiry(175));
    laid.pages.forEach((p, i) => {
      expect(p.lines).toContain(`第 ${i + 1} 页 共 ${laid.pages.length} 页`);
      expect(p.slots.filter((s) => s.perPage).map((s) => s.id)).toEqual([
        'interviewee',
        'inquirer-page',
        'recorder-page',
      ]);
      expect(p.sealArea.y + p.sealArea.h).toBeLessThanOrEqual(A4.height - A4.bottom + 0.01);
      for (const op of p.ops) {
        if (op.op !== 'text') continue;
        expect(op.y).toBeLessThanOrEqual(p.sealArea.y);
        expect(op.x).toBeGreaterThanOrEqual(A4.left - 0.01);
      }
    });
    // the final signature block is on the last page only
    const last = laid.pages.at(-1)!;
    expect(last.slots.filter((s) => !s.perPage).map((s) => s.id)).toEqual(['interviewee', 'inquirer', 'recorder']);
    expect(laid.pages.slice(0, -1).every((p) => p.slots.every((s) => s.perPage))).toBe(true);
  });

  it('body text never runs into the per-page signature row', () => {
    for (const p of pdf.layout(longInquiry(175)).pages) {
      const footTop = Math.min(...p.slots.filter((s) => s.perPage).map((s) => s.y));
      for (const op of p.ops) if (op.op === 'text' && op.size >= 12) expect(op.y).toBeLessThan(footTop); // body text is 12 pt
    }
  });

  it('a 200-row 电子数据清单 repeats its header on every page of the list', () => {
    const laid = pdf.layout(longEvidenceList(200));
    const listPages = laid.pages.filter((p) => p.lines.some((l) => l.startsWith('200 ') || /^\d+ 页面截图-/.test(l)));
    expect(listPages.length).toBeGreaterThan(5);
    for (const p of listPages)
      expect(p.ops.some((op) => op.op === 'text' && op.text === '完整性校验值（SHA-256 / SM3）')).toBe(true);
    // all 200 rows, in order, none lost at a page break
    const rows = laid.pages
      .flatMap((p) => p.lines)
      .filter((l) => /^\d+ 页面截图-/.test(l))
      .map((l) => Number(l.split(' ')[0]));
    expect(rows).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });
});

const PINNED = '81382d577b4c7ef8cbbea29dcb1932a7e9ab4752b4791baf7eab5673f35f2daf';
const PINNED_2026 = { pages: 30, digest: 'dfc57053f644553f894d045c8f61c0ac668a334cc8c586bce129b2461d80cb12' };
