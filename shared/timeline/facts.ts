// What a document says about time and people, as its type's descriptor reads it from the content
// (`timeline` in shared/documents/types/descriptor.ts): the dated acts it records, when the record
// was complete (signing is counted from then), the documents it records as its measures, the
// people it names with an identity number, and the confirmation a refusal to sign would
// contradict. The case timeline (case-timeline.ts) puts these beside the signatures, seals and
// milestones of the case and checks them against each other. Shared: the editor runs the same
// checks live as the core enforces.

/** What an act is, for the timeline's wording and its rules. */
export type ActKind =
  /** The record itself: an inquiry, an inspection, a collection of evidence (start–end). */
  | 'record'
  /** A numbered step of a record. */
  | 'step'
  /** An item of electronic data extracted on site (提取时间). */
  | 'extraction'
  /** An item entering the app's evidence store (入库时间). */
  | 'import'
  /** An approval asked for by the officers (the head's approval of a 先行登记保存). */
  | 'approval'
  /** A compulsory measure that the 现场笔录 of its time must record (先行登记保存 …). */
  | 'measure'
  /** A decision made on another document (the 处理决定 on a 先行登记保存): within its period, or with a reason. */
  | 'decision'
  /** Another document served on the party (送达回证): not before that document was made. */
  | 'service'
  /** Preserved items returned against the party's receipt: not before the decision to return them. */
  | 'return'
  /** The later check (复查) of a 责令改正通知书: after its service, and not before its period ends without a reason. */
  | 'review';

export interface DatedAct {
  kind: ActKind;
  /** Beijing time to the minute (2026-11-20T09:30), or a day (2026-11-20) where only the day is recorded. */
  at: string;
  /** The end of an interval (a record's end time), when it has one. */
  end?: string;
  /** What happened, in Chinese: 询问, 提取「nginx-access.log」, 批准（黄建国，电话批准）. */
  label: string;
  /** The content path of `at` (the editor jumps there), and of `end`. */
  path: string;
  endPath?: string;
  /** The officers (ids) who took part: the same officer cannot be in two records at once. */
  officers?: string[];
  /** An evidence item the act concerns (an import): the device's own import record is then not listed twice. */
  evidenceId?: string;
  /** The document of the case the act concerns (the one served, decided on, checked), by id. */
  target?: string;
  /** The reason recorded for the act's timing (a decision after the period, a 复查 before it ends). */
  reason?: string;
}

/** A person a document names, with what the witness and identity-number rules need. */
export interface NamedPerson {
  /** The content path of the person (interviewee, witness, present.0). */
  path: string;
  /** The person's role in the document, in Chinese: 被询问人, 见证人, 在场人员, 电子数据持有人. */
  role: string;
  name: string;
  idType: string;
  idNumber: string;
  /** Employer or unit as recorded. */
  unit: string;
  /** How the person relates to the case or the party, as recorded (受委托人, 员工, 技术总监 …). */
  relation: string;
  /** The person witnesses the record (见证人): they must not be on the party's side. */
  witness: boolean;
}

export interface DocumentFacts {
  acts: DatedAct[];
  /** When the record was complete (its end), from which its signing is counted; '' while unknown. */
  completeAt: string;
  /** The content path of `completeAt`. */
  completePath: string;
  /** The documents this one records as its measures (a 现场笔录's linked 登记保存 …), by id. */
  measures: string[];
  persons: NamedPerson[];
  /**
   * The confirmation written in the record for its signer (「以上记录属实」), and the signers' roles
   * (as their signature slots name them) whose refusal to sign it would contradict.
   */
  confirmation?: { path: string; text: string; roles: string[] };
}

const MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A recorded time the timeline can place: a minute or a day (empty and malformed ones are left out). */
export const isTime = (v: string | undefined): v is string => !!v && (MINUTE.test(v) || DAY.test(v));

/** A minute `n` minutes after a minute (Beijing time has no daylight saving: plain arithmetic). */
export function addMinutes(minute: string, n: number): string {
  const [d, t = '00:00'] = minute.split('T') as [string, string?];
  const [y, mo, da] = d.split('-').map(Number) as [number, number, number];
  const [h, mi] = t.split(':').map(Number) as [number, number];
  const x = new Date(Date.UTC(y, mo - 1, da, h, mi) + n * 60_000);
  const p = (v: number) => String(v).padStart(2, '0');
  return `${x.getUTCFullYear()}-${p(x.getUTCMonth() + 1)}-${p(x.getUTCDate())}T${p(x.getUTCHours())}:${p(x.getUTCMinutes())}`;
}

/** Minutes from `a` to `b` (both minutes). */
export function minutesBetween(a: string, b: string): number {
  const at = (m: string) => Date.parse(`${m}:00Z`);
  return Math.round((at(b) - at(a)) / 60_000);
}

/** 2026-11-20T09:30 → 2026-11-20 09:30 (how messages quote a recorded time). */
export const shown = (v: string) => v.replace('T', ' ');
