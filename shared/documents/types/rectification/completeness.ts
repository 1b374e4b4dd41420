// What a 责令（限期）改正通知书 needs before it may go to signing (DOCUMENTS.md §8; 行政处罚法 第二十八条):
// the party, the facts, the law in the version that applies with its text, what to correct, the
// period with its last day, the consequence, the date and two officers. Each issue names the field.
import { collector, filled, type CompletenessIssue } from '../../completeness-rules.ts';
import type { RectificationContent } from './content.ts';

/** Every rule code: completeness.test.ts demands a failing case for each. */
export const RECTIFICATION_RULES = [
  'partyName',
  'facts',
  'law',
  'orderArticle',
  'articleText',
  'violation',
  'orderBasis',
  'corrections',
  'correctionText',
  'deadlineDays',
  'deadlineUnit',
  'deadlineFrom',
  'deadlineEnd',
  'deadlineOrder',
  'consequence',
  'issueDate',
  'officers',
] as const;

export function checkRectification(c: RectificationContent): CompletenessIssue[] {
  const { issues, need } = collector<(typeof RECTIFICATION_RULES)[number]>();
  need(filled(c.party.name), 'partyName', 'party.name', '请填写当事人名称或姓名。');
  need(filled(c.facts), 'facts', 'facts', '请填写经查明的违法事实（时间、经过，及记载这些事实的笔录）。');
  const articles = c.law.articles;
  need(
    articles.length > 0,
    'law',
    'law',
    '尚未载入所依据的法律条文：案件须先记录违法行为时间并确定适用的法律版本（行政处罚法第三十七条），再在本文书中「按案件载入法律依据」。',
  );
  if (articles.length > 0)
    need(
      articles.some((a) => a.role === 'order'),
      'orderArticle',
      'law',
      '所载条文中没有规定责令改正的条款（罚则条款）：请核对案件的执法事项。',
    );
  articles.forEach((a, i) =>
    need(
      filled(a.text),
      'articleText',
      `law.articles.${i}.text`,
      `${a.law}${a.article}的条文未能取得：请核对官方文本后填写条文，不得凭记忆引用。`,
    ),
  );
  need(filled(c.violation), 'violation', 'violation', '请写明当事人违反的法律规定（法律名称及条款）。');
  need(filled(c.orderBasis), 'orderBasis', 'orderBasis', '请写明责令改正所依据的条款。');
  need(c.corrections.length > 0, 'corrections', 'corrections', '请逐项写明应当改正的内容。');
  c.corrections.forEach((r, i) =>
    need(filled(r.text), 'correctionText', `corrections.${i}.text`, `第${i + 1}项改正内容为空：请填写或删除该项。`),
  );
  const d = c.deadline;
  need(/^[1-9]\d*$/.test(d.days), 'deadlineDays', 'deadline.days', '请填写改正期限的天数（正整数）。');
  need(filled(d.unit), 'deadlineUnit', 'deadline.unit', '请选择改正期限按日还是按工作日计算。');
  need(filled(d.from), 'deadlineFrom', 'deadline.from', '请填写改正期限的起算日（通常为本通知书送达之日）。');
  need(filled(d.endDate), 'deadlineEnd', 'deadline.endDate', '请计算并填写改正期限的届满日期。');
  if (filled(d.from) && filled(d.endDate))
    need(d.endDate > d.from, 'deadlineOrder', 'deadline.endDate', '改正期限的届满日期须晚于起算日。');
  need(filled(c.consequence), 'consequence', 'consequence', '请写明逾期不改正的法律后果。');
  need(filled(c.issueDate), 'issueDate', 'issueDate', '请填写通知书的日期。');
  need(
    new Set(c.officerIds.filter(Boolean)).size >= 2,
    'officers',
    'officerIds',
    '须有两名不同的执法人员（执法人员不得少于两人）。',
  );
  return issues;
}
