// A case's statutory deadlines from the facts the device records (DOCUMENTS.md §6,
// docs/DEADLINES.md). Pure: the core computes the dashboard with it. The case's own rules and
// their basis are the table below; a deadline a document opens is its type's (the descriptor's
// `deadlines`, e.g. shared/documents/types/preservation/deadline.ts), and DEADLINE_RULES lists
// them all.
//
// What the device records, and so what can be counted:
// - the case source: the case's creation on this device (案件来源 is entered with it);
// - 立案: the status change to 已立案 (its day), 结案: the change to 已结案;
// - the documents whose type opens a deadline: 先行登记保存, each 登记保存物品清单及通知书 with its
//   登记保存开始日期 (else its signing day);
// - the dates officers record (cases.recordMilestone; the latest of each kind): the 案件来源登记
//   date when earlier than the case's creation, the approval to extend 立案, the service of the
//   行政处罚意见告知书 and the announcement of the decision.
// The 行政处罚意见告知书 and the penalty decision are not documents of this app: until their date
// is recorded, the hearing-request, 陈述申辩 and service periods are listed as not computable.
import { ARTICLE_85, LAW, only2017, type WorkingCalendar } from '../calendar/working-calendar.ts';
import { DOCUMENT_DEADLINES } from '../documents/types/registry.ts';
import type { Deadline, DeadlineKind, DeadlineStatus } from './deadline-api.ts';
import { cn, deadlineBase, judge, UNVERIFIED_2023, type CaseFacts, type DeadlineRule } from './document-deadline.ts';

export type { CaseFacts } from './document-deadline.ts';

/** A running deadline whose last day is today or within this many days is 即将到期. */
export const DUE_SOON_DAYS = 3;

type CaseDeadlineKind = Exclude<DeadlineKind, (typeof DOCUMENT_DEADLINES)[number]['kind']>;

/** The case's own periods: from the case's facts and the dates officers record. */
// The 2023 regulation's text could not be obtained: a period that only the repealed 2017 regulation
// set is shown with that article as what it rested on, marked unverified — never as the law in force.
const CASE_RULES: Record<CaseDeadlineKind, DeadlineRule> = {
  filing: {
    label: '立案期限',
    duty: '符合立案条件的，填写《立案审批表》报负责人批准立案',
    period: '七个工作日（特殊情况下可延长至十五个工作日）',
    days: 7,
    basis: only2017(
      '第十四条（案件来源登记）、第十五条（符合立案条件的，在七个工作日内报负责人批准立案；特殊情况下，可以延长至十五个工作日内立案）',
    ),
    unverified: UNVERIFIED_2023,
  },
  hearingRequest: {
    label: '听证申请期限',
    duty: '当事人要求听证的，应在被告知听证权利后提出；逾期视为放弃',
    period: '五个工作日',
    days: 5,
    basis: `${LAW}第六十四条（当事人要求听证的，应当在行政机关告知后五日内提出）；${ARTICLE_85}`,
    unverified: null,
  },
  statement: {
    label: '陈述申辩期限',
    duty: '当事人在接到《行政处罚意见告知书》后提出陈述、申辩；逾期未提出视为放弃',
    period: '三个工作日',
    days: 3,
    basis: only2017('第三十六条（当事人在接到告知书之日起三个工作日内未提出陈述、申辩的，视为放弃权利）'),
    unverified: UNVERIFIED_2023,
  },
  service: {
    label: '处罚决定书送达',
    duty: '当事人不在场的，依照民事诉讼法的有关规定将《行政处罚决定书》送达当事人',
    period: '七个工作日',
    days: 7,
    basis: `${only2017('第四十条（当事人不在场的，应当在七日内送达）')}；${ARTICLE_85}`,
    unverified: UNVERIFIED_2023,
  },
};

