// Data folders for benchmarks: an office, two officers, a case, and an inquiry of N Q&A pairs,
// made through the core like the demo does.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../core/api/dispatch.ts';
import { openCore } from '../core/app-core.ts';
import { newCustody } from '../core/vault/key-custody.ts';
import { silentLog } from '../protocol/runtime/log.ts';
import type { CallName } from '../shared/api/call-names.ts';
import type { CallInput, CallOutput } from '../shared/api/contract.ts';
import { demoInquiry } from '../scripts/demo-documents.ts';
import { DEMO_CASES, DEMO_OFFICERS } from '../scripts/demo-data.ts';

export const BENCH_OFFICERS = DEMO_OFFICERS;

export function longInquiryPairs(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: `q${i}`,
    q: `第${i + 1}个问题：请说明你单位在${2020 + (i % 6)}年${(i % 12) + 1}月对平台用户发布信息的审核情况，以及审核人员的配置和职责分工。`,
    a: `回答${i + 1}：当月由内容审核组${(i % 5) + 2}名审核员轮班审核，夜间由值班主管抽查。审核记录保存在后台系统中，可以导出。对发现的违法违规信息，我们按照《网络信息内容生态治理规定》进行了删除处理，并向主管部门报告。`,
  }));
}

export async function dataFolderWithInquiry(
  pairs: number,
): Promise<{ dir: string; caseId: string; docId: string; revision: number; content: Record<string, unknown> }> {
  const dir = mkdtempSync(join(tmpdir(), `bench-inquiry-${pairs}-`));
  const core = openCore({ dataDir: dir, log: silentLog, custody: newCustody(dir) });
  const must = async <K extends CallName>(name: K, arg: CallInput<K>) => {
    const r = await dispatch(core, name, arg);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as CallOutput<K>;
  };
  try {
    await must('office.setup', { agencyName: '柳州市柳南区互联网信息办公室', officers: DEMO_OFFICERS });
    for (const o of DEMO_OFFICERS) await must('session.signIn', { certNo: o.certNo, password: o.password });
    const ids = (await must('officers.list', {})).map((o) => o.id);
    const c = await must('cases.create', { ...DEMO_CASES[0]!.input, matterId: 'csl-59', officerIds: ids });
    const d = await must('documents.create', { caseId: c.id, type: 'inquiry' });
    const content = { ...demoInquiry(ids[0]!, ids[1]!), qa: longInquiryPairs(pairs) };
    const saved = await must('documents.save', { id: d.id, revision: d.revision, content });
    return { dir, caseId: c.id, docId: d.id, revision: saved.revision, content };
  } finally {
    core.close();
  }
}
