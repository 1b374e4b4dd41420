// The reviewed law data against the collected legal texts (../shared/law beside the checkout, see
// its README): every amended article's number, text and fines, the 2016 texts that replace the
// lists' abridged quotations, the dates. Without the folder the tests that read it are skipped,
// saying why; CI has it.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from './chinese-numerals.ts';
import { LawDataUse, loadLawVersions, loadPowers } from './law-data.ts';
import { parsePenalty, type PenaltyArticle } from './penalty.ts';
import { ROOT } from './build-catalog.ts';

const LAW_DIR = resolve(ROOT, '..', 'shared', 'law');
const haveLaw = existsSync(LAW_DIR);
const NO_LAW = `skipped: the legal texts ${LAW_DIR} (../shared/law beside the checkout) are absent`;
if (!haveLaw) console.warn(`law-versions.test.ts: ${NO_LAW}`);
const read = (f: string) => readFileSync(join(LAW_DIR, f), 'utf8');

const CSL = '《中华人民共和国网络安全法》';
const data = loadLawVersions();
const amended = data.amendments.find((a) => a.law === CSL && a.version === '2025')!;
const num = (article: string) => parseChineseNumber(/^第(.+?)条/.exec(article)![1]!)!;

/** The articles of a text in the layout of ../shared/law: 「第N条 text」 and its lines, without notes (〔〕, #). */
function articlesOf(text: string): Map<string, string> {
  const out = new Map<string, string[]>();
  let current: string | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.startsWith('〔') || line.trim() === '') continue;
    const m = /^(第[一二三四五六七八九十百]+条) (.*)$/.exec(line);
    if (m?.[2]!.startsWith('〔'))
      current = null; // 「第六十六条 〔整理者注：……未取得〕」: not a text
    else if (m) {
      current = m[1]!;
      out.set(current, [m[2]!]);
    } else if (/^第[一二三四五六七八九十]+[章节]/.test(line)) current = null;
    else if (current) out.get(current)!.push(line);
  }
  return new Map([...out].map(([k, v]) => [k, v.join('\n')]));
}

const lawFile = haveLaw ? read('网络安全法-2025修正.txt') : '';
const [consolidatedPart, notesPart = ''] = lawFile.split('# 说明');
const appendix = lawFile.split('# 附录A')[1] ?? '';
const consolidated = articlesOf(consolidatedPart ?? '');
const before2026 = articlesOf(appendix);

