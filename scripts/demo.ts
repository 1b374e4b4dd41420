// `npm run demo -- --data DIR`: a complete, realistic sample case in DIR (fictional party), made
// through the same API the app uses — for training, screenshots and review. Later issues extend
// it (documents, evidence, signatures, seals, PDFs and bundles in DIR/exports/).
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dispatch } from '../core/api/dispatch.ts';
import { openCore, type AppCore } from '../core/app-core.ts';
import type { CallName } from '../shared/api/call-names.ts';
import type { CallInput, CallOutput } from '../shared/api/contract.ts';
import { DEMO_AGENCY, DEMO_CASES, DEMO_OFFICERS } from './demo-data.ts';
import { demoEvidence, demoInquiry, demoOnsite, demoPreservation } from './demo-documents.ts';
import type { DocumentType } from '../shared/documents/document-types.ts';
import { DOCUMENT_TYPE_LABELS } from '../shared/documents/document-types.ts';

const { values } = parseArgs({ options: { data: { type: 'string' } }, strict: true });
if (!values.data) {
  console.error('用法：npm run demo -- --data 数据目录');
  process.exit(2);
}
const dataDir = resolve(values.data);
if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
  console.error(`数据目录 ${dataDir} 不是空的。示例案件只能生成到新的空目录，以免与真实数据混在一起。`);
  process.exit(1);
}

const core: AppCore = openCore({ dataDir });
async function must<K extends CallName>(name: K, arg: CallInput<K>): Promise<CallOutput<K>> {
  const r = await dispatch(core, name, arg);
  if (!r.ok) throw new Error(`${name}: ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
  return r.value as CallOutput<K>;
}

try {
  await must('office.setup', { agencyName: DEMO_AGENCY, officers: DEMO_OFFICERS });
  for (const o of DEMO_OFFICERS) await must('session.signIn', { certNo: o.certNo, password: o.password });
  const officerIds = (await must('officers.list', {})).map((o) => o.id);
  const made: string[] = [];
  const caseIds: string[] = [];
  for (const c of DEMO_CASES) {
    const matter = (await must('catalog.search', { query: c.matterQuery })).items[0];
    if (!matter) throw new Error(`catalog has no matter for ${c.matterQuery}`);
    const created = await must('cases.create', { ...c.input, matterId: matter.id, officerIds });
    if (c.status) await must('cases.setStatus', { id: created.id, status: c.status, note: c.statusNote ?? '' });
    made.push(`${created.caseNo} ${created.title}（${matter.name}）`);
    caseIds.push(created.id);
  }
  // The first case gets one of each document, complete and at 待签名.
  const [a, b] = officerIds as [string, string];
  const write = async (type: DocumentType, content: (ids: Record<string, string>) => Record<string, unknown>, ids: Record<string, string>) => {
    const d = await must('documents.create', { caseId: caseIds[0]!, type });
    await must('documents.save', { id: d.id, revision: d.revision, content: content(ids) });
    const ready = await must('documents.markReady', { id: d.id });
    made.push(`  ${DOCUMENT_TYPE_LABELS[type]} ${ready.docNo}（${ready.subject}，待签名）`);
    return d.id;
  };
  const evidenceId = await write('evidence', () => demoEvidence([a, b], b), {});
  await write('onsite', () => demoOnsite([a, b], b, evidenceId), {});
  await write('inquiry', () => demoInquiry(a, b), {});
  await write('preservation', () => demoPreservation([a, b]), {});
  const exportsDir = join(dataDir, 'exports');
  mkdirSync(exportsDir, { recursive: true });
  const lines = [
    `示例数据（虚构）：${DEMO_AGENCY}`,
    '',
    '执法人员（登录用）：',
    ...DEMO_OFFICERS.map((o) => `  ${o.name}  执法证号 ${o.certNo}  密码 ${o.password}`),
    '',
    '案件：',
    ...made.map((m) => `  ${m}`),
    '',
    `打开：npm run web -- --port 8080 --data ${dataDir}`,
  ];
  writeFileSync(join(exportsDir, '示例说明.txt'), lines.join('\n') + '\n');
  console.log(lines.join('\n'));
} finally {
  core.close();
}
