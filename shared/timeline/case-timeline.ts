// The case timeline: every dated act of every document of a case (records, steps, extractions and
// imports, approvals, measures), its signatures, seals, milestones and evidence imports, in time
// order; and the rules that check them against each other and against now. Shared: the case page
// and the editor (live, with the content being typed) run it on what timeline.get answers; the
// core runs the same to refuse 提交签名 and 封存 (core/timeline/timeline-service.ts).
//
// Rules that concern one document alone are its type's completeness rules (the times inside an
// 电子取证工作记录, the 负责人's approval before the 先行登记保存 …: shared/documents/types/<type>/
// completeness.ts); those here need the case.
import { DOCUMENT_TYPE_LABELS } from '../documents/document-types.ts';
import { toLocalMinute } from '../documents/local-time.ts';
import { descriptorOf, type DocumentType } from '../documents/types/registry.ts';
import { isTime, type ActKind } from './facts.ts';
import { ruleContext, type Found, type RuleContext, type TimelineIssue, type TimelineRule } from './rule-context.ts';
import { futureTime } from './rules/future-time.ts';
import { measureNotRecorded } from './rules/measures.ts';
import { officerOverlap } from './rules/officer-overlap.ts';
import { sharedIdNumber, witnessIsParty } from './rules/people.ts';
import {
  decisionLate,
  returnBeforeDecision,
  reviewBeforeService,
  reviewEarly,
  servedBeforeMade,
} from './rules/sequence.ts';
import { confirmedThenRefused, lateSignature } from './rules/signing.ts';
import type { TimelineDocument, TimelineInput, TimelineSeverity } from './timeline-api.ts';

export { TIMELINE_RULES, type TimelineIssue, type TimelineRule } from './rule-context.ts';

/**
 * Each rule, what it stops and why (the law it rests on; docs/RECORDS.md «The case timeline»):
 * - signing: the document cannot go to 待签名 (the core refuses 提交签名) nor be sealed;
 * - sealing: it can be signed (its facts may still be completed elsewhere: the 现场笔录 is finished
 *   last), not sealed;
 * - confirm: it cannot go to 待签名 until both officers confirmed it with their passwords;
 * - warning: shown only.
 */
export const TIMELINE_RULE_SEVERITY: Record<TimelineRule, { severity: TimelineSeverity; why: string }> = {
  officerOverlap: {
    severity: 'signing',
    why: '行政处罚法第四十二条（执法人员不得少于两人）、第五十五条（询问或者检查应当制作笔录）：笔录证明记名的执法人员当时在场执法，同一人同时出现在两处，至少一份笔录不实。',
  },
  measureNotRecorded: {
    severity: 'sealing',
    why: '先行登记保存须在现场笔录中记录（DOCUMENTS.md §2 所引2017年规定第二十七条，条文未能核实）；行政处罚法第五十五条要求检查制作笔录。现场笔录通常最后完成，故不阻止措施文书签名，只阻止封存。',
  },
  futureTime: {
    severity: 'signing',
    why: '笔录记录已经发生的事实（行政处罚法第五十五条），记载尚未到来的时间的笔录在签名时即不真实。',
  },
  lateSignature: {
    severity: 'signing',
    why: '法律不禁止事后签名（当事人可能次日才来签），但笔录应当场制作（行政处罚法第五十五条），逾时签名须说明原因并印在文书上；开始签名时即须填写原因，缺少原因的旧签名阻止封存。',
  },
  confirmedThenRefused: {
    severity: 'signing',
    why: '拒绝签名须注明原因（DOCUMENTS.md §5，2017年规定第三十条，条文未能核实）；笔录同时记载「属实」与拒签，自相矛盾，不能作为证据。记录拒签时即拒绝。',
  },
  witnessIsParty: {
    severity: 'confirm',
    why: '见证人用于证明当事人拒签、不在场时记录属实（DOCUMENTS.md §5）；当事人一方的人员作见证不具证明力，但法律未明文禁止，确无他人时由两名执法人员确认并说明理由。',
  },
  sharedIdNumber: {
    severity: 'confirm',
    why: '身份证件号码标识被询问人、见证人等（DOCUMENTS.md §7）；同一号码对应两个姓名，至少一处录错。可能错在他案已封存的文书，故不阻止本案，由两名执法人员核对证件后确认。',
  },
  servedBeforeMade: {
    severity: 'signing',
    why: '送达回证证明文书送达的时间（DOCUMENTS.md §10），送达时间决定期限的起算；文书作出之前的送达不可能发生，至少一处时间不实。',
  },
  returnBeforeDecision: {
    severity: 'signing',
    why: '先行登记保存的物品须依处理决定解除并返还（行政处罚法第五十六条，DOCUMENTS.md §9）；决定之前的返还没有依据，时间至少一处不实。',
  },
  decisionLate: {
    severity: 'signing',
    why: '行政处罚法第五十六条：先行登记保存的，应当在七日内及时作出处理决定（期限按工作日计算，见docs/DEADLINES.md）；逾期作出的决定书须写明原因（DOCUMENTS.md §9）。',
  },
  reviewBeforeService: {
    severity: 'sealing',
    why: '改正期限自责令改正通知书送达之日起算（DOCUMENTS.md §8、§10）；送达之前的复查没有期限可查。送达回证可能晚于复查制作，故不阻止复查笔录签名，只阻止封存。',
  },
  reviewEarly: {
    severity: 'warning',
    why: '行政处罚法第二十八条：责令限期改正的，当事人在期限内改正即可；期限届满前复查不能认定拒不改正（网络安全法第六十一条的罚款以拒不改正为条件）。当事人报告提前改正等情形可以提前复查，故只提示并要求写明原因。',
  },
};

