// What a judge notices first on a printed record (issue #20), checked on every template version of
// typesetting profile 2 and every layout variant: no punctuation doubled by a template, no opening
// mark at a line end, no ISO date or time, 以下空白 after the last line, running heads that name
// the document on the page, a seal box instead of 「（印章）」, and a closing signature block that
// takes the last lines of text with it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../shared/documents/document-api.ts';
import { descriptorOf, TEMPLATES } from '../../shared/documents/types/registry.ts';
import { fixtureVersion, layoutVariants } from '../../tests/support/layout-variants.ts';
import { encodeGrayPng } from '../../tests/support/png-gray.ts';
import { pdftotextRaw } from '../../tests/support/poppler.ts';
import { longEvidenceList, longInquiry, printable } from '../../tests/support/print-fixtures.ts';
import type { LaidOutDocument, LaidOutPage } from './layout-model.ts';
import { NO_LINE_END, NO_LINE_START } from './line-break.ts';
import { PdfService } from './pdf-service.ts';

const pdf = new PdfService();
const dir = mkdtempSync(join(tmpdir(), 'profile-2-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PROFILE_2 = TEMPLATES.filter((t) => t.layout.typesetting === 2);
const versionOf = (doc: DocumentDetail, version: string): DocumentDetail => ({ ...doc, templateVersion: version });

/** The text drawn on a page, op by op (a line of a paragraph, a cell's line, a label …). */
const texts = (p: LaidOutPage) => p.ops.flatMap((op) => (op.op === 'text' ? [op.text] : []));
const DOUBLED = /[。，、；：！？][。，、；：！？]/;

/** Fields officers write as sentences, which they often close with 「。」 (names and numbers they do not). */
const SENTENCES =
  /^(place|reason|findings|statement|description|conditions|originalMediumNote|noWitnessReason|cleanCheck|network|software|text|q|a|answer|confirmation|note|backups|condition|timeSource)$/;

/** The content with every sentence ending in 「。」 (ids, times, digests and choices as they are). */
function withFullStops(doc: DocumentDetail): DocumentDetail {
  const schema = descriptorOf(doc.type).content;
  let content = structuredClone(doc.content);
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (typeof v === 'string' && v && SENTENCES.test(String(path.at(-1)))) paths.push(path);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(content, []);
  for (const path of paths) {
    const next = structuredClone(content) as Record<string | number, unknown>;
    let o = next;
    for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
    const last = path.at(-1)!;
    if (/[。！？…]$/.test(String(o[last]))) continue;
    o[last] = `${String(o[last])}。`;
    if (schema.safeParse(next).success) content = next;
  }
  return { ...doc, content };
}

describe('profile 2: what a judge notices first', () => {
  it('is what every template version of 2026 on declares', () => {
    expect(PROFILE_2.map((t) => `${t.type}@${t.version}`)).toEqual([
      'inquiry@2026.1',
      'onsite@2026.1',
      'onsite@2026.2',
      'evidence@2026.1',
      'preservation@2026.1',
      'rectification@2026.1',
      'disposal@2026.1',
      'delivery@2026.1',
    ]);
  });

  it('the check finds what the released versions print (kept as they are): 「。。」 in the 2023.2 notice', () => {
    const doc = withFullStops(printable('preservation'));
    const found = pdf
      .layout(versionOf(doc, '2023.2'))
      .pages.flatMap(texts)
      .filter((s) => DOUBLED.test(s));
    expect(found.join('')).toContain('。。');
  });

  for (const t of PROFILE_2) {
    const variants = layoutVariants(t.type, fixtureVersion(t.version)).map(
      ([name, doc]) => [name, versionOf(doc, t.version)] as const,
    );

    it(`${t.type}@${t.version}: no template doubles a mark after free text that ends with one`, () => {
      for (const [name, doc] of variants) {
        const stopped = withFullStops(doc);
        const own = JSON.stringify(stopped.content).match(new RegExp(DOUBLED, 'g')) ?? [];
        const laid = pdf.layout(stopped);
        const found = laid.pages.flatMap(texts).filter((s) => DOUBLED.test(s) && !own.some((o) => s.includes(o)));
        expect(found, `${name}`).toEqual([]);
      }
    });

    it(`${t.type}@${t.version}: no line ends with an opening mark or starts with a closing one`, () => {
      for (const [name, doc] of [
        ...variants,
        ['full stops', withFullStops(printable(t.type, { version: '2026.1' }))] as const,
      ]) {
        const lines = pdf.layout(versionOf(doc, t.version)).pages.flatMap(texts);
        expect(
          lines.filter((l) => NO_LINE_END.has([...l].at(-1)!)),
          name,
        ).toEqual([]);
        expect(
          lines.filter((l) => NO_LINE_START.has([...l][0]!) && !/^[：，、。）」》]$/.test(l)),
          name,
        ).toEqual([]);
      }
    });

    it(`${t.type}@${t.version}: dates and times only as 年月日时分`, () => {
      for (const [name, doc] of variants) {
        const text = pdf.layout(doc).text;
        expect(text.match(/\d{4}-\d{1,2}-\d{1,2}|\d{1,2}:\d{2}/g), name).toBeNull();
      }
    });

    it(`${t.type}@${t.version}: 以下空白 right after the last line of the text, on the page of the closing signatures`, () => {
      for (const [name, doc] of variants) {
        const laid = pdf.layout(doc);
        const end = laid.pages.filter((p) => p.lines.includes('以下空白'));
        expect(end.length, name).toBeGreaterThan(0);
        const mainEnd = end[0]!;
        // The record's closing signatures follow it on the same page.
        const i = mainEnd.lines.indexOf('以下空白');
        const firstSlot = mainEnd.lines.findIndex((l, k) => k > i && l.endsWith('：'));
        expect(firstSlot, name).toBeGreaterThan(i);
        expect(
          mainEnd.slots.some((s) => !s.perPage),
          name,
        ).toBe(true);
      }
    });
  }

  it('running heads name the document on the page: the 电子数据清单 and the 登记保存物品通知书 have their own', () => {
    const heads = (laid: LaidOutDocument) => laid.pages.slice(1).map((p) => p.lines[0]!.split('\u3000')[0]);
    const evidence = pdf.layout(longEvidenceList(40, '2026.1'));
    const listStart = evidence.pages.findIndex((p) => p.lines.includes('电子数据清单'));
    expect(listStart).toBeGreaterThan(0);
    expect(heads(evidence)).toEqual([
      ...Array(listStart - 1).fill('电子取证工作记录（续）'),
      '电子数据清单',
      ...Array(evidence.pages.length - listStart - 1).fill('电子数据清单（续）'),
    ]);
    const preservation = pdf.layout(printable('preservation', { version: '2026.1' }));
    const notice = preservation.pages.findIndex((p) => p.lines.some((l) => l.includes('登记保存物品通知书')));
    expect(preservation.pages[notice]!.lines[0]).toMatch(/^登记保存物品通知书\u3000网信案保〔2026〕0001号$/);
  });

  it('the notice: the agency and the date in a box kept for the seal, not the word 「（印章）」', () => {
    const laid = pdf.layout(printable('preservation', { version: '2026.1' }));
    expect(laid.text).not.toContain('印章');
    const page = laid.pages.find((p) => p.agencySeal?.length)!;
    const [box] = page.agencySeal!;
    expect(box!.w).toBeGreaterThanOrEqual(110);
    expect(box!.h).toBeGreaterThanOrEqual(110);
    // Inside the box: the agency and the date, nothing else.
    const inside = page.ops.filter(
      (op) =>
        op.op === 'text' && op.y > box!.y && op.y < box!.y + box!.h && op.x + 1 >= box!.x && op.x < box!.x + box!.w,
    );
    expect(inside.map((op) => (op.op === 'text' ? op.text : ''))).toEqual([
      '柳州市柳南区互联网信息办公室',
      '2026年11月20日',
    ]);
    // Nothing of the page above or below overlaps it.
    for (const op of page.ops)
      if (op.op === 'text' && !inside.includes(op) && op.x + 200 > box!.x)
        expect(op.y < box!.y || op.y - op.size > box!.y + box!.h, op.text).toBe(true);
  });

  it('the closing signatures never stand alone on a page: the last two lines of the record’s own text come with them', () => {
    for (const type of ['inquiry', 'onsite'] as const) {
      const base = printable(type, { version: '2026.1' });
      // The closing statement and the confirmation go with the signatures but are not the record's text.
      const tpl = TEMPLATES.find((t) => t.type === type && t.version === '2026.1')!;
      const closings = [
        ...(tpl.closingAlternatives?.options.map((o) => `问：${o.closing}`) ?? [`${tpl.closing}`]),
        `${type === 'inquiry' ? '被询问人' : '当事人'}核对意见：${String(base.content.confirmation)}`,
      ];
      const closingLine = (l: string) => closings.some((c) => c.includes(l.trim()));
      for (let extra = 0; extra < 40; extra++) {
        const content =
          type === 'inquiry'
            ? {
                ...base.content,
                qa: [
                  ...(base.content.qa as object[]),
                  ...Array.from({ length: extra }, (_, i) => ({ id: `x${i}`, q: '还有吗？', a: '没有了。' })),
                ],
              }
            : {
                ...base.content,
                findings: `${String(base.content.findings)}${'现场检查发现机房未设置访问控制。'.repeat(extra)}`,
              };
        const laid = pdf.layout({ ...base, content });
        const last = laid.pages.find((p) => p.slots.some((s) => !s.perPage && !s.mirror))!;
        const before = last.lines.slice(0, last.lines.indexOf('以下空白'));
        const body = before.filter((l) => !/（续）\u3000/.test(l) && !closingLine(l));
        expect(body.length, `${type} +${extra}: ${before.join(' | ')}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('a 30-page transcript: every page within the body area, its heading never alone at a page foot', () => {
    const laid = pdf.layout(longInquiry(175, '2026.1'));
    expect(laid.pages.length).toBeGreaterThan(25);
    for (const p of laid.pages) {
      const footTop = Math.min(...p.slots.filter((s) => s.perPage).map((s) => s.y));
      for (const op of p.ops) if (op.op === 'text' && op.size >= 12) expect(op.y).toBeLessThan(footTop);
    }
  });

  it('signing and sealing times print as 年月日时分 (Beijing time); the released versions keep theirs', async () => {
    const image = encodeGrayPng({
      width: 40,
      height: 12,
      pixels: new Uint8Array(480).map((_, i) => (i % 7 ? 255 : 0)),
    });
    const signatures = ['interviewee', 'inquirer', 'recorder'].map((slotId) => ({
      slotId,
      page: null,
      status: 'signed' as const,
      image,
      signerName: '',
      signedAt: '2026-11-20T02:47:00.000Z',
      reason: '',
    }));
    const seal = {
      seq: 3,
      sha256: 'ab'.repeat(32),
      sm3: 'cd'.repeat(32),
      deviceId: 'dev-1',
      sealedAt: '2026-11-20T03:05:00.000Z',
    };
    const text = async (version: '2023.1' | '2026.1') => {
      const out = await pdf.print(printable('inquiry', { version }), { signatures, seal, sealHash: seal.sha256 });
      const file = join(dir, `signed-${version}.pdf`);
      writeFileSync(file, out.bytes);
      return pdftotextRaw(file).replace(/\s+/g, '');
    };
    const now = await text('2026.1');
    expect(now).toContain('封存时间2026年11月20日11时05分');
    expect(now).toContain('2026年11月20日10时47分');
    expect(now).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const then = await text('2023.1');
    expect(then).toContain('封存时间2026-11-2011:05');
    expect(then).toContain('2026-11-2010:47');
  });
});
