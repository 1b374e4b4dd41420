// The shipped calendar against the State Council's notices, encoded here by hand as the independent
// check (the data itself comes from the chinese-days package), and the counting rules of
// DOCUMENTS.md §6: start day not counted, working days for 二三五七日, holiday-end extension,
// uncertain beyond the data.
import { describe, expect, it } from 'vitest';
import shipped from '../../assets/calendar/calendar.json' with { type: 'json' };
import { CalendarDataSchema, compareCalendarVersions, type CalendarData } from './calendar-schema.ts';
import { createWorkingCalendar, plusDays } from './working-calendar.ts';

const data = CalendarDataSchema.parse(shipped);
const cal = createWorkingCalendar(data);

/** Every day from `a` to `b` inclusive. */
function range(a: string, b: string): string[] {
  const out: string[] = [];
  for (let d = a; d <= b; d = plusDays(d, 1)) out.push(d);
  return out;
}

/**
 * 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）:
 * 元旦 1月1日放假1天，不调休；春节 1月28日至2月4日放假调休，共8天，1月26日（周日）、2月8日（周六）上班；
 * 清明节 4月4日至6日；劳动节 5月1日至5日放假调休，4月27日（周日）上班；端午节 5月31日至6月2日；
 * 国庆节、中秋节 10月1日至8日放假调休，共8天，9月28日（周日）、10月11日（周六）上班。
 */
const NOTICE_2025 = {
  off: [
    ...range('2025-01-01', '2025-01-01'),
    ...range('2025-01-28', '2025-02-04'),
    ...range('2025-04-04', '2025-04-06'),
    ...range('2025-05-01', '2025-05-05'),
    ...range('2025-05-31', '2025-06-02'),
    ...range('2025-10-01', '2025-10-08'),
  ],
  makeUp: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
};

/**
 * 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）:
 * 元旦 1月1日至3日放假调休，1月4日（周日）上班；春节 2月15日至23日放假调休，共9天，
 * 2月14日（周六）、2月28日（周六）上班；清明节 4月4日至6日；劳动节 5月1日至5日放假调休，5月9日（周六）上班；
 * 端午节 6月19日至21日；中秋节 9月25日至27日；国庆节 10月1日至7日放假调休，9月20日（周日）、10月10日（周六）上班。
 */
