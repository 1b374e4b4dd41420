// Text as the seeds carry it → plain text: HTML paragraphs and list items become lines, tags and
// entities go, whitespace is tidied, blank lines are dropped.

const ENTITIES: Record<string, string> = {
  '&nbsp;': ' ',
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
};

/** One line per paragraph, each trimmed; no empty lines. */
export function cleanText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/<\/(?:p|li|div)>|<br\s*\/?>|<(?:p|li|div|ol|ul)(?:\s[^>]*)?>|<\/(?:ol|ul)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(?:nbsp|lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e] ?? e)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** A name on one line, without spaces (the seeds sometimes break or pad a name). */
export function cleanName(s: string): string {
  return cleanText(s).replace(/\s+/g, '');
}

const BREAKS_AFTER = /[。；;：:！？!?）)」』”]$/;

/**
 * Rejoins lines that a word-processor export broke in the middle of a sentence (「……第三十七条规\n定」):
 * a line that does not end a sentence continues on the next one unless that one starts an item
 * （一）, an article 第…条 or a numbered paragraph.
 */
export function joinWrappedLines(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const previous = out.at(-1);
    const startsItem =
      /^(?:（[一二三四五六七八九十]+）|第[零〇一二两三四五六七八九十百千]+条|\d+(?:-\d+)?[.．、。])/.test(line);
    if (previous !== undefined && !BREAKS_AFTER.test(previous) && !startsItem) out[out.length - 1] = previous + line;
    else out.push(line);
  }
  return out.join('\n');
}

/**
 * An article's text in one layout whichever list quotes it: each enumerated item （一）（二）… on
 * a line of its own (the lists put them on one line, on separate lines, or mixed), so that
 * quotations differ only where their words do.
 */
export function layOutArticle(text: string): string {
  return joinWrappedLines(text)
    .replace(/([：:；;])[ \t]*(?=（[一二三四五六七八九十]+）)/g, '$1\n')
    .replace(/[ \t]*\n[ \t]*/g, '\n');
}
