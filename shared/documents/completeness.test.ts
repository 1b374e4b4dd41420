// Every completeness rule has a failing and a passing case: the demo's documents are complete,
// and each mutation below must raise exactly the issue it names.
import { describe, expect, it } from 'vitest';
import { demoEvidence, demoInquiry, demoOnsite, demoPreservation } from '../../scripts/demo-documents.ts';
import { checkCompleteness, type CompletenessIssue } from './completeness.ts';
import type { DocumentType } from './document-types.ts';
import { templateFor } from './templates.ts';

const A = 'officer-a';
const B = 'officer-b';
const complete = {
  inquiry: () => demoInquiry(A, B),
  onsite: () => demoOnsite([A, B], B, 'evidence-doc'),
  evidence: () => demoEvidence([A, B], B),
  preservation: () => demoPreservation([A, B]),
};
const check = (type: DocumentType, c: unknown): CompletenessIssue[] => checkCompleteness(type, c, templateFor(type));

type Mutation = [string, (c: never) => void, string, RegExp];
const cases: Record<DocumentType, Mutation[]> = {
  inquiry: [
    ['no end time', (c: { endTime: string }) => (c.endTime = ''), 'endTime', /结束时间/],
    ['end before start', (c: { endTime: string }) => (c.endTime = '2026-11-20T09:00'), 'endTime', /不能早于/],
    ['no place', (c: { place: string }) => (c.place = ' '), 'place', /地点/],
    ['one officer in both roles', (c: { recorderId: string }) => (c.recorderId = A), 'recorderId', /两名不同的执法人员/],
    ['interviewee without ID number', (c: { interviewee: { idNumber: string } }) => (c.interviewee.idNumber = ''), 'interviewee.idNumber', /未填写身份证件号码/],
    ['wrong ID check digit', (c: { interviewee: { idNumber: string } }) => (c.interviewee.idNumber = '450203198805120030'), 'interviewee.idNumber', /校验位/],
    ['no relation to the case', (c: { interviewee: { relation: string } }) => (c.interviewee.relation = ''), 'interviewee.relation', /关系/],
    ['an opening statement without its answer', (c: { openings: { answer: string }[] }) => (c.openings[1]!.answer = ''), 'openings.1.answer', /第2项告知/],
    ['a question without its answer', (c: { qa: { a: string }[] }) => (c.qa[2]!.a = ''), 'qa.2.a', /第3问尚未记录回答/],
    ['no Q&A at all', (c: { qa: unknown[] }) => (c.qa = []), 'qa', /没有问答/],
    ['no confirmation', (c: { confirmation: string }) => (c.confirmation = ''), 'confirmation', /确认意见/],
  ],
  onsite: [
    ['only one inspector', (c: { inspectorIds: string[] }) => (c.inspectorIds = [A]), 'inspectorIds', /两名不同的检查人员/],
    ['no findings', (c: { findings: string }) => (c.findings = ''), 'findings', /检查情况/],
    ['party notice not recorded', (c: { partyNotice: string }) => (c.partyNotice = ''), 'partyNotice', /通知当事人到场/],
    ['party absent and no witness', (c: { partyNotice: string }) => (c.partyNotice = '已通知，当事人未到场'), 'witness.name', /见证人/],
    ['e-evidence measure without its record', (c: { measures: { linkedDocumentId: string }[] }) => (c.measures[1]!.linkedDocumentId = ''), 'measures.1.linkedDocumentId', /电子取证工作记录/],
    ['opening unanswered while the party is present', (c: { openings: { answer: string }[] }) => (c.openings[0]!.answer = ''), 'openings.0.answer', /第1项告知/],
  ],
  evidence: [
    ['no method', (c: { method: string }) => (c.method = ''), 'method', /取证方式/],
    ['no target', (c: { target: Record<string, string> }) => (c.target = { siteName: '', url: '', domain: '', ip: '', appName: '', appVersion: '', account: '', group: '', device: '' }), 'target.siteName', /取证对象/],
    ['no time source', (c: { timeSource: string }) => (c.timeSource = ''), 'timeSource', /时间的来源/],
    ['no witness and no reason', (c: { witness: { name: string }; noWitnessReason: string }) => ((c.witness.name = ''), (c.noWitnessReason = '')), 'witness.name', /没有见证人的原因/],
    ['an item without a hash', (c: { items: { sha256: string }[] }) => (c.items[0]!.sha256 = ''), 'items.0.sha256', /完整性校验值/],
    ['an empty list', (c: { items: unknown[] }) => (c.items = []), 'items', /清单为空/],
    ['no steps', (c: { steps: unknown[] }) => (c.steps = []), 'steps', /取证步骤/],
  ],
  preservation: [
    ['a row without name', (c: { items: { name: string }[] }) => (c.items[0]!.name = ''), 'items.0.name', /缺少名称/],
    ['a row without quantity', (c: { items: { quantity: string }[] }) => (c.items[1]!.quantity = '0'), 'items.1.quantity', /缺少数量/],
    ['no approval', (c: { approval: { approver: string } }) => (c.approval.approver = ''), 'approval.approver', /负责人批准/],
    ['approval method unknown', (c: { approval: { how: string } }) => (c.approval.how = ''), 'approval.how', /批准方式/],
    ['no place', (c: { place: string }) => (c.place = ''), 'place', /保存地点/],
  ],
};

describe('completeness rules', () => {
  for (const type of Object.keys(cases) as DocumentType[]) {
    describe(type, () => {
      it('a complete document has no issue', () => {
        expect(check(type, complete[type]())).toEqual([]);
      });
      for (const [what, mutate, path, message] of cases[type]) {
        it(`flags: ${what}`, () => {
          const c = complete[type]();
          mutate(c as never);
          const issues = check(type, c);
          const hit = issues.find((i) => i.path === path);
          expect(hit, JSON.stringify(issues)).toBeDefined();
          expect(hit!.message).toMatch(message);
        });
      }
    });
  }
});
