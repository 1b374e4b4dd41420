// Laid-out pages → PDF bytes, with @cantoo/pdf-lib and @cantoo/fontkit (upstream pdf-lib silently
// corrupts CJK subsets: TECH-NOTES.md). Text is drawn font run by font run, so each character
// comes from the first bundled font that has it and copies out exactly as entered. Fonts are
// embedded as subsets and renamed with the six-letter subset tag (PDF 32000 §9.6.4), which
// pdf-lib does not add. The 草稿 watermark is drawn as outlines, so it is not extractable text.
import fontkit from '@cantoo/fontkit';
import {
  concatTransformationMatrix,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFString,
  PDFStream,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setLineWidth,
  setTextRenderingMode,
  TextRenderingMode,
  type PDFFont,
  type PDFImage,
  type PDFPage,
} from '@cantoo/pdf-lib';
import { createHash } from 'node:crypto';
import { formatMinuteChinese, toLocalMinute } from '../../shared/documents/local-time.ts';
import type { FontSet } from './fonts.ts';
import { A4, type LaidOutDocument } from './layout-model.ts';
import { qrModules, qrSvgPath, sealQrText } from './seal-qr.ts';
import type { PrintSignature } from './print-signature.ts';
import { hasRecord, recordLines, slotNote } from './signing-record.ts';

export type { PrintSignature } from './print-signature.ts';

export interface PdfMeta {
  title: string;
  /** The agency. */
  author: string;
  subject: string;
  /** The document's own time (made or sealed), so the same document gives the same file. */
  createdAt: Date;
  /** The seal's hash, once sealed (sealing feature): a custom key of the document information. */
  sealHash?: string;
  keywords?: string[];
}

/** Body size (小四), as the document's text: what a refusal prints at, wherever it appears. */
const BODY = 12;

export interface WriteOptions {
  draft: boolean;
  /** Off only for the benchmark's comparison. */
  subset?: boolean;
  signatures?: PrintSignature[];
  /** Once sealed: printed in the seal area at the foot of every page. */
  seal?: { seq: number; sha256: string; sm3: string; deviceId: string; sealedAt: string };
}

const RESOLVED: Record<Exclude<PrintSignature['status'], 'signed'>, string> = {
  refused: '拒绝签名',
  absent: '不在场',
  unable: '无法签名',
};

