// What the law requires of a 电子取证工作记录 before it may go to signing (DOCUMENTS.md, 2017 regulation
// art. 18–30). Each issue names the field (a dotted path the editor can jump to) and says in Chinese
// what is missing. The editor shows the list live, the core enforces it (shared/documents/completeness.ts).
import { collector, filled, idValid, times, type CompletenessIssue } from '../../completeness-rules.ts';
import type { EvidenceContent } from './content.ts';

/** Every rule code: a check can only name one of these, and completeness.test.ts demands a failing case for each. */
export const EVIDENCE_RULES = [
  'startTime',
  'endTime',
  'timeOrder',
  'timeSource',
  'place',
  'collectors',
  'recorder',
  'method',
  'target',
  'witnessOrReason',
  'idValid',
  'device',
  'steps',
  'itemsPresent',
  'itemName',
  'itemCategory',
  'itemSha256',
] as const;

export function checkEvidence(c: EvidenceContent): CompletenessIssue[] {
  const { issues, need } = collector<(typeof EVIDENCE_RULES)[number]>();
  times(need, c.startTime, c.endTime, '取证');
  need(
    filled(c.timeSource),
    'timeSource',
    'timeSource',
    '请说明取证时间的来源（本机时钟及其与可信时间的偏差，或无法核对的事实）。',
  );
  need(filled(c.place), 'place', 'place', '请填写取证地点（远程取证填写所在办公场所）。');
  need(
    new Set(c.collectorIds.filter(Boolean)).size >= 2,
    'collectors',
    'collectorIds',
    '须有两名不同的取证人（执法人员不得少于两人）。',
  );
  need(filled(c.recorderId), 'recorder', 'recorderId', '请指定记录人。');
  need(filled(c.method), 'method', 'method', '请选择取证方式。');
  const t = c.target;
  need(
    [t.siteName, t.url, t.domain, t.appName, t.account, t.device].some(filled),
    'target',
    'target.siteName',
    '请填写取证对象（网站、网址、APP、账号或设备中至少一项）。',
  );
  need(
    filled(c.witness.name) || filled(c.noWitnessReason),
    'witnessOrReason',
    'witness.name',
    '请填写见证人，或说明没有见证人的原因（此时应全程录像）。',
  );
  idValid(need, c.witness.idType, c.witness.idNumber, 'witness.idNumber', '见证人');
  idValid(need, c.holder.idType, c.holder.idNumber, 'holder.idNumber', '电子数据持有人');
  need(filled(c.environment.device), 'device', 'environment.device', '请填写取证所用设备（型号、序列号）。');
  need(
    c.steps.some((s) => filled(s.text)),
    'steps',
    'steps',
    '请记录取证步骤。',
  );
  need(c.items.length > 0, 'itemsPresent', 'items', '电子数据清单为空：请至少登记一项电子数据。');
  c.items.forEach((it, i) => {
    need(filled(it.name), 'itemName', `items.${i}.name`, `电子数据清单第${i + 1}项缺少名称。`);
    need(filled(it.category), 'itemCategory', `items.${i}.category`, `电子数据清单第${i + 1}项缺少类别。`);
    need(filled(it.sha256), 'itemSha256', `items.${i}.sha256`, `电子数据清单第${i + 1}项缺少完整性校验值（SHA-256）。`);
  });
  return issues;
}
