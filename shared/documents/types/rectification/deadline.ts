// 责令（限期）改正: the party must correct within the period the order states (DOCUMENTS.md §8); when
// it ends the office checks the correction (复查). On the 工作台 as long as the case is open,
// from the day the period counts from (the order's service), until a sealed 复查 of the order (a
// 现场笔录 whose measure 「复查」 links it: DOCUMENTS.md §8) closes it with its outcome — a 未改正
// says what follows, the order's penalty article; with the last day the order states —
// the date the party was told, computed on the working-day calendar when the order was made; when
// the calendar in use now gives another day, both are shown.
import { daysBetween, LAW } from '../../../calendar/working-calendar.ts';
import {
  cn,
  deadlineBase,
  judge,
  type DeadlineClosingFact,
  type DeadlineRule,
  type DocumentDeadline,
} from '../../../deadlines/document-deadline.ts';
import { DOCUMENT_STATE_LABELS } from '../../document-states.ts';
import { citeArticles } from './law-snapshot.ts';

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

/** The penalty articles the order cites (《…》第六十一条), as its content froze them. */
function penaltyArticles(content: Record<string, unknown>): string {
  const law = (content.law ?? {}) as { articles?: { law?: string; article?: string; role?: string }[] };
  return citeArticles(
    (law.articles ?? [])
      .filter((a) => a.role === 'order' && a.law && a.article)
      .map((a) => ({ law: a.law!, article: a.article! })),
  );
}

/** What the 工作台 says of a sealed 复查: who checked when, what was found, and what follows. */
export function reviewNotes(review: DeadlineClosingFact, content: Record<string, unknown>, printed: string | null) {
  const notes = [`已复查：${review.label}${review.docNo}${review.date ? `（${cn(review.date)}）` : ''}，已封存。`];
  const o = review.outcome;
  if (o) notes.push(`复查结论：${o.result}${o.text ? `。复查情况：${o.text}` : '。'}`);
  const articles = penaltyArticles(content) || '通知书所引罚则条款';
  const consequence = str(content.consequence);
  if (o?.result === '未改正')
    notes.push(
      `当事人逾期未改正：依照${articles}依法处理${consequence ? `（通知书载明：${consequence}）` : ''}。请依法立案调查或者作出行政处罚。`,
    );
  if (o?.result === '部分改正')
    notes.push(`当事人部分改正：未改正的部分依照${articles}依法处理，或者再次责令限期改正。`);
  if (review.date && printed && review.date <= printed)
    notes.push(`复查在改正期限届满（${cn(printed)}）之前：现场笔录应写明提前复查的原因。`);
  return notes;
}

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
    // Only a sealed 复查 of this order closes the period.
    const review = p.closedBy.find((c) => c.state === 'sealed');
    if (review)
      return {
        ...base,
        dueDate: printed ?? r.date,
        earliest: null,
        status: 'done',
        daysLeft: null,
        notes: reviewNotes(review, p.content, printed),
      };
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
    const pending = p.closedBy[0];
    if (pending)
      notes.push(
        `${pending.label}${pending.docNo}（${DOCUMENT_STATE_LABELS[pending.state]}）记录了复查${pending.outcome ? `（${pending.outcome.result}）` : ''}，封存后本期限即完成。`,
      );
    if (printed) {
      if (r.certain && r.date !== printed)
        notes.push(
          `通知书载明的届满日期为${cn(printed)}，按现行节假日表计算为${cn(r.date!)}：以送达的通知书为准，请核对。`,
        );
      const left = daysBetween(today, printed);
      if (left < 0)
        notes.push(
          '改正期限已届满：请复查当事人的改正情况，记入现场笔录（措施「复查」，关联本通知书，选择复查结论），封存后本期限即完成；拒不改正的，依照通知书所引罚则条款处理。',
        );
      else notes.push('期限届满后应复查改正情况（现场笔录的措施「复查」）。');
      return { ...base, dueDate: printed, earliest: null, status: left < 0 ? 'overdue' : 'due', daysLeft: left, notes };
    }
    const j = judge(r, today);
    return { ...base, ...j, notes: [...j.notes, ...notes, '通知书尚未载明届满日期。'] };
  },
};
