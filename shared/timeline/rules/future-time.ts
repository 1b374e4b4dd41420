// futureTime: no recorded time in the future. A record cannot state that something happened at a
// time that has not yet come (records sealed at 00:49 that say the visit lasted until 11:30).
import { isTime, shown } from '../facts.ts';
import type { Found, RuleContext } from '../rule-context.ts';

export function futureTime(x: RuleContext): Found[] {
  const later = (t: string) => isTime(t) && (t.includes('T') ? t > x.now : t > x.today);
  const out: Found[] = [];
  for (const d of x.input.documents)
    for (const act of d.facts.acts)
      for (const [t, path] of [
        [act.at, act.path],
        [act.end ?? '', act.endPath ?? act.path],
      ] as const)
        if (later(t))
          out.push({
            rule: 'futureTime',
            at: [{ documentId: d.id, path }],
            message: `${x.name(d)}记录的${act.label}时间（${shown(t)}）晚于现在（${shown(x.now)}）：不能记录尚未发生的时间。请核对该时间（以及本机时钟是否准确）。`,
          });
  for (const m of x.input.milestones)
    if (later(m.date))
      out.push({
        rule: 'futureTime',
        at: [],
        message: `案件记录的「${m.label}」（${m.date}）晚于今天（${x.today}）：请核对该日期。`,
      });
  return out;
}
