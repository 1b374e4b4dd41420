// The bundled fonts and what they can print, tried in this order for each character:
// Droid Sans Fallback (Apache-2.0): every CJK Unified Ideograph of the BMP and Extension A;
// Hanazono Mincho A reduced to full-width punctuation and symbols (“ ” … — ① 〔〕), which Droid lacks;
// DejaVu Sans: Latin, digits, Greek, Cyrillic and other symbols (Droid has no Latin at all);
// Hanazono Mincho B: Extensions B–F, for rare characters in names (生僻字 such as 𠮷).
// All TrueType: CFF CJK fonts are an order of magnitude slower to subset (TECH-NOTES.md).
// assets/fonts/README.md says where each file comes from and its licence.
import fontkit from '@cantoo/fontkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FontFile {
  /** Used in the PDF's font names. */
  name: string;
  bytes: Uint8Array;
}

interface MetricFont {
  unitsPerEm: number;
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): { advanceWidth: number; path: { scale(x: number, y: number): { toSVG(): string } } };
}

export const FONT_FILES = [
  { name: 'DroidSansFallback', file: 'DroidSansFallbackFull.ttf' },
  { name: 'HanaMinA', file: 'HanaMinA-symbols.ttf' },
  { name: 'DejaVuSans', file: 'DejaVuSans.ttf' },
  { name: 'HanaMinB', file: 'HanaMinB.ttf' },
] as const;

/** Characters that need no glyph: they are laid out as space or not drawn. */
const isBlank = (cp: number) => cp === 0x20 || cp === 0x3000 || cp === 0x09 || cp === 0x0a || cp === 0x0d;

export class FontSet {
  readonly files: FontFile[];
  private readonly fonts: MetricFont[];
  private readonly widthCache = new Map<number, number>();
  private readonly fontCache = new Map<number, number>();

  constructor(files: FontFile[]) {
    this.files = files;
    this.fonts = files.map((f) => fontkit.create(Buffer.from(f.bytes)) as unknown as MetricFont);
  }

  static load(dir: string): FontSet {
    return new FontSet(FONT_FILES.map((f) => ({ name: f.name, bytes: readFileSync(join(dir, f.file)) })));
  }

  /** The parsed font of one of this set's files (the same bytes), or null. */
  parsedFont(data: Uint8Array): unknown {
    const i = this.files.findIndex(
      (f) => f.bytes === data || (f.bytes.length === data.length && Buffer.compare(f.bytes, data) === 0),
    );
    return i < 0 ? null : this.fonts[i];
  }

  /** Index of the first font that has a glyph for the code point, or -1. */
  fontFor(cp: number): number {
    let i = this.fontCache.get(cp);
    if (i === undefined) {
      i = this.fonts.findIndex((f) => f.hasGlyphForCodePoint(cp));
      this.fontCache.set(cp, i);
    }
    return i;
  }

  /** Advance width of one character at size 1 (in ems). */
  advance(cp: number): number {
    let w = this.widthCache.get(cp);
    if (w === undefined) {
      if (cp === 0x3000) w = 1;
      else if (cp === 0x09) w = 1;
      else {
        const i = this.fontFor(cp === 0x0a || cp === 0x0d ? 0x20 : cp);
        const f = this.fonts[Math.max(0, i)]!;
        w = i < 0 ? 1 : f.glyphForCodePoint(cp).advanceWidth / f.unitsPerEm;
      }
      this.widthCache.set(cp, w);
    }
    return w;
  }

  width(text: string, size: number): number {
    let w = 0;
    for (const ch of text) w += this.advance(ch.codePointAt(0)!);
    return w * size;
  }

  /** Characters of `text` that no bundled font can print (each once, in order of appearance). */
  missing(text: string): string[] {
    const out = new Set<string>();
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (!isBlank(cp) && this.fontFor(cp) < 0) out.add(ch);
    }
    return [...out];
  }

  has(font: number, cp: number): boolean {
    return this.fonts[font]?.hasGlyphForCodePoint(cp) ?? false;
  }

  /** Splits text into runs that each use one font (blanks join the run they are in). */
  runs(text: string): { font: number; text: string }[] {
    const out: { font: number; text: string }[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      // A space stays in the run it is in when that font has it (no needless font switch); else
      // it goes to a font that has it — never drawn as a missing glyph.
      const prev = out.at(-1)?.font;
      const font =
        isBlank(cp) && prev !== undefined && this.fonts[prev]!.hasGlyphForCodePoint(cp)
          ? prev
          : Math.max(0, this.fontFor(cp));
      const last = out.at(-1);
      if (last && last.font === font) last.text += ch;
      else out.push({ font, text: ch });
    }
    return out;
  }

  /** The outline of a character as an SVG path (font units, y down as SVG has it), for text that must not be extractable. */
  outline(ch: string): { path: string; unitsPerEm: number; advance: number } {
    const cp = ch.codePointAt(0)!;
    const f = this.fonts[Math.max(0, this.fontFor(cp))]!;
    const g = f.glyphForCodePoint(cp);
    return { path: g.path.scale(1, -1).toSVG(), unitsPerEm: f.unitsPerEm, advance: g.advanceWidth };
  }
}
