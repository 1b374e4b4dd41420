// How a deadline is shown: a coloured tag (逾期N天, 今天到期, 还剩N天, 无法确定 …), a one-line
// summary, and the details — the period, what is due, what it counts from, the last day, the
// legal basis, the counting rule and every note (an uncertainty's reason, a missing fact).
import { Descriptions, Tag } from 'antd';
import { weekdayOf } from '../../shared/calendar/working-calendar.ts';
import { DUE_SOON_DAYS } from '../../shared/deadlines/case-deadlines.ts';
import { DEADLINE_STATUS_LABELS, type CalendarSummary, type Deadline } from '../../shared/deadlines/deadline-api.ts';
import { formatMinuteChinese } from '../../shared/documents/local-time.ts';
import { formatTime } from '../app/format.ts';

export const cnDate = (d: string) => `${formatMinuteChinese(d)}（${weekdayOf(d)}）`;

export function DeadlineTag({ d }: { d: Deadline }) {
  const left = d.daysLeft ?? 0;
  if (d.status === 'overdue') return <Tag color="red">逾期{-left}天</Tag>;
  if (d.status === 'due')
    return <Tag color={left <= DUE_SOON_DAYS ? 'orange' : 'blue'}>{left === 0 ? '今天到期' : `还剩${left}天`}</Tag>;
  if (d.status === 'uncertain') return <Tag color="gold">无法确定</Tag>;
  if (d.status === 'done') return <Tag color="green">已完成</Tag>;
  return <Tag>{DEADLINE_STATUS_LABELS[d.status]}</Tag>;
}

/** 立案期限 2026年11月27日（周五）前 — or 最早2027年1月4日 — or why it cannot be counted. */
export function deadlineWhen(d: Deadline): string {
  if (d.dueDate && d.status !== 'done') return `${cnDate(d.dueDate)}前`;
  if (d.status === 'uncertain' && d.earliest) return `最早可能在${cnDate(d.earliest)}届满`;
  if (d.status === 'done') return d.notes[0] ?? '';
  return '缺少起算日期';
}

export function DeadlineLine({ d }: { d: Deadline }) {
  return (
    <div className="deadline-line" data-testid="deadline-line" data-status={d.status}>
      <DeadlineTag d={d} />
      <b>{d.label}</b>
      <span className="deadline-when">{deadlineWhen(d)}</span>
      {d.basisUnverified && (
        <Tag color="orange" title={d.basisUnverified}>
          依据未核实
        </Tag>
      )}
    </div>
  );
}

export function DeadlineDetails({ d }: { d: Deadline }) {
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      className="deadline-details"
      data-testid="deadline-details"
      title={
        <span>
          <DeadlineTag d={d} />
          {d.label}
        </span>
      }
      items={[
        { key: 'period', label: '期限', children: d.period },
        { key: 'duty', label: '应办事项', children: d.duty },
        {
          key: 'from',
          label: '起算',
          children: d.from ? `${d.from.label}：${cnDate(d.from.date)}，当日不计入` : '本机没有记录起算日期',
        },
        {
          key: 'due',
          label: '届满日',
          children: d.dueDate
            ? cnDate(d.dueDate)
            : d.earliest
              ? `无法确定（最早可能在${cnDate(d.earliest)}）`
              : '无法计算',
        },
        {
          key: 'basis',
          label: '法律依据',
          // A period only the repealed 2017 regulation set: said with the basis, never shown as the law in force.
          children: d.basisUnverified ? (
            <div data-testid="deadline-basis-unverified">
              <Tag color="orange">依据未核实</Tag>
              {d.basisUnverified}
              <div>{d.basis}</div>
            </div>
          ) : (
            d.basis
          ),
        },
        ...(d.rule ? [{ key: 'rule', label: '计算规则', children: d.rule }] : []),
        ...(d.notes.length
          ? [{ key: 'notes', label: '说明', children: <div className="legal-text">{d.notes.join('\n')}</div> }]
          : []),
      ]}
    />
  );
}

/** 节假日表 2026.1 版（随程序提供），数据至2026年12月31日 — and who published it. */
export function calendarLine(c: CalendarSummary): string {
  const origin =
    c.origin === 'hq' ? `总部发布（第${c.hqVersion}版，${c.issuedAt ? formatTime(c.issuedAt) : ''}）` : '随程序提供';
  return `节假日表 ${c.version} 版（${origin}），数据自${formatMinuteChinese(c.validFrom)}至${formatMinuteChinese(c.validThrough)}`;
}