export async function writePdf(
  doc: LaidOutDocument,
  fonts: FontSet,
  meta: PdfMeta,
  opts: WriteOptions,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  // The fonts FontSet already parsed are handed to pdf-lib instead of parsing megabytes of font
  // again for every document (half the time of printing one; the output is byte-identical).
  pdf.registerFontkit({
    create: (data: Uint8Array) => fonts.parsedFont(data) ?? fontkit.create(data as Buffer),
  } as unknown as typeof fontkit);
  const subset = opts.subset ?? true;
  // Only the fonts a document uses are embedded.
  const extra = (opts.signatures ?? [])
    .map(
      (s) =>
        `${s.signedAt}${s.reason}拒绝签名不在场无法签名（）…0123456789-: ${doc.typesetting === 2 ? '年月日时分' : ''}`,
    )
    .join('');
  const sealText = opts.seal
    ? `已封存\u3000设备封存序号时间校验值：SHA-256SM3${opts.seal.deviceId}0123456789abcdef- ${doc.typesetting === 2 ? '年月日时分' : ''}`
    : '';
  const recordWidth = A4.width - A4.left - A4.right;
  const record = hasRecord(opts.signatures ?? [])
    ? recordLines(meta.title, opts.signatures ?? [], recordWidth, (ch) => fonts.width(ch, BODY))
    : [];
  const recordText = record.length
    ? `签名情况记录${record.map((l) => l.text).join('')}${(opts.signatures ?? []).map(slotNote).join('')}第页共`
    : '';
  const used = new Set(fonts.runs(doc.text + extra + sealText + recordText).map((r) => r.font));
  const embedded = new Map<number, PDFFont>();
  for (const i of [...used].sort()) embedded.set(i, await pdf.embedFont(fonts.files[i]!.bytes, { subset }));

  const images = new Map<Uint8Array, PDFImage>();
  const qr = opts.seal ? qrModules(sealQrText(opts.seal)) : [];
  const qrPath = qrSvgPath(qr);
  const qrSize = qr.length;
  const sigs = opts.signatures ?? [];
  // Signing and sealing times, Beijing time: profile 2 writes them as the text does (2026年12月7日2时17分).
  const when = (iso: string) => {
    const t = toLocalMinute(new Date(iso));
    return doc.typesetting === 2 ? formatMinuteChinese(t) : t.replace('T', ' ');
  };
  for (const p of doc.pages) {
    const page = pdf.addPage([A4.width, A4.height]);
    if (opts.draft) watermark(page, fonts);
    for (const op of p.ops) {
      if (op.op === 'line')
        page.drawLine({
          start: { x: op.x1, y: A4.height - op.y1 },
          end: { x: op.x2, y: A4.height - op.y2 },
          thickness: op.width,
          color: rgb(0, 0, 0),
        });
      else if (op.op === 'rect')
        page.drawRectangle({
          x: op.x,
          y: A4.height - op.y - op.h,
          width: op.w,
          height: op.h,
          borderWidth: op.width,
          // A dashed box (profile 2: the agency's seal box) is light: a place, not part of the text.
          ...(op.dashed
            ? { borderColor: rgb(0.55, 0.55, 0.55), borderDashArray: [3, 2] }
            : { borderColor: rgb(0, 0, 0) }),
        });
      else drawText(page, fonts, embedded, op);
    }
    if (opts.seal) drawSeal(page, fonts, embedded, p.sealArea, opts.seal, qrPath, qrSize, when);
    for (const slot of p.slots) {
      // A mirror slot shows the end-of-document signatures it names, side by side.
      const shown = slot.mirror
        ? slot.mirror.map((id) => sigs.find((s) => s.slotId === id && s.page === null))
        : [sigs.find((s) => s.slotId === slot.id && s.page === (slot.perPage ? p.number : null))];
      const w = slot.w / Math.max(1, shown.length);
      for (const [i, s] of shown.entries()) {
        if (!s) continue;
        const box = { x: slot.x + i * w, y: slot.y, w, h: slot.h };
        if (s.status === 'signed' && s.image) {
          let img = images.get(s.image);
          if (!img) images.set(s.image, (img = await pdf.embedPng(s.image)));
          // When it was signed (Beijing time), small in the corner, where the slot is wide enough.
          const signedAt = when(s.signedAt);
          const stamp = box.w >= 100 ? fonts.width(signedAt, 5.5) + 2 : 0;
          const scale = Math.min((box.w - stamp - 4) / img.width, (box.h - 2) / img.height);
          page.drawImage(img, {
            x: box.x + 2,
            y: A4.height - box.y - box.h + 1,
            width: img.width * scale,
            height: img.height * scale,
          });
          if (stamp) drawPlain(page, fonts, embedded, box.x + box.w - stamp + 1, box.y + box.h - 4, 5.5, signedAt);
        } else if (s.status !== 'signed' && s.detail) {
          // Format 2: at body size, pointing to the full statement (who, why, when, noted by whom).
          const note = slotNote(s);
          const [size, text] = fonts.width(note, BODY) <= box.w - 4 ? [BODY, note] : [BODY, RESOLVED[s.status]];
          drawPlain(page, fonts, embedded, box.x + 2, box.y + Math.min(box.h - 3, BODY + 3), size, text);
        } else if (s.status !== 'signed') {
          drawPlain(
            page,
            fonts,
            embedded,
            box.x + 2,
            box.y + box.h - 6,
            ...fitText(fonts, `${RESOLVED[s.status]}（${s.reason}）`, box.w - 4, 7),
          );
        }
      }
    }
  }

  if (record.length) await drawRecordPages(pdf, fonts, embedded, images, record, opts.seal, qrPath, qrSize, when);

  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  pdf.setCreator('网信执法现场取证');
  pdf.setProducer('网信执法现场取证 (@cantoo/pdf-lib)');
  pdf.setCreationDate(meta.createdAt);
  pdf.setModificationDate(meta.createdAt);
  pdf.setLanguage('zh-CN');
  if (meta.keywords) pdf.setKeywords(meta.keywords);
  if (meta.sealHash) infoDict(pdf).set(PDFName.of('SealHash'), PDFString.of(meta.sealHash));

  await pdf.flush();
  if (subset) tagSubsets(pdf);
  return pdf.save({ useObjectStreams: true });
}

