// The signing of a record against the record: lateSignature (a sitting begun long after the record
// was complete, with no reason recorded: it reads as 事后补签) and confirmedThenRefused (a record
// that says its signer confirmed it 「属实」, and the same signer's refusal to sign it). The core
// applies the same two tests when a sitting starts (signing.start asks for the reason) and when a
// refusal is recorded (signing.resolve refuses it), through the functions exported here.
import { toLocalMinute } from '../../documents/local-time.ts';
import { addMinutes, isTime, minutesBetween, shown } from '../facts.ts';
import type { Found, RuleContext } from '../rule-context.ts';

/** Signing that begins more than this many minutes after a record is complete needs a reason (default of the setting). */
export const DEFAULT_LATE_SIGNING_MINUTES = 120;

/** The minute a record counts as complete: a day alone (older records) counts from its end. */
const completeMinute = (completeAt: string) => (completeAt.includes('T') ? completeAt : `${completeAt}T23:59`);

/**
 * How many minutes late a sitting begun at `startedAt` (ISO) is, for a record complete at
 * `completeAt`, with `margin` minutes allowed; 0 when it is in time or the record's end is unknown.
 */
export function minutesLate(completeAt: string, startedAt: string, margin: number): number {
  if (!isTime(completeAt)) return 0;
  const start = toLocalMinute(new Date(startedAt));
  const limit = addMinutes(completeMinute(completeAt), margin);
  return start > limit ? minutesBetween(completeMinute(completeAt), start) : 0;
}

/**
 * Does a confirmation say the record is true (属实, 相符, 无误, 无异议, 认可 …) without recording an
 * objection or a refusal? Such a record cannot be refused by the same signer.
 */
export function affirms(text: string): boolean {
  const t = text.replace(/\s/g, '');
  return (
    /属实|相符|无误|无异议|没有异议|认可|确认/.test(t) &&
    !/拒绝|拒签|不认可|不属实|不相符|不一致|(?<!没)有异议|不同意|不予|不签|不确认/.test(t)
  );
}

export function lateSignature(x: RuleContext): Found[] {
  const margin = x.input.lateSigningMinutes;
  const out: Found[] = [];
  for (const d of x.input.documents) {
    const sittings = new Map<string, { startedAt: string; unexplained: number }>();
    for (const s of x.input.signatures) {
      if (s.documentId !== d.id || s.status !== 'signed') continue;
      const k = sittings.get(s.sittingId) ?? { startedAt: s.sittingStartedAt, unexplained: 0 };
      if (!s.reason) k.unexplained++;
      sittings.set(s.sittingId, k);
    }
    for (const k of sittings.values()) {
      const late = minutesLate(d.facts.completeAt, k.startedAt, margin);
      if (late === 0 || k.unexplained === 0) continue;
      out.push({
        rule: 'lateSignature',
        at: [{ documentId: d.id, path: d.facts.completePath }],
        message: `${x.name(d)}的签名于${shown(toLocalMinute(new Date(k.startedAt)))}开始，比笔录完成时间（${shown(d.facts.completeAt)}）晚${late}分钟，超过设定的${margin}分钟，其中${k.unexplained}处签名没有记录逾时签名的原因：这样的签名容易被认为是事后补签。请修改文书（已有签名作废）后重新签名，开始签名时说明逾时原因。`,
      });
    }
  }
  return out;
}

export function confirmedThenRefused(x: RuleContext): Found[] {
  const out: Found[] = [];
  for (const d of x.input.documents) {
    const c = d.facts.confirmation;
    if (!c || !affirms(c.text)) continue;
    for (const s of x.input.signatures)
      if (s.documentId === d.id && s.status === 'refused' && c.roles.includes(s.role))
        out.push({
          rule: 'confirmedThenRefused',
          at: [{ documentId: d.id, path: c.path }],
          message: refusalContradicts(c.text, s.role, s.signerName, s.reason),
        });
  }
  return out;
}

/** The message when a refusal contradicts the record's confirmation (also the core's refusal of it). */
export function refusalContradicts(confirmation: string, role: string, signer: string, reason: string): string {
  return `笔录中记录的确认意见为「${confirmation}」，而${role}${signer}拒绝签名（${reason}）：两者互相矛盾。请修改文书（已有签名将作废），如实记录${role}对笔录的意见和拒签理由（如「当事人拒绝签名，理由：……」），再重新提交签名。`;
}
