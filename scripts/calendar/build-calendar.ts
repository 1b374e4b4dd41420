// `node scripts/node24.mjs scripts/calendar/build-calendar.ts --package DIR [--check]`: builds assets/calendar/calendar.json, the
// working-day calendar (docs/DEADLINES.md), from the data of the npm package `chinese-days`
// (MIT; statutory holidays and make-up workdays 2004–2026, from the State Council's notices). The
// package is read from an unpacked copy, never installed as a dependency of the app:
//
//   cd /tmp && npm pack chinese-days@1.5.7 && tar xzf chinese-days-1.5.7.tgz   # → /tmp/package
//   node scripts/node24.mjs scripts/calendar/build-calendar.ts --package /tmp/package
//
// It keeps the years FIRST_YEAR…(the package's last year), names the holidays in Chinese, takes
// each year's notice address from the package's source (src/holidays/generate.ts quotes it) and
// the notice numbers we checked by hand (NOTICE_NUMBERS), validates with the same schema the app
// and HQ updates go through, and writes deterministically. The independent check against the
// notices is shared/calendar/working-calendar.test.ts (2025 and 2026 encoded by hand).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  CALENDAR_FORMAT,
  CalendarDataSchema,
  type CalendarData,
  type CalendarYear,
} from '../../shared/calendar/calendar-schema.ts';

/** Bump on every change of the data (YYYY.n, the year = the last year covered). */
export const CALENDAR_VERSION = '2026.1';
/** The first year shipped: cases are counted from now on; older years are not needed. */
export const FIRST_YEAR = 2023;

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CALENDAR_FILE = join(ROOT, 'assets', 'calendar', 'calendar.json');

/** Notice numbers checked against the notices themselves (the package quotes the addresses). */
export const NOTICE_NUMBERS: Record<number, string> = {
  2025: '国办发明电〔2024〕12号',
  2026: '国办发明电〔2025〕7号',
};

/** The package's English,中文,n labels → the names the notices use. */
const NAMES: Record<string, string> = {
  元旦: '元旦',
  春节: '春节',
  清明: '清明节',
  劳动节: '劳动节',
  端午: '端午节',
  中秋: '中秋节',
  国庆节: '国庆节',
};

export interface PackageData {
  /** package.json version of chinese-days. */
  packageVersion: string;
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  /** year → the notice's address, from the comments of src/holidays/generate.ts. */
  noticeUrls: Record<number, string>;
}

export function readPackage(dir: string): PackageData {
  const json = join(dir, 'dist', 'chinese-days.json');
  const src = join(dir, 'src', 'holidays', 'generate.ts');
  if (!existsSync(json) || !existsSync(src))
    throw new Error(
      `${dir} is not an unpacked chinese-days package (dist/chinese-days.json and src/holidays/generate.ts expected)`,
    );
  const data = JSON.parse(readFileSync(json, 'utf8')) as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
  if (pkg.name !== 'chinese-days') throw new Error(`${dir}: package ${pkg.name}, expected chinese-days`);
  return {
    packageVersion: pkg.version,
    holidays: data.holidays,
    workdays: data.workdays,
    noticeUrls: noticeUrls(readFileSync(src, 'utf8')),
  };
}

/** `* 2025\n * https://www.gov.cn/…` blocks of the package's source: the first address after each year. */
export function noticeUrls(source: string): Record<number, string> {
  const out: Record<number, string> = {};
  const re = /^\s*\*\s*(\d{4})\s*\n\s*\*\s*(https?:\/\/\S+)/gm;
  for (const m of source.matchAll(re)) out[Number(m[1])] ??= m[2]!.replace(/^http:/, 'https:');
  return out;
}

function chineseName(label: string, date: string): string {
  const zh = label.split(',')[1]?.trim() ?? '';
  const name = NAMES[zh];
  if (!name) throw new Error(`${date}: unknown holiday label "${label}"`);
  return name;
}

export function buildCalendar(pkg: PackageData, firstYear = FIRST_YEAR, version = CALENDAR_VERSION): CalendarData {
  const yearsIn = [...Object.keys(pkg.holidays), ...Object.keys(pkg.workdays)].map((d) => Number(d.slice(0, 4)));
  const lastYear = Math.max(...yearsIn);
  const years: CalendarYear[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const pick = (days: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(days)
          .filter(([d]) => d.startsWith(`${year}-`))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([d, label]) => [d, chineseName(label, d)]),
      );
    const url = pkg.noticeUrls[year];
    if (!url) throw new Error(`${year}: the package's source quotes no notice address`);
    const title = `国务院办公厅关于${year}年部分节假日安排的通知`;
    years.push({
      year,
      notice: NOTICE_NUMBERS[year] ? `${title}（${NOTICE_NUMBERS[year]}）` : title,
      url,
      holidays: pick(pkg.holidays),
      workdays: pick(pkg.workdays),
    });
  }
  const checked = Object.keys(NOTICE_NUMBERS).join('、');
  return CalendarDataSchema.parse({
    format: CALENDAR_FORMAT,
    version,
    validFrom: `${firstYear}-01-01`,
    validThrough: `${lastYear}-12-31`,
    source: `国务院办公厅逐年发布的部分节假日安排通知；数据取自 npm 包 chinese-days ${pkg.packageVersion}（MIT，https://github.com/vsme/chinese-days），${checked}年已与通知所列安排逐项核对。`,
    years,
  });
}

/** The file's bytes: two-space JSON, one line per day, a final newline. */
export const serialise = (c: CalendarData): string => `${JSON.stringify(c, null, 2)}\n`;

function main(): void {
  const { values } = parseArgs({
    options: { package: { type: 'string' }, check: { type: 'boolean', default: false } },
  });
  if (!values.package) {
    console.error(
      '用法：node scripts/node24.mjs scripts/calendar/build-calendar.ts --package 解包后的chinese-days目录 [--check]',
    );
    process.exit(2);
  }
  const calendar = buildCalendar(readPackage(values.package));
  const text = serialise(calendar);
  const summary = calendar.years
    .map(
      (y) =>
        `${y.year}: ${Object.keys(y.holidays).length} holidays, ${Object.keys(y.workdays).length} make-up workdays`,
    )
    .join('\n');
  if (values.check) {
    const same = existsSync(CALENDAR_FILE) && readFileSync(CALENDAR_FILE, 'utf8') === text;
    console.log(
      same
        ? `calendar.json is up to date (${calendar.version}, through ${calendar.validThrough})`
        : 'calendar.json differs from what the package gives: run without --check and review the diff',
    );
    process.exit(same ? 0 : 1);
  }
  writeFileSync(CALENDAR_FILE, text);
  console.log(
    `${summary}\nwrote ${CALENDAR_FILE} (${calendar.version}, ${calendar.validFrom} – ${calendar.validThrough})`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