type Embedded = Map<number, PDFFont>;

/** The seal's foot (already sealed): device, sequence, time, both digests and the QR code. */
function drawSeal(
  page: PDFPage,
  fonts: FontSet,
  embedded: Embedded,
  a: { x: number; y: number; w: number; h: number },
  s: NonNullable<WriteOptions['seal']>,
  qrPath: string,
  qrSize: number,
  when: (iso: string) => string,
) {
  drawPlain(
    page,
    fonts,
    embedded,
    a.x,
    a.y + 12,
    6.5,
    `已封存\u3000设备 ${s.deviceId}\u3000封存序号 ${s.seq}\u3000封存时间 ${when(s.sealedAt)}`,
  );
  drawPlain(page, fonts, embedded, a.x, a.y + 21, 6.5, `封存校验值 SHA-256：${s.sha256}`);
  drawPlain(page, fonts, embedded, a.x, a.y + 30, 6.5, `封存校验值 SM3：${s.sm3}`);
  // The QR code at the right of the seal area, as tall as it; its quiet zone is the blank
  // right and bottom margins and the free space left of it (the text above ends far left).
  page.drawSvgPath(qrPath, {
    x: a.x + a.w - a.h,
    y: A4.height - a.y,
    scale: a.h / qrSize,
    color: rgb(0, 0, 0),
    borderWidth: 0,
  });
}

/** The 签名情况记录 page(s) after the document's own (signing-record.ts), at body size, witness signatures drawn under their paragraph. */
async function drawRecordPages(
  pdf: PDFDocument,
  fonts: FontSet,
  embedded: Embedded,
  images: Map<Uint8Array, PDFImage>,
  lines: { text: string; image: Uint8Array | null }[],
  seal: WriteOptions['seal'],
  qrPath: string,
  qrSize: number,
  when: (iso: string) => string,
) {
  const lineH = BODY * 1.75;
  const imgH = 44;
  const bottom = A4.height - A4.bottom - 70;
  const pages: PDFPage[] = [];
  let page: PDFPage | null = null;
  let y = 0;
  const newPage = () => {
    page = pdf.addPage([A4.width, A4.height]);
    pages.push(page);
    const title = '签名情况记录';
    drawText(page, fonts, embedded, {
      x: (A4.width - fonts.width(title, 18) - 17 * 4) / 2,
      y: A4.top + 18,
      size: 18,
      text: title,
      bold: true,
      spacing: 4,
    });
    y = A4.top + 18 + 30;
  };
  for (const l of lines) {
    const need = lineH + (l.image ? imgH + 6 : 0);
    if (!page || y + need > bottom) newPage();
    drawPlain(page!, fonts, embedded, A4.left, y, BODY, l.text);
    y += lineH;
    if (l.image) {
      let img = images.get(l.image);
      if (!img) images.set(l.image, (img = await pdf.embedPng(l.image)));
      const scale = Math.min(180 / img.width, imgH / img.height);
      page!.drawImage(img, {
        x: A4.left + 2 * BODY,
        y: A4.height - y - img.height * scale + BODY,
        width: img.width * scale,
        height: img.height * scale,
      });
      y += imgH + 6;
    }
  }
  for (const [i, p] of pages.entries()) {
    const foot = `签名情况记录\u3000第 ${i + 1} 页 共 ${pages.length} 页`;
    drawPlain(p, fonts, embedded, (A4.width - fonts.width(foot, 9)) / 2, A4.height - A4.bottom - 50, 9, foot);
    if (seal) {
      const area = { x: A4.left, y: A4.height - A4.bottom - 40, w: A4.width - A4.left - A4.right, h: 40 };
      drawSeal(p, fonts, embedded, area, seal, qrPath, qrSize, when);
    }
  }
}

