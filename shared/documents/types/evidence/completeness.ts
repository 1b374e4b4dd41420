// What the law requires of a 电子取证工作记录 before it may go to signing (DOCUMENTS.md, 2017 regulation
// art. 18–30). Each issue names the field (a dotted path the editor can jump to) and says in Chinese
// what is missing. The editor shows the list live, the core enforces it (shared/documents/completeness.ts).
import { collector, filled, idValid, times, type Check, type CompletenessIssue } from '../../completeness-rules.ts';
import { isTime, minutesBetween, shown } from '../../../timeline/facts.ts';
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
  'stepTime',
  'itemTime',
  'itemCustody',
  'itemWithoutStep',
  'stepItemMissing',
] as const;

/** Longer than this between extraction and import, the 清单 row must say where the data was (保管情况). */
export const CUSTODY_GAP_MINUTES = 15;

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
  timesInOrder(need, c);
  stepsAndItems(need, c);
  return issues;
}

/**
 * Times inside the record in order: each step and each extraction within the collection's start
 * and end, the steps one after another, an item extracted no later than it entered the store,
 * and a long gap between the two explained (where the data was: custody).
 */
function timesInOrder(need: Check<(typeof EVIDENCE_RULES)[number]>, c: EvidenceContent) {
  const span = isTime(c.startTime) && isTime(c.endTime) && c.endTime > c.startTime;
  const within = (t: string) => !span || (t >= c.startTime && t <= c.endTime);
  const record = span ? `取证时间（${shown(c.startTime)}至${shown(c.endTime)}）` : '';
  let last = '';
  c.steps.forEach((s, i) => {
    if (!isTime(s.time)) return;
    need(
      within(s.time),
      'stepTime',
      `steps.${i}.time`,
      `第${i + 1}步的时间（${shown(s.time)}）不在${record}内：请核对该步骤的时间或取证起止时间。`,
    );
    need(
      !last || s.time >= last,
      'stepTime',
      `steps.${i}.time`,
      `第${i + 1}步的时间（${shown(s.time)}）早于上一步（${shown(last)}）：取证步骤应按时间顺序记录。`,
    );
    last = s.time;
  });
  c.items.forEach((it, i) => {
    if (!isTime(it.time)) return;
    need(
      within(it.time),
      'itemTime',
      `items.${i}.time`,
      `电子数据清单第${i + 1}项的提取时间（${shown(it.time)}）不在${record}内：提取时间应为现场记录的时间，请核对。`,
    );
    if (!isTime(it.importedAt)) return;
    need(
      it.time <= it.importedAt,
      'itemTime',
      `items.${i}.time`,
      `电子数据清单第${i + 1}项的提取时间（${shown(it.time)}）晚于其导入本机的时间（${shown(it.importedAt)}）：数据不能在提取之前导入，请核对。`,
    );
    const gap = minutesBetween(it.time, it.importedAt);
    need(
      gap <= CUSTODY_GAP_MINUTES || filled(it.custody),
      'itemCustody',
      `items.${i}.custody`,
      `电子数据清单第${i + 1}项于${shown(it.time)}提取、${shown(it.importedAt)}导入，相隔${gap}分钟：请在「保管情况」中说明其间数据存放在哪一存储介质、由谁保管、是否封存。`,
    );
  });
}

/**
 * The steps and the 清单 list the same items: every row was produced by a step (a step naming it,
 * or the import's own step), and no step names a row that is not in the list. Only once there are
 * steps and rows at all (their absence is a rule of its own).
 */
function stepsAndItems(need: Check<(typeof EVIDENCE_RULES)[number]>, c: EvidenceContent) {
  const steps = c.steps.filter((s) => filled(s.text));
  if (steps.length === 0 || c.items.length === 0) return;
  const produced = new Set(steps.flatMap((s) => s.itemIds));
  c.items.forEach((it, i) =>
    need(
      produced.has(it.id),
      'itemWithoutStep',
      `items.${i}.name`,
      `电子数据清单第${i + 1}项「${it.name}」没有对应的取证步骤：请在产生它的步骤中选择该项，或补记该步骤。`,
    ),
  );
  const rows = new Set(c.items.map((it) => it.id));
  c.steps.forEach((s, i) => {
    const missing = s.itemIds.filter((id) => !rows.has(id));
    need(
      missing.length === 0,
      'stepItemMissing',
      `steps.${i}.itemIds`,
      `第${i + 1}步记录产生的电子数据已不在电子数据清单中：请把该数据登记到清单，或修改该步骤。`,
    );
  });
}
