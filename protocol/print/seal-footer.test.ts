// The seal's foot on every page of a sealed document: its hashes, the device and sequence number
// as text, and a QR code a phone reads back to the seal hash — checked on the rendered page, as
// paper would be read, not on our own drawing instructions.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { afterAll, describe, expect, it } from 'vitest';
import { longInquiry, printable } from '../../tests/support/print-fixtures.ts';
import { ink, pdftotextRaw, renderPages, type Raster } from '../../tests/support/poppler.ts';
import { A4 } from './layout-model.ts';
import { PdfService } from './pdf-service.ts';
import { parseSealQr, qrModules, sealQrText } from './seal-qr.ts';

const dir = mkdtempSync(join(tmpdir(), 'seal-foot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pdf = new PdfService();
const SEAL = {
  seq: 17,
  sha256: '3f'.repeat(32),
  sm3: 'c4'.repeat(32),
  deviceId: '0b6f3f1e-8f0e-4c4e-9a55-2f9d3c1b7a10',
  sealedAt: '2026-11-20T03:10:00.000Z',
};
const DPI = 150;
// jsqr is CommonJS with an `exports.default`: at run time the default import is the function.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

function decode(page: Raster): string | null {
  const rgba = new Uint8ClampedArray(page.width * page.height * 4);
  for (let i = 0; i < page.pixels.length; i++)
    rgba.set([page.pixels[i]!, page.pixels[i]!, page.pixels[i]!, 255], i * 4);
  return jsQR(rgba, page.width, page.height)?.data ?? null;
}

/** The seal area's QR square (pt → pixels) of a page. */
function qrBox(page: Raster, laidArea: { x: number; y: number; w: number; h: number }): Raster {
  const k = DPI / 72;
  const x0 = Math.floor((laidArea.x + laidArea.w - laidArea.h) * k);
  const y0 = Math.floor(laidArea.y * k);
  const size = Math.ceil(laidArea.h * k);
  const pixels = new Uint8Array(size * size);
  for (let y = 0; y < size; y++)
    pixels.set(page.pixels.subarray((y0 + y) * page.width + x0, (y0 + y) * page.width + x0 + size), y * size);
  return { width: size, height: size, pixels };
}

async function render(name: string, doc: ReturnType<typeof printable>, seal: boolean) {
  const out = await pdf.print(doc, seal ? { sealHash: SEAL.sha256, seal: SEAL } : {});
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, out.bytes);
  return { file, bytes: out.bytes, pages: renderPages(file, DPI).pages, laid: pdf.layout(doc) };
}

describe('the seal foot', () => {
  it('the QR text is short, alphanumeric, and reads back to the seal number and hash', () => {
    const text = sealQrText(SEAL);
    expect(text).toBe(`WXZF-SEAL/1:17:${'3F'.repeat(32)}`);
    expect(parseSealQr(text)).toEqual({ seq: 17, sha256: SEAL.sha256 });
    expect(parseSealQr(text.toLowerCase())).toEqual({ seq: 17, sha256: SEAL.sha256 });
    expect(parseSealQr('https://example.com')).toBeNull();
    // Version 4 (33 modules): 1.2 pt a module at 40 pt, readable off a laser print.
    expect(qrModules(text)).toHaveLength(33);
    expect(() => sealQrText({ seq: 1, sha256: 'xyz' })).toThrow();
  });

  it('every page of a sealed document carries the hashes as text and a QR code that decodes to the seal', async () => {
    const doc = longInquiry(30);
    const sealed = await render('sealed', doc, true);
    expect(sealed.pages.length).toBeGreaterThan(1);
    const text = pdftotextRaw(sealed.file).replace(/\s+/g, '');
    for (const line of [
      `封存校验值SHA-256：${SEAL.sha256}`,
      `封存校验值SM3：${SEAL.sm3}`,
      `设备${SEAL.deviceId}`,
      '封存序号17',
    ]) {
      expect(text.split(line).length - 1).toBe(sealed.pages.length);
    }
    for (const page of sealed.pages) expect(decode(page)).toBe(sealQrText(SEAL));
  });

  it('the QR sits in space the layout keeps blank: unsealed, the same square has no ink on any page', async () => {
    for (const type of ['inquiry', 'onsite', 'evidence', 'preservation'] as const) {
      const doc = printable(type);
      const plain = await render(`plain-${type}`, doc, false);
      const sealed = await render(`sealed-${type}`, doc, true);
      plain.pages.forEach((page, i) => {
        const area = plain.laid.pages[i]!.sealArea;
        expect(area.x + area.w).toBeLessThanOrEqual(A4.width - A4.right + 0.01);
        expect(ink(qrBox(page, area), 200)).toBe(0);
        expect(ink(qrBox(sealed.pages[i]!, area), 200)).toBeGreaterThan(100);
      });
      // The text of an unsealed print says nothing about a seal.
      expect(pdftotextRaw(plain.file)).not.toContain('封存校验值');
    }
  });

  it('the same seal prints the same bytes (HQ re-prints received documents and compares)', async () => {
    const doc = printable('onsite');
    const a = await pdf.print(doc, { sealHash: SEAL.sha256, seal: SEAL });
    const b = await pdf.print(doc, { sealHash: SEAL.sha256, seal: SEAL });
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});
