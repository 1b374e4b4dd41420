// pdf-inquiry-20p and pdf-evidence-list-200: printing a 20-page 询问笔录 and a 电子取证工作记录 with a
// 200-row 电子数据清单 — generation time (fonts already loaded, median of runs) and file size.
// Reference: the same document generated in the same run without font subsetting (whole fonts
// embedded), which is what subsetting saves. Targets: under 1.5 s and 600 KB for the inquiry.
import { performance } from 'node:perf_hooks';
import { PdfService } from '../protocol/print/pdf-service.ts';
import type { DocumentDetail } from '../shared/documents/document-api.ts';
import { longEvidenceList, longInquiry } from '../tests/support/print-fixtures.ts';
import { median, result, type Benchmark, type BenchResult } from './harness.ts';

const RUNS = 5;

async function measure(
  pdf: PdfService,
  doc: DocumentDetail,
  subset: boolean,
): Promise<{ ms: number; bytes: number; pages: number }> {
  const times: number[] = [];
  let bytes = 0;
  let pages = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const out = await pdf.print(doc, { subset });
    times.push(performance.now() - t0);
    bytes = out.bytes.length;
    pages = out.pages;
  }
  return { ms: median(times), bytes, pages };
}

function inquiryOfPages(pdf: PdfService, pages: number): DocumentDetail {
  for (let pairs = 60; pairs < 400; pairs++) {
    const doc = longInquiry(pairs);
    if (pdf.layout(doc).pages.length === pages) return doc;
  }
  throw new Error(`no inquiry of ${pages} pages`);
}

async function both(name: string, doc: DocumentDetail, pdf: PdfService): Promise<BenchResult[]> {
  const sub = await measure(pdf, doc, true);
  const full = await measure(pdf, doc, false);
  console.log(`  (${sub.pages} pages)`);
  return [
    result(name, 'ms', sub.ms, 'the same document without font subsetting', full.ms),
    result(`${name}-size`, 'KB', sub.bytes / 1024, 'the same document without font subsetting', full.bytes / 1024),
  ];
}

export const pdfInquiry20p: Benchmark = {
  name: 'pdf-inquiry-20p',
  description: 'print a 20-page 询问笔录 as PDF (time with fonts loaded, file size)',
  async run() {
    const pdf = new PdfService();
    const doc = inquiryOfPages(pdf, 20); // also loads the fonts, outside the timing
    return both('pdf-inquiry-20p', doc, pdf);
  },
};

export const pdfEvidenceList200: Benchmark = {
  name: 'pdf-evidence-list-200',
  description: 'print a 电子取证工作记录 with a 200-row 电子数据清单 as PDF',
  async run() {
    const pdf = new PdfService();
    const doc = longEvidenceList(200);
    pdf.layout(doc);
    return both('pdf-evidence-list-200', doc, pdf);
  },
};
