// poppler-utils, as a court's expert or a reviewer would use them on our PDFs: text extraction,
// rendering (under an empty fontconfig, so poppler cannot substitute a system font for a broken
// embedded one), and the font list.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let fontconfigDir: string | null = null;

/** Environment in which fontconfig knows no font at all. */
export function emptyFontconfigEnv(): NodeJS.ProcessEnv {
  if (!fontconfigDir) {
    fontconfigDir = mkdtempSync(join(tmpdir(), 'empty-fontconfig-'));
    writeFileSync(join(fontconfigDir, 'fonts.conf'), `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>${fontconfigDir}/cache</cachedir></fontconfig>\n`);
  }
  return { ...process.env, FONTCONFIG_FILE: join(fontconfigDir, 'fonts.conf'), FONTCONFIG_PATH: fontconfigDir };
}

/** Text in content-stream order (-raw): what a reader copying from the PDF gets, in drawing order. */
export function pdftotextRaw(pdf: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', env: emptyFontconfigEnv() });
}

export interface Raster {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Renders every page in grey at `dpi`; also returns poppler's complaints (stderr). */
export function renderPages(pdf: string, dpi: number): { pages: Raster[]; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'render-'));
  try {
    const r = spawnSync('pdftoppm', ['-gray', '-r', String(dpi), pdf, join(dir, 'p')], { encoding: 'utf8', env: emptyFontconfigEnv() });
    if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
    const files = readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort();
    return { pages: files.map((f) => parsePgm(readFileSync(join(dir, f)))), stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parsePgm(b: Buffer): Raster {
  // P5 <w> <h> <max> then one byte per pixel
  const header: string[] = [];
  let i = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(b[i]!))) i++;
    let tok = '';
    while (!/\s/.test(String.fromCharCode(b[i]!))) tok += String.fromCharCode(b[i++]!);
    header.push(tok);
  }
  i++;
  return { width: Number(header[1]), height: Number(header[2]), pixels: b.subarray(i) };
}

/** Number of pixels darker than `threshold` (0 black … 255 white). */
export function ink(r: Raster, threshold = 128): number {
  let n = 0;
  for (const p of r.pixels) if (p < threshold) n++;
  return n;
}

/** Pixels that differ by more than `tolerance` grey levels. */
export function pixelDiff(a: Raster, b: Raster, tolerance = 16): number {
  if (a.width !== b.width || a.height !== b.height) return Number.POSITIVE_INFINITY;
  let n = 0;
  for (let i = 0; i < a.pixels.length; i++) if (Math.abs(a.pixels[i]! - b.pixels[i]!) > tolerance) n++;
  return n;
}

export interface FontRow {
  name: string;
  type: string;
  emb: boolean;
  sub: boolean;
  uni: boolean;
}

export function pdffonts(pdf: string): FontRow[] {
  const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8', env: emptyFontconfigEnv() }).split('\n').slice(2).filter(Boolean);
  return out.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type… encoding emb sub uni id gen: the last five are fixed
    const [emb, sub, uni] = cols.slice(-5, -2);
    return { name: cols[0]!, type: cols.slice(1, -6).join(' '), emb: emb === 'yes', sub: sub === 'yes', uni: uni === 'yes' };
  });
}
