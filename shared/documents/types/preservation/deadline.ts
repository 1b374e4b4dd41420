// 先行登记保存: a decision on the items kept is due within seven working days (DOCUMENTS.md §6,
// docs/DEADLINES.md), counted from the 登记保存开始日期 entered in the document, else from the day
// it was fully signed. One deadline per document (not corrected by a 补正), on the 工作台, until a
// sealed 先行登记保存物品处理决定书 names the document (shared/documents/types/disposal/).
import { ARTICLE_85, LAW } from '../../../calendar/working-calendar.ts';
import {
  cn,
  deadlineBase,
  judge,
  type DeadlineRule,
  type DocumentDeadline,
} from '../../../deadlines/document-deadline.ts';
import { DOCUMENT_STATE_LABELS } from '../../document-states.ts';

const RULE: DeadlineRule = {
  label: '先行登记保存处理决定',
  duty: '对先行登记保存的物品作出处理决定（采取证据保全措施后返还、送检、没收或解除登记保存）',
  period: '七个工作日',
  days: 7,
  // 第五十六条 is verified (../shared/law); the repealed 2017 regulation's 第二十八条 said the same and is not cited.
  basis: `${LAW}第五十六条（先行登记保存的，应当在七日内及时作出处理决定）；${ARTICLE_85}`,
  unverified: null,
};

export const PRESERVATION_DEADLINE: DocumentDeadline<'preservation'> = {
  kind: 'preservation',
  rule: RULE,
  startDate: (content) => {
    const start = content.startDate;
    return typeof start === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(start) ? start : null;
  },
  compute: (p, f, cal, today) => {
    const b = deadlineBase('preservation' as const, RULE, `preservation:${p.documentId}`, p.documentId);
    const stateLabel = DOCUMENT_STATE_LABELS[p.state];
    const fromDate = p.startDate ?? p.signedDate;
    if (!fromDate) {
      return {
        ...b,
        from: null,
        dueDate: null,
        earliest: null,
        status: 'unrecorded',
        daysLeft: null,
        rule: '',
        notes: [`${p.docNo}（${stateLabel}）尚未填写登记保存开始日期，也未签名：无法计算。`],
      };
    }
    const from = {
      label: p.startDate
        ? `登记保存开始日期（${p.docNo}，${stateLabel}）`
        : `签名完成日期（${p.docNo}未填写登记保存开始日期）`,
      date: fromDate,
    };
    const r = cal.addWorkingDays(fromDate, RULE.days);
    // A sealed 处理决定书 naming this document closes the period (its date against the last day).
    const decided = p.closedBy.find((c) => c.state === 'sealed');
    if (decided) {
      const notes = [
        `已作出处理决定：${decided.label}${decided.docNo}${decided.date ? `（${cn(decided.date)}）` : ''}，已封存。`,
      ];
      if (decided.date && r.certain && decided.date > r.date!)
        notes.push(`处理决定晚于期限（${cn(r.date!)}）：处理决定书应载明逾期的原因。`);
      return { ...b, from, dueDate: r.date, earliest: r.earliest, status: 'done', daysLeft: null, rule: r.rule, notes };
    }
    if (f.status === 'closed')
      return {
        ...b,
        from,
        dueDate: r.date,
        earliest: r.earliest,
        status: 'done',
        daysLeft: null,
        rule: r.rule,
        notes: ['案件已结案。'],
      };
    const j = judge(r, today);
    const pending = p.closedBy[0];
    const notes = [
      ...j.notes,
      pending
        ? `${pending.label}${pending.docNo}（${DOCUMENT_STATE_LABELS[pending.state]}）封存后本期限即完成。`
        : '作出《先行登记保存物品处理决定书》并封存后，本期限即完成。',
    ];
    if (p.state === 'draft') notes.push('该文书仍是草稿：如未实施登记保存，请删除或不再使用该文书。');
    return { ...b, from, ...j, rule: r.rule, notes };
  },
};
