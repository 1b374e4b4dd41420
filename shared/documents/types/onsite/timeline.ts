// What a 现场笔录 says about time and people (shared/timeline/facts.ts): the inspection from start
// to end by the inspectors and the recorder, the documents its measures link (a 先行登记保存 done
// during it), each 复查 of a 责令改正通知书 made in it (at the inspection's start), the people
// present and the witness, and the party's confirmation.
import type { DocumentFacts, NamedPerson } from '../../../timeline/facts.ts';
import type { OnsiteContent } from './content.ts';

export function onsiteFacts(c: OnsiteContent): DocumentFacts {
  const present: NamedPerson[] = c.present.map((p, i) => ({
    path: `present.${i}`,
    role: '在场人员',
    name: p.name,
    idType: p.idType,
    idNumber: p.idNumber,
    unit: p.unit,
    relation: p.role,
    witness: false,
  }));
  const w = c.witness;
  return {
    acts: [
      {
        kind: 'record',
        at: c.startTime,
        end: c.endTime,
        label: '现场检查',
        path: 'startTime',
        endPath: 'endTime',
        officers: [...c.inspectorIds, c.recorderId].filter(Boolean),
      },
      ...c.measures.flatMap((m, i) =>
        m.kind === '复查' && m.linkedDocumentId
          ? [
              {
                kind: 'review' as const,
                at: c.startTime,
                label: `复查改正情况${m.outcome ? `（${m.outcome}）` : ''}`,
                path: `measures.${i}.kind`,
                target: m.linkedDocumentId,
                reason: m.earlyReason,
              },
            ]
          : [],
      ),
    ],
    completeAt: c.endTime,
    completePath: 'endTime',
    measures: c.measures.map((m) => m.linkedDocumentId).filter(Boolean),
    persons: [
      ...present,
      {
        path: 'witness',
        role: '见证人',
        name: w.name,
        idType: w.idType,
        idNumber: w.idNumber,
        unit: w.unit,
        relation: w.role,
        witness: true,
      },
    ],
    confirmation: { path: 'confirmation', text: c.confirmation, roles: ['当事人'] },
  };
}