const RULES: Record<TimelineRule, (x: RuleContext) => Found[]> = {
  officerOverlap,
  measureNotRecorded,
  futureTime,
  lateSignature,
  confirmedThenRefused,
  witnessIsParty,
  sharedIdNumber,
  servedBeforeMade,
  returnBeforeDecision,
  decisionLate,
  reviewBeforeService,
  reviewEarly,
};

export type EntryKind = ActKind | 'signing' | 'refusal' | 'seal' | 'milestone' | 'evidence' | 'deadline';

/** One line of the timeline. */
export interface TimelineEntry {
  kind: EntryKind;
  /** Beijing time to the minute, or a day. */
  at: string;
  end?: string;
  documentId?: string;
  /** 询问笔录（网信案询〔2026〕0001号）, when the entry is a document's. */
  document?: string;
  label: string;
  /** The officers taking part, by name. */
  officers: string[];
  /** A late signing's reason, a refusal's reason. */
  note?: string;
}

export interface CaseTimeline {
  entries: TimelineEntry[];
  issues: TimelineIssue[];
}

/**
 * The timeline of a case as of `now`. `live` replaces one document's facts with those of content
 * being edited (the editor), so that its warnings follow every keystroke.
 */
export function caseTimeline(
  input: TimelineInput,
  now: Date,
  live?: { documentId: string; content: Record<string, unknown> },
): CaseTimeline {
  const docs = live
    ? input.documents.map((d) =>
        d.id === live.documentId ? { ...d, facts: descriptorOf(d.type).timeline(live.content) } : d,
      )
    : input.documents;
  const x = ruleContext({ ...input, documents: docs }, now);
  const confirmed = new Map(input.confirmations.map((c) => [`${c.rule}|${c.subject}`, c]));
  const issues = (Object.keys(RULES) as TimelineRule[]).flatMap((rule) =>
    RULES[rule](x).map((f): TimelineIssue => {
      const c = f.subject ? confirmed.get(`${rule}|${f.subject}`) : undefined;
      return {
        ...f,
        severity: TIMELINE_RULE_SEVERITY[rule].severity,
        ...(c ? { confirmed: { officers: c.officers, at: c.at, note: c.note } } : {}),
      };
    }),
  );
  return { entries: entries(x, docs), issues };
}

