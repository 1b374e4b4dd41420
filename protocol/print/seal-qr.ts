// The QR code in a sealed document's foot: a phone (or HQ's search box) reads the seal's number
// and hash off paper, so a printed page can be matched to its seal without typing 64 hex digits.
//
// The text is kept short and in the QR alphanumeric alphabet (0-9, A-Z, space $%*+-./:) so the
// symbol is small (version 4, 33 modules) with medium error correction: at 40 pt a module is
// 0.43 mm, which an ordinary phone camera reads off a laser print. The device id and the SM3 hash
// are printed as text beside it; the SHA-256 seal hash alone identifies the seal.
import qrcode from 'qrcode-generator';

export const SEAL_QR_PREFIX = 'WXZF-SEAL/1';

/** `WXZF-SEAL/1:<seq>:<SHA-256 of the seal text, upper-case hex>` */
export function sealQrText(seal: { seq: number; sha256: string }): string {
  if (!/^[0-9a-f]{64}$/i.test(seal.sha256)) throw new Error('seal hash must be 64 hexadecimal digits');
  return `${SEAL_QR_PREFIX}:${seal.seq}:${seal.sha256.toUpperCase()}`;
}

/** Reads a scanned seal QR text back; null when it is not one. */
export function parseSealQr(text: string): { seq: number; sha256: string } | null {
  const m = /^WXZF-SEAL\/1:(\d{1,12}):([0-9A-F]{64})$/i.exec(text.trim());
  return m ? { seq: Number(m[1]), sha256: m[2]!.toLowerCase() } : null;
}

/** The symbol's modules, row by row (true = dark), without the quiet zone. Deterministic. */
export function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Alphanumeric');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/**
 * One SVG path drawing the dark modules, one unit per module, y downwards: each horizontal run
 * of dark modules is one rectangle, so a symbol is a few hundred path segments, not a thousand
 * separate rectangles.
 */
export function qrSvgPath(modules: boolean[][]): string {
  const parts: string[] = [];
  modules.forEach((row, r) => {
    for (let c = 0; c < row.length;) {
      if (!row[c]) {
        c++;
        continue;
      }
      let e = c;
      while (e < row.length && row[e]) e++;
      parts.push(`M${c} ${r}h${e - c}v1h${c - e}z`);
      c = e;
    }
  });
  return parts.join('');
}
