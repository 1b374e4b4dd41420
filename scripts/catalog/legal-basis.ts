// Splits a 实施依据 cell into articles: {law, article, text}.
//
// An article starts at 第…条 (with its 款 if given: 第十九条第一款, 第十三条第一、三款) where it
// begins a line or a numbered item, follows a law title (and its bracketed note), or follows a full
// stop — not where the text refers to another article (「违反本法第二十一条、第二十五条规定的」).
// It runs to the next article or the next law heading. A law title is a heading where an article
// follows it or it opens a line or numbered item; a law merely cited inside an article's text
// (「依照《中华人民共和国治安管理处罚法》…」) is not. A heading without any article (a normative
// document quoted as a whole, 「《国务院关于授权…的通知》（国发〔2014〕33号）为促进…」) cannot be
// cited by article: it is returned in `unarticled` for the build to report.
import type { QuotedArticle } from './raw-matter.ts';
import { cleanText, layOutArticle } from './clean-text.ts';

const NUM = '[零〇一二两三四五六七八九十百千]+';
const ARTICLE = new RegExp(`第${NUM}条(?:第${NUM}(?:、${NUM})*款)?`, 'g');
const LAW = /《([^》]+)》/g;
/** What may precede a heading or an article on its line: an item number and a 【category】. */
const ITEM_PREFIX = /(?:^|\n)[ \t]*(?:\d+(?:-\d+)?[ \t]*[.．、。][ \t]*)?(?:【[^】\n]*】[ \t]*)?$/;

/** 《中华人民共和国行政处罚法（2021修订）》→ 《中华人民共和国行政处罚法》. */
export function normaliseLaw(title: string): string {
  return `《${title.replace(/[《》\s]/g, '').replace(/（\d{4}(?:年)?修(?:订|正)）$/, '')}》`;
}

interface Mark {
  kind: 'law' | 'article';
  /** Where the mark begins, its item number included. */
  start: number;
  /** Where its text begins. */
  end: number;
  value: string;
}

export interface ParsedBasis {
  basis: QuotedArticle[];
  unarticled: { law: string; text: string }[];
}

export function parseLegalBasis(raw: string): ParsedBasis {
  const text = cleanText(raw);
  const marks: Mark[] = [];
  for (const m of text.matchAll(LAW)) {
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    const articleFollows = new RegExp(`^\\s*(?:（[^）]*）)?\\s*第${NUM}条`).test(after);
    const prefix = ITEM_PREFIX.exec(before);
    if (!articleFollows && !prefix) continue;
    const start = prefix ? prefix.index + (prefix[0].startsWith('\n') ? 1 : 0) : m.index;
    const note = /^\s*（[^）]*）/.exec(after);
    marks.push({
      kind: 'law',
      start,
      end: m.index + m[0].length + (note ? note[0].length : 0),
      value: normaliseLaw(m[1]!),
    });
  }
  for (const m of text.matchAll(ARTICLE)) {
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    const afterLaw = /》\s*(?:（[^）]*）)?\s*$/.test(before);
    const prefix = ITEM_PREFIX.exec(before);
    const afterStop = /。\s*$/.test(before);
    if (!afterLaw && !prefix && !afterStop) continue;
    if (/^(?:、|至|和|或|及|规定|的规定|所列|之)/.test(after)) continue;
    const start = prefix ? prefix.index + (prefix[0].startsWith('\n') ? 1 : 0) : m.index;
    marks.push({ kind: 'article', start, end: m.index + m[0].length, value: m[0] });
  }
  marks.sort((a, b) => a.start - b.start || (a.kind === 'law' ? -1 : 1));

  const out: ParsedBasis = { basis: [], unarticled: [] };
  let law = '';
  marks.forEach((mk, i) => {
    const next = marks[i + 1]?.start ?? text.length;
    if (mk.kind === 'law') {
      law = mk.value;
      const body = text.slice(mk.end, next).trim();
      if (body) out.unarticled.push({ law, text: body });
      return;
    }
    if (!law) return;
    const body = layOutArticle(
      text
        .slice(mk.end, next)
        .replace(/^[\s：:]+/, '')
        .trim(),
    );
    if (body.length < 4) return;
    const existing = out.basis.find((b) => b.law === law && b.article === mk.value);
    if (!existing) out.basis.push({ law, article: mk.value, text: body });
    else if (body.length > existing.text.length) existing.text = body;
  });
  return out;
}
