// Line breaking of typesetting profile 2: the rules a reader of an official document expects,
// all at once, at every width.
import { describe, expect, it } from 'vitest';
import { breakParagraph } from './line-break.ts';
import { breakParagraph2, breakText2 } from './line-break-2.ts';
import { NO_LINE_END, NO_LINE_START } from './line-break.ts';

// Every CJK character and full-width mark 1 em, Latin half.
const adv = (ch: string) => (ch.charCodeAt(0) < 0x100 ? 0.5 : 1);
const widthOf = (l: string) => [...l].reduce((s, c) => s + adv(c), 0);

const SHA = '7fa51bc613c35ca875bb3167897e4f649e4a2f4de3bb8962b64c586b2849779e';
const SM3 = '9399b8d374306bf3552c47b36034f2a37d0321af9130781d14317fa89dd5deaa';
/** The automatic step an import writes (its digests are content, printed in the paragraph). */
const STEP = `导入电子数据「后台管理员设置页面截图.png」（2331字节），SHA-256：${SHA}，SM3：${SM3}。`;

describe('line breaking, profile 2', () => {
  it('never starts a line with a closing mark nor ends one with an opening mark, next to Latin words too', () => {
    const text =
      `${STEP}我们依法就（有关问题）进行调查，请予配合：「是否申请回避？」他说：“不申请。”见（https://www.xinghe-news.cn/admin/）（2026年）`.repeat(
        2,
      );
    for (let width = 4; width <= 40; width += 0.5) {
      const lines = breakParagraph2(text, width, adv);
      expect(lines.join('')).toBe(text);
      lines.slice(1).forEach((l) => expect(NO_LINE_START.has(l[0]!), `width ${width}: 「${l}」`).toBe(false));
      lines.slice(0, -1).forEach((l) => expect(NO_LINE_END.has(l.at(-1)!), `width ${width}: 「${l}」`).toBe(false));
      lines.forEach((l) => expect(widthOf(l), `width ${width}: 「${l}」`).toBeLessThanOrEqual(width + 1));
    }
  });

  it('where profile 1 left an opening bracket at the line end, profile 2 does not', () => {
    const text = '导入电子数据「截图.png」（2331字节）';
    // Profile 1 moves the break back to keep 2331 whole and leaves （ behind (kept as released) …
    expect(breakParagraph(text, 13.5, adv)[0]).toBe('导入电子数据「截图.png」（');
    expect(breakParagraph2(text, 13.5, adv)).toEqual(['导入电子数据「截图.png」', '（2331字节）']);
    // … starts a line with .png, parts 字节 …
    expect(breakParagraph(text, 10, adv)).toEqual(['导入电子数据「截图', '.png」（2331字节）']);
    expect(breakParagraph2(text, 10, adv)).toEqual(['导入电子数据「截', '图.png」（2331字节）']);
    expect(breakParagraph(text, 8, adv)[1]).toBe('图.png」（2331字');
    expect(breakParagraph2(text, 8, adv)).toEqual(['导入电子数据「截', '图.png」', '（2331字节）']);
  });

  it('breaks a digest in even groups: 32 digits where they fit, else 16, 8 or 4', () => {
    const pieces = (width: number) =>
      breakParagraph2(`SHA-256：${SHA}，SM3：${SM3}。`, width, adv)
        .flatMap((l) => l.match(/[0-9a-f]{4,}/g) ?? [])
        .map((h) => h.length);
    expect(pieces(30)).toEqual([32, 32, 32, 32]);
    expect(pieces(17)).toEqual([32, 32, 32, 32]);
    expect(pieces(12)).toEqual([16, 16, 16, 16, 16, 16, 16, 16]);
    expect(pieces(6)).toEqual(Array(16).fill(8));
    // A digest that fits on a line stays whole.
    expect(breakParagraph2(`SHA-256：${SHA}`, 34, adv)).toEqual([`SHA-256：`, SHA]);
  });

  it('breaks the imported step’s digests only at group boundaries, at the body width', () => {
    for (let width = 20; width <= 39; width++) {
      const hex = breakParagraph2(STEP, width, adv).flatMap((l) => l.match(/[0-9a-f]{20,}/g) ?? []);
      expect(
        hex.every((h) => h.length % 16 === 0),
        `width ${width}: ${hex.join(' | ')}`,
      ).toBe(true);
      expect(hex.join('')).toBe(SHA + SM3);
    }
  });

  it('breaks URLs, paths and file names only after their separators', () => {
    expect(breakParagraph2('https://www.xinghe-news.cn/admin/users/1', 8, adv)).toEqual([
      'https://www.',
      'xinghe-news.cn/',
      'admin/users/1',
    ]);
    expect(breakParagraph2('nginx-access.log', 6, adv)).toEqual(['nginx-', 'access.log']);
    expect(breakParagraph2('/var/log/nginx/access.log', 6, adv)).toEqual(['/var/log/', 'nginx/', 'access.log']);
    // never inside the scheme's //
    for (let w = 4; w < 12; w += 0.5)
      for (const l of breakParagraph2('https://example.org/a', w, adv)) expect(l).not.toBe('https:/');
    // a stretch with no separator longer than the line is cut where it must
    expect(breakParagraph2('WX12A34567890123', 4, adv)).toEqual(['WX12A345', '67890123']);
    // a word that fits on a line goes whole to the next line
    expect(breakParagraph2('域名是xinghe-news.cn的网站', 8, adv)).toEqual(['域名是', 'xinghe-news.cn的', '网站']);
  });

  it('keeps a number with its unit, 第 with its number and a document number whole', () => {
    for (let width = 4; width <= 12; width++) {
      for (const text of ['2026年12月7日9时05分', '共2331字节', '见网信案取〔2026〕0001号第3项']) {
        const lines = breakParagraph2(text, width, adv);
        expect(lines.join('')).toBe(text);
        lines.slice(1).forEach((l) => expect(l, `width ${width}`).not.toMatch(/^[年月日时分字节号项]/));
        lines.slice(0, -1).forEach((l) => expect(l, `width ${width}`).not.toMatch(/第$/));
        if (width >= 9) expect(lines.some((l) => l.includes('〔2026〕0001号')) || !text.includes('〔')).toBe(true);
      }
    }
    expect(breakParagraph2('2026年12月7日9时05分', 4, adv)).toEqual(['2026年', '12月7日', '9时05分']);
  });

  it('hangs one closing mark, or pulls a character down where nothing may hang', () => {
    expect(breakParagraph2('一二三四。五六', 4, adv)).toEqual(['一二三四。', '五六']);
    expect(breakParagraph2('一二三四。五六', 4, adv, { hang: false })).toEqual(['一二三', '四。五六']);
  });

  it('newlines start paragraphs; a character wider than the line goes alone; surrogates stay whole', () => {
    const lines = breakText2('张𠮷㵘说：\n第二段𠮷𠮷𠮷𠮷', 3, adv);
    expect(lines.map((l) => l.text).join('')).toBe('张𠮷㵘说：第二段𠮷𠮷𠮷𠮷');
    expect(lines.filter((l) => l.first)).toHaveLength(2);
    for (const l of lines) expect(l.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(breakParagraph2('𠮷𠮷', 0.5, adv)).toEqual(['𠮷', '𠮷']);
  });
});
