// The signer reviews exactly what prints: the review pages (signing.state) and the PDF's pages
// have the same page count and the same lines on each page, line by line and in order — for a
// short document, a 30-page one, and tricky ones (an answer longer than a page; lines ending in
// closing punctuation, which the breaking rules must move alike in both views).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoInquiry } from '../../scripts/demo-documents.ts';
import type { DocumentDetail } from '../../shared/documents/document-api.ts';
import { longInquiry, printable } from '../../tests/support/print-fixtures.ts';
import { pdftotextLayoutPages } from '../../tests/support/poppler.ts';
import type { LaidOutDocument } from '../../protocol/print/layout-model.ts';
import { PdfService } from '../../protocol/print/pdf-service.ts';

const dir = mkdtempSync(join(tmpdir(), 'review-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pdf = new PdfService();
// Within a line, spacing is the PDF's business (letter-spaced titles, gaps between grid cells);
// the lines themselves, their order and their breaks must be identical.
const noSpace = (s: string) => s.replace(/\s+/g, '');

/** The review page's lines: its text runs grouped by baseline (top to bottom), each read left to right. */
function reviewLines(page: LaidOutDocument['pages'][number]): string[] {
  const runs = page.ops.flatMap((o) => (o.op === 'text' ? [o] : [])).sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: { y: number; runs: typeof runs }[] = [];
  for (const r of runs) {
    const last = lines.at(-1);
    if (last && r.y - last.y < 2) last.runs.push(r);
    else lines.push({ y: r.y, runs: [r] });
  }
  return lines
    .map((l) =>
      noSpace(
        l.runs
          .sort((a, b) => a.x - b.x)
          .map((r) => r.text)
          .join(''),
      ),
    )
    .filter(Boolean);
}

const base = demoInquiry('o1', 'o2');
const LONG_ANSWER = '我单位的网站于二〇一九年上线，服务器放在星河大厦八楼机房。'.repeat(120);
const CASES: [string, () => DocumentDetail, (lines: string[][]) => void][] = [
  ['short', () => printable('inquiry'), () => {}],
  ['30 pages', () => longInquiry(175), (pages) => expect(pages).toHaveLength(30)],
  [
    'an answer longer than a page',
    () => printable('inquiry', { content: { ...base, qa: [{ id: 'x', q: '请详细说明。', a: LONG_ANSWER }] } }),
    // The answer runs over at least two full pages.
    (pages) =>
      expect(
        pages.filter((p) => p.some((l) => l.startsWith('服务器放在') || l.includes('八楼机房。我单位'))).length,
      ).toBeGreaterThanOrEqual(2),
  ],
  // Every line would end just before a closing mark: the breaking rules move it, both views alike.
  [
    'closing punctuation at line ends',
    () =>
      printable('inquiry', {
        content: {
          ...base,
          qa: Array.from({ length: 40 }, (_, i) => ({
            id: `p${i}`,
            q: `问题${i}：`.padEnd(34 + (i % 5), '问') + '。」',
            a: '答'.repeat(33 + (i % 4)) + '，、。）」',
          })),
        },
      }),
    // No printed line starts with a closing mark (行首禁则).
    (pages) => expect(pages.flat().filter((l) => /^[，、。）」]/.test(l))).toEqual([]),
  ],
];

describe('review pages = printed pages, line by line', () => {
  for (const [name, make, extra] of CASES) {
    it(name, async () => {
      const doc = make();
      const review = pdf.layout(doc).pages; // what signing.state sends to the review screen
      const printed = await pdf.print(doc);
      const file = join(dir, `${name}.pdf`);
      writeFileSync(file, printed.bytes);
      const printedLines = pdftotextLayoutPages(file).map((p) => p.map(noSpace).filter(Boolean));
      expect(printedLines).toHaveLength(review.length);
      const reviewed = review.map(reviewLines);
      for (const [i, lines] of reviewed.entries()) expect(printedLines[i], `page ${i + 1}`).toEqual(lines);
      extra(reviewed);
    });
  }
});