describe.skipIf(!haveLaw)(`the amended 网络安全法 against ../shared/law (${haveLaw ? 'read' : NO_LAW})`, () => {
  it('numbers every article as the concordance of the compiled text does (note 5), or as the 决定 shifts them', () => {
    const note5 = notesPart.slice(notesPart.indexOf('# 5.'), notesPart.indexOf('# 6.'));
    const pairs = new Map<number, number>();
    for (const m of note5.matchAll(/新(\d+)←旧(\d+)/g)) pairs.set(Number(m[2]), Number(m[1]));
    for (const m of note5.matchAll(/新(\d+) 新增（吸收旧([\d、]+)/g))
      for (const old of m[2]!.split('、')) pairs.set(Number(old), Number(m[1]));
    // Chapters 1–5: 「旧第3至17条→新第4至18条 …旧第19至58条→新第21至60条」.
    expect(note5).toContain('旧第3至17条→新第4至18条');
    expect(note5).toContain('旧第19至58条→新第21至60条');
    const expected = (old: number) =>
      old >= 3 && old <= 17 ? old + 1 : old >= 19 && old <= 58 ? old + 2 : pairs.get(old);
    for (const a of amended.articles) expect(num(a.article), a.from).toBe(expected(num(a.from)));
    // The 决定 itself says it for the one penalty article whose item was obtained.
    expect(read('网络安全法-2025修正决定.txt')).toContain('五、将第五十九条改为第六十一条');
  });

  it('copies every obtained text exactly; says unavailable exactly where the compiled text lacks the article', () => {
    for (const a of amended.articles) {
      const source = consolidated.get(a.article);
      if (a.text === null) {
        expect(a.textStatus, a.article).toBe('unavailable');
        expect(source, `${a.article} is missing in ../shared/law too`).toBeUndefined();
        // Either the article's own note (「第六十六条 〔整理者注：第六十六条未取得」) or a range not compiled.
        const own = lawFile.includes(`${a.article} 〔整理者注：${a.article}未取得`);
        const ranges = [...lawFile.matchAll(/〔未辑录：(第.+?条)至(第.+?条)（未能取得）〕/g)].map((m) => [
          num(m[1]!),
          num(m[2]!),
        ]);
        expect(own || ranges.some(([lo, hi]) => lo! <= num(a.article) && num(a.article) <= hi!), a.article).toBe(true);
        continue;
      }
      expect(a.textStatus, a.article).not.toBe('unavailable');
      expect(source, a.article).toBeDefined();
      if (a.article === '第六十五条') {
        // The source page carries two more paragraphs that belong to 第六十六条 (note 3): left out.
        expect(source!.startsWith(`${a.text}\n单位有前款行为的，由公安机关`)).toBe(true);
        expect(a.note).toContain('本目录未采用');
      } else expect(a.text, a.article).toBe(source);
    }
  });

  it('marks as partial the articles the compiled text breaks off (第四十一条, 第七十条)', () => {
    for (const article of ['第四十一条', '第七十条']) {
      const a = amended.articles.find((x) => x.article === article)!;
      expect(a.textStatus).toBe('partial');
      expect(lawFile).toMatch(new RegExp(`〔整理者注：来源页面在第（[一三]）项后中断`));
    }
  });

  it('quotes 第六十一条第一款 as the 决定 words it', () => {
    const decision = read('网络安全法-2025修正决定.txt');
    const item5 = /五、将第五十九条改为第六十一条，修改为：“(.*)$/m.exec(decision)![1]!;
    const a = amended.articles.find((x) => x.article === '第六十一条')!;
    expect(a.text!.split('\n')[0]).toBe(item5);
  });

  it('reads the fines of the amended penalty articles as the texts set them', () => {
    const powers = loadPowers();
    const penalty = (article: string) =>
      parsePenalty(
        [
          {
            law: CSL,
            article,
            text: amended.articles.find((a) => a.article === article)!.text,
            lawVersion: '2025',
          } satisfies PenaltyArticle,
        ],
        { powers, use: new LawDataUse(), authorityOf: () => '网信部门' },
      )!;
    const tiers = (article: string) =>
      penalty(article).fines.map((f) => [f.on, f.minYuan, f.maxYuan, f.when === '' ? '' : f.when.slice(0, 4)]);
    // 第六十一条: warning and up to 5万 without refusal; 5–50万 after refusal or harm; then CII; then serious harm.
    expect(tiers('第六十一条')).toEqual([
      ['operator', 10_000, 50_000, ''],
      ['operator', 50_000, 500_000, '拒不改正'],
      ['responsible', 10_000, 100_000, '拒不改正'],
      ['operator', 50_000, 100_000, '关键信息'],
      ['operator', 100_000, 1_000_000, '拒不改正'],
      ['responsible', 10_000, 100_000, '拒不改正'],
      ['operator', 500_000, 2_000_000, '造成大量'],
      ['responsible', 50_000, 200_000, '造成大量'],
      ['operator', 2_000_000, 10_000_000, '造成关键'],
      ['responsible', 200_000, 1_000_000, '造成关键'],
    ]);
    expect(penalty('第六十一条')).toMatchObject({ warning: true, orderCorrection: true });
    expect(penalty('第六十一条').fines[0]!.article).toBe('第六十一条第一款');
    expect(tiers('第六十二条')).toEqual([
      ['operator', 50_000, 500_000, '拒不改正'],
      ['responsible', 10_000, 100_000, '拒不改正'],
    ]);
    expect(tiers('第六十四条')).toEqual([
      ['operator', 50_000, 500_000, '拒不改正'],
      ['responsible', 10_000, 100_000, '拒不改正'],
    ]);
    expect(tiers('第六十五条')).toEqual([
      ['operator', 10_000, 100_000, ''],
      ['operator', 100_000, 1_000_000, '拒不改正'],
      ['responsible', 10_000, 100_000, '拒不改正'],
    ]);
    expect(tiers('第六十九条')).toEqual([
      ['operator', 50_000, 500_000, ''],
      ['operator', 500_000, 2_000_000, '拒不改正'],
      ['responsible', 50_000, 200_000, '拒不改正'],
      ['operator', 2_000_000, 10_000_000, '造成特别'],
      ['responsible', 200_000, 1_000_000, '造成特别'],
    ]);
    expect(tiers('第七十条')).toEqual([
      ['operator', 50_000, 500_000, '拒不改正'],
      ['responsible', 10_000, 100_000, '拒不改正'],
    ]);
    // 第七十一条 sets no penalty of its own: it refers to other laws.
    expect(penalty('第七十一条')).toMatchObject({
      fines: [],
      referral: expect.stringContaining('依照有关法律、行政法规'),
    });
    // 第六十八条 is the public security organs': nothing of it is the 网信部门's penalty.
    expect(penalty('第六十八条')).toMatchObject({
      warning: false,
      fines: [],
      measures: [{ authority: '公安机关', route: '移送' }],
    });
  });

  it('replaces the abridged 2016 quotations with the text of appendix A, and dates the versions as the texts do', () => {
    for (const t of data.texts) {
      expect(t.law).toBe(CSL);
      expect(t.text.replace(/：/g, ':'), t.article).toBe(before2026.get(t.article)!.replace(/：/g, ':'));
    }
    expect(before2026.get('第七十九条')).toBe('本法自2017年6月1日起施行。');
    const csl = data.laws.find((l) => l.law === CSL)!;
    expect(csl.versions.map((v) => [v.id, v.effectiveFrom, v.effectiveTo])).toEqual([
      ['2016', '2017-06-01', '2025-12-31'],
      ['2025', '2026-01-01', null],
    ]);
    expect(read('网络安全法-2025修正决定.txt')).toContain('# 施行：2026年1月1日');
  });
});

describe('the reviewed law data', () => {
  it('gives every amended article a reason and a source, and no text where none was obtained', () => {
    for (const a of amended.articles) {
      expect(a.concordance.length, a.from).toBeGreaterThan(4);
      if (a.textStatus !== 'checked') expect(a.note.length, a.from).toBeGreaterThan(4);
      expect(a.text === null, a.from).toBe(a.textStatus === 'unavailable');
    }
  });

  it('names the repealed 2017 procedure regulation, never as a basis', () => {
    expect(data.repealed.map((r) => [r.law, r.repealedOn])).toEqual([
      ['《互联网信息内容管理行政执法程序规定》', '2023-06-01'],
    ]);
  });
});
