// Documents record local (Beijing) time to the minute, as officers read it off the clock.

function parts(d: Date): Record<string, string> {
  return Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
}

/** 2026-11-20T09:30 */
export function toLocalMinute(d: Date): string {
  const p = parts(d);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** 2026-11-20 */
export const toLocalDate = (d: Date): string => toLocalMinute(d).slice(0, 10);

/** 2026-11-20T09:30 → 2026年11月20日9时30分 (the way the forms print it). */
export function formatMinuteChinese(v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(v);
  if (!m) return v;
  const date = `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
  return m[4] ? `${date}${Number(m[4])}时${m[5]}分` : date;
}
