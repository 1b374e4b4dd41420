// Chinese line breaking: the rules a reader of an official document expects.
import { describe, expect, it } from 'vitest';
import { breakParagraph, breakText, NO_LINE_END, NO_LINE_START } from './line-break.ts';

// Every CJK character and full-width mark 1 em, Latin half.
const adv = (ch: string) => (ch.charCodeAt(0) < 0x100 ? 0.5 : 1);

describe('line breaking', () => {
  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    const text =
      '我们依法就（有关问题）进行调查，请予配合。你有权进行陈述和申辩：「是否申请回避？」他说：“不申请。”好的！'.repeat(
        6,
      );
    for (let width = 4; width <= 20; width++) {
      const lines = breakParagraph(text, width, adv);
      expect(lines.join('')).toBe(text);
      lines.slice(1).forEach((l) => expect(NO_LINE_START.has(l[0]!), `width ${width}: 「${l}」`).toBe(false));
      lines.slice(0, -1).forEach((l) => expect(NO_LINE_END.has(l.at(-1)!), `width ${width}: 「${l}」`).toBe(false));
      // at most one hanging mark beyond the width
      lines.forEach((l) => expect([...l].reduce((s, c) => s + adv(c), 0)).toBeLessThanOrEqual(width + 1));
    }
  });

  it('lets one closing mark hang rather than pull a character down', () => {
    expect(breakParagraph('一二三四。五六', 4, adv)).toEqual(['一二三四。', '五六']);
  });

  it('where nothing may hang (a grid label), pulls a character down with the closing mark', () => {
    expect(breakParagraph('法定代表人（负责人）', 9, adv, { hang: false })).toEqual(['法定代表人（负责', '人）']);
    expect(breakParagraph('一二三四。五六', 4, adv, { hang: false })).toEqual(['一二三', '四。五六']);
  });

  it('keeps Latin words and numbers whole, but breaks a digest anywhere when asked', () => {
    expect(breakParagraph('域名是xinghe-news.cn的网站', 8, adv)).toEqual(['域名是', 'xinghe-news.cn的', '网站']);
    const hex = 'a'.repeat(64);
    expect(breakParagraph(hex, 16, adv, { anywhere: true })).toEqual(['a'.repeat(32), 'a'.repeat(32)]);
  });

  it('a character wider than the line goes alone rather than looping', () => {
    expect(breakParagraph('𠮷𠮷', 0.5, adv)).toEqual(['𠮷', '𠮷']);
  });

  it('newlines start paragraphs; surrogate pairs are never split', () => {
    const lines = breakText('张𠮷㵘说：\n第二段𠮷𠮷𠮷𠮷', 3, adv);
    expect(lines.map((l) => l.text).join('')).toBe('张𠮷㵘说：第二段𠮷𠮷𠮷𠮷');
    expect(lines.filter((l) => l.first)).toHaveLength(2);
    for (const l of lines) expect(l.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
