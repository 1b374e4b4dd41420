// Chinese line breaking, typesetting profile 2 (shared/documents/print-layout.ts): what a reader of
// an official document expects, checked together rather than one rule after another (profile 1,
// line-break.ts, kept as released, could end a line with an opening mark when it moved a break to
// keep a Latin word whole):
// - no line starts with closing punctuation, none ends with opening punctuation — whatever else
//   moved the break; one closing mark may hang into the margin (标点悬挂);
// - a Latin word, number, URL, path or file name stays whole when it fits on a line; one longer
//   than a line breaks only after its separators (/ . - _ ? & = #), and a digest (a run of 32 or
//   more hexadecimal digits) in even groups (32, else 16, 8 or 4 digits, the largest that fits);
//   only a stretch with no such place is cut where it must;
// - a number stays with its unit (2026年, 12月, 2331字节, 第3项) and a document number whole
//   (〔2026〕0001号).
import { NO_LINE_END, NO_LINE_START } from './line-break.ts';

export interface Break2Options {
  /** Width of the first line, if different (hanging labels such as 问：, a first-line indent). */
  firstWidth?: number;
  /** False where nothing may overhang (a grid label, whose column ends at a rule). */
  hang?: boolean;
  /**
   * In narrow cells (labels, table cells): break where a phrase ends — after a pause or closing
   * mark, before an opening one, at a space — when one lies in the line's second half or so,
   * rather than fill the line (法定代表人 / （负责人）, not 法定代表人（负责 / 人）).
   */
  phrases?: boolean;
}

const PHRASE_END = new Set([...'，、；：。！？）」』》】〕 ']);

