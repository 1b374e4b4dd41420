// Working days and legal periods (DOCUMENTS.md §6, docs/DEADLINES.md), pure: the renderer shows
// deadlines live with it and the core computes the dashboard with it, from the same data.
//
// - A working day is a weekday that is not a statutory holiday, or a make-up workday (调休上班日).
// - A day outside the data (the next year's schedule not yet published or not yet received) is
//   neither: `isWorkingDay` says 'unknown', and a period that reaches such a day is uncertain —
//   it comes with the reason and the earliest date it can end, never with a guessed date.
// - Counting: the starting day is not counted; 二日、三日、五日、七日 are working days (行政处罚法
//   art. 85, not among the verified texts); other periods count calendar days, and when their last
//   day is a holiday (weekends included) they end on the next working day. The starting day and
//   the holiday at the end come from the repealed 2017 regulation (art. 46): the 2023 regulation's
//   rule could not be checked, and the rules say so (docs/DEADLINES.md).
import { formatMinuteChinese } from '../documents/local-time.ts';
import type { CalendarData } from './calendar-schema.ts';

export const LAW = '《中华人民共和国行政处罚法》';
/** Repealed 2023-06-01: cited only as what a rule rested on before, never as the law in force. */
export const REG_2017 = '《互联网信息内容管理行政执法程序规定》（2017）';
/** In force since 2023-06-01; its text could not be obtained (../shared/law/): none of its articles is cited. */
export const REG_2023 = '《网信部门行政执法程序规定》（2023年国家互联网信息办公室令第14号）';

/** The basis of a rule that rested only on the repealed 2017 regulation (`articles`: 第四十六条 …). */
export const only2017 = (articles: string) =>
  `依据未核实：现行${REG_2023}的对应规定未能核对（其条文未能取得），此前的依据为已废止的${REG_2017}${articles}`;
/** 「二日、三日、五日、七日」 are working days: article 85, whose text is not among the verified ones. */
export const ARTICLE_85 = `${LAW}第八十五条（「二日」「三日」「五日」「七日」指工作日，不含法定节假日；该条不在已核对的条文中）`;

export const WORKING_DAYS_RULE = `按工作日计算：起算日不计入，不含周六、周日和法定节假日，调休上班日计入（工作日：${ARTICLE_85}；起算日不计入：${only2017('第四十六条')}）。`;
export const CALENDAR_DAYS_RULE = `按日计算：起算日不计入；期限届满的最后一日是节假日（含周六、周日）的，以节假日后的第一个工作日为届满日期（${only2017('第四十六条')}）。`;

/** Periods of this many days are working days (行政处罚法 art. 85: 「二日」「三日」「五日」「七日」). */
export const WORKING_DAY_PERIODS: readonly number[] = [2, 3, 5, 7];

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup' | 'unknown';

export interface DayInfo {
  date: string;
  kind: DayKind;
  working: boolean | 'unknown';
  /** The holiday's name for holidays and make-up workdays (春节 …), else null. */
  name: string | null;
}

export interface PeriodResult {
  start: string;
  days: number;
  unit: 'working' | 'calendar';
  /** The last day of the period (the act is due by the end of it); null when it cannot be known. */
  date: string | null;
  certain: boolean;
  /** When uncertain: the earliest the period can end (every day without data counted as a working day). */
  earliest: string | null;
  /** Why the date cannot be known, in Chinese; null when certain. */
  reason: string | null;
  /** The counting rule with its legal basis. */
  rule: string;
  /** What moved the end beyond the plain count (a holiday at the end), or null. */
  note: string | null;
}

export interface WorkingCalendar {
  readonly version: string;
  readonly validFrom: string;
  readonly validThrough: string;
  readonly source: string;
  day(date: string): DayInfo;
  isWorkingDay(date: string): boolean | 'unknown';
  /** The `n`th working day after `start` (the start day not counted). */
  addWorkingDays(start: string, n: number): PeriodResult;
  /** `n` days after `start` (not counted); a last day that is a holiday moves to the next working day. */
  addCalendarDays(start: string, n: number): PeriodResult;
  /** A statutory period of `n` days: working days for 2, 3, 5 and 7 (art. 85), calendar days otherwise. */
  period(start: string, n: number): PeriodResult;
}