const NOTICE_2026 = {
  off: [
    ...range('2026-01-01', '2026-01-03'),
    ...range('2026-02-15', '2026-02-23'),
    ...range('2026-04-04', '2026-04-06'),
    ...range('2026-05-01', '2026-05-05'),
    ...range('2026-06-19', '2026-06-21'),
    ...range('2026-09-25', '2026-09-27'),
    ...range('2026-10-01', '2026-10-07'),
  ],
  makeUp: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

describe('the shipped calendar', () => {
  it('is valid, year-stamped and says how far it goes and where it comes from', () => {
    expect(data.validThrough).toBe('2026-12-31');
    expect(data.years.map((y) => y.year)).toEqual([2023, 2024, 2025, 2026]);
    expect(data.source).toContain('chinese-days');
    expect(data.years.find((y) => y.year === 2026)!.notice).toContain('国办发明电〔2025〕7号');
    expect(data.years.find((y) => y.year === 2025)!.notice).toContain('国办发明电〔2024〕12号');
  });

  for (const [year, notice] of [
    [2025, NOTICE_2025],
    [2026, NOTICE_2026],
  ] as const) {
    it(`${year}: exactly the days off and make-up workdays of the notice`, () => {
      const y = data.years.find((x) => x.year === year)!;
      expect(Object.keys(y.holidays).sort()).toEqual([...notice.off].sort());
      expect(Object.keys(y.workdays).sort()).toEqual([...notice.makeUp].sort());
      // And every other day of the year is a working day exactly when it is a weekday.
      for (const d of range(`${year}-01-01`, `${year}-12-31`)) {
        const weekday = ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
        const expected = notice.makeUp.includes(d) ? true : notice.off.includes(d) ? false : weekday;
        expect(cal.isWorkingDay(d), d).toBe(expected);
      }
    });
  }

  it('2025 National Day and Mid-Autumn: 10月1日–8日 off, the Sunday before and the Saturday after are workdays', () => {
    expect(cal.day('2025-09-28')).toMatchObject({ kind: 'makeup', working: true }); // Sunday
    expect(cal.day('2025-10-06')).toMatchObject({ kind: 'holiday', working: false, name: '中秋节' });
    expect(cal.day('2025-10-08')).toMatchObject({ kind: 'holiday', working: false }); // Wednesday
    expect(cal.day('2025-10-11')).toMatchObject({ kind: 'makeup', working: true }); // Saturday
    expect(cal.day('2025-10-12')).toMatchObject({ kind: 'weekend', working: false });
  });

  it('2026 Spring Festival: 2月15日–23日 off, 2月14日 and 2月28日 (Saturdays) are workdays', () => {
    expect(cal.day('2026-02-14')).toMatchObject({ kind: 'makeup', working: true, name: '春节' });
    for (const d of range('2026-02-15', '2026-02-23'))
      expect(cal.day(d)).toMatchObject({ kind: 'holiday', name: '春节' });
    expect(cal.isWorkingDay('2026-02-24')).toBe(true);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
  });

  it('says unknown outside its data, never a guess (2027-01-01 is not a workday we know of)', () => {
    expect(cal.isWorkingDay('2027-01-01')).toBe('unknown');
    expect(cal.isWorkingDay('2027-01-04')).toBe('unknown');
    expect(cal.isWorkingDay('2022-12-30')).toBe('unknown');
  });
});

describe('working days (行政处罚法 art. 85; 2017 regulation art. 46)', () => {
  it('does not count the start day', () => {
    expect(cal.addWorkingDays('2026-11-16', 1)).toMatchObject({ date: '2026-11-17', certain: true }); // Monday → Tuesday
    expect(cal.addWorkingDays('2026-11-20', 7).date).toBe('2026-12-01'); // Friday → the Tuesday after next
  });

  it('a start on a weekend or a holiday counts from the next working day', () => {
    expect(cal.addWorkingDays('2026-11-21', 1).date).toBe('2026-11-23');
    expect(cal.addWorkingDays('2026-02-16', 1).date).toBe('2026-02-24');
  });

  it('skips the 2025 National Day break and counts its make-up Sunday and Saturday', () => {
    // 9/28 (Sun, workday) 9/29 9/30 | 10/1–10/8 off | 10/9 10/10 10/11 (Sat, workday) | 10/13
    const r = cal.addWorkingDays('2025-09-26', 7);
    expect(r).toMatchObject({ date: '2025-10-13', certain: true, earliest: null, reason: null });
    expect(r.rule).toContain('第八十五条');
    expect(r.rule).toContain('起算日不计入');
  });

  it('across the 2026 Spring Festival: the make-up Saturday counts, the nine days off do not', () => {
    expect(cal.addWorkingDays('2026-02-12', 3).date).toBe('2026-02-24'); // 2/13, 2/14 (Sat), 2/24
    expect(cal.addWorkingDays('2026-02-09', 7).date).toBe('2026-02-25');
  });

  it('a make-up Sunday in the window brings the deadline earlier than weekends alone would', () => {
    // 9/15–9/18, 9/20 (Sunday, workday), 9/21, 9/22
    expect(cal.addWorkingDays('2026-09-14', 7).date).toBe('2026-09-22');
  });

  it('a period crossing into a year beyond the data is uncertain, with the reason and the earliest end', () => {
    const r = cal.addWorkingDays('2026-12-28', 7);
    expect(r.certain).toBe(false);
    expect(r.date).toBeNull();
    // 12/29, 12/30, 12/31, then 1/1–1/4 counted as working days at best.
    expect(r.earliest).toBe('2027-01-04');
    expect(r.reason).toContain('2027年');
    expect(r.reason).toContain('2026年12月31日');
    expect(r.reason).toContain('无法确定');
    // Ending within the data, the same start is certain.
    expect(cal.addWorkingDays('2026-12-28', 3)).toMatchObject({ date: '2026-12-31', certain: true });
  });
});

describe('calendar days with the holiday-end extension (2017 regulation art. 46)', () => {
  it('a last day in the National Day break moves to the first working day after it', () => {
    const r = cal.addCalendarDays('2025-09-20', 15); // 10/5
    expect(r).toMatchObject({ date: '2025-10-09', certain: true, unit: 'calendar' });
    expect(r.note).toContain('2025年10月5日');
    expect(r.note).toContain('国庆节');
    expect(r.rule).toContain('第四十六条');
  });

  it('a last day on a weekend moves to Monday; on a make-up Saturday it stays', () => {
    expect(cal.addCalendarDays('2026-11-06', 15)).toMatchObject({ date: '2026-11-23', certain: true }); // Sat 11/21
    expect(cal.addCalendarDays('2025-09-26', 15)).toMatchObject({ date: '2025-10-11', note: null }); // make-up Saturday
    expect(cal.addCalendarDays('2026-02-01', 15).date).toBe('2026-02-24'); // 2/16, Spring Festival
  });

  it('a last day beyond the data is uncertain', () => {
    const r = cal.addCalendarDays('2026-12-20', 15);
    expect(r).toMatchObject({ date: null, certain: false, earliest: '2027-01-04' });
    expect(r.reason).toContain('2027年');
  });

  it('an extension that runs past the data is uncertain too', () => {
    // A one-year table whose last day (2022-12-31) is a Saturday.
    const y2022: CalendarData = {
      format: 'wangxin-working-calendar/1',
      version: '2022.1',
      validFrom: '2022-01-01',
      validThrough: '2022-12-31',
      source: '测试',
      years: [
        { year: 2022, notice: '测试', url: '', holidays: { '2022-01-01': '元旦', '2022-02-01': '春节' }, workdays: {} },
      ],
    };
    const r = createWorkingCalendar(y2022).addCalendarDays('2022-12-16', 15);
    expect(r).toMatchObject({ certain: false, date: null, earliest: '2023-01-01' });
  });

  it('period(): 二日、三日、五日、七日 are working days, other periods calendar days', () => {
    expect(cal.period('2025-09-26', 7)).toMatchObject({ unit: 'working', date: '2025-10-13' });
    expect(cal.period('2025-09-26', 5).unit).toBe('working');
    expect(cal.period('2025-09-20', 15)).toMatchObject({ unit: 'calendar', date: '2025-10-09' });
  });
});

describe('calendar schema', () => {
  const base = () => JSON.parse(JSON.stringify(shipped)) as CalendarData;
  const refused = (c: unknown) => CalendarDataSchema.safeParse(c).success === false;

  it('refuses a make-up workday on a weekday, a date in the wrong year, a day both off and working', () => {
    const a = base();
    a.years[3]!.workdays['2026-03-02'] = '春节';
    expect(refused(a)).toBe(true);
    const b = base();
    b.years[3]!.holidays['2025-12-31'] = '元旦';
    expect(refused(b)).toBe(true);
    const c = base();
    c.years[3]!.workdays['2026-02-15'] = '春节';
    expect(refused(c)).toBe(true);
  });

  it('refuses gaps between years, a year without 春节, a validThrough that does not match the years', () => {
    const a = base();
    a.years.splice(2, 1);
    expect(refused(a)).toBe(true);
    const b = base();
    b.years[3]!.holidays = Object.fromEntries(Object.entries(b.years[3]!.holidays).filter(([, n]) => n !== '春节'));
    expect(refused(b)).toBe(true);
    const c = base();
    c.validThrough = '2027-12-31';
    expect(refused(c)).toBe(true);
    expect(refused({ ...base(), version: '1' })).toBe(true);
  });

  it('compares versions numerically', () => {
    expect(compareCalendarVersions('2026.10', '2026.9')).toBeGreaterThan(0);
    expect(compareCalendarVersions('2027.1', '2026.9')).toBeGreaterThan(0);
    expect(compareCalendarVersions('2026.1', '2026.1')).toBe(0);
  });
});
