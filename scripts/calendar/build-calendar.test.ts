// The calendar generator on a small package-shaped input (the package itself is not in the
// repository), and the committed file in the generator's exact format.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CalendarDataSchema } from '../../shared/calendar/calendar-schema.ts';
import {
  buildCalendar,
  CALENDAR_FILE,
  CALENDAR_VERSION,
  noticeUrls,
  serialise,
  type PackageData,
} from './build-calendar.ts';

const SOURCE = `
  /**
   * 2026
   * https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm
   * 元旦：1月1日（周四）至3日（周六）放假调休，共3天，1月4日（周日）上班
   */
  /**
   * 2025
   * http://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm
   */
`;

const pkg = (): PackageData => ({
  packageVersion: '1.5.7',
  holidays: {
    '2026-01-01': "New Year's Day,元旦,1",
    '2026-02-15': 'Spring Festival,春节,4',
    '2026-04-05': 'Tomb-sweeping Day,清明,1',
    '2025-01-01': "New Year's Day,元旦,1",
    '2025-01-28': 'Spring Festival,春节,4',
    '2024-01-01': "New Year's Day,元旦,1",
  },
  workdays: { '2026-01-04': "New Year's Day,元旦,1" },
  noticeUrls: noticeUrls(SOURCE),
});

describe('build-calendar', () => {
  it('reads each year’s notice address from the package source (https)', () => {
    expect(noticeUrls(SOURCE)).toEqual({
      2026: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
      2025: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
    });
  });

  it('keeps the years from the first one on, names holidays in Chinese, stamps validity, version and source', () => {
    const c = buildCalendar(pkg(), 2025, '2026.9');
    expect(c).toMatchObject({
      format: 'wangxin-working-calendar/1',
      version: '2026.9',
      validFrom: '2025-01-01',
      validThrough: '2026-12-31',
    });
    expect(c.years.map((y) => y.year)).toEqual([2025, 2026]);
    expect(c.years[1]).toEqual({
      year: 2026,
      notice: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）',
      url: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
      holidays: { '2026-01-01': '元旦', '2026-02-15': '春节', '2026-04-05': '清明节' },
      workdays: { '2026-01-04': '元旦' },
    });
    expect(c.source).toContain('chinese-days 1.5.7');
  });

  it('refuses what it cannot account for: a year without a notice address, an unknown holiday label', () => {
    expect(() => buildCalendar(pkg(), 2024)).toThrow(/2024: the package's source quotes no notice address/);
    const odd = pkg();
    odd.holidays['2026-03-08'] = "Women's Day,妇女节,0.5";
    expect(() => buildCalendar(odd, 2025)).toThrow(/unknown holiday label/);
  });

  it('the committed calendar.json is valid and byte for byte in the generator’s format, at the current version', () => {
    const text = readFileSync(CALENDAR_FILE, 'utf8');
    const c = CalendarDataSchema.parse(JSON.parse(text));
    expect(serialise(c)).toBe(text);
    expect(c.version).toBe(CALENDAR_VERSION);
  });
});
