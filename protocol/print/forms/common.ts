// How the printed forms write times and officers, and the opening statements with their answers
// (used by the layout interpreter, layout-spec.ts, and its formatters).
import type { DocumentDetail } from '../../../shared/documents/document-api.ts';
import {
  matterPhrase,
  officersPhrase,
  renderTemplateText,
  type DocumentTemplate,
} from '../../../shared/documents/templates.ts';
import type { Block } from '../layout-model.ts';

/** 2026-11-20T09:30 → 2026年11月20日09时30分; '' stays ''. */
export function cnMinute(v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(v);
  return m ? `${m[1]}年${m[2]}月${m[3]}日${m[4]}时${m[5]}分` : '';
}

/** 2026-11-20 → 2026年11月20日. */
export function cnDate(v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '';
}

/** Start and end: the end written without the date when it is the same day. */
export function cnSpan(start: string, end: string): string {
  if (!start) return '';
  if (!end) return `${cnMinute(start)}至`;
  if (start.slice(0, 10) === end.slice(0, 10))
    return `${cnMinute(start)}至${end.slice(11, 13)}时${end.slice(14, 16)}分`;
  return `${cnMinute(start)}至${cnMinute(end)}`;
}

export function officer(doc: DocumentDetail, id: string): { name: string; certNo: string } | undefined {
  return doc.context.officers.find((o) => o.id === id);
}

/** 李明（执法证号45020019001）; '' when not chosen. */
export function officerText(doc: DocumentDetail, id: string): string {
  const o = officer(doc, id);
  return o ? officersPhrase([o]) : '';
}

export function officersText(doc: DocumentDetail, ids: string[]): string {
  return officersPhrase(ids.map((id) => officer(doc, id)).filter((o) => o !== undefined));
}

/** The template's opening statements with the answers recorded for them, as 问/答 paragraphs. */
export function openings(
  doc: DocumentDetail,
  template: DocumentTemplate,
  officerIds: string[],
  answers: { key: string; answer: string }[],
): Block[] {
  const vars = {
    agency: doc.context.agency,
    officers: officersText(doc, [...new Set(officerIds)]),
    matter: matterPhrase(doc.context.matterName),
    party: doc.context.partyName,
  };
  return template.openings.flatMap((o): Block[] => [
    { kind: 'para', label: '问：', text: renderTemplateText(o.text, vars) },
    { kind: 'para', label: '答：', text: answers.find((a) => a.key === o.key)?.answer ?? '' },
  ]);
}
