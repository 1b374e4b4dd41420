// officerOverlap: the same officer in two records at overlapping times. One officer cannot conduct
// an inquiry and an inspection at once; one of the two records misstates who was there. A record
// of a measure taken during an inspection (its 电子取证, its 先行登记保存 with the approval asked
// for on the spot), which the inspection's record links, may overlap it; so may a service (送达回证)
// or a return of items made on site during it. A service or a return during an inquiry may not.
import { descriptorOf } from '../../documents/types/registry.ts';
import { isTime, shown, type DatedAct } from '../facts.ts';
import type { Found, RuleContext } from '../rule-context.ts';
import type { TimelineDocument } from '../timeline-api.ts';

interface Presence {
  doc: TimelineDocument;
  act: DatedAct;
  start: string;
  end: string;
}

const MINUTE = /T\d{2}:\d{2}$/;

function presences(d: TimelineDocument): Presence[] {
  return d.facts.acts.flatMap((act): Presence[] => {
    if (!act.officers?.length || !isTime(act.at) || !MINUTE.test(act.at)) return [];
    if (act.kind === 'record')
      return isTime(act.end) && MINUTE.test(act.end) && act.end > act.at
        ? [{ doc: d, act, start: act.at, end: act.end }]
        : [];
    return ['approval', 'measure', 'service', 'return'].includes(act.kind)
      ? [{ doc: d, act, start: act.at, end: act.at }]
      : [];
  });
}

const overlaps = (a: Presence, b: Presence) =>
  a.start === a.end && b.start === b.end
    ? false // two moments: neither lasts, nothing to overlap
    : a.start === a.end
      ? b.start < a.start && a.start < b.end
      : b.start === b.end
        ? a.start < b.start && b.start < a.end
        : a.start < b.end && b.start < a.end;

const when = (p: Presence) => (p.start === p.end ? shown(p.start) : `${shown(p.start)}至${shown(p.end)}`);

export function officerOverlap(x: RuleContext): Found[] {
  const all = x.input.documents.flatMap(presences);
  // A record that links the other as its measure, and the other began during it. A measure's own
  // document (先行登记保存) inside a record of measures that does not link it is not two places
  // at once but a measure left unrecorded: measureNotRecorded says so.
  // A document served or items returned during an inspection, by its officers, are done on site
  // as part of it (the order made on site is served there).
  const measureOf = (outer: Presence, inner: Presence) =>
    outer.act.kind === 'record' &&
    inner.start >= outer.start &&
    inner.start <= outer.end &&
    (outer.doc.facts.measures.some((id) => x.root(id) === x.root(inner.doc.id)) ||
      (descriptorOf(outer.doc.type).recordsMeasures === true &&
        (inner.act.kind === 'service' ||
          inner.act.kind === 'return' ||
          inner.doc.facts.acts.some((a) => a.kind === 'measure'))));
  const found = new Map<string, Found & { officers: Set<string> }>();
  for (const [i, a] of all.entries())
    for (const b of all.slice(i + 1)) {
      if (x.root(a.doc.id) === x.root(b.doc.id) || !overlaps(a, b) || measureOf(a, b) || measureOf(b, a)) continue;
      const shared = (a.act.officers ?? []).filter((o) => b.act.officers?.includes(o));
      if (shared.length === 0) continue;
      const key = [a.doc.id, a.act.path, b.doc.id, b.act.path].join('|');
      const f = found.get(key) ?? {
        rule: 'officerOverlap' as const,
        message: '',
        at: [
          { documentId: a.doc.id, path: a.act.path },
          { documentId: b.doc.id, path: b.act.path },
        ],
        officers: new Set<string>(),
      };
      shared.forEach((o) => f.officers.add(o));
      f.message =
        `执法人员${[...f.officers].map(x.officerName).join('、')}同时出现在${x.name(a.doc)}的${a.act.label}（${when(a)}）` +
        `和${x.name(b.doc)}的${b.act.label}（${when(b)}）中：同一名执法人员不能同时在两处执法。` +
        `请核对并更正其中一份文书的时间或执法人员（措施在检查中进行的，应在现场笔录的「采取的措施」中关联其文书）。`;
      found.set(key, f);
    }
  return [...found.values()].map(({ officers: _o, ...f }) => f);
}