const WORD = /^[A-Za-z0-9@#&_.:/\\+=~'%?-]$/;
const HEX = /^[0-9a-fA-F]$/;
const DIGIT = /^[0-9]$/;
/** Units a number is never parted from (the first character; 字节 and 小时 are kept whole too). */
const UNIT = new Set([...'年月日时分秒号项件个条款页次名台份张人岁元字小周倍']);
const UNIT_TAIL: Record<string, string> = { 字: '节', 小: '时' };
/** After these a long word may break: the separators of URLs, paths and file names. */
const AFTER = new Set([...'/.-_?&=#']);
const DOC_NO = /〔\d{4}〕\d+号/g;

/** Grades of a place to break: 0 none; 1 cut (nothing better within the line); 2 a word's separator; 3 free. */
type Grade = 0 | 1 | 2 | 3;

/**
 * Breaks one paragraph (no newlines) into lines no wider than `width` (one closing mark may
 * hang beyond it), by `advance(ch)` widths. Pure and deterministic.
 */
export function breakParagraph2(
  text: string,
  width: number,
  advance: (ch: string) => number,
  opts: Break2Options = {},
): string[] {
  const chars = [...text];
  const n = chars.length;
  if (n === 0) return [''];
  const grade = places(chars, width, advance);
  const hang = opts.hang ?? true;
  const lines: string[] = [];
  let start = 0;
  while (start < n) {
    const limit = lines.length === 0 ? (opts.firstWidth ?? width) : width;
    let w = 0;
    let end = start;
    while (end < n && w + advance(chars[end]!) <= limit + 1e-6) w += advance(chars[end++]!);
    if (end === n) {
      lines.push(chars.slice(start).join(''));
      break;
    }
    let cut = -1;
    // A closing mark that does not fit hangs, when the line may end after it.
    if (hang && end > start && NO_LINE_START.has(chars[end]!) && !WORD.test(chars[end]!) && ok(end + 1)) cut = end + 1;
    // In a cell, the furthest end of a phrase in the line's second half or so.
    if (cut < 0 && opts.phrases) {
      let w2 = 0;
      const at: number[] = [];
      for (let i = start; i < end; i++) at.push((w2 += advance(chars[i]!)));
      for (let i = end; cut < 0 && i > start; i--)
        if (at[i - start - 1]! >= 0.4 * limit && ok(i) && (PHRASE_END.has(chars[i - 1]!) || NO_LINE_END.has(chars[i]!)))
          cut = i;
    }
    // The furthest place that fits: free, or a long word's separator; else a cut.
    for (const min of [2, 1]) {
      for (let i = end; cut < 0 && i > start; i--) if (grade[i]! >= min && ok(i)) cut = i;
      if (cut >= 0) break;
    }
    // Nothing allowed (a number with its unit longer than the line …): anywhere the marks allow,
    // else where the line is full (a character wider than the line goes alone).
    const marksAllow = (i: number) => !NO_LINE_START.has(chars[i]!) && !NO_LINE_END.has(chars[i - 1]!);
    const unitAfter = (i: number) => DIGIT.test(chars[i - 1]!) && UNIT.has(chars[i]!);
    for (let i = end; cut < 0 && i > start; i--) if (marksAllow(i) && !unitAfter(i)) cut = i;
    for (let i = end; cut < 0 && i > start; i--) if (marksAllow(i)) cut = i;
    if (cut < 0) cut = Math.max(end, start + 1);
    lines.push(chars.slice(start, cut).join(''));
    start = cut;
    // A space at the start of a continuation line is dropped (it was the break).
    while (start < n && chars[start] === ' ') start++;
  }
  return lines;

  /** May a line end before chars[i] (i = n: at the end)? Never before a closing or after an opening mark. */
  function ok(i: number): boolean {
    if (i >= n) return true;
    return grade[i]! > 0 && !NO_LINE_START.has(chars[i]!) && !NO_LINE_END.has(chars[i - 1]!);
  }
}

/** The grade of each place i (a break before chars[i]). */
function places(chars: string[], width: number, advance: (ch: string) => number): Grade[] {
  const n = chars.length;
  const grade: Grade[] = new Array<Grade>(n + 1).fill(3);
  grade[0] = 0;
  // Words: nothing inside them, for now.
  const words: [number, number][] = [];
  for (let i = 0; i < n;) {
    if (!WORD.test(chars[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && WORD.test(chars[j]!)) j++;
    words.push([i, j]);
    for (let k = i + 1; k < j; k++) grade[k] = 0;
    i = j;
  }
  // A number with its unit; 第 with its number.
  for (let i = 1; i < n; i++) {
    if (DIGIT.test(chars[i - 1]!) && UNIT.has(chars[i]!)) {
      grade[i] = 0;
      if (UNIT_TAIL[chars[i]!] === chars[i + 1]) grade[i + 1] = 0;
    }
    if (chars[i - 1] === '第' && DIGIT.test(chars[i]!)) grade[i] = 0;
  }
  // A document number whole.
  const text = chars.join('');
  for (const m of text.matchAll(DOC_NO)) {
    const a = [...text.slice(0, m.index)].length;
    const len = [...m[0]].length;
    for (let k = a + 1; k < a + len; k++) grade[k] = chars[k - 1] === '〕' ? 1 : 0;
  }
  const span = (a: number, b: number) => {
    let w = 0;
    for (let k = a; k < b; k++) w += advance(chars[k]!);
    return w;
  };
  // Words longer than a line: their separators, digests in even groups, then cuts where nothing else.
  for (const [a, b] of words) {
    if (span(a, b) <= width + 1e-6) continue;
    for (let k = a + 1; k < b; k++) {
      const prev = chars[k - 1]!;
      if (AFTER.has(prev) && chars[k] !== prev && !(prev === '/' && chars[k] === '/')) grade[k] = 2;
    }
    for (let k = a; k < b;) {
      if (!HEX.test(chars[k]!)) {
        k++;
        continue;
      }
      let e = k;
      while (e < b && HEX.test(chars[e]!)) e++;
      if (e - k >= 32) {
        const group = [32, 16, 8, 4].find((g) => span(k, k + g) <= width + 1e-6) ?? 1;
        if (k > a) grade[k] = 2;
        if (e < b) grade[e] = 2;
        for (let g = k + group; g < e; g += group) grade[g] = 2;
      }
      k = e;
    }
    // Stretches between separators still wider than a line may be cut anywhere.
    let from = a;
    for (let k = a + 1; k <= b; k++) {
      if (k < b && grade[k] === 0) continue;
      if (span(from, k) > width + 1e-6) for (let c = from + 1; c < k; c++) if (grade[c] === 0) grade[c] = 1;
      from = k;
    }
  }
  return grade;
}

/** Breaks text with newlines into lines; each newline starts a paragraph (`first` marks its first line). */
export function breakText2(
  text: string,
  width: number,
  advance: (ch: string) => number,
  opts: Break2Options = {},
): { text: string; first: boolean }[] {
  const out: { text: string; first: boolean }[] = [];
  for (const p of text.split(/\r?\n/))
    breakParagraph2(p, width, advance, opts).forEach((line, i) => out.push({ text: line, first: i === 0 }));
  return out;
}
