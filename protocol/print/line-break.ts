// Chinese line breaking (禁则): no line starts with closing punctuation, no line ends with opening
// punctuation; runs of Latin letters and digits (words, numbers, URLs) are kept whole unless they
// are longer than a line. A closing mark that does not fit may hang into the margin by itself
// (标点悬挂), as Chinese typesetting does, rather than pull a character down.

export const NO_LINE_START = new Set([...'，。、；：？！）」』》】〕〉’”…—～·%‰,.;:?!)]}、｝％']);
export const NO_LINE_END = new Set([...'（「『《【〔〈‘“([{｛']);

const isWordChar = (ch: string) => /^[A-Za-z0-9@#&_.:/\\+=~'-]$/.test(ch);

export interface BreakOptions {
  /** Break between any two characters (hexadecimal digests in narrow columns). */
  anywhere?: boolean;
  /** Width of the first line, if different (hanging labels such as 问：). */
  firstWidth?: number;
  /** False where nothing may overhang (a grid label, whose column ends at a rule). */
  hang?: boolean;
}

/**
 * Breaks one paragraph (no newlines) into lines no wider than `width`, by `advance(ch)` widths.
 * Pure and deterministic: the same text and widths always give the same lines.
 */
export function breakParagraph(
  text: string,
  width: number,
  advance: (ch: string) => number,
  opts: BreakOptions = {},
): string[] {
  const chars = [...text];
  if (chars.length === 0) return [''];
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    const limit = lines.length === 0 ? (opts.firstWidth ?? width) : width;
    let w = 0;
    let end = start;
    while (end < chars.length && w + advance(chars[end]!) <= limit + 1e-6) w += advance(chars[end++]!);
    if (end === chars.length) {
      lines.push(chars.slice(start, end).join(''));
      break;
    }
    if (end === start)
      end = start + 1; // a character wider than the line: it goes alone
    else if (!opts.anywhere) end = adjust(chars, start, end, opts.hang ?? true);
    lines.push(chars.slice(start, end).join(''));
    start = end;
    // A space at the start of a continuation line is dropped (it was the break).
    while (start < chars.length && chars[start] === ' ') start++;
  }
  return lines;
}

/** Moves a tentative break at `end` so that the line [start, end) obeys the rules. */
function adjust(chars: string[], start: number, end: number, hang: boolean): number {
  // Hanging punctuation: one closing mark may overhang, if what follows it may start a line.
  if (hang && NO_LINE_START.has(chars[end]!) && !NO_LINE_START.has(chars[end + 1] ?? '')) return end + 1;
  let e = end;
  // Never start the next line with a closing mark: pull characters down with it.
  while (e > start + 1 && NO_LINE_START.has(chars[e]!)) e--;
  // Never end a line with an opening mark.
  while (e > start + 1 && NO_LINE_END.has(chars[e - 1]!)) e--;
  // Keep a Latin word or number whole when it fits on a line of its own.
  if (isWordChar(chars[e]!) && isWordChar(chars[e - 1]!)) {
    let w = e;
    while (w > start && isWordChar(chars[w - 1]!)) w--;
    if (w > start) e = w;
  }
  return e > start ? e : end;
}

/** Breaks text with newlines into lines; each newline starts a paragraph (`first` marks its first line). */
export function breakText(
  text: string,
  width: number,
  advance: (ch: string) => number,
  opts: BreakOptions = {},
): { text: string; first: boolean }[] {
  const out: { text: string; first: boolean }[] = [];
  for (const p of text.split(/\r?\n/))
    breakParagraph(p, width, advance, opts).forEach((line, i) => out.push({ text: line, first: i === 0 }));
  return out;
}
