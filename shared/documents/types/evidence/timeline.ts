// What a 电子取证工作记录 says about time and people (shared/timeline/facts.ts): the collection from
// start to end by the collectors and the recorder, each step, each item's extraction on site
// (提取时间) and its entry into the app's store (入库时间), the witness and the data's holder.
import type { DatedAct, DocumentFacts } from '../../../timeline/facts.ts';
import type { EvidenceContent } from './content.ts';

export function evidenceFacts(c: EvidenceContent): DocumentFacts {
  const steps: DatedAct[] = c.steps.map((s, i) => ({
    kind: 'step',
    at: s.time,
    label: `第${i + 1}步：${s.text.length > 40 ? `${s.text.slice(0, 40)}…` : s.text}`,
    path: `steps.${i}.time`,
  }));
  const items: DatedAct[] = c.items.flatMap((it, i): DatedAct[] => [
    { kind: 'extraction', at: it.time, label: `提取「${it.name}」`, path: `items.${i}.time` },
    ...(it.importedAt
      ? [
          {
            kind: 'import' as const,
            at: it.importedAt,
            label: `「${it.name}」导入本机取证存储`,
            path: `items.${i}.importedAt`,
            ...(it.evidenceId ? { evidenceId: it.evidenceId } : {}),
          },
        ]
      : []),
  ]);
  return {
    acts: [
      {
        kind: 'record',
        at: c.startTime,
        end: c.endTime,
        label: '电子取证',
        path: 'startTime',
        endPath: 'endTime',
        officers: [...c.collectorIds, c.recorderId].filter(Boolean),
      },
      ...steps,
      ...items,
    ],
    completeAt: c.endTime,
    completePath: 'endTime',
    measures: [],
    persons: [
      {
        path: 'witness',
        role: '见证人',
        name: c.witness.name,
        idType: c.witness.idType,
        idNumber: c.witness.idNumber,
        unit: c.witness.unit,
        relation: c.witness.role,
        witness: true,
      },
      {
        path: 'holder',
        role: '电子数据持有人',
        name: c.holder.name,
        idType: c.holder.idType,
        idNumber: c.holder.idNumber,
        unit: c.holder.unit,
        relation: c.holder.role,
        witness: false,
      },
    ],
  };
}
