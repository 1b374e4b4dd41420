// The reviewers' checklist of docs/RECORDS.md, applied to the printed documents: each registered type
// has its table there (element, article, a pattern of the printed text); each type's demo content
// (scripts/demo-documents.ts, what `npm run demo` seals) is printed with the type's current template
// version, its text extracted with pdftotext, and every row's pattern must be found in it — the
// document file is the checklist, so a row added there is checked here.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PdfService } from '../../protocol/print/pdf-service.ts';
import type { DocumentDetail } from '../../shared/documents/document-api.ts';
import { DOCUMENT_TYPES, type DocumentType } from '../../shared/documents/document-types.ts';
import { templateFor } from '../../shared/documents/types/registry.ts';
import { printable, type FixtureVersion } from '../support/print-fixtures.ts';
import { pdftotextRaw } from '../support/poppler.ts';

interface Row {
  element: string;
  basis: string;
  pattern: string;
}

/** The checklist tables of RECORDS.md's «Reviewers' checklist», by the type named in each heading. */
function checklist(): Map<string, Row[]> {
  const md = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'RECORDS.md'), 'utf8');
  const section = md.split(/^## Reviewers' checklist$/m)[1]!.split(/^## /m)[0]!;
  const out = new Map<string, Row[]>();
  let type = '';
  for (const line of section.split('\n')) {
    const head = /^### .*\(`(\w+)`\)$/.exec(line);
    if (head) out.set((type = head[1]!), []);
    const row = /^\| (.+?) \| (.+?) \| `(.+)` \|$/.exec(line);
    if (row && type) out.get(type)!.push({ element: row[1]!, basis: row[2]!, pattern: row[3]! });
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'records-checklist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pdf = new PdfService();

/** The text of the document as printed, whitespace removed (pdftotext breaks lines and table cells). */
async function printedText(doc: DocumentDetail): Promise<string> {
  const file = join(dir, `${doc.type}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, (await pdf.print(doc, {})).bytes);
  return pdftotextRaw(file).replace(/\s+/g, '');
}

/** A document of the type's current template version (the one `npm run demo` makes), with the demo's content. */
const current = (type: DocumentType, content?: object): DocumentDetail => {
  const version = templateFor(type).version as FixtureVersion;
  return printable(type, content ? { content, version } : { version });
};

const list = checklist();

describe("the reviewers' checklist (docs/RECORDS.md)", () => {
  it('every registered type has its table, each row with an article and a pattern', () => {
    expect([...list.keys()].sort()).toEqual([...DOCUMENT_TYPES].sort());
    for (const [type, rows] of list) {
      expect(rows.length, type).toBeGreaterThanOrEqual(6);
      for (const r of rows) expect(r.basis.trim(), `${type}: ${r.element}`).not.toBe('');
    }
  });

  for (const type of DOCUMENT_TYPES)
    it(`the demo's ${type} as printed has every element`, async () => {
      const text = await printedText(current(type));
      const missing = (list.get(type) ?? []).filter((r) => !new RegExp(r.pattern).test(text)).map((r) => r.element);
      expect(missing, text).toEqual([]);
    });

  it('a document without an element fails its row (the check can fail)', async () => {
    const order = printable('rectification').content as Record<string, unknown>;
    const text = await printedText(
      current('rectification', { ...order, deadline: { days: '', unit: '', from: '', endDate: '' } }),
    );
    const rows = list.get('rectification')!.filter((r) => !new RegExp(r.pattern).test(text));
    expect(rows.map((r) => r.element)).toEqual(['the period in days, from when, with its last day']);
  });
});
