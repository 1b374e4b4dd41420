// How values are written on the printed forms: the vocabulary a template's layout uses as
// {{name:arg,arg}} (shared/documents/print-layout.ts). Arguments are paths, resolved by the
// interpreter, except where a formatter says otherwise (para: a paragraph key). A formatter's
// output for a given input must never change: old template versions print through it too. A new
// way of writing a value is a new formatter.
import type { DocumentDetail } from '../../../shared/documents/document-api.ts';
import {
  matterPhrase,
  renderTemplateText,
  templateParagraph,
  type DocumentTemplate,
} from '../../../shared/documents/templates.ts';
import { formatMinuteChinese } from '../../../shared/documents/local-time.ts';
import { provenanceText, type EvidenceProvenance } from '../../../shared/evidence/provenance.ts';
import { cnDate, cnMinute, cnSpan, officersText, officerText } from './common.ts';

export interface FormatContext {
  doc: DocumentDetail;
  template: DocumentTemplate;
  /** The layout's vars, rendered, with agency, matter and party. */
  vars(): Record<string, string>;
}

type Formatter = (f: FormatContext, args: unknown[], raw: string[]) => string;

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : v ? [str(v)] : []);

interface Person {
  name?: string;
  idType?: string;
  idNumber?: string;
  unit?: string;
  phone?: string;
}

/** Template 2023.1 of the 登记保存 notice printed this: `n` weekdays after `start`, holidays not skipped. */
function weekdaysAfter(start: string, n: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

export const FORMATTERS: Record<string, Formatter> = {
  /** 2026-11-20T09:30 → 2026年11月20日09时30分. */
  minute: (_f, [v]) => cnMinute(str(v)),
  /** 2026-11-20 → 2026年11月20日. */
  date: (_f, [v]) => cnDate(str(v)),
  /** Start and end; the end without its date on the same day. */
  span: (_f, [a, b]) => cnSpan(str(a), str(b)),
  /** One officer by id: 李明（执法证号45020019001）. */
  officer: (f, [id]) => officerText(f.doc, str(id)),
  /** Officers by ids (each argument a list or one id), in order. */
  officers: (f, args) => officersText(f.doc, args.flatMap(ids)),
  /** A person's particulars: name, ID type and number, unit, phone; '' without a name. */
  person: (_f, [v]) => {
    const p = (v ?? {}) as Person;
    return p.name
      ? [p.name, p.idNumber ? `${p.idType ?? ''}${p.idNumber}` : '', p.unit, p.phone].filter(Boolean).join('，')
      : '';
  },
  /** Both digests of an item, each on two lines of 32 hexadecimal digits, with the algorithm named. */
  digests: (_f, [sha256, sm3]) => {
    const split = (h: string) => (h ? `${h.slice(0, 32)}\n${h.slice(32)}` : '（未计算）');
    return `SHA-256：\n${split(str(sha256))}\nSM3：\n${split(str(sm3))}`;
  },
  /** An imported item's provenance as one line; '' for rows without one. */
  provenance: (_f, [v]) => (v ? provenanceText(v as EvidenceProvenance) : ''),
  /** The number of a record of the same case, by id; '' when it is not (or no longer) there. */
  docNo: (f, [id]) => f.doc.context.siblings.find((s) => s.id === str(id))?.docNo ?? '',
  /** Who signs for the party on site: the first person present acting for it, else the legal representative. */
  representative: (_f, [present, fallback]) =>
    ((present ?? []) as { name: string; role: string }[]).find((x) => /法定代表人|负责人|受委托/.test(x.role))?.name ??
    str(fallback),
  /** The number of rows of a list. */
  count: (_f, [v]) => String(Array.isArray(v) ? v.length : 0),
  /** The case's matter as it reads inside a sentence. */
  matter: (f) => matterPhrase(f.doc.context.matterName),
  /** A standard paragraph of the template (the argument is its key), filled with the layout's vars. */
  para: (f, _args, [key]) => renderTemplateText(templateParagraph(f.template, key ?? ''), f.vars()),
  /** Template 2023.1 of the 登记保存 notice only: the date 7 weekdays after the start; '' without one. */
  weekdays7Date: (_f, [start]) => (str(start) ? cnDate(weekdaysAfter(str(start), 7)) : ''),

  // From the 2026.1 versions: every date and time as the app writes them elsewhere (the editor, the
  // 工作台, signing and sealing times in profile 2) — month, day and hour without a leading zero.
  /** 2026-11-20T09:30 → 2026年11月20日9时30分; a date alone → 2026年11月20日; '' stays ''. */
  datetime: (_f, [v]) => cnTime(str(v)),
  /** The date only: 2026-11-20(T09:30) → 2026年11月20日. */
  day: (_f, [v]) => cnTime(str(v).slice(0, 10)),
  /** The time of day only: 2026-11-20T09:05 → 9时05分. */
  clock: (_f, [v]) => cnTime(str(v)).replace(/^.*日/, ''),
  /** Start and end: 2026年11月20日9时30分至10时45分; the end with its date when another day. */
  period: (_f, [a, b]) => {
    const [s, e] = [str(a), str(b)];
    if (!s) return '';
    if (!e) return `${cnTime(s)}至`;
    return `${cnTime(s)}至${s.slice(0, 10) === e.slice(0, 10) ? cnTime(e).replace(/^.*日/, '') : cnTime(e)}`;
  },
  /** An imported item's provenance as one line, its times written as above; '' for rows without one. */
  provenanceCn: (_f, [v]) => (v ? provenanceText(v as EvidenceProvenance, cnTime) : ''),
  /**
   * The closing statement of the alternative the content names (询问笔录 2026.1: 核对 or 宣读), from
   * the template's `closingAlternatives`; '' when none is chosen.
   */
  closing: (f, [v]) => f.template.closingAlternatives?.options.find((o) => o.value === str(v))?.closing ?? '',
};

/** A local date or minute in the forms' words (formatMinuteChinese); '' for anything else. */
function cnTime(v: string): string {
  return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(v) ? formatMinuteChinese(v) : '';
}