const parse = (d: string) => new Date(`${d}T00:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);

/** `date` plus `n` calendar days (YYYY-MM-DD). */
export function plusDays(date: string, n: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + n);
  return fmt(d);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parse(b).getTime() - parse(a).getTime()) / 86_400_000);
}

/** 2026-02-24 → 2026年2月24日 */
export const cnDay = (d: string): string => formatMinuteChinese(d);

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
/** 2026-02-24 → 周二 */
export const weekdayOf = (d: string): string => WEEKDAYS[parse(d).getUTCDay()]!;

export function createWorkingCalendar(data: CalendarData): WorkingCalendar {
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  for (const y of data.years) {
    for (const [d, name] of Object.entries(y.holidays)) holidays.set(d, name);
    for (const [d, name] of Object.entries(y.workdays)) workdays.set(d, name);
  }
  const { validFrom, validThrough, version } = data;

  const day = (date: string): DayInfo => {
    if (date < validFrom || date > validThrough) return { date, kind: 'unknown', working: 'unknown', name: null };
    const made = workdays.get(date);
    if (made) return { date, kind: 'makeup', working: true, name: made };
    const off = holidays.get(date);
    if (off) return { date, kind: 'holiday', working: false, name: off };
    const wd = parse(date).getUTCDay();
    return wd === 0 || wd === 6
      ? { date, kind: 'weekend', working: false, name: null }
      : { date, kind: 'workday', working: true, name: null };
  };

  /** Why a day has no data, for the reason of an uncertain period. */
  const noData = (date: string, earliest: string): string => {
    const missing =
      date > validThrough
        ? `期限跨入${date.slice(0, 4)}年，而本机节假日表（${version}版）只到${cnDay(validThrough)}：${date.slice(0, 4)}年的法定节假日和调休安排尚未公布或尚未更新到本机`
        : `期限所涉日期早于本机节假日表（${version}版）的起始日期${cnDay(validFrom)}`;
    return `${missing}，届满日无法确定。最早可能在${cnDay(earliest)}届满（无数据的日期均按工作日计），请在此之前办理；总部发布新的节假日表并同步后即可确定。`;
  };

  const check = (start: string, n: number) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(parse(start).getTime()))
      throw new Error(`not a date: ${start}`);
    if (!Number.isInteger(n) || n < 1 || n > 3660) throw new Error(`not a period of days: ${n}`);
  };

  const addWorkingDays = (start: string, n: number): PeriodResult => {
    check(start, n);
    let d = start;
    let left = n;
    let unknownAt: string | null = null;
    while (left > 0) {
      d = plusDays(d, 1);
      const w = day(d).working;
      if (w === 'unknown') unknownAt ??= d;
      if (w !== false) left--;
    }
    const base = { start, days: n, unit: 'working' as const, rule: WORKING_DAYS_RULE, note: null };
    return unknownAt
      ? { ...base, date: null, certain: false, earliest: d, reason: noData(unknownAt, d) }
      : { ...base, date: d, certain: true, earliest: null, reason: null };
  };

  const addCalendarDays = (start: string, n: number): PeriodResult => {
    check(start, n);
    const plain = plusDays(start, n);
    const base = { start, days: n, unit: 'calendar' as const, rule: CALENDAR_DAYS_RULE };
    let d = plain;
    for (;;) {
      const info = day(d);
      if (info.working === 'unknown')
        return { ...base, date: null, certain: false, earliest: d, reason: noData(d, d), note: null };
      if (info.working) break;
      d = plusDays(d, 1);
    }
    if (d === plain) return { ...base, date: d, certain: true, earliest: null, reason: null, note: null };
    const first = day(plain);
    const what = first.kind === 'holiday' ? `法定节假日（${first.name}）` : '周末';
    return {
      ...base,
      date: d,
      certain: true,
      earliest: null,
      reason: null,
      note: `按日计算的最后一日${cnDay(plain)}是${what}，顺延至节假日后的第一个工作日${cnDay(d)}。`,
    };
  };

  return {
    version,
    validFrom,
    validThrough,
    source: data.source,
    day,
    isWorkingDay: (date) => day(date).working,
    addWorkingDays,
    addCalendarDays,
    period: (start, n) => (WORKING_DAY_PERIODS.includes(n) ? addWorkingDays(start, n) : addCalendarDays(start, n)),
  };
}