/** The issues that stop a document at a stage: 提交签名 (`signing`) or 封存 (`sealing`, which the former stop too). */
export function blocking(issues: TimelineIssue[], documentId: string, stage: 'signing' | 'sealing'): TimelineIssue[] {
  const stops = (i: TimelineIssue) =>
    i.severity === 'signing' ||
    (i.severity === 'confirm' && !i.confirmed) ||
    (stage === 'sealing' && i.severity === 'sealing');
  return issues.filter((i) => stops(i) && i.at.some((a) => a.documentId === documentId));
}

function entries(x: RuleContext, docs: TimelineDocument[]): TimelineEntry[] {
  const label = (type: DocumentType) => DOCUMENT_TYPE_LABELS[type];
  const names = (ids: readonly string[] | undefined) => [...new Set(ids ?? [])].map(x.officerName);
  const listed = new Set<string>();
  const out: TimelineEntry[] = [];
  for (const d of docs)
    for (const a of d.facts.acts) {
      if (a.evidenceId) listed.add(a.evidenceId);
      if (!isTime(a.at)) continue;
      out.push({
        kind: a.kind,
        at: a.at,
        ...(isTime(a.end) ? { end: a.end } : {}),
        documentId: d.id,
        document: `${label(d.type)}（${d.docNo}）`,
        label: a.label,
        officers: names(a.officers),
      });
    }
  const local = (iso: string) => toLocalMinute(new Date(iso));
  // Signatures by sitting: one line each, with the signers; refusals each on their own.
  const sittings = new Map<string, TimelineEntry & { signers: string[] }>();
  for (const s of x.input.signatures) {
    const d = x.doc(s.documentId);
    if (!d) continue;
    const document = `${label(d.type)}（${d.docNo}）`;
    if (s.status !== 'signed') {
      out.push({
        kind: 'refusal',
        at: local(s.signedAt),
        documentId: d.id,
        document,
        label: `${s.role}${s.signerName}：${{ refused: '拒绝签名', absent: '不在场', unable: '无法签名' }[s.status]}`,
        officers: [],
        note: s.reason,
      });
      continue;
    }
    const e = sittings.get(s.sittingId) ?? {
      kind: 'signing' as const,
      at: local(s.signedAt),
      documentId: d.id,
      document,
      label: '',
      officers: [],
      signers: [],
      ...(s.reason ? { note: `逾时签名，原因：${s.reason}` } : {}),
    };
    e.end = local(s.signedAt);
    const who = `${s.role}${s.signerName}`;
    if (!e.signers.includes(who)) e.signers.push(who);
    if (s.officerId && !e.officers.includes(x.officerName(s.officerId))) e.officers.push(x.officerName(s.officerId));
    sittings.set(s.sittingId, e);
  }
  for (const { signers, end, ...e } of sittings.values())
    out.push({ ...e, label: `签名：${signers.join('、')}`, ...(end && end !== e.at ? { end } : {}) });
  for (const s of x.input.seals) {
    const d = x.doc(s.documentId);
    if (d)
      out.push({
        kind: 'seal',
        at: local(s.sealedAt),
        documentId: d.id,
        document: `${label(d.type)}（${d.docNo}）`,
        label: '封存',
        officers: [],
      });
  }
  for (const m of x.input.milestones) out.push({ kind: 'milestone', at: m.date, label: m.label, officers: [] });
  for (const p of x.input.periods) {
    const d = x.doc(p.documentId);
    if (d && isTime(p.lastDay))
      out.push({
        kind: 'deadline',
        at: p.lastDay,
        documentId: d.id,
        document: `${label(d.type)}（${d.docNo}）`,
        label: `${p.label}届满（最后一日）`,
        officers: [],
      });
  }
  for (const i of x.input.imports)
    if (!listed.has(i.evidenceId))
      out.push({ kind: 'evidence', at: local(i.at), label: `电子数据「${i.fileName}」导入本机`, officers: [] });
  // Day-only entries first in their day; otherwise by time, then end.
  const key = (e: TimelineEntry) => (e.at.includes('T') ? e.at : `${e.at}T00:00`);
  return out.sort((a, b) => key(a).localeCompare(key(b)) || (a.end ?? '').localeCompare(b.end ?? ''));
}
