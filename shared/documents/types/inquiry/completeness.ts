// What the law requires of a 询问笔录 before it may go to signing (DOCUMENTS.md, 2017 regulation
// art. 18–30). Each issue names the field (a dotted path the editor can jump to) and says in Chinese
// what is missing. The editor shows the list live, the core enforces it (shared/documents/completeness.ts).
import { collector, filled, idNumber, openings, times, type CompletenessIssue } from '../../completeness-rules.ts';
import type { DocumentTemplate } from '../../templates.ts';
import type { InquiryContent } from './content.ts';

/** Every rule code: a check can only name one of these, and completeness.test.ts demands a failing case for each. */
export const INQUIRY_RULES = [
  'startTime',
  'endTime',
  'timeOrder',
  'place',
  'inquirer',
  'recorder',
  'distinctRoles',
  'intervieweeName',
  'idNumber',
  'idValid',
  'relation',
  'opening',
  'qaPresent',
  'answer',
  'question',
  'closingMode',
  'confirmation',
] as const;

export function checkInquiry(c: InquiryContent, t: DocumentTemplate): CompletenessIssue[] {
  const { issues, need } = collector<(typeof INQUIRY_RULES)[number]>();
  times(need, c.startTime, c.endTime, '询问');
  need(filled(c.place), 'place', 'place', '请填写询问地点。');
  need(filled(c.inquirerId), 'inquirer', 'inquirerId', '请指定询问人。');
  need(filled(c.recorderId), 'recorder', 'recorderId', '请指定记录人。');
  if (filled(c.inquirerId) && filled(c.recorderId))
    need(c.inquirerId !== c.recorderId, 'distinctRoles', 'recorderId', '询问人和记录人须为两名不同的执法人员。');
  const p = c.interviewee;
  need(filled(p.name), 'intervieweeName', 'interviewee.name', '请填写被询问人姓名。');
  idNumber(need, p.idType, p.idNumber, 'interviewee.idNumber', '被询问人');
  need(
    filled(p.relation),
    'relation',
    'interviewee.relation',
    '请填写被询问人与案件的关系（当事人、法定代表人、受委托人、员工、证人等）。',
  );
  openings(need, c.openings, t, '被询问人');
  need(
    c.qa.some((x) => filled(x.q)),
    'qaPresent',
    'qa',
    '笔录正文还没有问答内容。',
  );
  c.qa.forEach((x, i) => {
    if (filled(x.q))
      need(
        filled(x.a),
        'answer',
        `qa.${i}.a`,
        `第${i + 1}问尚未记录回答（如被询问人未回答，请如实记录，例如「不回答」）。`,
      );
    else need(!filled(x.a), 'question', `qa.${i}.q`, `第${i + 1}问有回答但缺少问题。`);
  });
  const alternatives = t.closingAlternatives;
  if (alternatives) {
    const chosen = (c as Record<string, unknown>)[alternatives.path];
    need(
      alternatives.options.some((o) => o.value === chosen),
      'closingMode',
      alternatives.path,
      `请选择${alternatives.label}（${alternatives.options.map((o) => o.label).join('或')}）：笔录结尾只打印实际采用的方式。`,
    );
  }
  need(
    filled(c.confirmation),
    'confirmation',
    'confirmation',
    '请记录被询问人对笔录的确认意见（如「以上笔录我已看过，与我所说的相符」）。',
  );
  return issues;
}
