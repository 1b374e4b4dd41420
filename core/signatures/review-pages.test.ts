// The signer reviews exactly what prints: the review pages (signing.state) and the PDF's pages
// have the same page count and the same text on each page, line for line — for a short document,
// a 30-page one, and tricky ones (an answer longer than a page; lines ending in closing punctuation).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoInquiry } from '../../scripts/demo-documents.ts';
import type { DocumentDetail } from '../../shared/documents/document-api.ts';
import { longInquiry, printable } from '../../tests/support/print-fixtures.ts';
import { PdfService } from '../pdf/pdf-service.ts';

const dir = mkdtempSync(join(tmpdir(), 'review-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pdf = new PdfService();
const squash = (s: string) => s.replace(/\s+/g, '');

const base = demoInquiry('o1', 'o2');
const TRICKY: [string, () => DocumentDetail][] = [
  ['short', () => printable('inquiry')],
  ['30 pages', () => longInquiry(175)],
  ['an answer longer than a page', () => printable('inquiry', { content: { ...base, qa: [{ id: 'x', q: '请详细说明。', a: '我单位的网站于二〇一九年上线，服务器放在星河大厦八楼机房。'.repeat(120) }] } })],
  // Every line would end just before a closing mark: the breaking rules move it, both views alike.
  ['closing punctuation at line ends', () => printable('inquiry', { content: { ...base, qa: Array.from({ length: 40 }, (_, i) => ({ id: `p${i}`, q: `问题${i}：`.padEnd(34 + (i % 5), '问') + '。」', a: '答'.repeat(33 + (i % 4)) + '，、。）」' })) } })],
];

describe('review pages = printed pages', () => {
  for (const [name, make] of TRICKY) {
    it(name, async () => {
      const doc = make();
      const review = pdf.layout(doc).pages; // what signing.state sends to the review screen
      const printed = await pdf.print(doc);
      const file = join(dir, `${name}.pdf`);
      writeFileSync(file, printed.bytes);
      expect(printed.pages).toBe(review.length);
      for (const p of review) {
        const text = execFileSync('pdftotext', ['-raw', '-f', String(p.number), '-l', String(p.number), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
        const drawn = p.ops.map((o) => (o.op === 'text' ? o.text : '')).join('');
        expect(squash(text), `page ${p.number}`).toBe(squash(drawn));
      }
    });
  }
});
