// The working-day calendar as data (docs/DEADLINES.md): per year, the statutory holidays (放假日,
// date → the holiday's name) and the make-up workdays (调休上班日, date → the holiday they make up
// for), as the State Council's notice for that year sets them. Shipped in
// assets/calendar/calendar.json (scripts/calendar/build-calendar.ts); HQ may publish a newer one
// (reference data kind `holidays`, signed). The same schema checks both, so a broken file from
// anywhere is refused rather than silently counted with.
import { z } from 'zod';

export const CALENDAR_FORMAT = 'wangxin-working-calendar/1';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const IsoDate = z.string().refine(isIsoDate, { message: '日期应为 YYYY-MM-DD 格式的真实日期。' });
const DayNames = z.record(IsoDate, z.string().trim().min(1).max(40));

export const CalendarYearSchema = z.object({
  year: z.number().int().min(2000).max(2200),
  /** The State Council notice the year follows, e.g. 国办发明电〔2024〕12号 (or its title). */
  notice: z.string().trim().min(1).max(200),
  /** Where the notice is published (www.gov.cn). */
  url: z.string().trim().max(500).default(''),
  /** Days off, weekends inside a break included: date → holiday name (元旦, 春节 …). */
  holidays: DayNames,
  /** 调休上班日: weekend days that are working days: date → the holiday they belong to. */
  workdays: DayNames,
});
export type CalendarYear = z.infer<typeof CalendarYearSchema>;

export const CalendarDataSchema = z
  .object({
    format: z.literal(CALENDAR_FORMAT),
    /** YYYY.n — compared numerically part by part; bump on every change of the data. */
    version: z.string().regex(/^\d{4}\.\d+$/, { message: '版本号应为「年份.序号」，如 2026.1。' }),
    /** First and last day the data covers: whole years, contiguous. */
    validFrom: IsoDate,
    validThrough: IsoDate,
    /** Where the data comes from and how it was checked (shown in the app). */
    source: z.string().trim().min(1).max(500),
    years: z.array(CalendarYearSchema).min(1),
  })
  .superRefine((c, ctx) => {
    const issue = (message: string, path: (string | number)[] = []) => ctx.addIssue({ code: 'custom', message, path });
    const first = c.years[0]!.year;
    const last = c.years.at(-1)!.year;
    c.years.forEach((y, i) => {
      if (y.year !== first + i)
        issue(`年份应连续递增：第${i + 1}项应为${first + i}年，实为${y.year}年。`, ['years', i, 'year']);
      for (const [kind, days] of [
        ['holidays', y.holidays],
        ['workdays', y.workdays],
      ] as const) {
        for (const d of Object.keys(days))
          if (!d.startsWith(`${y.year}-`)) issue(`${d} 不属于${y.year}年。`, ['years', i, kind, d]);
      }
      for (const d of Object.keys(y.workdays)) {
        if (d in y.holidays) issue(`${d} 既是放假日又是调休上班日。`, ['years', i, 'workdays', d]);
        // Make-up workdays have always been weekend days: a weekday here is a typing error.
        const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
        if (isIsoDate(d) && wd !== 0 && wd !== 6)
          issue(`调休上班日 ${d} 不是周六或周日。`, ['years', i, 'workdays', d]);
      }
      // Every year has at least 元旦 and 春节 off: a year without them is incomplete data.
      const names = new Set(Object.values(y.holidays));
      for (const must of ['元旦', '春节'])
        if (![...names].some((n) => n.includes(must)))
          issue(`${y.year}年缺少${must}放假安排。`, ['years', i, 'holidays']);
    });
    if (c.validFrom !== `${first}-01-01`) issue(`validFrom 应为 ${first}-01-01。`, ['validFrom']);
    if (c.validThrough !== `${last}-12-31`) issue(`validThrough 应为 ${last}-12-31。`, ['validThrough']);
  });
export type CalendarData = z.infer<typeof CalendarDataSchema>;

/** Compares versions like 2026.1 and 2026.10 numerically: negative, 0 or positive. */
export function compareCalendarVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
