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
    writeFileSync(
      join(fontconfigDir, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>${fontconfigDir}/cache</cachedir></fontconfig>\n`,
    );
  }
  return { ...process.env, FONTCONFIG_FILE: join(fontconfigDir, 'fonts.conf'), FONTCONFIG_PATH: fontconfigDir };
}

/** Text in content-stream order (-raw): what a reader copying from the PDF gets, in drawing order. */
export function pdftotextRaw(pdf: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
    env: emptyFontconfigEnv(),
  });
}

/** Text by position (-layout), one string per page (split at poppler's form feeds), one line per printed line. */
export function pdftotextLayoutPages(pdf: string): string[][] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
    env: emptyFontconfigEnv(),
  });
  return text
    .split('\f')
    .slice(0, -1)
    .map((page) => page.split('\n'));
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
    const r = spawnSync('pdftoppm', ['-gray', '-r', String(dpi), pdf, join(dir, 'p')], {
      encoding: 'utf8',
      env: emptyFontconfigEnv(),
    });
    if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort();
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
  const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8', env: emptyFontconfigEnv() })
    .split('\n')
    .slice(2)
    .filter(Boolean);
  return out.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type… encoding emb sub uni id gen: the last five are fixed
    const [emb, sub, uni] = cols.slice(-5, -2);
    return {
      name: cols[0]!,
      type: cols.slice(1, -6).join(' '),
      emb: emb === 'yes',
      sub: sub === 'yes',
      uni: uni === 'yes',
    };
  });
}

/**
 * The tiles (`size` px squares) whose ink differs from the reference's by more than a little:
 * tolerant of anti-aliasing, but one lost or substituted glyph (about 20 ink pixels at 40 dpi)
 * in a tile shows. Rasters of different sizes differ everywhere.
 */
export function inkTileDiff(
  page: Raster,
  reference: Raster,
  size = 24,
): { x: number; y: number; ink: number; reference: number }[] {
  if (page.width !== reference.width || page.height !== reference.height)
    return [{ x: 0, y: 0, ink: ink(page), reference: ink(reference) }];
  const out: { x: number; y: number; ink: number; reference: number }[] = [];
  for (let ty = 0; ty < page.height; ty += size) {
    for (let tx = 0; tx < page.width; tx += size) {
      let a = 0;
      let b = 0;
      for (let y = ty; y < Math.min(ty + size, page.height); y++) {
        for (let x = tx; x < Math.min(tx + size, page.width); x++) {
          if (page.pixels[y * page.width + x]! < 128) a++;
          if (reference.pixels[y * page.width + x]! < 128) b++;
        }
      }
      if (Math.abs(a - b) > Math.max(6, b * 0.08)) out.push({ x: tx, y: ty, ink: a, reference: b });
    }
  }
  return out;
}
