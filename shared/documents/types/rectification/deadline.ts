// 责令（限期）改正: the party must correct within the period the order states (DOCUMENTS.md §8); when
// it ends the office checks the correction (复查). On the 工作台 as long as the case is open,
// from the day the period counts from (the order's service), with the last day the order states —
// the date the party was told, computed on the working-day calendar when the order was made; when
// the calendar in use now gives another day, both are shown.
import { daysBetween, LAW } from '../../../calendar/working-calendar.ts';
import {
  cn,
  deadlineBase,
  judge,
  type DeadlineRule,
  type DocumentDeadline,
} from '../../../deadlines/document-deadline.ts';
import { DOCUMENT_STATE_LABELS } from '../../document-states.ts';

const RULE: DeadlineRule = {
  label: '责令改正期限',
  duty: '当事人在通知书载明的期限内改正违法行为；期限届满后复查改正情况，拒不改正的依法处理',
  period: '通知书载明的期限',
  days: 0,
  basis: `${LAW}第二十八条（行政机关实施行政处罚时，应当责令当事人改正或者限期改正违法行为）；通知书所引的罚则条款`,
  unverified: null,
};

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export const RECTIFICATION_DEADLINE: DocumentDeadline<'rectification'> = {
  kind: 'rectification',
  rule: RULE,
  startDate: (content) => {
    const from = str((content.deadline as Record<string, unknown> | undefined)?.from);
    return ISO.test(from) ? from : null;
  },
  compute: (p, f, cal, today) => {
    const b = deadlineBase('rectification' as const, RULE, `rectification:${p.documentId}`, p.documentId);
    const stateLabel = DOCUMENT_STATE_LABELS[p.state];
    const d = (p.content.deadline ?? {}) as Record<string, unknown>;
    const days = Number(str(d.days));
    const unit = str(d.unit);
    const printed = ISO.test(str(d.endDate)) ? str(d.endDate) : null;
    if (!p.startDate || !(days > 0) || !unit)
      return {
        ...b,
        from: null,
        dueDate: null,
        earliest: null,
        status: 'unrecorded',
        daysLeft: null,
        rule: '',
        notes: [`${p.docNo}（${stateLabel}）尚未填写改正期限（天数、计算方式、起算日）：无法计算。`],
      };
    const period = `${days}${unit === '工作日' ? '个工作日' : '日'}`;
    const from = { label: `改正期限起算日（${p.docNo}，${stateLabel}）`, date: p.startDate };
    const r = unit === '工作日' ? cal.addWorkingDays(p.startDate, days) : cal.addCalendarDays(p.startDate, days);
    const base = { ...b, period, from, rule: r.rule };
    if (f.status === 'closed')
      return {
        ...base,
        dueDate: printed ?? r.date,
        earliest: null,
        status: 'done',
        daysLeft: null,
        notes: ['案件已结案。'],
      };
    const notes: string[] = [];
    if (p.state === 'draft') notes.push('该通知书仍是草稿：尚未送达的，期限不起算。');
    if (printed) {
      if (r.certain && r.date !== printed)
        notes.push(
          `通知书载明的届满日期为${cn(printed)}，按现行节假日表计算为${cn(r.date!)}：以送达的通知书为准，请核对。`,
        );
      const left = daysBetween(today, printed);
      if (left < 0)
        notes.push('改正期限已届满：请复查当事人的改正情况并记录；拒不改正的，依照通知书所引罚则条款处理。');
      else notes.push('期限届满后应复查改正情况。');
      return { ...base, dueDate: printed, earliest: null, status: left < 0 ? 'overdue' : 'due', daysLeft: left, notes };
    }
    const j = judge(r, today);
    return { ...base, ...j, notes: [...j.notes, ...notes, '通知书尚未载明届满日期。'] };
  },
};
