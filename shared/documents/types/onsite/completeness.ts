// What the law requires of a 现场笔录 before it may go to signing (DOCUMENTS.md, 2017 regulation
// art. 18–30). Each issue names the field (a dotted path the editor can jump to) and says in Chinese
// what is missing. The editor shows the list live, the core enforces it (shared/documents/completeness.ts).
import {
  collector,
  filled,
  idValid,
  openings,
  times,
  type CheckContext,
  type CompletenessIssue,
} from '../../completeness-rules.ts';
import type { DocumentTemplate } from '../../templates.ts';
import type { OnsiteContent } from './content.ts';

/** Every rule code: a check can only name one of these, and completeness.test.ts demands a failing case for each. */
export const ONSITE_RULES = [
  'startTime',
  'endTime',
  'timeOrder',
  'place',
  'inspectors',
  'recorder',
  'reason',
  'partyName',
  'partyNotice',
  'opening',
  'witnessName',
  'witnessId',
  'idValid',
  'findings',
  'evidenceLink',
  'preservationLink',
  'linkTarget',
  'reviewLink',
  'reviewOutcome',
  'reviewTemplate',
  'confirmation',
] as const;

/** The template versions whose print states a 复查's outcome and early reason (2026.2 on). */
export const PRINTS_REVIEW: readonly string[] = ['2026.2'];

/**
 * Which documents each measure of a 现场笔录 links to: 电子取证 to the 电子取证工作记录 made on site,
 * 先行登记保存 to its 登记保存物品清单 (both required); photos and video, optionally, to the
 * 电子取证工作记录 that lists the files; 其他 to any document of the case ('any': every registered type).
 */
export const MEASURE_LINKS: Record<
  OnsiteContent['measures'][number]['kind'],
  { types: readonly string[] | 'any'; required: boolean }
> = {
  拍照: { types: ['evidence'], required: false },
  录像: { types: ['evidence'], required: false },
  电子取证: { types: ['evidence'], required: true },
  先行登记保存: { types: ['preservation'], required: true },
  复查: { types: ['rectification'], required: true },
  其他: { types: 'any', required: false },
};

/** The types a measure of this kind may link to, out of every registered type (in the registry's order). */
export function measureLinkTypes<T extends string>(
  kind: OnsiteContent['measures'][number]['kind'],
  allTypes: readonly T[],
): T[] {
  const t = MEASURE_LINKS[kind].types;
  return allTypes.filter((x) => t === 'any' || t.includes(x));
}

/** Why a measure's link is not acceptable (another case's, a wrong type, unknown), or null. */
export function measureLinkError(m: OnsiteContent['measures'][number], i: number, ctx: CheckContext): string | null {
  if (!m.linkedDocumentId) return null;
  const allowed = measureLinkTypes(
    m.kind,
    ctx.types.map((t) => t.type),
  );
  const label = (type: string) => ctx.types.find((t) => t.type === type)?.label ?? type;
  const names = allowed.map(label).join('、');
  const target = ctx.caseDocuments.find((d) => d.id === m.linkedDocumentId);
  if (!target) return `第${i + 1}项措施（${m.kind}）关联的文书不属于本案：请从本案的${names}中重新选择。`;
  if (!allowed.includes(target.type))
    return `第${i + 1}项措施（${m.kind}）只能关联本案的${names}，不能关联${label(target.type)}：请重新选择。`;
  return null;
}

export function checkOnsite(c: OnsiteContent, t: DocumentTemplate, ctx: CheckContext): CompletenessIssue[] {
  const { issues, need } = collector<(typeof ONSITE_RULES)[number]>();
  times(need, c.startTime, c.endTime, '检查');
  need(filled(c.place), 'place', 'place', '请填写检查地点。');
  need(
    new Set(c.inspectorIds.filter(Boolean)).size >= 2,
    'inspectors',
    'inspectorIds',
    '须有两名不同的检查人员（执法人员不得少于两人）。',
  );
  need(filled(c.recorderId), 'recorder', 'recorderId', '请指定记录人。');
  need(filled(c.reason), 'reason', 'reason', '请填写检查事由（依法就××进行现场检查）。');
  need(filled(c.party.name), 'partyName', 'party.name', '请填写当事人名称或姓名。');
  if (filled(c.party.licence)) idValid(need, c.party.licence, c.party.idNumber, 'party.idNumber', '当事人');
  c.present.forEach((p, i) =>
    idValid(need, p.idType, p.idNumber, `present.${i}.idNumber`, `在场人员${p.name || i + 1}`),
  );
  idValid(need, c.witness.idType, c.witness.idNumber, 'witness.idNumber', '见证人');
  need(filled(c.partyNotice), 'partyNotice', 'partyNotice', '请记录通知当事人到场的情况。');
  if (c.partyNotice === '已通知，当事人到场') openings(need, c.openings, t, '当事人');
  else if (filled(c.partyNotice)) {
    need(filled(c.witness.name), 'witnessName', 'witness.name', '当事人不在场时须有见证人：请填写见证人姓名。');
    need(
      filled(c.witness.idNumber),
      'witnessId',
      'witness.idNumber',
      '当事人不在场时须有见证人：请填写见证人身份证件号码。',
    );
  }
  need(filled(c.findings), 'findings', 'findings', '请填写现场检查情况。');
  c.measures.forEach((m, i) => {
    const path = `measures.${i}.linkedDocumentId`;
    if (m.kind === '电子取证')
      need(
        filled(m.linkedDocumentId),
        'evidenceLink',
        path,
        `第${i + 1}项措施为电子取证：请关联对应的电子取证工作记录。`,
      );
    if (m.kind === '先行登记保存')
      need(
        filled(m.linkedDocumentId),
        'preservationLink',
        path,
        `第${i + 1}项措施为先行登记保存：请关联对应的登记保存物品清单。`,
      );
    if (m.kind === '复查') {
      need(
        filled(m.linkedDocumentId),
        'reviewLink',
        path,
        `第${i + 1}项措施为复查：请关联所复查的责令（限期）改正通知书。`,
      );
      need(
        filled(m.outcome),
        'reviewOutcome',
        `measures.${i}.outcome`,
        `第${i + 1}项措施为复查：请选择复查结论（已改正、部分改正或未改正），并在说明中写明复查所见。`,
      );
      need(
        PRINTS_REVIEW.includes(t.version),
        'reviewTemplate',
        `measures.${i}.kind`,
        `本现场笔录使用的模板版本（${t.version}）不能打印复查结论：复查是一次新的现场检查，请新建现场笔录记录复查。`,
      );
    }
    const wrong = measureLinkError(m, i, ctx);
    need(wrong === null, 'linkTarget', path, wrong ?? '');
  });
  need(filled(c.confirmation), 'confirmation', 'confirmation', '请记录当事人（或见证人）对记录的确认意见。');
  return issues;
}
