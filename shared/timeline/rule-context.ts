// What every timeline rule is handed: the case's facts, indexed, and how to name things in messages.
import { toLocalMinute } from '../documents/local-time.ts';
import { descriptorOf } from '../documents/types/registry.ts';
import type { TimelineDocument, TimelineInput, TimelineSeverity } from './timeline-api.ts';

/** Every rule code of the case timeline (the type-specific ones are completeness rules of their type). */
export const TIMELINE_RULES = [
  'officerOverlap',
  'measureNotRecorded',
  'futureTime',
  'lateSignature',
  'confirmedThenRefused',
  'witnessIsParty',
  'sharedIdNumber',
  'servedBeforeMade',
  'returnBeforeDecision',
  'decisionLate',
  'reviewBeforeService',
  'reviewEarly',
] as const;
export type TimelineRule = (typeof TIMELINE_RULES)[number];

export interface TimelineIssue {
  rule: TimelineRule;
  severity: TimelineSeverity;
  message: string;
  /** The documents it concerns, each with the field to jump to (empty: the case as a whole). */
  at: { documentId: string; path: string }[];
  /** For a confirmable warning: what is confirmed, stable while the facts stay the same. */
  subject?: string;
  /** Set once both officers confirmed it: it then blocks nothing. */
  confirmed?: { officers: string[]; at: string; note: string };
}

export interface RuleContext {
  input: TimelineInput;
  /** Now, as recorded times are written (Beijing time): the minute and the day. */
  now: string;
  today: string;
  doc(id: string): TimelineDocument | undefined;
  /** 询问笔录（网信案询〔2026〕0001号） */
  name(doc: TimelineDocument): string;
  officerName(id: string): string;
  /** The first document of a chain of corrections (补正): a document and its corrections are one record. */
  root(id: string): string;
}

export function ruleContext(input: TimelineInput, now: Date): RuleContext {
  const byId = new Map(input.documents.map((d) => [d.id, d]));
  const officers = new Map(input.officers.map((o) => [o.id, o.name]));
  const minute = toLocalMinute(now);
  const root = (id: string): string => {
    const seen = new Set<string>();
    let cur = id;
    for (;;) {
      const up = byId.get(cur)?.correctsId;
      if (!up || seen.has(up)) return cur;
      seen.add(cur);
      cur = up;
    }
  };
  return {
    input,
    now: minute,
    today: minute.slice(0, 10),
    doc: (id) => byId.get(id),
    name: (d) => `${descriptorOf(d.type).label}（${d.docNo}）`,
    officerName: (id) => officers.get(id) ?? '（未知执法人员）',
    root,
  };
}

/** An issue's severity is its rule's: the list in case-timeline.ts says why each is what it is. */
export type Found = Omit<TimelineIssue, 'severity' | 'confirmed'>;
