// Working-day arithmetic, simple form: weekends only. The deadlines feature adds statutory
// holidays and make-up workdays; until then every result says that it does not count them.
// Counting (2017 regulation art. 46): the starting day is not counted.

export const WEEKENDS_ONLY_NOTE = '按工作日计算，仅扣除周六、周日；尚未计入法定节假日和调休，请核对当年放假安排。';

const parse = (d: string) => new Date(`${d}T00:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);

/** The date `n` working days after `start` (YYYY-MM-DD), the start day not counted. */
export function addWorkingDays(start: string, n: number): string {
  const d = parse(start);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return fmt(d);
}
