// A regulation published as text (seed 003, 互联网信息内容管理行政执法程序规定): its title and
// articles. It is not a list of matters; the lists quote some of its articles, and its own text
// is the authoritative wording of those.
import type { QuotedArticle } from './raw-matter.ts';
import { layOutArticle } from './clean-text.ts';
import { firstLine } from './raw-matter.ts';

const NUM = '[零〇一二两三四五六七八九十百千]+';

export function parseRegulation(text: string): QuotedArticle[] {
  const law = `《${firstLine(text).replace(/\s+/g, '')}》`;
  const out: QuotedArticle[] = [];
  let current: QuotedArticle | null = null;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    const article = new RegExp(`^(第${NUM}条)\\s*(.*)$`).exec(line);
    if (article) {
      current = { law, article: article[1]!, text: article[2]! };
      out.push(current);
    } else if (new RegExp(`^第${NUM}[章节]`).test(line)) {
      current = null; // a chapter heading ends the article before it
    } else if (current) {
      current.text += `\n${line}`;
    }
  }
  return out.map((b) => ({ ...b, text: layOutArticle(b.text) }));
}
