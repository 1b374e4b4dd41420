// What the demo says about the law of its cases (docs/LAW.md): one line per case for 示例说明.txt,
// and the question of the sample inquiry that puts the penalty article to the party — quoted from
// the version that applies to the case's conduct, as the catalog gives it.
import { periodKey, periodLabel } from '../shared/catalog/law-in-force.ts';
import { TEXT_STATUS_LABELS } from '../shared/catalog/catalog-schema.ts';
import { conductLabel } from '../shared/domain/case-law.ts';
import type { CaseDetail } from '../shared/domain/case.ts';
import type { InquiryContent } from '../shared/documents/types/inquiry/content.ts';

/** 违法行为时间…；适用…（理由） — or why none applies yet. */
export function lawLine(c: CaseDetail): string {
  const law = c.law;
  const when = law.conduct ? `违法行为时间${conductLabel(law.conduct)}` : '未记录违法行为时间';
  const applies = law.candidates.find((p) => periodKey(p) === law.applies);
  if (!applies) return `${when}；涉及${law.candidates.length}个法律版本，尚未确定适用哪一个`;
  const both =
    law.candidates.length > 1
      ? `（涉及修改前后两个版本：${law.candidates.map((p) => `${periodLabel(p)} ${p.basisShort}`).join('；')}；已按行政处罚法第三十七条确定）`
      : '';
  return `${when}；适用${periodLabel(applies)}的${applies.basisShort}：${applies.penaltyShort}${both}`;
}

/**
 * The inquiry with one more question before the last: the first paragraph of the penalty article
 * that applies, quoted. Refuses (throws) where no version applies yet or its text is not verified
 * enough to be put to a party — the demo must not print an unverified text.
 */
export function withLawQuestion(content: InquiryContent, c: CaseDetail): InquiryContent {
  const applies = c.law.candidates.find((p) => periodKey(p) === c.law.applies);
  const article = applies?.basis.find((b) => b.penaltyArticle && b.text);
  if (!applies || !article?.text) throw new Error(`${c.caseNo}: no applicable penalty article to quote`);
  // The first paragraph: of 第六十一条 it is the one the 决定 itself words (item 五), so verified.
  const first = article.text.split('\n')[0]!;
  if (article.textStatus === 'unavailable' || article.textStatus === 'partial')
    throw new Error(`${article.law}${article.article}: ${TEXT_STATUS_LABELS[article.textStatus]}`);
  const paragraphs = article.text.split('\n').filter((l) => !/^（[一二三四五六七八九十]+）/.test(l)).length;
  const q = {
    id: 'q-law',
    q: `${article.law}${article.article}${paragraphs > 1 ? '第一款' : ''}规定：「${first}」你单位网络日志只留存7日、后台管理员账号使用弱口令，涉嫌不履行该条规定的网络安全保护义务。你对此有什么陈述和申辩？`,
    a: '我们认识到了问题，没有异议，会按要求立即整改。',
  };
  return { ...content, qa: [...content.qa.slice(0, -1), q, ...content.qa.slice(-1)] };
}
