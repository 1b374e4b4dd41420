// The penalty a matter carries in one period, read from the wording of its penalty articles as they
// read then: warning, order to correct, confiscation, every fine with its condition, the other
// measures — and who imposes each (powers.json): the 网信部门, or another department to which the
// case is 移送/通报. An article whose sanctions are all another department's gives the 网信部门
// nothing; an article whose text could not be obtained is named in the note, never guessed.
import type { FineRange, FineTier, Measure, Penalty } from '../../shared/catalog/catalog-schema.ts';
import { parseYuan } from './chinese-numerals.ts';
import type { LawDataUse, Powers } from './law-data.ts';

/** An article that imposes a penalty (as opposed to one that sets a duty or a competence). */
export function imposesPenalty(text: string): boolean {
  return /罚款|警告|没收违法所得|吊销|停业整顿|关闭网站|暂停新闻信息更新|责令停止|拘留/.test(text);
}

/** The law sets no penalty of its own but refers to others (网络安全法 2025 第七十一条). */
const REFERRAL = /依照有关法律、行政法规的规定处理、处罚/;

/**
 * The fine phrases: 「处一万元以上十万元以下罚款」, 「对直接负责的主管人员处五千元以上五万元以下罚款」,
 * 「对直接负责的主管人员和其他直接责任人员，处…罚款」, 「并处…罚款」, 「处违法所得一倍以上十倍以下罚款」.
 */
const FINE = /(对直接负责的主管人员[^，。；：处]*[，,]?\s*)?(?:可以)?(?:并)?处([^，。；：处]*?)罚款/g;
/** The alternative that follows a multiple of the illegal income: 「，没有违法所得的，处一百万元以下罚款」. */
const NO_INCOME = /^[，；,;]\s*(没有违法所得的[^。；]*?罚款)/;
const AMOUNT = '[零〇一二两三四五六七八九十百千万亿\\d]+元';

export function parseFine(text: string): FineRange {
  const amounts = new RegExp(`^处[^，。；]*?(${AMOUNT})(?:以上(${AMOUNT}))?以下(?:的)?罚款$`).exec(
    text.replace(/^对直接负责的主管人员[^处]*/, ''),
  );
  if (!amounts || /倍/.test(text)) return { text };
  const first = parseYuan(amounts[1]!);
  const second = amounts[2] ? parseYuan(amounts[2]) : null;
  if (second !== null && first !== null) return { text, minYuan: first, maxYuan: second };
  if (first !== null && !amounts[2]) return { text, maxYuan: first };
  return { text };
}

/**
 * The condition a fine at `index` applies under: the last clause ending in 的 of its sentence
 * (「拒不改正或者导致危害网络安全等后果的」). The first sentence of an article's first paragraph
 * describes the offence itself: that is the general case, ''.
 */
function condition(text: string, index: number): { paragraph: number; when: string } {
  const before = text.slice(0, index);
  // Items （一）（二） are not paragraphs: a fine in an item belongs to the paragraph above it.
  const paragraph = before.split('\n').filter((l) => !ITEM.test(l)).length;
  const cut = Math.max(before.lastIndexOf('；'), before.lastIndexOf('。'), before.lastIndexOf('\n'));
  const segment = before.slice(cut + 1);
  const opening = paragraph === 1 && !/[；。]/.test(before);
  const when = [...segment.split(/[，,]/)].reverse().find((s) => s.endsWith('的')) ?? '';
  return { paragraph, when: opening ? '' : when };
}

const ITEM = /^（[一二三四五六七八九十]+）/;
const PARAGRAPHS = ['', '第一款', '第二款', '第三款', '第四款', '第五款', '第六款'];

/** Every fine of one article, in order, with its condition. */
export function findFines(text: string, article: string): FineTier[] {
  const out: FineTier[] = [];
  let consumed = 0; // the 没有违法所得的 alternative read with a multiple is part of that fine
  for (const m of text.matchAll(FINE)) {
    if (!/元|倍/.test(m[2]!) || m.index < consumed) continue; // 「处罚」「处置」 are no fines
    const responsible = m[1] !== undefined;
    let phrase = m[0].replace(/^(?:可以)?并?/, '').replace(/[，,]\s*(?=处)/, '，');
    if (!responsible) phrase = phrase.slice(phrase.indexOf('处'));
    if (/倍/.test(m[2]!)) {
      const alt = NO_INCOME.exec(text.slice(m.index + m[0].length));
      if (alt) {
        phrase += `，${alt[1]}`;
        consumed = m.index + m[0].length + alt[0].length;
      }
    }
    const { paragraph, when } = condition(text, m.index);
    const paragraphs = text.split('\n').filter((l) => !ITEM.test(l)).length;
    out.push({
      ...parseFine(phrase),
      on: responsible ? 'responsible' : 'operator',
      when,
      article: paragraphs > 1 ? `${article}${PARAGRAPHS[paragraph] ?? ''}` : article,
    });
  }
  return out;
}

/** The other measures, named as the articles name them, in the order they first appear. */
const MEASURES: [string, RegExp][] = [
  ['予以通报（通报批评）', /予以通报/],
  ['暂停相关业务', /暂停相关业务/],
  ['停业整顿', /停业整顿/],
  ['关闭网站或者应用程序', /关闭网站或者应用程序/],
  ['关闭网站', /关闭网站(?!或者应用程序)/],
  ['吊销相关业务许可证', /吊销相关业务许可证/],
  ['吊销营业执照', /吊销营业执照/],
  ['吊销经营许可证', /吊销经营许可证/],
  ['停止相关服务活动', /停止相关服务活动/],
  ['暂停新闻信息更新', /暂停新闻信息更新/],
  ['停止使用', /停止使用/],
  ['消除对国家安全的影响', /消除对国家安全的影响/],
  ['不予换发许可证', /不予换发许可证/],
  ['拘留', /拘留/],
];