/** Every rule: the case's own and those documents open, by kind. */
export const DEADLINE_RULES: Record<DeadlineKind, DeadlineRule> = {
  ...CASE_RULES,
  ...(Object.fromEntries(DOCUMENT_DEADLINES.map((d) => [d.kind, d.rule])) as Record<
    Exclude<DeadlineKind, CaseDeadlineKind>,
    DeadlineRule
  >),
};

/** What every deadline of a kind says, whatever its status. */
const base = (kind: CaseDeadlineKind, key: string) => deadlineBase(kind, CASE_RULES[kind], key);

function filing(f: CaseFacts, cal: WorkingCalendar, today: string): Deadline {
  const b = base('filing', 'filing');
  const recordedSource = f.recorded?.sourceDate;
  const sourceDate = recordedSource ?? f.sourceDate;
  const from = recordedSource
    ? { label: '《案件来源登记表》登记日期（执法人员记录）', date: recordedSource }
    : { label: '案件来源登记（本机创建案件）', date: f.sourceDate };
  const extendedOn = f.recorded?.filingExtended ?? null;
  const r = cal.addWorkingDays(sourceDate, 7);
  const ext = cal.addWorkingDays(sourceDate, 15);
  const sourceNote = recordedSource
    ? null
    : '以本机创建案件的日期为案件来源登记日；如《案件来源登记表》登记在先，期限应从登记之日起算（可记录登记日期）。';
  const extRecorded = extendedOn ? `已记录负责人于${cn(extendedOn)}批准延长立案期限：期限为十五个工作日。` : null;
  if (f.filedDate) {
    const notes = [`已于${cn(f.filedDate)}立案。`];
    if (r.certain && f.filedDate > r.date!) {
      const withinExt = ext.certain && f.filedDate <= ext.date!;
      if (withinExt && extendedOn)
        notes.push(`晚于七个工作日的期限（${cn(r.date!)}），在经批准延长的十五个工作日内（${cn(ext.date!)}）。`);
      else
        notes.push(
          withinExt
            ? `晚于七个工作日的期限（${cn(r.date!)}），在延长后的十五个工作日内（${cn(ext.date!)}）：应有负责人批准延长的记录。`
            : `晚于立案期限（七个工作日至${cn(r.date!)}${ext.certain ? `，延长后至${cn(ext.date!)}` : ''}）。`,
        );
    }
    if (extRecorded) notes.push(extRecorded);
    const used = extendedOn ? ext : r;
    return {
      ...b,
      from,
      dueDate: used.date,
      earliest: used.earliest,
      status: 'done',
      daysLeft: null,
      rule: used.rule,
      notes,
    };
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
      notes: [`未立案即结案${f.closedDate ? `（${cn(f.closedDate)}）` : ''}。`],
    };
  if (extendedOn) {
    const j = judge(ext, today);
    return {
      ...b,
      period: '十五个工作日（经批准延长）',
      from,
      ...j,
      rule: ext.rule,
      notes: [...j.notes, extRecorded!, ...(sourceNote ? [sourceNote] : [])],
    };
  }
  const j = judge(r, today);
  const extNote = ext.certain
    ? `特殊情况下经批准可延长至十五个工作日，即${cn(ext.date!)}；经批准延长的，请记录批准日期。`
    : `特殊情况下经批准可延长至十五个工作日；延长后的届满日同样超出节假日数据，无法确定（最早${cn(ext.earliest!)}）。经批准延长的，请记录批准日期。`;
  return { ...b, from, ...j, rule: r.rule, notes: [...j.notes, extNote, ...(sourceNote ? [sourceNote] : [])] };
}

function unrecorded(kind: CaseDeadlineKind, why: string): Deadline {
  return {
    ...base(kind, kind),
    from: null,
    dueDate: null,
    earliest: null,
    status: 'unrecorded',
    daysLeft: null,
    rule: '',
    notes: [why],
  };
}

