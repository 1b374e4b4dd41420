// A 责任事项 or 追责情形 cell → one string per item. The lists number their items 1. 2. or
// （一）（二）, one per paragraph or run together on one line; 酒泉's HTML lists have no numbers
// and separate items by 「。 」. An introductory sentence (「…承担以下责任：」) is an item of its own.
import { cleanText } from './clean-text.ts';

const ITEM_START = /^(?:\d{1,2}(?:-\d+)?[.．、]|（[一二三四五六七八九十]+）)/;

export function splitItems(raw: string): string[] {
  const text = cleanText(raw);
  if (text === '' || text === '无') return [];
  const pieces = text
    .split('\n')
    .flatMap((line) =>
      line
        // a numbered item starting after the end of a sentence: 「…书面告知移送部门。 2.调查取证责任：…」
        .split(/(?<=[。；;：:])\s*(?=\d{1,2}(?:-\d+)?[.．、]\s*\D|（[一二三四五六七八九十]+）)/)
        // an unnumbered list (酒泉): sentences separated by a space
        .flatMap((piece) => piece.split(/(?<=[。；;])\s+(?=\S)/)),
    )
    .map((p) => p.trim())
    .filter((p) => p !== '');
  // A piece that neither starts an item nor follows the end of a sentence continues the previous one.
  const items: string[] = [];
  for (const p of pieces) {
    const previous = items.at(-1);
    if (previous !== undefined && !ITEM_START.test(p) && !/[。；;：:]$/.test(previous))
      items[items.length - 1] = previous + p;
    else items.push(p);
  }
  return items.filter((s) => s.length > 1);
}
