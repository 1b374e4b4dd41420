// Turns the raw cells of a 权责清单 into structured data: the articles of the legal basis, the
// numbered items of responsibilities and accountability, and the penalty read from the clauses.
import type { FineRange, LegalBasis, Penalty } from '../../shared/catalog/catalog-schema.ts';
import { parseYuan } from './chinese-numerals.ts';

const NUM = '[零〇一二两三四五六七八九十百千]+';

/** Strips HTML paragraphs and tidies whitespace, keeping paragraph breaks as newlines. */
export function cleanText(s: string): string {
  return s
    .replace(/<\/p>\s*<p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/[ \u00a0\u3000]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .replace(/[ \u00a0]{2,}/g, ' ')
    .trim();
}

/** The law's short name: 《中华人民共和国网络安全法》 (edition notes in brackets dropped). */
export function normaliseLaw(name: string): string {
  return `《${name.replace(/[《》]/g, '').replace(/（\d{4}修订）$/, '').trim()}》`;
}

/**
 * Splits a basis cell into articles. An article starts at 第X条 when it follows a law title,
 * a bracket, a line break, a full stop or a colon — not where the text refers to another article
 * (「违反本法第二十一条、第二十五条规定的」). It runs to the next article start. A law title
 * becomes the current law only where an article follows it directly or it opens a numbered item,
 * so a law merely cited inside an article's text does not capture the articles after it.
 */
export function parseLegalBasis(raw: string): LegalBasis[] {
  const text = cleanText(raw);
  const marks: { index: number; end: number; law?: string; article?: string }[] = [];
  const pattern = new RegExp(`(《[^》]+》)|(?:^|(?<=[》）)\\n。；：:\u3000 ]|\\d[.．]))(第${NUM}条(?:第${NUM}款)?)`, 'gm');
  for (const m of text.matchAll(pattern)) {
    if (m[1]) {
      const after = text.slice(m.index + m[0].length);
      const before = text.slice(0, m.index);
      const heads = /^(（[^）]*）)?\s*第/.test(after) || /(^|\n)\s*\d+(-\d+)?[.．、。]?\s*(【[^】]+】)?\s*$/.test(before);
      if (heads) marks.push({ index: m.index, end: m.index + m[0].length, law: normaliseLaw(m[1]) });
    } else {
      marks.push({ index: m.index + m[0].length - m[2]!.length, end: m.index + m[0].length, article: m[2]! });
    }
  }
  const out: LegalBasis[] = [];
  let law = '';
  marks.forEach((mk, i) => {
    if (mk.law) {
      law = mk.law;
      return;
    }
    if (!law) return;
    const next = marks.slice(i + 1).find((n) => n.article)?.index ?? text.length;
    const body = text
      .slice(mk.end, next)
      // the title of the next numbered item, if it sits at the end
      .replace(/(\s|\n)*(\d+(-\d+)?[.．、。]\s*)?(【[^】]+】)?\s*《[^》]+》(（[^）]*）)?\s*$/, '')
      .replace(/(\s|\n)*\d+(-\d+)?[.．、。]\s*(【[^】]+】)?\s*$/, '')
      .replace(/^[\s：:\u3000]+/, '')
      .replace(/\s*\n\s*/g, '\n')
      .trim();
    if (body.length < 6) return;
    const existing = out.find((b) => b.law === law && b.article === mk.article);
    if (!existing) out.push({ law, article: mk.article!, text: body });
    else if (body.length > existing.text.length) existing.text = body;
  });
  return out;
}

/** Splits a cell of numbered items (1. … 2. … or （一）…) into one string per item. */
export function splitItems(raw: string): string[] {
  const text = cleanText(raw);
  if (!text || text === '无') return [];
  // Items are numbered (1. / （一）), one per line, or — in 酒泉's <ol> lists — separated by 「。 」.
  const parts = text.split(/\n+|(?<=[。；;])\s*(?=\d{1,2}[.．、]\D)|(?<=[。；：;])\s+/).map((s) => s.trim()).filter(Boolean);
  // Re-join continuation lines (not starting a new numbered item) onto the previous item.
  const items: string[] = [];
  for (const p of parts) {
    const previous = items.at(-1);
    const continues = previous !== undefined && !/^(\d{1,2}[.．、]|（[一二三四五六七八九十]+）)/.test(p) && !/[。；：;:]$/.test(previous);
    if (continues) items[items.length - 1] += p;
    else items.push(p);
  }
  return items.map((s) => s.replace(/[\u3000 ]+$/g, '').trim()).filter((s) => s.length > 1);
}

const AMOUNT = '[零〇一二两三四五六七八九十百千万\\d]+元';

function fineFrom(clause: string): FineRange {
  const m = new RegExp(`(${AMOUNT})以上(${AMOUNT})以下罚款`).exec(clause);
  if (m) {
    const minYuan = parseYuan(m[1]!);
    const maxYuan = parseYuan(m[2]!);
    return { text: clause, ...(minYuan !== null ? { minYuan } : {}), ...(maxYuan !== null ? { maxYuan } : {}) };
  }
  const upTo = new RegExp(`(${AMOUNT})以下(?:的)?罚款`).exec(clause);
  if (upTo) {
    const maxYuan = parseYuan(upTo[1]!);
    return { text: clause, ...(maxYuan !== null ? { maxYuan } : {}) };
  }
  return { text: clause };
}

const MEASURES = ['暂停相关业务', '停业整顿', '关闭网站', '吊销相关业务许可证', '吊销营业执照', '责令停止相关服务活动', '暂停更新', '吊销经营许可证', '责令关闭网站', '取消备案'];

/** The penalty, read from the basis articles that impose one; null when none does (inspections). */
export function parsePenalty(basis: LegalBasis[]): Penalty | null {
  const clauses = basis.filter((b) => /罚款|警告|没收违法所得|吊销|责令停止/.test(b.text) && /由.{0,40}(责令|给予|处|依据职责)|处.{0,20}罚款/.test(b.text));
  if (clauses.length === 0) return null;
  const all = clauses.map((c) => c.text).join('\n');
  // Sentences about fines: the first on the responsible persons is theirs; the first other one the operator's.
  const sentences = all.split(/[；。\n]/).flatMap((s) => s.split(/，(?=对直接负责的主管人员)/));
  const responsible = sentences.find((s) => /对直接负责的主管人员.*罚款/.test(s));
  const operator = sentences.find((s) => /罚款/.test(s) && !/对直接负责的主管人员/.test(s) && new RegExp(`${AMOUNT}|倍`).test(s));
  const penalty: Penalty = {
    warning: /警告/.test(all),
    orderCorrection: /责令(限期)?改正/.test(all),
    confiscateIllegalIncome: /没收违法所得/.test(all),
    otherMeasures: MEASURES.filter((m) => all.includes(m)),
    text: clauses.map((c) => `${c.law}${c.article}：${c.text}`).join('\n'),
  };
  if (operator) penalty.fineOperator = fineFrom(operator.replace(/^.*?(?=处)/, '').trim());
  if (responsible) penalty.fineResponsible = fineFrom(responsible.replace(/^.*?(?=对直接负责的主管人员)/, '').trim());
  return penalty;
}