const sameRange = (a: FineRange, b: FineRange) =>
  a.minYuan === b.minYuan &&
  a.maxYuan === b.maxYuan &&
  (a.minYuan !== undefined || a.maxYuan !== undefined || a.text === b.text);

/** A penalty article as it reads in the period: text null where it could not be obtained. */
export interface PenaltyArticle {
  law: string;
  article: string;
  text: string | null;
  /** The law version it belongs to (powers.json `in`). */
  lawVersion: string;
}

export interface PenaltyContext {
  powers: Powers;
  /** Who imposes the sanctions a law gives the 网信部门 (law-versions.json `authority`). */
  authorityOf: (law: string) => string;
  use: LawDataUse;
}

/** The 网信部门's authority for one article: the law's, unless powers.json names the levels. */
function authorityFor(law: string, article: string, ctx: PenaltyContext): string {
  const a = ctx.powers.authorities.find((x) => x.law === law && x.article === article);
  if (!a) return ctx.authorityOf(law);
  ctx.use.mark(`authority:${law}${article}`);
  return a.authority;
}

const fineRange = (f: FineTier): FineRange => ({
  text: f.text,
  ...(f.minYuan !== undefined ? { minYuan: f.minYuan } : {}),
  ...(f.maxYuan !== undefined ? { maxYuan: f.maxYuan } : {}),
});

/**
 * The penalty of a matter from its penalty articles. Where one article has several fines for the
 * operator (a general case, then the case of refusal or harm, then operators of critical
 * information infrastructure), the first — the general case — is `fineOperator`, and `fines` lists
 * them all with their conditions. Where the matter's penalty articles set different general fines
 * (a list that names one matter for many articles), no single range would be true: the general
 * ranges are left out. Null when no article imposes a penalty, none refers to other laws, and no
 * department is named for it.
 */
export function parsePenalty(articles: PenaltyArticle[], ctx: PenaltyContext): Penalty | null {
  const measures: Measure[] = [];
  const own: { law: string; article: string; text: string }[] = [];
  const missing: string[] = [];
  let referral: string | undefined;
  for (const a of articles) {
    const cite = `${a.law}${a.article}`;
    const power = ctx.powers.articles.find(
      (p) => p.law === a.law && p.article === a.article && (p.in === undefined || p.in === a.lawVersion),
    );
    if (power) {
      ctx.use.mark(`power:${power.law}${power.in ?? ''}${power.article}`);
      for (const m of power.measures) measures.push({ ...m, article: cite });
      continue;
    }
    if (a.text === null) missing.push(cite);
    else if (REFERRAL.test(a.text)) referral = `依照有关法律、行政法规的规定处理、处罚（${cite}）`;
    else if (imposesPenalty(a.text)) own.push({ law: a.law, article: a.article, text: a.text });
  }
  if (own.length === 0 && measures.length === 0 && referral === undefined && missing.length === 0) return null;

  const all = own.map((c) => c.text).join('\n');
  const perArticle = own.map((c) => findFines(c.text, c.article));
  for (const { law, article, text } of own) {
    for (const [name, re] of MEASURES) {
      if (!re.test(text) || measures.some((m) => m.name === name)) continue;
      const rule = ctx.powers.measures.find((r) => r.name === name);
      if (rule) ctx.use.mark(`measure:${name}`);
      measures.push({
        name,
        authority: rule?.authority ?? authorityFor(law, article, ctx),
        route: rule?.route ?? null,
        article: `${law}${article}`,
        note: rule?.note ?? '',
      });
    }
  }
  // The 网信部门's own measures in the order the articles name them, then the other departments'.
  const order = (m: Measure) => {
    const at = all.search(MEASURES.find(([n]) => n === m.name)?.[1] ?? /$^/);
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  measures.sort((x, y) => Number(x.route !== null) - Number(y.route !== null) || order(x) - order(y));

  const firstOf = (on: FineTier['on']) =>
    perArticle.map((fines) => fines.find((f) => f.on === on)).filter((f) => f !== undefined);
  const single = (fines: FineTier[]) =>
    fines.length > 0 && fines.every((f) => sameRange(f, fines[0]!)) ? fineRange(fines[0]!) : undefined;
  const authorities = [...new Set(own.map((c) => authorityFor(c.law, c.article, ctx)))];
  const notes = missing.map((c) => `${c}的条文未能取得，其处罚未能读出。`);
  if (own.length === 0 && referral === undefined && measures.length > 0)
    notes.push(
      '本事项所列的处罚均由其他部门实施，网信部门没有相应的处罚权：发现此类违法行为的，按所列部门移送或者通报。',
    );
  const penalty: Penalty = {
    authority:
      authorities.join('；') ||
      (referral !== undefined ? '依照有关法律、行政法规的规定（本法未规定）' : '其他部门（见各项措施）'),
    warning: /警告/.test(all),
    orderCorrection: /责令(?:限期)?改正/.test(all),
    confiscateIllegalIncome: /没收违法所得/.test(all),
    fines: perArticle.flat(),
    measures,
    note: notes.join(''),
    text:
      articles
        .filter((a) => a.text !== null)
        .map((a) => `${a.law}${a.article}：${a.text}`)
        .join('\n') || missing.map((c) => `${c}：（条文未能取得）`).join('\n'),
  };
  if (referral !== undefined) penalty.referral = referral;
  const operator = single(firstOf('operator'));
  const responsible = single(firstOf('responsible'));
  if (operator) penalty.fineOperator = operator;
  if (responsible) penalty.fineResponsible = responsible;
  return penalty;
}