/** The largest size (down to 4.5 pt) at which the text fits the width; below that, cut with …. */
function fitText(fonts: FontSet, text: string, width: number, size: number): [number, string] {
  let s = size;
  while (s > 4.5 && fonts.width(text, s) > width) s -= 0.5;
  if (fonts.width(text, s) <= width) return [s, text];
  const chars = [...text];
  while (chars.length > 1 && fonts.width(chars.join('') + '…', s) > width) chars.pop();
  return [s, chars.join('') + '…'];
}

function drawPlain(
  page: PDFPage,
  fonts: FontSet,
  embedded: Map<number, PDFFont>,
  x: number,
  y: number,
  size: number,
  text: string,
) {
  drawText(page, fonts, embedded, { x, y, size, text });
}

function drawText(
  page: PDFPage,
  fonts: FontSet,
  embedded: Map<number, PDFFont>,
  op: { x: number; y: number; size: number; text: string; bold?: boolean; spacing?: number; gray?: boolean },
) {
  const color = op.gray ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0);
  // Bold without a bold font: fill and stroke the outlines (as 小标宋 titles look heavier).
  if (op.bold) page.pushOperators(setTextRenderingMode(TextRenderingMode.FillAndOutline), setLineWidth(op.size / 40));
  let x = op.x;
  const y = A4.height - op.y;
  if (op.spacing) {
    for (const ch of op.text) {
      const font = embedded.get(fonts.runs(ch)[0]!.font)!;
      page.drawText(ch, { x, y, size: op.size, font, color });
      x += fonts.width(ch, op.size) + op.spacing;
    }
  } else {
    for (const run of fonts.runs(op.text)) {
      page.drawText(run.text, { x, y, size: op.size, font: embedded.get(run.font)!, color });
      x += fonts.width(run.text, op.size);
    }
  }
  if (op.bold) page.pushOperators(setTextRenderingMode(TextRenderingMode.Fill), setLineWidth(1));
}

/** 草稿, large, light and diagonal across the middle of the page, as outlines behind the text. */
function watermark(page: PDFPage, fonts: FontSet) {
  const size = 160;
  const angle = Math.PI / 6;
  const text = [...'草稿'];
  const width = text.reduce((w, ch) => w + fonts.advance(ch.codePointAt(0)!) * size, 0);
  // Rotate the page's frame about its centre, then draw the word centred on the origin.
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(
      Math.cos(angle),
      Math.sin(angle),
      -Math.sin(angle),
      Math.cos(angle),
      A4.width / 2,
      A4.height / 2,
    ),
  );
  let x = -width / 2;
  for (const ch of text) {
    const o = fonts.outline(ch);
    const scale = size / o.unitsPerEm;
    page.drawSvgPath(o.path, { x, y: -0.35 * size, scale, color: rgb(0.85, 0.85, 0.85), borderWidth: 0 });
    x += o.advance * scale;
  }
  page.pushOperators(popGraphicsState());
}

function infoDict(pdf: PDFDocument): PDFDict {
  return pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
}

/**
 * Renames each embedded font to TAG+Name, TAG being six capital letters derived from the subset's
 * bytes (deterministic: the same glyphs give the same tag).
 */
function tagSubsets(pdf: PDFDocument) {
  const renamed = new Map<string, string>();
  const objects = pdf.context.enumerateIndirectObjects();
  for (const [, obj] of objects) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type'))?.toString() !== '/FontDescriptor') continue;
    const file = obj.get(PDFName.of('FontFile2'));
    const stream = file ? pdf.context.lookup(file) : undefined;
    const bytes = stream instanceof PDFStream ? stream.getContents() : new Uint8Array();
    const digest = createHash('sha256').update(bytes).digest();
    const tag = [...digest.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
    const old = obj.get(PDFName.of('FontName'))!.toString().slice(1);
    const base = old.replace(/-\d+$/, '');
    renamed.set(old, `${tag}+${base}`);
    obj.set(PDFName.of('FontName'), PDFName.of(`${tag}+${base}`));
  }
  for (const [, obj] of objects) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type'))?.toString() !== '/Font') continue;
    const name = obj.get(PDFName.of('BaseFont'))?.toString().slice(1);
    const to = name && renamed.get(name);
    if (to) obj.set(PDFName.of('BaseFont'), PDFName.of(to));
  }
}
