// measureNotRecorded: a measure (先行登记保存; later 责令改正 …) with no place in the record of the
// inspection during which it was taken — that record's measures must link the measure's document,
// and its time must cover the measure's.
import { DOCUMENT_DESCRIPTORS } from '../../documents/types/registry.ts';
import { isTime, shown } from '../facts.ts';
import type { Found, RuleContext } from '../rule-context.ts';

/** The names of the records that record measures (现场笔录). */
const RECORDERS = DOCUMENT_DESCRIPTORS.filter((d) => d.recordsMeasures).map((d) => d.label);

/** Does the interval [start, end] (end may still be open) include `t` (a minute or a day)? */
function covers(start: string, end: string, t: string): boolean {
  if (!isTime(start)) return false;
  const cut = (v: string) => v.slice(0, t.length);
  return cut(start) <= t && (!isTime(end) || t <= cut(end));
}

export function measureNotRecorded(x: RuleContext): Found[] {
  const out: Found[] = [];
  for (const d of x.input.documents)
    for (const act of d.facts.acts) {
      if (act.kind !== 'measure' || !isTime(act.at)) continue;
      const recording = x.input.documents.filter((r) => r.facts.measures.some((id) => x.root(id) === x.root(d.id)));
      const within = recording.filter((r) =>
        r.facts.acts.some((a) => a.kind === 'record' && covers(a.at, a.end ?? '', act.at)),
      );
      if (within.length > 0) continue;
      const names = RECORDERS.join('或');
      out.push({
        rule: 'measureNotRecorded',
        at: [{ documentId: d.id, path: act.path }],
        message:
          recording.length === 0
            ? `${x.name(d)}的${act.label}（${shown(act.at)}）没有记入${names}：现场采取的措施应在当时的${names}「采取的措施」中登记并关联本文书。请在该${names}中补记；已封存的，制作补正文书。`
            : `${recording.map(x.name).join('、')}关联了${x.name(d)}，但其记录的时间不包括${act.label}的时间（${shown(act.at)}）：请核对两份文书的时间。`,
      });
    }
  return out;
}
