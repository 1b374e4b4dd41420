// Golden tests of the printed documents, with the tools a court's expert would use (poppler):
// 1. the text extracted from the PDF is exactly the text laid out (so exactly what was entered);
// 2. rendered with an EMPTY fontconfig (poppler cannot substitute a system font), every page has
//    the ink, tile by tile, of the reference render kept in the repository, and is pixel-identical to the same
//    document with its fonts embedded whole — silent glyph loss in a subset shows up here, where
//    text extraction alone would not see it (TECH-NOTES.md);
// 3. every font is embedded, subset, tagged ABCDEF+Name, and poppler reports nothing invalid.
// UPDATE_GOLDEN=1 rewrites the references, tests/golden/pdf/NAME-pNN.png (look at them first).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../shared/documents/document-api.ts';
import { longEvidenceList, longInquiry, printable } from '../../tests/support/print-fixtures.ts';
import { decodeGrayPng, encodeGrayPng } from '../../tests/support/png-gray.ts';
import { ink, inkTileDiff, pdffonts, pdftotextRaw, pixelDiff, renderPages } from '../../tests/support/poppler.ts';
import { PdfService } from './pdf-service.ts';

const GOLDEN = join(import.meta.dirname, '..', '..', 'tests', 'golden', 'pdf');
const update = process.env.UPDATE_GOLDEN === '1';
const dir = mkdtempSync(join(tmpdir(), 'pdf-golden-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pdf = new PdfService();
const squash = (s: string) => s.replace(/\s+/g, '');

async function print(name: string, doc: DocumentDetail, subset = true): Promise<string> {
  const out = await pdf.print(doc, { subset });
  const path = join(dir, `${name}${subset ? '' : '-full'}.pdf`);
  writeFileSync(path, out.bytes);
  return path;
}

const CASES: [string, () => DocumentDetail][] = [
  ['inquiry', () => printable('inquiry')],
  ['onsite', () => printable('onsite')],
  ['evidence', () => printable('evidence')],
  ['preservation', () => printable('preservation')],
  ['inquiry-draft', () => printable('inquiry', { draft: true })],
  ['inquiry-30p', () => longInquiry(175)],
  // Template 2026.1, typesetting profile 2: the documents new records are made with.
  ['inquiry-2026', () => printable('inquiry', { version: '2026.1' })],
  ['onsite-2026', () => printable('onsite', { version: '2026.1' })],
  ['evidence-2026', () => printable('evidence', { version: '2026.1' })],
  ['preservation-2026', () => printable('preservation', { version: '2026.1' })],
  ['inquiry-30p-2026', () => longInquiry(175, '2026.1')],
];

describe('printed documents (golden)', () => {
  for (const [name, make] of CASES) {
    it(`${name}: text, glyphs and fonts`, { timeout: 180_000 }, async () => {
      const doc = make();
      const file = await print(name, doc);

      // 1. Extracted text = laid-out text, character for character (whitespace aside).
      const laid = pdf.layout(doc);
      const drawn = laid.pages.map((p) => p.ops.map((op) => (op.op === 'text' ? op.text : '')).join('')).join('');
      expect(squash(pdftotextRaw(file))).toBe(squash(drawn));
      // …and the laid-out text holds what was entered, e.g. the rare name and every answer.
      const content = JSON.stringify(doc.content);
      if (content.includes('张𠮷㵘')) expect(drawn).toContain('张𠮷㵘');
      for (const qa of (doc.content.qa as { a: string }[] | undefined) ?? [])
        expect(squash(drawnWithoutFurniture(laid))).toContain(squash(qa.a));

      // 2. Ink per page against the reference; pixel-identical to full embedding.
      const { pages, stderr } = renderPages(file, 40);
      expect(stderr).not.toMatch(/invalid|error/i);
      const inks = pages.map((p) => ink(p));
      expect(inks.every((n) => n > 500)).toBe(true);
      // The reference renders (one PNG per page, kept in the repository and looked at by a person
      // when made) against this render, tile by tile: a lost or substituted glyph changes a tile.
      const refs = () =>
        readdirSync(GOLDEN)
          .filter((f) => new RegExp(`^${name}-p\\d{2}\\.png$`).test(f))
          .sort();
      if (update) {
        mkdirSync(GOLDEN, { recursive: true });
        for (const f of refs()) rmSync(join(GOLDEN, f));
        // Stored black and white (ink is what is compared): a page is then a few kilobytes.
        pages.forEach((p, i) =>
          writeFileSync(
            join(GOLDEN, `${name}-p${String(i + 1).padStart(2, '0')}.png`),
            encodeGrayPng({ ...p, pixels: p.pixels.map((v) => (v < 128 ? 0 : 255)) }),
          ),
        );
      }
      expect(
        refs().length,
        `reference renders of ${name} in ${GOLDEN}: look at the render, then run with UPDATE_GOLDEN=1`,
      ).toBe(pages.length);
      refs().forEach((f, i) => {
        const tiles = inkTileDiff(pages[i]!, decodeGrayPng(readFileSync(join(GOLDEN, f))));
        expect(tiles, `page ${i + 1} differs from ${f} in ${tiles.length} place(s)`).toEqual([]);
      });
      if (!name.startsWith('inquiry-30p')) {
        const full = renderPages(await print(name, doc, false), 40).pages;
        pages.forEach((p, i) => expect(pixelDiff(p, full[i]!), `page ${i + 1} differs from full embedding`).toBe(0));
      }

      // 3. Fonts: embedded, subset, tagged.
      const fonts = pdffonts(file);
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) {
        expect(f).toMatchObject({ emb: true, sub: true, uni: true });
        expect(f.name).toMatch(/^[A-Z]{6}\+/);
      }
    });
  }

  it('rare characters print with real glyphs: 𠮷 (Ext B), 㵘 (Ext A), ① “ ” — and Latin', async () => {
    for (const ch of ['𠮷', '㵘', '①', '“', '—', 'A', 'é']) {
      const doc = printable('inquiry', { content: { qa: [{ id: 'x', q: ch.repeat(20), a: ch.repeat(20) }] } });
      const base = printable('inquiry', { content: { qa: [{ id: 'x', q: '', a: '' }] } });
      const withChar = renderPages(await print(`char-${ch.codePointAt(0)}`, doc), 100).pages[0]!;
      const without = renderPages(await print('char-none', base), 100).pages[0]!;
      // any visible mark counts: a Mincho dash is a hairline
      expect(ink(withChar, 230) - ink(without, 230), `ink of 40 × ${ch}`).toBeGreaterThan(200);
    }
  });

  it(
    'the tile comparison catches one missing character on a page (so the references can fail)',
    { timeout: 60_000 },
    async () => {
      const base = printable('inquiry');
      const qa = (base.content.qa as { id: string; q: string; a: string }[]).map((x, i) =>
        i === 0 ? { ...x, a: x.a.slice(0, -2) + x.a.slice(-1) } : x,
      );
      const one = renderPages(
        await print('one-char-less', printable('inquiry', { content: { ...base.content, qa } })),
        40,
      ).pages[0]!;
      const ref = renderPages(await print('one-char-ref', base), 40).pages[0]!;
      expect(inkTileDiff(ref, ref)).toEqual([]);
      expect(inkTileDiff(one, ref).length).toBeGreaterThan(0);
    },
  );

  it('a character no bundled font has stops the export with a message naming it', async () => {
    const doc = printable('inquiry', {
      content: { ...printable('inquiry').content, qa: [{ id: 'x', q: '姓名？', a: '我叫王\u{30000}。' }] },
    });
    await expect(pdf.print(doc)).rejects.toThrow(/「\u{30000}」（U\+30000）.*已停止生成PDF/u);
  });

  it('metadata: title, author (the agency), creation date, keywords, and the seal hash as a custom key', async () => {
    const doc = printable('onsite');
    const out = await pdf.print(doc, { sealHash: 'sm3:' + 'ab'.repeat(32) });
    const file = join(dir, 'meta.pdf');
    writeFileSync(file, out.bytes);
    const { execFileSync } = await import('node:child_process');
    const info = execFileSync('pdfinfo', ['-custom', '-enc', 'UTF-8', file], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+现场笔录 网信案现〔2026〕0001号/);
    expect(info).toMatch(/Author:\s+柳州市柳南区互联网信息办公室/);
    expect(info).toMatch(/CreationDate:.*2026/);
    expect(info).toMatch(/SealHash:\s+sm3:(ab){32}/);
    expect(info).toMatch(/Keywords:\s+网信案〔2026〕0001号/);
  });
});

/** The page text without the running head and foot (which interrupt a paragraph at a page break). */
function drawnWithoutFurniture(laid: ReturnType<PdfService['layout']>): string {
  return laid.pages
    .map((p) =>
      p.ops
        .filter((op) => op.op === 'text' && op.size >= 12)
        .map((op) => (op.op === 'text' ? op.text : ''))
        .join(''),
    )
    .join('');
}

void longEvidenceList;