/**
 * A period counted from a recorded date. `partyPeriod`: the period is the party's (hearing request,
 * 陈述申辩) — once it has run out it is 已完成 (期满), not overdue: nothing was due from the office.
 */
function counted(
  kind: CaseDeadlineKind,
  fromLabel: string,
  date: string,
  cal: WorkingCalendar,
  today: string,
  partyPeriod: string | null,
): Deadline {
  const b = base(kind, kind);
  const r = cal.addWorkingDays(date, CASE_RULES[kind].days);
  const from = { label: `${fromLabel}（执法人员记录）`, date };
  const j = judge(r, today);
  if (partyPeriod && j.status === 'overdue')
    return {
      ...b,
      from,
      dueDate: r.date,
      earliest: null,
      status: 'done',
      daysLeft: null,
      rule: r.rule,
      notes: [`已于${cn(r.date!)}期满。${partyPeriod}`],
    };
  return {
    ...b,
    from,
    ...j,
    rule: r.rule,
    notes: partyPeriod
      ? [...j.notes, partyPeriod]
      : [...j.notes, '本机不记录送达：送达后本期限仍显示至结案；以送达回证为准。'],
  };
}

/** The case's deadlines: 立案, each document's (先行登记保存 …), and — once filed — the periods counted from the dates officers record. */
export function caseDeadlines(f: CaseFacts, cal: WorkingCalendar, today: string): Deadline[] {
  const out: Deadline[] = [filing(f, cal, today)];
  for (const p of f.documents) {
    const rule = DOCUMENT_DEADLINES.find((d) => d.kind === p.kind);
    if (!rule) throw new Error(`no document deadline ${p.kind}`);
    out.push(rule.compute(p, f, cal, today));
  }
  if (f.status === 'filed') {
    const notice = f.recorded?.noticeServed;
    const announced = f.recorded?.decisionAnnounced;
    out.push(
      notice
        ? counted(
            'hearingRequest',
            '《行政处罚意见告知书》（听证权利告知）送达日期',
            notice,
            cal,
            today,
            '当事人未在期限内要求听证的，视为放弃听证权利。',
          )
        : unrecorded(
            'hearingRequest',
            '尚未记录听证权利告知（《行政处罚意见告知书》）的送达日期：无法计算。期限自告知之日起算（起算日不计入），为五个工作日。',
          ),
    );
    out.push(
      notice
        ? counted(
            'statement',
            '《行政处罚意见告知书》送达日期',
            notice,
            cal,
            today,
            '当事人未在期限内提出陈述、申辩的，视为放弃此权利。',
          )
        : unrecorded(
            'statement',
            '尚未记录《行政处罚意见告知书》的送达日期：无法计算。期限自接到告知书之日起算（起算日不计入），为三个工作日。',
          ),
    );
    out.push(
      announced
        ? counted('service', '行政处罚决定宣告日期', announced, cal, today, null)
        : unrecorded(
            'service',
            '尚未记录行政处罚决定的宣告日期：无法计算。当事人不在场的，自宣告之日起七个工作日内送达（起算日不计入）。',
          ),
    );
  }
  return out;
}

const RANK: Record<DeadlineStatus, number> = { overdue: 0, due: 1, uncertain: 2, done: 3, unrecorded: 4 };

/** Most urgent first: overdue (longest overdue first), then running and uncertain by the day they (may) end. */
export function byUrgency(a: Deadline, b: Deadline): number {
  const open = (d: Deadline) => d.status === 'overdue' || d.status === 'due' || d.status === 'uncertain';
  if (open(a) && open(b)) return (a.daysLeft ?? 0) - (b.daysLeft ?? 0) || RANK[a.status] - RANK[b.status];
  return RANK[a.status] - RANK[b.status];
}

/** An open deadline (overdue, running or uncertain): what the dashboard lists. */
export const isOpen = (d: Deadline): boolean =>
  d.status === 'overdue' || d.status === 'due' || d.status === 'uncertain';
