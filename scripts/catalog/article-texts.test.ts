import { describe, expect, it } from 'vitest';
import { chooseArticleTexts, chooseWording, editDistance } from './article-texts.ts';

describe('one wording per article', () => {
  it('measures edit distance', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('一万元以上', '一万元以下')).toBe(1);
  });

  it('prefers the quotation the others agree with, unabridged over elided, fuller on a tie', () => {
    const right = '处一万元以上十万元以下罚款。';
    expect(chooseWording([right, '处一万元以下十万元以下罚款。', right])).toBe(right);
    expect(chooseWording(['违反本法……处一万元以上十万元以下罚款。', right])).toBe(right);
    expect(
      chooseWording(['负责统筹协调网络安全作和相关督管理工作。', '负责统筹协调网络安全工作和相关监督管理工作。']),
    ).toBe('负责统筹协调网络安全工作和相关监督管理工作。');
    expect(chooseWording(['违反本法……处一万元以上十万元以下罚款。'])).toBe('违反本法……处一万元以上十万元以下罚款。');
  });

  it('uses a regulation’s own text where a seed publishes it', () => {
    const law = '《互联网信息内容管理行政执法程序规定》';
    const texts = chooseArticleTexts(
      [{ law, article: '第二条', text: '互联网信息内容管理部门依法实施行政执法……' }],
      [{ law, article: '第二条', text: '全文。' }],
    );
    expect(texts.get(`${law}第二条`)).toBe('全文。');
  });
});
